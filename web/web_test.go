package web

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/facts"
	"golang.org/x/net/html"
)

// get sends a request to the server and returns the response and body.
func get(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func q(s string) string { return url.QueryEscape(s) }

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, body)
	}
	return v
}

// checkHeaders checks the headers every response carries.
func checkHeaders(t *testing.T, res *http.Response) {
	t.Helper()
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP %q allows inline script", csp)
	}
	if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", got)
	}
	if res.Header.Get("Referrer-Policy") == "" {
		t.Error("no Referrer-Policy")
	}
}

func TestAPISearch(t *testing.T) {
	s := testServer(t, Options{})
	res, body := get(t, s, "GET", "/api/search?q="+q("合作协议")+"&size=5")
	if res.StatusCode != 200 {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	checkHeaders(t, res)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	r := decode[searchResponse](t, body)
	if r.Total != 2 || len(r.Hits) != 2 || r.Page != 1 || r.Size != 5 || r.Pages != 1 {
		t.Fatalf("total %d, %d hits, page %d size %d pages %d; want 2 hits on one page", r.Total, len(r.Hits), r.Page, r.Size, r.Pages)
	}
	for _, h := range r.Hits {
		if len(h.Fragments["body"]) == 0 || !strings.Contains(h.Fragments["body"][0], "<mark>") {
			t.Errorf("hit %s: no highlighted body fragment: %v", h.ID, h.Fragments)
		}
	}
	for _, f := range []string{"org", "person", "type", "month"} {
		if len(r.Facets[f]) == 0 {
			t.Errorf("no facet %s: %v", f, r.Facets)
		}
	}

	// Filters: organization by its short form, relation type, date range.
	_, body = get(t, s, "GET", "/api/search?org="+q("江师")+"&type=signing&from=2021&to=2021-12")
	r = decode[searchResponse](t, body)
	if r.Total != 1 || r.Hits[0].ID != "a2" {
		t.Errorf("org+type+date filter: %+v", r)
	}
	_, body = get(t, s, "GET", "/api/search?person="+q("陈红")+"&title="+q("校长"))
	if r = decode[searchResponse](t, body); r.Total != 1 || r.Hits[0].ID != "a3" {
		t.Errorf("person+title filter: %+v", r)
	}
	_, body = get(t, s, "GET", "/api/search?party="+q("长江软件有限公司")+"&facets=0&highlight=false")
	if r = decode[searchResponse](t, body); r.Total != 1 || r.Facets != nil || r.Hits[0].Fragments != nil {
		t.Errorf("party filter without facets and highlights: %+v", r)
	}
	// Several values of one filter: any of them (repeated or comma-separated).
	_, body = get(t, s, "GET", "/api/search?type=speech&type=appointment")
	r1 := decode[searchResponse](t, body)
	_, body = get(t, s, "GET", "/api/search?type=speech,appointment")
	r2 := decode[searchResponse](t, body)
	if r1.Total != 2 || r2.Total != 2 {
		t.Errorf("two types: %d and %d articles, want 2", r1.Total, r2.Total)
	}

	// Paging and sorting by date.
	var seen []string
	for page := 1; page <= 4; page++ {
		_, body = get(t, s, "GET", "/api/search?sort=date&size=8&page="+string(rune('0'+page)))
		r = decode[searchResponse](t, body)
		if r.Total != 29 || r.Pages != 4 {
			t.Fatalf("page %d: total %d pages %d", page, r.Total, r.Pages)
		}
		for _, h := range r.Hits {
			seen = append(seen, h.Published)
		}
	}
	if len(seen) != 29 {
		t.Fatalf("%d hits over 4 pages, want 29", len(seen))
	}
	if !slices.IsSortedFunc(seen, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("sort=date is not newest first: %v", seen)
	}
}

// The fragments of the API are escaped again: the payload comes back as
// text, with only <mark> as markup.
func TestAPISearchFragmentsEscaped(t *testing.T) {
	s := testServer(t, Options{})
	_, body := get(t, s, "GET", "/api/search?q="+q("安全"))
	r := decode[searchResponse](t, body)
	if r.Total != 1 {
		t.Fatalf("total %d", r.Total)
	}
	tag := regexp.MustCompile(`<[^>]*>`)
	for field, frags := range r.Hits[0].Fragments {
		for _, f := range frags {
			for _, m := range tag.FindAllString(f, -1) {
				if m != "<mark>" && m != "</mark>" {
					t.Errorf("fragment of %s carries markup %q: %s", field, m, f)
				}
			}
		}
	}
	if !strings.Contains(strings.Join(r.Hits[0].Fragments["body"], ""), "&lt;script&gt;window.pwned=1;") {
		t.Errorf("the payload is not in the fragment as escaped text: %v", r.Hits[0].Fragments["body"])
	}
}

func TestAPIBadInput(t *testing.T) {
	s := testServer(t, Options{})
	long := strings.Repeat("长", maxTextRunes+1)
	for _, tc := range []struct {
		target string
		status int
	}{
		{"/api/search?q=" + q("/[/"), 400},
		{"/api/search?q=" + q("a~9"), 400},
		{"/api/search?q=" + q("a:"), 400},
		{"/api/search?q=" + q("+"), 400},
		{"/api/search?q=" + q(`"unclosed`), 400},
		{"/api/search?page=0", 400},
		{"/api/search?page=x", 400},
		{"/api/search?size=0", 400},
		{"/api/search?size=1000", 400},
		{"/api/search?page=9999&size=100", 400},
		{"/api/search?sort=title", 400},
		{"/api/search?type=party", 400},
		{"/api/search?from=" + q("去年"), 400},
		{"/api/search?to=2021-13", 400},
		{"/api/search?facets=x", 400},
		{"/api/search?facets=1000", 400},
		{"/api/search?highlight=ansi", 400},
		{"/api/search?q=" + long, 400},
		{"/api/search?q=%ff%fe", 400},
		{"/api/search?org=" + many(21), 400},
		{"/api/search?q=" + strings.Repeat("a", maxQueryBytes), 414},
		{"/api/orgs?n=0", 400},
		{"/api/orgs?n=abc", 400},
		{"/api/people?n=100000", 400},
		{"/api/people?prefix=" + long, 400},
		{"/api/facts?limit=0", 400},
		{"/api/facts?format=xml", 400},
		{"/api/facts?from=yesterday", 400},
		{"/api/facts?q=" + q("body:"), 400},
		{"/api/facts?type=meeting", 400},
		{"/api/articles/nope", 404},
		{"/api/articles/" + url.PathEscape("../../etc/passwd"), 404},
		{"/api/articles/", 404},
		{"/api/articles/a1/more", 404},
		{"/api/nothing", 404},
		{"/api/", 404},
	} {
		res, body := get(t, s, "GET", tc.target)
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d (%s)", tc.target, res.StatusCode, tc.status, body)
			continue
		}
		checkHeaders(t, res)
		e := decode[apiError](t, body)
		if e.Error == "" {
			t.Errorf("%s: no error message: %s", tc.target, body)
		}
	}
}

