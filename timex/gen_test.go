package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestGenCases writes testdata/cases.gen.json from a list of inputs, one
// "ref|text" a line (ref "none" for no reference; "ref|text|instants" for
// the Instants reading); run with TIMEX_GEN=path and review every answer
// before keeping it.
func TestGenCases(t *testing.T) {
	in := os.Getenv("TIMEX_GEN")
	if in == "" {
		t.Skip("TIMEX_GEN not set")
	}
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []tcase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		ref, text, ok := strings.Cut(sc.Text(), "|")
		if !ok {
			continue
		}
		text, mode, _ := strings.Cut(text, "|")
		c := tcase{Text: text, Instants: mode == "instants"}
		opts := Options{Instants: c.Instants}
		if ref != "none" {
			c.Ref = ref
			opts.Ref, _ = ParseRef(ref)
		}
		c.Want = []want{}
		for _, d := range Find(text, opts) {
			c.Want = append(c.Want, want{Text: d.Text, Value: d.Value, End: d.End, Grain: d.Grain, PartOfDay: d.PartOfDay, Fuzzy: d.Fuzzy})
		}
		out = append(out, c)
	}
	b, _ := json.MarshalIndent(out, "", " ")
	os.WriteFile("testdata/cases.gen.json", b, 0o644)
}

// TestRegenCases rewrites testdata/cases.json with what Find gives now,
// keeping texts, references, modes and notes; run with TIMEX_REGEN=1 and review
// the diff before keeping it.
func TestRegenCases(t *testing.T) {
	if os.Getenv("TIMEX_REGEN") == "" {
		t.Skip("TIMEX_REGEN not set")
	}
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []tcase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for i := range cases {
		c := &cases[i]
		opts := Options{Instants: c.Instants}
		if c.Ref != "" {
			opts.Ref, _ = ParseRef(c.Ref)
		}
		c.Want = []want{}
		for _, d := range Find(c.Text, opts) {
			c.Want = append(c.Want, want{Text: d.Text, Value: d.Value, End: d.End, Grain: d.Grain, PartOfDay: d.PartOfDay, Fuzzy: d.Fuzzy})
		}
	}
	out, _ := json.MarshalIndent(cases, "", " ")
	os.WriteFile("testdata/cases.json", append(out, '\n'), 0o644)
}

// TestShow prints what Find gives for TIMEX_SHOW="ref|text" lines (ref
// "none" for no reference), with Options.Instants when TIMEX_INSTANTS is
// set.
func TestShow(t *testing.T) {
	in := os.Getenv("TIMEX_SHOW")
	if in == "" {
		t.Skip("TIMEX_SHOW not set")
	}
	for _, l := range strings.Split(in, "\n") {
		ref, text, ok := strings.Cut(l, "|")
		if !ok {
			continue
		}
		opts := Options{Instants: os.Getenv("TIMEX_INSTANTS") != ""}
		if ref != "none" {
			opts.Ref, _ = ParseRef(ref)
		}
		b, _ := json.Marshal(Find(text, opts))
		t.Logf("%s | %s -> %s", ref, text, b)
	}
}
