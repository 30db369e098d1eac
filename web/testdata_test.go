package web

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index"
	"github.com/zhnews/zhnews/relation"
	"github.com/zhnews/zhnews/timex"
)

// The payloads an attacker could put in a page: they must show as text
// and never run.
const (
	scriptPayload = `<script>window.pwned=1;document.title="pwned"</script>`
	imgPayload    = `<img src=x onerror="window.pwned=2;document.title='pwned'">`
	alertScript   = `<script>alert(1)</script>`
	alertImg      = `<img src=x onerror=alert(1)>`
)

// spans returns the rune offsets of every occurrence of s in body.
func spans(body, s string) []entity.Span {
	var out []entity.Span
	from := 0
	for {
		i := strings.Index(body[from:], s)
		if i < 0 {
			return out
		}
		start := utf8.RuneCountInString(body[:from+i])
		out = append(out, entity.Span{start, start + utf8.RuneCountInString(s)})
		from += i + len(s)
	}
}

func pairs(ss []entity.Span) [][2]int {
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int(s)
	}
	return out
}

// testArticles are invented articles: signings of 江城师范学院 over three
// years, an appointment, and a page carrying script and HTML injection in
// its title, body, and the names read from it.
func testArticles() []*extract.Article {
	var out []*extract.Article
	add := func(id, title, published, body string, people []entity.Person, orgs []entity.Organization, rels []relation.Relation, dates []timex.Date) {
		for i := range people {
			people[i].Mentions = spans(body, people[i].Name)
		}
		for i := range orgs {
			orgs[i].Mentions = spans(body, orgs[i].Name)
			for _, al := range orgs[i].Aliases {
				orgs[i].Mentions = append(orgs[i].Mentions, spans(body, al)...)
			}
		}
		for i := range dates {
			dates[i].Mentions = pairs(spans(body, dates[i].Text))
		}
		for i := range rels {
			rels[i].Mentions = pairs(spans(body, rels[i].Evidence))
		}
		out = append(out, &extract.Article{
			ID: id, Title: title, Published: published, Publisher: "党委宣传部", Body: body,
			Source:        extract.Source{Path: "test/" + id + ".html", URL: "https://news.example.edu.cn/" + id + ".htm", SHA256: fmt.Sprintf("%064x", len(out)+1)},
			People:        people,
			Organizations: orgs,
			Relations:     rels,
			Dates:         dates,
		})
	}
	school := func() entity.Organization {
		return entity.Organization{Name: "江城师范学院", Aliases: []string{"江师"}, Kind: entity.KindSchool}
	}
	body1 := "2019年3月5日，江城师范学院与长江软件有限公司签署校企合作协议，共建人工智能学院。江城师范学院校长王建国、长江软件有限公司总经理李明代表双方签字。"
	add("a1", "江城师范学院与长江软件签署校企合作协议", "2019-03-06T10:00:00+08:00", body1,
		[]entity.Person{
			{Name: "王建国", Roles: []entity.Role{{Title: "校长", Org: "江城师范学院"}}},
			{Name: "李明", Roles: []entity.Role{{Title: "总经理", Org: "长江软件有限公司"}}},
		},
		[]entity.Organization{school(), {Name: "长江软件有限公司", Kind: entity.KindCompany}},
		[]relation.Relation{{Type: relation.TypeSigning, Parties: []relation.Party{{Org: "江城师范学院", Representative: "王建国"}, {Org: "长江软件有限公司", Representative: "李明"}},
			Agreement: "校企合作协议", Subject: "共建人工智能学院", Date: "2019-03-05", Status: relation.StatusSigned,
			Evidence: "江城师范学院与长江软件有限公司签署校企合作协议，共建人工智能学院。"}},
		[]timex.Date{{Text: "2019年3月5日", Value: "2019-03-05", Grain: "day"}})
	body2 := "2021年7月6日，江师与江城市第一中学签订基础教育合作协议。江城师范学院副校长陈红出席签约仪式并讲话。"
	add("a2", "我校与江城一中签订基础教育合作协议", "2021-07-06T16:30:00+08:00", body2,
		[]entity.Person{{Name: "陈红", Roles: []entity.Role{{Title: "副校长", Org: "江城师范学院"}}}},
		[]entity.Organization{school(), {Name: "江城市第一中学", Kind: entity.KindSchool}},
		[]relation.Relation{
			{Type: relation.TypeSigning, Parties: []relation.Party{{Org: "江城师范学院"}, {Org: "江城市第一中学"}},
				Agreement: "基础教育合作协议", Date: "2021-07-06", Status: relation.StatusSigned,
				Evidence: "2021年7月6日，江师与江城市第一中学签订基础教育合作协议。"},
			{Type: relation.TypeSpeech, Person: "陈红", Role: "副校长", Org: "江城师范学院", Date: "2021-07-06",
				Evidence: "江城师范学院副校长陈红出席签约仪式并讲话。"},
		},
		[]timex.Date{{Text: "2021年7月6日", Value: "2021-07-06", Grain: "day"}})
	body3 := "江城师范学院召开干部大会，宣布陈红任江城师范学院校长。"
	add("a3", "江城师范学院召开干部大会", "2023-09-01T09:00:00+08:00", body3,
		[]entity.Person{{Name: "陈红", Roles: []entity.Role{{Title: "校长", Org: "江城师范学院"}}}},
		[]entity.Organization{school()},
		[]relation.Relation{{Type: relation.TypeAppointment, Person: "陈红", Role: "校长", Org: "江城师范学院", Date: "2023-09-01",
			Evidence: "江城师范学院召开干部大会，宣布陈红任江城师范学院校长。"}},
		nil)
	evil := "恶意<b>机构</b>" + alertImg
	body4 := "注意：" + alertScript + alertImg + scriptPayload + imgPayload + "江城师范学院与" + evil + "签署安全协议。" +
		"评论员<i>张三</i>说：&lt;不要&gt; & \"引号\" '单引号'。"
	add("x1", "安全测试"+alertScript+alertImg+scriptPayload+imgPayload, "2024-01-02T08:00:00+08:00", body4,
		[]entity.Person{{Name: "<i>张三</i>", Roles: []entity.Role{{Title: "评论员"}}}},
		[]entity.Organization{school(), {Name: evil, Kind: entity.KindOther}},
		[]relation.Relation{{Type: relation.TypeSigning, Parties: []relation.Party{{Org: "江城师范学院"}, {Org: evil, Representative: "<i>张三</i>"}},
			Agreement: "安全" + alertScript + "协议", Date: "2024-01-02", Status: relation.StatusPlanned,
			Evidence: "江城师范学院与" + evil + "签署安全协议。"}},
		nil)
	// Filler: more articles to page through.
	for i := 0; i < 25; i++ {
		body := fmt.Sprintf("江城师范学院第%d期教学研讨会举行，青年教师交流课堂教学经验。", i+1)
		add(fmt.Sprintf("f%02d", i), fmt.Sprintf("第%d期教学研讨会举行", i+1), fmt.Sprintf("2022-%02d-%02dT10:00:00+08:00", i%12+1, i%28+1), body,
			nil, []entity.Organization{school()}, nil, nil)
	}
	return out
}

var (
	fixtureOnce sync.Once
	fixtureIx   *index.Index
	fixtureErr  error
	fixtureDir  string
)

// testIndex is the index of testArticles, built once for the package's
// tests in a temporary directory removed by TestMain.
func testIndex(t testing.TB) *index.Index {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "zhnews-web-test-")
		if fixtureErr != nil {
			return
		}
		fixtureIx, fixtureErr = buildIndex(fixtureDir+"/idx", testArticles())
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureIx
}

func buildIndex(dir string, arts []*extract.Article) (*index.Index, error) {
	ix, err := index.Open(dir, index.Options{})
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(arts); i += 500 {
		if err := ix.Put(context.Background(), index.Batch{Articles: arts[i:min(i+500, len(arts))]}); err != nil {
			ix.Close()
			return nil, err
		}
	}
	return ix, nil
}

func TestMain(m *testing.M) {
	log.SetOutput(os.Stderr)
	code := m.Run()
	if fixtureIx != nil {
		fixtureIx.Close()
	}
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// testServer returns a Server of the test index.
func testServer(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := New(testIndex(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
