package index

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/relation"
)

// article builds an invented article.
func article(id, title, published, body string, orgs []string, people []string, types ...string) *extract.Article {
	a := &extract.Article{ID: id, Title: title, Published: published, Body: body,
		Source: extract.Source{Path: "pages/" + id + ".html", SHA256: "sha-" + id, Encoding: "utf-8"}}
	for _, o := range orgs {
		name, alias, _ := strings.Cut(o, "|")
		org := entity.Organization{Name: name, Kind: entity.KindSchool}
		if alias != "" {
			org.Aliases = []string{alias}
		}
		a.Organizations = append(a.Organizations, org)
	}
	for _, p := range people {
		a.People = append(a.People, entity.Person{Name: p, Roles: []entity.Role{{Title: "校长", Org: orgs[0]}}})
	}
	for _, t := range types {
		r := relation.Relation{Type: t, Evidence: body}
		if t == relation.TypeSigning && len(orgs) > 1 {
			r.Parties = []relation.Party{{Org: strings.Split(orgs[0], "|")[0]}, {Org: strings.Split(orgs[1], "|")[0]}}
		}
		a.Relations = append(a.Relations, r)
	}
	return a
}

func testArticles() []*extract.Article {
	return []*extract.Article{
		article("a1", "江城职业技术学院与华拓公司签署校企合作协议", "2021-06-24",
			"6月24日，江城职业技术学院与华拓智能科技有限公司签署校企合作协议，共建人工智能学院。人工智能学院是双方合作的重点，人工智能学院将于九月招生。",
			[]string{"江城职业技术学院|江职", "华拓智能科技有限公司|华拓"}, []string{"孙立平"}, "signing", "speech"),
		article("a2", "北京大学代表团来访", "2021-07-02",
			"北京大学代表团一行来校交流，双方就待处理事项进行了沟通。王伟副校长主持座谈。",
			[]string{"北京大学"}, []string{"王伟"}, "attendance"),
		article("a3", "學院舉行產學合作簽約儀式", "2022-03-15",
			"國立北嶺科技大學與鼎昇精密工業股份有限公司簽署產學合作備忘錄，學院師生出席。",
			[]string{"國立北嶺科技大學", "鼎昇精密工業股份有限公司"}, []string{"林聖哲"}, "signing"),
		article("a4", "江城职业技术学院召开教学工作会议", "2022-09-01",
			"江城职业技术学院召开本科教学工作会议，王一伟、张三出席。会议研究了处理方案。",
			[]string{"江城职业技术学院|江职"}, []string{"王一伟"}),
	}
}

func openTest(t *testing.T, arts []*extract.Article) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "idx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Put(context.Background(), Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	return ix
}

func ids(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearch(t *testing.T) {
	ix := openTest(t, testArticles())
	ctx := context.Background()
	for _, c := range []struct {
		name string
		q    Query
		want string // ids, sorted, comma-separated
	}{
		{"word, both forms", Query{Text: "签署"}, "a1,a3"},
		{"phrase", Query{Text: `"人工智能学院"`}, "a1"},
		{"phrase apart", Query{Text: `"智能科技学院"`}, ""},
		{"sub-word", Query{Text: "处理"}, "a2,a4"},
		{"sub-word of a name", Query{Text: "北京"}, "a2"},
		{"name not from scattered characters", Query{Text: "王伟"}, "a2"},
		{"traditional finds simplified", Query{Text: "學院"}, "a1,a3,a4"},
		{"simplified finds traditional 2", Query{Text: "备忘录"}, "a3"},
		{"org filter by alias", Query{Filter: Filter{Orgs: []string{"江职"}}}, "a1,a4"},
		{"org filter by name", Query{Filter: Filter{Orgs: []string{"北京大学"}}}, "a2"},
		{"person filter", Query{Filter: Filter{People: []string{"王伟"}}}, "a2"},
		{"type filter", Query{Filter: Filter{Types: []string{"signing"}}}, "a1,a3"},
		{"party filter", Query{Filter: Filter{Parties: []string{"华拓智能科技有限公司"}}}, "a1"},
		{"title filter", Query{Filter: Filter{Titles: []string{"校长"}}}, "a1,a2,a3,a4"},
		{"date range", Query{Filter: Filter{From: "2021-07", To: "2022-03-15"}}, "a2,a3"},
		{"year", Query{Filter: Filter{From: "2022", To: "2022"}}, "a3,a4"},
		{"text and filter", Query{Text: "会议", Filter: Filter{Orgs: []string{"江职"}}}, "a4"},
		{"field syntax", Query{Text: "title:代表团"}, "a2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := ix.Search(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(res)
			slices.Sort(got)
			if strings.Join(got, ",") != c.want {
				t.Errorf("got %v, want %s", got, c.want)
			}
		})
	}
}

