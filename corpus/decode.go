package corpus

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Encoding names reported by [Decode].
const (
	UTF8    = "utf-8"
	GBK     = "gbk"
	GB18030 = "gb18030"
	Big5    = "big5"
)

const (
	// prescanLen is how much of a page is searched for a declared charset.
	// The HTML standard says 1024 bytes; real pages put <meta> after long
	// comments or scripts, so look further.
	prescanLen = 4096
	// sampleLen is how much of the input is scored when guessing.
	sampleLen = 64 << 10
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode converts raw bytes to UTF-8 text and names the encoding used:
// [UTF8], [GBK], [GB18030] or [Big5]. contentType is the HTTP Content-Type,
// or "" if there is none.
//
// A UTF-8 byte order mark means UTF-8. Otherwise bytes that are valid UTF-8
// are UTF-8 (unless all their multi-byte sequences are two bytes long,
// which Chinese UTF-8 never is, and they read as common Chinese characters
// in GBK or Big5: a short GBK text can be valid UTF-8 by chance). Else the charsets declared by contentType and
// by the page itself (<meta charset>, <meta http-equiv="Content-Type">, an
// XML declaration) are tried in that order and the first one under which the
// bytes decode without error into plausible Chinese text is taken; GB2312 is
// read as GBK, and GB18030 is reported only when its four-byte sequences
// were needed. Failing that, the bytes are decoded as GB18030, as Big5 and as
// UTF-8, and the decoding whose text holds the most common Chinese
// characters and the fewest errors wins. Decode never fails: undecodable
// bytes become U+FFFD in the best guess.
func Decode(data []byte, contentType string) (text string, encoding string) {
	if bytes.HasPrefix(data, utf8BOM) {
		return strings.ToValidUTF8(string(data[len(utf8BOM):]), "\uFFFD"), UTF8
	}
	if utf8.Valid(data) {
		if onlyTwoByteRunes(data) {
			if text, enc, ok := legacyOverUTF8(data); ok {
				return text, enc
			}
		}
		return string(data), UTF8
	}
	for _, cs := range declaredCharsets(data, contentType) {
		if text, enc, ok := decodeDeclared(data, cs); ok {
			return text, enc
		}
	}
	return guess(data)
}

// decodeDeclared decodes data in the declared charset family cs and reports
// whether that gave text without errors that reads as Chinese.
func decodeDeclared(data []byte, cs string) (string, string, bool) {
	var text, enc string
	switch cs {
	case GBK, GB18030:
		text, enc = decodeGB(data)
	case Big5:
		text, enc = decodeWith(traditionalchinese.Big5, data), Big5
	default: // UTF-8: data is not valid UTF-8, so the declaration is wrong.
		return "", "", false
	}
	if strings.ContainsRune(text, utf8.RuneError) {
		return "", "", false
	}
	if s := score(text); s.han >= 20 && s.common*4 < s.han {
		return "", "", false
	}
	return text, enc, true
}

// decodeGB decodes data as GBK, or as GB18030 when that gives fewer
// decoding errors (that is, four-byte sequences were needed).
func decodeGB(data []byte) (string, string) {
	gbk := decodeWith(simplifiedchinese.GBK, data)
	n := strings.Count(gbk, "\uFFFD")
	if n == 0 {
		return gbk, GBK
	}
	gb := decodeWith(simplifiedchinese.GB18030, data)
	if strings.Count(gb, "\uFFFD") < n {
		return gb, GB18030
	}
	return gbk, GBK
}

func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil { // not expected: the decoders replace bad input
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(out)
}

// guess picks between GB18030, Big5 and UTF-8 by scoring a sample of each
// decoding, then decodes all of data with the winner.
func guess(data []byte) (string, string) {
	sample := data
	if len(sample) > sampleLen {
		sample = sample[:sampleLen]
	}
	gb := score(decodeWith(simplifiedchinese.GB18030, sample)).value()
	b5 := score(decodeWith(traditionalchinese.Big5, sample)).value()
	u8 := score(strings.ToValidUTF8(string(sample), "\uFFFD")).value()
	switch {
	case gb >= b5 && gb >= u8:
		return decodeGB(data)
	case b5 >= u8:
		return decodeWith(traditionalchinese.Big5, data), Big5
	default:
		return strings.ToValidUTF8(string(data), "\uFFFD"), UTF8
	}
}

// onlyTwoByteRunes reports whether valid UTF-8 data has multi-byte runes
// and all of them are two bytes long. Chinese UTF-8 text always has
// three-byte runes, while a few GBK or Big5 characters can form valid
// two-byte UTF-8 sequences by chance ("学校" in GBK reads as "ѧУ").
func onlyTwoByteRunes(data []byte) bool {
	multi := false
	for _, b := range data {
		if b >= 0xE0 {
			return false
		}
		if b >= 0x80 {
			multi = true
		}
	}
	return multi
}

// legacyOverUTF8 decides whether valid UTF-8 data made only of two-byte
// runes is better read as GBK or Big5: only when the legacy decoding is
// error free and all its non-ASCII runes are common Chinese characters.
func legacyOverUTF8(data []byte) (string, string, bool) {
	for _, enc := range []string{GBK, Big5} {
		var text string
		if enc == GBK {
			text = decodeWith(simplifiedchinese.GBK, data)
		} else {
			text = decodeWith(traditionalchinese.Big5, data)
		}
		s := score(text)
		if s.common > 0 && s.common == s.nonASCII {
			return text, enc, true
		}
	}
	return "", "", false
}

// textScore counts what a decoding produced.
type textScore struct {
	nonASCII int // runes above U+007F
	han      int // CJK unified ideographs
	common   int // ideographs in commonHan
	bad      int // U+FFFD replacement characters
	odd      int // runes Chinese text seldom uses: private use, kana, box drawing, Cyrillic, Greek, CJK extension A, C1 controls, Hangul
}

func score(text string) textScore {
	set := commonHanSet()
	var s textScore
	for _, r := range text {
		if r < 0x80 {
			continue
		}
		s.nonASCII++
		switch {
		case r == utf8.RuneError:
			s.bad++
		case r >= hanLo && r < hanHi:
			s.han++
			if set.has(r) {
				s.common++
			}
		case r < 0xA0, r >= 0x370 && r < 0x530, r >= 0x2500 && r < 0x2600,
			r >= 0x3040 && r < 0x3100, r >= 0x3400 && r < 0x4DC0,
			r >= 0xAC00 && r < 0xD7B0, r >= 0xE000 && r < 0xF900:
			s.odd++
		}
	}
	return s
}

// value weighs a score: common characters count for, rare ideographs,
// odd runes and errors against.
func (s textScore) value() int {
	return 4*s.common - (s.han - s.common) - 2*s.odd - 8*s.bad
}

// declaredCharsets returns the charset families (UTF8, GBK, GB18030, Big5)
// that contentType and the start of data declare, in that order, without
// duplicates. Charsets outside these families are ignored.
func declaredCharsets(data []byte, contentType string) []string {
	var out []string
	add := func(label string) {
		if cs := charsetFamily(label); cs != "" {
			for _, o := range out {
				if o == cs {
					return
				}
			}
			out = append(out, cs)
		}
	}
	if contentType != "" {
		add(charsetParam(contentType))
	}
	head := data
	if len(head) > prescanLen {
		head = head[:prescanLen]
	}
	if bytes.IndexByte(head, '<') >= 0 {
		for _, label := range metaCharsets(head) {
			add(label)
		}
	}
	return out
}

var charsetRE = regexp.MustCompile(`(?i)charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// charsetParam returns the charset parameter of a Content-Type value.
func charsetParam(contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	if m := charsetRE.FindStringSubmatch(contentType); m != nil {
		return m[1]
	}
	return ""
}

var xmlEncodingRE = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*\sencoding\s*=\s*["']([a-z0-9_.:-]+)`)

// metaCharsets returns the charset labels that the <meta> elements (and an
// XML declaration) of an HTML head declare, in document order.
func metaCharsets(head []byte) []string {
	var labels []string
	if m := xmlEncodingRE.FindSubmatch(head); m != nil {
		labels = append(labels, string(m[1]))
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return labels
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return labels
			}
			if string(name) != "meta" {
				continue
			}
			var content string
			httpEquiv := false
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "charset":
					labels = append(labels, string(val))
				case "content":
					content = string(val)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(val), "content-type")
				}
			}
			if httpEquiv && content != "" {
				if cs := charsetParam(content); cs != "" {
					labels = append(labels, cs)
				}
			}
		}
	}
}

// charsetFamily maps a charset label to UTF8, GBK, GB18030 or Big5, or ""
// for any other charset.
func charsetFamily(label string) string {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	switch label {
	case "":
		return ""
	case "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "gb_2312", "gb-2312":
		return GBK
	case "cp950", "ms950", "windows-950", "big5hkscs", "x-big5":
		return Big5
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return ""
	}
	name, err := htmlindex.Name(e)
	if err != nil {
		return ""
	}
	switch name {
	case UTF8, GBK, GB18030, Big5:
		return name
	}
	return ""
}
