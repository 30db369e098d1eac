package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is the per-document state of one HTML extraction.
type page struct {
	doc   *goquery.Document
	root  *html.Node
	body  *html.Node
	stats map[*html.Node]*nodeStat
	pos   map[*html.Node]int // visible runes before each element, in document order
	rule  *Rule
	drop  map[*html.Node]bool // elements the site rule drops
	head  headInfo

	titleScore float64 // evidence for the headline element found
	knownBody  bool    // the body is a known CMS article container
	emptyBody  bool    // a known CMS article container is there but empty
	titleIsNav bool    // the headline is also a navigation link: a column page
}

// nodeStat counts the visible text under an element.
type nodeStat struct {
	text  int // visible non-space runes outside links
	link  int // visible non-space runes inside links
	punct int // sentence punctuation outside links
	links int // number of <a> elements
	paras int // text blocks with prose (punctuation and ≥ 10 runes)
}

// words is a list of class/id fragments; an element matches when its
// lowercased class or id contains one of them.
type words []string

func (w words) match(ci string) bool {
	for _, x := range w {
		if strings.Contains(ci, x) {
			return true
		}
	}
	return false
}

var (
	// class/id words of elements that hold the article.
	positiveWords = words{"article", "content", "detail", "cont", "conn", "text", "zoom", "entry", "post", "body", "main", "neirong", "wenzhang", "zhengwen", "news_con", "newscon", "read", "view", "txt", "story"}
	// class/id words of page chrome.
	negativeWords = words{"nav", "menu", "foot", "header", "sidebar", "side", "share", "comment", "related", "relate", "recommend", "crumb", "position", "location", "pager", "pagination", "paging", "copyright", "banner", "login", "search", "toolbar", "tool", "hot", "rank", "friend", "links", "bottom", "advert", "xgxw", "xgwz", "qrcode", "erweima", "gotop", "bdshare", "jiathis", "print", "close", "list"}
	// class/id words of elements whose headings are not the headline.
	titleNegWords = words{"nav", "menu", "foot", "sidebar", "side", "crumb", "position", "location", "list", "links", "copyright", "banner", "logo", "column", "lanmu"}
	// class/id words of chrome inside an article container that must go.
	chromeWords = words{"intro", "summary", "abstract", "zhaiyao", "digest", "share", "bdshare", "jiathis", "pager", "pagination", "paging", "related", "relate", "recommend", "comment", "qrcode", "erweima", "print", "prev", "next", "updown", "gotop", "toolbar", "attach", "fujian", "xgxw", "xgwz", "vote", "digg", "editor_info", "editorinfo"}
)

// knownBody lists the content containers of common Chinese CMS templates
// (class names, or ids after #), tried before the scoring heuristics.
var knownBody = []string{
	"v_news_content",            // 博达 VSB
	"wp_articlecontent",         // 苏迪 WebPlus
	"TRS_Editor", "TRS_UEDITOR", // TRS
	"#vsb_content", "#vsb_content_2", "#vsb_content_4",
	"#zoom", "article-content", "entry-content", "post-content",
	"#article_content", "article_content", "#artibody", "rich_media_content",
	"news_content", "#news_content", "newscontent", "#newscontent",
	"detail-content", "content-text",
}

// knownRank maps a class (".x") or id ("#x") of knownBody to its rank.
var knownRank = func() map[string]int {
	m := map[string]int{}
	for i, k := range knownBody {
		if !strings.HasPrefix(k, "#") {
			k = "." + k
		}
		m[k] = i + 1
	}
	return m
}()

