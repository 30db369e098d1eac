package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/google/go-cmp/cmp"
)

const testLexicon = "testdata/user.tsv"

// named returns an analyzer of bleve's registry, through a fresh cache as a
// new index mapping would.
func named(t testing.TB, name string) analysis.Analyzer {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// format writes tokens as term@position[start:end].
func format(ts analysis.TokenStream) []string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprintf("%s@%d[%d:%d]", t.Term, t.Position, t.Start, t.End))
	}
	return out
}

// checkStream checks what must hold of every token stream of the
// tokenizer: offsets in the input and on rune boundaries, the term the
// input's bytes (unless folded), positions from 1, never decreasing and
// never skipping, no empty term.
func checkStream(t testing.TB, input []byte, ts analysis.TokenStream, folded bool) {
	t.Helper()
	prevPos := 0
	for _, tok := range ts {
		if tok.Start < 0 || tok.End > len(input) || tok.Start >= tok.End {
			t.Fatalf("%q: token %v: offsets out of range", input, tok)
		}
		if !runeStart(input, tok.Start) || !runeStart(input, tok.End) {
			t.Errorf("%q: token %v: offsets not on rune boundaries", input, tok)
		}
		if len(tok.Term) == 0 {
			t.Errorf("%q: token %v: empty term", input, tok)
		}
		if !folded && string(tok.Term) != string(input[tok.Start:tok.End]) {
			t.Errorf("%q: token %v: term is not input[%d:%d] = %q", input, tok, tok.Start, tok.End, input[tok.Start:tok.End])
		}
		if tok.Position < prevPos || tok.Position > prevPos+1 || tok.Position < 1 {
			t.Errorf("%q: token %v: position after %d", input, tok, prevPos)
		}
		prevPos = tok.Position
	}
}

// runeStart reports whether off is where a rune starts in b, as ranging
// over b reads it (an invalid byte is a rune of its own), or len(b).
func runeStart(b []byte, off int) bool {
	for i := 0; i < len(b); {
		if i == off {
			return true
		}
		if i > off {
			return false
		}
		_, n := utf8.DecodeRune(b[i:])
		i += n
	}
	return off == len(b)
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string // term@position[start:end]
	}{
		{"compound and its sub-words", "北京大学在北京",
			[]string{"北京大学@1[0:12]", "北京@1[0:6]", "大学@1[6:12]", "在@2[12:15]", "北京@3[15:21]"}},
		{"repeated word", "学院学院学院",
			[]string{"学院@1[0:6]", "学院@2[6:12]", "学院@3[12:18]"}},
		{"three-rune word", "待处理事项处理完毕",
			[]string{"待处理@1[0:9]", "处理@1[3:9]", "事项@2[9:15]", "处理完毕@3[15:27]", "处理@3[15:21]", "完毕@3[21:27]"}},
		{"nested sub-words", "人工智能学院",
			[]string{"人工智能@1[0:12]", "人工@1[0:6]", "智能@1[6:12]", "学院@2[12:18]"}},
		{"no single-character sub-words", "王小明和王伟",
			[]string{"王小明@1[0:9]", "小明@1[3:9]", "和@2[9:12]", "王伟@3[12:18]"}},
		{"traditional", "學院與大學",
			[]string{"学院@1[0:6]", "与@2[6:9]", "大学@3[9:15]"}},
		{"full width, offsets into the original bytes", "ＡＢＣ２０２１年",
			[]string{"abc2021@1[0:21]", "年@2[21:24]"}},
		{"full width repeated after a traditional word", "學院ＡＢＣ，學院ＡＢＣ",
			[]string{"学院@1[0:6]", "abc@2[6:15]", "学院@3[18:24]", "abc@4[24:33]"}},
		{"punctuation and spaces take no position", "北京， 大学。",
			[]string{"北京@1[0:6]", "大学@2[10:16]"}},
		{"latin", "Hello World 2021",
			[]string{"hello@1[0:5]", "world@2[6:11]", "2021@3[12:16]"}},
		{"only punctuation", "，。！——", nil},
		{"invalid UTF-8", "学\xff院", []string{"学@1[0:3]", "院@2[4:7]"}},
		{"empty", "", nil},
	}
	a := named(t, Name)
	tok, err := registry.NewCache().TokenizerNamed(TokenizerName)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.input)
			checkStream(t, in, tok.Tokenize(in), false)
			ts := a.Analyze([]byte(tt.input))
			checkStream(t, in, ts, true)
			if diff := cmp.Diff(tt.want, format(ts)); diff != "" {
				t.Errorf("Analyze(%q) (-want +got):\n%s", tt.input, diff)
			}
		})
	}
}

func TestTokenTypes(t *testing.T) {
	ts := named(t, Name).Analyze([]byte("学院abc2021カタカナ"))
	want := map[string]analysis.TokenType{
		"学院":      analysis.Ideographic,
		"abc2021": analysis.AlphaNumeric,
	}
	for _, tok := range ts {
		if w, ok := want[string(tok.Term)]; ok && tok.Type != w {
			t.Errorf("%s: type %d, want %d", tok.Term, tok.Type, w)
		}
		delete(want, string(tok.Term))
	}
	if len(want) > 0 {
		t.Errorf("no tokens %v in %v", want, format(ts))
	}
}