// many is a list of n different values.
func many(n int) string {
	var out []string
	for i := range n {
		out = append(out, "机构"+strconv.Itoa(i))
	}
	return q(strings.Join(out, ","))
}

func TestAPIMethods(t *testing.T) {
	s := testServer(t, Options{})
	for _, target := range []string{"/api/search", "/api/articles/a1", "/api/orgs", "/api/people", "/api/facts", "/api/health", "/api/nothing"} {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
			res, body := get(t, s, m, target)
			if res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: status %d, Allow %q", m, target, res.StatusCode, res.Header.Get("Allow"))
			}
			if decode[apiError](t, body).Error == "" {
				t.Errorf("%s %s: no JSON error", m, target)
			}
		}
		if res, _ := get(t, s, "HEAD", target); res.StatusCode == 405 {
			t.Errorf("HEAD %s: 405", target)
		}
	}
	for _, target := range []string{"/", "/articles/a1", "/static/app.css"} {
		if res, _ := get(t, s, "POST", target); res.StatusCode != 405 {
			t.Errorf("POST %s: status %d", target, res.StatusCode)
		}
	}
}

func TestAPIArticle(t *testing.T) {
	s := testServer(t, Options{})
	for _, want := range testArticles() {
		res, body := get(t, s, "GET", "/api/articles/"+url.PathEscape(want.ID))
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", want.ID, res.StatusCode, body)
		}
		got := decode[extract.Article](t, body)
		if diff := cmp.Diff(want, &got, cmp.AllowUnexported(extract.Article{}), cmp.FilterPath(func(p cmp.Path) bool {
			return p.String() == "Parts"
		}, cmp.Ignore())); diff != "" {
			t.Errorf("%s: the article differs from what was indexed (-want +got):\n%s", want.ID, diff)
		}
	}
	// The JSON is that of the contract: the fields by their contract names.
	_, body := get(t, s, "GET", "/api/articles/a1")
	var raw map[string]any
	_ = json.Unmarshal([]byte(body), &raw)
	for _, k := range []string{"id", "source", "title", "published", "body", "people", "organizations", "dates", "relations"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("no %q in %s", k, body)
		}
	}
	res, body := get(t, s, "GET", "/api/articles/missing")
	if res.StatusCode != 404 || !strings.Contains(decode[apiError](t, body).Error, "missing") {
		t.Errorf("unknown id: %d %s", res.StatusCode, body)
	}
}