// knownContainers returns the elements that carry a knownBody class or id,
// best-ranked first.
func knownContainers(root *html.Node) []*html.Node {
	type hit struct {
		n    *html.Node
		rank int
	}
	var hits []hit
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			best := 0
			if id := attr(n, "id"); id != "" {
				best = knownRank["#"+id]
			}
			for _, c := range strings.Fields(attr(n, "class")) {
				if r := knownRank["."+c]; r > 0 && (best == 0 || r < best) {
					best = r
				}
			}
			if best > 0 {
				hits = append(hits, hit{n, best})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
	out := make([]*html.Node, len(hits))
	for i, h := range hits {
		out[i] = h.n
	}
	return out
}

// titleSep matches the separators between the headline and site-name
// parts of a <title>; an em dash only counts with spaces around it, since
// "——" introduces a subtitle within headlines.
var titleSep = regexp.MustCompile(`\s*[-_|｜·•]+\s*|\s+[—–]\s+|\s[:：]\s`)

// splitTitle splits a <title> at its separators, leaving hyphens between
// digits (2023-2024学年) alone.
func splitTitle(t string) []string {
	var parts []string
	last := 0
	for _, m := range titleSep.FindAllStringIndex(t, -1) {
		sep := strings.TrimSpace(t[m[0]:m[1]])
		if sep == "-" && m[0] > 0 && m[1] < len(t) && isDigit(t[m[0]-1]) && isDigit(t[m[1]]) {
			continue
		}
		if (sep == "·" || sep == "•") && !(m[1]-m[0] > len(sep)) {
			continue // a middle dot inside a name (西南大学·重庆)
		}
		parts = append(parts, t[last:m[0]])
		last = m[1]
	}
	return append(parts, t[last:])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func (e *Extractor) extractHTML(in Input) (*Article, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(in.Text))
	if err != nil {
		return nil, err
	}
	p := &page{doc: doc, root: doc.Get(0), stats: map[*html.Node]*nodeStat{}}
	p.body = doc.Find("body").Get(0)
	if p.body == nil {
		p.body = p.root
	}
	a := &Article{Source: in.Source}
	p.readHead()
	if a.Source.URL == "" {
		a.Source.URL = p.head.url
	}
	p.rule = e.rules.match(a.Source.URL, a.Source.Path)
	if p.rule != nil {
		p.drop = map[*html.Node]bool{}
		for _, sel := range p.rule.Drop {
			for _, n := range doc.Find(sel).Nodes {
				p.drop[n] = true
			}
		}
	}
	prune(p.root)
	p.computeStats(p.body, false)

	content := p.contentNode()
	p.positions()
	titleNode, title := p.title(content)
	a.Title = title

	meta := p.metadata(titleNode, content)
	if content == nil {
		return nil, notArticle("no article body found")
	}
	lines := p.bodyLines(content, title, &meta)
	a.neighbours = pageNeighbours(p.root)
	a.site = append(siteNames(p.head.title, title), pageOwners(p.root)...)
	body := strings.Join(lines, "\n")
	// Some templates print the metadata line or the editor after the body.
	for _, l := range linesAfter(content, 8) {
		if runeLen(l) >= 120 {
			continue
		}
		if mi, ok := parseMeta(l); ok {
			if !hasDateLabel(l) {
				mi.Published = "" // a bare date after the body dates something else
			}
			mergeMeta(&meta, mi)
		} else if b, ok := creditLine(l); ok {
			mergeByline(&meta.Byline, b)
		}
	}
	a.Published = meta.Published
	a.Publisher = meta.Publisher
	a.Views = meta.Views
	byline := meta.Byline

	if reason := p.nonArticle(content, body, a, e.minBody); reason != "" {
		if !isContinuationPage(a.Source) {
			return nil, notArticle("%s", reason)
		}
	}
	a.Body = body
	if p.rule != nil && p.rule.Publisher != "" {
		if s := p.ruleText(p.rule.Publisher); s != "" {
			a.Publisher = s
		}
	}
	if !byline.Empty() {
		b := byline
		a.Byline = &b
	}
	a.more = p.pagination(a.Source)
	return a, nil
}

// headInfo is what the page says about itself outside the visible text:
// <title>, meta tags, JSON-LD.
type headInfo struct {
	title     string // <title>
	metaTitle string // og:title and the like
	url       string // <link rel=canonical> or og:url
	published string // from meta tags, JSON-LD or <time datetime>
}

// metaDateNames are meta tags (name or property, lowercased) that carry
// the publish date, most trusted first.
var metaDateNames = []string{
	"article:published_time", "pubdate", "publishdate", "firstpublishedtime",
	"datepublished", "publish_date", "og:release_date", "date", "dc.date",
	"dc.date.issued", "dcterms.issued", "sailthru.date", "weibo: article:create_at",
}

var metaTitleNames = []string{"og:title", "articletitle", "title", "twitter:title"}

// readHead fills p.head in one pass over the document, before invisible
// elements are pruned.
func (p *page) readHead() {
	metas := map[string]string{}
	var jsonLD []string
	var timeAttr string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if p.head.title == "" {
					p.head.title = collapseSpace(nodeText(n))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = v
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && p.head.url == "" {
					if u := strings.TrimSpace(attr(n, "href")); strings.HasPrefix(u, "http") {
						p.head.url = u
					}
				}
			case atom.Script:
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					jsonLD = append(jsonLD, n.FirstChild.Data)
				}
				return
			case atom.Time:
				if timeAttr == "" {
					timeAttr = attr(n, "datetime")
				}
			case atom.Style:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	if p.head.url == "" {
		if u := metas["og:url"]; strings.HasPrefix(u, "http") {
			p.head.url = u
		}
	}
	for _, k := range metaTitleNames {
		if v := metas[k]; v != "" {
			p.head.metaTitle = collapseSpace(v)
			break
		}
	}
	for _, k := range metaDateNames {
		if iso, _, _, ok := findDateTime(metas[k]); ok {
			p.head.published = iso
			return
		}
	}
	for _, src := range jsonLD {
		if d := jsonLDDate(src); d != "" {
			p.head.published = d
			return
		}
	}
	if iso, _, _, ok := findDateTime(timeAttr); ok {
		p.head.published = iso
	}
}

// prune removes from the tree what is never visible text: scripts,
// styles, forms controls, comments and hidden elements.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || (c.Type == html.ElementNode && c.DataAtom != atom.Head && (dropAtoms[c.DataAtom] || hidden(c))) {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode || c.Type == html.DocumentNode {
			prune(c)
		}
		c = next
	}
}

