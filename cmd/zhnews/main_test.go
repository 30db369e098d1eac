package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes the CLI with args and returns stdout, stderr and the error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRoot()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errOut.String(), err
}

func TestExtractSamples(t *testing.T) {
	out, _, err := run(t, "extract", "--workers", "2", "../../samples/pages")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a struct {
			ID     string `json:"id"`
			Title  string `json:"title"`
			Body   string `json:"body"`
			Source struct {
				Path, SHA256, Encoding string
			} `json:"source"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		if a.ID == "" || a.Body == "" || a.Source.SHA256 == "" || a.Source.Encoding == "" {
			t.Errorf("incomplete article %+v", a)
		}
		titles = append(titles, a.Title)
	}
	// 11 articles: 13 pages minus 3 non-articles, the two-page article as one.
	if len(titles) != 11 {
		t.Errorf("got %d articles %q, want 11", len(titles), titles)
	}
	// Output is in input order, with split articles last.
	if len(titles) > 0 && titles[len(titles)-1] != "南湖师范学院召开2024年本科教学工作会议" {
		t.Errorf("last article %q, want the joined two-page article", titles[len(titles)-1])
	}
}

func TestExtractFailures(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("标题一则\n\n发布时间:2021-07-06\n\n正文第一段，内容足够长，可以作为一篇文章来读。第二句话。"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "extract", filepath.Join(dir, "missing.html"), good)
	if !errors.Is(err, errFailed) {
		t.Errorf("error %v, want errFailed (exit status 1)", err)
	}
	if !strings.Contains(stderr, "missing.html") {
		t.Errorf("stderr %q does not name the failed input", stderr)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the good input was not extracted after the failure: %q", out)
	}
}

func TestExtractUsage(t *testing.T) {
	_, _, err := run(t, "extract", "--no-such-flag", "x")
	var ue usageError
	if !errors.As(err, &ue) {
		t.Errorf("error %v, want a usage error", err)
	}
	_, _, err = run(t, "extract", "--rules", "/no/such/rules.json", "x")
	if !errors.As(err, &ue) {
		t.Errorf("error %v, want a usage error for a missing rules file", err)
	}
}

func TestTag(t *testing.T) {
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetIn(strings.NewReader("江城职业技术学院党委书记、校长李明远致辞\n\n國立北嶺科技大學校長陳大文\n"))
	root.SetArgs([]string{"tag"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines for 3 input lines: %q", len(lines), out.String())
	}
	for _, l := range lines {
		var rec struct {
			Text     string `json:"text"`
			Entities []struct {
				Type       string
				Start, End int
				Text       string
			} `json:"entities"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("bad line %q: %v", l, err)
		}
		r := []rune(rec.Text)
		for _, e := range rec.Entities {
			if e.Start < 0 || e.End > len(r) || string(r[e.Start:e.End]) != e.Text {
				t.Errorf("%q: entity %+v does not match the text at its rune offsets", rec.Text, e)
			}
		}
		if strings.Contains(rec.Text, "李明远") && !strings.Contains(l, `"PERSON"`) {
			t.Errorf("no PERSON in %s", l)
		}
	}
}

func TestExtractLexicon(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "lex.tsv")
	page := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(lex, []byte("org\t星海钢铁\tcompany\t星钢\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("江城职业技术学院与星海钢铁签约\n\n发布时间:2023-05-12\n\n5月10日，江城职业技术学院与星海钢铁签署校企合作协议，星钢总经理王海出席。"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "extract", "--lexicon", lex, page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"name":"星海钢铁","aliases":["星钢"]`) {
		t.Errorf("the user's organization is missing: %s", out)
	}
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ue usageError
	if _, _, err := run(t, "extract", "--lexicon", bad, page); !errors.As(err, &ue) {
		t.Errorf("a bad lexicon gave %v, want a usage error", err)
	}
}