func TestAPITerms(t *testing.T) {
	s := testServer(t, Options{})
	_, body := get(t, s, "GET", "/api/orgs?n=2")
	r := decode[termsResponse](t, body)
	want := []term{{"江城师范学院", 29}}
	if len(r.Items) != 2 || r.Items[0] != want[0] || r.Items[1].Count != 1 {
		t.Errorf("/api/orgs?n=2: %+v", r.Items)
	}
	_, body = get(t, s, "GET", "/api/orgs?prefix="+q("江城市"))
	if r = decode[termsResponse](t, body); len(r.Items) != 1 || r.Items[0] != (term{"江城市第一中学", 1}) || r.Prefix != "江城市" {
		t.Errorf("prefix: %+v", r)
	}
	_, body = get(t, s, "GET", "/api/people")
	r = decode[termsResponse](t, body)
	if len(r.Items) != 4 || r.Items[0] != (term{"陈红", 2}) {
		t.Errorf("/api/people: %+v", r.Items)
	}
	_, body = get(t, s, "GET", "/api/people?prefix="+q("无人"))
	if r = decode[termsResponse](t, body); r.Items == nil || len(r.Items) != 0 {
		t.Errorf("no match: %s", body)
	}
}

func TestAPIFacts(t *testing.T) {
	s := testServer(t, Options{})
	type factsBody struct {
		Rows      []facts.Row `json:"rows"`
		Truncated bool        `json:"truncated"`
	}
	res, body := get(t, s, "GET", "/api/facts")
	checkHeaders(t, res)
	all := decode[factsBody](t, body)
	// a1: 2 signing rows; a2: 2 signing rows and a speech; a3: an
	// appointment; x1: 2 signing rows.
	if len(all.Rows) != 8 || all.Truncated {
		t.Fatalf("%d rows (truncated %v), want 8", len(all.Rows), all.Truncated)
	}
	for _, tc := range []struct {
		query string
		rows  int
	}{
		{"type=signing", 6},
		{"type=appointment", 1},
		{"type=speech,appointment", 2},
		{"party=" + q("江城师范学院"), 4},
		{"org=" + q("江师") + "&type=signing", 3},
		{"org=" + q("长江软件有限公司"), 1},
		{"person=" + q("陈红"), 2},
		{"person=" + q("王建国"), 1},
		{"title=" + q("校长"), 2},
		{"from=2021&to=2021", 3},
		{"from=2022", 3},
		// The signing of a1 is dated 2019-03-05, the article 2019-03-06.
		{"from=2019-03-05&to=2019-03-05", 2},
		{"from=2019-03-06&to=2019-03-06", 0},
		{"q=" + q("人工智能"), 2},
		{"limit=3", 3},
	} {
		_, body := get(t, s, "GET", "/api/facts?"+tc.query)
		got := decode[factsBody](t, body)
		if len(got.Rows) != tc.rows {
			t.Errorf("%s: %d rows, want %d: %+v", tc.query, len(got.Rows), tc.rows, got.Rows)
		}
		if got.Truncated != (tc.query == "limit=3") {
			t.Errorf("%s: truncated %v", tc.query, got.Truncated)
		}
	}

	res, body = get(t, s, "GET", "/api/facts?format=csv&type=signing")
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("csv Content-Type %q", ct)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 7 || !slices.Equal(recs[0], facts.Header) {
		t.Errorf("csv: %d records, header %v", len(recs), recs[0])
	}
	_, body = get(t, s, "GET", "/api/facts?format=csv&person="+q("无人"))
	if recs, _ := csv.NewReader(strings.NewReader(body)).ReadAll(); len(recs) != 1 {
		t.Errorf("empty csv: %q", body)
	}
}

