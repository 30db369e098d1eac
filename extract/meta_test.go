package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func loadJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestParseDateTime(t *testing.T) {
	var cases []struct {
		In   string `json:"in"`
		Want string `json:"want"`
	}
	loadJSON(t, filepath.Join("testdata", "meta", "dates.json"), &cases)
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		got, ok := parseDateTime(c.In)
		if ok != (c.Want != "") || got != c.Want {
			t.Errorf("parseDateTime(%q) = %q, %v; want %q", c.In, got, ok, c.Want)
		}
	}
}

func TestFindDateTime(t *testing.T) {
	var cases []struct {
		In    string `json:"in"`
		Want  string `json:"want"`
		Match string `json:"match"`
	}
	loadJSON(t, filepath.Join("testdata", "meta", "find.json"), &cases)
	for _, c := range cases {
		got, a, b, ok := findDateTime(c.In)
		if ok != (c.Want != "") || got != c.Want {
			t.Errorf("findDateTime(%q) = %q, %v; want %q", c.In, got, ok, c.Want)
			continue
		}
		if ok && c.In[a:b] != c.Match {
			t.Errorf("findDateTime(%q) matched %q, want %q", c.In, c.In[a:b], c.Match)
		}
	}
}

type metaCase struct {
	In        string  `json:"in"`
	OK        bool    `json:"ok"`
	Published string  `json:"published"`
	Publisher string  `json:"publisher"`
	Views     *int    `json:"views"`
	Byline    *Byline `json:"byline"`
}

func TestParseMeta(t *testing.T) {
	var cases []metaCase
	loadJSON(t, filepath.Join("testdata", "meta", "cases.json"), &cases)
	if len(cases) < 60 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		m, ok := parseMeta(c.In)
		if ok != c.OK {
			t.Errorf("parseMeta(%q) ok = %v, want %v (%+v)", c.In, ok, c.OK, m)
			continue
		}
		if !ok {
			continue
		}
		if m.Published != c.Published {
			t.Errorf("parseMeta(%q).Published = %q, want %q", c.In, m.Published, c.Published)
		}
		if m.Publisher != c.Publisher {
			t.Errorf("parseMeta(%q).Publisher = %q, want %q", c.In, m.Publisher, c.Publisher)
		}
		if (m.Views == nil) != (c.Views == nil) || m.Views != nil && *m.Views != *c.Views {
			t.Errorf("parseMeta(%q).Views = %v, want %v", c.In, fmtIntPtr(m.Views), fmtIntPtr(c.Views))
		}
		var want Byline
		if c.Byline != nil {
			want = *c.Byline
		}
		if !reflect.DeepEqual(m.Byline, want) {
			t.Errorf("parseMeta(%q).Byline = %+v, want %+v", c.In, m.Byline, want)
		}
	}
}

func fmtIntPtr(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestMetaSeed pins the seed line of the brief.
func TestMetaSeed(t *testing.T) {
	m, ok := parseMeta("发布者:双创学院发布时间:2021-07-06动态浏览次数:802")
	if !ok || m.Published != "2021-07-06" || m.Publisher != "双创学院" || m.Views == nil || *m.Views != 802 {
		t.Fatalf("seed: %+v %v", m, ok)
	}
}

func FuzzParseMeta(f *testing.F) {
	var cases []metaCase
	loadJSON(f, filepath.Join("testdata", "meta", "cases.json"), &cases)
	for _, c := range cases {
		f.Add(c.In)
	}
	for _, s := range []string{"2021年7月6日 下午3:30", "2021-07-06T09:30:00+0800", "20210706", "发布时间：2021-07-06 25:61",
		"2021-07-06 星期二 10时30分", "点击：[ 99999999999999999999 ]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := parseMeta(s)
		if !ok && (m.Published != "" || m.Publisher != "" || m.Views != nil || !m.Byline.Empty()) {
			t.Fatalf("not ok but filled: %+v", m)
		}
		if m.Published != "" {
			if _, ok := parseDateTime(m.Published); !ok {
				t.Fatalf("Published %q does not parse back", m.Published)
			}
		}
		if m.Views != nil && *m.Views < 0 {
			t.Fatalf("negative views")
		}
		if iso, a, b, ok := findDateTime(s); ok {
			if a < 0 || b > len(s) || a >= b {
				t.Fatalf("bad span %d..%d", a, b)
			}
			if _, ok := parseDateTime(iso); !ok {
				t.Fatalf("find gave %q that does not parse", iso)
			}
		}
		if iso, ok := parseDateTime(s); ok && !utf8.ValidString(iso) {
			t.Fatal("invalid utf8")
		}
		_ = strings.TrimSpace(s)
	})
}

func BenchmarkParseMeta(b *testing.B) {
	lines := []string{
		"发布者:双创学院发布时间:2021-07-06动态浏览次数:802",
		"发布时间：2023-04-12 09:30:00  来源：党委宣传部  作者：张小三  浏览次数：1234",
		"学校举行了开学典礼，全体新生参加，场面热烈，时间安排紧凑。",
	}
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			parseMeta(l)
		}
	}
}

func TestBesideDate(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"2019-09-26 10:56:28 证券时报网", "证券时报网"},
		{"TNW中文站 2016年10月14日07:17", "TNW中文站"},
		{"2021-07-06 · 党委宣传部", "党委宣传部"},
		{"2021-07-06 星期二", ""},
		{"2021-07-06 阅读 88", ""},
		{"证券时报网", ""},
		{"2021-07-06 新华社 人民网", ""},
	} {
		if got := besideDate(c.line); got != c.want {
			t.Errorf("besideDate(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

func TestViewsOnly(t *testing.T) {
	for _, c := range []struct {
		line string
		want string
	}{{"阅读 539", "539"}, {"浏览量：1899", "1899"}, {"浏览次数: 12 次", "12"}, {"點擊：88", "88"}, {"阅读全文", ""}, {"阅读 539 评论 3", ""}} {
		got := ""
		if m := viewsOnlyRe.FindStringSubmatch(c.line); m != nil {
			got = m[1]
		}
		if got != c.want {
			t.Errorf("viewsOnlyRe(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
