package ner

import (
	"bufio"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/zhnews/zhnews/seg"
	"github.com/zhnews/zhnews/zhconv"
)

// Tags: 0 is O; type t has B = 1+4t, I = 2+4t, E = 3+4t, S = 4+4t.
const (
	nTypes = 4
	nTags  = 1 + 4*nTypes
	tagO   = 0
)

func tagB(t int) int { return 1 + 4*t }
func tagI(t int) int { return 2 + 4*t }
func tagE(t int) int { return 3 + 4*t }
func tagS(t int) int { return 4 + 4*t }

// tagType returns the type index of tag and its kind (0 B, 1 I, 2 E, 3 S).
func tagType(tag int) (typ, kind int) { return (tag - 1) / 4, (tag - 1) % 4 }

// allowedTrans reports whether tag c may follow tag p; p = -1 is the start.
func allowedTrans(p, c int) bool {
	open := p > 0 && ((p-1)%4 == 0 || (p-1)%4 == 1) // after B or I
	if !open {
		return c == tagO || (c-1)%4 == 0 || (c-1)%4 == 3 // O, B, S
	}
	pt := (p - 1) / 4
	return c == tagI(pt) || c == tagE(pt)
}

func allowedEnd(c int) bool { return c == tagO || (c-1)%4 == 2 || (c-1)%4 == 3 }

// prevTags[c] lists the tags that may precede c.
var prevTags = func() (out [nTags][]uint8) {
	for c := 0; c < nTags; c++ {
		for p := 0; p < nTags; p++ {
			if allowedTrans(p, c) {
				out[c] = append(out[c], uint8(p))
			}
		}
	}
	return
}()

// Model is a trained tagger. It is read-only and safe for concurrent use.
type Model struct {
	keys  []uint64 // open-addressing table of feature keys; 0 is empty
	rows  []int32  // row of each key in w
	mask  uint64
	w     []float32 // nTags weights per row
	trans [nTags * nTags]float32
	start [nTags]float32
	lex   lexicon
	nFeat int
	pool  sync.Pool // *scratch
}

type scratch struct {
	d      sentenceData
	keys   []uint64
	scores []float32
	delta  []float32
	back   []uint8
	tags   []uint8
}

func (m *Model) lookup(k uint64) int32 {
	for i := k & m.mask; ; i = (i + 1) & m.mask {
		switch m.keys[i] {
		case k:
			return m.rows[i]
		case 0:
			return -1
		}
	}
}

// newModel builds the lookup table for features keys[i] with the weights
// w[i*nTags:(i+1)*nTags].
func newModel(keys []uint64, w []float32, trans *[nTags * nTags]float32, start *[nTags]float32, lex lexicon) *Model {
	size := 1 << bits.Len(uint(len(keys)*2+1))
	m := &Model{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1), w: w, lex: lex, nFeat: len(keys)}
	m.trans, m.start = *trans, *start
	for r, k := range keys {
		for i := k & m.mask; ; i = (i + 1) & m.mask {
			if m.keys[i] == 0 {
				m.keys[i], m.rows[i] = k, int32(r)
				break
			}
		}
	}
	return m
}

// Tag returns the entities of text, sorted and non-overlapping, with byte
// offsets into text. words are the gse words of text: seg.Segment(text), or
// for traditional text preferably seg.Segment(zhconv.ToSimplified(text)),
// which has the same offsets (see [Model.TagText]). Words whose offsets do
// not fit text are ignored; nil words give a tagger without word features.
func (m *Model) Tag(text string, words []seg.Token) []Span {
	if text == "" {
		return nil
	}
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer m.pool.Put(sc)
	d := &sc.d
	d.prepare(text, words)
	n := len(d.runes)
	sc.scores = m.emissions(d, sc.scores, &sc.keys)
	sc.tags = m.viterbi(sc.scores, n, nil, sc)
	return decodeSpans(sc.tags, d.offs, nil)
}

// TagText converts text to simplified characters, segments it with s and
// tags it: the way to tag traditional Chinese. Offsets are into text.
func (m *Model) TagText(s *seg.Segmenter, text string) []Span {
	return m.Tag(text, s.Segment(zhconv.ToSimplified(text)))
}

