// Package extract turns one news page (HTML or plain text) into an
// [Article]: headline, publish date, publisher, byline, view count and the
// clean body text, following the output contract of zhnews.
//
// An [Extractor] is built once with [New] and is safe for concurrent use by
// multiple goroutines; all per-document state lives in a call to
// [Extractor.Extract]. The package does no I/O of its own: callers pass text
// already decoded to UTF-8 (package corpus reads files and archives and
// detects encodings).
//
// Pages that are not articles (list pages, home pages, search pages, column
// info pages, pages whose body is only an embedded file) are reported with an
// error that wraps [ErrNotArticle] and says why.
//
// Articles split over several pages (第1页 … 下一页, name_2.htm) are joined by
// [JoinPages] once all their pages have been extracted.
package extract
