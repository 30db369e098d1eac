package lexicon

import (
	"sync"
	"unicode/utf8"
)

// Quick rejections for the hot paths of recognition, which ask at every
// character whether a word of a list starts or ends there: most characters
// start and end none.

// starts reports whether some key of t starts with r.
func (t *trie) starts(r rune) bool {
	_, ok := t.root[r]
	return ok
}

// TitleCanStart reports whether a title or a title prefix may start with r.
func (l *Lexicon) TitleCanStart(r rune) bool { return l.titles.t.starts(r) }

// TitleCanEnd reports whether a title or a title prefix may end with r.
func (l *Lexicon) TitleCanEnd(r rune) bool { return l.titles.last[r] }

// PlaceCanStart reports whether a built-in or user place may start with r.
func (l *Lexicon) PlaceCanStart(r rune) bool {
	return basePlaces().t.starts(r) || l.places != nil && l.places.t.starts(r)
}

// KnownOrgCanStart reports whether a built-in well-known organization (a
// name or a short form) may start with r.
func (l *Lexicon) KnownOrgCanStart(r rune) bool { return knownOrgs().trie.starts(r) }

// SurnameCanStart reports whether a surname may start with r.
func SurnameCanStart(r rune) bool {
	ss := baseSurnames()
	if _, ok := ss.single[r]; ok {
		return true
	}
	return compoundFirst()[r]
}

var compoundFirst = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for s := range baseSurnames().compound {
		r, _ := utf8.DecodeRuneInString(s)
		m[r] = true
	}
	return m
})

// OrgSuffixCanEnd reports whether an organization suffix may end with r.
func OrgSuffixCanEnd(r rune) bool { return suffixLast()[r] }

var suffixLast = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for _, s := range baseSuffixes().list {
		if r, _ := utf8.DecodeLastRuneInString(s.Text); r != utf8.RuneError {
			m[r] = true
		}
	}
	return m
})
