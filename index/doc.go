// Package index stores extracted articles in a bleve index
// (github.com/blevesearch/bleve/v2) and searches them: full text with
// Chinese-aware analysis (package index/analyzer: gse words and their
// dictionary sub-words, traditional and full-width forms folded), filters
// and facets on the entities and relations (organizations and their short
// forms, people, titles, relation types, signing parties, months), date
// ranges, highlighting and ranking with the title boosted.
//
// An index is a directory. [Open] creates it or opens it; one process
// writes at a time (bleve holds a lock). [Index.Put] writes a batch of
// articles at once: when it returns the batch is on disk, so a process
// killed at any moment leaves an index that opens with every batch that
// was written before, and nothing twice (documents are keyed by the
// article id). Every input's SHA-256 is recorded in the same batch,
// articles and non-article pages alike (as terms of the article's document,
// or as a small document of its own), so that a run over the same inputs
// skips what is done ([Index.Seen]) and an input whose bytes changed
// replaces the article it gave before.
//
// The article itself is stored compressed, as the JSON of the output
// contract (see stored.go): [Index.Get] and [Index.Each] give back exactly
// what extraction produced.
//
// An index opened read-only (a server) reads the facet values and publish
// dates of its articles into memory at its first search ([Index.LoadFacets]
// to do it earlier) and counts facets and checks date ranges there, several
// times faster than from the index files; the counts are the same.
//
// An Index is safe for concurrent use.
package index
