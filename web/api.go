package web

import (
	"bufio"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/facts"
	"github.com/zhnews/zhnews/index"
	"github.com/zhnews/zhnews/relation"
)

// searchResponse is the body of /api/search.
type searchResponse struct {
	Total  uint64                        `json:"total"`
	Page   int                           `json:"page"`
	Size   int                           `json:"size"`
	Pages  int                           `json:"pages"`
	TookNS int64                         `json:"took_ns"`
	Hits   []index.Hit                   `json:"hits"` // fragments made safe (safeFragments)
	Facets map[string][]index.FacetValue `json:"facets,omitempty"`
}

func pagesOf(total uint64, size int) int {
	return int((total + uint64(size) - 1) / uint64(size))
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	p, err := parseSearch(r.URL.Query())
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := s.search(r.Context(), p.query())
	if err != nil {
		status, msg := s.statusOf(r.Context(), err)
		jsonError(w, status, msg)
		return
	}
	out := searchResponse{Total: res.Total, Page: p.Page, Size: p.Size, Pages: pagesOf(res.Total, p.Size),
		Hits: make([]index.Hit, 0, len(res.Hits)), Facets: res.Facets}
	for _, h := range res.Hits {
		h.Fragments = safeFragments(h.Fragments)
		out.Hits = append(out.Hits, h)
	}
	out.TookNS = time.Since(start).Nanoseconds()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.ix.Get(id)
	if err != nil {
		status, msg := s.statusOf(r.Context(), err)
		if status == http.StatusNotFound {
			msg = "no article with id " + id
		}
		jsonError(w, status, msg)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// termsResponse is the body of /api/orgs and /api/people.
type termsResponse struct {
	Prefix string `json:"prefix,omitempty"`
	Items  []term `json:"items"`
}

type term struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func (s *Server) apiTerms(field string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()
		prefix, err := text(v, "prefix")
		if err != nil {
			jsonError(w, http.StatusBadRequest, err.Error())
			return
		}
		n, err := integer(v, "n", 20, 1, maxTerms)
		if err != nil {
			jsonError(w, http.StatusBadRequest, err.Error())
			return
		}
		vals, err := s.terms(r.Context(), field, prefix, n)
		if err != nil {
			status, msg := s.statusOf(r.Context(), err)
			jsonError(w, status, msg)
			return
		}
		out := termsResponse{Prefix: prefix, Items: make([]term, len(vals))}
		for i, v := range vals {
			out.Items[i] = term{Name: v.Value, Count: v.Count}
		}
		writeJSON(w, http.StatusOK, out)
	}
}

func (s *Server) apiHealth(w http.ResponseWriter, r *http.Request) {
	n, err := s.ix.Count()
	if err != nil {
		jsonError(w, http.StatusServiceUnavailable, "the index cannot be read")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"status":   "ok",
		"articles": n,
		"uptime_s": int64(time.Since(s.started).Seconds()),
	})
}

// factQuery selects rows of the fact table.
type factQuery struct {
	text    string
	filter  index.Filter // articles
	orgs    []string     // a row's organization: full name or short form
	parties []string     // a signing's party or an appointment's organization
	from    string       // the row's day (facts.Row.Day) bounds
	to      string
	limit   int
}

func parseFacts(v map[string][]string) (factQuery, error) {
	var q factQuery
	var err error
	if q.text, err = text(v, "q"); err != nil {
		return q, err
	}
	if q.filter, err = filterOf(v); err != nil {
		return q, err
	}
	if q.limit, err = integer(v, "limit", 1000, 1, maxFactRows); err != nil {
		return q, err
	}
	q.orgs, q.parties = q.filter.Orgs, q.filter.Parties
	q.from, q.to = q.filter.From, q.filter.To
	return q, nil
}

