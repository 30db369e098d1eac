package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index"
)

// funcs are the functions of the templates. None of them returns
// template.HTML: what they give is escaped by the template.
var funcs = template.FuncMap{
	"orgURL":     orgURL,
	"personURL":  personURL,
	"articleURL": articleURL,
	"typeName":   typeName,
	"kindName":   kindName,
	"day":        day,
	"asset":      func(name string) string { return "/static/" + name + "?v=" + assetVersion },
	"searchURL": func(kv ...string) string {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return "/?" + v.Encode()
	},
}

// parseTemplates reads the page templates: each page with the layout.
func parseTemplates() (map[string]*template.Template, error) {
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(base, ".html")] = t
	}
	return out, nil
}

// page is what every page shows: its title, the search box.
type page struct {
	Title string
	Q     string
	Data  any
}

// render writes a page; a template error is a 500 (nothing is sent
// before the page is whole).
func (s *Server) render(w http.ResponseWriter, status int, name string, p page) {
	var b bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&b, "layout.html", p); err != nil {
		s.logf("page %s: %v", name, err)
		http.Error(w, "500 页面出错", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// errorPage shows an error to people.
func (s *Server) errorPage(w http.ResponseWriter, status int, msg string) {
	title := map[int]string{400: "请求有误", 404: "找不到页面", 503: "服务繁忙"}[status]
	if title == "" {
		title = "出错了"
	}
	s.render(w, status, "error", page{Title: title, Data: struct {
		Status  int
		Heading string
		Message string
	}{status, title, msg}})
}

func (s *Server) pageNotFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, http.StatusNotFound, "没有这个页面："+r.URL.Path)
}

// pageHit is a hit on the search page.
type pageHit struct {
	Href      string
	Title     []piece
	Published string
	Source    string
	Snippets  [][]piece
}

type facetLink struct {
	Label  string
	Count  int
	Href   string
	Active bool
}

type facetGroup struct {
	Name   string
	Key    string
	Values []facetLink
}

type chip struct {
	Label  string
	Remove string
}

type pageLink struct {
	N       int
	Href    string
	Current bool
}

type searchData struct {
	P       searchParams
	Error   string
	Total   uint64
	From    int
	To      int
	TookMS  string
	Hits    []pageHit
	Facets  []facetGroup
	Chips   []chip
	Prev    string
	Next    string
	Pages   []pageLink
	Sorts   []facetLink
	Hidden  [][2]string // the filters, as hidden fields of the forms
	Browse  bool        // no query and no filter: the whole index
	Orgs    []facetLink // when browsing: the top organizations
	Persons []facetLink
}

// filterKeys are the parameters of the search page that filter, in the
// order their chips are shown.
var filterKeys = []string{"org", "person", "title", "type", "party", "from", "to"}

var filterNames = map[string]string{"org": "机构", "person": "人物", "title": "职务", "type": "关系", "party": "签约方", "from": "起", "to": "止"}

// state is the query of a search page, for making links.
type state url.Values

