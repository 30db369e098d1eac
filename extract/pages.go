package extract

import (
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Articles split over several pages are published as name.htm, name_2.htm,
// name_3.htm … (DedeCMS, PHPCMS, TRS and most hand-made sites), with a
// pager of 第N页 / 下一页 links.

// partRe matches the page number suffix of a continuation page's name.
var partRe = regexp.MustCompile(`^(.*)_(\d{1,3})(\.[A-Za-z]+)?$`)

// pagerRe matches the text of pager links.
var pagerRe = regexp.MustCompile(`^(?:下一页|上一页|下页|上页|第\s*\d+\s*页|\d{1,3}|\[\d{1,3}\]|尾页|末页|首页)$`)

// partKey splits a page location (URL or path) into the key shared by all
// pages of one article and the page number (1 for the first page).
func partKey(loc string) (key string, n int) {
	q := ""
	if i := strings.IndexAny(loc, "?#"); i >= 0 {
		loc, q = loc[:i], loc[i:]
	}
	dir, file := path.Split(loc)
	if m := partRe.FindStringSubmatch(file); m != nil {
		n, _ = strconv.Atoi(m[2])
		if n >= 2 {
			return dir + m[1] + m[3] + q, n
		}
	}
	return loc + q, 1
}

// sourceLoc is the location used to pair pages: the URL when known, else
// the path (with an archive member's name).
func sourceLoc(s Source) string {
	if s.URL != "" {
		return canonicalURL(s.URL)
	}
	return s.Path
}

// isContinuationPage reports whether the page's name marks it as page 2 or
// later of a split article.
func isContinuationPage(s Source) bool {
	_, n := partKey(sourceLoc(s))
	return n >= 2
}

// pagination reports whether the page links to further pages of the same
// article (a pager with name_2.htm style links).
func (p *page) pagination(s Source) bool {
	key, _ := partKey(sourceLoc(s))
	base := path.Base(key)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if stem == "" {
		return false
	}
	found := false
	for _, n := range findAll(p.body, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		href := attr(n, "href")
		if href == "" || !pagerRe.MatchString(compact(nodeText(n))) {
			continue
		}
		if u, err := url.Parse(href); err == nil {
			href = u.Path
		}
		if _, k := partKey(path.Base(href)); k >= 2 && strings.HasPrefix(path.Base(href), stem+"_") {
			found = true
			break
		}
	}
	return found
}

// Paged reports whether an article is one page of an article split over
// several pages, so that [JoinPages] should see it before it is written.
func (a *Article) Paged() bool { return a.more || isContinuationPage(a.Source) }

// JoinPages joins the pages of split articles: pages whose locations
// differ only by a _N suffix are merged into the first page, in page
// order, when the first page is among them. Other articles are returned
// unchanged, in their order. Entities of a joined article are found again
// on its whole body.
func (e *Extractor) JoinPages(articles []*Article) []*Article {
	groups := map[string][]*Article{}
	nums := map[*Article]int{}
	var order []string
	for _, a := range articles {
		key, n := partKey(sourceLoc(a.Source))
		nums[a] = n
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], a)
	}
	var out []*Article
	for _, key := range order {
		g := groups[key]
		sort.SliceStable(g, func(i, j int) bool { return nums[g[i]] < nums[g[j]] })
		if len(g) == 1 || nums[g[0]] != 1 {
			out = append(out, g...)
			continue
		}
		first := *g[0]
		var bodies []string
		for _, a := range g {
			if a.Body != "" {
				bodies = append(bodies, a.Body)
			}
			if a != g[0] && a.Byline != nil {
				if first.Byline == nil {
					first.Byline = &Byline{}
				}
				b := *first.Byline
				mergeByline(&b, *a.Byline)
				first.Byline = &b
			}
		}
		first.Body = strings.Join(bodies, "\n")
		first.Pages = len(g)
		first.Parts = nil
		for _, a := range g {
			first.Parts = append(first.Parts, a.Source)
		}
		e.annotate(&first)
		out = append(out, &first)
	}
	return out
}
