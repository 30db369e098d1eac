package lexicon

import (
	"os"
	"strings"
	"testing"
)

// benchText returns about 10 KB of school news.
func benchText(b *testing.B) string {
	b.Helper()
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	for len(s) < 10<<10 {
		s += string(raw)
	}
	return s[:strings.LastIndex(s[:10<<10], "。")+len("。")]
}

func BenchmarkTitlesMatch(b *testing.B) {
	s := benchText(b)
	ts := Titles()
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for i := range s { // every rune start
			n += ts.Match(s, i)
		}
		if n == 0 {
			b.Fatal("no titles")
		}
	}
}

func BenchmarkPlace(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	Place(s, 0)
	b.ResetTimer()
	for b.Loop() {
		for i := range s {
			Place(s, i)
		}
	}
}

func BenchmarkOrgSuffix(b *testing.B) {
	names := []string{"武汉职业技术学院", "百胜中国控股有限公司", "茌平区人民政府", "湖北省高等学校毕业生就业指导服务中心", "李洪渠"}
	OrgSuffix("")
	b.ResetTimer()
	for b.Loop() {
		for _, n := range names {
			OrgSuffix(n)
		}
	}
}
