package analyzer

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/zhnews/zhnews/seg"
)

// Names in bleve's registry.
const (
	// Name is the analyzer for indexing: [TokenizerName] with sub-words,
	// then [FoldName].
	Name = "zhnews"
	// QueryName is the analyzer for query text: [TokenizerName] without
	// sub-words, then [FoldName].
	QueryName = "zhnews_query"
	// TokenizerName is the tokenizer type of [Tokenizer].
	TokenizerName = "zhnews_gse"
	// FoldName is the token filter type of [FoldFilter].
	FoldName = "zhnews_fold"
)

// Config keys of the tokenizer type and the analyzers.
const (
	// LexiconKey names the path of a user lexicon file (a string).
	LexiconKey = "lexicon"
	// WordsKey holds dictionary words themselves, each "word<TAB>pos"
	// (a list of strings): what [AddTo] stores of a user lexicon, so that
	// an index does not depend on the file. It takes precedence over
	// [LexiconKey].
	WordsKey = "words"
	// SubwordsKey, for the tokenizer type only, turns sub-words off when
	// false (a bool; true by default).
	SubwordsKey = "subwords"
)

func init() {
	// Registration only: constructors load nothing until a mapping uses
	// them. The registry panics on a duplicate name, as bleve's own
	// packages do.
	must(registry.RegisterTokenizer(TokenizerName, tokenizerConstructor))
	must(registry.RegisterTokenFilter(FoldName, foldConstructor))
	must(registry.RegisterAnalyzer(Name, analyzerConstructor(true)))
	must(registry.RegisterAnalyzer(QueryName, analyzerConstructor(false)))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func tokenizerConstructor(config map[string]any, _ *registry.Cache) (analysis.Tokenizer, error) {
	s, err := configSegmenter(config)
	if err != nil {
		return nil, err
	}
	subwords := true
	if v, ok := config[SubwordsKey]; ok {
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("analyzer: %s: %q must be a bool, not %T", TokenizerName, SubwordsKey, v)
		}
		subwords = b
	}
	return NewTokenizer(s, subwords), nil
}

func foldConstructor(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
	return FoldFilter{}, nil
}

func analyzerConstructor(subwords bool) registry.AnalyzerConstructor {
	return func(config map[string]any, _ *registry.Cache) (analysis.Analyzer, error) {
		s, err := configSegmenter(config)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{
			Tokenizer:    NewTokenizer(s, subwords),
			TokenFilters: []analysis.TokenFilter{FoldFilter{}},
		}, nil
	}
}

// configSegmenter returns the segmenter of a config: its words, or the
// lexicon file it names, or none.
func configSegmenter(config map[string]any) (*seg.Segmenter, error) {
	if v, ok := config[WordsKey]; ok && v != nil {
		list, ok := v.([]any)
		if !ok {
			if ss, ok2 := v.([]string); ok2 {
				for _, s := range ss {
					list = append(list, s)
				}
			} else {
				return nil, fmt.Errorf("analyzer: %q must be a list of strings, not %T", WordsKey, v)
			}
		}
		words := make([]seg.Word, 0, len(list))
		for _, x := range list {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("analyzer: %q must be a list of strings, not of %T", WordsKey, x)
			}
			text, pos, _ := strings.Cut(s, "\t")
			words = append(words, seg.Word{Text: text, Pos: pos})
		}
		return segmenterFor(words)
	}
	path, err := lexiconPath(config)
	if err != nil {
		return nil, err
	}
	return Segmenter(path)
}

func lexiconPath(config map[string]any) (string, error) {
	v, ok := config[LexiconKey]
	if !ok || v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("analyzer: %q must be a string (a file path), not %T", LexiconKey, v)
	}
	return s, nil
}

// AddTo defines in m the analyzers [Name] and [QueryName] with the user
// lexicon at lexiconPath, replacing the registered ones of the same names
// for that mapping; m must not have used them yet. The lexicon's words are
// read now and stored in the mapping ([WordsKey]): an index opened later
// rebuilds the same analyzers whether or not the file is still there, and
// an edited file does not make the words of queries differ from those
// indexed. With lexiconPath "" it does nothing: the registered analyzers
// are the ones without a lexicon.
//
// AddTo loads the segmenter (see [Segmenter]) and so reports a lexicon that
// cannot be read or parsed. It does not make Name the default analyzer of
// m or of any field; set m.DefaultAnalyzer or a field's Analyzer.
func AddTo(m *mapping.IndexMappingImpl, lexiconPath string) error {
	if lexiconPath == "" {
		return nil
	}
	words, err := lexiconWords(lexiconPath)
	if err != nil {
		return err
	}
	if _, err := segmenterFor(words); err != nil {
		return err
	}
	list := make([]string, len(words))
	for i, w := range words {
		list[i] = w.Text + "\t" + w.Pos
	}
	for _, name := range []string{Name, QueryName} {
		err := m.AddCustomAnalyzer(name, map[string]any{
			"type":   name,
			WordsKey: list,
		})
		if err != nil {
			return fmt.Errorf("analyzer: define %s: %w", name, err)
		}
	}
	return nil
}
