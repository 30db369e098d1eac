package timex

import (
	"encoding/json"
	"os"
	"testing"
)

type want struct {
	Text      string `json:"text"`
	Value     string `json:"value"`
	End       string `json:"end,omitempty"`
	Grain     string `json:"grain"`
	PartOfDay string `json:"part_of_day,omitempty"`
	Fuzzy     bool   `json:"fuzzy,omitempty"`
}

// tcase is one case of testdata/cases.json; Instants checks the
// time-parser reading (Options.Instants), else the default annotation
// reading.
type tcase struct {
	Text     string `json:"text"`
	Ref      string `json:"ref,omitempty"`
	Instants bool   `json:"instants,omitempty"`
	Note     string `json:"note,omitempty"`
	Want     []want `json:"want"`
}

func TestCases(t *testing.T) {
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []tcase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		opts := Options{Instants: c.Instants}
		if c.Ref != "" {
			r, err := ParseRef(c.Ref)
			if err != nil {
				t.Errorf("%q: bad ref %q", c.Text, c.Ref)
				continue
			}
			opts.Ref = r
		}
		got := Find(c.Text, opts)
		runes := []rune(c.Text)
		var g []want
		for _, d := range got {
			g = append(g, want{Text: d.Text, Value: d.Value, End: d.End, Grain: d.Grain, PartOfDay: d.PartOfDay, Fuzzy: d.Fuzzy})
			for _, m := range d.Mentions {
				if m[0] < 0 || m[1] > len(runes) || m[0] >= m[1] || string(runes[m[0]:m[1]]) != d.Text {
					t.Errorf("%q: mention %v does not hold %q", c.Text, m, d.Text)
				}
			}
		}
		if len(g) != len(c.Want) {
			t.Errorf("%q (ref %s, instants %v): got %+v, want %+v", c.Text, c.Ref, c.Instants, g, c.Want)
			continue
		}
		for i := range g {
			if g[i] != c.Want[i] {
				t.Errorf("%q (ref %s, instants %v): got %+v, want %+v", c.Text, c.Ref, c.Instants, g[i], c.Want[i])
			}
		}
	}
}
