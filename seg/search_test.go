package seg

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSegmentSearch(t *testing.T) {
	s := segmenter(t)
	tests := []struct {
		name string
		text string
		want []string // these tokens, in this order, as a subsequence of the output
		not  []string // tokens that must not appear
	}{
		{"compound", "北京大学", []string{"北京大学", "北京", "大学"}, nil},
		{"repeated compound", "北京大学和北京大学", []string{"北京大学", "北京", "大学", "和", "北京大学", "北京", "大学"}, nil},
		{"repeated word", "学院学院学院", []string{"学院", "学院", "学院"}, nil},
		{"three-rune word", "待处理的文件", []string{"待处理", "处理", "的", "文件"}, []string{"待"}},
		{"nested", "中华人民共和国", []string{"中华人民共和国", "中华", "人民共和国", "人民", "共和国"}, nil},
		{"user word", "江城职业技术学院", []string{"江城职业技术学院", "江城", "职业", "技术", "学院"}, nil},
		{"no single-rune sub-words", "王小明", []string{"王小明"}, []string{"王", "小", "明"}},
		{"two-rune word has no sub-words", "王伟", []string{"王伟"}, []string{"王", "伟"}},
		{"latin and digits", "abc2021年iPhone手机", []string{"abc2021", "iPhone", "手机"}, nil},
		{"punctuation and space", "北京， 大学", []string{"北京", "，", "大学"}, []string{" "}},
		{"empty", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := s.SegmentSearch(tt.text)
			checkSearchTokens(t, tt.text, toks)
			var got []string
			for _, tok := range toks {
				got = append(got, tok.Text)
			}
			i := 0
			for _, g := range got {
				if i < len(tt.want) && g == tt.want[i] {
					i++
				}
			}
			if i < len(tt.want) {
				t.Errorf("SegmentSearch(%q) = %q, want the subsequence %q", tt.text, got, tt.want)
			}
			for _, n := range tt.not {
				for _, g := range got {
					if g == n {
						t.Errorf("SegmentSearch(%q) = %q, has %q", tt.text, got, n)
					}
				}
			}
		})
	}
}

// checkSearchTokens checks the invariants of SegmentSearch: offsets right,
// tokens in order of start (the containing word first), words of Segment
// all there, sub-words inside a word and of two or more runes.
func checkSearchTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	words := segmenter(t).Segment(text)
	wi := 0
	wordEnd := 0
	prevStart := 0
	for _, tok := range toks {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Fatalf("%q: bad offsets [%d,%d) for %q", text, tok.Start, tok.End, tok.Text)
		}
		if got := text[tok.Start:tok.End]; got != tok.Text {
			t.Errorf("%q: text[%d:%d] = %q, token says %q", text, tok.Start, tok.End, got, tok.Text)
		}
		if tok.Start < prevStart {
			t.Errorf("%q: token %q at %d before previous start %d", text, tok.Text, tok.Start, prevStart)
		}
		prevStart = tok.Start
		if tok.Start >= wordEnd { // a word of Segment
			if wi >= len(words) || words[wi] != tok {
				t.Errorf("%q: token %v is not the next word of Segment", text, tok)
			}
			wi++
			wordEnd = tok.End
			continue
		}
		if tok.End > wordEnd {
			t.Errorf("%q: sub-word %v ends after its word (end %d)", text, tok, wordEnd)
		}
		if utf8.RuneCountInString(tok.Text) < 2 {
			t.Errorf("%q: single-rune sub-word %v", text, tok)
		}
	}
	if wi != len(words) {
		t.Errorf("%q: %d words of Segment, %d found", text, len(words), wi)
	}
}

func TestSegmentSearchLong(t *testing.T) {
	text := strings.Repeat("6月24日下午，十余家行业企业代表齐聚江城职业技术学院，举行产教融合协同发展签约仪式。中华人民共和国教育部。", 10)
	checkSearchTokens(t, text, segmenter(t).SegmentSearch(text))
}

func BenchmarkSegmentSearch(b *testing.B) {
	s := segmenter(b)
	text := strings.Repeat("6月24日下午，十余家行业企业代表齐聚江城职业技术学院，举行产教融合协同发展签约仪式。", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.SegmentSearch(text)
	}
}
