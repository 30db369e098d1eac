package index

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/zhnews/zhnews/extract"
)

// benchArticles reads the articles of a JSON Lines file named by
// ZHNEWS_BENCH_JSONL (the output of zhnews extract).
func benchArticles(b *testing.B) []*extract.Article {
	path := os.Getenv("ZHNEWS_BENCH_JSONL")
	if path == "" {
		b.Skip("set ZHNEWS_BENCH_JSONL to a zhnews extract output")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out []*extract.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var a extract.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		out = append(out, &a)
	}
	return out
}

// BenchmarkPut indexes the articles of ZHNEWS_BENCH_JSONL with a Writer
// (batches of 256) into a new index: articles per second.
func BenchmarkPut(b *testing.B) {
	arts := benchArticles(b)
	for b.Loop() {
		dir := filepath.Join(b.TempDir(), "idx")
		ix, err := Open(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		w := ix.NewWriter(benchBatch)
		for _, a := range arts {
			if err := w.Add(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Flush(context.Background()); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

var benchBatch = 1024
