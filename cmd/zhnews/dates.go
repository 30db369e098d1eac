package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/zhnews/zhnews/timex"
)

// datesInput is one line of "zhnews dates" input.
type datesInput struct {
	Text string `json:"text"`
	Ref  string `json:"ref,omitempty"`
}

// datesOutput is one line of "zhnews dates" output.
type datesOutput struct {
	Text  string       `json:"text"`
	Ref   string       `json:"ref,omitempty"`
	Dates []timex.Date `json:"dates"`
}

func newDatesCmd() *cobra.Command {
	var (
		ref        string
		annotation bool
	)
	cmd := &cobra.Command{
		Use:   "dates [flags] [FILE...]",
		Short: "Find and normalize Chinese date and time expressions, one text per line",
		Long: `Dates reads JSON lines {"text": "…", "ref": "2021-07-06T09:30:00+08:00"} from the
files given (or stdin) and writes one JSON line per input line, in order:

  {"text": "…", "ref": "…", "dates": [{"text": "6月24日下午", "value": "2021-06-24",
   "grain": "day", "part_of_day": "afternoon", "mentions": [[0, 7]]}]}

ref is the reference time (the publish date) as ISO 8601: a date, or a date
and time with or without a zone (China time when none).

Values are the instants a time parser gives (the reading of JioNLP and
Duckling): 6月24日下午 is 2021-06-24T13:00, 7月上旬 the days 1 to 10, 去年9月起
the span from 2020-09-01T00:00:00, 近30天 a span too. --annotation gives
extract's reading instead, the value at the grain written (2021-06-24 with
part_of_day afternoon, 2021-07, 2020-09; durations are no dates). Relative and
yearless expressions are resolved against it; without one, a yearless date
takes a year the text gives, or is written XXXX-MM-DD, and relative
expressions are left out. A line that is not JSON is taken as the text
itself. --ref sets the reference for lines that carry none.`,
		Example: `  echo '{"text":"6月24日下午举行签约仪式","ref":"2021-07-06"}' | zhnews dates
  zhnews dates --ref 2022-01-05 sentences.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var def time.Time
			if ref != "" {
				t, err := parseRef(ref)
				if err != nil {
					return usageError{fmt.Errorf("--ref: %w", err)}
				}
				def = t
			}
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			err := eachInput(cmd, args, func(r io.Reader) error { return runDates(r, w, def, annotation) })
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	cmd.Flags().StringVar(&ref, "ref", "", "reference time for lines without one (ISO 8601)")
	cmd.Flags().BoolVar(&annotation, "annotation", false, "values at the grain written, as extract gives them, instead of instants")
	return cmd
}

// runDates answers every line of r on w, in order.
//
// With annotation set, values follow extract's reading (the grain written)
// instead of the instants of a time parser.
func runDates(r io.Reader, w io.Writer, def time.Time, annotation bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 16<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		in := datesInput{Text: line}
		if strings.HasPrefix(strings.TrimSpace(line), "{") {
			if err := json.Unmarshal([]byte(line), &in); err != nil {
				return fmt.Errorf("line %d: %w", n, err)
			}
		}
		ref := def
		if in.Ref != "" {
			t, err := parseRef(in.Ref)
			if err != nil {
				return fmt.Errorf("line %d: ref: %w", n, err)
			}
			ref = t
		}
		out := datesOutput{Text: in.Text, Ref: in.Ref, Dates: timex.Find(in.Text, timex.Options{Ref: ref, Instants: !annotation})}
		if out.Dates == nil {
			out.Dates = []timex.Date{}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return sc.Err()
}

// parseRef reads a reference time: RFC 3339, a date and time without a
// zone, or a date; China time when no zone is given.
func parseRef(s string) (time.Time, error) {
	t, err := timex.ParseRef(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an ISO 8601 date or time", s)
	}
	return t, nil
}
