package entity

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/zhnews/zhnews/lexicon"
	"github.com/zhnews/zhnews/ner"
	"github.com/zhnews/zhnews/seg"
	"github.com/zhnews/zhnews/zhconv"
)

var (
	fullOnce sync.Once
	fullRC   *Recognizer
	fullErr  error
)

// fullRecognizer builds the recognizer zhnews uses: real lexicons, the
// embedded tagger, traditional-to-simplified mapping.
func fullRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	fullOnce.Do(func() {
		m, err := ner.Embedded()
		if err != nil {
			fullErr = err
			return
		}
		fullRC, fullErr = New(Options{
			Segmenter: testSegmenter(t),
			Lexicon:   FromLexicon(lexicon.New(nil)),
			Simplify:  zhconv.Rune,
			Tagger: func(text string, words []seg.Token) []Tagged {
				spans := m.Tag(text, words)
				out := make([]Tagged, len(spans))
				for i, s := range spans {
					out[i] = Tagged{Type: s.Type, Start: s.Start, End: s.End}
				}
				return out
			},
		})
	})
	if fullErr != nil {
		t.Fatal(fullErr)
	}
	return fullRC
}

// BenchmarkRecognize runs the entity stage over the 40 real texts of
// ../shared/data/texts; bytes/s is Chinese text per second.
func BenchmarkRecognize(b *testing.B) {
	files, _ := filepath.Glob("../../shared/data/texts/*.txt")
	if len(files) == 0 {
		b.Skip("texts not present")
	}
	var docs []Doc
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Doc{Body: string(data)})
		size += int64(len(data))
	}
	rc := fullRecognizer(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			rc.Recognize(d)
		}
	}
}