// positions fills p.pos: for each element, the number of visible
// non-space runes that come before it in document order.
func (p *page) positions() {
	p.pos = make(map[*html.Node]int, len(p.stats))
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if skipNode(x) {
			return
		}
		if x.Type == html.TextNode {
			for _, r := range x.Data {
				if !isSpaceRune(r) {
					n++
				}
			}
			return
		}
		if x.Type == html.ElementNode {
			p.pos[x] = n
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.body)
}

// computeStats fills p.stats for n and every element under it.
func (p *page) computeStats(n *html.Node, inLink bool) *nodeStat {
	st := &nodeStat{}
	p.stats[n] = st
	if n.DataAtom == atom.A {
		st.links++
		inLink = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if skipNode(c) {
			continue
		}
		switch c.Type {
		case html.TextNode:
			t, pu := 0, 0
			for _, r := range c.Data {
				if isSpaceRune(r) {
					continue
				}
				t++
				if isSentencePunct(r) {
					pu++
				}
			}
			if inLink {
				st.link += t
			} else {
				st.text += t
				st.punct += pu
				if t >= 10 && pu > 0 {
					st.paras++
				}
			}
		case html.ElementNode:
			cs := p.computeStats(c, inLink)
			st.text += cs.text
			st.link += cs.link
			st.punct += cs.punct
			st.links += cs.links
			st.paras += cs.paras
		}
	}
	return st
}

// contentNode finds the element that holds the article body.
func (p *page) contentNode() *html.Node {
	if p.rule != nil && p.rule.Body != "" {
		if n := p.doc.Find(p.rule.Body).First().Get(0); n != nil {
			return n
		}
	}
	for _, n := range knownContainers(p.body) {
		if st := p.stats[n]; st != nil && st.text >= 20 {
			p.knownBody = true
			return n
		}
		p.emptyBody = true // the template's body holds only a file, image or video
	}
	var best *html.Node
	bestScore := 0.0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		st := p.stats[n]
		if st == nil {
			return
		}
		if containerAtoms[n.DataAtom] && st.text >= 20 {
			if s := p.score(n, st); s > bestScore {
				best, bestScore = n, s
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				walk(c)
			}
		}
	}
	walk(p.body)
	if best == nil {
		return nil
	}
	// Go down while one child holds nearly all of the prose: the lowest
	// such element is the body without the headline and metadata around it.
	for {
		st := p.stats[best]
		var next *html.Node
		for c := best.FirstChild; c != nil; c = c.NextSibling {
			cs := p.stats[c]
			if cs == nil || !containerAtoms[c.DataAtom] || c.DataAtom == atom.Span || c.DataAtom == atom.Font {
				continue
			}
			if float64(cs.punct) >= 0.9*float64(st.punct) && float64(cs.text) >= 0.85*float64(st.text) &&
				cs.paras >= st.paras-1 {
				next = c
				break
			}
		}
		if next == nil {
			return best
		}
		best = next
	}
}

// score rates an element as the article container: prose (punctuation
// and text) weighted by how little of it is links, and by class names.
func (p *page) score(n *html.Node, st *nodeStat) float64 {
	density := float64(st.text) / float64(st.text+st.link+1)
	s := (float64(st.punct) + float64(st.text)/40) * density * density
	if ci := classID(n); ci != "" {
		if positiveWords.match(ci) {
			s *= 1.3
		}
		if negativeWords.match(ci) {
			s *= 0.5
		}
	}
	return s
}

