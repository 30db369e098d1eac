package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Helpers over golang.org/x/net/html nodes. The extractor walks the parsed
// tree directly for speed; goquery is used where CSS selectors are needed
// (site rules, known templates).

// dropAtoms are elements whose content is never article text.
var dropAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Select: true, atom.Option: true, atom.Button: true, atom.Input: true,
	atom.Textarea: true, atom.Svg: true, atom.Canvas: true, atom.Template: true,
	atom.Object: true, atom.Embed: true, atom.Head: true, atom.Link: true,
	atom.Meta: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// blockAtoms are elements that start a new line of text.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Section: true, atom.Article: true, atom.Blockquote: true, atom.Pre: true,
	atom.Figure: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Center: true, atom.Hr: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Nav: true, atom.Main: true, atom.Form: true, atom.Fieldset: true, atom.Address: true,
	atom.Caption: true, atom.Td: true, atom.Th: true, atom.Details: true, atom.Summary: true,
}

// containerAtoms are elements that can hold a whole article body.
var containerAtoms = map[atom.Atom]bool{
	atom.Div: true, atom.Td: true, atom.Table: true, atom.Tbody: true, atom.Tr: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Form: true,
	atom.Body: true, atom.Center: true, atom.Font: true, atom.Span: true, atom.Dd: true,
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// classID returns the lowercased class and id of n joined by a space.
func classID(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}

// hidden reports whether n is hidden by an inline style or attribute.
func hidden(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	st := attr(n, "style")
	if st == "" {
		return false
	}
	st = strings.ToLower(strings.ReplaceAll(st, " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// skipNode reports whether n's subtree never holds visible text. Hidden
// elements are removed beforehand by prune, so only the element type is
// checked here.
func skipNode(n *html.Node) bool {
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	return dropAtoms[n.DataAtom]
}

// nodeText returns the visible text of n with white space collapsed;
// block elements are separated by a space.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if skipNode(n) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// findAll returns the elements under n (inclusive) for which match is true,
// in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// isAncestor reports whether a is an ancestor of (or equal to) n.
func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}
