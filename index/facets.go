package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Facet counting from memory, for an index opened read-only (a server).
//
// bleve counts a facet by reading the doc values of every document that
// matches, which decodes them chunk by chunk and hashes every term: on an
// index of 20,000 articles that is three quarters of the time of a search
// that matches many of them. An index that never changes can instead hold
// the facet values of every document in memory, as term numbers, and count
// them into an array while bleve collects the matches. The table is read
// once, at the first search, from the same snapshot that every later
// search reads (a read-only index has one).

// facetTable holds the facet values of every document of a snapshot.
type facetTable struct {
	fields    []facetColumn // in the order of FacetFields
	published []int64       // by document: the publish date (Unix ns), or noDate
}

// noDate is the published value of a document without a date.
const noDate = math.MinInt64

// facetColumn is one facet field: the values of document d are the term
// numbers vals[off[d]:off[d+1]].
type facetColumn struct {
	name   string
	terms  []string
	off    []uint32
	vals   []uint32
	totals []int // articles holding each term, over the whole index
}

// loadFacets reads the facet table of the index's current snapshot.
func loadFacets(ctx context.Context, r bleveindex.IndexReader, fields []string) (*facetTable, error) {
	t := &facetTable{}
	for _, field := range fields {
		c, err := loadColumn(ctx, r, field)
		if err != nil {
			return nil, fmt.Errorf("read the values of %s: %w", field, err)
		}
		t.fields = append(t.fields, c)
	}
	var err error
	if t.published, err = loadDates(ctx, r, FieldPublished); err != nil {
		return nil, fmt.Errorf("read the values of %s: %w", FieldPublished, err)
	}
	return t, nil
}

// loadDates reads the values of a date field by document: the terms of
// full precision (shift 0) of its prefix-coded numbers.
func loadDates(ctx context.Context, r bleveindex.IndexReader, field string) ([]int64, error) {
	var out []int64
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		pc := numeric.PrefixCoded(e.Term)
		if shift, err := pc.Shift(); err != nil || shift != 0 {
			continue
		}
		v, err := pc.Int64()
		if err != nil {
			continue
		}
		err = eachDoc(ctx, r, field, e.Term, func(doc uint32) {
			for uint32(len(out)) <= doc {
				out = append(out, noDate)
			}
			out[doc] = v
		})
		if err != nil {
			return nil, err
		}
	}
}

// dateFilter keeps the matches of a query whose publish date is within
// [from, to], checked in the table (a range of bleve's prefix-coded
// numbers is a disjunction of many terms, read for every search).
type dateFilter struct {
	query.Query
	t        *facetTable
	from, to int64
}

func (q *dateFilter) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return searcher.NewFilteringSearcher(ctx, s, func(_ *search.SearchContext, d *search.DocumentMatch) bool {
		if len(d.IndexInternalID) != 8 {
			return false
		}
		doc := binary.BigEndian.Uint64(d.IndexInternalID)
		if doc >= uint64(len(q.t.published)) {
			return false
		}
		v := q.t.published[doc]
		return v != noDate && v >= q.from && v <= q.to
	}), nil
}

func loadColumn(ctx context.Context, r bleveindex.IndexReader, field string) (facetColumn, error) {
	c := facetColumn{name: field}
	dict, err := r.FieldDict(field)
	if err != nil {
		return c, err
	}
	type pair struct{ doc, term uint32 }
	var pairs []pair
	var maxDoc uint64
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return c, err
		}
		if e == nil {
			break
		}
		term := uint32(len(c.terms))
		c.terms = append(c.terms, e.Term)
		n := 0
		err = eachDoc(ctx, r, field, e.Term, func(doc uint32) {
			maxDoc = max(maxDoc, uint64(doc))
			pairs = append(pairs, pair{doc, term})
			n++
		})
		if err != nil {
			dict.Close()
			return c, err
		}
		c.totals = append(c.totals, n)
	}
	if err := dict.Close(); err != nil {
		return c, err
	}
	// Counting sort of the pairs by document.
	c.off = make([]uint32, maxDoc+2)
	for _, p := range pairs {
		c.off[p.doc+1]++
	}
	for i := 1; i < len(c.off); i++ {
		c.off[i] += c.off[i-1]
	}
	c.vals = make([]uint32, len(pairs))
	next := slices.Clone(c.off[:len(c.off)-1])
	for _, p := range pairs {
		c.vals[next[p.doc]] = p.term
		next[p.doc]++
	}
	return c, nil
}