// rows calls fn with the rows the query selects, in article id order, at
// most limit of them; it reports whether rows were left out.
func (s *Server) factRows(r *http.Request, q factQuery, fn func(facts.Row) error) (bool, error) {
	n := 0
	more := false
	// The dates bound the rows' days (a relation's own date, else the
	// publish date): the articles are those published since from, however
	// late, for a signing may be reported weeks after it.
	articles := q.filter
	articles.To = ""
	err := s.ix.Each(r.Context(), q.text, articles, func(a *extract.Article) error {
		names := orgNames(a, q.orgs)
		for _, row := range facts.Rows(a) {
			if !rowMatches(row, q, names) || !partyMatches(row, q.parties) || !row.Within(q.from, q.to) {
				continue
			}
			if n == q.limit {
				more = true
				return errStop
			}
			n++
			if err := fn(row); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return more, err
}

// errStop ends a scan early.
var errStop = errors.New("stop")

// orgNames returns the full names the article gives the organizations
// asked for (by full name or short form).
func orgNames(a *extract.Article, asked []string) map[string]bool {
	if len(asked) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, s := range asked {
		out[s] = true
	}
	for _, o := range a.Organizations {
		for _, al := range o.Aliases {
			if out[al] {
				out[o.Name] = true
			}
		}
	}
	return out
}

// partyMatches reports whether a row is a signing of one of the parties or
// an appointment at one of them (what the party filter of the index
// selects).
func partyMatches(row facts.Row, parties []string) bool {
	if len(parties) == 0 {
		return true
	}
	return (row.Type == relation.TypeSigning || row.Type == relation.TypeAppointment) && slices.Contains(parties, row.Org)
}

func rowMatches(row facts.Row, q factQuery, orgs map[string]bool) bool {
	f := q.filter
	if len(f.Types) > 0 && !slices.Contains(f.Types, row.Type) {
		return false
	}
	if len(f.People) > 0 && !slices.Contains(f.People, row.Person) {
		return false
	}
	if len(f.Titles) > 0 && !slices.Contains(f.Titles, row.Role) {
		return false
	}
	if orgs != nil && !orgs[row.Org] {
		return false
	}
	return true
}

func (s *Server) apiFacts(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := parseFacts(v)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	format := v.Get("format")
	if format != "" && format != "json" && format != "csv" {
		jsonError(w, http.StatusBadRequest, `format="`+format+`" (want json or csv)`)
		return
	}
	// A malformed query or filter must be answered with 400 before any
	// row is written.
	if _, err := s.ix.Search(r.Context(), index.Query{Text: q.text, Filter: q.filter, Size: 1, Facets: -1}); err != nil {
		status, msg := s.statusOf(r.Context(), err)
		jsonError(w, status, msg)
		return
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="facts.csv"`)
		fw := facts.NewWriter(bw, facts.CSV)
		_, err = s.factRows(r, q, fw.Write)
		if ferr := fw.Flush(); err == nil {
			err = ferr
		}
	} else {
		// JSON: {"rows": [...], "truncated": bool}, written as the rows
		// come.
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = bw.WriteString(`{"rows":[`)
		first := true
		var more bool
		more, err = s.factRows(r, q, func(row facts.Row) error {
			b, err := json.Marshal(row)
			if err != nil {
				return err
			}
			if !first {
				_ = bw.WriteByte(',')
			}
			first = false
			_, err = bw.Write(b)
			return err
		})
		if err == nil {
			_, _ = bw.WriteString(`],"truncated":` + map[bool]string{true: "true", false: "false"}[more] + "}\n")
		}
	}
	if err != nil {
		status, msg := s.statusOf(r.Context(), err)
		if rec, ok := w.(*recorder); !ok || !rec.wrote {
			// Nothing is sent yet: answer the error.
			w.Header().Del("Content-Disposition")
			jsonError(w, status, msg)
			return
		}
		// The status is sent: cut the body short so that it does not
		// parse.
		_, _ = bw.WriteString("\n" + strings.ReplaceAll(msg, "\n", " ") + "\n")
		_ = bw.Flush()
		panic(http.ErrAbortHandler)
	}
	_ = bw.Flush()
}
