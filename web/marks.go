package web

import (
	"html"
	"net/url"
	"sort"
	"strings"

	"github.com/zhnews/zhnews/extract"
)

// piece is a run of text, marked or not. Text is plain text: templates
// escape it.
type piece struct {
	Text   string
	Marked bool
}

// fragmentPieces takes a highlighted fragment of the index apart: the
// index marks matches with <mark> and escapes the rest, but the fragment
// is not trusted as HTML. Only the exact tags <mark> and </mark> are read;
// everything else is unescaped to plain text (and escaped again when it is
// written).
func fragmentPieces(frag string) []piece {
	frag = strings.ToValidUTF8(frag, "\uFFFD")
	var out []piece
	marked := false
	for frag != "" {
		tag := "<mark>"
		if marked {
			tag = "</mark>"
		}
		i := strings.Index(frag, tag)
		if i < 0 {
			i = len(frag)
		}
		if i > 0 {
			out = append(out, piece{Text: html.UnescapeString(frag[:i]), Marked: marked})
		}
		if i == len(frag) {
			break
		}
		frag = frag[i+len(tag):]
		marked = !marked
	}
	return out
}

// safeFragment writes pieces back as HTML: escaped text and <mark> tags.
func safeFragment(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Marked {
			b.WriteString("<mark>")
		}
		b.WriteString(html.EscapeString(p.Text))
		if p.Marked {
			b.WriteString("</mark>")
		}
	}
	return b.String()
}

// safeFragments re-escapes the fragments of a hit for the API.
func safeFragments(f map[string][]string) map[string][]string {
	if len(f) == 0 {
		return nil
	}
	out := make(map[string][]string, len(f))
	for field, frags := range f {
		list := make([]string, len(frags))
		for i, s := range frags {
			list[i] = safeFragment(fragmentPieces(s))
		}
		out[field] = list
	}
	return out
}

// segment is a run of the article body: plain text, or an entity mention
// (Class person, org, title, place or date) with a tooltip and a link.
type segment struct {
	Text  string
	Class string
	Tip   string
	Href  string
}

// span is a mention to mark.
type span struct {
	start, end int // rune offsets
	class      string
	tip, href  string
	rank       int // lower wins a tie
}

// markBody splits the body into segments with the people, organizations,
// places and dates marked at the rune offsets the article gives (offsets
// out of range or overlapping an earlier mark are dropped), and the
// titles people hold marked where the text writes them.
func markBody(a *extract.Article) []segment {
	body := []rune(strings.ToValidUTF8(a.Body, "\uFFFD"))
	n := len(body)
	var spans []span
	add := func(start, end int, class, tip, href string, rank int) {
		if start < 0 || end > n || start >= end {
			return
		}
		spans = append(spans, span{start, end, class, tip, href, rank})
	}
	titles := map[string]string{} // title → its holders, for the tooltip
	for _, p := range a.People {
		tip := "人物：" + p.Name
		var roles []string
		for _, r := range p.Roles {
			roles = append(roles, strings.TrimSpace(r.Org+" "+r.Title))
			if r.Title != "" {
				if titles[r.Title] == "" {
					titles[r.Title] = p.Name
				} else if !strings.Contains(titles[r.Title], p.Name) {
					titles[r.Title] += "、" + p.Name
				}
			}
		}
		if len(roles) > 0 {
			tip += "（" + strings.Join(roles, "；") + "）"
		}
		for _, m := range p.Mentions {
			add(m[0], m[1], "person", tip, personURL(p.Name), 0)
		}
	}
	for _, o := range a.Organizations {
		tip := "机构：" + o.Name
		if k := kindName(o.Kind); k != "" {
			tip += "（" + k + "）"
		}
		for _, m := range o.Mentions {
			add(m[0], m[1], "org", tip, orgURL(o.Name), 1)
		}
	}
	for _, d := range a.Dates {
		tip := "日期：" + d.Value
		if d.End != "" {
			tip += " 至 " + d.End
		}
		for _, m := range d.Mentions {
			add(m[0], m[1], "date", tip, "", 2)
		}
	}
	for _, l := range a.Locations {
		for _, m := range l.Mentions {
			add(m[0], m[1], "place", "地点："+l.Name, "", 3)
		}
	}
	// Titles have no offsets: mark where the text writes them, longest
	// first at each position.
	if len(titles) > 0 {
		names := make([]string, 0, len(titles))
		for t := range titles {
			if len([]rune(t)) >= 2 {
				names = append(names, t)
			}
		}
		sort.Slice(names, func(i, j int) bool {
			if li, lj := len([]rune(names[i])), len([]rune(names[j])); li != lj {
				return li > lj
			}
			return names[i] < names[j]
		})
		for i := 0; i < n; {
			hit := ""
			for _, t := range names {
				if hasRunesAt(body, i, t) {
					hit = t
					break
				}
			}
			if hit == "" {
				i++
				continue
			}
			l := len([]rune(hit))
			add(i, i+l, "title", "职务："+hit+"（"+titles[hit]+"）", "", 4)
			i += l
		}
	}
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		if li, lj := spans[i].end-spans[i].start, spans[j].end-spans[j].start; li != lj {
			return li > lj
		}
		return spans[i].rank < spans[j].rank
	})
	var out []segment
	at := 0
	for _, s := range spans {
		if s.start < at {
			continue // overlaps a mark already made
		}
		if s.start > at {
			out = append(out, segment{Text: string(body[at:s.start])})
		}
		out = append(out, segment{Text: string(body[s.start:s.end]), Class: s.class, Tip: s.tip, Href: s.href})
		at = s.end
	}
	if at < n {
		out = append(out, segment{Text: string(body[at:])})
	}
	return out
}

func hasRunesAt(body []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(body) || body[i] != r {
			return false
		}
		i++
	}
	return true
}

// orgURL and personURL are the addresses of the pages of an organization
// and a person.
func orgURL(name string) string    { return "/orgs/" + url.PathEscape(name) }
func personURL(name string) string { return "/people/" + url.PathEscape(name) }

// articleURL is the address of an article's page.
func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }

// kindName is the Chinese name of an organization kind.
func kindName(k string) string {
	switch k {
	case "school":
		return "学校"
	case "department":
		return "院系部门"
	case "company":
		return "企业"
	case "government":
		return "政府机关"
	case "association":
		return "协会团体"
	case "research":
		return "研究机构"
	case "other":
		return "其他"
	}
	return ""
}

// typeName is the Chinese name of a relation type.
func typeName(t string) string {
	switch t {
	case "signing":
		return "签约"
	case "appointment":
		return "任命"
	case "speech":
		return "讲话"
	case "attendance":
		return "出席"
	}
	return t
}

// statusName is the Chinese name of a signing status.
func statusName(s string) string {
	switch s {
	case "signed":
		return "已签署"
	case "planned":
		return "拟签署"
	}
	return s
}