func TestAPIHealth(t *testing.T) {
	s := testServer(t, Options{})
	res, body := get(t, s, "GET", "/api/health")
	h := decode[map[string]any](t, body)
	if res.StatusCode != 200 || h["status"] != "ok" || h["articles"] != float64(29) {
		t.Errorf("health: %d %s", res.StatusCode, body)
	}
}

// A request that takes longer than the limit is cut short with 503.
func TestTimeout(t *testing.T) {
	s := testServer(t, Options{Timeout: time.Nanosecond, CacheSize: -1})
	res, body := get(t, s, "GET", "/api/search?q="+q("协议"))
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status %d: %s", res.StatusCode, body)
	}
}

func TestStatic(t *testing.T) {
	s := testServer(t, Options{})
	for _, tc := range []struct {
		path   string
		status int
		ctype  string
	}{
		{"/static/app.css", 200, "text/css"},
		{"/static/app.js", 200, "text/javascript"},
		{"/static/icon.svg", 200, "image/svg+xml"},
		{"/static/../web.go", 307, ""}, // cleaned by the router: /web.go, no file
		{"/web.go", 404, ""},
		{"/robots.txt", 200, "text/plain"},
		{"/static/", 404, ""},
		{"/static/nothing.js", 404, ""},
		{"/static/%2e%2e%2fserver.go", 404, ""},
		{"/static/..%2fserver.go", 404, ""},
		{"/static/templates/layout.html", 404, ""},
		{"/static/static/app.css", 404, ""},
		{"/server.go", 404, ""},
		{"/templates/layout.html", 404, ""},
		{"/etc/passwd", 404, ""},
	} {
		res, body := get(t, s, "GET", tc.path)
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, res.StatusCode, tc.status)
		}
		checkHeaders(t, res)
		if tc.status == 200 {
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("%s: Content-Type %q", tc.path, ct)
			}
			if len(body) == 0 {
				t.Errorf("%s: empty", tc.path)
			}
		}
	}
}

// scriptTags are the <script> elements of a page: only the app's own.
var scriptTag = regexp.MustCompile(`(?i)<script[^>]*>`)

// checkPage checks a page is HTML with the app's script only, carries the
// payloads as escaped text only, and has no inline event handler or style.
func checkPage(t *testing.T, target, body string) {
	t.Helper()
	if tags := scriptTag.FindAllString(body, -1); len(tags) != 1 || !strings.Contains(tags[0], `src="/static/app.js?v=`) {
		t.Errorf("%s: script tags %q", target, tags)
	}
	for _, bad := range []string{alertScript, alertImg, scriptPayload, imgPayload, "<img", "<b>", "<i>", " style=", "javascript:"} {
		if strings.Contains(body, bad) {
			t.Errorf("%s: the page carries %q unescaped", target, bad)
		}
	}
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "img", "iframe", "object", "embed", "b", "i", "base":
			t.Errorf("%s: a <%s> element in the page", target, n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "style" || a.Key == "srcdoc" {
				t.Errorf("%s: <%s %s=%q>", target, n.Data, a.Key, a.Val)
			}
		}
	}
}

