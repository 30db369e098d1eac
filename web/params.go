package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhnews/zhnews/index"
	"github.com/zhnews/zhnews/relation"
)

// errParam is wrapped by the errors of malformed request parameters.
var errParam = errors.New("bad parameter")

func paramError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errParam, fmt.Sprintf(format, args...))
}

// relationTypes are the values of the type filter.
var relationTypes = []string{relation.TypeSigning, relation.TypeAppointment, relation.TypeSpeech, relation.TypeAttendance}

// text reads a single text parameter.
func text(v url.Values, key string) (string, error) {
	s := strings.TrimSpace(v.Get(key))
	if !utf8.ValidString(s) {
		return "", paramError("%s is not UTF-8", key)
	}
	if utf8.RuneCountInString(s) > maxTextRunes {
		return "", paramError("%s is longer than %d characters", key, maxTextRunes)
	}
	return s, nil
}

// list reads a repeatable parameter; a value may also hold several
// comma-separated ones, like the flags of the command line.
func listParam(v url.Values, key string) ([]string, error) {
	var out []string
	for _, raw := range v[key] {
		for _, s := range strings.Split(raw, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if !utf8.ValidString(s) {
				return nil, paramError("%s is not UTF-8", key)
			}
			if utf8.RuneCountInString(s) > maxTextRunes {
				return nil, paramError("%s is longer than %d characters", key, maxTextRunes)
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	if len(out) > 20 {
		return nil, paramError("more than 20 values of %s", key)
	}
	return out, nil
}

// integer reads a whole-number parameter within [lo, hi], def when absent.
func integer(v url.Values, key string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(key))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, paramError("%s=%q is not a whole number", key, s)
	}
	if n < lo || n > hi {
		return 0, paramError("%s=%d is out of range [%d, %d]", key, n, lo, hi)
	}
	return n, nil
}

// filterOf reads the filter parameters: org, person, title, type, party,
// from, to.
func filterOf(v url.Values) (index.Filter, error) {
	var f index.Filter
	var err error
	for _, p := range []struct {
		key string
		dst *[]string
	}{{"org", &f.Orgs}, {"person", &f.People}, {"title", &f.Titles}, {"type", &f.Types}, {"party", &f.Parties}} {
		if *p.dst, err = listParam(v, p.key); err != nil {
			return f, err
		}
	}
	for _, t := range f.Types {
		if !slices.Contains(relationTypes, t) {
			return f, paramError("type=%q (want one of %s)", t, strings.Join(relationTypes, ", "))
		}
	}
	if f.From, err = text(v, "from"); err != nil {
		return f, err
	}
	if f.To, err = text(v, "to"); err != nil {
		return f, err
	}
	return f, nil
}

// searchParams is a search request.
type searchParams struct {
	Text   string
	Filter index.Filter
	Page   int // from 1
	Size   int
	Sort   string // "", "date" or "-date"
	Facets int    // values per facet; negative: none
	Plain  bool   // no highlighting
}

func parseSearch(v url.Values) (searchParams, error) {
	var p searchParams
	var err error
	if p.Text, err = text(v, "q"); err != nil {
		return p, err
	}
	if p.Filter, err = filterOf(v); err != nil {
		return p, err
	}
	if p.Page, err = integer(v, "page", 1, 1, 10000); err != nil {
		return p, err
	}
	if p.Size, err = integer(v, "size", 10, 1, maxPageSize); err != nil {
		return p, err
	}
	if p.Page*p.Size > 10000 {
		return p, paramError("page×size must stay within the first 10000 hits")
	}
	if p.Facets, err = integer(v, "facets", 10, -1, maxFacets); err != nil {
		return p, err
	}
	switch s := v.Get("sort"); s {
	case "", "relevance":
	case "date", "-date":
		p.Sort = s
	default:
		return p, paramError("sort=%q (want relevance, date or -date)", s)
	}
	switch h := v.Get("highlight"); h {
	case "", "1", "true", "html":
	case "0", "false", "none":
		p.Plain = true
	default:
		return p, paramError("highlight=%q (want true or false)", h)
	}
	return p, nil
}

func (p searchParams) query() index.Query {
	q := index.Query{Text: p.Text, Filter: p.Filter, Size: p.Size, Offset: (p.Page - 1) * p.Size, Facets: p.Facets, Sort: p.Sort, Highlight: "html"}
	if p.Facets == 0 {
		q.Facets = -1
	}
	if p.Plain {
		q.Highlight = ""
	}
	return q
}

// search runs a query, from the cache when it ran before.
func (s *Server) search(ctx context.Context, q index.Query) (*index.Result, error) {
	k, err := json.Marshal(q)
	if err != nil {
		return nil, err
	}
	key := "search\x00" + string(k)
	if v, ok := s.cache.get(key); ok {
		return v.(*index.Result), nil
	}
	done, err := s.admit(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.ix.Search(ctx, q)
	done()
	if err != nil {
		return nil, err
	}
	s.cache.put(key, res)
	return res, nil
}

// terms lists the values of a keyword field that start with prefix, most
// frequent first, at most n of them.
//
// The counts are those of a facet over every article: the counts of the
// index's term dictionary (index.Terms) are not article counts on a
// segmented index, so Terms only gives the number of values, and one
// search with a facet that large counts them. The list is made once per
// field (the index does not change while it is served).
func (s *Server) terms(ctx context.Context, field, prefix string, n int) ([]index.FacetValue, error) {
	all, err := s.allTerms(ctx, field)
	if err != nil {
		return nil, err
	}
	out := []index.FacetValue{}
	for _, v := range all {
		if len(out) == n {
			break
		}
		if strings.HasPrefix(v.Value, prefix) {
			out = append(out, v)
		}
	}
	return out, nil
}

func (s *Server) allTerms(ctx context.Context, field string) ([]index.FacetValue, error) {
	s.termsMu.Lock()
	defer s.termsMu.Unlock()
	if v, ok := s.termsOf[field]; ok {
		return v, nil
	}
	distinct, err := s.ix.TermCount(field)
	if err != nil {
		return nil, err
	}
	var all []index.FacetValue
	if distinct > 0 {
		if all, err = s.ix.Terms(ctx, field, "", distinct); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Count != all[j].Count {
			return all[i].Count > all[j].Count
		}
		return all[i].Value < all[j].Value
	})
	s.termsOf[field] = all
	return all, nil
}
