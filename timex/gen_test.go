package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestGenCases writes testdata/cases.json from a list of inputs; run with
// TIMEX_GEN=path and review every answer before keeping it.
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
		c := tcase{Text: text}
		var opts Options
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