// title picks the headline. Candidates are headings and title-like
// elements; a candidate scores for matching the <title> (or og:title), for
// standing just before the body, and for being a heading. When none
// stands out, the <title> without its site-name part is the headline.
func (p *page) title(content *html.Node) (node *html.Node, title string) {
	if p.rule != nil && p.rule.Title != "" {
		if sel := p.doc.Find(p.rule.Title).First(); sel.Length() > 0 {
			return sel.Get(0), collapseSpace(sel.Text())
		}
	}
	docTitle, metaTitle := p.head.title, p.head.metaTitle
	ref := compact(docTitle + "\n" + metaTitle)
	// Link texts of the page: a candidate that is also a link elsewhere is
	// a column or site name.
	navTexts := map[string]bool{}
	for _, a := range findAll(p.body, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		href := strings.TrimSpace(attr(a, "href"))
		if href == "" || href == "#" || strings.HasPrefix(strings.ToLower(href), "javascript") {
			continue
		}
		if t := compact(nodeText(a)); runeLen(t) <= 12 {
			navTexts[t] = true
		}
	}
	isNav := func(s string) bool { return navTexts[s] }
	stripped := compact(stripSiteSuffix(docTitle, isNav))
	contentPos := -1
	if content != nil {
		contentPos = p.pos[content]
	}

	var (
		bestNode  *html.Node
		bestText  string
		bestScore float64
	)
	segments := map[string]bool{}
	for _, t := range []string{docTitle, metaTitle} {
		for _, seg := range splitTitle(t) {
			if c := compact(seg); runeLen(c) >= 4 {
				segments[c] = true
			}
		}
		if c := compact(t); runeLen(c) >= 4 {
			segments[c] = true
		}
	}
	for _, n := range p.titleCandidates(segments) {
		st := p.stats[n]
		if st == nil {
			continue // under a hidden element
		}
		t := nodeText(n)
		if ls := linesOf(n, 3, false); len(ls) > 1 {
			// A headline with the metadata line inside its element.
			if _, ok := parseMeta(ls[1]); ok && hasDateLabel(ls[1]) {
				t = ls[0]
			}
		}
		ct := compact(t)
		if ref != "" && !strings.Contains(ref, ct) {
			// A title element that also holds a salary, a date or an
			// icon label: its part that matches the <title> is the headline.
			for _, d := range findAll(n, func(*html.Node) bool { return true }) {
				dt := nodeText(d)
				if cd := compact(dt); d != n && (cd == stripped || runeLen(cd) >= 8 && runeLen(cd) > runeLen(compact(t))/2 && strings.Contains(ref, cd)) {
					t, ct = dt, cd
					break
				}
			}
		}
		l := runeLen(ct)
		if (l < 4 && ct != stripped) || l > 150 {
			continue
		}
		s := 0.0
		switch n.DataAtom {
		case atom.H1:
			s = 3
		case atom.H2:
			s = 2.5
		case atom.H3, atom.H4, atom.H5, atom.H6:
			s = 2
		default:
			s = 1.5
		}
		s += math.Min(float64(l), 30) / 15
		switch {
		case ref != "" && strings.Contains(ref, ct):
			// Short texts in the <title> are often the column name.
			s += 6 * math.Min(float64(l), 10) / 10
			if ct == stripped {
				s += 2
			}
		case stripped != "" && runeLen(stripped) >= 6 && strings.Contains(ct, stripped):
			s += 5
		}
		if contentPos >= 0 {
			end := p.pos[n] + st.text + st.link
			switch d := contentPos - end; {
			case isAncestor(content, n):
				// A heading inside the body is a subhead, unless it is
				// the first line.
				if p.pos[n]-contentPos < 5 {
					s += 3
				}
			case d >= -2 && d < 800:
				s += 6 * (1 - float64(max(d, 0))/800)
			case d < 0:
				s -= 2 // after the body: related lists, footers
			}
		}
		if st.links > 0 && st.link*2 > st.text+st.link {
			s -= 4 // a link: navigation or a list entry
		}
		if ci := classID(n); ci != "" && titleNegWords.match(ci) && !strings.Contains(ci, "tit") {
			s -= 3
		}
		if navTexts[ct] {
			s -= 4 // the same words are a link elsewhere: a column name
		}
		if l < 40 && hasDateLabel(t) {
			if _, ok := parseMeta(t); ok {
				s -= 6 // the metadata line, not the headline
			}
		}
		if strings.ContainsAny(ct, "。") && l > 60 {
			s -= 3 // prose, not a headline
		}
		if s > bestScore {
			bestNode, bestText, bestScore = n, t, s
		}
	}
	p.titleScore = bestScore
	defer func() { p.titleIsNav = navTexts[compact(title)] }()
	if bestNode != nil && bestScore >= 7 {
		return bestNode, bestText
	}
	if metaTitle != "" {
		return bestNode, stripSiteSuffix(metaTitle, isNav)
	}
	if stripped != "" {
		return bestNode, stripSiteSuffix(docTitle, isNav)
	}
	return bestNode, bestText
}

// titleCandidates returns the elements that may hold the headline:
// headings, elements with a title-like class, and elements whose text is
// one of the parts of the <title> (segments).
func (p *page) titleCandidates(segments map[string]bool) []*html.Node {
	return findAll(p.body, func(n *html.Node) bool {
		if skipNode(n) {
			return false
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		case atom.Div, atom.Td, atom.P, atom.Span, atom.Strong, atom.B, atom.Font, atom.Header, atom.Li:
			if ci := classID(n); ci != "" {
				for _, w := range []string{"title", "tit", "headline", "biaoti", "subject", "heading", "bt", "timu", "tm"} {
					if strings.Contains(ci, w) {
						return true
					}
				}
			}
			if st := p.stats[n]; st != nil && st.link == 0 && st.text >= 4 && st.text <= 150 {
				// Only the innermost element with the text.
				if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.ElementNode {
					return false
				}
				return segments[compact(nodeText(n))]
			}
		}
		return false
	})
}

// stripSiteSuffix removes the site-name parts of a <title>. Chinese
// sites write "headline - column - site", so the first part is taken,
// unless it is a site or column name (isNav); then the longest part.
func stripSiteSuffix(t string, isNav func(string) bool) string {
	t = strings.TrimSpace(t)
	parts := splitTitle(t)
	if len(parts) <= 1 {
		return t
	}
	if first := strings.TrimSpace(parts[0]); runeLen(first) >= 2 && (isNav == nil || !isNav(compact(first))) {
		return first
	}
	best := ""
	for _, s := range parts {
		if runeLen(s) > runeLen(best) {
			best = s
		}
	}
	return strings.TrimSpace(best)
}

