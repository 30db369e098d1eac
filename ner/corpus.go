package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	Loc    = "LOC"
	Title  = "TITLE"
)

// Types lists the entity types the tagger knows, in tag order.
var Types = []string{Person, Org, Loc, Title}

func typeIndex(t string) int {
	for i, x := range Types {
		if x == t {
			return i
		}
	}
	return -1
}

// Span is one entity: its type and its byte offsets in the text, end
// exclusive.
type Span struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Sentence is one annotated sentence of training or evaluation data.
type Sentence struct {
	Text  string
	Spans []Span // sorted, non-overlapping, byte offsets into Text
	// Types lists the entity types the source annotates; nil means all of
	// Types. Training treats a character outside every span as possibly
	// belonging to a type the source does not annotate (MSRA has no TITLE,
	// the Resume reader keeps no LOC), so such data does not teach the
	// model that titles or places are not entities.
	Types []string
	// Corpus names the data set the sentence comes from (CorpusMSRA,
	// CorpusResume, CorpusCLUENER; "" for other data). Training learns,
	// besides the shared weights, weights specific to each corpus's
	// annotation conventions; see [Scheme].
	Corpus string
}

// Corpus names set by the readers.
const (
	CorpusMSRA    = "msra"
	CorpusResume  = "resume"
	CorpusCLUENER = "cluener"
)

// ReadMSRA reads MSRA-style data: one "char<TAB>tag" line per character with
// BIO tags (B-PER, I-ORG, O …), a blank line between sentences. PER becomes
// PERSON; ORG and LOC are kept.
func ReadMSRA(r io.Reader) ([]Sentence, error) {
	return readTagged(r, "msra", func(line string) (string, string, bool) {
		c, t, ok := strings.Cut(line, "\t")
		return c, strings.TrimSpace(t), ok
	}, map[string]string{"PER": Person, "ORG": Org, "LOC": Loc}, []string{Person, Org, Loc}, CorpusMSRA)
}

// ReadResume reads Resume NER data: one "char tag" line per character with
// BMES tags, a blank line between sentences. NAME becomes PERSON; ORG and
// TITLE are kept; the other types (EDU, CONT, LOC, PRO, RACE) are dropped.
func ReadResume(r io.Reader) ([]Sentence, error) {
	return readTagged(r, "resume", func(line string) (string, string, bool) {
		f := strings.Fields(line)
		if len(f) < 2 {
			return "", "", false
		}
		return f[0], f[len(f)-1], true
	}, map[string]string{"NAME": Person, "ORG": Org, "TITLE": Title}, []string{Person, Org, Title}, CorpusResume)
}

func readTagged(r io.Reader, name string, split func(string) (string, string, bool), typeMap map[string]string, types []string, corpus string) ([]Sentence, error) {
	var (
		out   []Sentence
		text  strings.Builder
		spans []Span
		cur   = -1 // start of the open span
		curT  string
		lineN int
	)
	closeSpan := func(end int) {
		if cur >= 0 && end > cur {
			spans = append(spans, Span{Type: curT, Start: cur, End: end})
		}
		cur, curT = -1, ""
	}
	flush := func() {
		closeSpan(text.Len())
		if text.Len() > 0 {
			out = append(out, Sentence{Text: text.String(), Spans: spans, Types: types, Corpus: corpus})
		}
		text.Reset()
		spans = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		lineN++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		ch, tag, ok := split(line)
		if !ok || ch == "" {
			return nil, fmt.Errorf("%s line %d: want a character and a tag, got %q", name, lineN, line)
		}
		pre, lab, _ := strings.Cut(tag, "-")
		typ := typeMap[lab]
		pos := text.Len()
		switch {
		case pre == "O" || typ == "":
			closeSpan(pos)
		case pre == "B" || pre == "S":
			closeSpan(pos)
			cur, curT = pos, typ
		case pre == "I" || pre == "M" || pre == "E":
			if cur < 0 || curT != typ { // a span that starts without B
				closeSpan(pos)
				cur, curT = pos, typ
			}
		default:
			return nil, fmt.Errorf("%s line %d: unknown tag %q", name, lineN, tag)
		}
		text.WriteString(ch)
		if pre == "S" || pre == "E" {
			closeSpan(text.Len())
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	flush()
	return out, nil
}

var clueTypes = map[string]string{
	"name": Person, "company": Org, "government": Org, "organization": Org,
	"position": Title, "address": Loc,
}

// ReadCLUENER reads CLUENER2020 JSON Lines: {"text", "label": {type:
// {mention: [[start, end], …]}}} with rune offsets, end inclusive. name
// becomes PERSON; company, government and organization ORG; position TITLE;
// address LOC; the other types (book, game, movie, scene) are dropped.
func ReadCLUENER(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	lineN := 0
	for sc.Scan() {
		lineN++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec struct {
			Text  string                        `json:"text"`
			Label map[string]map[string][][]int `json:"label"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("cluener line %d: %w", lineN, err)
		}
		// rune index → byte offset
		offs := make([]int, 0, len(rec.Text)+1)
		for i := range rec.Text {
			offs = append(offs, i)
		}
		nr := len(offs)
		offs = append(offs, len(rec.Text))
		var spans []Span
		for lab, ments := range rec.Label {
			typ, ok := clueTypes[lab]
			if !ok {
				continue
			}
			for _, pairs := range ments {
				for _, p := range pairs {
					if len(p) != 2 || p[0] < 0 || p[1] < p[0] || p[1] >= nr {
						return nil, fmt.Errorf("cluener line %d: bad offsets %v in %d runes", lineN, p, nr)
					}
					spans = append(spans, Span{Type: typ, Start: offs[p[0]], End: offs[p[1]+1]})
				}
			}
		}
		spans = normalizeSpans(spans)
		out = append(out, Sentence{Text: rec.Text, Spans: spans, Types: Types, Corpus: CorpusCLUENER})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cluener: %w", err)
	}
	return out, nil
}

// normalizeSpans sorts spans and drops those that overlap an earlier,
// longer one.
func normalizeSpans(spans []Span) []Span {
	sortSpans(spans)
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			if s.End-s.Start > out[n-1].End-out[n-1].Start {
				out[n-1] = s
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func sortSpans(spans []Span) {
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && (spans[j].Start < spans[j-1].Start || spans[j].Start == spans[j-1].Start && spans[j].End > spans[j-1].End); j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
}
