package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/facts"
	"github.com/zhnews/zhnews/index"
)

// filterFlags are the filters shared by search and export.
type filterFlags struct {
	orgs, people, titles, types, parties []string
	from, to                             string
}

func (f *filterFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringSliceVar(&f.orgs, "org", nil, "only articles naming this organization (full name or short form; repeat or comma-separate for any of several)")
	fl.StringSliceVar(&f.people, "person", nil, "only articles naming this person")
	fl.StringSliceVar(&f.titles, "title", nil, "only articles where someone holds this title (校长, 总经理)")
	fl.StringSliceVar(&f.types, "type", nil, "only articles with a relation of this type (signing, appointment, speech, attendance)")
	fl.StringSliceVar(&f.parties, "party", nil, "only articles with a signing of this party")
	fl.StringVar(&f.from, "from", "", "published on or after this `DATE` (2021, 2021-07 or 2021-07-06)")
	fl.StringVar(&f.to, "to", "", "published on or before this `DATE`")
}

func (f *filterFlags) filter() index.Filter {
	return index.Filter{Orgs: f.orgs, People: f.people, Titles: f.titles, Types: f.types, Parties: f.parties, From: f.from, To: f.to}
}

func newSearchCmd() *cobra.Command {
	var (
		dir      string
		ff       filterFlags
		size     int
		page     int
		facetsN  int
		sortBy   string
		asJSON   bool
		noHilite bool
	)
	cmd := &cobra.Command{
		Use:   "search --index DIR [flags] [QUERY]",
		Short: "Search an index: full text, filters, facets, highlighted snippets",
		Long: `Search runs QUERY (bleve query-string syntax: words, "a phrase", +must -not,
title:揭牌, org:武汉职业技术学院, published:>"2021-01-01") with the filters
given, and prints the hits with highlighted snippets and the top
organizations, people, relation types and months of all the matches. An
empty QUERY matches every article. --json prints the result as one JSON
object. A malformed query exits with status 2.`,
		Example: `  zhnews search --index news.idx 签约
  zhnews search --index news.idx --org 武职 --type signing --from 2021 --to 2021-12 合作协议
  zhnews search --index news.idx --json --size 20 --page 2 '"产业学院" +揭牌'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				return usageError{fmt.Errorf("--index DIR is required")}
			}
			if size <= 0 || page <= 0 {
				return usageError{fmt.Errorf("--size and --page must be positive")}
			}
			ix, err := openExisting(dir)
			if err != nil {
				return err
			}
			defer ix.Close()
			q := index.Query{Filter: ff.filter(), Size: size, Offset: (page - 1) * size, Facets: facetsN, Sort: sortBy}
			if len(args) == 1 {
				q.Text = args[0]
			}
			out := cmd.OutOrStdout()
			if !noHilite {
				q.Highlight = "html"
				if !asJSON && isTerminal(out) {
					q.Highlight = "ansi"
				}
			}
			res, err := ix.Search(cmd.Context(), q)
			if errors.Is(err, index.ErrQuery) {
				return usageError{err}
			}
			if err != nil {
				return err
			}
			bw := bufio.NewWriter(out)
			defer bw.Flush()
			if asJSON {
				enc := json.NewEncoder(bw)
				enc.SetEscapeHTML(false)
				return enc.Encode(res)
			}
			printResult(bw, res, q)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "index", "", "the index `DIR`")
	ff.add(cmd)
	cmd.Flags().IntVar(&size, "size", 10, "hits per page")
	cmd.Flags().IntVar(&page, "page", 1, "page of hits to show, from 1")
	cmd.Flags().IntVar(&facetsN, "facets", 5, "values shown per facet (negative: none)")
	cmd.Flags().StringVar(&sortBy, "sort", "", "order: relevance (default), date (newest first) or -date")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	cmd.Flags().BoolVar(&noHilite, "no-highlight", false, "no snippets")
	return cmd
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// openExisting opens an index that must exist.
func openExisting(dir string) (*index.Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, usageError{fmt.Errorf("no index at %s (build one with zhnews index)", dir)}
	}
	return index.Open(dir, index.Options{ReadOnly: true})
}

// printResult writes a result for people.
func printResult(w io.Writer, res *index.Result, q index.Query) {
	first := q.Offset + 1
	last := q.Offset + len(res.Hits)
	if len(res.Hits) == 0 {
		fmt.Fprintf(w, "%d articles found (%s)\n", res.Total, res.Took)
	} else {
		fmt.Fprintf(w, "%d articles found, %d–%d shown (%s)\n", res.Total, first, last, res.Took)
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%d. %s\n", first+i, oneLine(h.Title))
		meta := []string{h.Published, h.URL}
		if h.URL == "" {
			meta[1] = h.Path
		}
		fmt.Fprintf(w, "   %s  id %s  score %.3f\n", strings.TrimSpace(strings.Join(meta, "  ")), h.ID, h.Score)
		for _, f := range h.Fragments[index.FieldBody] {
			if q.Highlight == "html" {
				f = strings.NewReplacer("<mark>", "【", "</mark>", "】").Replace(htmlUnescape(f))
			}
			fmt.Fprintf(w, "   %s\n", oneLine(f)) // bleve marks a cut with …
		}
	}
	names := map[string]string{index.FieldOrg: "organizations", index.FieldPerson: "people", index.FieldType: "relations", index.FieldMonth: "months"}
	keys := make([]string, 0, len(res.Facets))
	for k := range res.Facets {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return facetOrder(keys[i]) < facetOrder(keys[j]) })
	for _, k := range keys {
		vals := res.Facets[k]
		if len(vals) == 0 {
			continue
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = v.Value + " " + strconv.Itoa(v.Count)
		}
		fmt.Fprintf(w, "\n%s: %s", names[k], strings.Join(parts, ", "))
	}
	if len(keys) > 0 {
		fmt.Fprintln(w)
	}
}

func facetOrder(k string) int {
	for i, f := range index.FacetFields {
		if f == k {
			return i
		}
	}
	return len(index.FacetFields)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`, "&amp;", "&").Replace(s)
}

