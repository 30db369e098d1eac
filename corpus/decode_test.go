package corpus

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	metaGB2312 := `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`
	metaUTF8 := `<meta charset="utf-8">`
	metaBig5 := `<meta http-equiv="content-type" content="text/html;charset=big5" />`
	tests := []struct {
		name        string
		data        []byte
		contentType string
		wantEnc     string
		want        string // expected text; "" means the decoded source text
		src         string
	}{
		{name: "utf-8 plain text", src: newsSimplified, data: []byte(newsSimplified), wantEnc: UTF8},
		{name: "utf-8 with BOM", src: newsSimplified, data: append([]byte{0xEF, 0xBB, 0xBF}, newsSimplified...), wantEnc: UTF8},
		{name: "ascii", src: "<p>Spring sports day</p>", data: []byte("<p>Spring sports day</p>"), wantEnc: UTF8},
		{name: "empty", src: "", data: nil, wantEnc: UTF8},
		{
			name: "gbk declared gb2312", src: page(metaGB2312, "科技节", newsSimplified),
			data: gbk(t, page(metaGB2312, "科技节", newsSimplified)), wantEnc: GBK,
		},
		{name: "gbk undeclared text", src: newsSimplified2, data: gbk(t, newsSimplified2), wantEnc: GBK},
		{
			name: "gbk by content type", src: newsSimplified, data: gbk(t, newsSimplified),
			contentType: "text/html; charset=GBK", wantEnc: GBK,
		},
		{
			name: "big5 declared", src: page(metaBig5, "運動會", newsTraditional),
			data: big5(t, page(metaBig5, "運動會", newsTraditional)), wantEnc: Big5,
		},
		{name: "big5 undeclared", src: newsTraditional, data: big5(t, newsTraditional), wantEnc: Big5},
		{
			name: "declares gb2312 holds utf-8", src: page(metaGB2312, "读书月", newsSimplified2),
			data: []byte(page(metaGB2312, "读书月", newsSimplified2)), wantEnc: UTF8,
		},
		{
			name: "declares utf-8 holds gbk", src: page(metaUTF8, "读书月", newsSimplified2),
			data: gbk(t, page(metaUTF8, "读书月", newsSimplified2)), wantEnc: GBK,
		},
		{
			name: "header utf-8 holds gbk", src: newsSimplified, data: gbk(t, newsSimplified),
			contentType: "text/html; charset=utf-8", wantEnc: GBK,
		},
		{
			name: "declares gbk holds big5", src: page(`<meta charset="gbk">`, "運動會", newsTraditional),
			data: big5(t, page(`<meta charset="gbk">`, "運動會", newsTraditional)), wantEnc: Big5,
		},
		{
			name: "declares big5 holds gbk", src: page(metaBig5, "科技节", newsSimplified),
			data: gbk(t, page(metaBig5, "科技节", newsSimplified)), wantEnc: GBK,
		},
		{
			name: "gb18030 needed", src: page(`<meta charset="gb18030">`, "社团", newsGB18030),
			data: gb18030(t, page(`<meta charset="gb18030">`, "社团", newsGB18030)), wantEnc: GB18030,
		},
		{
			name: "gb18030 needed declared gb2312", src: page(metaGB2312, "社团", newsGB18030),
			data: gb18030(t, page(metaGB2312, "社团", newsGB18030)), wantEnc: GB18030,
		},
		{
			name: "gb18030 needed undeclared", src: newsGB18030 + newsSimplified,
			data: gb18030(t, newsGB18030+newsSimplified), wantEnc: GB18030,
		},
		{
			name: "declared gb18030 but gbk suffices", src: page(`<meta charset="gb18030">`, "科技节", newsSimplified),
			data: gb18030(t, page(`<meta charset="gb18030">`, "科技节", newsSimplified)), wantEnc: GBK,
		},
		{
			name: "xml declaration", src: `<?xml version="1.0" encoding="big5"?><p>` + newsTraditional + `</p>`,
			data: big5(t, `<?xml version="1.0" encoding="big5"?><p>`+newsTraditional+`</p>`), wantEnc: Big5,
		},
		{name: "short gbk reading as utf-8", src: "学校", data: gbk(t, "学校"), wantEnc: GBK},
		{name: "short gbk title", src: "学校新闻", data: gbk(t, "学校新闻"), wantEnc: GBK},
		{name: "latin utf-8", src: "café résumé", data: []byte("café résumé"), wantEnc: UTF8},
		{
			name: "gbk with a broken byte", data: append(gbk(t, newsSimplified), 0xFF, 'x'), wantEnc: GBK,
			want: newsSimplified + "\uFFFDx",
		},
		{
			name: "utf-8 with a broken byte", data: append([]byte(newsSimplified2), 0xE5, 'x'), wantEnc: UTF8,
			want: newsSimplified2 + "\uFFFDx",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc := Decode(tt.data, tt.contentType)
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
			want := tt.want
			if want == "" {
				want = tt.src
			}
			if text != want {
				t.Errorf("text = %q\nwant   %q", text, want)
			}
		})
	}
}

