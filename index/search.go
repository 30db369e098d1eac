package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp/syntax"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index/analyzer"
)

// Filter selects articles: every field set must hold (within a field, any
// of the values).
type Filter struct {
	Orgs    []string // an organization's full name or short form
	People  []string
	Titles  []string // a title someone holds (校长)
	Types   []string // relation types (signing, appointment …)
	Parties []string // a signing party
	// From and To bound the publish date, inclusive: 2021, 2021-07 or
	// 2021-07-06.
	From, To string
}

// Query is a search.
type Query struct {
	// Text is a query in bleve's query-string syntax (签约 +百胜
	// title:揭牌 "人工智能学院"); empty matches every article.
	Text   string
	Filter Filter
	Size   int // hits per page; 0 means 10
	Offset int // hits skipped (paging)
	// Facets is the number of values per facet (organizations, people,
	// relation types, months); 0 means 10, negative none.
	Facets int
	// Highlight asks for fragments of title and body with the matches
	// marked: "html" (<mark>, text escaped), "ansi" (terminal colours) or
	// "" for none.
	Highlight string
	// Sort orders the hits: "" (relevance), "date" (newest first) or
	// "-date" (oldest first).
	Sort string
}

// Hit is one article found.
type Hit struct {
	ID        string              `json:"id"`
	Score     float64             `json:"score"`
	Title     string              `json:"title"`
	Published string              `json:"published,omitempty"`
	URL       string              `json:"url,omitempty"`
	Path      string              `json:"path,omitempty"`
	Fragments map[string][]string `json:"fragments,omitempty"`
	// Lead is the start of the body, for an article without a title.
	Lead string `json:"lead,omitempty"`
}

