package ner

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var corpusToy toyModel

// corpusToyData is toyData split over the three corpora, with a convention
// that differs: the "cluener" sentences annotate 武汉市东湖路 (a whole
// address) where the "msra" sentences annotate 武汉市 alone.
func corpusToyData() []Sentence {
	var out []Sentence
	for i, s := range toyData() {
		s.Corpus = []string{CorpusMSRA, CorpusResume, CorpusCLUENER}[i%3]
		out = append(out, s)
	}
	for i := 0; i < 60; i++ {
		s := Sentence{Text: "他住在武汉市东湖路附近。", Corpus: CorpusMSRA}
		s.Spans = []Span{{Type: Loc, Start: len("他住在"), End: len("他住在武汉市")}}
		if i%2 == 1 {
			s.Corpus = CorpusCLUENER
			s.Spans[0].End = len("他住在武汉市东湖路")
		}
		out = append(out, s)
	}
	return out
}

func trainCorpusToy(t testing.TB) *Model { return corpusToy.get(t, corpusToyData) }

func TestSchemes(t *testing.T) {
	m := trainCorpusToy(t)
	sg := testSeg(t)
	text := "他住在武汉市东湖路附近。"
	for _, c := range []struct {
		scheme Scheme
		want   []string
	}{
		{SchemeMSRA, []string{"LOC:武汉市"}},
		{SchemeCLUENER, []string{"LOC:武汉市东湖路"}},
	} {
		if got := spanTexts(text, m.TagTextScheme(sg, text, c.scheme)); !cmp.Equal(got, c.want) {
			t.Errorf("scheme %s: got %v, want %v", c.scheme, got, c.want)
		}
	}
	if got, want := spanTexts(text, m.TagText(sg, text)), spanTexts(text, m.TagTextScheme(sg, text, DefaultScheme)); !cmp.Equal(got, want) {
		t.Errorf("TagText %v, want the default scheme's %v", got, want)
	}
	for i, name := range schemeNames {
		s, err := ParseScheme(name)
		if err != nil || s != Scheme(i) || s.String() != name {
			t.Errorf("ParseScheme(%q) = %v, %v", name, s, err)
		}
	}
	if _, err := ParseScheme("auto"); err == nil {
		t.Error("ParseScheme(auto): want an error")
	}
	// Save and load keep the blocks and the detector.
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for s := Scheme(0); s < nSchemes; s++ {
		if a, b := m.TagTextScheme(sg, text, s), m2.TagTextScheme(sg, text, s); !cmp.Equal(a, b) {
			t.Errorf("scheme %s after Save/Load: %v, want %v", s, b, a)
		}
	}
	if a, b := m.Detect([]string{text}), m2.Detect([]string{text}); a != b {
		t.Errorf("Detect after Save/Load: %v, want %v", b, a)
	}
}

func TestDetect(t *testing.T) {
	m := trainCorpusToy(t)
	if got := m.Detect(nil); got != DefaultScheme {
		t.Errorf("Detect(nil) = %v, want %v", got, DefaultScheme)
	}
	if got := m.Detect([]string{"", "  "}); got != DefaultScheme {
		t.Errorf("Detect(blank) = %v, want %v", got, DefaultScheme)
	}
	// A model without corpora has no detector.
	if got := trainToy(t).Detect([]string{"南山大学"}); got != DefaultScheme {
		t.Errorf("no detector: Detect = %v, want %v", got, DefaultScheme)
	}
}
