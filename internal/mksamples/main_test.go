package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhnews/zhnews/corpus"
)

func TestRun(t *testing.T) {
	pages := t.TempDir()
	gbkPage, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">` +
		`<title>科技节</title></head><body><p>春华中学举办第五届校园科技节，八名学生获得一等奖。</p></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"b-gbk.html":       gbkPage,
		"a-utf8.html":      `<html><head><meta charset="utf-8"><title>读书月</title></head><body><p>青山小学开展读书月活动。</p></body></html>`,
		"c-plain.txt":      "明德小学举行春季运动会\n\n全体师生踴躍参加。\n",
		"a-utf8.gold.json": `{"source": "a-utf8.html"}`,
		"README.md":        "# notes\n",
		".hidden.html":     "<p>hidden</p>",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(pages, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "archives")
	names, err := run(pages, out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, " "); got != "a-utf8.html b-gbk.html c-plain.txt" {
		t.Fatalf("packed %s", got)
	}

	first := map[string][]byte{}
	for _, a := range []string{"pages.zip", "pages.tar.gz", "pages.warc.gz"} {
		first[a], err = os.ReadFile(filepath.Join(out, a))
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := run(pages, out); err != nil {
		t.Fatal(err)
	}
	for a, data := range first {
		again, err := os.ReadFile(filepath.Join(out, a))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, again) {
			t.Errorf("%s differs between runs", a)
		}
	}

	type want struct{ path, url, contentType, enc string }
	warc := filepath.Join(out, "pages.warc.gz")
	zip := filepath.Join(out, "pages.zip")
	tgz := filepath.Join(out, "pages.tar.gz")
	wants := []want{
		{zip + "!pages/a-utf8.html", "", "", "utf-8"},
		{zip + "!pages/b-gbk.html", "", "", "gbk"},
		{zip + "!pages/c-plain.txt", "", "", "utf-8"},
		{tgz + "!pages/a-utf8.html", "", "", "utf-8"},
		{tgz + "!pages/b-gbk.html", "", "", "gbk"},
		{tgz + "!pages/c-plain.txt", "", "", "utf-8"},
		{warc + "!" + siteURL + "a-utf8.html", siteURL + "a-utf8.html", "text/html; charset=utf-8", "utf-8"},
		{warc + "!" + siteURL + "b-gbk.html", siteURL + "b-gbk.html", "text/html; charset=gb2312", "gbk"},
		{warc + "!" + siteURL + "c-plain.txt", siteURL + "c-plain.txt", "text/plain; charset=utf-8", "utf-8"},
	}
	var i int
	for it, err := range corpus.Read(t.Context(), []string{zip, tgz, warc}, corpus.Options{}) {
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		if i >= len(wants) {
			t.Fatalf("extra item %s", it.Path)
		}
		w := wants[i]
		i++
		_, enc := corpus.Decode(it.Data, it.ContentType)
		if it.Path != w.path || it.URL != w.url || it.ContentType != w.contentType || enc != w.enc {
			t.Errorf("got %s %q %q %s, want %s %q %q %s", it.Path, it.URL, it.ContentType, enc, w.path, w.url, w.contentType, w.enc)
		}
		name := it.Path[strings.LastIndexAny(it.Path, "/")+1:]
		if !bytes.Equal(it.Data, []byte(files[name])) {
			t.Errorf("%s: data differs from %s", it.Path, name)
		}
	}
	if i != len(wants) {
		t.Errorf("read %d items, want %d", i, len(wants))
	}
}

func TestRunMissingFolder(t *testing.T) {
	if _, err := run(filepath.Join(t.TempDir(), "none"), t.TempDir()); err == nil {
		t.Error("no error for a missing pages folder")
	}
}