func (st state) with(kv ...string) string {
	v := url.Values{}
	for k, vs := range st {
		if k != "page" {
			v[k] = slices.Clone(vs)
		}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		k, val := kv[i], kv[i+1]
		switch {
		case k == "from" || k == "to" || k == "sort" || k == "q":
			v.Set(k, val)
		case strings.HasPrefix(k, "-"):
			k = k[1:]
			v[k] = slices.DeleteFunc(v[k], func(s string) bool { return s == val })
		case k == "page":
			v.Set(k, val)
		default:
			if !slices.Contains(v[k], val) {
				v.Add(k, val)
			}
		}
		if v.Get(k) == "" {
			v.Del(k)
		}
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	in := r.URL.Query()
	// Keep only the parameters the page knows, one value list each.
	st := state{}
	for _, k := range append([]string{"q", "sort", "size", "page"}, filterKeys...) {
		var vals []string
		for _, raw := range in[k] {
			for _, s := range strings.Split(raw, ",") {
				if s = strings.TrimSpace(s); s != "" && !slices.Contains(vals, s) {
					vals = append(vals, s)
				}
			}
		}
		if len(vals) > 0 {
			st[k] = vals
		}
	}
	p, err := parseSearch(url.Values(st))
	d := &searchData{P: p}
	status := http.StatusOK
	title := "校园新闻检索"
	if p.Text != "" {
		title = p.Text + " - 校园新闻检索"
	}
	if err != nil {
		d.Error = err.Error()
		s.render(w, http.StatusBadRequest, "search", page{Title: title, Q: st2(st, "q"), Data: d})
		return
	}
	p.Facets = 12
	res, err := s.search(r.Context(), p.query())
	if err != nil {
		status, d.Error = s.statusOf(r.Context(), err)
		s.render(w, status, "search", page{Title: title, Q: p.Text, Data: d})
		return
	}
	d.Total = res.Total
	d.TookMS = fmt.Sprintf("%.1f", float64(res.Took.Microseconds())/1000)
	d.From = (p.Page-1)*p.Size + 1
	d.To = d.From + len(res.Hits) - 1
	for _, h := range res.Hits {
		ph := pageHit{Href: articleURL(h.ID), Published: day(h.Published), Source: h.URL}
		if t := h.Fragments[index.FieldTitle]; len(t) > 0 {
			ph.Title = fragmentPieces(t[0])
		} else {
			ph.Title = []piece{{Text: h.Title}}
		}
		if strings.TrimSpace(h.Title) == "" {
			ph.Title = []piece{{Text: "（无标题）" + h.Lead}}
		}
		for i, f := range h.Fragments[index.FieldBody] {
			if i == 2 {
				break
			}
			ph.Snippets = append(ph.Snippets, fragmentPieces(f))
		}
		d.Hits = append(d.Hits, ph)
	}
	// Facets: a value adds a filter; a month sets the date range.
	groups := []struct{ field, key, name string }{
		{index.FieldOrg, "org", "机构"}, {index.FieldPerson, "person", "人物"},
		{index.FieldType, "type", "关系类型"}, {index.FieldMonth, "month", "月份"},
	}
	for _, g := range groups {
		fg := facetGroup{Name: g.name, Key: g.key}
		for _, fv := range res.Facets[g.field] {
			fl := facetLink{Label: fv.Value, Count: fv.Count}
			switch g.key {
			case "type":
				fl.Label = typeName(fv.Value)
				fl.Active = slices.Contains(st["type"], fv.Value)
				fl.Href = st.with("type", fv.Value)
			case "month":
				fl.Active = st2(st, "from") == fv.Value && st2(st, "to") == fv.Value
				fl.Href = st.with("from", fv.Value, "to", fv.Value)
			default:
				fl.Active = slices.Contains(st[g.key], fv.Value)
				fl.Href = st.with(g.key, fv.Value)
			}
			fg.Values = append(fg.Values, fl)
		}
		if g.key == "month" {
			// Months read best in order.
			slices.SortStableFunc(fg.Values, func(a, b facetLink) int { return strings.Compare(b.Label, a.Label) })
		}
		if len(fg.Values) > 0 {
			d.Facets = append(d.Facets, fg)
		}
	}
	for _, k := range filterKeys {
		for _, v := range st[k] {
			label := v
			if k == "type" {
				label = typeName(v)
			}
			d.Chips = append(d.Chips, chip{Label: filterNames[k] + "：" + label, Remove: st.with("-"+k, v)})
			d.Hidden = append(d.Hidden, [2]string{k, v})
		}
	}
	for _, so := range []struct{ v, label string }{{"", "相关度"}, {"date", "最新"}, {"-date", "最早"}} {
		d.Sorts = append(d.Sorts, facetLink{Label: so.label, Href: st.with("sort", so.v), Active: p.Sort == so.v})
	}
	pages := pagesOf(res.Total, p.Size)
	if pages > 10000/p.Size {
		pages = 10000 / p.Size
	}
	if p.Page > 1 {
		d.Prev = st.with("page", strconv.Itoa(p.Page-1))
	}
	if p.Page < pages {
		d.Next = st.with("page", strconv.Itoa(p.Page+1))
	}
	if pages > 1 {
		for n := max(1, p.Page-4); n <= min(pages, p.Page+4); n++ {
			d.Pages = append(d.Pages, pageLink{N: n, Href: st.with("page", strconv.Itoa(n)), Current: n == p.Page})
		}
	}
	s.render(w, status, "search", page{Title: title, Q: p.Text, Data: d})
}

func st2(st state, k string) string {
	if v := st[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// articleData is what the page of an article shows.
type articleData struct {
	A         *extract.Article
	Published string
	Segments  []segment
	People    []personItem
	Orgs      []orgItem
	Dates     []dateItem
	Places    []string
	Facts     []fact
}

type personItem struct {
	Link     link
	Roles    []string
	Mentions int
}

type orgItem struct {
	Link     link
	Kind     string
	Aliases  []string
	Mentions int
}

type dateItem struct {
	Text  string
	Value string
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.ix.Get(r.PathValue("id"))
	if err != nil {
		status, msg := s.statusOf(r.Context(), err)
		if status == http.StatusNotFound {
			msg = "没有这篇文章。"
		}
		s.errorPage(w, status, msg)
		return
	}
	d := &articleData{A: a, Published: strings.Replace(strings.TrimSuffix(a.Published, "+08:00"), "T", " ", 1), Segments: markBody(a), Facts: factsOf(a)}
	for _, p := range a.People {
		it := personItem{Link: personLink(p.Name), Mentions: len(p.Mentions)}
		for _, ro := range p.Roles {
			it.Roles = append(it.Roles, strings.TrimSpace(ro.Org+" "+ro.Title))
		}
		d.People = append(d.People, it)
	}
	for _, o := range a.Organizations {
		d.Orgs = append(d.Orgs, orgItem{Link: orgLink(o.Name), Kind: kindName(o.Kind), Aliases: o.Aliases, Mentions: len(o.Mentions)})
	}
	for _, dt := range a.Dates {
		v := dt.Value
		if dt.End != "" {
			v += " 至 " + dt.End
		}
		d.Dates = append(d.Dates, dateItem{Text: dt.Text, Value: v})
	}
	for _, l := range a.Locations {
		d.Places = append(d.Places, l.Name)
	}
	title := a.Title
	if strings.TrimSpace(title) == "" {
		title = "（无标题）"
	}
	s.render(w, http.StatusOK, "article", page{Title: title, Data: d})
}

// orgData is what the page of an organization shows.
type orgData struct {
	V        *orgView
	Total    uint64
	Recent   []pageHit
	More     string
	Bars     []yearBar
	ChartH   int
	Timeline []yearGroup
}

func (s *Server) pageOrg(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PathValue("name"))
	if name == "" || len([]rune(name)) > maxTextRunes {
		s.errorPage(w, http.StatusNotFound, "没有这个机构。")
		return
	}
	f := index.Filter{Orgs: []string{name}}
	res, err := s.search(r.Context(), index.Query{Filter: f, Size: 10, Sort: "date", Facets: -1})
	if err == nil && res.Total == 0 {
		s.errorPage(w, http.StatusNotFound, "索引里没有提到“"+name+"”的文章。")
		return
	}
	var v *orgView
	if err == nil {
		v, err = s.orgView(r.Context(), name)
	}
	if err != nil {
		status, msg := s.statusOf(r.Context(), err)
		s.errorPage(w, status, msg)
		return
	}
	d := &orgData{V: v, Total: res.Total, Recent: hitsOf(res), More: state{}.with("org", name, "sort", "date"), Timeline: byYear(v.Agreements)}
	d.Bars, d.ChartH = yearChart(v.Agreements)
	s.render(w, http.StatusOK, "org", page{Title: name, Data: d})
}

// personData is what the page of a person shows.
type personData struct {
	V        *personView
	Total    uint64
	Articles []pageHit
	More     string
}

func (s *Server) pagePerson(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PathValue("name"))
	if name == "" || len([]rune(name)) > maxTextRunes {
		s.errorPage(w, http.StatusNotFound, "没有这个人物。")
		return
	}
	f := index.Filter{People: []string{name}}
	res, err := s.search(r.Context(), index.Query{Filter: f, Size: 20, Sort: "date", Facets: -1})
	if err == nil && res.Total == 0 {
		s.errorPage(w, http.StatusNotFound, "索引里没有提到“"+name+"”的文章。")
		return
	}
	var v *personView
	if err == nil {
		v, err = s.personView(r.Context(), name)
	}
	if err != nil {
		status, msg := s.statusOf(r.Context(), err)
		s.errorPage(w, status, msg)
		return
	}
	d := &personData{V: v, Total: res.Total, Articles: hitsOf(res), More: state{}.with("person", name, "sort", "date")}
	s.render(w, http.StatusOK, "person", page{Title: name, Data: d})
}

// hitsOf lists hits without snippets.
func hitsOf(res *index.Result) []pageHit {
	var out []pageHit
	for _, h := range res.Hits {
		t := h.Title
		if strings.TrimSpace(t) == "" {
			t = "（无标题）" + h.Lead
		}
		out = append(out, pageHit{Href: articleURL(h.ID), Title: []piece{{Text: t}}, Published: day(h.Published), Source: h.URL})
	}
	return out
}