func (m *Model) emissions(d *sentenceData, scores []float32, kbuf *[]uint64) []float32 {
	n := len(d.runes)
	scores = slices.Grow(scores[:0], n*nTags)[:n*nTags]
	clear(scores)
	for i := 0; i < n; i++ {
		ks := d.features((*kbuf)[:0], i, &m.lex)
		*kbuf = ks
		row := scores[i*nTags : i*nTags+nTags : i*nTags+nTags]
		for _, k := range ks {
			if r := m.lookup(k); r >= 0 {
				addRow(row, m.w[int(r)*nTags:int(r)*nTags+nTags])
			}
		}
	}
	d.gazMatches(&m.lex, func(i int, k uint64) {
		if r := m.lookup(k); r >= 0 {
			addRow(scores[i*nTags:i*nTags+nTags], m.w[int(r)*nTags:int(r)*nTags+nTags])
		}
	})
	return scores
}

func addRow(dst, src []float32) {
	src = src[:len(dst)]
	for j := range dst {
		dst[j] += src[j]
	}
}

// viterbi returns the best tag sequence for emission scores (n×nTags) under
// the BIOES constraints and, when allowed is not nil, the per-position tag
// masks.
func (m *Model) viterbi(scores []float32, n int, allowed []uint32, sc *scratch) []uint8 {
	return viterbi(scores, n, allowed, &m.trans, &m.start, sc)
}

var negInf = float32(math.Inf(-1))

func viterbi(scores []float32, n int, allowed []uint32, trans *[nTags * nTags]float32, start *[nTags]float32, sc *scratch) []uint8 {
	if n == 0 {
		return sc.tags[:0]
	}
	sc.delta = slices.Grow(sc.delta[:0], n*nTags)[:n*nTags]
	sc.back = slices.Grow(sc.back[:0], n*nTags)[:n*nTags]
	delta, back := sc.delta, sc.back
	for c := 0; c < nTags; c++ {
		v := negInf
		if allowedTrans(-1, c) && (allowed == nil || allowed[0]&(1<<c) != 0) {
			v = start[c] + scores[c]
		}
		delta[c] = v
	}
	for i := 1; i < n; i++ {
		prev := delta[(i-1)*nTags : i*nTags]
		cur := delta[i*nTags : (i+1)*nTags]
		bk := back[i*nTags : (i+1)*nTags]
		for c := 0; c < nTags; c++ {
			if allowed != nil && allowed[i]&(1<<c) == 0 {
				cur[c] = negInf
				bk[c] = 0
				continue
			}
			best, bp := negInf, uint8(0)
			for _, p := range prevTags[c] {
				if v := prev[p] + trans[int(p)*nTags+c]; v > best {
					best, bp = v, p
				}
			}
			cur[c] = best + scores[i*nTags+c]
			bk[c] = bp
		}
	}
	last := delta[(n-1)*nTags:]
	best, bt := negInf, 0
	for c := 0; c < nTags; c++ {
		if allowedEnd(c) && last[c] > best {
			best, bt = last[c], c
		}
	}
	tags := slices.Grow(sc.tags[:0], n)[:n]
	sc.tags = tags
	if best == negInf { // no path satisfies the masks: fall back to all O
		clear(tags)
		return tags
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = uint8(bt)
		bt = int(back[i*nTags+bt])
	}
	return tags
}

// decodeSpans turns well-formed BIOES tags into spans with offsets offs[i].
func decodeSpans(tags []uint8, offs []int, dst []Span) []Span {
	start := -1
	for i, tg := range tags {
		if tg == tagO {
			start = -1
			continue
		}
		typ, kind := tagType(int(tg))
		switch kind {
		case 0:
			start = i
		case 3:
			dst = append(dst, Span{Type: Types[typ], Start: offs[i], End: offs[i+1]})
			start = -1
		case 2:
			if start >= 0 {
				dst = append(dst, Span{Type: Types[typ], Start: offs[start], End: offs[i+1]})
			}
			start = -1
		}
	}
	return dst
}

// Features reports the number of features of the model.
func (m *Model) Features() int { return m.nFeat }

const magic = "ZHNER\x00v1"

