package relation

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/zhnews/zhnews/entity"
)

// testCase is one invented article: its body, the entities the entity
// stage would give, and the relations wanted (signings and appointments;
// speeches and attendance are not checked here).
type testCase struct {
	Name          string                `json:"name"`
	Body          string                `json:"body"`
	School        string                `json:"school"`
	Published     string                `json:"published"`
	People        []entity.Person       `json:"people"`
	Organizations []entity.Organization `json:"organizations"`
	Locations     []entity.Location     `json:"locations"`
	Want          []Relation            `json:"want"`
}

// input builds the Input of a case, finding the mentions of every name
// and short form in the body.
func (c testCase) input() Input {
	in := Input{Body: c.Body, School: c.School, Published: c.Published}
	for _, p := range c.People {
		p.Mentions = findAll(c.Body, p.Name)
		in.People = append(in.People, p)
	}
	for _, o := range c.Organizations {
		o.Mentions = findAll(c.Body, append([]string{o.Name}, o.Aliases...)...)
		in.Organizations = append(in.Organizations, o)
	}
	for _, l := range c.Locations {
		l.Mentions = findAll(c.Body, l.Name)
		in.Locations = append(in.Locations, l)
	}
	return in
}

func findAll(body string, names ...string) []entity.Span {
	r := []rune(body)
	var out []entity.Span
	for _, n := range names {
		w := []rune(n)
		for i := 0; i+len(w) <= len(r); i++ {
			if string(r[i:i+len(w)]) == n {
				out = append(out, entity.Span{i, i + len(w)})
			}
		}
	}
	slices.SortFunc(out, func(a, b entity.Span) int { return a[0] - b[0] })
	return out
}

// key renders the checked fields of a relation: for a signing its parties
// with representatives (sorted) and, when want sets them, agreement,
// subject and status; for an appointment person, role and org.
func key(r Relation, want *Relation) string {
	switch r.Type {
	case TypeSigning:
		var ps []string
		for _, p := range r.Parties {
			ps = append(ps, p.Org+"/"+p.Representative)
		}
		slices.Sort(ps)
		k := "signing " + strings.Join(ps, " ")
		if want == nil || want.Agreement != "" {
			k += " agreement=" + r.Agreement
		}
		if want == nil || want.Subject != "" {
			k += " subject=" + r.Subject
		}
		if want != nil && want.Status != "" {
			k += " status=" + r.Status
		}
		return k
	case TypeAppointment:
		return "appointment " + r.Person + " " + r.Role + " " + r.Org
	}
	return ""
}

func TestCases(t *testing.T) {
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []testCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			got := Find(c.input())
			var gotKeys, wantKeys []string
			for i := range c.Want {
				wantKeys = append(wantKeys, key(c.Want[i], &c.Want[i]))
			}
			for _, r := range got {
				if r.Type != TypeSigning && r.Type != TypeAppointment {
					continue
				}
				// the wanted relation it should be: same type and parties
				var w *Relation
				for i := range c.Want {
					if c.Want[i].Type == r.Type && (w == nil || partySet(c.Want[i]) == partySet(r)) {
						w = &c.Want[i]
					}
				}
				for i := range c.Want {
					if c.Want[i].Type == r.Type && key(r, &c.Want[i]) == key(c.Want[i], &c.Want[i]) {
						w = &c.Want[i] // the one it matches exactly
						break
					}
				}
				gotKeys = append(gotKeys, key(r, w))
				body := []rune(c.Body)
				for _, m := range r.Mentions {
					if m[0] < 0 || m[1] > len(body) || m[0] >= m[1] {
						t.Errorf("bad mention %v", m)
					}
				}
				if r.Evidence == "" || !strings.Contains(c.Body, r.Evidence) {
					t.Errorf("evidence %q not in the body", r.Evidence)
				}
			}
			slices.Sort(gotKeys)
			slices.Sort(wantKeys)
			if !slices.Equal(gotKeys, wantKeys) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(gotKeys, "\n  "), strings.Join(wantKeys, "\n  "))
			}
		})
	}
}

func TestEvents(t *testing.T) {
	c := testCase{
		Body:   "区委书记刘健，华东师范大学校长钱红等出席签约仪式。刘健在致辞中表示欢迎。签约仪式由副区长张华主持。",
		People: []entity.Person{{Name: "刘健", Roles: []entity.Role{{Title: "区委书记", Org: "区委"}}}, {Name: "钱红", Roles: []entity.Role{{Title: "校长", Org: "华东师范大学"}}}, {Name: "张华"}},
	}
	got := map[string]bool{}
	for _, r := range Find(c.input()) {
		got[r.Type+" "+r.Person] = true
	}
	for _, w := range []string{"attendance 刘健", "attendance 钱红", "speech 刘健", "speech 张华"} {
		if !got[w] {
			t.Errorf("missing %s (got %v)", w, got)
		}
	}
	if got["signing "] {
		t.Errorf("a ceremony attended made a signing")
	}
}

func TestDropUnits(t *testing.T) {
	for _, c := range []struct {
		in, want []string
	}{
		{[]string{"马来西亚砂拉越大学", "砂拉越大学中国中心", "我校"}, []string{"马来西亚砂拉越大学", "我校"}},
		{[]string{"江城师范学院", "江城师范学院附属医院", "长江软件有限公司"}, []string{"江城师范学院", "长江软件有限公司"}},
		{[]string{"南开大学", "南开大学附属医院"}, []string{"南开大学", "南开大学附属医院"}},
		{[]string{"北京大学", "清华大学", "天津大学"}, []string{"北京大学", "清华大学", "天津大学"}},
	} {
		var ps []Party
		for _, o := range c.in {
			ps = append(ps, Party{Org: o})
		}
		var got []string
		for _, p := range dropUnits(ps) {
			got = append(got, p.Org)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("dropUnits(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
