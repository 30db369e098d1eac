// Package lexicon holds the word lists zhnews uses to find people,
// organizations, job titles and places in Chinese school news: job titles
// (with compound prefixes such as 党委, 专职, 三级), organization head words
// with their kind, surnames, place names, generic references (我校, 双方)
// and words that look like names but are not people.
//
// The lists are plain text files embedded in the binary (see README.md for
// their format and origin). Each list is parsed the first time it is used
// and then shared read-only, so every function and method of this package
// is safe for concurrent use by multiple goroutines. Nothing is loaded at
// program start.
//
// Simplified entries also match their traditional forms: the loader
// converts each entry character by character with a small built-in table,
// and Taiwan and Hong Kong usages that conversion cannot produce (學務長,
// 執行長, 臺北) are listed as written.
//
// Offsets: functions that scan text take a string and a byte offset i into
// it and return a length in bytes, so s[i:i+n] is the match. Callers that
// report rune offsets convert at their edge.
//
// A user lexicon ([ParseUser]) adds a school's own organizations, people,
// titles and places; [New] combines it with the built-in lists into a
// [Lexicon] that answers the same questions over both.
package lexicon
