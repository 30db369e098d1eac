package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/zhnews/zhnews/corpus"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index"
	"github.com/zhnews/zhnews/pipeline"
)

func newIndexCmd() *cobra.Command {
	var (
		dir   string
		batch int
		run   runOptions
	)
	cmd := &cobra.Command{
		Use:   "index --index DIR [flags] INPUT...",
		Short: "Extract pages and add them to a search index",
		Long: `Index runs the whole pipeline over the inputs (pages, folders, archives, WARC
files, like extract) and writes the articles to the bleve index in DIR,
created when missing. Inputs ending in .jsonl are read as articles already
extracted (the output of "zhnews extract") and indexed as they are.

The run is incremental and safe to interrupt: an input whose SHA-256 is in
the index already is skipped (articles and non-article pages alike), an
input whose bytes changed replaces the article it gave before, and articles
are written in batches that are on disk when written, so after a crash or
kill the index opens with every batch written before, and running the same
command again finishes the job.`,
		Example: `  zhnews index --index news.idx samples/pages samples/archives
  zhnews extract site.warc.gz > site.jsonl && zhnews index --index news.idx site.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				return usageError{fmt.Errorf("--index DIR is required")}
			}
			if batch <= 0 {
				return usageError{fmt.Errorf("--batch must be positive")}
			}
			ix, err := index.Open(dir, index.Options{Lexicon: run.eng.lexicon})
			if err != nil {
				return err
			}
			defer ix.Close()
			var pages, jsonl []string
			for _, a := range args {
				if strings.HasSuffix(a, ".jsonl") || strings.HasSuffix(a, ".ndjson") {
					jsonl = append(jsonl, a)
				} else {
					pages = append(pages, a)
				}
			}
			w := &indexWriter{ix: ix, w: ix.NewWriter(batch), prog: newProgress(cmd.ErrOrStderr(), "index")}
			start := time.Now()
			err = w.pages(cmd, run, pages)
			if err == nil {
				err = w.articles(cmd.Context(), jsonl)
			}
			// Whatever stopped the run, what was read is written.
			if ferr := w.flush(context.WithoutCancel(cmd.Context())); err == nil {
				err = ferr
			}
			// Many new articles: merge the segments for fast searches.
			if err == nil && w.w.Written() >= compactAfter {
				err = ix.Compact(cmd.Context())
			}
			w.prog.finish()
			n, _ := ix.Count()
			if run.verbose || w.prog.tty {
				fmt.Fprintf(cmd.ErrOrStderr(), "%d articles indexed, %d inputs already there, %d not articles, %d failed in %s; the index holds %d articles\n",
					w.w.Written(), w.seen, w.skipped, w.failed, time.Since(start).Round(time.Millisecond), n)
			}
			if err != nil {
				return err
			}
			if w.failed > 0 {
				return errFailed
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "index", "", "the index `DIR` (created when missing)")
	cmd.Flags().IntVar(&batch, "batch", 1024, "articles written per batch")
	run.flags(cmd, true)
	return cmd
}

// compactAfter is the number of articles written in a run after which
// the index is compacted at the end.
const compactAfter = 1000

// indexWriter feeds an index.Writer and counts what happens to the inputs.
type indexWriter struct {
	w       *index.Writer
	ix      *index.Index
	prog    *progress
	seen    int
	skipped int
	failed  int
}

func (w *indexWriter) add(ctx context.Context, a *extract.Article) error {
	return w.w.Add(ctx, a)
}

func (w *indexWriter) flush(ctx context.Context) error {
	return w.w.Flush(ctx)
}

// pages runs the pipeline over page inputs.
func (w *indexWriter) pages(cmd *cobra.Command, run runOptions, inputs []string) error {
	if len(inputs) == 0 {
		return nil
	}
	ex, err := newEngine(run.eng)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	seen := func(sha string) bool {
		ok, err := w.ix.Seen(sha)
		return err == nil && ok
	}
	return pipeline.Run(ctx, ex, inputs, pipeline.Options{Workers: run.workers, Read: corpus.Options{MaxSize: run.maxSize}, Seen: seen},
		func(r pipeline.Result) error {
			w.prog.add(1)
			switch {
			case r.Seen:
				w.seen++
			case r.Article != nil:
				return w.add(ctx, r.Article)
			case r.Skip:
				w.skipped++
				w.w.Skip(r.SHA256)
				if run.verbose {
					w.prog.log("skip " + r.Err.Error())
				}
			default:
				w.failed++
				w.prog.log("error: " + r.Err.Error())
			}
			return nil
		})
}

// articles indexes JSON Lines files of extracted articles.
func (w *indexWriter) articles(ctx context.Context, files []string) error {
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			w.failed++
			w.prog.log("error: " + err.Error())
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
		for n := 1; sc.Scan(); n++ {
			if err := ctx.Err(); err != nil {
				f.Close()
				return err
			}
			var a extract.Article
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil || a.ID == "" {
				w.failed++
				if err == nil {
					err = fmt.Errorf("no article id")
				}
				w.prog.log(fmt.Sprintf("error: %s:%d: %v", name, n, err))
				continue
			}
			w.prog.add(1)
			if ok, err := w.ix.Seen(a.Source.SHA256); err == nil && ok && a.Source.SHA256 != "" {
				w.seen++
				continue
			}
			if err := w.add(ctx, &a); err != nil {
				f.Close()
				return err
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			w.failed++
			w.prog.log(fmt.Sprintf("error: %s: %v", name, err))
		}
	}
	return nil
}
