package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// neighbourRe finds the headlines of the neighbouring articles a news page
// links to: "上一条:乐山师范学院2011年度科研工作计划 下一条:…".
var neighbourRe = regexp.MustCompile(`(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]?\s*`)

// maxNeighbours bounds how many neighbour headlines an article keeps.
const maxNeighbours = 4

// neighbourHeadlines returns the headlines that follow the 上一条/下一条
// labels in a line of text, or nil.
func neighbourHeadlines(line string) []string {
	locs := neighbourRe.FindAllStringIndex(line, -1)
	var out []string
	for i, loc := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		h := strings.TrimSpace(line[loc[1]:end])
		if cjkCount(h) >= 4 && runeLen(h) <= 80 && !strings.HasPrefix(h, "没有") && !strings.HasPrefix(h, "无") {
			out = append(out, h)
		}
	}
	return out
}

// pageNeighbours finds the neighbour headlines anywhere on an HTML page:
// a text that starts with a 上一篇/下一篇 label, followed by the headline
// in the same text or in the link after it.
func pageNeighbours(root *html.Node) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if len(out) >= maxNeighbours {
			return
		}
		if n.Type == html.TextNode {
			// Most text is no label: look at its first letter before
			// anything else.
			lead := strings.TrimLeftFunc(n.Data, isSpaceRune)
			if !strings.HasPrefix(lead, "上") && !strings.HasPrefix(lead, "下") {
				return
			}
			text := collapseSpace(n.Data)
			if loc := neighbourRe.FindStringIndex(text); loc != nil && loc[0] == 0 {
				if loc[1] == len(text) {
					text += " " + nextLinkText(n)
				}
				for _, h := range neighbourHeadlines(text) {
					if !seen[h] {
						seen[h] = true
						out = append(out, h)
					}
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// nextLinkText returns the text of the link that follows a label: its
// next sibling, or its parent's (<span>上一篇：</span><a>…</a>).
func nextLinkText(n *html.Node) string {
	for k := 0; k < 2 && n != nil; k++ {
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode {
				if s.Data == "a" {
					return collapseSpace(nodeText(s))
				}
				break
			}
		}
		n = n.Parent
	}
	return ""
}

// siteSepRe splits a page's <title> into the headline and the site's name
// (江城师范学院召开年度工作会议-江城师范学院新闻网).
var siteSepRe = regexp.MustCompile(`\s*(?:[-_|—–]+|::)\s*`)

// siteNames returns the parts of a page's <title> that name the site or
// its column, not the article: the parts other than the headline, short
// enough to be names.
func siteNames(pageTitle, headline string) []string {
	parts := siteSepRe.Split(pageTitle, -1)
	if len(parts) < 2 {
		return nil
	}
	h := compact(headline)
	var out []string
	for _, part := range parts {
		c := compact(part)
		if c == "" || runeLen(c) > 30 || cjkCount(c) < 4 || (h != "" && strings.Contains(c, h)) {
			continue
		}
		out = append(out, part)
	}
	return out
}

// pageOwners returns the owners the copyright lines of a page name (at
// most two).
func pageOwners(root *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if len(out) >= 2 {
			return
		}
		if n.Type == html.TextNode {
			if strings.Contains(n.Data, "版权所有") || strings.Contains(n.Data, "版權所有") || strings.Contains(n.Data, "Copyright") {
				out = append(out, footerOwners([]string{collapseSpace(n.Data)})...)
			}
			return
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}
