// Package seg segments Chinese text into words with github.com/go-ego/gse,
// using gse's embedded simplified-Chinese dictionary.
//
// Building a [Segmenter] loads the dictionary (a few seconds and about
// 140 MB of memory), so a program builds one with [New] and shares it: a
// built Segmenter is read-only and safe for concurrent use by multiple
// goroutines. Tokens carry byte offsets into the segmented text, so that
// text[t.Start:t.End] == t.Text always holds.
package seg

import (
	"fmt"

	"github.com/go-ego/gse"
)

// Token is one word of segmented text.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"` // byte offset of the first byte
	End   int    `json:"end"`   // byte offset just past the last byte
	Pos   string `json:"pos,omitempty"`
}

// Word is a dictionary entry added to the segmenter.
type Word struct {
	Text string
	Freq float64 // 0 means a frequency that makes the word win over its parts
	Pos  string
}

// Options configures a Segmenter. The zero value loads gse's embedded
// simplified dictionary alone.
type Options struct {
	// Words are added to the dictionary (a user lexicon).
	Words []Word
}

// Segmenter splits text into words. It is safe for concurrent use.
type Segmenter struct {
	g gse.Segmenter
}

// New loads the embedded dictionary and the extra words of opts.
func New(opts Options) (*Segmenter, error) {
	s := &Segmenter{}
	s.g.SkipLog = true
	s.g.NotLoadHMM = true
	if err := s.g.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load gse dictionary: %w", err)
	}
	for _, w := range opts.Words {
		freq := w.Freq
		if freq <= 0 {
			freq = 100000
		}
		if err := s.g.AddToken(w.Text, freq, w.Pos); err != nil {
			return nil, fmt.Errorf("add word %q: %w", w.Text, err)
		}
	}
	if len(opts.Words) > 0 {
		s.g.CalcToken() // recompute path lengths with the new words
	}
	return s, nil
}

// Segment splits text into words, in order, with byte offsets. White space
// between words is not returned as tokens.
func (s *Segmenter) Segment(text string) []Token {
	segs := s.g.Segment([]byte(text))
	out := make([]Token, 0, len(segs))
	for _, sg := range segs {
		start, end := sg.Start(), sg.End()
		if start < 0 || end > len(text) || start >= end {
			continue
		}
		w := text[start:end]
		if isBlank(w) {
			continue
		}
		out = append(out, Token{Text: w, Start: start, End: end, Pos: sg.Token().Pos()})
	}
	return out
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u3000':
		default:
			return false
		}
	}
	return true
}

// Lookup returns the frequency and part of speech of a word of the
// dictionary, and whether it is one.
func (s *Segmenter) Lookup(word string) (freq float64, pos string, ok bool) {
	return s.g.Find(word)
}
