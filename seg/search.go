package seg

import (
	"slices"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// SegmentSearch segments text for a search index: the words of [Segment]
// and, for each word of three or more runes, the words inside it of two or
// more runes, as gse divides a dictionary word for its search mode (the
// tree of a word's Token().Segments(), which CutSearch walks): 北京大学
// gives 北京大学, 北京 and 大学; 人工智能学院, when one word, also gives
// 人工智能, 人工, 智能 and 学院. Single characters are never returned as
// sub-words, so a name such as 王小明 does not make the index find 王 alone.
//
// Every token has byte offsets into text (text[t.Start:t.End] == t.Text).
// Tokens are in order of Start; a word comes before the sub-words that
// start where it starts, longer ones first, so a token lies inside the
// word of Segment before it exactly when its Start is before that word's
// End.
func (s *Segmenter) SegmentSearch(text string) []Token {
	segs := s.g.Segment([]byte(text))
	out := make([]Token, 0, len(segs)+len(segs)/4)
	for _, sg := range segs {
		start, end := sg.Start(), sg.End()
		if start < 0 || end > len(text) || start >= end {
			continue
		}
		w := text[start:end]
		if isBlank(w) {
			continue
		}
		tok := sg.Token()
		out = append(out, Token{Text: w, Start: start, End: end, Pos: tok.Pos()})
		if utf8.RuneCountInString(w) >= 3 {
			n := len(out)
			out = appendSubwords(out, text, start, end, tok)
			if len(out)-n > 1 {
				sortSubwords(out[n:])
			}
		}
	}
	return out
}

// appendSubwords appends the sub-words of tok, whose text is
// text[start:end], and recursively theirs: every node of gse's division
// tree of two or more runes, the root excepted.
func appendSubwords(out []Token, text string, start, end int, tok *gse.Token) []Token {
	if tok == nil {
		return out
	}
	for _, sub := range tok.Segments() {
		if sub == nil || sub.Token() == nil {
			continue
		}
		// A sub-segment's offsets are relative to its parent's text.
		s, e := start+sub.Start(), start+sub.End()
		if s < start || e > end || s >= e {
			continue
		}
		w := text[s:e]
		n := utf8.RuneCountInString(w)
		if n < 2 || isBlank(w) {
			continue
		}
		out = append(out, Token{Text: w, Start: s, End: e, Pos: sub.Token().Pos()})
		if n >= 3 {
			out = appendSubwords(out, text, s, e, sub.Token())
		}
	}
	return out
}

// sortSubwords orders the sub-words of one word by start, longer first.
func sortSubwords(ts []Token) {
	slices.SortStableFunc(ts, func(a, b Token) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
}