func newExportCmd() *cobra.Command {
	var (
		dir     string
		ff      filterFlags
		query   string
		format  string
		asFacts bool
		out     string
	)
	cmd := &cobra.Command{
		Use:   "export --index DIR [flags]",
		Short: "Export articles (or their facts) from an index as JSON Lines or CSV",
		Long: `Export writes the articles of an index that match the filters (and --query),
in id order: as the JSON of the output contract, exactly as extract wrote
them (--format jsonl, the default), as a CSV of their main fields
(--format csv), or with --facts as the fact table of "zhnews facts". The
index is read a page at a time: memory stays constant however many
articles are exported.`,
		Example: `  zhnews export --index news.idx > all.jsonl
  zhnews export --index news.idx --facts --format csv --type signing --from 2021 > signings-2021.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				return usageError{fmt.Errorf("--index DIR is required")}
			}
			ff2, err := facts.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			ix, err := openExisting(dir)
			if err != nil {
				return err
			}
			defer ix.Close()
			err = writeOutput(cmd, out, func(bw *bufio.Writer) error {
				var emit func(*extract.Article) error
				var done func() error
				switch {
				case asFacts:
					fw := facts.NewWriter(bw, ff2)
					emit = func(a *extract.Article) error {
						for _, r := range facts.Rows(a) {
							if err := fw.Write(r); err != nil {
								return err
							}
						}
						return nil
					}
					done = fw.Flush
				case ff2 == facts.CSV:
					cw := csv.NewWriter(bw)
					_ = cw.Write(articleHeader)
					emit = func(a *extract.Article) error { return cw.Write(articleRow(a)) }
					done = func() error { cw.Flush(); return cw.Error() }
				default:
					enc := json.NewEncoder(bw)
					enc.SetEscapeHTML(false)
					emit = func(a *extract.Article) error { return enc.Encode(a) }
					done = func() error { return nil }
				}
				err := ix.Each(cmd.Context(), query, ff.filter(), emit)
				if derr := done(); err == nil {
					err = derr
				}
				return err
			})
			if errors.Is(err, index.ErrQuery) {
				return usageError{err}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&dir, "index", "", "the index `DIR`")
	ff.add(cmd)
	cmd.Flags().StringVar(&query, "query", "", "only articles matching this query (bleve query-string syntax)")
	cmd.Flags().StringVar(&format, "format", "jsonl", "jsonl or csv")
	cmd.Flags().BoolVar(&asFacts, "facts", false, "export the fact table (relations) instead of the articles")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	return cmd
}

// articleHeader are the columns of an article CSV export.
var articleHeader = []string{"id", "title", "published", "publisher", "url", "path", "views", "organizations", "people", "relations"}

func articleRow(a *extract.Article) []string {
	var orgs, people, rels []string
	for _, o := range a.Organizations {
		orgs = append(orgs, o.Name)
	}
	for _, p := range a.People {
		people = append(people, p.Name)
	}
	for _, r := range a.Relations {
		rels = append(rels, r.Type)
	}
	views := ""
	if a.Views != nil {
		views = strconv.Itoa(*a.Views)
	}
	return []string{a.ID, a.Title, a.Published, a.Publisher, a.Source.URL, a.Source.Path, views,
		strings.Join(orgs, "；"), strings.Join(people, "；"), strings.Join(rels, "；")}
}
