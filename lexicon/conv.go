package lexicon

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// s2t maps simplified characters to their traditional form (data/s2t.txt).
var s2t = sync.OnceValue(func() map[rune]rune {
	return mustLoad(loadS2T())
})

func loadS2T() (map[rune]rune, error) {
	lines, err := readData(dataFS, "s2t.txt")
	if err != nil {
		return nil, err
	}
	m := make(map[rune]rune, 1024)
	for _, l := range lines {
		for _, f := range l.fields {
			for _, pair := range strings.Fields(f) {
				if utf8.RuneCountInString(pair) != 2 {
					return nil, l.errorf("pair %q is not two characters", pair)
				}
				s, n := utf8.DecodeRuneInString(pair)
				t, _ := utf8.DecodeRuneInString(pair[n:])
				if old, ok := m[s]; ok && old != t {
					return nil, l.errorf("%c maps to both %c and %c", s, old, t)
				}
				m[s] = t
			}
		}
	}
	return m, nil
}

// ToTraditional converts s character by character to traditional Chinese
// with the package's table. It is meant for names and titles, not running
// text: characters whose traditional form depends on the word (发, 干, 后,
// 台, 里, 系) are left as they are.
func ToTraditional(s string) string {
	m := s2t()
	var b strings.Builder
	changed := false
	for _, r := range s {
		if t, ok := m[r]; ok && t != r {
			r = t
			changed = true
		}
		b.WriteRune(r)
	}
	if !changed {
		return s
	}
	return b.String()
}