// metadata reads the publish date, publisher, views and credits from meta
// tags, JSON-LD, <time> and the metadata line near the headline.
func (p *page) metadata(titleNode, content *html.Node) metaInfo {
	var m metaInfo
	if p.rule != nil && p.rule.Published != "" {
		if s := p.ruleText(p.rule.Published); s != "" {
			if iso, _, _, ok := findDateTime(s); ok {
				m.Published = iso
			}
		}
	}
	// The visible metadata line: text between the headline and the body,
	// or the first short lines of the content.
	for _, line := range p.metaLines(titleNode, content) {
		if mi, ok := parseMeta(line); ok {
			mergeMeta(&m, mi)
		}
	}
	if m.Publisher == "" {
		// An outlet printed beside the date without a label
		// (2019-09-26 10:56:28 证券时报网).
		for _, line := range p.metaLines(titleNode, content) {
			if out := besideDate(line); out != "" {
				m.Publisher = out
				break
			}
		}
	}
	if m.Published == "" {
		m.Published = p.head.published
	}
	if m.Published == "" && titleNode != nil {
		// A date printed near the headline without a label (not one in
		// the prose of the body: 2019年2月27日下午，…).
		for _, line := range p.metaLines(titleNode, content) {
			if runeLen(line) > 60 || strings.ContainsAny(line, "，。；") {
				continue
			}
			if iso, _, _, ok := findDateTime(line); ok {
				m.Published = iso
				break
			}
		}
	}
	if m.Views == nil {
		// A view count on a line of its own elsewhere (阅读 <script/>539:
		// the number a script printed, saved with the page); only when
		// the page has one such line, not a list of counts.
		var found []int
		for _, line := range firstLines(p.body, 400) {
			if mm := viewsOnlyRe.FindStringSubmatch(line); mm != nil {
				if v, err := strconv.Atoi(mm[1]); err == nil {
					found = append(found, v)
				}
			}
		}
		if len(found) == 1 {
			m.Views = &found[0]
		}
	}
	if m.Published == "" {
		// A labelled metadata line elsewhere on the page (before the
		// headline, or in a side box).
		for _, line := range firstLines(p.body, 400) {
			if runeLen(line) > 120 {
				continue
			}
			if mi, ok := parseMeta(line); ok && mi.Published != "" && hasDateLabel(line) {
				m.Published = mi.Published
				if m.Views == nil {
					m.Views = mi.Views
				}
				if m.Publisher == "" {
					m.Publisher = mi.Publisher
				}
				break
			}
		}
	}
	return m
}

