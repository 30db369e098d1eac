// Package zhconv maps traditional Chinese characters to their simplified
// forms, one rune for one rune.
//
// The table comes from OpenCC's TSCharacters dictionary
// (https://github.com/BYVoid/OpenCC, Apache License 2.0), as shipped in
// github.com/longbridgeapp/opencc v0.3.13, converted by gen.go into
// ts_characters.txt: for each single-character entry the first candidate is
// kept. Pairs whose two runes have different UTF-8 lengths (824 rare
// characters of CJK extension B with a BMP simplified form) are left out, so
// that conversion never changes byte offsets: ToSimplified(s) has the same
// length as s and every rune at the same byte offset. Phrase-level
// conversions (OpenCC's TSPhrases) are not applied.
//
// The table is parsed on first use, once; all functions are safe for
// concurrent use.
package zhconv

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run gen.go

//go:embed ts_characters.txt
var tsData string

// table maps a traditional rune to its simplified rune.
var table = sync.OnceValue(func() map[rune]rune {
	m := make(map[rune]rune, 3300)
	for line := range strings.Lines(tsData) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimRight(line, "\n"), "\t")
		if !ok {
			continue
		}
		kr, _ := utf8.DecodeRuneInString(k)
		vr, _ := utf8.DecodeRuneInString(v)
		if kr != utf8.RuneError && vr != utf8.RuneError {
			m[kr] = vr
		}
	}
	return m
})

// Rune returns the simplified form of r, or r itself when it has none.
func Rune(r rune) rune {
	if r < 0x3400 {
		return r
	}
	if s, ok := table()[r]; ok {
		return s
	}
	return r
}

// ToSimplified converts every traditional character of s to its simplified
// form. The result has the same length as s, rune for rune and byte for
// byte; invalid UTF-8 is kept as is. When nothing changes s itself is
// returned.
func ToSimplified(s string) string {
	t := table()
	var b []byte
	for i, r := range s {
		if r < 0x3400 {
			continue
		}
		sr, ok := t[r]
		if !ok {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		utf8.EncodeRune(b[i:], sr)
	}
	if b == nil {
		return s
	}
	return string(b)
}

// SimplifiedRunes returns the runes of s, each mapped to its simplified form.
// Invalid bytes become utf8.RuneError, one per byte, as in []rune(s).
func SimplifiedRunes(s string) []rune {
	t := table()
	out := []rune(s)
	for i, r := range out {
		if r >= 0x3400 {
			if sr, ok := t[r]; ok {
				out[i] = sr
			}
		}
	}
	return out
}
