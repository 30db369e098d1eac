package relation

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhnews/zhnews/entity"
)

// FuzzFind feeds arbitrary bodies, with entities found by plain string
// search, and checks that Find never panics and its offsets are valid.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"江北大学与星河传媒集团签署合作协议。",
		"张明远、赵德华分别代表江北大学、双方签署协议",
		"共同为揭牌", "签", "代表", "聘请为", "为颁发聘书", "当选的",
		"【江报】江北大学与签约的企业还有",
		"星河传媒集团——江北大学“基地”挂牌仪式",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		c := testCase{
			Body:   body,
			School: "江北大学",
			People: []entity.Person{{Name: "张明远", Roles: []entity.Role{{Title: "校长", Org: "江北大学"}}}, {Name: "赵德华"}},
			Organizations: []entity.Organization{
				{Name: "江北大学", Kind: "school"}, {Name: "星河传媒集团", Aliases: []string{"星河"}, Kind: "company"},
			},
		}
		n := utf8.RuneCountInString(body)
		for _, r := range Find(c.input()) {
			for _, m := range r.Mentions {
				if m[0] < 0 || m[1] > n || m[0] >= m[1] {
					t.Fatalf("bad mention %v in %q", m, body)
				}
			}
			if !strings.Contains(body, r.Evidence) {
				t.Fatalf("evidence %q not in %q", r.Evidence, body)
			}
		}
	})
}