func TestPages(t *testing.T) {
	s := testServer(t, Options{})
	for _, tc := range []struct {
		target string
		status int
		want   []string
	}{
		{"/", 200, []string{"找到 <strong>29</strong> 篇", "江城师范学院", "关系类型", "月份", "签约", "下一页"}},
		{"/?q=" + q("合作协议"), 200, []string{"找到 <strong>2</strong> 篇", "<mark>", "长江软件签署校企"}},
		{"/?q=" + q("安全"), 200, []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"}},
		{"/?org=" + q("江师") + "&type=signing", 200, []string{"机构：江师", "关系：签约", "找到 <strong>3</strong> 篇"}},
		{"/?sort=date&page=2", 200, []string{"上一页", "第 11–20 篇"}},
		{"/?q=" + q("title:"), 400, []string{"bad query"}},
		{"/?page=0", 400, []string{"page=0"}},
		{"/articles/a1", 200, []string{`<mark class="person"`, `<mark class="org"`, `<mark class="title"`, `<mark class="date"`, "校企合作协议", "王建国", "/orgs/%E6%B1%9F%E5%9F%8E%E5%B8%88%E8%8C%83%E5%AD%A6%E9%99%A2"}},
		{"/articles/x1", 200, []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&lt;i&gt;张三&lt;/i&gt;", "&amp;lt;不要&amp;gt;"}},
		{"/articles/missing", 404, []string{"没有这篇文章"}},
		{"/orgs/" + url.PathEscape("江城师范学院"), 200, []string{"江师", "王建国", "陈红", "长江软件有限公司", "江城市第一中学", "2019-03-05", "2021-07-06", "2024-01-02", "校企合作协议", "<svg"}},
		{"/orgs/" + url.PathEscape("江师"), 200, []string{"江城师范学院", "陈红"}},
		{"/orgs/" + url.PathEscape("恶意<b>机构</b>"+alertImg), 200, []string{"恶意&lt;b&gt;机构&lt;/b&gt;&lt;img src=x onerror=alert(1)&gt;", "安全&lt;script&gt;alert(1)&lt;/script&gt;协议"}},
		{"/orgs/" + url.PathEscape("无此机构"), 404, []string{"无此机构"}},
		{"/people/" + url.PathEscape("陈红"), 200, []string{"副校长", "校长", "江城师范学院", "任命", "讲话", "我校与江城一中签订基础教育合作协议"}},
		{"/people/" + url.PathEscape("王建国"), 200, []string{"校企合作协议", "长江软件有限公司"}},
		{"/people/" + url.PathEscape("<i>张三</i>"), 200, []string{"&lt;i&gt;张三&lt;/i&gt;", "评论员"}},
		{"/people/" + url.PathEscape("无名氏"), 404, nil},
		{"/nothing", 404, []string{"没有这个页面"}},
		{"/articles/", 404, nil},
	} {
		res, body := get(t, s, "GET", tc.target)
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.target, res.StatusCode, tc.status)
		}
		checkHeaders(t, res)
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") && !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("%s: Content-Type %q", tc.target, ct)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %q in the page", tc.target, w)
			}
		}
		if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			checkPage(t, tc.target, body)
		}
	}
}

// The timeline of an organization lists its agreements oldest first.
func TestOrgTimeline(t *testing.T) {
	s := testServer(t, Options{})
	_, body := get(t, s, "GET", "/orgs/"+url.PathEscape("江城师范学院"))
	i1, i2, i3 := strings.Index(body, "2019-03-05"), strings.Index(body, "2021-07-06"), strings.Index(body, "2024-01-02")
	if i1 < 0 || !(i1 < i2 && i2 < i3) {
		t.Errorf("agreements not in date order: %d %d %d", i1, i2, i3)
	}
}

func TestAccessLog(t *testing.T) {
	var b strings.Builder
	s := testServer(t, Options{AccessLog: newTestLogger(&b)})
	get(t, s, "GET", "/api/search?q="+q("协议"))
	get(t, s, "POST", "/api/health")
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 || !regexp.MustCompile(`^GET "/api/search\?q=\S+" 200 \d+B \S+$`).MatchString(lines[0]) ||
		!strings.HasPrefix(lines[1], `POST "/api/health" 405 `) {
		t.Errorf("access log:\n%s", b.String())
	}
}

// Every endpoint of the API is described in api/openapi.yaml.
func TestOpenAPIDescribesRoutes(t *testing.T) {
	b, err := os.ReadFile("../api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/api/search:", "/api/articles/{id}:", "/api/orgs:", "/api/people:", "/api/facts:", "/api/health:"} {
		if !strings.Contains(string(b), "\n  "+p+"\n") {
			t.Errorf("api/openapi.yaml does not describe %s", p)
		}
	}
}
