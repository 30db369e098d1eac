package extract_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zhnews/zhnews/extract"
)

var update = flag.Bool("update", false, "rewrite the golden outputs under testdata/golden")

// samplesDir holds the project's own sample pages (invented content, one
// per template family and encoding) with hand-written gold files.
const samplesDir = "../samples/pages"

// TestSamples checks every field of the sample pages against their gold
// files: metadata exactly, bodies line by line.
func TestSamples(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join(samplesDir, "*.gold.json"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no sample gold files in %s", samplesDir)
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, gp := range golds {
		var g struct {
			gold
			Encoding string `json:"encoding"`
		}
		raw, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		t.Run(g.Source, func(t *testing.T) {
			a, err := extractFile(t, ex, filepath.Join(samplesDir, g.Source))
			if !g.isArticle() {
				if !errors.Is(err, extract.ErrNotArticle) {
					t.Fatalf("a non-article page gave %v, want ErrNotArticle", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(g.Source, "multipage") {
				return // joined across pages: TestJoinPages
			}
			if a.Title != g.Title {
				t.Errorf("title %q, want %q", a.Title, g.Title)
			}
			if a.Published != g.Published {
				t.Errorf("published %q, want %q", a.Published, g.Published)
			}
			if a.Publisher != g.Publisher {
				t.Errorf("publisher %q, want %q", a.Publisher, g.Publisher)
			}
			if diff := cmp.Diff(g.Views, a.Views); diff != "" {
				t.Errorf("views (-want +got):\n%s", diff)
			}
			if a.Source.Encoding != g.Encoding {
				t.Errorf("encoding %q, want %q", a.Source.Encoding, g.Encoding)
			}
			if diff := cmp.Diff(g.Byline, a.Byline); diff != "" {
				t.Errorf("byline (-want +got):\n%s", diff)
			}
			if f := bigramF1(a.Body, g.Body); f < 0.98 {
				t.Errorf("body bigram F1 %.3f; diff (-want +got):\n%s", f, cmp.Diff(strings.Split(g.Body, "\n"), strings.Split(a.Body, "\n")))
			}
		})
	}
}

// TestGolden compares the whole JSON output for each sample page with a
// reviewed golden file; run with -update to rewrite them after review.
func TestGolden(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(samplesDir, "*.html"))
	txts, _ := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	pages = append(pages, txts...)
	ex, _ := extract.New(extract.Options{})
	for _, p := range pages {
		name := filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			a, err := extractFile(t, ex, p)
			var got []byte
			if err != nil {
				got = []byte("error: " + err.Error() + "\n")
			} else {
				a.Source.Path = name // independent of where the test runs
				got, _ = json.MarshalIndent(a, "", "  ")
				got = append(got, '\n')
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestJoinPages joins the two-page sample article and compares it with
// the gold of its first page.
func TestJoinPages(t *testing.T) {
	ex, _ := extract.New(extract.Options{})
	var parts []*extract.Article
	for _, name := range []string{"multipage-1_2.html", "multipage-1.html"} { // out of order on purpose
		a, err := extractFile(t, ex, filepath.Join(samplesDir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !a.Paged() {
			t.Fatalf("%s: not recognized as one page of a split article", name)
		}
		parts = append(parts, a)
	}
	joined := ex.JoinPages(parts)
	if len(joined) != 1 {
		t.Fatalf("JoinPages gave %d articles, want 1", len(joined))
	}
	raw, _ := os.ReadFile(filepath.Join(samplesDir, "multipage-1.gold.json"))
	var g gold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	a := joined[0]
	if a.Pages != 2 {
		t.Errorf("pages %d, want 2", a.Pages)
	}
	if a.Title != g.Title {
		t.Errorf("title %q, want %q", a.Title, g.Title)
	}
	if f := bigramF1(a.Body, g.Body); f < 0.98 {
		t.Errorf("joined body bigram F1 %.3f; diff:\n%s", f, cmp.Diff(strings.Split(g.Body, "\n"), strings.Split(a.Body, "\n")))
	}
}

func TestPlainText(t *testing.T) {
	ex, _ := extract.New(extract.Options{})
	tests := []struct {
		name, text                 string
		title, published, pubr     string
		views                      int
		bodyFirst                  string
		outlet, dept, author, corr string
	}{
		{
			name:      "seed shape",
			text:      "江城职业技术学院与华拓智能签署校企合作协议\n\n发布者:智能制造学院发布时间:2023-05-12动态浏览次数:356\n\n江职网讯(党委宣传部 张明 通讯员 李华)5月10日下午,江城职业技术学院与华拓智能装备有限公司举行校企合作签约仪式。\n双方将共建智能制造产业学院。",
			title:     "江城职业技术学院与华拓智能签署校企合作协议",
			published: "2023-05-12", pubr: "智能制造学院", views: 356,
			bodyFirst: "江职网讯(党委宣传部 张明 通讯员 李华)5月10日下午,江城职业技术学院与华拓智能装备有限公司举行校企合作签约仪式。",
			outlet:    "江职网讯", dept: "党委宣传部", author: "张明", corr: "李华",
		},
		{
			name:      "body only",
			text:      "10月23日,星河检测技术有限公司总经理王强一行来我院参加校企合作签约仪式。\n会上,双方签署了《校企合作协议》。",
			bodyFirst: "10月23日,星河检测技术有限公司总经理王强一行来我院参加校企合作签约仪式。",
		},
		{
			name:      "headline without metadata",
			text:      "我校与南湖大学签订合作备忘录\n\n9月18日上午,南湖大学常务副校长一行访问我校,双方签订合作备忘录,商定在人才培养等方面开展合作。",
			title:     "我校与南湖大学签订合作备忘录",
			bodyFirst: "9月18日上午,南湖大学常务副校长一行访问我校,双方签订合作备忘录,商定在人才培养等方面开展合作。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ex.Extract(context.Background(), extract.Input{Text: tt.text, Format: extract.FormatText})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Published != tt.published || a.Publisher != tt.pubr {
				t.Errorf("got title %q published %q publisher %q, want %q %q %q", a.Title, a.Published, a.Publisher, tt.title, tt.published, tt.pubr)
			}
			if tt.views > 0 && (a.Views == nil || *a.Views != tt.views) {
				t.Errorf("views %v, want %d", a.Views, tt.views)
			}
			if first, _, _ := strings.Cut(a.Body, "\n"); first != tt.bodyFirst {
				t.Errorf("first body line %q, want %q", first, tt.bodyFirst)
			}
			if tt.outlet != "" {
				b := a.Byline
				if b == nil || b.Outlet != tt.outlet || b.Department != tt.dept || len(b.Authors) != 1 || b.Authors[0] != tt.author || len(b.Correspondents) != 1 || b.Correspondents[0] != tt.corr {
					t.Errorf("byline %+v", b)
				}
			}
		})
	}
}

// TestRules checks that a site rule overrides the heuristics.
func TestRules(t *testing.T) {
	rules, err := extract.ParseRules(strings.NewReader(`{"sites": [
		{"match": "news.example.edu.cn", "title": "#headline", "published": ".when", "publisher": ".unit", "body": "#story", "drop": [".ad"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	ex, _ := extract.New(extract.Options{Rules: rules})
	page := `<html><head><title>Site</title><link rel="canonical" href="http://news.example.edu.cn/a/1.html"></head><body>
	<div class="nav"><a href="/">首页</a></div>
	<p id="headline">规则指定的标题</p><span class="when">2022-03-04</span><span class="unit">教务处</span>
	<div id="story"><p>第一段正文，内容不长。</p><div class="ad">广告内容，应当删除。</div><p>第二段正文。</p></div>
	<div class="other"><p>这是一段很长的其他文字，启发式方法可能会选中它，因为它有很多标点，很多文字，很多句子，还有更多的文字。</p></div>
	</body></html>`
	a, err := ex.Extract(context.Background(), extract.Input{Text: page, Format: extract.FormatHTML})
	if err != nil {
		t.Fatal(err)
	}
	want := &extract.Article{Title: "规则指定的标题", Published: "2022-03-04", Publisher: "教务处", Body: "第一段正文，内容不长。\n第二段正文。"}
	got := &extract.Article{Title: a.Title, Published: a.Published, Publisher: a.Publisher, Body: a.Body}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(extract.Article{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if a.Source.URL != "http://news.example.edu.cn/a/1.html" {
		t.Errorf("url %q", a.Source.URL)
	}

	for _, bad := range []string{`{"sites":[{"match":""}]}`, `{"sites":[{"match":"x","body":"div[["}]}`, `{"site":[]}`, `not json`} {
		if _, err := extract.ParseRules(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseRules(%s) accepted a bad file", bad)
		}
	}
}

// TestIDStable checks that the id depends on the URL when known, else on
// the bytes.
func TestIDStable(t *testing.T) {
	ex, _ := extract.New(extract.Options{})
	text := "标题在这里\n\n发布时间:2021-07-06\n\n正文第一段，内容足够长，可以作为文章。正文第二句，继续说明情况。"
	get := func(src extract.Source) string {
		a, err := ex.Extract(context.Background(), extract.Input{Source: src, Text: text, Format: extract.FormatText})
		if err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	a := get(extract.Source{Path: "a.txt"})
	if b := get(extract.Source{Path: "b.txt"}); a != b {
		t.Errorf("same bytes, different paths: ids %s and %s differ", a, b)
	}
	u1 := get(extract.Source{Path: "x", URL: "http://news.example.edu.cn/1.htm"})
	u2 := get(extract.Source{Path: "y", URL: "https://NEWS.example.edu.cn/1.htm#top"})
	if u1 != u2 {
		t.Errorf("same canonical URL, ids %s and %s differ", u1, u2)
	}
	if u1 == a {
		t.Errorf("URL id equals the bytes id")
	}
}

// FuzzExtractHTML feeds arbitrary markup to the HTML extractor: it must
// never panic, and an article it returns must have a body.
func FuzzExtractHTML(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join(samplesDir, "*.html"))
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(string(b))
		}
	}
	f.Add(`<html><body><h1>标题</h1><div class="content"><p>正文，内容。</p></div></body></html>`)
	f.Add(`<table><tr><td><a href="x_2.htm">下一页</a>`)
	ex, _ := extract.New(extract.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ex.Extract(context.Background(), extract.Input{Source: extract.Source{Path: "f_2.htm"}, Text: s, Format: extract.FormatHTML})
		if err == nil && a == nil {
			t.Fatal("nil article without error")
		}
	})
}

// FuzzExtractText does the same for plain-text input.
func FuzzExtractText(f *testing.F) {
	f.Add("标题\n\n发布者:双创学院发布时间:2021-07-06动态浏览次数:802\n\n正文，内容。")
	f.Add("")
	ex, _ := extract.New(extract.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ex.Extract(context.Background(), extract.Input{Text: s, Format: extract.FormatText})
	})
}
