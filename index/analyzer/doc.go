// Package analyzer is the Chinese text analysis of the zhnews search index,
// for github.com/blevesearch/bleve/v2.
//
// Importing the package registers, in bleve's global registry:
//
//   - the tokenizer type [TokenizerName] ("zhnews_gse"): words of the gse
//     segmenter (package seg), with the dictionary words inside the longer
//     ones (北京大学 gives 北京大学, 北京 and 大学; 待处理 gives 待处理 and
//     处理), never single characters as sub-words, so that 王伟 is not
//     found in a text that has 王 and 伟 apart. Config keys: [WordsKey]
//     ("words", dictionary words as "word<TAB>pos"), or [LexiconKey]
//     ("lexicon", the path of a user lexicon file, see
//     [lexicon.ParseUser]) whose organizations (names and aliases) and
//     people become dictionary words, folded as the text is (a traditional
//     name is a word in both scripts); [SubwordsKey] ("subwords", a bool,
//     true by default).
//   - the token filter type [FoldName] ("zhnews_fold"): full-width to
//     half-width, lower case, traditional to simplified, on the term only.
//   - the analyzers [Name] ("zhnews", for indexing: tokenizer with
//     sub-words + fold) and [QueryName] ("zhnews_query", for query text:
//     the same without sub-words). Both take the config keys "words" and
//     "lexicon".
//
// Registration does no work: nothing is loaded until an index mapping
// first asks for one of them. Use [AddTo] to put the analyzers with a user
// lexicon into a mapping; the mapping stores the lexicon's words, and an
// index opened later rebuilds the analyzers from them (the file is no
// longer needed).
//
// # Tokens
//
// Every token has byte offsets into the analyzed text (text[Start:End] is
// the token's original bytes, before folding) and a 1-based Position that
// counts the words of the segmenter; a sub-word has the Position of the
// word it is inside, so a phrase of several words matches whether the
// document's words or their sub-words are looked up. Punctuation, symbols
// and spaces give no tokens and take no positions. Han, kana and hangul
// words are [analysis.Ideographic], other words (Latin letters, digits)
// [analysis.AlphaNumeric].
//
// Traditional and full-width text is segmented as if simplified and
// half-width (the dictionary is a simplified one): the tokenizer segments a
// folded copy, rune for rune, and maps the offsets back to the original
// bytes by rune index, since a folded rune may have another UTF-8 length.
// Each byte of invalid UTF-8 is read as a U+FFFD and gives no token.
//
// # Queries
//
// Analyzed with [Name], query text 北京大学 gives 北京大学, 北京 and 大学 at
// one position, as alternatives: a match query also finds documents with
// 北京 alone, and a phrase query 人工智能学院 also finds 智能学院. Give
// query text [QueryName] (the Analyzer field of bleve's match and
// match-phrase queries) to look up only the words of the query: 北京 still
// finds 北京大学, through the indexed sub-word, and 人工智能学院 finds only
// itself.
//
// A sub-word stands at the position of its word, so a phrase may start
// inside a word (大学代表团 in 北京大学代表团, right) or skip the rest of one
// (北京代表团 matches 北京大学代表团, wrong). Bleve's highlighter merges
// overlapping locations imperfectly: a query analyzed with [Name] into a
// word and its sub-words may mark a word as two adjacent marks; with
// [QueryName] marks are whole.
//
// # Memory and concurrency
//
// The segmenter's dictionary takes about 1.5 s and 140 MB to load. It is
// loaded once per process and per set of lexicon words (a process-wide
// cache, keyed by the words, not the path: an edited lexicon file gives a
// new segmenter at the next index open, and the old one stays in memory),
// and shared read-only by every tokenizer, analyzer and index of the
// process. Tokenizers and filters hold no mutable state and are safe for
// concurrent use.
package analyzer
