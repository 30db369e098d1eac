// Package web serves an index over HTTP: a JSON API for scripts
// (/api/search, /api/articles/{id}, /api/orgs, /api/people, /api/facts,
// /api/health; described in api/openapi.yaml) and server-rendered pages
// for people (search with facets, articles with their entities marked,
// organizations, people).
//
// Everything an article holds is untrusted text from the web: pages are
// rendered by html/template only, the highlighted fragments of the index
// are taken apart and escaped again, the marked body is built from escaped
// segments, and every response carries a Content-Security-Policy that
// forbids inline script. Static files come from the assets embedded in the
// binary only. The server reads the index and never writes it.
//
// [New] returns the handler; the command "zhnews serve" runs it with
// time and size limits and graceful shutdown.
package web
