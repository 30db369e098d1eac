package analyzer

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"
)

type doc struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// newMapping is the mapping of the tests: default analyzer Name, fields
// title and body stored with term vectors (for highlighting).
func newMapping(t testing.TB, lexiconPath string) *mapping.IndexMappingImpl {
	t.Helper()
	m := bleve.NewIndexMapping()
	if err := AddTo(m, lexiconPath); err != nil {
		t.Fatal(err)
	}
	m.DefaultAnalyzer = Name
	dm := bleve.NewDocumentMapping()
	for _, f := range []string{"title", "body"} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = Name
		fm.Store = true
		fm.IncludeTermVectors = true
		dm.AddFieldMappingsAt(f, fm)
	}
	m.DefaultMapping = dm
	return m
}

func newIndex(t testing.TB, docs map[string]doc) bleve.Index {
	t.Helper()
	idx, err := bleve.NewMemOnly(newMapping(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	b := idx.NewBatch()
	for id, d := range docs {
		if err := b.Index(id, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	return idx
}

func ids(t testing.TB, idx bleve.Index, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 100, 0, false)
	res, err := idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

var searchDocs = map[string]doc{
	"ai":       {Body: "江城职业技术学院新设人工智能学院，人工智能学院今年招收新生。"},
	"apart":    {Body: "人工智能研究院和学院共同举办讲座。"},
	"zhineng":  {Body: "智能学院举行开学典礼。"},
	"pending":  {Body: "待处理的申请共有三件。"},
	"pku":      {Body: "北京大学代表团来校交流。"},
	"trad":     {Title: "計算機學院舉辦講座"},
	"simp":     {Title: "计算机学院举办讲座"},
	"wide":     {Body: "ＡＢＣ２０２１项目启动。"},
	"narrow":   {Body: "abc2021项目验收。"},
	"wangwei":  {Body: "王伟老师出席会议。"},
	"scatter":  {Body: "王老师和伟大的祖国。"},
	"xiaoming": {Body: "小明同学获奖。"},
	"wxm":      {Body: "王小明同学获奖。"},
}

func TestSearch(t *testing.T) {
	idx := newIndex(t, searchDocs)
	match := func(field, text, analyzer string) query.Query {
		q := bleve.NewMatchQuery(text)
		q.SetField(field)
		q.Analyzer = analyzer
		return q
	}
	phrase := func(field, text, analyzer string) query.Query {
		q := bleve.NewMatchPhraseQuery(text)
		q.SetField(field)
		q.Analyzer = analyzer
		return q
	}
	tests := []struct {
		name string
		q    query.Query
		want []string
	}{
		{"phrase", phrase("body", "人工智能学院", QueryName), []string{"ai"}},
		// With the index analyzer 人工智能 is looked up as 人工智能, 人工 or
		// 智能: 智能学院 matches too (see the package documentation).
		{"phrase, index analyzer", phrase("body", "人工智能学院", ""), []string{"ai", "zhineng"}},
		{"phrase of a repeated word", phrase("body", "学院今年", QueryName), []string{"ai"}},
		{"sub-word of a three-rune word", match("body", "处理", QueryName), []string{"pending"}},
		{"the three-rune word", match("body", "待处理", QueryName), []string{"pending"}},
		{"sub-word of a four-rune word", match("body", "北京", QueryName), []string{"pku"}},
		{"the four-rune word", phrase("body", "北京大学", QueryName), []string{"pku"}},
		{"a phrase starting inside a compound", phrase("body", "大学代表团", QueryName), []string{"pku"}},
		// Known imprecision: a sub-word stands at its word's position, so a
		// phrase may skip the rest of the word (北京[大学]代表团).
		{"a phrase skipping part of a compound", phrase("body", "北京代表团", QueryName), []string{"pku"}},
		{"traditional finds simplified", match("title", "學院", QueryName), []string{"simp", "trad"}},
		{"simplified finds traditional", match("title", "学院", ""), []string{"simp", "trad"}},
		{"traditional phrase", phrase("title", "計算機學院", ""), []string{"simp", "trad"}},
		{"half width finds full width", match("body", "abc2021", QueryName), []string{"narrow", "wide"}},
		{"full width finds half width", match("body", "ＡＢＣ２０２１", ""), []string{"narrow", "wide"}},
		{"upper case", match("body", "ABC2021", ""), []string{"narrow", "wide"}},
		{"a name, not its scattered characters", match("body", "王伟", ""), []string{"wangwei"}},
		{"a name as a phrase", phrase("body", "王伟", ""), []string{"wangwei"}},
		{"a three-rune name", match("body", "王小明", QueryName), []string{"wxm"}},
		// 小明 is a sub-word of 王小明, so the index analyzer also looks
		// for 小明 alone.
		{"a three-rune name, index analyzer", match("body", "王小明", ""), []string{"wxm", "xiaoming"}},
		{"a given name finds the full name", match("body", "小明", QueryName), []string{"wxm", "xiaoming"}},
		// 王 is a word of none of them: inside 王伟, 王小明, 王老师.
		{"single characters are not sub-words", bleve.NewTermQuery("王"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tq, ok := tt.q.(*query.TermQuery); ok {
				tq.SetField("body")
			}
			if diff := cmp.Diff(tt.want, ids(t, idx, tt.q)); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
		})
	}
}

var markRE = regexp.MustCompile(`<mark>(.*?)</mark>`)

// marked returns the text of a highlighted fragment without its marks and
// the marked stretches, adjacent marks joined.
func marked(fragment string) (string, []string) {
	plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(fragment)
	var spans []string
	for _, m := range markRE.FindAllStringSubmatch(strings.ReplaceAll(fragment, "</mark><mark>", ""), -1) {
		spans = append(spans, m[1])
	}
	return plain, spans
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		name, body, query, analyzer string
		want                        string // the fragment
	}{
		{"three times, once inside a word", "人工智能学院是新学院，学院楼在北京。", "学院", "",
			"人工智能<mark>学院</mark>是新<mark>学院</mark>，<mark>学院</mark>楼在北京。"},
		{"traditional text, simplified query", "人工智能學院是新學院，學院樓在北京。", "学院", "",
			"人工智能<mark>學院</mark>是新<mark>學院</mark>，<mark>學院</mark>樓在北京。"},
		{"full-width text", "ＡＢＣ２０２１项目：abc2021与ＡＢＣ２０２１", "abc2021", "",
			"<mark>ＡＢＣ２０２１</mark>项目：<mark>abc2021</mark>与<mark>ＡＢＣ２０２１</mark>"},
		{"sub-word", "北京大学在北京，北京大学", "北京", QueryName,
			"<mark>北京</mark>大学在<mark>北京</mark>，<mark>北京</mark>大学"},
		{"compound", "北京大学在北京，北京大学", "北京大学", QueryName,
			"<mark>北京大学</mark>在北京，<mark>北京大学</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := newIndex(t, map[string]doc{"d": {Body: tt.body}})
			q := bleve.NewMatchQuery(tt.query)
			q.SetField("body")
			q.Analyzer = tt.analyzer
			req := bleve.NewSearchRequest(q)
			req.Highlight = bleve.NewHighlightWithStyle(html.Name)
			req.Highlight.AddField("body")
			res, err := idx.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) != 1 {
				t.Fatalf("%d hits", len(res.Hits))
			}
			frags := res.Hits[0].Fragments["body"]
			if len(frags) != 1 {
				t.Fatalf("fragments %q", frags)
			}
			plain, got := marked(frags[0])
			if plain != tt.body {
				t.Errorf("fragment %q is not the body", frags[0])
			}
			_, want := marked(tt.want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fragment %q: marks (-want +got):\n%s", frags[0], diff)
			}
			if frags[0] != tt.want && strings.ReplaceAll(frags[0], "</mark><mark>", "") != tt.want {
				t.Errorf("fragment %q, want %q", frags[0], tt.want)
			}
		})
	}
}

func TestReopen(t *testing.T) {
	dir := t.TempDir()
	lex, err := filepath.Abs(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "index")
	idx, err := bleve.New(path, newMapping(t, lex))
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Index("1", doc{Body: "星河智造与北京大学签约。"}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	// Indexed after reopening: the analyzer comes from the stored mapping,
	// with the lexicon (星河智造 is one word only with it).
	if err := idx.Index("2", doc{Body: "星河智造举行开学典礼。"}); err != nil {
		t.Fatal(err)
	}
	term := func(s string) query.Query {
		q := bleve.NewTermQuery(s)
		q.SetField("body")
		return q
	}
	phrase := func(s string) query.Query {
		q := bleve.NewMatchPhraseQuery(s)
		q.SetField("body")
		return q
	}
	tests := []struct {
		name string
		q    query.Query
		want []string
	}{
		{"lexicon word", term("星河智造"), []string{"1", "2"}},
		{"sub-word", term("北京"), []string{"1"}},
		{"phrase through the stored analyzer", phrase("北京大學簽約"), []string{"1"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ids(t, idx, tt.q)); diff != "" {
			t.Errorf("%s: hits (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestReopenWithoutLexicon checks that an index keeps its lexicon's words
// when the file is gone or changed: they are stored in the mapping.
func TestReopenWithoutLexicon(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "user.tsv")
	data, err := os.ReadFile(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lex, data, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "index")
	idx, err := bleve.New(path, newMapping(t, lex))
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Index("1", map[string]any{"body": "星河智造与北京大学签约"}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(lex); err != nil {
		t.Fatal(err)
	}
	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatalf("an index whose lexicon file is gone: %v", err)
	}
	defer idx.Close()
	// 星河智造 is a word of the lexicon only: found as one term.
	q := query.NewTermQuery("星河智造")
	q.SetField("body")
	if diff := cmp.Diff([]string{"1"}, ids(t, idx, q)); diff != "" {
		t.Errorf("lexicon word after the file is gone (-want +got):\n%s", diff)
	}
}

func TestAddTo(t *testing.T) {
	m := bleve.NewIndexMapping()
	if err := AddTo(m, "testdata/no-such-file.tsv"); err == nil {
		t.Error("AddTo with a missing lexicon: no error")
	}
	m = bleve.NewIndexMapping()
	if err := AddTo(m, ""); err != nil {
		t.Fatal(err)
	}
	if len(m.CustomAnalysis.Analyzers) != 0 {
		t.Errorf("AddTo(m, \"\") defined %v", m.CustomAnalysis.Analyzers)
	}
	if err := AddTo(m, testLexicon); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{Name, QueryName} {
		c := m.CustomAnalysis.Analyzers[name]
		words, _ := c[WordsKey].([]string)
		if !slices.Contains(words, "星河智造\tnt") || c[LexiconKey] != nil {
			t.Errorf("analyzer %s: config %v, want the lexicon's words and no path", name, c)
		}
	}
}
