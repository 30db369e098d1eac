package corpus

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testMax is the MaxSize used by the Read tests.
const testMax = 4096

func collect(t *testing.T, ctx context.Context, inputs []string) ([]result, map[string]Item) {
	t.Helper()
	var rs []result
	items := map[string]Item{}
	for it, err := range Read(ctx, inputs, Options{MaxSize: testMax}) {
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				if ie.Path != it.Path {
					t.Errorf("InputError.Path %q != Item.Path %q", ie.Path, it.Path)
				}
				if !strings.HasPrefix(err.Error(), ie.Path+": ") {
					t.Errorf("error %q does not start with its path", err)
				}
			}
			rs = append(rs, result{it.Path, err})
			continue
		}
		rs = append(rs, result{it.Path, nil})
		items[it.Path] = it
	}
	return rs, items
}

func TestRead(t *testing.T) {
	gbkPage := gbk(t, page(`<meta charset="gb2312">`, "科技节", newsSimplified))
	utf8Page := []byte(page(`<meta charset="utf-8">`, "读书月", newsSimplified2))
	big5Page := big5(t, page(`<meta charset="big5">`, "運動會", newsTraditional))
	oversize := bytes.Repeat([]byte("校园新闻"), testMax)
	archiveMembers := []member{
		{name: "news/", kind: 'd'},
		{name: "news/a.html", data: gbkPage},
		{name: "news/b.txt", data: []byte(newsSimplified2)},
		{name: "../evil.html", data: utf8Page},
		{name: "/abs.html", data: utf8Page},
		{name: `..\win.html`, data: utf8Page},
		{name: "news/link.html", kind: 's'},
		{name: "big.html", data: oversize},
		{name: "inner.zip", data: []byte("PK")},
		{name: "news/c.htm", data: big5Page},
	}

	warcRecords := []warcRec{
		{typ: "warcinfo", contentType: "application/warc-fields", block: []byte("software: zhnews-test\r\nformat: WARC File Format 1.1\r\n")},
		{typ: "request", uri: "http://news.example.edu.cn/a.html", contentType: "application/http; msgtype=request",
			block: []byte("GET /a.html HTTP/1.1\r\nHost: news.example.edu.cn\r\n\r\n")},
		{typ: "response", uri: "http://news.example.edu.cn/a.html", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", gbkPage, "Content-Type: text/html; charset=gb2312", "Content-Length: 99")},
		{typ: "response", uri: "http://news.example.edu.cn/chunked", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", chunked(gzipped(t, utf8Page), 100), "Content-Type: text/html",
				"Transfer-Encoding: chunked", "Content-Encoding: gzip")},
		{typ: "response", uri: "http://news.example.edu.cn/stored-decoded", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", big5Page, "Content-Type: text/html; charset=big5",
				"Transfer-Encoding: chunked", "Content-Encoding: gzip")},
		{typ: "response", uri: "http://news.example.edu.cn/deflate", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", zlibbed(t, gbkPage), "Content-Type: text/html;", "  charset=gbk", "Content-Encoding: deflate")},
		{typ: "response", uri: "http://news.example.edu.cn/lf", contentType: "application/http; msgtype=response",
			block: []byte("HTTP/1.0 200 OK\nContent-Type: text/plain; charset=big5\nbroken header line\n\n" + string(big5(t, newsTraditional)))},
		{typ: "response", uri: "http://news.example.edu.cn/missing", contentType: "application/http; msgtype=response",
			block: httpResp("404 Not Found", []byte("<p>not found</p>"), "Content-Type: text/html")},
		{typ: "response", uri: "http://news.example.edu.cn/logo.png", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "Content-Type: image/png")},
		{typ: "response", uri: "http://news.example.edu.cn/style.css", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", []byte("p{color:red}"), "Content-Type: text/css")},
		{typ: "response", uri: "http://news.example.edu.cn/no-type", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", []byte(newsSimplified))},
		{typ: "response", uri: "http://news.example.edu.cn/big", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", oversize, "Content-Type: text/html")},
		{typ: "response", uri: "http://news.example.edu.cn/bomb", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", gzipped(t, oversize), "Content-Type: text/html", "Content-Encoding: gzip")},
		{typ: "response", uri: "http://news.example.edu.cn/broken", contentType: "application/http; msgtype=response",
			block: []byte("garbage that is not HTTP\r\n\r\n")},
		{typ: "response", uri: "dns:news.example.edu.cn", contentType: "text/dns",
			block: []byte("20240312080000\nnews.example.edu.cn. 600 IN A 192.0.2.1\n")},
		{typ: "metadata", uri: "http://news.example.edu.cn/a.html", contentType: "application/warc-fields",
			block: []byte("outlinks: http://news.example.edu.cn/b.html\r\n")},
		{typ: "revisit", uri: "http://news.example.edu.cn/a.html", contentType: "application/http; msgtype=response",
			block: []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")},
	}

	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	writeFile(t, p("pages.zip"), zipBytes(t, archiveMembers))
	writeFile(t, p("pages.tar"), tarBytes(t, append(archiveMembers, member{name: "news/hard.html", kind: 'h'}), false))
	writeFile(t, p("pages.tar.gz"), tarBytes(t, archiveMembers[:3], true))
	writeFile(t, p("pages.TGZ"), tarBytes(t, archiveMembers[1:2], true))
	writeFile(t, p("crawl.warc.gz"), warcBytes(t, warcRecords, true))
	writeFile(t, p("crawl.warc"), warcBytes(t, warcRecords[:3], false))
	writeFile(t, p("broken.zip"), []byte("not a zip file"))
	writeFile(t, p("broken.tar.gz"), []byte("this is not a gzip stream at all"))
	tree := filepath.Join(dir, "tree")
	writeFile(t, filepath.Join(tree, "b.html"), gbkPage)
	writeFile(t, filepath.Join(tree, "a.txt"), []byte(newsSimplified))
	writeFile(t, filepath.Join(tree, ".hidden.html"), gbkPage)
	writeFile(t, filepath.Join(tree, ".git", "x.html"), gbkPage)
	writeFile(t, filepath.Join(tree, "sub", "c.htm"), big5Page)
	writeFile(t, filepath.Join(tree, "sub", "pages.zip"), zipBytes(t, archiveMembers[1:3]))
	writeFile(t, filepath.Join(tree, "z-big.html"), oversize)
	if err := os.Symlink(filepath.Join(tree, "sub"), filepath.Join(tree, "sub-link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tree, "a.txt"), filepath.Join(tree, "a-link.txt")); err != nil {
		t.Fatal(err)
	}

	archiveWant := func(a string, links ...string) []result {
		rs := []result{
			{a + "!news/a.html", nil},
			{a + "!news/b.txt", nil},
			{a + "!../evil.html", ErrUnsafePath},
			{a + "!/abs.html", ErrUnsafePath},
			{a + `!..\win.html`, ErrUnsafePath},
			{a + "!news/link.html", ErrLink},
			{a + "!big.html", ErrTooLarge},
			{a + "!inner.zip", ErrNestedArchive},
			{a + "!news/c.htm", nil},
		}
		for _, l := range links {
			rs = append(rs, result{a + "!" + l, ErrLink})
		}
		return rs
	}
	const site = "http://news.example.edu.cn/"
	tests := []struct {
		name   string
		inputs []string
		want   []result
	}{
		{"zip", []string{p("pages.zip")}, archiveWant(p("pages.zip"))},
		{"tar", []string{p("pages.tar")}, archiveWant(p("pages.tar"), "news/hard.html")},
		{"tar.gz", []string{p("pages.tar.gz")}, []result{
			{p("pages.tar.gz") + "!news/a.html", nil},
			{p("pages.tar.gz") + "!news/b.txt", nil},
		}},
		{"tgz upper case", []string{p("pages.TGZ")}, []result{{p("pages.TGZ") + "!news/a.html", nil}}},
		{"warc.gz", []string{p("crawl.warc.gz")}, []result{
			{p("crawl.warc.gz") + "!" + site + "a.html", nil},
			{p("crawl.warc.gz") + "!" + site + "chunked", nil},
			{p("crawl.warc.gz") + "!" + site + "stored-decoded", nil},
			{p("crawl.warc.gz") + "!" + site + "deflate", nil},
			{p("crawl.warc.gz") + "!" + site + "lf", nil},
			{p("crawl.warc.gz") + "!" + site + "no-type", nil},
			{p("crawl.warc.gz") + "!" + site + "big", ErrTooLarge},
			{p("crawl.warc.gz") + "!" + site + "bomb", ErrTooLarge},
			{p("crawl.warc.gz") + "!" + site + "broken", ErrNotResponse},
		}},
		{"warc", []string{p("crawl.warc")}, []result{{p("crawl.warc") + "!" + site + "a.html", nil}}},
		{"folder", []string{tree}, []result{
			{filepath.Join(tree, "a-link.txt"), nil},
			{filepath.Join(tree, "a.txt"), nil},
			{filepath.Join(tree, "b.html"), nil},
			{filepath.Join(tree, "sub", "c.htm"), nil},
			{filepath.Join(tree, "sub", "pages.zip") + "!news/a.html", nil},
			{filepath.Join(tree, "sub", "pages.zip") + "!news/b.txt", nil},
			{filepath.Join(tree, "z-big.html"), ErrTooLarge},
		}},
		{"missing and broken go on", []string{p("missing.html"), p("broken.zip"), p("broken.tar.gz"), filepath.Join(tree, "a.txt")}, []result{
			{p("missing.html"), fs.ErrNotExist},
			{p("broken.zip"), errors.New("zip: not a valid zip file")},
			{p("broken.tar.gz"), errors.New("read gzip: gzip: invalid header")},
			{filepath.Join(tree, "a.txt"), nil},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := collect(t, t.Context(), tt.inputs)
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				g, w := got[i], tt.want[i]
				switch {
				case g.path != w.path:
					ok = false
				case (g.err == nil) != (w.err == nil):
					ok = false
				case w.err != nil && !errors.Is(g.err, w.err) && !strings.HasSuffix(g.err.Error(), w.err.Error()):
					ok = false
				}
			}
			if !ok {
				t.Errorf("got:%s\nwant:%s", formatResults(got), formatResults(tt.want))
			}
		})
	}

	t.Run("contents", func(t *testing.T) {
		_, items := collect(t, t.Context(), []string{p("crawl.warc.gz"), p("pages.zip"), filepath.Join(tree, "sub", "c.htm")})
		checks := []struct {
			path, url, contentType string
			data                   []byte
			text, enc              string
		}{
			{p("crawl.warc.gz") + "!" + site + "a.html", site + "a.html", "text/html; charset=gb2312", gbkPage, newsSimplified, GBK},
			{p("crawl.warc.gz") + "!" + site + "chunked", site + "chunked", "text/html", utf8Page, newsSimplified2, UTF8},
			{p("crawl.warc.gz") + "!" + site + "stored-decoded", site + "stored-decoded", "text/html; charset=big5", big5Page, newsTraditional, Big5},
			{p("crawl.warc.gz") + "!" + site + "deflate", site + "deflate", "text/html; charset=gbk", gbkPage, newsSimplified, GBK},
			{p("crawl.warc.gz") + "!" + site + "lf", site + "lf", "text/plain; charset=big5", big5(t, newsTraditional), newsTraditional, Big5},
			{p("crawl.warc.gz") + "!" + site + "no-type", site + "no-type", "", []byte(newsSimplified), newsSimplified, UTF8},
			{p("pages.zip") + "!news/a.html", "", "", gbkPage, newsSimplified, GBK},
			{filepath.Join(tree, "sub", "c.htm"), "", "", big5Page, newsTraditional, Big5},
		}
		for _, c := range checks {
			it, ok := items[c.path]
			if !ok {
				t.Errorf("%s: missing", c.path)
				continue
			}
			if it.URL != c.url || it.ContentType != c.contentType || !bytes.Equal(it.Data, c.data) {
				t.Errorf("%s: got URL %q ContentType %q data %d bytes; want %q %q %d bytes",
					c.path, it.URL, it.ContentType, len(it.Data), c.url, c.contentType, len(c.data))
			}
			text, enc := Decode(it.Data, it.ContentType)
			if enc != c.enc || !strings.Contains(text, c.text) {
				t.Errorf("%s: Decode = %s %q, want %s with %q", c.path, enc, text, c.enc, c.text)
			}
		}
	})
}

func TestReadStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		w.Write(gbk(t, newsSimplified))
		w.Close()
	}()
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old; r.Close() }()

	got, items := collect(t, t.Context(), []string{"-", "-"})
	want := []result{{"-", nil}, {"-", ErrStdinReused}}
	if len(got) != 2 || got[0].err != nil || !errors.Is(got[1].err, ErrStdinReused) {
		t.Fatalf("got:%s\nwant:%s", formatResults(got), formatResults(want))
	}
	if text, enc := Decode(items["-"].Data, ""); text != newsSimplified || enc != GBK {
		t.Errorf("stdin decoded to %s %q", enc, text)
	}
}

func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	var inputs []string
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, filepath.Join(dir, name), []byte(newsSimplified))
		inputs = append(inputs, filepath.Join(dir, name))
	}
	writeFile(t, filepath.Join(dir, "pages.zip"), zipBytes(t, []member{{name: "a.html"}, {name: "b.html"}}))

	tests := []struct {
		name     string
		inputs   []string
		cancelAt int // cancel after this many items; -1 before reading
		want     int // items before the context error
	}{
		{"before", inputs, -1, 0},
		{"files", inputs, 1, 1},
		{"folder", []string{dir}, 2, 2},
		{"zip", []string{filepath.Join(dir, "pages.zip")}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			if tt.cancelAt < 0 {
				cancel()
			}
			n, errs := 0, 0
			for _, err := range Read(ctx, tt.inputs, Options{}) {
				if err != nil {
					if !errors.Is(err, context.Canceled) {
						t.Fatalf("unexpected error %v", err)
					}
					errs++
					continue
				}
				n++
				if n == tt.cancelAt {
					cancel()
				}
			}
			if n != tt.want || errs != 1 {
				t.Errorf("got %d items and %d errors, want %d items and 1 error", n, errs, tt.want)
			}
		})
	}
}

