package analyzer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
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
	path, err := lexiconPath(config)
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
	s, err := Segmenter(path)
	if err != nil {
		return nil, err
	}
	return NewTokenizer(s, subwords), nil
}

func foldConstructor(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
	return FoldFilter{}, nil
}

func analyzerConstructor(subwords bool) registry.AnalyzerConstructor {
	return func(config map[string]any, _ *registry.Cache) (analysis.Analyzer, error) {
		path, err := lexiconPath(config)
		if err != nil {
			return nil, err
		}
		s, err := Segmenter(path)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{
			Tokenizer:    NewTokenizer(s, subwords),
			TokenFilters: []analysis.TokenFilter{FoldFilter{}},
		}, nil
	}
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
// for that mapping; m must not have used them yet. The path is stored in
// the mapping as given: an index opened later rebuilds the analyzers from
// the file, so give a path that stays valid (an absolute one unless the
// index and the lexicon move together and the process runs from the same
// folder). With lexiconPath "" it does nothing: the registered analyzers
// are the ones without a lexicon.
//
// AddTo loads the segmenter (see [Segmenter]) and so reports a lexicon that
// cannot be read or parsed. It does not make Name the default analyzer of
// m or of any field; set m.DefaultAnalyzer or a field's Analyzer.
func AddTo(m *mapping.IndexMappingImpl, lexiconPath string) error {
	if lexiconPath == "" {
		return nil
	}
	for _, name := range []string{Name, QueryName} {
		err := m.AddCustomAnalyzer(name, map[string]any{
			"type":     name,
			LexiconKey: lexiconPath,
		})
		if err != nil {
			return fmt.Errorf("analyzer: define %s: %w", name, err)
		}
	}
	return nil
}
