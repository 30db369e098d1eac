package corpus_test

import (
	"archive/zip"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/zhnews/zhnews/corpus"
)

func ExampleRead() {
	dir, err := os.MkdirTemp("", "corpus-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// A zip archive with one news page and one member that tries to escape.
	f, err := os.Create(filepath.Join(dir, "news.zip"))
	if err != nil {
		log.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, m := range []struct{ name, body string }{
		{"2024/spring.html", `<html><head><meta charset="utf-8"><title>春季运动会</title></head><body><p>春华中学举行春季运动会。</p></body></html>`},
		{"../evil.html", "<p>越界</p>"},
	} {
		w, err := zw.Create(m.name)
		if err != nil {
			log.Fatal(err)
		}
		w.Write([]byte(m.body))
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	f.Close()

	for it, err := range corpus.Read(context.Background(), []string{dir}, corpus.Options{}) {
		if err != nil {
			fmt.Println("error:", strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)))
			continue
		}
		text, enc := corpus.Decode(it.Data, it.ContentType)
		fmt.Println(strings.TrimPrefix(it.Path, dir+string(filepath.Separator)), corpus.IsHTML(it), enc, len([]rune(text)))
	}
	// Output:
	// news.zip!2024/spring.html true utf-8 100
	// error: news.zip!../evil.html: corpus: unsafe member path
}
