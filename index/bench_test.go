package index

import (
	"bufio"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk" // the analyzer compared

	"github.com/zhnews/zhnews/extract"
)

// benchArticles returns the path of a JSON Lines file of articles (the
// output of zhnews extract) named by ZHNEWS_BENCH_JSONL, and how many it
// holds.
func benchArticles(b *testing.B) (string, int) {
	path := os.Getenv("ZHNEWS_BENCH_JSONL")
	if path == "" {
		b.Skip("set ZHNEWS_BENCH_JSONL to a zhnews extract output")
	}
	n := 0
	err := eachArticle(path, func(*extract.Article) error { n++; return nil })
	if err != nil {
		b.Fatal(err)
	}
	return path, n
}

// eachArticle streams the articles of a JSON Lines file, as zhnews index
// reads them (holding them all would make the benchmark measure the
// garbage collector).
func eachArticle(path string, fn func(*extract.Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var a extract.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	return sc.Err()
}

// benchAnalyzers are the analyzers compared: zhnews's and bleve's cjk.
var benchAnalyzers = []string{"", "cjk"}

func analyzerName(a string) string {
	if a == "" {
		return "zhnews"
	}
	return a
}

// BenchmarkPut indexes the articles of ZHNEWS_BENCH_JSONL with a Writer
// (batches of 1024) into a new index and compacts it, as zhnews index
// does, with zhnews's analyzer and with bleve's cjk analyzer: articles per
// second and index bytes per article.
func BenchmarkPut(b *testing.B) {
	path, n := benchArticles(b)
	for _, an := range benchAnalyzers {
		b.Run(analyzerName(an), func(b *testing.B) {
			var size int64
			for b.Loop() {
				dir := filepath.Join(b.TempDir(), "idx")
				buildIndex(b, dir, an, path)
				b.StopTimer()
				size = settledSize(b, dir)
				b.StartTimer()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(size)/float64(n), "bytes/article")
		})
	}
}

func buildIndex(b *testing.B, dir, an, path string) {
	ix, err := Open(dir, Options{Analyzer: an})
	if err != nil {
		b.Fatal(err)
	}
	w := ix.NewWriter(0) // zhnews index's default
	if err := eachArticle(path, func(a *extract.Article) error { return w.Add(context.Background(), a) }); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
	if err := ix.Compact(context.Background()); err != nil { // as zhnews index does
		b.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
}

// settledSize reopens the index, which removes the segment files the
// merges left behind, searches it once, and returns the folder's size once
// it stops shrinking.
func settledSize(b *testing.B, dir string) int64 {
	ix, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Search(context.Background(), Query{Text: "学院"}); err != nil {
		b.Fatal(err)
	}
	last := dirSize(dir)
	for range 25 {
		time.Sleep(200 * time.Millisecond)
		n := dirSize(dir)
		if n == last {
			break
		}
		last = n
	}
	return last
}

func dirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// benchQueries are queries people run on school news.
var benchQueries = []string{"签约", "合作协议", "人工智能", "校企合作", "党委书记", "研究生", "招生", "实习基地", "产业学院", "校长",
	"学术报告", "国际交流", "揭牌", "图书馆", "志愿服务", "创新创业", "教师节", "毕业典礼", "科研项目", "乡村振兴",
	`"合作协议"`, "南开大学", "学院 会议", "+签署 +协议", "title:揭牌", "实验室", "座谈会", "疫情防控", "奖学金", "留学生"}

// BenchmarkQuery runs the queries with three facets (organizations,
// people, months) on an index of ZHNEWS_BENCH_JSONL built once per
// analyzer, open for writing (bleve counts the facets from doc values) and
// read-only (as zhnews serve opens it: counted from the in-memory table):
// latency p50 and p99 in microseconds.
func BenchmarkQuery(b *testing.B) {
	path, _ := benchArticles(b)
	for _, an := range benchAnalyzers {
		dir := filepath.Join(b.TempDir(), "idx")
		built := false
		for _, ro := range []bool{false, true} {
			name := analyzerName(an)
			if ro {
				name += "-readonly"
			}
			b.Run(name, func(b *testing.B) {
				if !built {
					buildIndex(b, dir, an, path)
					built = true
				}
				ix, err := Open(dir, Options{ReadOnly: ro})
				if err != nil {
					b.Fatal(err)
				}
				defer ix.Close()
				if _, err := ix.facetTable(); err != nil { // read before timing
					b.Fatal(err)
				}
				var lat []time.Duration
				i := 0
				for b.Loop() {
					q := Query{Text: benchQueries[i%len(benchQueries)], Highlight: benchHighlight, Facets: 10}
					i++
					t := time.Now()
					if _, err := ix.searchFacets(context.Background(), q, []string{FieldOrg, FieldPerson, FieldMonth}); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(t))
				}
				slices.Sort(lat)
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
			})
		}
	}
}

// benchHighlight is the highlight style of BenchmarkQuery's searches
// (ZHNEWS_BENCH_HIGHLIGHT=html to include snippets).
var benchHighlight = os.Getenv("ZHNEWS_BENCH_HIGHLIGHT")

// TestEntityQueries is a proxy for relevance, for want of judged queries:
// each of the organizations and people named in at least two articles of
// ZHNEWS_BENCH_JSONL is a query, and the articles whose entities name it
// are the relevant ones. It logs nDCG@10 of the zhnews analyzer and of
// bleve's cjk analyzer on the same articles (the extraction's own entities
// judge, so this measures how well full-text search finds what the
// extraction read, not true relevance).
func TestEntityQueries(t *testing.T) {
	path := os.Getenv("ZHNEWS_BENCH_JSONL")
	if path == "" {
		t.Skip("set ZHNEWS_BENCH_JSONL to a zhnews extract output")
	}
	relevant := map[string]map[string]bool{}
	mark := func(name, id string) {
		if relevant[name] == nil {
			relevant[name] = map[string]bool{}
		}
		relevant[name][id] = true
	}
	err := eachArticle(path, func(a *extract.Article) error {
		for _, o := range a.Organizations {
			mark(o.Name, a.ID)
		}
		for _, p := range a.People {
			mark(p.Name, a.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var queries []string
	for q, ids := range relevant {
		if len(ids) >= 2 && len([]rune(q)) >= 2 {
			queries = append(queries, q)
		}
	}
	slices.Sort(queries)
	for _, an := range benchAnalyzers {
		dir := filepath.Join(t.TempDir(), "idx")
		ix, err := Open(dir, Options{Analyzer: an})
		if err != nil {
			t.Fatal(err)
		}
		w := ix.NewWriter(0)
		if err := eachArticle(path, func(a *extract.Article) error { return w.Add(context.Background(), a) }); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		var sum float64
		for _, q := range queries {
			res, err := ix.Search(context.Background(), Query{Text: q, Size: 10, Facets: -1})
			if err != nil {
				t.Fatal(err)
			}
			sum += ndcg(res.Hits, relevant[q], 10)
		}
		ix.Close()
		t.Logf("%s: nDCG@10 %.3f over %d entity queries", analyzerName(an), sum/float64(len(queries)), len(queries))
	}
}

// ndcg is the normalized discounted cumulative gain at k of hits, with
// binary relevance.
func ndcg(hits []Hit, rel map[string]bool, k int) float64 {
	var dcg, ideal float64
	for i, h := range hits {
		if i >= k {
			break
		}
		if rel[h.ID] {
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	for i := range min(k, len(rel)) {
		ideal += 1 / math.Log2(float64(i+2))
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}