// FacetValue is one value of a facet and the number of articles with it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Result is one page of hits, with the facets of all the matches.
type Result struct {
	Total  uint64                  `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetValue `json:"facets,omitempty"`
	Took   time.Duration           `json:"took_ns"`
}

// ErrQuery is wrapped by the errors of malformed queries and filters.
var ErrQuery = errors.New("bad query")

// FacetFields are the fields Search counts.
var FacetFields = []string{FieldOrg, FieldPerson, FieldType, FieldMonth}

// build turns a query and filter into a bleve query: the text ranks, the
// filter only selects (it adds nothing to the scores).
func (ix *Index) build(text string, f Filter) (query.Query, error) {
	main := allArticles()
	var filters []query.Query
	text = strings.TrimSpace(text)
	if text != "" {
		parsed, err := query.NewQueryStringQuery(text).Parse()
		if err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrQuery, text, err)
		}
		parsed, err = queryAnalysis(parsed, ix.textAnalyzer() == analyzer.Name, ix.severalWords)
		if err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrQuery, text, err)
		}
		main = parsed
	}
	anyOf := func(field string, values []string) {
		var qs []query.Query
		for _, v := range values {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			t := query.NewTermQuery(v)
			t.SetField(field)
			qs = append(qs, t)
			if field == FieldOrg {
				a := query.NewTermQuery(v)
				a.SetField(FieldAlias)
				qs = append(qs, a)
			}
		}
		if len(qs) > 0 {
			filters = append(filters, query.NewDisjunctionQuery(qs))
		}
	}
	anyOf(FieldOrg, f.Orgs)
	anyOf(FieldPerson, f.People)
	anyOf(FieldRole, f.Titles)
	anyOf(FieldType, f.Types)
	anyOf(FieldParty, f.Parties)
	var dates *dateFilter // a date range checked in memory
	if f.From != "" || f.To != "" {
		var from, to time.Time
		var err error
		if f.From != "" {
			if from, err = parseDay(f.From, false); err != nil {
				return nil, fmt.Errorf("%w: from: %v", ErrQuery, err)
			}
		}
		if f.To != "" {
			if to, err = parseDay(f.To, true); err != nil {
				return nil, fmt.Errorf("%w: to: %v", ErrQuery, err)
			}
		}
		t, err := ix.facetTable()
		if err != nil {
			return nil, err
		}
		if t != nil {
			dates = &dateFilter{t: t, from: math.MinInt64, to: math.MaxInt64}
			if !from.IsZero() {
				dates.from = from.UnixNano()
			}
			if !to.IsZero() {
				dates.to = to.UnixNano()
			}
		} else {
			yes := true
			r := query.NewDateRangeInclusiveQuery(from, to, &yes, &yes)
			r.SetField(FieldPublished)
			filters = append(filters, r)
		}
	}
	var filter query.Query
	switch len(filters) {
	case 0:
	case 1:
		filter = filters[0]
	default:
		filter = query.NewConjunctionQuery(filters)
	}
	var q query.Query
	switch {
	case text == "" && filter != nil:
		q = filter // nothing to rank by
	case filter != nil:
		b := query.NewBooleanQuery([]query.Query{main}, nil, nil)
		b.AddFilter(filter)
		q = b
	default:
		q = main
	}
	if dates != nil {
		dates.Query = q
		return dates, nil
	}
	return q, nil
}

// titleBoost weighs a match in the title against one in the body, and
// phraseBoost the words of a term written together against the words
// apart.
const (
	titleBoost  = 2
	phraseBoost = 10
)

// queryAnalysis rewrites a parsed query string for the index. A part
// without a field searches the title (boosted) and the body. Text parts
// analyze their words with the query analyzer (words, no sub-words:
// 北京大学 must not find every 北京) and require all the words of one term
// (人工智能学院 is 人工智能 and 学院, both): Chinese is written without
// spaces, so a term is what a user means as one thing. Keyword fields keep
// their own analysis.
// severalWords reports whether the query analyzer cuts a term into two
// words or more.
func (ix *Index) severalWords(term string) bool {
	a := ix.b.Mapping().AnalyzerNamed(analyzer.QueryName)
	if a == nil {
		return false
	}
	pos := map[int]bool{}
	for _, t := range a.Analyze([]byte(term)) {
		pos[t.Position] = true
	}
	return len(pos) >= 2
}

// nameChars returns the folded characters of a short Han term (three or
// four characters: a name), or nil.
func nameChars(term string) []string {
	r := []rune(analyzer.Fold(strings.TrimSpace(term)))
	if len(r) < 3 || len(r) > 4 {
		return nil
	}
	out := make([]string, len(r))
	for i, c := range r {
		if !unicode.Is(unicode.Han, c) {
			return nil
		}
		out[i] = string(c)
	}
	return out
}

// textAnalyzer returns the analyzer of the body field.
func (ix *Index) textAnalyzer() string {
	if m, ok := ix.b.Mapping().(*mapping.IndexMappingImpl); ok {
		if dm := m.DefaultMapping; dm != nil {
			if fm := dm.Properties[FieldBody]; fm != nil && len(fm.Fields) > 0 {
				return fm.Fields[0].Analyzer
			}
		}
	}
	return analyzer.Name
}

func queryAnalysis(q query.Query, ours bool, words2 func(string) bool) (query.Query, error) {
	text := func(field string) bool { return field == FieldTitle || field == FieldBody }
	both := func(title, body query.Query) query.Query {
		if b, ok := title.(query.BoostableQuery); ok {
			b.SetBoost(titleBoost)
		}
		return query.NewDisjunctionQuery([]query.Query{title, body})
	}
	switch q := q.(type) {
	case *query.MatchQuery:
		if ours {
			q.Analyzer = analyzer.QueryName
		}
		q.Operator = query.MatchQueryOperatorAnd
		if q.FieldVal == "" {
			t, b := *q, *q
			t.FieldVal, b.FieldVal = FieldTitle, FieldBody
			words := both(&t, &b)
			if ours && words2(q.Match) {
				// The words next to each other rank first (化学学院 before
				// 化学…学院): the term as a phrase, boosted, may match too
				// (only for a term of several words: a phrase of one word
				// costs a reading of positions for nothing).
				pt, pb := query.NewMatchPhraseQuery(q.Match), query.NewMatchPhraseQuery(q.Match)
				pt.SetField(FieldTitle)
				pb.SetField(FieldBody)
				pt.Analyzer, pb.Analyzer = analyzer.QueryName, analyzer.QueryName
				// (bleve applies the boosts of leaf queries only, not
				// of a disjunction.)
				pb.SetBoost(phraseBoost)
				phrase := both(pt, pb)
				pt.SetBoost(titleBoost * phraseBoost)
				words = query.NewBooleanQuery([]query.Query{words}, []query.Query{phrase}, nil)
			}
			if chars := nameChars(q.Match); ours && chars != nil {
				// 周静, 冀宁: a short term the segmenter may cut otherwise in
				// the text (周/静) also matches as a phrase of its characters.
				return query.NewDisjunctionQuery([]query.Query{words,
					both(query.NewPhraseQuery(chars, FieldTitle), query.NewPhraseQuery(chars, FieldBody))}), nil
			}
			return words, nil
		}
		if !text(q.FieldVal) {
			q.Analyzer, q.Operator = "", query.MatchQueryOperatorOr
		}
		return q, nil
	case *query.MatchPhraseQuery:
		if ours {
			q.Analyzer = analyzer.QueryName
		}
		if q.FieldVal == "" {
			t, b := *q, *q
			t.FieldVal, b.FieldVal = FieldTitle, FieldBody
			return both(&t, &b), nil
		}
		if !text(q.FieldVal) {
			q.Analyzer = ""
		}
		return q, nil
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *sub == nil {
				continue
			}
			r, err := queryAnalysis(*sub, ours, words2)
			if err != nil {
				return nil, err
			}
			*sub = r
		}
		return q, nil
	case *query.ConjunctionQuery:
		for i, sub := range q.Conjuncts {
			r, err := queryAnalysis(sub, ours, words2)
			if err != nil {
				return nil, err
			}
			q.Conjuncts[i] = r
		}
		return q, nil
	case *query.DisjunctionQuery:
		for i, sub := range q.Disjuncts {
			r, err := queryAnalysis(sub, ours, words2)
			if err != nil {
				return nil, err
			}
			q.Disjuncts[i] = r
		}
		return q, nil
	case query.FieldableQuery:
		if q.Field() != "" {
			return q, nil
		}
		// 处理* and the like: the same query on both fields, copied
		// through its JSON form.
		js, err := json.Marshal(q)
		if err != nil {
			return nil, err
		}
		t, err := query.ParseQuery(js)
		if err != nil {
			return nil, err
		}
		tf, ok := t.(query.FieldableQuery)
		if !ok {
			return q, nil
		}
		tf.SetField(FieldTitle)
		q.SetField(FieldBody)
		return both(tf, q), nil
	}
	return q, nil
}

// Search runs a query.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	return ix.searchFacets(ctx, q, FacetFields)
}

// searchFacets runs a query counting the facets named.
func (ix *Index) searchFacets(ctx context.Context, q Query, facets []string) (*Result, error) {
	bq, err := ix.build(q.Text, q.Filter)
	if err != nil {
		return nil, err
	}
	size := q.Size
	if size <= 0 {
		size = 10
	}
	req := bleve.NewSearchRequestOptions(bq, size, max(q.Offset, 0), false)
	req.Fields = []string{fieldHit}
	switch q.Sort {
	case "":
	case "date":
		req.SortBy([]string{"-" + FieldPublished, "-_score"})
	case "-date":
		req.SortBy([]string{FieldPublished, "-_score"})
	default:
		return nil, fmt.Errorf("%w: sort %q (want date or -date)", ErrQuery, q.Sort)
	}
	nFacets := q.Facets
	if nFacets == 0 {
		nFacets = 10
	}
	var counter *facetCounter
	if q.Facets >= 0 {
		t, err := ix.facetTable()
		if err != nil {
			return nil, err
		}
		if t != nil {
			counter = t.counter()
			req.Query = countingQuery{Query: bq, c: counter}
		} else {
			for _, f := range facets {
				req.AddFacet(f, bleve.NewFacetRequest(f, nFacets))
			}
		}
	}
	// Title and body are stored inside the article, not as fields of
	// their own: the article's text is highlighted here with bleve's
	// highlighter, at the matches' locations, which a second search reads
	// for the hits shown only (reading them during the search would decode
	// the locations of every article that matches).
	var hl highlight.Highlighter
	switch q.Highlight {
	case "":
	case "html", "ansi":
		if hl, err = bleve.Config.Cache.HighlighterNamed(q.Highlight); err != nil {
			return nil, fmt.Errorf("highlighter %s: %w", q.Highlight, err)
		}
	default:
		return nil, fmt.Errorf("%w: highlight style %q (want html or ansi)", ErrQuery, q.Highlight)
	}
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchError(q.Text, err)
	}
	if hl != nil && len(res.Hits) > 0 {
		if err := ix.locate(ctx, bq, res.Hits); err != nil {
			return nil, searchError(q.Text, err)
		}
	}
	out := &Result{Total: res.Total, Took: res.Took, Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		s, _ := h.Fields[fieldHit].(string)
		a, err := ix.codec.head(s, hl != nil)
		if err == nil && a.Title == "" && hl == nil {
			a, err = ix.codec.head(s, true) // the lead of an untitled article
		}
		if err != nil {
			return nil, fmt.Errorf("search %q: hit %s: %w", q.Text, h.ID, err)
		}
		out.Hits = append(out.Hits, hitOf(h, a, hl))
	}
	if counter != nil {
		all := counter.top(nFacets)
		out.Facets = map[string][]FacetValue{}
		for _, f := range facets {
			out.Facets[f] = all[f]
		}
	}
	if len(res.Facets) > 0 {
		out.Facets = map[string][]FacetValue{}
		for name, fr := range res.Facets {
			vals := []FacetValue{}
			if fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					vals = append(vals, FacetValue{Value: t.Term, Count: t.Count})
				}
			}
			out.Facets[name] = vals
		}
	}
	return out, nil
}

// lead returns the first line of body, cut to n characters (with … when
// cut).
func lead(body string, n int) string {
	line, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	if r := []rune(line); len(r) > n {
		return string(r[:n]) + "…"
	}
	return line
}

// locate sets the locations of the terms of q in the hits (for
// highlighting) by running q again on those documents only.
func (ix *Index) locate(ctx context.Context, q query.Query, hits search.DocumentMatchCollection) error {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), q}), len(ids), 0, false)
	req.IncludeLocations = true
	req.Score = "none"
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	locs := make(map[string]search.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		locs[h.ID] = h.Locations
	}
	for _, h := range hits {
		h.Locations = locs[h.ID]
	}
	return nil
}

// hitOf makes a hit of a match and its article, with the fragments of
// title and body that hl (if not nil) finds at the match's locations.
func hitOf(h *search.DocumentMatch, a head, hl highlight.Highlighter) Hit {
	if hl != nil {
		d := document.NewDocument(h.ID)
		d.AddField(document.NewTextField(FieldTitle, nil, []byte(a.Title)))
		d.AddField(document.NewTextField(FieldBody, nil, []byte(a.Body)))
		for _, f := range []string{FieldTitle, FieldBody} {
			hl.BestFragmentsInField(h, d, f, 1)
		}
	}
	hit := Hit{ID: h.ID, Score: h.Score, Fragments: h.Fragments,
		Title: a.Title, Published: a.Published, URL: a.URL, Path: a.Path}
	if a.Title == "" {
		hit.Lead = lead(a.Body, 40)
	}
	return hit
}

// Each calls fn with every article that the query and filter select, in
// id order, reading the index a page at a time (constant memory however
// many articles match). It stops at the first error fn returns.
func (ix *Index) Each(ctx context.Context, text string, f Filter, fn func(*extract.Article) error) error {
	bq, err := ix.build(text, f)
	if err != nil {
		return err
	}
	const page = 500
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bq, page, 0, false)
		req.Fields = []string{fieldHit, fieldDoc}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return searchError(text, err)
		}
		for _, h := range res.Hits {
			a, err := ix.articleOf(h)
			if err != nil {
				return fmt.Errorf("export %s: %w", h.ID, err)
			}
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Terms returns the values of a keyword field (FieldOrg, FieldPerson,
// FieldType …) that start with prefix, with the number of articles that
// hold each, most frequent first; at most n of them (10 when n is not
// positive). Without a prefix they are the field's top values over the
// whole index (a facet); with one, the field's terms with that prefix are
// counted one by one (at most 500 of them are looked at), except on a
// read-only index, which has the counts of all of them in memory for the
// facet fields.
func (ix *Index) Terms(ctx context.Context, field, prefix string, n int) ([]FacetValue, error) {
	if n <= 0 {
		n = 10
	}
	t, err := ix.facetTable()
	if err != nil {
		return nil, err
	}
	if t != nil {
		if out, ok := t.totals(field, prefix, n); ok {
			return out, nil
		}
	}
	if prefix == "" {
		req := bleve.NewSearchRequestOptions(allArticles(), 0, 0, false)
		req.AddFacet(field, bleve.NewFacetRequest(field, n))
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("terms of %s: %w", field, err)
		}
		out := []FacetValue{}
		if fr := res.Facets[field]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				out = append(out, FacetValue{Value: t.Term, Count: t.Count})
			}
		}
		return out, nil
	}
	fd, err := ix.b.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return nil, fmt.Errorf("terms of %s: %w", field, err)
	}
	var terms []string
	for len(terms) < 500 {
		e, err := fd.Next()
		if err != nil {
			fd.Close()
			return nil, fmt.Errorf("terms of %s: %w", field, err)
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	fd.Close()
	out := []FacetValue{}
	for _, t := range terms {
		q := query.NewTermQuery(t)
		q.SetField(field)
		res, err := ix.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return nil, fmt.Errorf("terms of %s: %w", field, err)
		}
		if res.Total > 0 {
			out = append(out, FacetValue{Value: t, Count: int(res.Total)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// TermCount returns the number of distinct values of a keyword field.
func (ix *Index) TermCount(field string) (int, error) {
	fd, err := ix.b.FieldDict(field)
	if err != nil {
		return 0, fmt.Errorf("terms of %s: %w", field, err)
	}
	defer fd.Close()
	n := 0
	for {
		e, err := fd.Next()
		if err != nil {
			return 0, fmt.Errorf("terms of %s: %w", field, err)
		}
		if e == nil {
			return n, nil
		}
		n++
	}
}

// searchError wraps an error of a search: the parts of a query bleve
// checks only when it runs it (a regular expression, a fuzziness) are
// the query's fault, ErrQuery.
func searchError(text string, err error) error {
	var se *syntax.Error
	msg := err.Error()
	if errors.As(err, &se) || strings.Contains(msg, "error parsing regexp") || strings.Contains(msg, "fuzziness exceeds") {
		return fmt.Errorf("%w: %q: %v", ErrQuery, text, err)
	}
	return fmt.Errorf("search %q: %w", text, err)
}
