package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goldRelation is a relation of a gold file (../shared/spec/output.md).
type goldRelation struct {
	Type      string `json:"type"`
	Bilateral bool   `json:"bilateral"`
	Parties   []struct {
		Org            string `json:"org"`
		Representative string `json:"representative"`
		Unscored       bool   `json:"unscored"`
	} `json:"parties"`
	Person string `json:"person"`
	Role   string `json:"role"`
}

// genericOrgs are the generic references score.py leaves out of pairs.
var genericOrgs = map[string]bool{"我校": true, "本校": true, "学校": true, "學校": true, "我院": true, "本院": true, "学院": true, "學院": true, "该校": true, "該校": true, "双方": true, "雙方": true}

// relationKeys returns the signing party pairs, the (party,
// representative) pairs and the (person, role) appointments of rels, the
// way ../shared/tools/score.py counts them.
func relationKeys(rels []goldRelation, resolve func(string) string) (pairs, reps, appts []string) {
	for _, r := range rels {
		switch r.Type {
		case "signing":
			var ps []string
			for _, p := range r.Parties {
				o := resolve(p.Org)
				if p.Unscored || o == "" || genericOrgs[o] {
					continue
				}
				ps = append(ps, o)
				if p.Representative != "" {
					reps = append(reps, o+"|"+p.Representative)
				}
			}
			for i := range ps {
				for j := i + 1; j < len(ps); j++ {
					if r.Bilateral && i > 0 || ps[i] == ps[j] {
						continue
					}
					a, b := ps[i], ps[j]
					if b < a {
						a, b = b, a
					}
					pairs = append(pairs, a+"|"+b)
				}
			}
		case "appointment":
			appts = append(appts, r.Person+"|"+r.Role)
		}
	}
	return pairs, reps, appts
}

// TestRealRelations extracts the real school news texts of ../shared and
// scores their signings and appointments against the gold files, with
// floors a little under what the extraction reaches.
func TestRealRelations(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "texts")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/data/texts not available")
	}
	if testing.Short() {
		t.Skip("loads the full engine")
	}
	out, _, err := run(t, "extract", "--workers", "2", dir)
	if err != nil {
		t.Fatal(err)
	}
	preds := map[string][]goldRelation{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct {
			Source    struct{ Path string } `json:"source"`
			Relations []goldRelation        `json:"relations"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		preds[filepath.Base(a.Source.Path)] = a.Relations
	}
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	type prf struct{ tp, fp, fn int }
	var score [3]prf
	for _, g := range golds {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		var gold struct {
			Source        string         `json:"source"`
			Relations     []goldRelation `json:"relations"`
			Organizations []struct {
				Name    string   `json:"name"`
				Aliases []string `json:"aliases"`
			} `json:"organizations"`
		}
		if err := json.Unmarshal(data, &gold); err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, o := range gold.Organizations {
			names[o.Name] = o.Name
			for _, a := range o.Aliases {
				names[a] = o.Name
			}
		}
		resolve := func(s string) string {
			s = strings.TrimSpace(s)
			if n, ok := names[s]; ok {
				return n
			}
			return s
		}
		gp, gr, ga := relationKeys(gold.Relations, resolve)
		pp, pr, pa := relationKeys(preds[gold.Source], resolve)
		for k, pair := range [3][2][]string{{gp, pp}, {gr, pr}, {ga, pa}} {
			if k == 1 && len(pair[0]) == 0 && len(pair[1]) == 0 {
				continue
			}
			want, got := dedupe(pair[0]), dedupe(pair[1])
			for _, x := range got {
				if slices.Contains(want, x) {
					score[k].tp++
				} else {
					score[k].fp++
					t.Logf("%s: extra %s", gold.Source, x)
				}
			}
			for _, x := range want {
				if !slices.Contains(got, x) {
					score[k].fn++
					t.Logf("%s: missed %s", gold.Source, x)
				}
			}
		}
	}
	floors := [3]float64{0.90, 0.83, 0.90}
	for k, name := range []string{"signing pairs", "representatives", "appointments"} {
		s := score[k]
		f1 := 2 * float64(s.tp) / float64(2*s.tp+s.fp+s.fn)
		t.Logf("%-16s F1 %.3f (tp %d fp %d fn %d; floor %.2f)", name, f1, s.tp, s.fp, s.fn, floors[k])
		if f1 < floors[k] {
			t.Errorf("%s F1 %.3f below the floor %.2f", name, f1, floors[k])
		}
	}
}

func dedupe(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// TestSeedRelations requires the seed article's signings (13 party pairs,
// 4 representatives) and 6 appointments exactly.
func TestSeedRelations(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seed")
	gold, err := os.ReadFile(filepath.Join(dir, "wtc-2021-07-06.gold.json"))
	if err != nil {
		t.Skip("../shared/seed not available")
	}
	var g struct {
		Relations []goldRelation `json:"relations"`
	}
	if err := json.Unmarshal(gold, &g); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "extract", filepath.Join(dir, "wtc-2021-07-06.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Relations []goldRelation `json:"relations"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	same := func(s string) string { return s }
	gp, gr, ga := relationKeys(g.Relations, same)
	pp, pr, pa := relationKeys(a.Relations, same)
	for _, c := range []struct {
		what      string
		want, got []string
	}{{"signing pairs", gp, pp}, {"representatives", gr, pr}, {"appointments", ga, pa}} {
		if w, got := dedupe(c.want), dedupe(c.got); !slices.Equal(w, got) {
			t.Errorf("%s:\n got  %q\n want %q", c.what, got, w)
		}
	}
}
