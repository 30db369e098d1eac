package zhconv

import (
	"testing"
	"unicode/utf8"
)

func TestToSimplified(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc 123", "abc 123"},
		{"國立臺灣大學校長", "国立台湾大学校长"},
		{"香港中文大學與華為簽署合作協議", "香港中文大学与华为签署合作协议"},
		{"简体不变", "简体不变"},
		{"bad\xffbyte學", "bad\xffbyte学"},
	}
	for _, tt := range tests {
		got := ToSimplified(tt.in)
		if got != tt.want {
			t.Errorf("ToSimplified(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("ToSimplified(%q): length %d, want %d", tt.in, len(got), len(tt.in))
		}
		if utf8.ValidString(tt.in) {
			if sr := string(SimplifiedRunes(tt.in)); sr != tt.want {
				t.Errorf("SimplifiedRunes(%q) = %q, want %q", tt.in, sr, tt.want)
			}
		}
	}
}

func TestRune(t *testing.T) {
	for in, want := range map[rune]rune{'學': '学', '長': '长', '学': '学', 'A': 'A', '書': '书', '記': '记'} {
		if got := Rune(in); got != want {
			t.Errorf("Rune(%c) = %c, want %c", in, got, want)
		}
	}
}

func TestTableKeepsLengths(t *testing.T) {
	for k, v := range table() {
		if utf8.RuneLen(k) != utf8.RuneLen(v) {
			t.Errorf("%c→%c changes the UTF-8 length", k, v)
		}
	}
	if n := len(table()); n < 3000 {
		t.Errorf("table has %d pairs, want ≥ 3000", n)
	}
}

func FuzzToSimplified(f *testing.F) {
	f.Add("國立臺灣大學")
	f.Add("a\xffb")
	f.Fuzz(func(t *testing.T, s string) {
		if got := ToSimplified(s); len(got) != len(s) {
			t.Fatalf("length %d, want %d", len(got), len(s))
		}
	})
}
