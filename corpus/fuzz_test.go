package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fuzzRead writes data to the file path and reads it to the end: Read must
// not panic, and every error must be an *InputError. Fuzz calls in one
// process run one after another, so they can share the file.
func fuzzRead(t *testing.T, path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for it, err := range Read(t.Context(), []string{path}, Options{MaxSize: 1 << 16}) {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			continue
		}
		Decode(it.Data, it.ContentType)
		IsHTML(it)
	}
}

func fuzzMembers(t testing.TB) []member {
	return []member{
		{name: "news/", kind: 'd'},
		{name: "news/a.html", data: gbk(t, page(`<meta charset="gb2312">`, "科技节", newsSimplified))},
		{name: "../evil.html", data: []byte(newsSimplified2)},
		{name: "news/link.html", kind: 's'},
	}
}

func FuzzReadZip(f *testing.F) {
	f.Add(zipBytes(f, fuzzMembers(f)))
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	path := filepath.Join(f.TempDir(), "in.zip")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, path, data) })
}

func FuzzReadTar(f *testing.F) {
	f.Add(tarBytes(f, append(fuzzMembers(f), member{name: "hard.html", kind: 'h'}), false))
	path := filepath.Join(f.TempDir(), "in.tar")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, path, data) })
}

func FuzzReadWARC(f *testing.F) {
	recs := []warcRec{
		{typ: "warcinfo", contentType: "application/warc-fields", block: []byte("software: zhnews-test\r\n")},
		{typ: "response", uri: "http://news.example.edu.cn/a.html", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", chunked(gzipped(f, []byte(newsSimplified)), 16), "Content-Type: text/html; charset=utf-8",
				"Transfer-Encoding: chunked", "Content-Encoding: gzip")},
		{typ: "response", uri: "http://news.example.edu.cn/b.html", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", big5(f, newsTraditional), "Content-Type: text/html; charset=big5", "Content-Encoding: deflate")},
	}
	f.Add(warcBytes(f, recs, false))
	f.Add(warcBytes(f, recs, true))
	path := filepath.Join(f.TempDir(), "in.warc")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, path, data) })
}
