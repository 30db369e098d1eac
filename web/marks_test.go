package web

import (
	"context"
	"io"
	"log"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/timex"
)

func newTestLogger(w io.Writer) *log.Logger { return log.New(w, "", 0) }

func TestFragmentPieces(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []piece
		out  string
	}{
		{"a<mark>签约</mark>b", []piece{{"a", false}, {"签约", true}, {"b", false}}, "a<mark>签约</mark>b"},
		{"&lt;script&gt;<mark>x</mark>", []piece{{"<script>", false}, {"x", true}}, "&lt;script&gt;<mark>x</mark>"},
		// Markup that is not an exact mark tag is text.
		{"<script>alert(1)</script>", []piece{{"<script>alert(1)</script>", false}}, "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"<mark><img src=x onerror=alert(1)></mark>", []piece{{"<img src=x onerror=alert(1)>", true}}, "<mark>&lt;img src=x onerror=alert(1)&gt;</mark>"},
		{"<MARK>x</MARK>", []piece{{"<MARK>x</MARK>", false}}, "&lt;MARK&gt;x&lt;/MARK&gt;"},
		{"<mark onclick=x>y", []piece{{"<mark onclick=x>y", false}}, "&lt;mark onclick=x&gt;y"},
		// An unclosed mark ends with the fragment.
		{"<mark>open", []piece{{"open", true}}, "<mark>open</mark>"},
		{"x</mark>y", []piece{{"x</mark>y", false}}, "x&lt;/mark&gt;y"},
		{"&amp;lt;b&amp;gt;", []piece{{"&lt;b&gt;", false}}, "&amp;lt;b&amp;gt;"},
		{"bad \xff utf8", []piece{{"bad \uFFFD utf8", false}}, "bad \uFFFD utf8"},
		{"", nil, ""},
	} {
		got := fragmentPieces(tc.in)
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(piece{})); diff != "" {
			t.Errorf("fragmentPieces(%q) (-want +got):\n%s", tc.in, diff)
		}
		if out := safeFragment(got); out != tc.out {
			t.Errorf("safeFragment(%q) = %q, want %q", tc.in, out, tc.out)
		}
	}
}

func TestMarkBody(t *testing.T) {
	body := "2021年7月6日，江师校长陈红<script>alert(1)</script>在江城讲话。"
	a := &extract.Article{
		Body: body,
		People: []entity.Person{{Name: "陈红", Roles: []entity.Role{{Title: "校长", Org: "江城师范学院"}},
			Mentions: spans(body, "陈红")}},
		Organizations: []entity.Organization{{Name: "江城师范学院", Aliases: []string{"江师"}, Kind: "school",
			Mentions: append(spans(body, "江师"), entity.Span{-3, 2}, entity.Span{5, 1000}, entity.Span{4, 4})}},
		Locations: []entity.Location{{Name: "江城", Mentions: spans(body, "江城")}},
		Dates:     []timex.Date{{Text: "2021年7月6日", Value: "2021-07-06", Mentions: [][2]int{{0, 9}, {2, 5}}}},
	}
	got := markBody(a)
	var text strings.Builder
	var marked []string
	for _, s := range got {
		text.WriteString(s.Text)
		if s.Class != "" {
			marked = append(marked, s.Class+":"+s.Text)
		}
	}
	if text.String() != body {
		t.Errorf("segments do not make the body: %q", text.String())
	}
	want := []string{"date:2021年7月6日", "org:江师", "title:校长", "person:陈红", "place:江城"}
	if diff := cmp.Diff(want, marked); diff != "" {
		t.Errorf("marks (-want +got):\n%s", diff)
	}
	for _, s := range got {
		if s.Class == "person" && (s.Href != "/people/%E9%99%88%E7%BA%A2" || !strings.Contains(s.Tip, "校长")) {
			t.Errorf("person mark %+v", s)
		}
	}
	// A body the offsets do not fit.
	if got := markBody(&extract.Article{Body: "短", People: []entity.Person{{Name: "x", Mentions: []entity.Span{{0, 5}}}}}); len(got) != 1 || got[0].Class != "" {
		t.Errorf("offsets past the end: %+v", got)
	}
}

func TestOrgViewAliases(t *testing.T) {
	v := newOrgView("江城师范学院")
	org := func(name string, aliases ...string) *extract.Article {
		return &extract.Article{Organizations: []entity.Organization{{Name: name, Aliases: aliases}}}
	}
	for _, a := range []*extract.Article{
		org("江城师范学院", "江师"), org("江城师范学院", "江师"), org("江城师范学院", "江城师院"),
		org("（1）江城师范学院", "江城师范学院"), org("江城师范学院", "江城师院"),
	} {
		v.add(a, map[string]*holder{}, map[string]int{})
	}
	v.finish(map[string]*holder{}, map[string]int{})
	if want := []string{"江城师院", "江师"}; !slices.Equal(v.Aliases, want) {
		t.Errorf("aliases %q, want %q (written once: left out)", v.Aliases, want)
	}
	v = newOrgView("江城师范学院")
	v.add(org("江城师范学院", "江师"), map[string]*holder{}, map[string]int{})
	v.finish(map[string]*holder{}, map[string]int{})
	if want := []string{"江师"}; !slices.Equal(v.Aliases, want) {
		t.Errorf("aliases %q, want %q (one article: its names)", v.Aliases, want)
	}
}

// TestScanSigningsFirst checks that an organization's page lists every
// agreement when its articles are more than the server reads.
func TestScanSigningsFirst(t *testing.T) {
	ctx := context.Background()
	full, err := testServer(t, Options{}).orgView(ctx, "江城师范学院")
	if err != nil {
		t.Fatal(err)
	}
	capped, err := testServer(t, Options{MaxScan: 3}).orgView(ctx, "江城师范学院")
	if err != nil {
		t.Fatal(err)
	}
	if full.Scanned <= 3 || !capped.Capped {
		t.Fatalf("the test needs more than 3 articles of the organization (read %d, capped %v)", full.Scanned, capped.Capped)
	}
	if len(capped.Agreements) != len(full.Agreements) || len(full.Agreements) == 0 {
		t.Errorf("capped at 3 articles: %d agreements, all read: %d", len(capped.Agreements), len(full.Agreements))
	}
}
