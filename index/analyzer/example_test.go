package analyzer_test

import (
	"fmt"
	"log"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/zhnews/zhnews/index/analyzer"
)

// An index whose text is analyzed with the zhnews analyzer, searched with
// the query analyzer: 北京 finds 北京大学 and simplified text finds
// traditional.
func Example() {
	m := bleve.NewIndexMapping()
	// With a user lexicon: analyzer.AddTo(m, "/path/to/user.tsv").
	m.DefaultAnalyzer = analyzer.Name
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()
	docs := map[string]string{
		"1": "北京大學人工智能學院舉辦講座",
		"2": "江城职业技术学院与企业签约",
	}
	for id, body := range docs {
		if err := idx.Index(id, map[string]string{"body": body}); err != nil {
			log.Fatal(err)
		}
	}
	for _, text := range []string{"北京", "学院", "人工智能学院", "江城职业技术学院"} {
		q := bleve.NewMatchPhraseQuery(text)
		q.SetField("body")
		q.Analyzer = analyzer.QueryName
		res, err := idx.Search(bleve.NewSearchRequest(q))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(text, res.Total)
	}
	// Output:
	// 北京 1
	// 学院 2
	// 人工智能学院 1
	// 江城职业技术学院 1
}

// The tokens of the zhnews analyzer: byte offsets into the original text,
// folded terms, sub-words at the position of their word.
func Example_tokens() {
	a, err := registry.NewCache().AnalyzerNamed(analyzer.Name)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range a.Analyze([]byte("北京大學的ＡＩ課程")) {
		fmt.Printf("%d %s [%d:%d]\n", t.Position, t.Term, t.Start, t.End)
	}
	// Output:
	// 1 北京大学 [0:12]
	// 1 北京 [0:6]
	// 1 大学 [6:12]
	// 2 的 [12:15]
	// 3 ai [15:21]
	// 4 课程 [21:27]
}
