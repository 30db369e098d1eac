package analyzer

import (
	"os"
	"testing"
)

// FuzzTokenize checks that the tokenizer, with and without sub-words,
// never panics and that its tokens hold their invariants (offsets in the
// input and on rune boundaries, terms the input's bytes, positions from 1
// never decreasing nor skipping), and that folding keeps offsets.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"北京大学在北京", "學院與大學", "ＡＢＣ２０２１年", "学\xff院", "人工智能学院学院学院",
		"İstanbul ΣΊΣΥΦΟΣ", "ｶﾀｶﾅ　ﾃｽﾄ", "\u3000\t\n", "a\u0301b", "𠀀𠮷野家",
		"6月24日下午，校长出席签约仪式。",
	} {
		f.Add([]byte(s))
	}
	if news, err := os.ReadFile("testdata/news.txt"); err == nil {
		f.Add(news[:600])
	}
	s, err := Segmenter("")
	if err != nil {
		f.Fatal(err)
	}
	withSub, without := NewTokenizer(s, true), NewTokenizer(s, false)
	f.Fuzz(func(t *testing.T, in []byte) {
		orig := string(in)
		ts := withSub.Tokenize(in)
		checkStream(t, in, ts, false)
		words := without.Tokenize(in)
		checkStream(t, in, words, false)
		// The words are the tokens that start a new position.
		n := 0
		for i, tok := range ts {
			if i == 0 || tok.Position != ts[i-1].Position {
				n++
			}
		}
		if n != len(words) {
			t.Errorf("%q: %d positions with sub-words, %d words without", in, n, len(words))
		}
		type span struct{ s, e, p int }
		var before []span
		for _, tok := range ts {
			before = append(before, span{tok.Start, tok.End, tok.Position})
		}
		(FoldFilter{}).Filter(ts)
		for i, tok := range ts {
			if (span{tok.Start, tok.End, tok.Position}) != before[i] {
				t.Errorf("%q: folding moved token %d", in, i)
			}
		}
		if string(in) != orig {
			t.Errorf("the input changed: %q, was %q", in, orig)
		}
	})
}