func TestQueryAnalyzer(t *testing.T) {
	got := format(named(t, QueryName).Analyze([]byte("北京大学的人工智能學院")))
	want := []string{"北京大学@1[0:12]", "的@2[12:15]", "人工智能@3[15:27]", "学院@4[27:33]"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ＡＢＣ２０２１", "abc2021"},
		{"學院與大學", "学院与大学"},
		{"Ｈｅｌｌｏ World", "hello world"},
		{"ｶﾀｶﾅ", "カタカナ"},
		{"。、，", "。、,"}, // ideographic punctuation is not narrowed, full-width forms are
		{"ÄÖÜ", "äöü"},
		{"学院", "学院"},
		{"a\xffb", "a\uFFFDb"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldFilter(t *testing.T) {
	input := []byte("ＡＢＣ學院abc")
	ts := analysis.TokenStream{
		{Start: 0, End: 9, Term: input[0:9], Position: 1},
		{Start: 9, End: 15, Term: input[9:15], Position: 2},
		{Start: 15, End: 18, Term: input[15:18], Position: 3},
	}
	f, err := registry.NewCache().TokenFilterNamed(FoldName)
	if err != nil {
		t.Fatal(err)
	}
	got := f.Filter(ts)
	if diff := cmp.Diff([]string{"abc@1[0:9]", "学院@2[9:15]", "abc@3[15:18]"}, format(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if string(input) != "ＡＢＣ學院abc" {
		t.Errorf("the filter changed its input: %q", input)
	}
}

func TestTokenizerConfig(t *testing.T) {
	c := registry.NewCache()
	tok, err := c.DefineTokenizer("words", map[string]any{"type": TokenizerName, SubwordsKey: false})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := format(tok.Tokenize([]byte("北京大学"))), []string{"北京大学@1[0:12]"}; !cmp.Equal(got, want) {
		t.Errorf("without sub-words: %v, want %v", got, want)
	}
	bad := []map[string]any{
		{"type": TokenizerName, SubwordsKey: "no"},
		{"type": TokenizerName, LexiconKey: 42},
		{"type": TokenizerName, LexiconKey: "testdata/no-such-file.tsv"},
	}
	for i, config := range bad {
		if _, err := c.DefineTokenizer(fmt.Sprint("bad", i), config); err == nil {
			t.Errorf("config %v: no error", config)
		}
	}
	if _, err := c.DefineAnalyzer("bad", map[string]any{"type": Name, LexiconKey: "testdata/no-such-file.tsv"}); err == nil {
		t.Error("analyzer with a missing lexicon: no error")
	}
}

func TestLexicon(t *testing.T) {
	c := registry.NewCache()
	a, err := c.DefineAnalyzer("lex", map[string]any{"type": QueryName, LexiconKey: testLexicon})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"星河智造与星河智能制造学院", []string{"星河智造@1[0:12]", "与@2[12:15]", "星河智能制造学院@3[15:39]"}},
		// The lexicon's traditional name is a word in both scripts.
		{"星河国际学校和星河國際學校", []string{"星河国际学校@1[0:18]", "和@2[18:21]", "星河国际学校@3[21:39]"}},
		{"欧阳明远", []string{"欧阳明远@1[0:12]"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, format(a.Analyze([]byte(tt.in)))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.in, diff)
		}
	}
	// Without the lexicon these are not words.
	if got := format(named(t, QueryName).Analyze([]byte("星河智造"))); len(got) < 2 {
		t.Errorf("星河智造 is one word without the lexicon (%v): the test proves nothing", got)
	}
}

func TestSegmenterCache(t *testing.T) {
	s1, err := Segmenter("")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Segmenter("")
			if err != nil {
				t.Error(err)
			}
			got[i] = s
		}()
	}
	wg.Wait()
	for _, s := range got {
		if s != s1 {
			t.Fatal("Segmenter(\"\") built a second segmenter")
		}
	}

	l1, err := Segmenter(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	if l1 == s1 {
		t.Fatal("the lexicon's segmenter is the one without it")
	}
	// Same words at another path, with a comment more: the same segmenter.
	data, err := os.ReadFile(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "copy.tsv")
	if err := os.WriteFile(other, []byte("# a copy\n"+string(data)), 0o600); err != nil {
		t.Fatal(err)
	}
	l2, err := Segmenter(other)
	if err != nil {
		t.Fatal(err)
	}
	if l2 != l1 {
		t.Error("the same words at another path built a second segmenter")
	}
	// A lexicon with errors is reported and not cached.
	bad := filepath.Join(t.TempDir(), "bad.tsv")
	if err := os.WriteFile(bad, []byte("nonsense\tline\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Segmenter(bad); err == nil || !strings.Contains(err.Error(), "bad.tsv") {
		t.Errorf("bad lexicon: error %v", err)
	}
}

func TestFoldRuneTable(t *testing.T) {
	for r := range rune(utf8.MaxRune + 1) {
		if got, want := FoldRune(r), foldRune(r); got != want {
			t.Fatalf("FoldRune(%U) = %U, want %U", r, got, want)
		}
	}
}

func TestConcurrentAnalyze(t *testing.T) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := named(t, Name)
	ts := a.Analyze(text)
	checkStream(t, text, ts, true)
	want := format(ts)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				if got := format(a.Analyze(text)); !cmp.Equal(got, want) {
					t.Error("concurrent Analyze gave other tokens")
					return
				}
			}
		})
	}
	wg.Wait()
}
