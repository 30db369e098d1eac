package corpus

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"os"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// maxHTTPHeader is the room allowed for the HTTP status line and headers
// on top of Options.MaxSize when reading a response block.
const maxHTTPHeader = 1 << 20

func (r *reader) readWARC(path string, f *os.File) bool {
	wr, err := gowarc.NewWarcFileReaderFromStream(f, 0,
		// The block is parsed here: gowarc's HTTP parsing neither undoes
		// transfer or content encodings nor tolerates sloppy headers.
		gowarc.WithSkipParseBlock(),
		// With ErrWarn the block is buffered before Next returns, so it
		// can still be read; with ErrIgnore it would be discarded.
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
	)
	if err != nil {
		return r.fail(path, fmt.Errorf("read WARC: %w", err))
	}
	defer wr.Close()
	for {
		if !r.live() {
			return false
		}
		rec, err := wr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			rec.Close()
			return r.fail(path, fmt.Errorf("read WARC record at offset %d: %w", rec.Offset, err))
		}
		ok := r.warcRecord(path, rec)
		rec.Close()
		if !ok {
			return false
		}
	}
}

// warcRecord yields the document of one WARC record, if it has one.
func (r *reader) warcRecord(path string, rec gowarc.Record) bool {
	w := rec.WarcRecord
	if w == nil || w.Type() != gowarc.Response {
		return true
	}
	h := w.WarcHeader()
	uri := strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")
	name := uri
	if name == "" {
		name = h.GetId(gowarc.WarcRecordID)
	}
	if name == "" {
		name = "record@" + strconv.FormatInt(rec.Offset, 10)
	}
	member := path + "!" + name
	if n, err := h.GetInt64(gowarc.ContentLength); err == nil && n > r.max+maxHTTPHeader {
		return r.fail(member, r.tooLarge(n))
	}
	raw, err := w.Block().RawBytes()
	if err != nil {
		return r.fail(member, fmt.Errorf("read record block: %w", err))
	}
	block, err := io.ReadAll(io.LimitReader(raw, r.max+maxHTTPHeader+1))
	if err != nil {
		return r.fail(member, fmt.Errorf("read record block: %w", err))
	}
	if int64(len(block)) > r.max+maxHTTPHeader {
		return r.fail(member, r.tooLarge(-1))
	}
	wct := strings.ToLower(h.Get(gowarc.ContentType))
	if !strings.HasPrefix(wct, gowarc.ApplicationHttp) && !bytes.HasPrefix(block, []byte("HTTP/")) {
		return true // dns:, ftp: and other non-HTTP responses
	}
	resp, err := parseHTTPResponse(block)
	if err != nil {
		return r.fail(member, err)
	}
	if resp.status < 200 || resp.status > 299 {
		return true
	}
	ct := resp.header.Get("Content-Type")
	if ct != "" && !textual(ct) {
		return true
	}
	body, err := r.decodeBody(resp)
	if err != nil {
		return r.fail(member, err)
	}
	if ct == "" && !strings.HasPrefix(http.DetectContentType(body), "text/") {
		return true
	}
	return r.emit(Item{Path: member, URL: uri, ContentType: ct, Data: body})
}

// textual reports whether a Content-Type names a text document worth
// reading: text/* other than style sheets and scripts, or XHTML.
func textual(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(contentType), ";")
		mt = strings.TrimSpace(mt)
	}
	switch mt {
	case "application/xhtml+xml":
		return true
	case "text/css", "text/javascript", "text/ecmascript", "text/x-javascript":
		return false
	}
	return strings.HasPrefix(mt, "text/")
}

type httpResponse struct {
	status int
	header http.Header
	body   []byte
}

// parseHTTPResponse splits an HTTP response block into status, headers and
// raw body. It is lenient: LF or CRLF line ends, header lines without a
// colon are ignored, folded lines are joined.
func parseHTTPResponse(block []byte) (*httpResponse, error) {
	line, rest, _ := bytes.Cut(block, []byte("\n"))
	proto, status, _ := strings.Cut(strings.TrimSpace(string(line)), " ")
	code, _, _ := strings.Cut(strings.TrimSpace(status), " ")
	n, err := strconv.Atoi(code)
	if !strings.HasPrefix(proto, "HTTP/") || err != nil || len(code) != 3 {
		return nil, fmt.Errorf("%w: bad status line %.40q", ErrNotResponse, line)
	}
	resp := &httpResponse{status: n, header: http.Header{}}
	last := ""
	for {
		if len(rest) == 0 { // headers only, no blank line: empty body
			break
		}
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		l := strings.TrimRight(string(line), "\r")
		if l == "" {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			vs := resp.header[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(l)
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		resp.header.Add(last, strings.TrimSpace(v))
	}
	resp.body = rest
	return resp, nil
}

// decodeBody undoes chunked transfer encoding and gzip or deflate content
// encoding. Archivers often store bodies already decoded while keeping the
// headers, so a body that does not parse as chunked or compressed is taken
// as it is.
func (r *reader) decodeBody(resp *httpResponse) ([]byte, error) {
	body := resp.body
	if hasToken(resp.header.Values("Transfer-Encoding"), "chunked") {
		dec, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(body)), r.max+1))
		if err == nil || len(dec) > 0 {
			body = dec
		}
	}
	encs := tokens(resp.header.Values("Content-Encoding"))
	for i := len(encs) - 1; i >= 0; i-- {
		var (
			dec []byte
			err error
		)
		switch encs[i] {
		case "identity", "":
			continue
		case "gzip", "x-gzip":
			if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
				continue // stored decoded
			}
			dec, err = r.inflate(body, func(src io.Reader) (io.ReadCloser, error) { return gzip.NewReader(src) })
		case "deflate":
			dec, err = r.inflate(body, func(src io.Reader) (io.ReadCloser, error) { return zlib.NewReader(src) })
			if err != nil && !errors.Is(err, ErrTooLarge) {
				dec, err = r.inflate(body, func(src io.Reader) (io.ReadCloser, error) { return flate.NewReader(src), nil })
			}
			if err != nil && !errors.Is(err, ErrTooLarge) {
				continue // stored decoded
			}
		default:
			return nil, fmt.Errorf("unsupported Content-Encoding %q", encs[i])
		}
		if err != nil {
			return nil, fmt.Errorf("decode %s body: %w", encs[i], err)
		}
		body = dec
	}
	if int64(len(body)) > r.max {
		return nil, r.tooLarge(int64(len(body)))
	}
	return body, nil
}

// inflate decompresses body with the reader that open makes, within the
// size limit. A truncated stream yields what could be decompressed.
func (r *reader) inflate(body []byte, open func(io.Reader) (io.ReadCloser, error)) ([]byte, error) {
	zr, err := open(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	dec, err := r.readLimited(zr, -1)
	if errors.Is(err, io.ErrUnexpectedEOF) && len(dec) > 0 {
		err = nil
	}
	return dec, err
}

// tokens splits comma-separated header values into lower-case tokens.
func tokens(values []string) []string {
	var out []string
	for _, v := range values {
		for t := range strings.SplitSeq(v, ",") {
			out = append(out, strings.ToLower(strings.TrimSpace(t)))
		}
	}
	return out
}

func hasToken(values []string, token string) bool {
	for _, t := range tokens(values) {
		if t == token {
			return true
		}
	}
	return false
}
