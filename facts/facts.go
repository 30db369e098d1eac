// Package facts flattens the relations of extracted articles into a table:
// one row per party of a signing, per appointment, per speech and per
// attendance, with the article it came from. It is the table analysts load
// into a spreadsheet or pandas ("every agreement this school signed in
// 2021, with whom, and who signed"), written as CSV or JSON Lines.
package facts

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/relation"
)

// Row is one fact. For a signing there is one row per party: Org is the
// party, Person its representative, Partners the other parties. For an
// appointment, a speech or an attendance, Person holds Role at Org.
type Row struct {
	ArticleID string `json:"article_id"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Path      string `json:"path,omitempty"`
	// Relation numbers the relations of the article from 1: the rows of
	// one signing share it.
	Relation  int      `json:"relation"`
	Type      string   `json:"type"`
	Date      string   `json:"date,omitempty"`
	Status    string   `json:"status,omitempty"`
	Org       string   `json:"org,omitempty"`
	Person    string   `json:"person,omitempty"`
	Role      string   `json:"role,omitempty"`
	Partners  []string `json:"partners,omitempty"`
	Agreement string   `json:"agreement,omitempty"`
	Subject   string   `json:"subject,omitempty"`
	Evidence  string   `json:"evidence"`
}

// Rows returns the fact rows of one article, in the order of its
// relations.
func Rows(a *extract.Article) []Row {
	var out []Row
	for i, r := range a.Relations {
		base := Row{
			ArticleID: a.ID, Title: a.Title, Published: a.Published, URL: a.Source.URL, Path: a.Source.Path,
			Relation: i + 1, Type: r.Type, Date: r.Date, Status: r.Status,
			Agreement: r.Agreement, Subject: r.Subject, Evidence: r.Evidence,
		}
		if r.Type != relation.TypeSigning {
			row := base
			row.Person, row.Role, row.Org = r.Person, r.Role, r.Org
			out = append(out, row)
			continue
		}
		for k, p := range r.Parties {
			row := base
			row.Org, row.Person = p.Org, p.Representative
			if p.Representative != "" {
				row.Role = titleAt(a, p.Representative, p.Org)
			}
			for j, q := range r.Parties {
				if j != k {
					row.Partners = append(row.Partners, q.Org)
				}
			}
			out = append(out, row)
		}
	}
	return out
}

// titleAt returns the title the article gives person at org (or their
// first title).
func titleAt(a *extract.Article, person, org string) string {
	for _, p := range a.People {
		if p.Name != person {
			continue
		}
		for _, r := range p.Roles {
			if r.Org == org {
				return r.Title
			}
		}
		if len(p.Roles) > 0 {
			return p.Roles[0].Title
		}
	}
	return ""
}

// Format is an output format of a [Writer].
type Format int

// Output formats.
const (
	JSONL Format = iota // one JSON object per row
	CSV                 // RFC 4180 with a header row; partners joined by "；"
)

// ParseFormat reads "jsonl" or "csv".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "jsonl", "json", "ndjson":
		return JSONL, nil
	case "csv":
		return CSV, nil
	}
	return 0, fmt.Errorf("unknown format %q (want jsonl or csv)", s)
}

// Header is the CSV header, in column order.
var Header = []string{"article_id", "title", "published", "url", "path", "relation", "type", "date", "status", "org", "person", "role", "partners", "agreement", "subject", "evidence"}

// Writer writes rows in one format. Call Flush at the end.
type Writer struct {
	format Format
	csv    *csv.Writer
	json   *json.Encoder
	header bool
}

// NewWriter returns a Writer of rows to w.
func NewWriter(w io.Writer, f Format) *Writer {
	out := &Writer{format: f}
	if f == CSV {
		out.csv = csv.NewWriter(w)
	} else {
		out.json = json.NewEncoder(w)
		out.json.SetEscapeHTML(false)
	}
	return out
}

// Write writes one row.
func (w *Writer) Write(r Row) error {
	if w.format != CSV {
		return w.json.Encode(r)
	}
	if !w.header {
		w.header = true
		if err := w.csv.Write(Header); err != nil {
			return err
		}
	}
	return w.csv.Write([]string{r.ArticleID, r.Title, r.Published, r.URL, r.Path, strconv.Itoa(r.Relation), r.Type, r.Date, r.Status,
		r.Org, r.Person, r.Role, strings.Join(r.Partners, "；"), r.Agreement, r.Subject, r.Evidence})
}

// Flush writes what is buffered (and the CSV header when no row came).
func (w *Writer) Flush() error {
	if w.format != CSV {
		return nil
	}
	if !w.header {
		w.header = true
		if err := w.csv.Write(Header); err != nil {
			return err
		}
	}
	w.csv.Flush()
	return w.csv.Error()
}

// Day returns the day of the row: the date of the relation when the
// article gives it with its year, else the publish date; the date part
// only (2021-06-24), or "" when neither is known.
func (r Row) Day() string {
	d := r.Date
	if len(d) < 4 || !isYear(d[:4]) {
		d = r.Published
	}
	if len(d) < 4 || !isYear(d[:4]) {
		return ""
	}
	if i := strings.IndexByte(d, 'T'); i >= 0 {
		d = d[:i]
	}
	return d
}

// Within reports whether the row's day (see [Row.Day]) lies between from
// and to, inclusive; each is 2021, 2021-07 or 2021-07-06, or empty for no
// bound. A row without a day is outside any bound.
func (r Row) Within(from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	d := r.Day()
	if d == "" {
		return false
	}
	// Compared at the coarser of the two grains: a year overlaps each of
	// its months.
	if n := min(len(d), len(from)); from != "" && d[:n] < from[:n] {
		return false
	}
	if n := min(len(d), len(to)); to != "" && d[:n] > to[:n] {
		return false
	}
	return true
}

func isYear(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
