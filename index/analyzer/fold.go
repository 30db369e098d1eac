package analyzer

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/width"

	"github.com/zhnews/zhnews/zhconv"
)

// FoldRune folds one rune for the index: full-width to half-width (and
// half-width katakana to full-width, x/text/width's Fold), lower case,
// traditional to simplified ([zhconv.Rune]).
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if r < 0x10000 {
		if f := bmpFold()[r]; f != noFold {
			return rune(f)
		}
	}
	return foldRune(r)
}

// noFold marks a rune of the BMP whose folded form is outside it.
const noFold = 0xFFFF

// bmpFold is foldRune for the runes of the Basic Multilingual Plane, as a
// table (128 KiB) built on first use, once.
var bmpFold = sync.OnceValue(func() *[0x10000]uint16 {
	var t [0x10000]uint16
	for r := range rune(0x10000) {
		f := foldRune(r)
		if f >= noFold {
			f = noFold
		}
		t[r] = uint16(f)
	}
	return &t
})

func foldRune(r rune) rune {
	if r >= 0x80 {
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
	}
	r = unicode.ToLower(r)
	return zhconv.Rune(r)
}

// Fold folds every rune of s with [FoldRune]. It returns s itself when
// nothing changes; invalid UTF-8 bytes become U+FFFD.
func Fold(s string) string {
	for i, r := range s {
		if f := FoldRune(r); f != r || (r == utf8.RuneError && !validAt(s, i)) {
			return string(foldBytes(nil, []byte(s)))
		}
	}
	return s
}

// validAt reports whether s holds a valid encoding of U+FFFD at i.
func validAt(s string, i int) bool {
	return len(s) >= i+3 && s[i:i+3] == "\uFFFD"
}

// foldBytes appends the folded runes of b to dst.
func foldBytes(dst, b []byte) []byte {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		dst = utf8.AppendRune(dst, FoldRune(r))
		b = b[n:]
	}
	return dst
}

// FoldFilter is the token filter [FoldName]: it folds each token's Term
// with [FoldRune] and leaves offsets, positions and types alone. A Term is
// replaced, never changed in place (terms of the tokenizer share the bytes
// of the input).
type FoldFilter struct{}

// Filter folds the terms of ts in place and returns ts.
func (FoldFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		if needsFold(t.Term) {
			t.Term = foldBytes(make([]byte, 0, len(t.Term)), t.Term)
		}
	}
	return ts
}

func needsFold(b []byte) bool {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			if 'A' <= b[0] && b[0] <= 'Z' {
				return true
			}
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if FoldRune(r) != r || n == 1 {
			return true
		}
		b = b[n:]
	}
	return false
}
