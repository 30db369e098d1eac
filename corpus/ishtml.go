package corpus

import (
	"bytes"
	"mime"
	"net/url"
	"path"
	"strings"
)

// sniffLen is how much of an item is searched for HTML tags.
const sniffLen = 1024

// htmlTags are the tag openings whose presence near the start of a text
// marks it as HTML.
var htmlTags = [][]byte{
	[]byte("<!doctype"), []byte("<html"), []byte("<head"), []byte("<body"),
	[]byte("<div"), []byte("<meta"), []byte("<title"), []byte("<table"),
	[]byte("<p>"), []byte("<br"),
}

// IsHTML reports whether an item is an HTML page rather than plain text.
// In order of precedence: an HTML or XHTML Content-Type says yes and
// text/plain says no; then the extension of the member, file or URL path
// (.html, .htm, .shtml, .xhtml, .php, .asp, .aspx, .jsp and .jspx say yes,
// .txt says no); otherwise, including for names without an extension, the
// item is HTML when an HTML tag (<html, <!doctype, <head, <body, <div,
// <meta, <title, <table, <p>, <br) appears in its first kilobyte.
func IsHTML(it Item) bool {
	if it.ContentType != "" {
		mt, _, err := mime.ParseMediaType(it.ContentType)
		if err != nil {
			mt, _, _ = strings.Cut(strings.ToLower(it.ContentType), ";")
			mt = strings.TrimSpace(mt)
		}
		switch mt {
		case "text/html", "application/xhtml+xml":
			return true
		case "text/plain":
			return false
		}
	}
	switch ext(it) {
	case ".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".jspx":
		return true
	case ".txt":
		return false
	}
	return sniffHTML(it.Data)
}

// ext returns the lower-case extension of an item's name: the URL path for
// WARC records, the member for archive members, the file otherwise.
func ext(it Item) string {
	name := it.Path
	if it.URL != "" {
		if u, err := url.Parse(it.URL); err == nil {
			name = u.Path
		}
	} else if i := strings.LastIndexByte(name, '!'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.ReplaceAll(name, `\`, "/")
	return strings.ToLower(path.Ext(path.Base(name)))
}

func sniffHTML(data []byte) bool {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	lower := bytes.ToLower(data)
	for _, tag := range htmlTags {
		if bytes.Contains(lower, tag) {
			return true
		}
	}
	return false
}
