package timex

import (
	"os"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"2021年7月6日", "624日下午", "65上午", "二十七点三", "身份证号140302197706220124",
		"7月1日至3日", "9:00-11:30", "2013---2015年度", "下周四下午三点到五点", "今(26)日",
		"2021-09-12-11：23", "1999.08-2002.02", "十二月月底", "东正教复活节", "周", "年", "月初", "Q",
		"12月28日至1月3日", "上上上上周", "去年9月起至今", "未来7天", "年底前", "7月上旬", "今晚", "３０年代", "\xff\xfe年月", "0点一", "2020-2021学年",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	ref := time.Date(2021, 7, 6, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string, withRef bool) {
		var opts Options
		if withRef {
			opts.Ref = ref
		}
		runes := []rune(s)
		for _, inst := range []bool{false, true} {
			opts.Instants = inst
			for _, d := range Find(s, opts) {
				if !utf8.ValidString(d.Value) || d.Grain == "" {
					t.Fatalf("%q (instants %v): bad date %+v", s, inst, d)
				}
				for _, m := range d.Mentions {
					if m[0] < 0 || m[1] > len(runes) || m[0] >= m[1] || string(runes[m[0]:m[1]]) != d.Text {
						t.Fatalf("%q (instants %v): mention %v does not hold %q", s, inst, m, d.Text)
					}
				}
			}
		}
		Find(s, Options{Ref: ref, Forward: true})
		Find(s, Options{Ref: ref, Forward: true, Instants: true})
	})
}

func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	opts := Options{Ref: time.Date(2021, 7, 6, 9, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(s, opts)
	}
}