// eachDoc calls fn with the number of every document that holds term in
// field.
func eachDoc(ctx context.Context, r bleveindex.IndexReader, field, term string, fn func(doc uint32)) error {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return err
	}
	defer tfr.Close()
	var d *bleveindex.TermFieldDoc
	for {
		if d, err = tfr.Next(d); err != nil || d == nil {
			return err
		}
		doc := binary.BigEndian.Uint64(d.ID)
		if doc > 1<<32-2 {
			return fmt.Errorf("document number %d out of range", doc)
		}
		fn(uint32(doc))
	}
}

// facetCounter counts the facet values of the documents of one search.
type facetCounter struct {
	t       *facetTable
	counts  [][]int32
	touched [][]uint32 // the terms counted, each once
}

func (t *facetTable) counter() *facetCounter {
	c := &facetCounter{t: t, counts: make([][]int32, len(t.fields)), touched: make([][]uint32, len(t.fields))}
	for i, f := range t.fields {
		c.counts[i] = make([]int32, len(f.terms))
	}
	return c
}

// add counts the values of a document.
func (c *facetCounter) add(id bleveindex.IndexInternalID) {
	if len(id) != 8 {
		return
	}
	doc := binary.BigEndian.Uint64(id)
	for i := range c.t.fields {
		f := &c.t.fields[i]
		if doc+1 >= uint64(len(f.off)) {
			continue
		}
		counts := c.counts[i]
		for _, v := range f.vals[f.off[doc]:f.off[doc+1]] {
			if counts[v] == 0 {
				c.touched[i] = append(c.touched[i], v)
			}
			counts[v]++
		}
	}
}

// top returns the n most frequent values of each field (count down, then
// value up, as bleve orders them).
func (c *facetCounter) top(n int) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	for i, f := range c.t.fields {
		vals := make([]FacetValue, 0, len(c.touched[i]))
		for _, v := range c.touched[i] {
			vals = append(vals, FacetValue{Value: f.terms[v], Count: int(c.counts[i][v])})
		}
		out[f.name] = topValues(vals, n)
	}
	return out
}

// totals returns the n most frequent values of a field over the index
// that start with prefix ("" for all).
func (t *facetTable) totals(field, prefix string, n int) ([]FacetValue, bool) {
	for _, f := range t.fields {
		if f.name != field {
			continue
		}
		// The terms are in the dictionary's (byte) order.
		lo, _ := slices.BinarySearch(f.terms, prefix)
		var vals []FacetValue
		for v := lo; v < len(f.terms) && strings.HasPrefix(f.terms[v], prefix); v++ {
			if f.totals[v] > 0 {
				vals = append(vals, FacetValue{Value: f.terms[v], Count: f.totals[v]})
			}
		}
		if vals == nil {
			vals = []FacetValue{}
		}
		return topValues(vals, n), true
	}
	return nil, false
}

func topValues(vals []FacetValue, n int) []FacetValue {
	slices.SortFunc(vals, func(a, b FacetValue) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		switch {
		case a.Value < b.Value:
			return -1
		case a.Value > b.Value:
			return 1
		}
		return 0
	})
	if len(vals) > n {
		vals = vals[:n]
	}
	return vals
}

// countingQuery runs a query and counts the facets of every document it
// matches.
type countingQuery struct {
	query.Query
	c *facetCounter
}

func (q countingQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &countingSearcher{Searcher: s, c: q.c}, nil
}

// countingSearcher passes the matches of a searcher on, counting them.
type countingSearcher struct {
	search.Searcher
	c *facetCounter
}

func (s *countingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil {
		s.c.add(d.IndexInternalID)
	}
	return d, err
}

func (s *countingSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil {
		s.c.add(d.IndexInternalID)
	}
	return d, err
}

// facetMemo loads the facet table of a read-only index once.
type facetMemo struct {
	once sync.Once
	t    *facetTable
	err  error
}