func TestHighlightRepeatedWord(t *testing.T) {
	ix := openTest(t, testArticles())
	for _, c := range []struct{ q, marked, notMarked string }{
		{"人工智能", "<mark>人工智能</mark>", "<mark>智能科技"},
		{`"人工智能学院"`, "<mark>人工智能</mark><mark>学院</mark>", "技术<mark>学院"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: c.q, Highlight: "html"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 {
			t.Fatalf("%s: hits %v", c.q, ids(res))
		}
		frag := strings.Join(res.Hits[0].Fragments[FieldBody], "")
		if n := strings.Count(frag, c.marked); n != 3 {
			t.Errorf("%s: want the three occurrences marked, got %d in %q", c.q, n, frag)
		}
		if strings.Contains(frag, c.notMarked) {
			t.Errorf("%s: wrong words marked: %q", c.q, frag)
		}
	}
}

func TestFacets(t *testing.T) {
	ix := openTest(t, testArticles())
	res, err := ix.Search(context.Background(), Query{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 {
		t.Fatalf("total %d", res.Total)
	}
	count := func(facet, value string) int {
		for _, v := range res.Facets[facet] {
			if v.Value == value {
				return v.Count
			}
		}
		return 0
	}
	for _, c := range []struct {
		facet, value string
		n            int
	}{{FieldOrg, "江城职业技术学院", 2}, {FieldType, "signing", 2}, {FieldType, "speech", 1}, {FieldMonth, "2021-06", 1}, {FieldPerson, "王伟", 1}} {
		if got := count(c.facet, c.value); got != c.n {
			t.Errorf("facet %s %s: %d, want %d", c.facet, c.value, got, c.n)
		}
	}
}

func TestBadQuery(t *testing.T) {
	ix := openTest(t, testArticles())
	for _, q := range []Query{{Text: `title:"unclosed`}, {Filter: Filter{From: "last year"}}, {Text: "x", Sort: "size"}} {
		if _, err := ix.Search(context.Background(), q); err == nil || !strings.Contains(err.Error(), "bad query") {
			t.Errorf("%+v: err %v, want a bad query error", q, err)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	arts := testArticles()
	ix := openTest(t, arts)
	for _, a := range arts {
		want, _ := json.Marshal(a)
		got, err := ix.Get(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(got)
		if string(g) != string(want) {
			t.Errorf("%s:\n got  %s\n want %s", a.ID, g, want)
		}
	}
	if _, err := ix.Get("nope"); err == nil {
		t.Error("Get of an unknown id: want an error")
	}
	var n int
	if err := ix.Each(context.Background(), "", Filter{Types: []string{"signing"}}, func(a *extract.Article) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("Each signing: %d articles, want 2", n)
	}
}

func TestIncremental(t *testing.T) {
	arts := testArticles()
	ix := openTest(t, arts)
	ctx := context.Background()
	if ok, _ := ix.Seen("sha-a1"); !ok {
		t.Error("sha-a1 not seen")
	}
	if ok, _ := ix.Seen("sha-zz"); ok {
		t.Error("sha-zz seen")
	}
	// A non-article input is recorded too.
	if err := ix.Put(ctx, Batch{Skipped: []string{"sha-list"}}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := ix.Seen("sha-list"); !ok {
		t.Error("skipped input not recorded")
	}
	// Its record is no article: not counted, found or exported.
	if n, _ := ix.Count(); n != 4 {
		t.Errorf("count %d with a skipped input recorded, want 4", n)
	}
	if res, err := ix.Search(ctx, Query{Size: 10}); err != nil || res.Total != 4 {
		t.Errorf("match-all search: %v, %v; want 4 articles", res, err)
	}
	if _, err := ix.Get(skipPrefix + "sha-list"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get of a skipped input's record: %v, want ErrNotFound", err)
	}
	exported := 0
	if err := ix.Each(ctx, "", Filter{}, func(*extract.Article) error { exported++; return nil }); err != nil || exported != 4 {
		t.Errorf("Each: %d articles, %v; want 4", exported, err)
	}
	// The same input changed: new bytes, new id (no URL), same path.
	changed := *arts[1]
	changed.ID, changed.Source.SHA256, changed.Title = "a2v2", "sha-a2v2", "北京大学代表团来访（更新）"
	if err := ix.Put(ctx, Batch{Articles: []*extract.Article{&changed}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 4 {
		t.Errorf("count %d after replacing, want 4", n)
	}
	if _, err := ix.Get("a2"); err == nil {
		t.Error("the old version is still there")
	}
	if ok, _ := ix.Seen("sha-a2"); ok {
		t.Error("the old version's hash is still recorded")
	}
	// Writing the same articles again changes nothing.
	if err := ix.Put(ctx, Batch{Articles: arts[:1]}); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 4 {
		t.Errorf("count %d after re-writing, want 4", n)
	}
}

// TestOldFormat checks that an index whose inputs were recorded as
// internal keys (format 1, no format key) is refused with a clear error.
func TestOldFormat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	m, err := newMapping("", "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := bleve.New(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Index("a1", map[string]any{FieldTitle: "标题"}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), "build the index again") {
		t.Errorf("Open of a format-1 index: %v, want an error asking to build it again", err)
	}
}

// TestKillAndResume indexes in a child process, kills it with SIGKILL
// after a few batches, and checks that the index opens with whole
// batches, no duplicates, and that a second run finishes the job.
func TestKillAndResume(t *testing.T) {
	if os.Getenv("ZHNEWS_INDEX_CHILD") != "" {
		childIndex(os.Getenv("ZHNEWS_INDEX_CHILD"))
		return
	}
	if testing.Short() {
		t.Skip("spawns a process")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillAndResume$")
	cmd.Env = append(os.Environ(), "ZHNEWS_INDEX_CHILD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	written := 0
	for sc.Scan() {
		if n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "batch ")); err == nil {
			written = n
			if n >= 3 {
				break
			}
		}
	}
	_ = cmd.Process.Kill() // SIGKILL: no chance to clean up
	_ = cmd.Wait()
	if written < 3 {
		t.Fatalf("the child wrote %d batches", written)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("the index does not open after a kill: %v", err)
	}
	n, _ := ix.Count()
	if n < uint64(written*childBatch) || n%childBatch != 0 || n > childDocs {
		t.Errorf("after the kill: %d articles, want a whole number of batches ≥ %d", n, written*childBatch)
	}
	// Resume: a second run skips what is there and adds the rest.
	added := 0
	var b Batch
	for _, a := range childArticles() {
		if ok, _ := ix.Seen(a.Source.SHA256); ok {
			continue
		}
		b.Articles = append(b.Articles, a)
		added++
	}
	if err := ix.Put(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	n2, _ := ix.Count()
	if n2 != childDocs || uint64(added) != childDocs-n {
		t.Errorf("after resuming: %d articles (%d added), want %d", n2, added, childDocs)
	}
	res, err := ix.Search(context.Background(), Query{Text: "协议", Size: 1})
	if err != nil || res.Total != childDocs {
		t.Errorf("search after resuming: %v, total %d", err, res.Total)
	}
	ix.Close()
}

const (
	childDocs  = 2000
	childBatch = 50
)

func childArticles() []*extract.Article {
	var out []*extract.Article
	for i := range childDocs {
		id := fmt.Sprintf("k%05d", i)
		out = append(out, article(id, fmt.Sprintf("第%d号签约新闻", i), "2021-06-24",
			fmt.Sprintf("江城职业技术学院与第%d家企业签署校企合作协议。", i), []string{"江城职业技术学院"}, []string{"孙立平"}, "signing"))
	}
	return out
}

// childIndex writes the child articles in batches, reporting each batch
// on stdout, slowly enough to be killed in the middle.
func childIndex(dir string) {
	ix, err := Open(dir, Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	arts := childArticles()
	for i := 0; i*childBatch < len(arts); i++ {
		if err := ix.Put(context.Background(), Batch{Articles: arts[i*childBatch : (i+1)*childBatch]}); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("batch %d\n", i+1)
	}
	ix.Close()
	os.Exit(0)
}

func TestTerms(t *testing.T) {
	ix := openTest(t, testArticles())
	ctx := context.Background()
	top, err := ix.Terms(ctx, FieldOrg, "", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(top) != 2 || top[0].Value != "江城职业技术学院" || top[0].Count != 2 {
		t.Errorf("top orgs %+v, want 江城职业技术学院 (2) first", top)
	}
	pre, err := ix.Terms(ctx, FieldOrg, "江城", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(pre) != 1 || pre[0].Count != 2 {
		t.Errorf("orgs with prefix 江城: %+v", pre)
	}
	if n, err := ix.TermCount(FieldPerson); err != nil || n != 4 {
		t.Errorf("distinct people %d (%v), want 4", n, err)
	}
}

// readOnlyIndex writes arts into a new index and opens it read-only.
func readOnlyIndex(t *testing.T, arts []*extract.Article) *Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(context.Background(), Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro
}

func TestReadOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	if _, err := Open(dir, Options{ReadOnly: true}); err == nil {
		t.Error("read-only open of no index: want an error")
	}
	ro := readOnlyIndex(t, testArticles())
	if n, _ := ro.Count(); n != 4 {
		t.Errorf("count %d", n)
	}
	if _, err := ro.Search(context.Background(), Query{Text: "/[/"}); err == nil || !strings.Contains(err.Error(), "bad query") {
		t.Errorf("bad regexp: %v, want a bad query error", err)
	}
}

// FuzzSearch runs arbitrary query strings and filters against a small
// index: a malformed one must give an error, never a panic.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"签约", `"人工智能学院"`, "title:揭牌", "+签署 -招聘", "/[/", "处理*", "org:江职", "published:>\"2021-01-01\"", "~", "a^", "(", "学院~3"} {
		f.Add(s, "2021")
	}
	ix, err := Open(filepath.Join(f.TempDir(), "idx"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Put(context.Background(), Batch{Articles: testArticles()}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, from string) {
		_, _ = ix.Search(context.Background(), Query{Text: text, Filter: Filter{From: from, Orgs: []string{text}}, Highlight: "html", Size: 3})
	})
}

// TestFacetTable checks that a read-only index, which counts facets from
// its in-memory table, counts what bleve counts from the doc values, for
// searches matching all, some and none of the articles, after a
// replacement and with a skipped input recorded.
func TestFacetTable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	arts := testArticles()
	if err := ix.Put(ctx, Batch{Articles: arts, Skipped: []string{"sha-list"}}); err != nil {
		t.Fatal(err)
	}
	changed := *arts[3]
	changed.ID, changed.Source.SHA256 = "a4v2", "sha-a4v2"
	changed.People = append(changed.People, entity.Person{Name: "李四"})
	if err := ix.Put(ctx, Batch{Articles: []*extract.Article{&changed}}); err != nil {
		t.Fatal(err)
	}
	queries := []Query{{}, {Text: "学院"}, {Text: "合作"}, {Text: "不存在的词"}, {Filter: Filter{Types: []string{"signing"}}}, {Text: "学院", Facets: 1}, {Text: "学院", Facets: -1},
		{Filter: Filter{From: "2021-06-24", To: "2021-07"}}, {Text: "学院", Filter: Filter{From: "2022"}}, {Text: "合作", Filter: Filter{To: "2021-06-24", Types: []string{"signing"}}}, {Filter: Filter{From: "2030"}}}
	var want []map[string][]FacetValue
	var wantIDs [][]string
	var wantTerms [][]FacetValue
	for _, q := range queries {
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, res.Facets)
		got := ids(res)
		slices.Sort(got)
		wantIDs = append(wantIDs, got)
	}
	prefixes := []string{"", "江", "王", "sign", "2021", "无"}
	for _, f := range FacetFields {
		for _, p := range prefixes {
			v, err := ix.Terms(ctx, f, p, 3)
			if err != nil {
				t.Fatal(err)
			}
			wantTerms = append(wantTerms, v)
		}
	}
	ix.Close()
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for i, q := range queries {
		res, err := ro.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(res.Facets, want[i]) {
			t.Errorf("%+v: facets from the table %v, from bleve %v", q, res.Facets, want[i])
		}
		got := ids(res)
		slices.Sort(got)
		if !slices.Equal(got, wantIDs[i]) {
			t.Errorf("%+v: read-only index finds %v, writable %v", q, got, wantIDs[i])
		}
	}
	if ro.facets == nil || ro.facets.t == nil || len(want[0][FieldOrg]) == 0 {
		t.Fatal("the read-only index did not count from its table, or nothing was counted")
	}
	i := 0
	for _, f := range FacetFields {
		for _, p := range prefixes {
			v, err := ro.Terms(ctx, f, p, 3)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(v, wantTerms[i]) {
				t.Errorf("Terms(%s, %q): from the table %v, from bleve %v", f, p, v, wantTerms[i])
			}
			i++
		}
	}
}

// TestReadOnlyConcurrent searches a read-only index from several
// goroutines at once (run with -race): the facet table is read once and
// shared, the counts are each search's own.
func TestReadOnlyConcurrent(t *testing.T) {
	ro := readOnlyIndex(t, testArticles())
	want, err := ro.Search(context.Background(), Query{Text: "学院"})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 20 {
				got, err := ro.Search(context.Background(), Query{Text: "学院", Filter: Filter{From: "2021"}, Highlight: "html"})
				if err == nil && !reflect.DeepEqual(got.Facets, want.Facets) {
					err = fmt.Errorf("facets %v, want %v", got.Facets, want.Facets)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestLead(t *testing.T) {
	a := article("u1", "", "2021-06-24", "江城职业技术学院今天举行了一场关于人工智能教育的学术报告会，邀请校外专家作主题报告。\n第二段。", nil, nil)
	ix := openTest(t, []*extract.Article{a})
	for _, hl := range []string{"", "html"} {
		res, err := ix.Search(context.Background(), Query{Text: "报告", Highlight: hl})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("search: %v %v", res, err)
		}
		if want := string([]rune(a.Body)[:40]) + "…"; res.Hits[0].Lead != want {
			t.Errorf("highlight %q: lead %q, want %q", hl, res.Hits[0].Lead, want)
		}
	}
}