func TestReadBreak(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "pages.zip"), zipBytes(t, []member{{name: "a.html"}, {name: "../b.html"}, {name: "c.html"}}))
	writeFile(t, filepath.Join(dir, "pages.tar"), tarBytes(t, []member{{name: "a.html"}, {name: "b.html"}}, false))
	writeFile(t, filepath.Join(dir, "crawl.warc"), warcBytes(t, []warcRec{
		{typ: "response", uri: "http://news.example.edu.cn/1", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", []byte(newsSimplified), "Content-Type: text/plain")},
		{typ: "response", uri: "http://news.example.edu.cn/2", contentType: "application/http; msgtype=response",
			block: httpResp("200 OK", []byte(newsSimplified2), "Content-Type: text/plain")},
	}, false))
	for _, name := range []string{"pages.zip", "pages.tar", "crawl.warc", ""} {
		for stopAt := 1; stopAt <= 2; stopAt++ {
			n := 0
			for range Read(t.Context(), []string{filepath.Join(dir, name), filepath.Join(dir, name)}, Options{}) {
				n++
				if n == stopAt {
					break
				}
			}
			if n != stopAt {
				t.Errorf("%s: stopped after %d, want %d", name, n, stopAt)
			}
		}
	}
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		name string
		it   Item
		want bool
	}{
		{"html ext", Item{Path: "a.html", Data: []byte(newsSimplified)}, true},
		{"shtml ext upper", Item{Path: "dir/A.SHTML"}, true},
		{"php ext", Item{Path: "news.php"}, true},
		{"aspx member", Item{Path: "x.zip!news/show.aspx"}, true},
		{"txt ext", Item{Path: "a.txt", Data: []byte("<html><body>x</body></html>")}, false},
		{"txt member", Item{Path: "x.tar!notes/a.txt"}, false},
		{"sniff doctype", Item{Path: "page", Data: []byte("\n  <!DOCTYPE html><html>")}, true},
		{"sniff div", Item{Path: "-", Data: []byte("<div class=\"news\">" + newsSimplified + "</div>")}, true},
		{"sniff BOM head", Item{Path: "-", Data: append([]byte{0xEF, 0xBB, 0xBF}, "<HEAD><title>x</title>"...)}, true},
		{"plain stdin", Item{Path: "-", Data: []byte(newsSimplified)}, false},
		{"plain no ext", Item{Path: "README", Data: []byte(newsSimplified2)}, false},
		{"content type html", Item{Path: "c.warc!http://x/show?id=3", URL: "http://x/show?id=3", ContentType: "text/html; charset=gbk"}, true},
		{"content type xhtml", Item{URL: "http://x/a", ContentType: "application/xhtml+xml"}, true},
		{"content type plain", Item{URL: "http://x/a.html", ContentType: "text/plain", Data: []byte("<html>")}, false},
		{"url ext", Item{Path: "c.warc!http://x/news/1.htm?x=1", URL: "http://x/news/1.htm?x=1", ContentType: "text/xml"}, true},
		{"url no ext sniff", Item{URL: "http://x/news/1", ContentType: "text/xml", Data: []byte("<html>")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsHTML(tt.it); got != tt.want {
				t.Errorf("IsHTML(%+v) = %v, want %v", tt.it, got, tt.want)
			}
		})
	}
}

func TestSafeName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.html", true},
		{"news/2024/a.html", true},
		{"./a.html", true},
		{"a..b.html", true},
		{"", false},
		{"../a.html", false},
		{"news/../../a.html", false},
		{"news/..", false},
		{"/etc/passwd", false},
		{`\windows\a.html`, false},
		{`C:\a.html`, false},
		{`news\..\..\a.html`, false},
		{"a\x00.html", false},
	}
	for _, tt := range tests {
		if got := safeName(tt.name); got != tt.want {
			t.Errorf("safeName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
