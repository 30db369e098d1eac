package index

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/zhnews/zhnews/extract"
)

// The article is stored in two values, both compressed with DEFLATE.
// Chinese text is three bytes a character in UTF-8, which the snappy
// compression of bleve's stored fields barely shrinks (4.4 KB of article
// JSON to 2.7 KB on the nku pages); DEFLATE's Huffman coding takes it to
// under 2 KB. Title and body are indexed but not stored as fields of their
// own.
//
//   - fieldHit holds what a hit shows: publish date, URL, path, title and
//     body, each a length (uvarint) and its bytes, in that order, so that a
//     hit reads no JSON and stops before the body when it shows no
//     highlights.
//   - fieldDoc holds the rest: the JSON of the output contract without
//     title and body, compressed with a preset dictionary of its field
//     names.
//
// Both start with a version byte; storedV1 is the only one. The dictionary
// of a version never changes.
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
	writers     sync.Pool // *flate.Writer with storedDictV1
	textWriters sync.Pool // *flate.Writer without a dictionary
	readers     sync.Pool // io.ReadCloser that is a flate.Resetter
}

// encode returns the stored values of an article: fieldHit and fieldDoc.
func (c *codec) encode(a *extract.Article) (hit, doc string, err error) {
	var text []byte
	for _, v := range []string{a.Published, a.Source.URL, a.Source.Path, a.Title, a.Body} {
		text = binary.AppendUvarint(text, uint64(len(v)))
		text = append(text, v...)
	}
	if hit, err = c.compress(text, nil); err != nil {
		return "", "", fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	rest := *a
	rest.Title, rest.Body = "", ""
	js, err := json.Marshal(&rest)
	if err != nil {
		return "", "", fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	if doc, err = c.compress(js, storedDictV1); err != nil {
		return "", "", fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return hit, doc, nil
}

// compress returns storedV1 and b compressed with dict.
func (c *codec) compress(b, dict []byte) (string, error) {
	pool := &c.textWriters
	if dict != nil {
		pool = &c.writers
	}
	var buf bytes.Buffer
	buf.Grow(len(b)/2 + 16)
	buf.WriteByte(storedV1)
	w, _ := pool.Get().(*flate.Writer)
	if w == nil {
		var err error
		if w, err = flate.NewWriterDict(&buf, flate.DefaultCompression, dict); err != nil {
			return "", err
		}
	} else {
		w.Reset(&buf)
	}
	defer pool.Put(w)
	if _, err := w.Write(b); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// reader returns a reader of a stored value and a function to call when
// done with it.
func (c *codec) reader(stored string, dict []byte) (io.Reader, func(), error) {
	if stored == "" || stored[0] != storedV1 {
		return nil, nil, fmt.Errorf("unknown format")
	}
	src := strings.NewReader(stored[1:])
	r, _ := c.readers.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReaderDict(src, dict)
	} else if err := r.(flate.Resetter).Reset(src, dict); err != nil {
		return nil, nil, err
	}
	return r, func() { c.readers.Put(r) }, nil
}

// decode rebuilds an article from its stored values.
func (c *codec) decode(hit, doc string) (*extract.Article, error) {
	h, err := c.head(hit, true)
	if err != nil {
		return nil, err
	}
	r, done, err := c.reader(doc, storedDictV1)
	if err != nil {
		return nil, fmt.Errorf("decode stored article: %w", err)
	}
	defer done()
	var a extract.Article
	if err := json.NewDecoder(r).Decode(&a); err != nil {
		return nil, fmt.Errorf("decode stored article: %w", err)
	}
	a.Title, a.Body = h.Title, h.Body
	return &a, nil
}

// head is what a hit shows of an article.
type head struct {
	Published, URL, Path, Title, Body string
}

// head decodes fieldHit: publish date, URL, path and title, and the body
// when withBody is set (it stops before the body otherwise).
func (c *codec) head(hit string, withBody bool) (head, error) {
	var h head
	r, done, err := c.reader(hit, nil)
	if err != nil {
		return h, fmt.Errorf("decode stored hit: %w", err)
	}
	defer done()
	br := byteReader{r: r}
	fields := []*string{&h.Published, &h.URL, &h.Path, &h.Title, &h.Body}
	if !withBody {
		fields = fields[:4]
	}
	for _, f := range fields {
		n, err := binary.ReadUvarint(&br)
		if err == nil && n > maxStored {
			err = fmt.Errorf("value of %d bytes", n)
		}
		if err != nil {
			return h, fmt.Errorf("decode stored hit: %w", err)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return h, fmt.Errorf("decode stored hit: %w", err)
		}
		*f = string(b)
	}
	return h, nil
}

// maxStored bounds the length of a stored value read back (a damaged
// index must not make a reader allocate without end).
const maxStored = 64 << 20

// byteReader reads single bytes from a reader (for binary.ReadUvarint)
// without reading ahead.
type byteReader struct {
	r   io.Reader
	buf [1]byte
}

func (b *byteReader) ReadByte() (byte, error) {
	if _, err := io.ReadFull(b.r, b.buf[:]); err != nil {
		return 0, err
	}
	return b.buf[0], nil
}