func TestDeclaredCharsets(t *testing.T) {
	tests := []struct {
		name, contentType, head string
		want                    []string
	}{
		{"none", "", "<html><head><title>x</title></head></html>", nil},
		{"header", "text/html; charset=GB2312", "", []string{GBK}},
		{"header quoted", `text/html; charset="big5"`, "", []string{Big5}},
		{"meta charset", "", `<meta charset="gb18030">`, []string{GB18030}},
		{"meta http-equiv", "", `<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gbk">`, []string{GBK}},
		{"header then meta", "text/html; charset=utf-8", `<meta charset="gbk">`, []string{UTF8, GBK}},
		{"duplicates", "text/html; charset=gbk", `<meta charset="gb2312">`, []string{GBK}},
		{"other charset ignored", "text/html; charset=iso-8859-1", `<meta charset="shift_jis">`, nil},
		{"windows aliases", "", `<meta charset="cp936"><meta charset="cp950">`, []string{GBK, Big5}},
		{"meta after body ignored", "", `<body><meta charset="gbk">`, nil},
		{"broken header", "text/html;; charset=big5", "", []string{Big5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := declaredCharsets([]byte(tt.head), tt.contentType)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("declaredCharsets = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(newsSimplified), "")
	f.Add(gbk(f, page(`<meta charset="gb2312">`, "科技节", newsSimplified)), "")
	f.Add(big5(f, newsTraditional), "text/html; charset=big5")
	f.Add(gb18030(f, newsGB18030), "text/plain; charset=gb18030")
	f.Add([]byte{0xEF, 0xBB, 0xBF, 0xFF}, "text/html; charset=")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		text, enc := Decode(data, contentType)
		switch enc {
		case UTF8, GBK, GB18030, Big5:
		default:
			t.Fatalf("encoding %q", enc)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 output %q", text)
		}
		if utf8.Valid(data) && !bytes.HasPrefix(data, utf8BOM) && enc == UTF8 && text != string(data) {
			t.Fatalf("valid UTF-8 changed")
		}
	})
}

// BenchmarkDecode decodes a 20 KB GBK page that declares gb2312.
func BenchmarkDecode(b *testing.B) {
	var body strings.Builder
	for body.Len() < 30000 { // UTF-8 bytes: about 20 KB in GBK
		body.WriteString("<p>" + newsSimplified + "</p>\n<p>" + newsSimplified2 + "</p>\n")
	}
	data := gbk(b, page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "校园新闻", body.String()))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, enc := Decode(data, ""); enc != GBK {
			b.Fatalf("encoding %q", enc)
		}
	}
}

// BenchmarkDecodeGuess decodes the same page without a declaration.
func BenchmarkDecodeGuess(b *testing.B) {
	var body strings.Builder
	for body.Len() < 30000 { // UTF-8 bytes: about 20 KB in GBK
		body.WriteString("<p>" + newsSimplified + "</p>\n<p>" + newsSimplified2 + "</p>\n")
	}
	data := gbk(b, page("", "校园新闻", body.String()))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, enc := Decode(data, ""); enc != GBK {
			b.Fatalf("encoding %q", enc)
		}
	}
}
