package timex

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

type goldDate struct {
	Text      string `json:"text"`
	Value     string `json:"value"`
	Grain     string `json:"grain"`
	PartOfDay string `json:"part_of_day"`
}

type gold struct {
	Published string     `json:"published"`
	Dates     []goldDate `json:"dates"`
	Optional  []string   `json:"optional_dates"`
	NotDates  []string   `json:"not_dates"`
}

var mdRe = regexp.MustCompile(`^(?:\d{4}|XXXX)?-?-?(\d{2})-(\d{2})`)

// dateKey is score.py's key: ten characters, or month and day when the
// gold has yearless values.
func dateKey(v string, yearless bool) string {
	v = strings.TrimSpace(v)
	if !yearless {
		return v[:min(10, len(v))]
	}
	if m := mdRe.FindStringSubmatch(v); m != nil {
		return "XXXX-" + m[1] + "-" + m[2]
	}
	return v
}

func TestTextsF1(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedData, "texts", "d*.txt"))
	files = append(files, "/work/shared/seed/wtc-2021-07-06.txt")
	var tp, fp, fn, bad, nbad int
	seen := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		gb, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".gold.json")
		if err != nil {
			continue
		}
		var g gold
		if json.Unmarshal(gb, &g) != nil {
			continue
		}
		seen++
		var opts Options
		if g.Published != "" {
			if r, err := ParseRef(g.Published); err == nil {
				opts.Ref = r
			}
		}
		got := Find(string(body), opts)
		yearless := false
		for _, d := range g.Dates {
			if strings.HasPrefix(d.Value, "XXXX") {
				yearless = true
			}
		}
		want := map[string]bool{}
		for _, d := range g.Dates {
			want[dateKey(d.Value, yearless)] = true
		}
		opt := map[string]bool{}
		for _, v := range g.Optional {
			opt[dateKey(v, yearless)] = true
		}
		pred := map[string]bool{}
		for _, d := range got {
			pred[dateKey(d.Value, yearless)] = true
		}
		var miss, extra []string
		for v := range pred {
			switch {
			case want[v]:
				tp++
			case opt[v]:
			default:
				fp++
				extra = append(extra, v)
			}
		}
		for v := range want {
			if !pred[v] {
				fn++
				miss = append(miss, v)
			}
		}
		notDates := map[string]bool{}
		for _, x := range g.NotDates {
			notDates[x] = true
		}
		nbad += len(g.NotDates)
		for _, d := range got {
			if notDates[d.Text] {
				bad++
				t.Logf("%s: not a date but read: %q", filepath.Base(f), d.Text)
			}
		}
		if len(miss)+len(extra) > 0 {
			var texts []string
			for _, d := range got {
				texts = append(texts, d.Text+"="+d.Value)
			}
			t.Logf("%s: missed %v, extra %v; found %v", filepath.Base(f), miss, extra, texts)
		}
	}
	if seen == 0 {
		t.Skip("texts not available")
	}
	p := float64(tp) / float64(max(1, tp+fp))
	r := float64(tp) / float64(max(1, tp+fn))
	f1 := 2 * p * r / max(1e-9, p+r)
	t.Logf("texts %d: dates P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); not_dates read %d/%d", seen, p, r, f1, tp, fp, fn, bad, nbad)
	if f1 < 1 {
		t.Errorf("dates F1 %.3f below 1.000", f1)
	}
	if bad > 0 {
		t.Errorf("%d not_dates read as dates", bad)
	}
}
