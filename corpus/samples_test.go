package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDecodeSamples checks Decode against the encodings recorded in the gold
// files of the bundled sample pages, read as files and from the sample
// archives when those have been generated.
func TestDecodeSamples(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join("..", "samples", "pages", "*.gold.json"))
	if len(golds) == 0 {
		t.Skip("no sample pages")
	}
	want := map[string]string{} // page file name → encoding
	for _, g := range golds {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		var gold struct{ Source, Encoding string }
		if err := json.Unmarshal(data, &gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		if gold.Source != "" && gold.Encoding != "" {
			want[gold.Source] = gold.Encoding
		}
	}
	inputs := []string{filepath.Join("..", "samples", "pages")}
	archives, _ := filepath.Glob(filepath.Join("..", "samples", "archives", "pages.*"))
	inputs = append(inputs, archives...)
	checked := 0
	for it, err := range Read(t.Context(), inputs, Options{}) {
		if err != nil {
			t.Errorf("read: %v", err)
			continue
		}
		name := it.Path[strings.LastIndexAny(it.Path, `/\!`)+1:]
		enc, ok := want[name]
		if !ok {
			continue
		}
		if _, got := Decode(it.Data, it.ContentType); got != enc {
			t.Errorf("%s: Decode says %s, gold says %s", it.Path, got, enc)
		}
		checked++
	}
	t.Logf("checked %d pages against gold encodings", checked)
}
