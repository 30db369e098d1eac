package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/zhnews/zhnews/corpus"
	"github.com/zhnews/zhnews/extract"
)

// BenchmarkExtractNKU extracts the real pages of ../shared/data/pages/nku
// (decoding included) on one goroutine; pages/s is reported.
func BenchmarkExtractNKU(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedPages, "nku", "*.html"))
	if len(files) == 0 {
		b.Skip("nku pages not present")
	}
	type page struct {
		path string
		data []byte
	}
	var pages []page
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page{f, data})
		size += int64(len(data))
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			text, enc := corpus.Decode(p.data, "")
			_, _ = ex.Extract(ctx, extract.Input{Source: extract.Source{Path: p.path, Encoding: enc}, Text: text, Format: extract.FormatHTML})
		}
	}
	b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
