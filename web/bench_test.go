package web

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index"
	"github.com/zhnews/zhnews/relation"
)

var (
	benchOnce sync.Once
	benchIx   *index.Index
	benchErr  error
)

// benchIndex holds 2,000 invented articles: 40 schools, 60 companies, 200
// people, signings spread over 36 months.
func benchIndex(b *testing.B) *index.Index {
	benchOnce.Do(func() {
		var arts []*extract.Article
		words := []string{"签约", "合作", "研讨会", "招聘", "讲座", "实习基地", "产业学院", "揭牌", "开学典礼", "表彰"}
		for i := range 2000 {
			school := fmt.Sprintf("江城第%d师范学院", i%40)
			company := fmt.Sprintf("长江%d号科技有限公司", i%60)
			person := fmt.Sprintf("王%d明", i%200)
			body := fmt.Sprintf("%s与%s举行%s仪式，%s校长%s出席并讲话。双方将在%s、%s等方面开展合作。",
				school, company, words[i%len(words)], school, person, words[(i+3)%len(words)], words[(i+7)%len(words)])
			a := &extract.Article{
				ID: fmt.Sprintf("b%05d", i), Title: fmt.Sprintf("%s%s%s", school, words[i%len(words)], company),
				Published: fmt.Sprintf("20%02d-%02d-%02dT10:00:00+08:00", 21+i%3, i%12+1, i%28+1), Body: body,
				Source:        extract.Source{Path: fmt.Sprintf("bench/%d.html", i), SHA256: fmt.Sprintf("%064x", i)},
				People:        []entity.Person{{Name: person, Roles: []entity.Role{{Title: "校长", Org: school}}, Mentions: spans(body, person)}},
				Organizations: []entity.Organization{{Name: school, Kind: "school", Mentions: spans(body, school)}, {Name: company, Kind: "company", Mentions: spans(body, company)}},
			}
			if i%3 == 0 {
				a.Relations = []relation.Relation{{Type: relation.TypeSigning, Parties: []relation.Party{{Org: school, Representative: person}, {Org: company}}, Evidence: body}}
			} else {
				a.Relations = []relation.Relation{{Type: relation.TypeSpeech, Person: person, Role: "校长", Org: school, Evidence: body}}
			}
			arts = append(arts, a)
		}
		benchIx, benchErr = buildIndex(b.TempDir()+"/idx", arts)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchIx
}

// BenchmarkSearchFacets runs searches with facets and highlights through
// the handler, in parallel, with queries that differ (no cache) and with
// the cache of results.
func BenchmarkSearchFacets(b *testing.B) {
	ix := benchIndex(b)
	queries := []string{
		"q=" + url.QueryEscape("签约"),
		"q=" + url.QueryEscape("合作") + "&type=signing",
		"q=" + url.QueryEscape("产业学院") + "&from=2022&to=2022-06",
		"org=" + url.QueryEscape("江城第7师范学院"),
		"",
		"q=" + url.QueryEscape("研讨会 讲座") + "&sort=date&page=3",
	}
	for _, tc := range []struct {
		name  string
		cache int
	}{{"nocache", -1}, {"cache", 0}} {
		b.Run(tc.name, func(b *testing.B) {
			s, err := New(ix, Options{CacheSize: tc.cache})
			if err != nil {
				b.Fatal(err)
			}
			var n sync.Mutex
			i := 0
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					n.Lock()
					target := "/api/search?facets=10&" + queries[i%len(queries)]
					i++
					n.Unlock()
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
					if rec.Code != 200 {
						b.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
					}
				}
			})
		})
	}
}

// BenchmarkPages renders the search page and an organization's page.
func BenchmarkPages(b *testing.B) {
	s, err := New(benchIndex(b), Options{CacheSize: -1})
	if err != nil {
		b.Fatal(err)
	}
	for _, target := range []string{"/?q=" + url.QueryEscape("签约"), "/articles/b00042", "/orgs/" + url.PathEscape("江城第7师范学院")} {
		b.Run(target, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
				if rec.Code != 200 {
					b.Fatalf("%d", rec.Code)
				}
			}
		})
	}
}
