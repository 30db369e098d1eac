package web

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index"
	"github.com/zhnews/zhnews/relation"
)

// link is a name and the address of its page.
type link struct {
	Name string
	Href string
}

func orgLink(name string) link    { return link{Name: name, Href: orgURL(name)} }
func personLink(name string) link { return link{Name: name, Href: personURL(name)} }

// fact is one relation of an article, ready to show.
type fact struct {
	Type      string // signing …
	TypeName  string // 签约 …
	Date      string // 2021-07-06, or the publish date
	Year      string
	Parties   []party
	Agreement string
	Subject   string
	Status    string
	Person    link
	Role      string
	Org       link
	Evidence  string
	Article   link // the article it was read from
	Published string
}

type party struct {
	Org            link
	Representative link
}

// factsOf lists the relations of an article.
func factsOf(a *extract.Article) []fact {
	out := make([]fact, 0, len(a.Relations))
	for _, r := range a.Relations {
		f := fact{Type: r.Type, TypeName: typeName(r.Type), Date: day(r.Date), Agreement: r.Agreement,
			Subject: r.Subject, Status: statusName(r.Status), Role: r.Role, Evidence: r.Evidence,
			Article: link{Name: a.Title, Href: articleURL(a.ID)}, Published: day(a.Published)}
		if f.Date == "" {
			f.Date = f.Published
		}
		if len(f.Date) >= 4 {
			f.Year = f.Date[:4]
		}
		if r.Person != "" {
			f.Person = personLink(r.Person)
		}
		if r.Org != "" {
			f.Org = orgLink(r.Org)
		}
		for _, p := range r.Parties {
			pp := party{Org: orgLink(p.Org)}
			if p.Representative != "" {
				pp.Representative = personLink(p.Representative)
			}
			f.Parties = append(f.Parties, pp)
		}
		out = append(out, f)
	}
	return out
}

// day is the date part of an ISO 8601 value (2021-07-06T10:00+08:00 →
// 2021-07-06); values with an unknown year (XXXX) are kept as written.
func day(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return s
}

// byDate orders facts by date, oldest first.
func byDate(fs []fact) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Date < fs[j].Date })
}

