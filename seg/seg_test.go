package seg

import (
	"strings"
	"sync"
	"testing"
)

var (
	once     sync.Once
	shared   *Segmenter
	buildErr error
)

// segmenter builds one Segmenter for all tests of the package.
func segmenter(t testing.TB) *Segmenter {
	t.Helper()
	once.Do(func() {
		shared, buildErr = New(Options{Words: []Word{{Text: "江城职业技术学院", Pos: "nt"}}})
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return shared
}

func TestSegmentOffsets(t *testing.T) {
	s := segmenter(t)
	tests := []struct {
		text string
		want []string // words that must appear as whole tokens
	}{
		{"江城职业技术学院与星河科技有限公司签署合作协议", []string{"江城职业技术学院", "签署", "合作", "协议"}},
		{"学校 学校 学校", []string{"学校"}},
		{"6月24日下午，校长出席签约仪式。", []string{"校长", "出席", "签约", "仪式"}},
		{"", nil},
	}
	for _, tt := range tests {
		toks := s.Segment(tt.text)
		seen := map[string]bool{}
		prevEnd := 0
		for _, tok := range toks {
			if got := tt.text[tok.Start:tok.End]; got != tok.Text {
				t.Errorf("%q: text[%d:%d] = %q, token says %q", tt.text, tok.Start, tok.End, got, tok.Text)
			}
			if tok.Start < prevEnd {
				t.Errorf("%q: token %q at %d overlaps previous end %d", tt.text, tok.Text, tok.Start, prevEnd)
			}
			if strings.TrimSpace(tok.Text) == "" {
				t.Errorf("%q: blank token at %d", tt.text, tok.Start)
			}
			prevEnd = tok.End
			seen[tok.Text] = true
		}
		for _, w := range tt.want {
			if !seen[w] {
				t.Errorf("%q: no token %q in %v", tt.text, w, toks)
			}
		}
	}
}

func TestSegmentConcurrent(t *testing.T) {
	s := segmenter(t)
	text := "江城职业技术学院副校长王明代表学校与星河科技有限公司签约。"
	want := len(s.Segment(text))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if got := len(s.Segment(text)); got != want {
					t.Errorf("concurrent Segment gave %d tokens, want %d", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkSegment(b *testing.B) {
	s := segmenter(b)
	text := strings.Repeat("6月24日下午，十余家行业企业代表齐聚江城职业技术学院，举行产教融合协同发展签约仪式。", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Segment(text)
	}
}
