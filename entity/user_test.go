package entity

import (
	"strings"
	"testing"

	"github.com/zhnews/zhnews/lexicon"
	"github.com/zhnews/zhnews/zhconv"
)

// TestUserLexicon checks that a user's own organizations (without a head
// word), their short forms and people are found.
func TestUserLexicon(t *testing.T) {
	user, err := lexicon.ParseUser(strings.NewReader("org\t星海钢铁\tcompany\t星钢\nperson\t木子\nnotperson\t王总\n"))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := New(Options{Segmenter: testSegmenter(t), Lexicon: FromLexicon(lexicon.New(user)), Simplify: zhconv.Rune})
	if err != nil {
		t.Fatal(err)
	}
	res := rc.Recognize(Doc{Body: "江城职业技术学院与星海钢铁签署合作协议，星钢总经理木子出席。"})
	var orgs, people []string
	for _, o := range res.Organizations {
		orgs = append(orgs, o.Name+"="+strings.Join(o.Aliases, ","))
	}
	for _, p := range res.People {
		people = append(people, p.Name)
		for _, r := range p.Roles {
			if p.Name == "木子" && (r.Title != "总经理" || r.Org != "星海钢铁") {
				t.Errorf("木子's role %+v, want 总经理 at 星海钢铁", r)
			}
		}
	}
	if !strings.Contains(strings.Join(orgs, "|"), "星海钢铁=星钢") {
		t.Errorf("organizations %q: want 星海钢铁 with the alias 星钢", orgs)
	}
	if !contains(people, "木子") {
		t.Errorf("people %q: want 木子", people)
	}
}
