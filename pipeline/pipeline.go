// Package pipeline runs the stages of zhnews over a collection: it reads
// inputs with package corpus, decodes them, extracts articles with package
// extract on a bounded pool of workers, joins articles split over several
// pages, and hands results to the caller in input order.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/zhnews/zhnews/corpus"
	"github.com/zhnews/zhnews/extract"
)

// Options configures a run.
type Options struct {
	// Workers is the number of pages extracted at once; 0 means one per CPU.
	Workers int
	// Read configures the corpus readers (size limit).
	Read corpus.Options
	// Seen, when set, reports inputs done before (by the SHA-256 of their
	// bytes): they are not extracted, and their result has Seen set.
	Seen func(sha256 string) bool
}

// Result is the outcome for one input item: an article, or an error. Skip
// is true when the page was read fine but is not an article (Err then
// wraps extract.ErrNotArticle).
type Result struct {
	Path    string
	Article *extract.Article
	Err     error
	Skip    bool
	// SHA256 is the hex SHA-256 of the input's bytes (empty when it could
	// not be read).
	SHA256 string
	// Seen is true when Options.Seen reported the input as done before;
	// nothing else is set then but Path and SHA256.
	Seen bool
}

// Run extracts every item of inputs and calls emit with each result, in
// input order. Articles split over several pages are held back and emitted,
// joined, after all other results. emit is called from one goroutine at a
// time; if it returns an error, Run stops and returns it. Per-input
// problems are results, not errors of Run.
func Run(ctx context.Context, ex *extract.Extractor, inputs []string, opts Options, emit func(Result) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq  int
		item corpus.Item
		err  error
	}
	type done struct {
		seq int
		res Result
	}
	jobs := make(chan job, workers)
	results := make(chan done, workers)

	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		for item, err := range corpus.Read(ctx, inputs, opts.Read) {
			if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				readErr = err
				return
			}
			select {
			case jobs <- job{seq: seq, item: item, err: err}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				var r Result
				if j.err != nil {
					r = Result{Path: j.item.Path, Err: j.err}
				} else {
					sum := sha256.Sum256(j.item.Data)
					sha := hex.EncodeToString(sum[:])
					if opts.Seen != nil && opts.Seen(sha) {
						r = Result{Path: j.item.Path, SHA256: sha, Seen: true}
					} else {
						r = One(ctx, ex, j.item)
					}
				}
				select {
				case results <- done{j.seq, r}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Reorder: results arrive in any order and leave in input order.
	pending := map[int]Result{}
	next := 0
	var paged []*extract.Article
	var emitErr error
	for d := range results {
		if emitErr != nil {
			continue
		}
		pending[d.seq] = d.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if r.Article != nil && r.Article.Paged() {
				paged = append(paged, r.Article)
				continue
			}
			if err := emit(r); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if readErr != nil {
		return readErr
	}
	for _, a := range ex.JoinPages(paged) {
		if err := emit(Result{Path: a.Source.Path, Article: a}); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// One decodes and extracts a single item.
func One(ctx context.Context, ex *extract.Extractor, item corpus.Item) Result {
	text, enc := corpus.Decode(item.Data, item.ContentType)
	sum := sha256.Sum256(item.Data)
	in := extract.Input{
		Source: extract.Source{
			Path:     item.Path,
			URL:      item.URL,
			SHA256:   hex.EncodeToString(sum[:]),
			Encoding: enc,
		},
		Text:   text,
		Format: extract.FormatText,
	}
	if corpus.IsHTML(item) {
		in.Format = extract.FormatHTML
	}
	a, err := ex.Extract(ctx, in)
	if err != nil {
		return Result{Path: item.Path, SHA256: in.Source.SHA256, Err: fmt.Errorf("%s: %w", item.Path, err), Skip: errors.Is(err, extract.ErrNotArticle)}
	}
	return Result{Path: item.Path, SHA256: in.Source.SHA256, Article: a}
}

// Articles is Run as an iterator over results, for callers that prefer a
// range loop. Breaking out of the loop stops the run.
func Articles(ctx context.Context, ex *extract.Extractor, inputs []string, opts Options) iter.Seq2[Result, error] {
	return func(yield func(Result, error) bool) {
		stop := errors.New("stop")
		err := Run(ctx, ex, inputs, opts, func(r Result) error {
			if !yield(r, nil) {
				return stop
			}
			return nil
		})
		if err != nil && err != stop {
			yield(Result{}, err)
		}
	}
}
