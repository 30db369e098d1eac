package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/pipeline"
)

// writePages writes n small text articles and returns their paths in
// lexical order.
func writePages(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("%03d.txt", i))
		text := fmt.Sprintf("第%d条新闻标题\n\n发布时间:2021-07-%02d\n\n正文第一段，讲述第%d件事情的经过，内容足够长。第二句话。", i, i%28+1, i)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return dir, paths
}

func TestRunOrder(t *testing.T) {
	dir, paths := writePages(t, 40)
	ex, _ := extract.New(extract.Options{})
	var got []string
	err := pipeline.Run(context.Background(), ex, []string{dir, filepath.Join(dir, "missing.txt")}, pipeline.Options{Workers: 4}, func(r pipeline.Result) error {
		got = append(got, r.Path)
		if r.Article == nil && r.Err == nil {
			t.Errorf("%s: neither article nor error", r.Path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := append(paths, filepath.Join(dir, "missing.txt"))
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("result %d is %s, want %s (input order)", i, got[i], want[i])
		}
	}
}

func TestRunStops(t *testing.T) {
	dir, _ := writePages(t, 50)
	ex, _ := extract.New(extract.Options{})
	stop := errors.New("enough")
	n := 0
	err := pipeline.Run(context.Background(), ex, []string{dir}, pipeline.Options{Workers: 2}, func(pipeline.Result) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("Run returned %v after %d results; want the emit error after 5", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = pipeline.Run(ctx, ex, []string{dir}, pipeline.Options{Workers: 2}, func(pipeline.Result) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run on a cancelled context returned %v", err)
	}
}

func ExampleRun() {
	ex, _ := extract.New(extract.Options{})
	_ = pipeline.Run(context.Background(), ex, []string{"../samples/pages/seed-like.txt"}, pipeline.Options{}, func(r pipeline.Result) error {
		if r.Article != nil {
			fmt.Println(r.Article.Published, r.Article.Publisher)
		}
		return nil
	})
	// Output: 2023-05-12 物流学院
}
