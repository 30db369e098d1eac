package index

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/zhnews/zhnews/extract"
)

// The article is stored whole, as the JSON of the output contract
// compressed with DEFLATE and a preset dictionary of the contract's field
// names. Chinese text is three bytes a character in UTF-8, which the
// snappy compression of bleve's stored fields barely shrinks (4.4 KB of
// JSON to 2.7 KB on the nku pages); DEFLATE's Huffman coding takes it to
// 1.9 KB. Title and body are indexed but not stored separately: hits and
// highlights read them from here.
//
// A stored value starts with a version byte; storedV1 is the only one.
// The dictionary of a version never changes.
const storedV1 = 1

// storedDictV1 primes the compressor with the JSON around the values (the
// later a string in it, the cheaper a match).
var storedDictV1 = []byte(`"evidence":"","mentions":[[0,0]]},{"type":"signing","appointment","speech","attendance",` +
	`"parties":[{"org":"","representative":""}],"agreement":"","subject":"","person":"","role":"","org":"","date":"20","status":"",` +
	`"grain":"day","part_of_day":"morning","afternoon","evening","fuzzy":true,"text":"","value":"20","end":"20",` +
	`"kind":"company","government","association","research","department","other","school",` +
	`"aliases":[""],"roles":[{"title":"","org":""}],"locations":[{"name":"","dates":[{"relations":[{` +
	`"organizations":[{"name":"","people":[{"name":"","mentions":[[0,0]]},{"name":"",` +
	`"byline":{"outlet":"","department":"","authors":[""],"correspondents":[""],"photographers":[""],"editors":[""]},` +
	`"views":0,"body":"","publisher":"","published":"20","title":"","pages":2,` +
	`{"id":"","source":{"path":"","url":"https://www.","sha256":"","encoding":"utf-8","gbk","big5","gb18030"},"title":"`)

// codec compresses and decompresses stored articles, reusing the
// compressors (a DEFLATE writer is large to set up).
type codec struct {
	writers sync.Pool // *flate.Writer
	readers sync.Pool // io.ReadCloser that is a flate.Resetter
}

// encode returns the stored form of an article.
func (c *codec) encode(a *extract.Article) (string, error) {
	js, err := json.Marshal(a)
	if err != nil {
		return "", fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	var buf bytes.Buffer
	buf.Grow(len(js)/2 + 16)
	buf.WriteByte(storedV1)
	w, _ := c.writers.Get().(*flate.Writer)
	if w == nil {
		if w, err = flate.NewWriterDict(&buf, flate.DefaultCompression, storedDictV1); err != nil {
			return "", fmt.Errorf("encode article %s: %w", a.ID, err)
		}
	} else {
		w.Reset(&buf)
	}
	defer c.writers.Put(w)
	if _, err := w.Write(js); err != nil {
		return "", fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return buf.String(), nil
}

// decode rebuilds an article from its stored form.
func (c *codec) decode(stored string) (*extract.Article, error) {
	if stored == "" || stored[0] != storedV1 {
		return nil, fmt.Errorf("decode stored article: unknown format")
	}
	src := strings.NewReader(stored[1:])
	r, _ := c.readers.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReaderDict(src, storedDictV1)
	} else if err := r.(flate.Resetter).Reset(src, storedDictV1); err != nil {
		return nil, fmt.Errorf("decode stored article: %w", err)
	}
	defer c.readers.Put(r)
	var a extract.Article
	if err := json.NewDecoder(r).Decode(&a); err != nil {
		return nil, fmt.Errorf("decode stored article: %w", err)
	}
	return &a, nil
}

// head is what a hit shows of an article.
type head struct {
	Title, Published, Body string
	Source                 extract.Source
}

// head decodes the fields of a hit from an article's stored form: title,
// publish date and source, and the body when withBody is set. It stops
// reading once it has them, which skips decompressing and decoding the
// entities and relations written after the body.
func (c *codec) head(stored string, withBody bool) (head, error) {
	var h head
	if stored == "" || stored[0] != storedV1 {
		return h, fmt.Errorf("decode stored article: unknown format")
	}
	src := strings.NewReader(stored[1:])
	r, _ := c.readers.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReaderDict(src, storedDictV1)
	} else if err := r.(flate.Resetter).Reset(src, storedDictV1); err != nil {
		return h, fmt.Errorf("decode stored article: %w", err)
	}
	defer c.readers.Put(r)
	dec := json.NewDecoder(r)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return h, fmt.Errorf("decode stored article: not an object")
	}
	want := 3
	if withBody {
		want++
	}
	for want > 0 && dec.More() {
		t, err := dec.Token()
		if err != nil {
			return h, fmt.Errorf("decode stored article: %w", err)
		}
		var dst any
		switch t {
		case "title":
			dst = &h.Title
		case "published":
			dst = &h.Published
		case "source":
			dst = &h.Source
		case "body":
			if withBody {
				dst = &h.Body
			}
		}
		if dst == nil {
			var skip json.RawMessage
			dst = &skip
		} else {
			want--
		}
		if err := dec.Decode(dst); err != nil {
			return h, fmt.Errorf("decode stored article: %w", err)
		}
	}
	return h, nil
}
