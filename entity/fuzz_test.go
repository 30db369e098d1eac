package entity

import (
	"testing"
	"unicode/utf8"
)

// FuzzRecognize feeds arbitrary text to the recognizer: it must never
// panic, and every mention must lie inside the body.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"江城职业技术学院党委书记、校长李明远致辞。",
		"中山國小陳欣宜同學獲獎",
		"、、·(左)市长",
		"",
		"副院长李炯、周晓江教授、陈志庆",
	} {
		f.Add("", s)
	}
	rc := fullRecognizer(f)
	f.Fuzz(func(t *testing.T, title, body string) {
		res := rc.Recognize(Doc{Title: title, Body: body})
		n := utf8.RuneCountInString(body)
		check := func(ms []Span) {
			for _, m := range ms {
				if m[0] < 0 || m[1] > n || m[0] >= m[1] {
					t.Fatalf("mention %v outside a body of %d runes", m, n)
				}
			}
		}
		for _, p := range res.People {
			check(p.Mentions)
		}
		for _, o := range res.Organizations {
			check(o.Mentions)
		}
		for _, l := range res.Locations {
			check(l.Mentions)
		}
	})
}
