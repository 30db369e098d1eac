package extract

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

type bylineCase struct {
	Fn     string  `json:"fn"`
	In     string  `json:"in"`
	OK     bool    `json:"ok"`
	N      string  `json:"n"` // leadingCredit: the credit prefix
	Byline *Byline `json:"byline"`
}

func loadBylineCases(t testing.TB) []bylineCase {
	var cases []bylineCase
	loadJSON(t, filepath.Join("testdata", "byline", "cases.json"), &cases)
	return cases
}

func TestBylineCases(t *testing.T) {
	cases := loadBylineCases(t)
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		var (
			b  Byline
			ok bool
			n  int
		)
		switch c.Fn {
		case "parseByline":
			b, ok = parseByline(c.In)
		case "leadingCredit":
			b, n, ok = leadingCredit(c.In)
		case "creditLine":
			b, ok = creditLine(c.In)
		default:
			t.Fatalf("unknown fn %q", c.Fn)
		}
		if ok != c.OK {
			t.Errorf("%s(%q) ok = %v, want %v (%+v)", c.Fn, c.In, ok, c.OK, b)
			continue
		}
		if !ok {
			continue
		}
		var want Byline
		if c.Byline != nil {
			want = *c.Byline
		}
		if !reflect.DeepEqual(b, want) {
			t.Errorf("%s(%q) = %+v, want %+v", c.Fn, c.In, b, want)
		}
		if c.Fn == "leadingCredit" && c.In[:n] != c.N {
			t.Errorf("leadingCredit(%q) prefix = %q, want %q", c.In, c.In[:n], c.N)
		}
	}
}

func TestBylineSeed(t *testing.T) {
	b, ok := parseByline("武职网讯(党委宣传部 陈峰 通讯员 邹丹)")
	want := Byline{Outlet: "武职网讯", Department: "党委宣传部", Authors: []string{"陈峰"}, Correspondents: []string{"邹丹"}}
	if !ok || !reflect.DeepEqual(b, want) {
		t.Fatalf("seed: %+v %v", b, ok)
	}
}

func TestMergeByline(t *testing.T) {
	dst := Byline{Department: "示例党支部", Authors: []string{"张小三"}}
	mergeByline(&dst, Byline{Outlet: "本站讯", Department: "示例党支部、药剂科", Authors: []string{"张小三", "李小四"}, Editors: []string{"王小五"}})
	mergeByline(&dst, Byline{Outlet: "别的讯", Department: "另一个处", Editors: []string{"王小五"}, Photographers: []string{"赵小六"}})
	want := Byline{Outlet: "本站讯", Department: "示例党支部、药剂科", Authors: []string{"张小三", "李小四"},
		Photographers: []string{"赵小六"}, Editors: []string{"王小五"}}
	if !reflect.DeepEqual(dst, want) {
		t.Fatalf("merge = %+v, want %+v", dst, want)
	}
	var empty Byline
	mergeByline(&empty, Byline{})
	if !empty.Empty() {
		t.Fatal("merge of empties not empty")
	}
}

func FuzzParseByline(f *testing.F) {
	for _, c := range loadBylineCases(f) {
		f.Add(c.In)
	}
	f.Add("（（（（文/图：")
	f.Add("讯讯讯讯电")
	f.Add("张小三 摄影 摄影 摄影 供稿 供稿")
	f.Fuzz(func(t *testing.T, s string) {
		b, ok := parseByline(s)
		if ok == b.Empty() {
			t.Fatalf("ok=%v but byline %+v", ok, b)
		}
		for _, l := range [][]string{b.Authors, b.Correspondents, b.Photographers, b.Editors} {
			seen := map[string]bool{}
			for _, n := range l {
				if n == "" || seen[n] || !utf8.ValidString(n) && utf8.ValidString(s) {
					t.Fatalf("bad name %q in %+v", n, b)
				}
				seen[n] = true
			}
		}
		lb, n, lok := leadingCredit(s)
		if n < 0 || n > len(s) || !lok && (n != 0 || !lb.Empty()) {
			t.Fatalf("leadingCredit: n=%d ok=%v %+v", n, lok, lb)
		}
		creditLine(s)
		if strings.Contains(s, "\x00") {
			return
		}
		var d Byline
		mergeByline(&d, b)
		mergeByline(&d, lb)
	})
}

func BenchmarkByline(b *testing.B) {
	lines := []string{
		"武职网讯(党委宣传部 陈峰 通讯员 邹丹)624日下午，学校召开会议。",
		"撰稿：张小三 摄影：李小四 责任编辑：王小五",
		"他担任杂志编辑多年，熟悉出版流程，深受读者喜爱。",
	}
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			leadingCredit(l)
			creditLine(l)
		}
	}
}