// Save writes the model, gzip-compressed. Weights are stored as int16 with a
// common scale.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	bw.WriteString(magic)
	put(uint32(nTags))
	put(m.trans)
	put(m.start)
	// lexicon
	sur := make([]int32, 0, len(m.lex.surnames))
	for r := range m.lex.surnames {
		sur = append(sur, r)
	}
	slices.Sort(sur)
	put(uint32(len(sur)))
	put(sur)
	for _, mp := range []map[uint64]uint8{m.lex.suffixes, m.lex.gaz} {
		ks := make([]uint64, 0, len(mp))
		for k := range mp {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		vs := make([]uint8, len(ks))
		for i, k := range ks {
			vs[i] = mp[k]
		}
		put(uint32(len(ks)))
		put(ks)
		put(vs)
	}
	put(uint32(m.lex.gazMax))
	// features, sorted by key
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	type feat struct {
		k uint64
		r int32
	}
	feats := make([]feat, 0, m.nFeat)
	for i, k := range m.keys {
		if k != 0 {
			feats = append(feats, feat{k, m.rows[i]})
		}
	}
	slices.SortFunc(feats, func(a, b feat) int {
		if a.k < b.k {
			return -1
		}
		if a.k > b.k {
			return 1
		}
		return 0
	})
	put(scale)
	put(uint32(len(feats)))
	var buf []byte
	var prev uint64
	for _, f := range feats {
		buf = buf[:0]
		buf = binary.AppendUvarint(buf, f.k-prev)
		prev = f.k
		row := m.w[int(f.r)*nTags : int(f.r)*nTags+nTags]
		var mask uint32
		var q [nTags]int16
		for t, v := range row {
			q[t] = int16(math.Round(float64(v / scale)))
			if q[t] != 0 {
				mask |= 1 << t
			}
		}
		buf = binary.AppendUvarint(buf, uint64(mask))
		for t := 0; t < nTags; t++ {
			if mask&(1<<t) != 0 {
				buf = binary.AppendVarint(buf, int64(q[t]))
			}
		}
		if err == nil {
			_, err = bw.Write(buf)
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// Load reads a model written by [Model.Save] (gzip-compressed or not).
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, err := br.Peek(2); err == nil && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("load model: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	m, err := load(br)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	return m, nil
}

func load(br *bufio.Reader) (*Model, error) {
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		return nil, errors.New("not a zhnews NER model")
	}
	var nt uint32
	get(&nt)
	if err == nil && nt != nTags {
		return nil, fmt.Errorf("model has %d tags, want %d", nt, nTags)
	}
	var trans [nTags * nTags]float32
	var start [nTags]float32
	get(&trans)
	get(&start)
	var n uint32
	get(&n)
	if err != nil {
		return nil, err
	}
	if n > 1<<20 {
		return nil, errors.New("corrupt lexicon")
	}
	sur := make([]int32, n)
	get(sur)
	lex := lexicon{surnames: make(map[rune]bool, n)}
	for _, r := range sur {
		lex.surnames[r] = true
	}
	maps := make([]map[uint64]uint8, 2)
	for j := range maps {
		get(&n)
		if err != nil {
			return nil, err
		}
		if n > 1<<24 {
			return nil, errors.New("corrupt lexicon")
		}
		ks := make([]uint64, n)
		vs := make([]uint8, n)
		get(ks)
		get(vs)
		maps[j] = make(map[uint64]uint8, n)
		for i, k := range ks {
			maps[j][k] = vs[i]
		}
	}
	lex.suffixes, lex.gaz = maps[0], maps[1]
	var gm uint32
	get(&gm)
	lex.gazMax = int(gm)
	var scale float32
	get(&scale)
	get(&n)
	if err != nil {
		return nil, err
	}
	if n > 1<<26 {
		return nil, errors.New("corrupt feature count")
	}
	keys := make([]uint64, n)
	w := make([]float32, int(n)*nTags)
	var prev uint64
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		prev += d
		keys[i] = prev
		mask, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		for t := 0; t < nTags; t++ {
			if mask&(1<<t) != 0 {
				q, err := binary.ReadVarint(br)
				if err != nil {
					return nil, fmt.Errorf("feature %d: %w", i, err)
				}
				w[i*nTags+t] = float32(q) * scale
			}
		}
		if prev == 0 || (i > 0 && d == 0) {
			return nil, errors.New("corrupt feature keys")
		}
	}
	return newModel(keys, w, &trans, &start, lex), nil
}

//go:embed model
var modelFS embed.FS

// EmbeddedPath is the path of the committed model in the source tree,
// relative to this package.
const EmbeddedPath = "model/ner.bin.gz"

// Embedded loads the model committed with the package. Each call loads it
// anew; callers keep the result.
func Embedded() (*Model, error) {
	f, err := modelFS.Open(EmbeddedPath)
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	defer f.Close()
	return Load(f)
}
