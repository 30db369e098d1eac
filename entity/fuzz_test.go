package entity

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRecognize feeds arbitrary text to the recognizer: it must never
// panic, every mention must lie inside the body, and no name may carry
// a character the body does not have (an internal marker leaking out).
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"江城职业技术学院党委书记、校长李明远致辞。",
		"中山國小陳欣宜同學獲獎",
		"、、·(左)市长",
		"",
		"副院长李炯、周晓江教授、陈志庆",
		"市委书记王刚，市长张利出席。副市长李光云讲话。",
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
		leak := func(name string) {
			if strings.ContainsRune(name, 0) && !strings.ContainsRune(title+body, 0) {
				t.Fatalf("name %q carries a NUL the text does not have", name)
			}
		}
		for _, p := range res.People {
			check(p.Mentions)
			leak(p.Name)
			for _, r := range p.Roles {
				leak(r.Org)
				leak(r.Title)
			}
		}
		for _, o := range res.Organizations {
			check(o.Mentions)
			leak(o.Name)
		}
		for _, l := range res.Locations {
			check(l.Mentions)
		}
	})
}
