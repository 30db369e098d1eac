// Package entity finds the people, organizations, job titles and
// locations of a Chinese news article, following the annotation rules of
// zhnews (spec/annotation.md): every person once with the titles the
// article gives them, bound to the organization each title belongs to;
// every organization once under its longest full name with its short
// forms as aliases; generic references (学校, 我校, 本院) resolved to the
// organization they mean.
//
// A [Recognizer] is built once with [New] from a word segmenter, an
// optional statistical tagger and the lexicons, and is safe for concurrent
// use. [Recognizer.Recognize] works on one article at a time.
//
// Offsets: every mention is a [start, end) pair of rune (Unicode code
// point) offsets into the article body.
package entity
