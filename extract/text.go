package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isSpaceRune reports whether r is white space in Chinese web text,
// including no-break, full-width and zero-width spaces.
func isSpaceRune(r rune) bool {
	switch r {
	case '\u00a0', '\u3000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// isZeroWidth reports whether r is an invisible character that is removed
// rather than turned into a space.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// collapseSpace trims s and collapses each run of white space to one ASCII
// space. Zero-width characters are removed.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isZeroWidth(r) {
			continue
		}
		if isSpaceRune(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// compact removes all white space from s; used to compare texts.
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !isSpaceRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isCJK reports whether r is a Han character.
func isCJK(r rune) bool { return unicode.Is(unicode.Han, r) }

// isSentencePunct reports whether r is punctuation that marks running
// prose (as opposed to navigation labels).
func isSentencePunct(r rune) bool {
	switch r {
	case '，', '。', '；', '！', '？', '、', '“', '”', '《', '》', ',', ';', '!', '?':
		return true
	}
	return false
}

// runeLen is utf8.RuneCountInString under a shorter name.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// cjkCount counts Han characters in s.
func cjkCount(s string) int {
	n := 0
	for _, r := range s {
		if isCJK(r) {
			n++
		}
	}
	return n
}
