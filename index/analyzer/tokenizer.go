package analyzer

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/zhnews/zhnews/seg"
)

// Tokenizer is the tokenizer [TokenizerName]: words of a gse segmenter,
// with their sub-words unless disabled. It is safe for concurrent use.
type Tokenizer struct {
	seg      *seg.Segmenter
	subwords bool
}

// NewTokenizer returns a tokenizer on s; subwords adds the dictionary
// words inside the longer words ([seg.Segmenter.SegmentSearch]), each at
// the Position of the word it is inside.
func NewTokenizer(s *seg.Segmenter, subwords bool) *Tokenizer {
	return &Tokenizer{seg: s, subwords: subwords}
}

// Tokenize segments input (see the package documentation for the tokens).
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	if len(input) == 0 {
		return nil
	}
	folded, m := foldForSegmenting(input)
	var words []seg.Token
	if t.subwords {
		words = t.seg.SegmentSearch(folded)
	} else {
		words = t.seg.Segment(folded)
	}
	out := make(analysis.TokenStream, 0, len(words))
	pos := 0
	wordEnd := 0 // end in folded of the current word of Segment
	for _, w := range words {
		sub := w.Start < wordEnd
		if !sub {
			wordEnd = w.End
		}
		typ, ok := tokenType(w.Text)
		if !ok {
			continue
		}
		if !sub {
			pos++
		}
		if pos == 0 { // a sub-word of a dropped word: cannot happen
			continue
		}
		start, end := m.toInput(w.Start), m.toInput(w.End)
		if start < 0 || start >= end {
			continue
		}
		out = append(out, &analysis.Token{
			Start:    start,
			End:      end,
			Term:     input[start:end:end],
			Position: pos,
			Type:     typ,
		})
	}
	return out
}

// tokenType tells the type of a word of folded text, and false for a word
// with no letter or digit (punctuation, symbols, spaces, U+FFFD).
func tokenType(w string) (analysis.TokenType, bool) {
	alnum := false
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				alnum = true
			}
		case 0x4E00 <= r && r <= 0x9FFF, unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			return analysis.Ideographic, true
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			alnum = true
		}
	}
	return analysis.AlphaNumeric, alnum
}

// offsetMap maps a byte offset in folded text back to the original input.
// When every folded rune has the length of its original, offsets are the
// same and the map is empty.
type offsetMap struct {
	folded []int // byte offset in folded of each rune, then len(folded)
	orig   []int // byte offset in the input of each rune, then len(input)
}

func (m offsetMap) toInput(off int) int {
	if m.folded == nil {
		return off
	}
	i := sort.SearchInts(m.folded, off)
	if i >= len(m.folded) || m.folded[i] != off {
		// Not a rune boundary of folded text; gse cuts only at runes.
		return -1
	}
	return m.orig[i]
}

// foldForSegmenting folds input rune for rune ([FoldRune]; an invalid
// byte is one U+FFFD) and maps the offsets of the result to the input.
func foldForSegmenting(input []byte) (string, offsetMap) {
	buf := make([]byte, 0, len(input)+len(input)/8)
	var m offsetMap
	for i := 0; i < len(input); {
		r, n := utf8.DecodeRune(input[i:])
		f := FoldRune(r)
		if m.folded == nil && utf8.RuneLen(f) != n {
			// The first rune of another length: so far offsets are the
			// same in both.
			m = offsetMap{folded: make([]int, 0, len(input)/2), orig: make([]int, 0, len(input)/2)}
			for j := 0; j < i; {
				m.folded = append(m.folded, j)
				m.orig = append(m.orig, j)
				_, n := utf8.DecodeRune(input[j:])
				j += n
			}
		}
		if m.folded != nil {
			m.folded = append(m.folded, len(buf))
			m.orig = append(m.orig, i)
		}
		buf = utf8.AppendRune(buf, f)
		i += n
	}
	if m.folded != nil {
		m.folded = append(m.folded, len(buf))
		m.orig = append(m.orig, len(input))
	}
	return string(buf), m
}