// scan calls fn with at most max articles the filter selects; it reports
// whether more were left out.
func (s *Server) scan(ctx context.Context, f index.Filter, fn func(*extract.Article)) (int, bool, error) {
	n := 0
	capped := false
	err := s.ix.Each(ctx, "", f, func(a *extract.Article) error {
		if n == s.opts.MaxScan {
			capped = true
			return errStop
		}
		n++
		fn(a)
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return n, capped, err
}

// scanSigningsFirst is scan, reading first the articles with a signing
// (each at most MaxScan): however many articles name an organization or
// a person, its page lists every agreement.
func (s *Server) scanSigningsFirst(ctx context.Context, f index.Filter, fn func(*extract.Article)) (int, bool, error) {
	seen := map[string]bool{}
	read := func(a *extract.Article) {
		if !seen[a.ID] {
			seen[a.ID] = true
			fn(a)
		}
	}
	signings := f
	signings.Types = []string{relation.TypeSigning}
	_, capped, err := s.scan(ctx, signings, read)
	if err != nil {
		return len(seen), capped, err
	}
	_, capped2, err := s.scan(ctx, f, read)
	return len(seen), capped || capped2, err
}

// holder is a person and the titles they hold (at one organization).
type holder struct {
	Person link
	Titles []string
	Count  int // articles
}

// orgView is what the page of an organization shows.
type orgView struct {
	Name       string
	Names      map[string]bool // the full names it goes by (one, or those of a short form)
	Kinds      []string
	Aliases    []string       // the other names it goes by, most written first
	aliasCount map[string]int // articles writing each
	People     []holder
	Agreements []fact // signings it is a party of, by date
	Posts      []fact // appointments, speeches, attendance at it
	Partners   []counted
	Scanned    int
	Capped     bool
}

type counted struct {
	Link  link
	Count int
}

// newOrgView gathers what the articles say of an organization, named by
// its full name or a short form.
func newOrgView(name string) *orgView {
	return &orgView{Name: name, Names: map[string]bool{name: true}, aliasCount: map[string]int{}}
}

func (v *orgView) add(a *extract.Article, people map[string]*holder, partners map[string]int) {
	for _, o := range a.Organizations {
		if o.Name != v.Name && !slices.Contains(o.Aliases, v.Name) {
			continue
		}
		v.Names[o.Name] = true
		if k := kindName(o.Kind); k != "" && !slices.Contains(v.Kinds, k) {
			v.Kinds = append(v.Kinds, k)
		}
		for _, al := range append([]string{o.Name}, o.Aliases...) {
			if al != v.Name {
				v.aliasCount[al]++
			}
		}
	}
	for _, p := range a.People {
		var titles []string
		for _, r := range p.Roles {
			if v.Names[r.Org] && r.Title != "" {
				titles = append(titles, r.Title)
			}
		}
		if len(titles) == 0 {
			continue
		}
		h := people[p.Name]
		if h == nil {
			h = &holder{Person: personLink(p.Name)}
			people[p.Name] = h
		}
		h.Count++
		for _, t := range titles {
			if !slices.Contains(h.Titles, t) {
				h.Titles = append(h.Titles, t)
			}
		}
	}
	for _, f := range factsOf(a) {
		if f.Type == relation.TypeSigning {
			in := false
			for _, p := range f.Parties {
				if v.Names[p.Org.Name] {
					in = true
				}
			}
			if !in {
				continue
			}
			for _, p := range f.Parties {
				if !v.Names[p.Org.Name] {
					partners[p.Org.Name]++
				}
			}
			v.Agreements = append(v.Agreements, f)
			continue
		}
		if v.Names[f.Org.Name] {
			v.Posts = append(v.Posts, f)
		}
	}
}

func (v *orgView) finish(people map[string]*holder, partners map[string]int) {
	for _, h := range people {
		v.People = append(v.People, *h)
	}
	sort.Slice(v.People, func(i, j int) bool {
		if v.People[i].Count != v.People[j].Count {
			return v.People[i].Count > v.People[j].Count
		}
		return v.People[i].Person.Name < v.People[j].Person.Name
	})
	for n, c := range partners {
		v.Partners = append(v.Partners, counted{Link: orgLink(n), Count: c})
	}
	sort.Slice(v.Partners, func(i, j int) bool {
		if v.Partners[i].Count != v.Partners[j].Count {
			return v.Partners[i].Count > v.Partners[j].Count
		}
		return v.Partners[i].Link.Name < v.Partners[j].Link.Name
	})
	byDate(v.Agreements)
	byDate(v.Posts)
	// The names written in two articles or more (the others are more
	// often misreadings than names), or the first few when none is.
	for n := range v.aliasCount {
		v.Aliases = append(v.Aliases, n)
	}
	sort.Slice(v.Aliases, func(i, j int) bool {
		a, b := v.Aliases[i], v.Aliases[j]
		if v.aliasCount[a] != v.aliasCount[b] {
			return v.aliasCount[a] > v.aliasCount[b]
		}
		return a < b
	})
	keep := 0
	for keep < len(v.Aliases) && v.aliasCount[v.Aliases[keep]] >= 2 {
		keep++
	}
	if keep == 0 {
		keep = min(len(v.Aliases), 3)
	}
	v.Aliases = v.Aliases[:min(keep, maxAliases)]
}

// maxAliases bounds the other names an organization's page lists.
const maxAliases = 12

func (s *Server) orgView(ctx context.Context, name string) (*orgView, error) {
	key := "org\x00" + name
	if c, ok := s.cache.get(key); ok {
		return c.(*orgView), nil
	}
	v := newOrgView(name)
	people := map[string]*holder{}
	partners := map[string]int{}
	done, err := s.admit(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	v.Scanned, v.Capped, err = s.scanSigningsFirst(ctx, index.Filter{Orgs: []string{name}}, func(a *extract.Article) { v.add(a, people, partners) })
	if err != nil {
		return nil, err
	}
	v.finish(people, partners)
	s.cache.put(key, v)
	return v, nil
}

// personView is what the page of a person shows.
type personView struct {
	Name    string
	Titles  []heldTitle
	Signed  []fact // signings they signed, by date
	Other   []fact // appointments, speeches, attendance
	Orgs    []counted
	Scanned int
	Capped  bool
}

type heldTitle struct {
	Title string
	Org   link
	Count int // articles
	First string
	Last  string
}

func (v *personView) add(a *extract.Article, titles map[[2]string]*heldTitle, orgs map[string]int) {
	published := day(a.Published)
	for _, p := range a.People {
		if p.Name != v.Name {
			continue
		}
		seen := map[[2]string]bool{}
		for _, r := range p.Roles {
			k := [2]string{r.Title, r.Org}
			if seen[k] {
				continue
			}
			seen[k] = true
			t := titles[k]
			if t == nil {
				t = &heldTitle{Title: r.Title, First: published, Last: published}
				if r.Org != "" {
					t.Org = orgLink(r.Org)
				}
				titles[k] = t
			}
			t.Count++
			if published != "" && (t.First == "" || published < t.First) {
				t.First = published
			}
			if published > t.Last {
				t.Last = published
			}
			if r.Org != "" {
				orgs[r.Org]++
			}
		}
	}
	for _, f := range factsOf(a) {
		if f.Type == relation.TypeSigning {
			for _, p := range f.Parties {
				if p.Representative.Name == v.Name {
					v.Signed = append(v.Signed, f)
					break
				}
			}
			continue
		}
		if f.Person.Name == v.Name {
			v.Other = append(v.Other, f)
		}
	}
}

func (v *personView) finish(titles map[[2]string]*heldTitle, orgs map[string]int) {
	for _, t := range titles {
		v.Titles = append(v.Titles, *t)
	}
	sort.Slice(v.Titles, func(i, j int) bool {
		a, b := v.Titles[i], v.Titles[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Title+a.Org.Name < b.Title+b.Org.Name
	})
	for n, c := range orgs {
		v.Orgs = append(v.Orgs, counted{Link: orgLink(n), Count: c})
	}
	sort.Slice(v.Orgs, func(i, j int) bool {
		if v.Orgs[i].Count != v.Orgs[j].Count {
			return v.Orgs[i].Count > v.Orgs[j].Count
		}
		return v.Orgs[i].Link.Name < v.Orgs[j].Link.Name
	})
	byDate(v.Signed)
	byDate(v.Other)
}

func (s *Server) personView(ctx context.Context, name string) (*personView, error) {
	key := "person\x00" + name
	if c, ok := s.cache.get(key); ok {
		return c.(*personView), nil
	}
	v := &personView{Name: name}
	titles := map[[2]string]*heldTitle{}
	orgs := map[string]int{}
	done, err := s.admit(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	v.Scanned, v.Capped, err = s.scanSigningsFirst(ctx, index.Filter{People: []string{name}}, func(a *extract.Article) { v.add(a, titles, orgs) })
	if err != nil {
		return nil, err
	}
	v.finish(titles, orgs)
	s.cache.put(key, v)
	return v, nil
}

// yearBar is one bar of a chart of counts by year.
type yearBar struct {
	Year        string
	Count       int
	Y, W        int // SVG units
	TextY, NumX int
}

// yearChart counts facts by year, oldest first, as bars of an SVG chart
// (the page draws it without inline style or script).
func yearChart(fs []fact) (bars []yearBar, height int) {
	counts := map[string]int{}
	for _, f := range fs {
		y := f.Year
		if y == "" || strings.Contains(y, "X") {
			y = "?"
		}
		counts[y]++
	}
	years := make([]string, 0, len(counts))
	most := 0
	for y, c := range counts {
		years = append(years, y)
		most = max(most, c)
	}
	sort.Strings(years)
	const rowH, barMax = 22, 220
	for i, y := range years {
		c := counts[y]
		w := max(2, c*barMax/most)
		bars = append(bars, yearBar{Year: y, Count: c, Y: i*rowH + 3, W: w, TextY: i*rowH + 16, NumX: 50 + w + 6})
	}
	return bars, len(years)*rowH + 4
}

// yearGroup is the facts of one year, for a timeline.
type yearGroup struct {
	Year  string
	Facts []fact
}

func byYear(fs []fact) []yearGroup {
	var out []yearGroup
	for _, f := range fs {
		y := f.Year
		if y == "" {
			y = "日期不详"
		}
		if len(out) == 0 || out[len(out)-1].Year != y {
			out = append(out, yearGroup{Year: y})
		}
		out[len(out)-1].Facts = append(out[len(out)-1].Facts, f)
	}
	return out
}
