package entity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// goldArticle is the part of a *.gold.json file the entity tests read
// (format: ../shared/spec/output.md).
type goldArticle struct {
	Source string `json:"source"`
	People []struct {
		Name  string `json:"name"`
		Roles []struct {
			Title    string   `json:"title"`
			TitleAlt []string `json:"title_alt"`
			Org      string   `json:"org"`
			OrgAlt   []string `json:"org_alt"`
			OrgNote  string   `json:"org_note"`
		} `json:"roles"`
	} `json:"people"`
	Organizations []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"organizations"`
	OptionalOrgs   []string `json:"optional_organizations"`
	OptionalPeople []string `json:"optional_people"`
	OptionalRoles  []struct {
		Name, Title string
	} `json:"optional_roles"`
}

func normName(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// prf accumulates a micro precision/recall/F1.
type prf struct{ tp, fp, fn int }

func (p *prf) f1() float64 {
	if p.tp == 0 {
		return 0
	}
	pr, re := float64(p.tp)/float64(p.tp+p.fp), float64(p.tp)/float64(p.tp+p.fn)
	return 2 * pr * re / (pr + re)
}

// score adds one article's people, organizations and roles to the
// counts, the way ../shared/tools/score.py does (aliases resolve to their
// organization, optional items neither count for nor against, a role whose
// organization the text leaves unnamed is matched on person and title).
func score(g goldArticle, r Result, people, orgs, roles, rolesOrg *prf) {
	resolve := map[string]string{}
	for _, o := range g.Organizations {
		for _, f := range append([]string{o.Name}, o.Aliases...) {
			resolve[normName(f)] = normName(o.Name)
		}
	}
	res := func(s string) string {
		if c, ok := resolve[normName(s)]; ok {
			return c
		}
		return normName(s)
	}
	set := func(gold map[string]bool, opt map[string]bool, pred []string, c *prf) {
		seen := map[string]bool{}
		for _, x := range pred {
			switch {
			case gold[x] && !seen[x]:
				c.tp++
				seen[x] = true
			case opt[x] && !gold[x]:
			default:
				c.fp++
			}
		}
		c.fn += len(gold) - len(seen)
	}
	gp, op := map[string]bool{}, map[string]bool{}
	for _, p := range g.People {
		gp[normName(p.Name)] = true
	}
	for _, p := range g.OptionalPeople {
		op[normName(p)] = true
	}
	var pp []string
	for _, p := range r.People {
		pp = append(pp, normName(p.Name))
	}
	set(gp, op, pp, people)

	gorg, oorg := map[string]bool{}, map[string]bool{}
	for _, o := range g.Organizations {
		gorg[normName(o.Name)] = true
	}
	for _, o := range g.OptionalOrgs {
		oorg[res(o)] = true
		oorg[normName(o)] = true
	}
	var po []string
	for _, o := range r.Organizations {
		po = append(po, res(o.Name))
	}
	set(gorg, oorg, po, orgs)

	g2, g3, o2 := map[string]bool{}, map[string]bool{}, map[string]bool{}
	alt2, alt3 := map[string]string{}, map[string]string{}
	wild := map[string]string{}
	for _, p := range g.People {
		for _, ro := range p.Roles {
			k2 := normName(p.Name) + "|" + normName(ro.Title)
			k3 := k2 + "|" + res(ro.Org)
			g2[k2], g3[k3] = true, true
			for _, t := range ro.TitleAlt {
				a2 := normName(p.Name) + "|" + normName(t)
				alt2[a2] = k2
				for _, o := range append([]string{ro.Org}, ro.OrgAlt...) {
					alt3[a2+"|"+res(o)] = k3
				}
			}
			for _, o := range ro.OrgAlt {
				alt3[k2+"|"+res(o)] = k3
			}
			if strings.Contains(ro.OrgNote, "unresolved") || map[string]bool{"我校": true, "本校": true, "学校": true, "我院": true, "本院": true, "学院": true}[normName(ro.Org)] {
				wild[k2] = k3
			}
		}
	}
	for _, ro := range g.OptionalRoles {
		o2[normName(ro.Name)+"|"+normName(ro.Title)] = true
	}
	var p2, p3 []string
	for _, p := range r.People {
		for _, ro := range p.Roles {
			k2 := normName(p.Name) + "|" + normName(ro.Title)
			if a, ok := alt2[k2]; ok {
				k2 = a
			}
			k3 := normName(p.Name) + "|" + normName(ro.Title) + "|" + res(ro.Org)
			if a, ok := alt3[k3]; ok {
				k3 = a
			} else if !g3[k3] {
				k3 = k2 + "|" + res(ro.Org)
				if w, ok := wild[k2]; ok {
					k3 = w
				}
			}
			p2 = append(p2, k2)
			p3 = append(p3, k3)
		}
	}
	set(g2, o2, p2, roles)
	o3 := map[string]bool{}
	for k := range o2 {
		o3[k] = true
	}
	var p3f []string
	for i, k := range p3 {
		if o2[p2[i]] && !g3[k] {
			continue
		}
		p3f = append(p3f, k)
	}
	set(g3, nil, p3f, rolesOrg)
}

// TestRealTexts scores the recognizer on the 40 real school news texts of
// ../shared/data/texts and the seed article, and fails below the level
// reached so far.
func TestRealTexts(t *testing.T) {
	golds, _ := filepath.Glob("../../shared/data/texts/*.gold.json")
	if len(golds) == 0 {
		t.Skip("../shared/data/texts not present")
	}
	golds = append(golds, "../../shared/seed/wtc-2021-07-06.gold.json")
	rc := fullRecognizer(t)
	var people, orgs, roles, rolesOrg prf
	for _, gp := range golds {
		raw, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		var g goldArticle
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		text, err := os.ReadFile(filepath.Join(filepath.Dir(gp), g.Source))
		if err != nil {
			t.Fatal(err)
		}
		// The texts are bodies (some with a headline line); the seed has
		// a headline and a metadata line, which the body keeps here.
		r := rc.Recognize(Doc{Body: string(text)})
		score(g, r, &people, &orgs, &roles, &rolesOrg)
	}
	t.Logf("people F1 %.3f, organizations %.3f, roles %.3f, roles+org %.3f", people.f1(), orgs.f1(), roles.f1(), rolesOrg.f1())
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"people", people.f1(), realFloor.people},
		{"organizations", orgs.f1(), realFloor.orgs},
		{"roles", roles.f1(), realFloor.roles},
		{"roles+org", rolesOrg.f1(), realFloor.rolesOrg},
	} {
		if c.got < c.want {
			t.Errorf("%s F1 %.3f, below the floor %.3f", c.name, c.got, c.want)
		}
	}
}

// realFloor is the level reached on the real texts; raise it as the
// recognizer improves.
var realFloor = struct{ people, orgs, roles, rolesOrg float64 }{0.97, 0.91, 0.95, 0.86}

// TestSeed requires every person, organization and role of the seed
// article (../shared/seed) to come out right.
func TestSeed(t *testing.T) {
	gp := "../../shared/seed/wtc-2021-07-06.gold.json"
	raw, err := os.ReadFile(gp)
	if err != nil {
		t.Skip("seed not present:", err)
	}
	var g goldArticle
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(filepath.Dir(gp), g.Source))
	if err != nil {
		t.Fatal(err)
	}
	// As the extractor gives it: headline, publisher and body without the
	// metadata line.
	lines := strings.Split(string(text), "\n")
	body := strings.Join(lines[3:], "\n")
	r := fullRecognizer(t).Recognize(Doc{Title: lines[0], Body: body, Publisher: "双创学院", Credits: []string{"陈峰", "邹丹"}})
	var people, orgs, roles, rolesOrg prf
	score(g, r, &people, &orgs, &roles, &rolesOrg)
	for name, c := range map[string]*prf{"people": &people, "organizations": &orgs, "roles": &roles, "roles+org": &rolesOrg} {
		if c.fp != 0 || c.fn != 0 {
			t.Errorf("%s: %d wrong, %d missed", name, c.fp, c.fn)
		}
	}
}
