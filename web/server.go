package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/zhnews/zhnews/index"
)

// Options configures a Server.
type Options struct {
	// Timeout bounds the work of one request (its context); 0 means 10s.
	Timeout time.Duration
	// AccessLog receives one line per request (method, path, status,
	// bytes, duration); nil for none.
	AccessLog *log.Logger
	// ErrorLog receives the errors answered with status 500 (a panic, a
	// page that failed, an index that cannot be read); nil for none.
	ErrorLog *log.Logger
	// CacheSize is the number of search results kept (the index does not
	// change while it is served); 0 means 2048, negative none.
	CacheSize int
	// MaxScan bounds the articles read to build an organization's or a
	// person's page; 0 means 3000.
	MaxScan int
}

// Limits of requests.
const (
	maxQueryBytes = 4096    // the raw query string of a request
	maxBodyBytes  = 1 << 10 // request bodies (no endpoint reads one)
	maxTextRunes  = 500     // a search text or a filter value
	maxPageSize   = 100     // hits per page
	maxTerms      = 1000    // values of /api/orgs and /api/people
	maxFacets     = 100     // values per facet
	maxFactRows   = 100000  // rows of /api/facts
)

// ContentSecurityPolicy is sent with every response: no inline script, no
// plugins, no framing, nothing from other origins.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// Server serves one index.
type Server struct {
	ix      *index.Index
	opts    Options
	mux     *http.ServeMux
	pages   map[string]*template.Template
	cache   *cache
	started time.Time
	// work admits the index reads that run at once: more would only
	// share the cores and stretch every one, while those admitted in
	// turn (a channel's senders queue in order) finish soonest.
	work chan struct{}

	termsMu sync.Mutex
	termsOf map[string][]index.FacetValue // allTerms by field
}

// New returns a Server of ix. The index must stay open while the server
// runs; the server only reads it.
func New(ix *index.Index, opts Options) (*Server, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.MaxScan <= 0 {
		opts.MaxScan = 3000
	}
	size := opts.CacheSize
	if size == 0 {
		size = 2048
	}
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{ix: ix, opts: opts, mux: http.NewServeMux(), pages: t, cache: newCache(size), started: time.Now(), termsOf: map[string][]index.FacetValue{},
		work: make(chan struct{}, runtime.GOMAXPROCS(0))}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	api := map[string]http.HandlerFunc{
		"/api/search":        s.apiSearch,
		"/api/articles/{id}": s.apiArticle,
		"/api/orgs":          s.apiTerms(index.FieldOrg),
		"/api/people":        s.apiTerms(index.FieldPerson),
		"/api/facts":         s.apiFacts,
		"/api/health":        s.apiHealth,
	}
	for p, h := range api {
		s.mux.Handle(p, getOnly(h, true))
	}
	s.mux.Handle("/api/", getOnly(func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	}, true))
	pages := map[string]http.HandlerFunc{
		"/{$}":           s.pageSearch,
		"/articles/{id}": s.pageArticle,
		"/orgs/{name}":   s.pageOrg,
		"/people/{name}": s.pagePerson,
		"/static/{file}": serveStatic,
		"/robots.txt":    serveStatic,
		"/":              s.pageNotFound,
	}
	for p, h := range pages {
		s.mux.Handle(p, getOnly(h, false))
	}
}

// ServeHTTP serves a request: security headers, limits, a deadline and
// the access log around the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	h := rec.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	defer func() {
		if s.opts.AccessLog != nil {
			s.opts.AccessLog.Printf("%s %q %d %dB %s", r.Method, r.URL.RequestURI(), rec.status, rec.bytes, time.Since(start).Round(time.Microsecond))
		}
	}()
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.logf("panic serving %s: %v", r.URL.Path, v)
			if !rec.wrote {
				jsonError(rec, http.StatusInternalServerError, "internal error")
			}
		}
	}()
	if len(r.URL.RawQuery) > maxQueryBytes {
		fail(rec, r, http.StatusRequestURITooLong, "the query string is too long")
		return
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(rec, r.Body, maxBodyBytes)
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	s.mux.ServeHTTP(rec, r.WithContext(ctx))
}

// logf writes to the error log, if there is one.
func (s *Server) logf(format string, args ...any) {
	if s.opts.ErrorLog != nil {
		s.opts.ErrorLog.Printf(format, args...)
	}
}

// admit waits for a turn to read the index (or for ctx to end); the
// returned function ends the turn.
func (s *Server) admit(ctx context.Context) (func(), error) {
	select {
	case s.work <- struct{}{}:
		return func() { <-s.work }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// recorder notes the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// getOnly lets GET and HEAD through and answers 405 to other methods.
func getOnly(h http.HandlerFunc, api bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			if api {
				jsonError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed (the API is read-only: GET)")
			} else {
				http.Error(w, "405 不支持的请求方法", http.StatusMethodNotAllowed)
			}
			return
		}
		h(w, r)
	})
}

// fail answers an error: JSON under /api/, text elsewhere.
func fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		jsonError(w, status, msg)
		return
	}
	http.Error(w, fmt.Sprintf("%d %s", status, msg), status)
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
}

func jsonError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"cannot encode the response"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// statusOf maps an error of the index to a status and a message; an
// internal error goes to the error log.
func (s *Server) statusOf(ctx context.Context, err error) (int, string) {
	switch {
	case errors.Is(err, index.ErrQuery), errors.Is(err, errParam):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, index.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil:
		return http.StatusServiceUnavailable, "the request took too long"
	}
	s.logf("%v", err)
	return http.StatusInternalServerError, "internal error"
}
