package corpus

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Invented school news used throughout the tests.
const (
	newsSimplified  = "春华中学于三月十二日举办第五届校园科技节，全校师生共同参与。八名学生在机器人比赛中获得一等奖，校长在闭幕式上为他们颁发了证书。"
	newsSimplified2 = "青山小学开展读书月活动，各班级组织学生到图书馆阅读，老师指导同学们写读书笔记，家长也积极参加亲子阅读。"
	newsTraditional = "明德小學於四月八日舉行春季運動會，全體師生踴躍參加。六年級同學在接力比賽中獲得團體冠軍，校長頒發了獎狀和獎品。"
	// newsGB18030 holds 𠮷 (U+20BB7), which GBK lacks and GB18030 writes
	// in four bytes.
	newsGB18030 = "实验中学𠮷祥社团举行成立大会，二十名同学加入社团。"
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func gbk(t testing.TB, s string) []byte     { return encode(t, simplifiedchinese.GBK, s) }
func gb18030(t testing.TB, s string) []byte { return encode(t, simplifiedchinese.GB18030, s) }
func big5(t testing.TB, s string) []byte    { return encode(t, traditionalchinese.Big5, s) }

// page wraps body text in a small HTML page; meta is put in <head> as is.
func page(meta, title, body string) string {
	return "<!DOCTYPE html>\n<html>\n<head>\n" + meta + "\n<title>" + title +
		"</title>\n</head>\n<body>\n<div class=\"article\">\n<h1>" + title +
		"</h1>\n<p>" + body + "</p>\n</div>\n</body>\n</html>\n"
}

// member describes an archive member to write.
type member struct {
	name string
	data []byte
	kind byte // 0 regular file, 'd' folder, 's' symlink, 'h' hard link
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func zipBytes(t testing.TB, members []member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate, Modified: time.Date(2024, 3, 12, 8, 0, 0, 0, time.UTC)}
		switch m.kind {
		case 'd':
			h.SetMode(fs.ModeDir | 0o755)
		case 's':
			h.SetMode(fs.ModeSymlink | 0o777)
		default:
			h.SetMode(0o644)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tarBytes(t testing.TB, members []member, gz bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	var tw *tar.Writer
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(&buf)
		tw = tar.NewWriter(zw)
	} else {
		tw = tar.NewWriter(&buf)
	}
	for _, m := range members {
		h := &tar.Header{Name: m.name, Mode: 0o644, ModTime: time.Date(2024, 3, 12, 8, 0, 0, 0, time.UTC)}
		switch m.kind {
		case 'd':
			h.Typeflag, h.Mode = tar.TypeDir, 0o755
		case 's':
			h.Typeflag, h.Linkname = tar.TypeSymlink, "/etc/passwd"
		case 'h':
			h.Typeflag, h.Linkname = tar.TypeLink, "news/a.html"
		default:
			h.Typeflag, h.Size = tar.TypeReg, int64(len(m.data))
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := tw.Write(m.data); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// warcRec is a WARC record to write by hand.
type warcRec struct {
	typ, uri, contentType string
	block                 []byte
}

// warcBytes writes a WARC/1.1 file, each record gzipped on its own when gz.
func warcBytes(t testing.TB, recs []warcRec, gz bool) []byte {
	t.Helper()
	var out bytes.Buffer
	for i, r := range recs {
		var rec bytes.Buffer
		fmt.Fprintf(&rec, "WARC/1.1\r\nWARC-Type: %s\r\n", r.typ)
		fmt.Fprintf(&rec, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", i+1)
		fmt.Fprintf(&rec, "WARC-Date: 2024-03-12T08:00:%02dZ\r\n", i)
		if r.uri != "" {
			fmt.Fprintf(&rec, "WARC-Target-URI: %s\r\n", r.uri)
		}
		if r.contentType != "" {
			fmt.Fprintf(&rec, "Content-Type: %s\r\n", r.contentType)
		}
		fmt.Fprintf(&rec, "Content-Length: %d\r\n\r\n", len(r.block))
		rec.Write(r.block)
		rec.WriteString("\r\n\r\n")
		if !gz {
			out.Write(rec.Bytes())
			continue
		}
		zw := gzip.NewWriter(&out)
		if _, err := zw.Write(rec.Bytes()); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

// httpResp builds an HTTP response block; headers are "Name: value" lines.
func httpResp(status string, body []byte, headers ...string) []byte {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 " + status + "\r\n")
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

func chunked(body []byte, size int) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		n := min(size, len(body))
		fmt.Fprintf(&b, "%x\r\n", n)
		b.Write(body[:n])
		b.WriteString("\r\n")
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zlibbed(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// result is what one step of Read produced, in a comparable form.
type result struct {
	path string
	err  error // sentinel to match with errors.Is; nil for an item
}

func (r result) String() string {
	if r.err != nil {
		return r.path + " ERR " + r.err.Error()
	}
	return r.path
}

func formatResults(rs []result) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("\n\t" + r.String())
	}
	return b.String()
}
