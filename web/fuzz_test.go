package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// FuzzRequests sends arbitrary query text and parameters to the search
// API, the search page and the facts API: every answer is a 2xx or a 4xx,
// never a server error or a panic.
func FuzzRequests(f *testing.F) {
	for _, s := range []string{"签约", `"人工智能学院"`, "/[/", "a~9", "<script>alert(1)</script>", "title:揭牌", "", "%", "2021-13-45"} {
		f.Add(s, "1", "2021")
	}
	s := testServer(f, Options{})
	h := s
	f.Fuzz(func(t *testing.T, text, page, from string) {
		v := url.Values{"q": {text}, "page": {page}, "from": {from}, "org": {text}}
		for _, path := range []string{"/api/search", "/", "/api/facts", "/api/orgs"} {
			req := httptest.NewRequest(http.MethodGet, path+"?"+v.Encode(), nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s?%s: status %d: %s", path, v.Encode(), rec.Code, rec.Body.String())
			}
		}
	})
}
