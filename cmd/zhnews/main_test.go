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
