package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/zhnews/zhnews/ner"
	"github.com/zhnews/zhnews/seg"
	"github.com/zhnews/zhnews/timex"
)

// tagEntity is one entity of "zhnews tag" output; offsets in runes, end
// exclusive.
type tagEntity struct {
	Type  string `json:"type"` // PERSON, ORG, LOC, TITLE, DATE
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type tagOutput struct {
	Text     string      `json:"text"`
	Entities []tagEntity `json:"entities"`
}

func newTagCmd() *cobra.Command {
	var (
		modelFile string
		workers   int
		scheme    string
	)
	cmd := &cobra.Command{
		Use:   "tag [flags] [FILE...]",
		Short: "Tag people, organizations, locations and titles, one sentence per line",
		Long: `Tag reads one sentence per line from the files given (or stdin) and writes one
JSON object per input line, in order:

  {"text": "…", "entities": [{"type": "PERSON", "start": 0, "end": 3, "text": "…"}]}

Types are PERSON, ORG, LOC, TITLE and DATE (the date expressions of
"zhnews dates", without a reference time); start and end count runes (Unicode code
points), end exclusive. Traditional Chinese is tagged through its simplified
form with unchanged offsets. Lines are tagged in parallel; output order is
input order.

The training corpora annotate entities differently, and the model knows
each one's conventions; --scheme picks them: msra (news; places are single
toponyms, no titles annotated there), resume (résumés: people, organizations,
titles), cluener (CLUENER2020: whole addresses as LOC, courts and congresses
as ORG), news (msra with the titles of the shared weights; what the
extraction uses), general (the weights shared by all three), or auto (the default),
which reads the first ` + fmt.Sprint(detectLines) + ` lines of each input file and picks the
corpus whose characters they resemble most.`,
		Example: `  echo '武汉职业技术学院党委书记李洪渠出席签约仪式' | zhnews tag
  zhnews tag --model /tmp/ner.bin.gz sentences.txt > tagged.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if workers < 0 {
				return usageError{fmt.Errorf("--workers must not be negative")}
			}
			if workers == 0 {
				workers = runtime.GOMAXPROCS(0)
			}
			auto := scheme == "auto"
			var sch ner.Scheme
			if !auto {
				var err error
				if sch, err = ner.ParseScheme(scheme); err != nil {
					return usageError{err}
				}
			}
			m, err := loadNERModel(modelFile)
			if err != nil {
				return err
			}
			sg, err := seg.New(seg.Options{})
			if err != nil {
				return err
			}
			bw := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			t := &tagger{m: m, sg: sg, w: bw, workers: workers, auto: auto, scheme: sch}
			err = eachInput(cmd, args, t.run)
			if ferr := bw.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	cmd.Flags().StringVar(&modelFile, "model", "", "read the model from `FILE` instead of the embedded one")
	cmd.Flags().IntVar(&workers, "workers", 0, "lines tagged in parallel (default: one per CPU)")
	cmd.Flags().StringVar(&scheme, "scheme", "auto", "annotation conventions: auto, msra, resume, cluener, news or general")
	return cmd
}

func loadNERModel(file string) (*ner.Model, error) {
	if file == "" {
		return ner.Embedded()
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return m, nil
}

type tagger struct {
	m       *ner.Model
	sg      *seg.Segmenter
	w       *bufio.Writer
	workers int
	auto    bool       // detect the scheme of each input from its first lines
	scheme  ner.Scheme // the scheme of the current input
}

// detectLines is the number of lines the scheme detector of --scheme auto
// reads at the start of each input.
const detectLines = 500

// tagBatch is a batch of lines and, once done, their encoded output.
type tagBatch struct {
	lines []string
	out   []byte
	err   error
	done  chan struct{}
}

// run streams r: a reader fills batches of lines, workers tag them, and the
// batches are written in order as they complete.
func (t *tagger) run(r io.Reader) error {
	const batchLines = 64
	jobs := make(chan *tagBatch, t.workers*2)
	order := make(chan *tagBatch, t.workers*4)
	readErr := make(chan error, 1)
	br := bufio.NewReaderSize(r, 1<<16)
	// next returns the next line of r (without its line end) and the read
	// error after it; the first lines come from head.
	var head []string
	var headErr error
	next := func() (string, bool, error) {
		if len(head) > 0 {
			line := head[0]
			head = head[1:]
			if len(head) == 0 {
				return line, true, headErr
			}
			return line, true, nil
		}
		line, err := br.ReadString('\n')
		return strings.TrimRight(line, "\r\n"), line != "" || err == nil, err
	}
	if t.auto {
		// Hold the first lines back and pick the scheme from them.
		for len(head) < detectLines {
			line, err := br.ReadString('\n')
			if line != "" || err == nil {
				head = append(head, strings.TrimRight(line, "\r\n"))
			}
			if err != nil {
				headErr = err
				break
			}
		}
		t.scheme = t.m.Detect(head)
	}
	go func() {
		defer close(jobs)
		defer close(order)
		b := &tagBatch{done: make(chan struct{})}
		for {
			line, ok, err := next()
			if ok {
				b.lines = append(b.lines, line)
			}
			if len(b.lines) == batchLines || (err != nil && len(b.lines) > 0) {
				order <- b
				jobs <- b
				b = &tagBatch{done: make(chan struct{})}
			}
			if err != nil {
				if err != io.EOF {
					readErr <- err
				}
				return
			}
		}
	}()
	for range t.workers {
		go func() {
			for b := range jobs {
				b.out, b.err = t.tagLines(b.lines)
				close(b.done)
			}
		}()
	}
	var werr error
	for b := range order {
		<-b.done
		if werr == nil && b.err != nil {
			werr = b.err
		}
		if werr == nil {
			_, werr = t.w.Write(b.out)
		}
	}
	select {
	case err := <-readErr:
		return err
	default:
	}
	if werr == nil && t.w.Buffered() > 0 {
		werr = t.w.Flush()
	}
	return werr
}

func (t *tagger) tagLines(lines []string) ([]byte, error) {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	for _, line := range lines {
		if err := enc.Encode(t.tagLine(line)); err != nil {
			return nil, err
		}
	}
	return []byte(sb.String()), nil
}

// tagLine tags one sentence. Invalid UTF-8 bytes become U+FFFD first, one per
// byte, so that rune offsets match the text written out.
func (t *tagger) tagLine(line string) tagOutput {
	if !utf8.ValidString(line) {
		line = string([]rune(line))
	}
	out := tagOutput{Text: line, Entities: []tagEntity{}}
	if line == "" {
		return out
	}
	spans := t.m.TagTextScheme(t.sg, line, t.scheme)
	runeAt := 0
	prev := 0
	for _, s := range spans {
		runeAt += utf8.RuneCountInString(line[prev:s.Start])
		n := utf8.RuneCountInString(line[s.Start:s.End])
		out.Entities = append(out.Entities, tagEntity{Type: s.Type, Start: runeAt, End: runeAt + n, Text: line[s.Start:s.End]})
		runeAt += n
		prev = s.End
	}
	// DATE: the date expressions of the dates stage, where the tagger
	// found nothing.
	var runes []rune
	for _, d := range timex.Find(line, timex.Options{}) {
		for _, m := range d.Mentions {
			if overlapsEntity(out.Entities, m[0], m[1]) {
				continue
			}
			if runes == nil {
				runes = []rune(line)
			}
			out.Entities = append(out.Entities, tagEntity{Type: "DATE", Start: m[0], End: m[1], Text: string(runes[m[0]:m[1]])})
		}
	}
	sort.SliceStable(out.Entities, func(i, j int) bool { return out.Entities[i].Start < out.Entities[j].Start })
	return out
}

// overlapsEntity reports whether [start, end) overlaps one of es.
func overlapsEntity(es []tagEntity, start, end int) bool {
	for _, e := range es {
		if start < e.End && e.Start < end {
			return true
		}
	}
	return false
}
