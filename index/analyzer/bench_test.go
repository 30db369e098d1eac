package analyzer

import (
	"os"
	"testing"

	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
)

// BenchmarkAnalyze runs about 3 KB of invented school news (testdata/
// news.txt) through the zhnews analyzers and, for comparison, bleve's
// built-in cjk analyzer (unicode words, width folding, lower case,
// bigrams).
func BenchmarkAnalyze(b *testing.B) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{Name, QueryName, "cjk"} {
		a := named(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				a.Analyze(text)
			}
		})
	}
}
