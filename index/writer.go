package index

import (
	"context"
	"sync"

	"github.com/zhnews/zhnews/extract"
)

// Writer gathers articles into batches and writes them with [Index.Put],
// two batches at a time: one is analysed while the one before is being
// persisted, so both cores stay busy. Each batch is on disk when its Put
// returns; [Writer.Flush] writes what is left and waits for every write.
// A Writer is used from one goroutine.
type Writer struct {
	ix      *Index
	size    int
	cur     Batch
	slots   chan struct{}
	wg      sync.WaitGroup
	mu      sync.Mutex
	err     error
	written int
}

// NewWriter returns a Writer of batches of size articles (1024 when size
// is not positive: fewer, larger segments merge faster).
func (ix *Index) NewWriter(size int) *Writer {
	if size <= 0 {
		size = 1024
	}
	return &Writer{ix: ix, size: size, slots: make(chan struct{}, 2)}
}

// Add queues an article; it returns the error of an earlier write, if
// one failed.
func (w *Writer) Add(ctx context.Context, a *extract.Article) error {
	w.cur.Articles = append(w.cur.Articles, a)
	if len(w.cur.Articles) >= w.size {
		w.send(ctx)
	}
	return w.Err()
}

// Skip records the SHA-256 of an input that is no article.
func (w *Writer) Skip(sha256 string) {
	w.cur.Skipped = append(w.cur.Skipped, sha256)
}

// send starts writing the current batch.
func (w *Writer) send(ctx context.Context) {
	if len(w.cur.Articles) == 0 && len(w.cur.Skipped) == 0 {
		return
	}
	b := w.cur
	w.cur = Batch{}
	w.slots <- struct{}{}
	w.wg.Add(1)
	go func() {
		defer func() { <-w.slots; w.wg.Done() }()
		err := w.ix.Put(ctx, b)
		w.mu.Lock()
		defer w.mu.Unlock()
		if err != nil && w.err == nil {
			w.err = err
		}
		if err == nil {
			w.written += len(b.Articles)
		}
	}()
}

// Flush writes the articles queued and waits until every batch is
// written; it returns the first error of any write.
func (w *Writer) Flush(ctx context.Context) error {
	w.send(ctx)
	w.wg.Wait()
	return w.Err()
}

// Err returns the first error of a write.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Written returns the number of articles written so far.
func (w *Writer) Written() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written
}
