package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/zhnews/zhnews/corpus"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/pipeline"
)

func newExtractCmd() *cobra.Command {
	var (
		out string
		run runOptions
	)
	cmd := &cobra.Command{
		Use:   "extract [flags] INPUT...",
		Short: "Extract articles from pages, folders, archives and WARC files as JSON Lines",
		Long: `Extract reads news pages (HTML or plain text; single files, folders,
.zip/.tar/.tar.gz archives, .warc/.warc.gz web archives, or - for stdin)
and writes one JSON object per article to stdout (or -o FILE).

Output order is input order (folders in lexical order, archive members in
archive order), except that articles split over several pages are written
at the end, joined. Pages that are not articles are skipped (-v lists them
with the reason). Each input that fails gets one line on stderr; the exit
status is 1 when any input failed.`,
		Example: `  zhnews extract samples/pages > articles.jsonl
  zhnews extract --workers 2 -o out.jsonl site.warc.gz
  zhnews extract --rules rules.json -v news.zip`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return writeOutput(cmd, out, func(bw *bufio.Writer) error {
				enc := json.NewEncoder(bw)
				enc.SetEscapeHTML(false)
				return run.each(cmd, args, func(a *extract.Article) error {
					if err := enc.Encode(a); err != nil {
						return err
					}
					// Flush per article when writing to a pipe so that
					// consumers see results as they come.
					if out == "" {
						return bw.Flush()
					}
					return nil
				})
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write JSON Lines to `FILE` instead of stdout")
	run.flags(cmd, true)
	return cmd
}

// runOptions are the flags of the commands that run the pipeline.
type runOptions struct {
	workers int
	eng     engineOptions
	maxSize int64
	verbose bool
}

func (o *runOptions) flags(cmd *cobra.Command, entitiesOptional bool) {
	f := cmd.Flags()
	f.IntVar(&o.workers, "workers", 0, "pages extracted in parallel (0: one per CPU)")
	f.StringVar(&o.eng.rules, "rules", "", "site rules `FILE` (JSON; see README) overriding the heuristics")
	f.StringVar(&o.eng.lexicon, "lexicon", "", "user lexicon `FILE` (TSV; see README): your organizations, people, titles")
	if entitiesOptional {
		f.BoolVar(&o.eng.noEntities, "no-entities", false, "skip people, organizations, locations and relations (faster start)")
	}
	f.Int64Var(&o.maxSize, "max-size", corpus.DefaultMaxSize, "skip files and archive members larger than this many `BYTES`")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "list skipped non-article pages with the reason, and a summary")
}

// each runs the pipeline over the inputs and calls emit with every
// article, in input order. Failures are reported on stderr, one line
// each; the returned error is errFailed when any input failed.
func (o *runOptions) each(cmd *cobra.Command, args []string, emit func(*extract.Article) error) error {
	ex, err := newEngine(o.eng)
	if err != nil {
		return err
	}
	prog := newProgress(cmd.ErrOrStderr(), cmd.Name())
	var nArticles, nSkipped, nFailed int
	start := time.Now()
	err = pipeline.Run(cmd.Context(), ex, args, pipeline.Options{Workers: o.workers, Read: corpus.Options{MaxSize: o.maxSize}},
		func(r pipeline.Result) error {
			prog.add(1)
			switch {
			case r.Article != nil:
				nArticles++
				return emit(r.Article)
			case r.Skip:
				nSkipped++
				if o.verbose {
					prog.log("skip " + r.Err.Error())
				}
			default:
				nFailed++
				prog.log("error: " + r.Err.Error())
			}
			return nil
		})
	prog.finish()
	if err != nil {
		return err
	}
	if o.verbose || prog.tty {
		fmt.Fprintf(cmd.ErrOrStderr(), "%d articles, %d skipped, %d failed in %s\n", nArticles, nSkipped, nFailed, time.Since(start).Round(time.Millisecond))
	}
	if nFailed > 0 {
		return errFailed
	}
	return nil
}