// hasDateLabel reports whether a line names its date as a publish date.
func hasDateLabel(line string) bool {
	for _, w := range []string{"发布时间", "发布日期", "发表时间", "发表日期", "发稿时间", "发文日期", "更新时间", "發佈日期", "發布日期", "發佈時間", "發表時間", "时间：", "日期：", "时间:", "日期:"} {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

// metaLines returns the short text lines between the headline and the
// body container (or the first lines of the body's parent when the
// headline is unknown), where pages print their metadata line.
func (p *page) metaLines(titleNode, content *html.Node) []string {
	var lines []string
	var start *html.Node
	if titleNode != nil {
		start = titleNode
	} else if content != nil {
		start = content.Parent
		if start != nil && start.Parent != nil {
			start = start.Parent
		}
	}
	if start == nil {
		return nil
	}
	// Walk forward in document order from start until the content node,
	// collecting text lines; stop after a bounded amount of text.
	var buf strings.Builder
	total := 0
	flush := func() {
		if s := collapseSpace(buf.String()); s != "" {
			lines = append(lines, s)
		}
		buf.Reset()
	}
	done := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if done || skipNode(n) {
			return
		}
		if n == content {
			// The metadata line may sit at the top of the content.
			flush()
			lines = append(lines, firstLines(n, 3)...)
			done = true
			return
		}
		if n.Type == html.TextNode {
			buf.WriteString(n.Data)
			total += len(n.Data)
			if total > 4000 {
				done = true
			}
			return
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			flush()
		} else {
			buf.WriteByte(' ') // keep adjacent inline values apart: <time>…</time><time>…
		}
		for c := n.FirstChild; c != nil && !done; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	// Start with the nodes after the headline: walk the headline's
	// following siblings and then its ancestors' following siblings.
	if titleNode != nil {
		walk(titleNode)
		for n := titleNode; n != nil && !done; n = n.Parent {
			for s := n.NextSibling; s != nil && !done; s = s.NextSibling {
				walk(s)
			}
		}
	} else {
		walk(start)
	}
	flush()
	return lines
}

// firstLines returns up to k text lines from the top of n. Inline
// elements are kept apart by a space, so the lines suit metadata parsing
// rather than display.
func firstLines(n *html.Node, k int) []string { return linesOf(n, k, true) }

// linesOf returns up to k text lines from the top of n; sep puts a space
// between inline elements.
func linesOf(n *html.Node, k int, sep bool) []string {
	var out []string
	var buf strings.Builder
	flush := func() {
		if s := collapseSpace(buf.String()); s != "" {
			out = append(out, s)
		}
		buf.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if len(out) >= k || skipNode(n) {
			return
		}
		if n.Type == html.TextNode {
			buf.WriteString(n.Data)
			return
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			flush()
		} else if sep {
			buf.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	if len(out) > k {
		out = out[:k]
	}
	return out
}

// jsonLDDate returns datePublished from a JSON-LD block.
func jsonLDDate(src string) string {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return ""
	}
	var find func(any) string
	find = func(v any) string {
		switch t := v.(type) {
		case map[string]any:
			if s, ok := t["datePublished"].(string); ok {
				if iso, _, _, ok := findDateTime(s); ok {
					return iso
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if r := find(t[k]); r != "" {
					return r
				}
			}
		case []any:
			for _, x := range t {
				if r := find(x); r != "" {
					return r
				}
			}
		}
		return ""
	}
	return find(v)
}

// ruleText returns the collapsed text of the first element matching sel.
func (p *page) ruleText(sel string) string {
	return collapseSpace(p.doc.Find(sel).First().Text())
}

// boilerRe matches whole lines of page chrome found inside content areas.
var boilerRe = regexp.MustCompile(`^(?:【?(?:上一篇|下一篇|上一条|下一条|上篇|下篇|返回(?:列表|顶部|首页)?|打印(?:本页|此文)?|关闭(?:窗口|本页)?|分享到|收藏|字号|字体|【?大\s*中\s*小】?)|(?:扫一扫|分享到|点击数|浏览次数|阅读次数)[:：]|附件[:：]?$|附件\d*[:：]|相关(?:新闻|阅读|文章|链接|推荐)|-+分隔线-*|点击上方.{0,6}关注|您(?:的位置|现在的位置|当前的位置|所在的位置|所在位置)|当前位置)`)

// bodyLines renders the content node as text lines, one per block element,
// dropping chrome, the repeated headline and credit lines (whose credits go
// to the byline).
func (p *page) bodyLines(content *html.Node, title string, m *metaInfo) []string {
	type line struct {
		text  strings.Builder
		links int
	}
	var (
		lines []string
		cur   line
	)
	ctitle := compact(title)
	flush := func() {
		s := collapseSpace(cur.text.String())
		links := cur.links
		cur.text.Reset()
		cur.links = 0
		if s == "" {
			return
		}
		n := runeLen(compact(s))
		if links > 0 && float64(links) >= 0.6*float64(n) {
			return // a line of links: related lists, pager, "上一篇"
		}
		if boilerRe.MatchString(s) {
			return
		}
		if len(lines) == 0 && ctitle != "" && compact(s) == ctitle {
			return // the headline repeated at the top
		}
		if len(lines) < 3 && n < 120 {
			if mi, ok := parseMeta(s); ok && (mi.Views != nil || mi.Publisher != "" || (mi.Published != "" && hasPublishLabel(s))) {
				mergeMeta(m, mi)
				return // the metadata line inside the content
			}
		}
		if !hasWordRune(s) {
			return // a separator line: ------, ※※※
		}
		if unit, ok := sourceLine(s); ok {
			if m.Publisher == "" {
				m.Publisher = unit
			}
			return
		}
		if b, ok := creditLine(s); ok && (!b.Empty() || hasPublishLabel(s)) {
			takeCredit(m, s, b) // a closing "来源：X" names the publisher
			return
		}
		if n <= 60 {
			if b, ok := captionCredit(s); ok {
				mergeByline(&m.Byline, b) // 会议现场。记者 陈思远 摄: kept in the body
			}
		}
		lines = append(lines, s)
	}
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if skipNode(n) {
			return
		}
		if n.Type == html.TextNode {
			cur.text.WriteString(n.Data)
			if inLink {
				cur.links += runeLen(compact(n.Data))
			}
			return
		}
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		if n != content {
			if ci := classID(n); ci != "" && chromeWords.match(ci) && !positiveWords.match(ci) {
				return
			}
			if p.drop[n] {
				return
			}
		}
		if n.DataAtom == atom.A {
			inLink = true
		}
		// A table row is one line, its cells joined by a space; a cell
		// holding block content (a layout table) breaks lines as usual.
		block := blockAtoms[n.DataAtom]
		if (n.DataAtom == atom.Td || n.DataAtom == atom.Th) && !hasBlockChild(n) {
			block = false
			cur.text.WriteByte(' ')
		}
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
		if block {
			flush()
		}
	}
	walk(content, false)
	flush()
	// Leading credit inside the first paragraph (武职网讯(…)) stays in the
	// body and feeds the byline.
	for i, l := range lines {
		if i > 2 {
			break
		}
		if b, _, ok := leadingCredit(l); ok {
			mergeByline(&m.Byline, b)
			break
		}
	}
	return trimTail(dropHeadline(lines, ctitle))
}

// rightsRe matches copyright notices inside the content.
var rightsRe = regexp.MustCompile(`未经(?:授权|许可|书面)[^。]{0,12}(?:不得|禁止|严禁)(?:转载|复制|使用)|版权归.{1,20}所有|转载请注明|^正在加载|^转播到`)

// dropHeadline removes the headline when the content repeats it at the
// top, on one line or broken over several, and copyright notices.
func dropHeadline(lines []string, ctitle string) []string {
	if ctitle != "" {
		joined := ""
		for k := 0; k < len(lines) && k < 4; k++ {
			joined += compact(lines[k])
			if joined == ctitle {
				lines = lines[k+1:]
				break
			}
			if !strings.HasPrefix(ctitle, joined) {
				break
			}
		}
	}
	out := lines[:0]
	for _, l := range lines {
		if runeLen(l) < 120 && rightsRe.MatchString(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// tailStopRe marks the start of trailing chrome inside a content node.
var tailStopRe = regexp.MustCompile(`^(?:【?相关(?:新闻|阅读|文章|链接|推荐|报道)|热点新闻|热门(?:推荐|文章|新闻)|推荐阅读|延伸阅读|猜你喜欢|为[你您]推荐|精彩(?:视频)?推荐|更多精彩|特别声明|免责声明|声明[:：]|网友评论|发表评论|版权所有|Copyright|©|扫一扫|分享到)`)

// trimTail drops trailing chrome lines: everything from a "related news"
// or copyright heading on, when it comes after the body.
func trimTail(lines []string) []string {
	for i, l := range lines {
		if i > 0 && tailStopRe.MatchString(l) {
			return lines[:i]
		}
	}
	return lines
}

// pageFeatures are the signals that tell an article from other pages.
type pageFeatures struct {
	Han         int     // Han characters in the body
	Lines       int     // body lines
	Punct       int     // sentence punctuation in the content
	Share       float64 // content text / all page text
	TitleScore  float64 // evidence for a headline element
	Dated       bool    // a publish date was found
	Known       bool    // a known CMS article container
	InLinks     int     // headline-like links inside the content
	PageLinks   int     // headline-like links in the page
	DatedLines  int     // body lines that carry a date
	Truncated   int     // body lines cut short with "..." (list summaries)
	FooterLines int     // body lines of footer text (版权所有, 地址, 邮编 …)
	ListURL     bool    // the URL looks like a list or home page
	ArticleURL  bool    // the URL looks like an article
}

var (
	footerWords  = words{"版权所有", "Copyright", "copyright", "©", "地址：", "地址:", "邮编", "邮政编码", "电话：", "电话:", "传真", "ICP", "备案", "技术支持", "E-mail", "Email", "email", "邮箱：", "邮箱:"}
	listURLRe    = regexp.MustCompile(`(?i)(?:/list\d*\.(?:htm|html|psp|jsp)|/main\.(?:htm|psp)|/index(?:_\d+)?\.(?:htm|html|php|jsp|asp|shtml)?$|^https?://[^/]+/?$|/(?:search|list|lists|column)(?:/|\?|$)|[?&](?:page|pageindex|keyword|q)=)`)
	articleURLRe = regexp.MustCompile(`(?i)(?:/page\.(?:htm|psp)|/info/\d+/\d+\.htm|/content[/_]|/detail|/article|/\d{4}/\d{2,4}/|/t\d{8}_\d+|/c\d+a\d+/|/show|/view|/news/\d+|\d{5,}\.(?:s?html?|php|jsp|aspx?)$)`)
)

func (p *page) features(content *html.Node, body string, a *Article) pageFeatures {
	f := pageFeatures{Han: cjkCount(body), TitleScore: p.titleScore, Dated: a.Published != "", Known: p.knownBody}
	lines := strings.Split(body, "\n")
	f.Lines = len(lines)
	for _, l := range lines {
		short := len(l) < 240 // about 80 Han characters
		if short && dateLikeRe.MatchString(l) {
			f.DatedLines++
		}
		if t := strings.TrimRight(l, " "); strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…") || strings.HasSuffix(t, "。。。") {
			f.Truncated++
		}
		if len(l) < 600 && footerWords.match(l) {
			f.FooterLines++
		}
	}
	cst, bst := p.stats[content], p.stats[p.body]
	if cst != nil {
		f.Punct = cst.punct
		if bst != nil && bst.text+bst.link > 0 {
			f.Share = float64(cst.text) / float64(bst.text+bst.link)
		}
	}
	for _, n := range findAll(p.body, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		if runeLen(compact(nodeText(n))) >= 10 {
			f.PageLinks++
			if isAncestor(content, n) {
				f.InLinks++
			}
		}
	}
	if u := a.Source.URL; u != "" {
		f.ListURL = listURLRe.MatchString(u)
		f.ArticleURL = articleURLRe.MatchString(u)
	}
	return f
}

var dateLikeRe = regexp.MustCompile(`(?:19|20)\d{2}[-/.年]\d{1,2}(?:[-/.月]\d{1,2})?|\d{1,2}[-/]\d{1,2}\b`)

// nonArticle says why a page is not an article, or "" when it is one.
func (p *page) nonArticle(content *html.Node, body string, a *Article, minBody int) string {
	f := p.features(content, body, a)
	if p.rule != nil && p.rule.Body != "" {
		return ""
	}
	size := f.Han
	if size == 0 {
		size = runeLen(compact(body)) / 3
	}
	switch {
	case p.emptyBody && !p.knownBody:
		return "the article container is empty: the page holds only an embedded file, image or video"
	case size < minBody:
		return fmt.Sprintf("body too short: %d Han characters", f.Han)
	case f.FooterLines*2 >= f.Lines:
		return "only footer or contact text"
	case f.InLinks >= 8 && p.stats[content].link > p.stats[content].text:
		return fmt.Sprintf("list page: %d headline links in the content", f.InLinks)
	case f.Truncated >= 2 && f.Truncated*3 >= f.Lines:
		return fmt.Sprintf("list page: %d truncated summaries", f.Truncated)
	case f.DatedLines >= 8 && f.DatedLines*2 > f.Lines:
		return fmt.Sprintf("list page: %d dated entries", f.DatedLines)
	case f.Punct < 3 && f.Han < 200:
		return fmt.Sprintf("no prose: %d punctuation marks", f.Punct)
	case p.titleIsNav && runeLen(a.Title) <= 8:
		return fmt.Sprintf("column page: its heading %q is a navigation entry", a.Title)
	case !f.Dated && !leadDateRe.MatchString(body):
		return "no publish date: a column, profile or info page"
	case f.Share < 0.1 && f.PageLinks >= 30:
		return fmt.Sprintf("home or list page: the body is %.0f%% of the page text, with %d headline links", 100*f.Share, f.PageLinks)
	}
	return ""
}

// outletRe is the name of a news outlet or a unit: 证券时报网, TNW中文站,
// 党委宣传部.
var outletRe = regexp.MustCompile(`^[\p{Han}A-Za-z0-9·]{1,14}(?:网|站|报|报社|社|台|频道|新闻|日报|晚报|周刊|杂志|中心|办公室|宣传部|部|处|学院|委员会|局|厅|办)$`)

// besideDate returns the outlet of a short metadata line that holds only
// a date and the outlet's name, or "".
func besideDate(line string) string {
	if runeLen(line) > 40 {
		return ""
	}
	_, s, e, ok := findDateTime(line)
	if !ok {
		return ""
	}
	rest := strings.Fields(strings.Trim(line[:s]+" "+line[e:], " ·|｜/"))
	if len(rest) != 1 || !outletRe.MatchString(rest[0]) {
		return ""
	}
	return rest[0]
}

// viewsOnlyRe is a line that holds a view count alone: 阅读 539,
// 浏览次数：1234 次.
var viewsOnlyRe = regexp.MustCompile(`^(?:阅读|浏览|点击|访问|閱讀|瀏覽|點擊)(?:次数|量|数|次數|數)?\s*[:：]?\s*(\d{1,9})\s*次?$`)

// leadDateRe finds a news lead that opens with the day of the event
// (2025年4月28日，由… / 4月28日上午，): a report, even on a page that prints
// no publish date.
var leadDateRe = regexp.MustCompile(`^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日`)

// hasBlockChild reports whether n has a block element (other than <br>)
// among its descendants.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if (blockAtoms[c.DataAtom] && c.DataAtom != atom.Br) || hasBlockChild(c) {
			return true
		}
	}
	return false
}

// mergeMeta fills the fields of dst that are still empty from src and
// merges the credits.
func mergeMeta(dst *metaInfo, src metaInfo) {
	if dst.Published == "" {
		dst.Published = src.Published
	}
	if dst.Publisher == "" {
		dst.Publisher = src.Publisher
	}
	if dst.Views == nil {
		dst.Views = src.Views
	}
	mergeByline(&dst.Byline, src.Byline)
}

// linesAfter returns up to k text lines that follow n in document order.
func linesAfter(n *html.Node, k int) []string {
	var out []string
	for x := n; x != nil && len(out) < k; x = x.Parent {
		for sib := x.NextSibling; sib != nil && len(out) < k; sib = sib.NextSibling {
			out = append(out, firstLines(sib, k-len(out))...)
		}
	}
	return out
}

// hasPublishLabel reports whether a line labels a date as the publish
// date (发布时间, 日期 …), as opposed to an event's 时间.
func hasPublishLabel(line string) bool {
	for _, w := range []string{"发布", "发表", "发稿", "发文", "更新", "發佈", "發布", "發表", "日期", "時間：", "来源", "來源", "作者"} {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

// hasWordRune reports whether s has a letter, digit or Han character.
func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// captionCredit reads a photo credit at the end of a caption line
// ("会议现场。记者 陈思远 摄", "（张三 摄）").
func captionCredit(s string) (Byline, bool) {
	t := strings.TrimRight(s, " ）)】]")
	if !(strings.HasSuffix(t, "摄") || strings.HasSuffix(t, "攝") || strings.HasSuffix(t, "摄影") || strings.HasSuffix(t, "供图")) {
		return Byline{}, false
	}
	// The credit follows the caption's last punctuation mark; a role word
	// before it stays ("会议现场。记者 陈思远 摄" → "记者 陈思远 摄").
	if j := strings.LastIndexAny(t, "。，；！？（(【["); j >= 0 {
		t = t[j+1:]
	}
	b, ok := parseByline(strings.TrimLeft(t, "（(【[ "))
	if !ok || len(b.Photographers) == 0 {
		return Byline{}, false
	}
	return Byline{Photographers: b.Photographers}, true
}
