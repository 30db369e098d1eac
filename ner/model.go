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

// Scheme selects the annotation conventions the tagger follows. The
// training corpora disagree on what an entity is (CLUENER addresses are
// whole addresses and its organizations include courts and congresses, MSRA
// places are single toponyms, Resume titles include party membership), so
// the model learns shared weights plus weights specific to each corpus
// ("frustratingly easy" domain adaptation); a scheme adds the weights of
// one corpus to the shared ones.
type Scheme int

// Schemes.
const (
	SchemeGeneral Scheme = iota // shared weights only
	SchemeMSRA                  // MSRA news: PERSON, ORG, LOC (single toponyms)
	SchemeResume                // Resume: PERSON, ORG, TITLE
	SchemeCLUENER               // CLUENER2020: whole addresses, courts and congresses as ORG
	nSchemes
	// SchemeNews is MSRA for people, organizations and places, with the
	// titles of the shared weights (MSRA does not annotate titles): where
	// a title overlaps an MSRA span, the shared weights' spans replace it.
	SchemeNews = nSchemes
)

// DefaultScheme is the scheme of [Model.Tag] and [Model.TagText]: MSRA news
// conventions, closest to school news, with titles.
const DefaultScheme = SchemeNews

var schemeNames = [nSchemes + 1]string{"general", "msra", "resume", "cluener", "news"}

func (s Scheme) String() string {
	if s >= 0 && int(s) < len(schemeNames) {
		return schemeNames[s]
	}
	return fmt.Sprintf("Scheme(%d)", int(s))
}

// ParseScheme returns the scheme named name: general, msra, resume, cluener
// or news.
func ParseScheme(name string) (Scheme, error) {
	for i, n := range schemeNames {
		if n == name {
			return Scheme(i), nil
		}
	}
	return 0, fmt.Errorf("unknown scheme %q (want general, msra, resume, cluener or news)", name)
}

// corpusScheme returns the scheme of a Sentence.Corpus, SchemeGeneral for
// an unknown corpus.
func corpusScheme(c string) Scheme {
	switch c {
	case CorpusMSRA:
		return SchemeMSRA
	case CorpusResume:
		return SchemeResume
	case CorpusCLUENER:
		return SchemeCLUENER
	}
	return SchemeGeneral
}

// Model is a trained tagger. It is read-only and safe for concurrent use.
type Model struct {
	table []slot // open-addressing table of feature keys
	mask  uint64
	// nb is the number of weight blocks per feature: 1 (shared weights
	// only) or nSchemes (shared, then one block per corpus scheme).
	nb    int
	w     []int16 // nb*nTags quantized weights per row, times scale
	scale float32
	// trans and start are per block; transS and startS per scheme, the
	// shared values plus the scheme's own (float, unquantized).
	trans  [][nTags * nTags]float32
	start  [][nTags]float32
	transS [nSchemes][nTags * nTags]float32
	startS [nSchemes][nTags]float32
	lex    lexicon
	det    detector
	nFeat  int
	pool   sync.Pool // *scratch
}

// slot is one entry of the feature table: a key (0 for an empty slot) and
// its row in w, together so that a probe touches one cache line.
type slot struct {
	key uint64
	row int32
}

type scratch struct {
	d      sentenceData
	keys   []uint64
	scores []float32
	shared []float32 // SchemeNews: scores of the shared weights alone
	delta  []float32
	back   []uint8
	tags   []uint8
}

func (m *Model) lookup(k uint64) int32 {
	for i := k & m.mask; ; i = (i + 1) & m.mask {
		switch e := &m.table[i]; e.key {
		case k:
			return e.row
		case 0:
			return -1
		}
	}
}

// newModel builds the lookup table for features keys[i] with the quantized
// weights w[i*nb*nTags:(i+1)*nb*nTags] (times scale).
func newModel(keys []uint64, w []int16, scale float32, nb int, trans [][nTags * nTags]float32, start [][nTags]float32, lex lexicon, det detector) *Model {
	size := 1 << bits.Len(uint(len(keys)*2+1))
	m := &Model{table: make([]slot, size), mask: uint64(size - 1), nb: nb, w: w, scale: scale,
		trans: trans, start: start, lex: lex, det: det, nFeat: len(keys)}
	for s := Scheme(0); s < nSchemes; s++ {
		m.transS[s], m.startS[s] = trans[0], start[0]
		if int(s) < nb && s > 0 {
			for i := range m.transS[s] {
				m.transS[s][i] += trans[s][i]
			}
			for i := range m.startS[s] {
				m.startS[s][i] += start[s][i]
			}
		}
	}
	for r, k := range keys {
		for i := k & m.mask; ; i = (i + 1) & m.mask {
			if m.table[i].key == 0 {
				m.table[i] = slot{k, int32(r)}
				break
			}
		}
	}
	return m
}

// Tag returns the entities of text, sorted and non-overlapping, with byte
// offsets into text, following [DefaultScheme]. words are the gse words of
// text: seg.Segment(text), or for traditional text preferably
// seg.Segment(zhconv.ToSimplified(text)), which has the same offsets (see
// [Model.TagText]). Words whose offsets do not fit text are ignored; nil
// words give a tagger without word features.
func (m *Model) Tag(text string, words []seg.Token) []Span {
	return m.TagScheme(text, words, DefaultScheme)
}

// TagScheme is [Model.Tag] with the annotation conventions of scheme. A
// model without corpus weights tags every scheme alike.
func (m *Model) TagScheme(text string, words []seg.Token, scheme Scheme) []Span {
	if text == "" {
		return nil
	}
	news := scheme == SchemeNews && m.nb > 1
	if scheme < 0 || scheme >= nSchemes {
		scheme = SchemeGeneral
	}
	if news {
		scheme = SchemeMSRA
	}
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer m.pool.Put(sc)
	d := &sc.d
	d.prepare(text, words)
	n := len(d.runes)
	var shared *[]float32
	if news {
		shared = &sc.shared
	}
	sc.scores = m.emissions(d, sc.scores, &sc.keys, scheme, shared)
	sc.tags = viterbi(sc.scores, n, nil, &m.transS[scheme], &m.startS[scheme], sc)
	spans := decodeSpans(sc.tags, d.offs, nil)
	if !news {
		return spans
	}
	sc.tags = viterbi(sc.shared, n, nil, &m.transS[SchemeGeneral], &m.startS[SchemeGeneral], sc)
	return mergeTitles(spans, decodeSpans(sc.tags, d.offs, nil))
}

// mergeTitles returns the spans of base, except that the TITLE spans of
// other are added and the base spans that overlap one are replaced by the
// other spans that overlap them (and no title).
func mergeTitles(base, other []Span) []Span {
	var titles []Span
	for _, s := range other {
		if s.Type == Title {
			titles = append(titles, s)
		}
	}
	if len(titles) == 0 {
		return base
	}
	overlaps := func(a Span, set []Span) bool {
		for _, b := range set {
			if a.Start < b.End && b.Start < a.End {
				return true
			}
		}
		return false
	}
	out := append([]Span(nil), titles...)
	var dropped []Span
	for _, s := range base {
		if overlaps(s, titles) {
			dropped = append(dropped, s)
		} else {
			out = append(out, s)
		}
	}
	for _, s := range other {
		if s.Type != Title && overlaps(s, dropped) && !overlaps(s, out) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	return out
}

// TagText converts text to simplified characters, segments it with s and
// tags it: the way to tag traditional Chinese. Offsets are into text.
func (m *Model) TagText(s *seg.Segmenter, text string) []Span {
	return m.Tag(text, s.Segment(zhconv.ToSimplified(text)))
}

// TagTextScheme is [Model.TagText] with the conventions of scheme.
func (m *Model) TagTextScheme(s *seg.Segmenter, text string, scheme Scheme) []Span {
	return m.TagScheme(text, s.Segment(zhconv.ToSimplified(text)), scheme)
}

// emissions returns the emission scores of d under scheme; when shared is
// not nil, it receives those of the shared weights alone.
func (m *Model) emissions(d *sentenceData, scores []float32, kbuf *[]uint64, scheme Scheme, shared *[]float32) []float32 {
	n := len(d.runes)
	scores = slices.Grow(scores[:0], n*nTags)[:n*nTags]
	clear(scores)
	var sh []float32
	if shared != nil {
		sh = slices.Grow((*shared)[:0], n*nTags)[:n*nTags]
		clear(sh)
		*shared = sh
	}
	var rowI, rowS [nTags]int32
	blk := 0
	if int(scheme) < m.nb {
		blk = int(scheme)
	}
	stride := m.nb * nTags
	add := func(r int32) {
		b := int(r) * stride
		src := m.w[b : b+nTags : b+nTags]
		for j := range rowI {
			rowI[j] += int32(src[j])
		}
		if sh != nil {
			for j := range rowS {
				rowS[j] += int32(src[j])
			}
		}
		if blk > 0 {
			b += blk * nTags
			src = m.w[b : b+nTags : b+nTags]
			for j := range rowI {
				rowI[j] += int32(src[j])
			}
		}
	}
	for i := 0; i < n; i++ {
		ks := d.features((*kbuf)[:0], i, &m.lex)
		*kbuf = ks
		rowI, rowS = [nTags]int32{}, [nTags]int32{}
		for _, k := range ks {
			if r := m.lookup(k); r >= 0 {
				add(r)
			}
		}
		row := scores[i*nTags : i*nTags+nTags : i*nTags+nTags]
		for j := range row {
			row[j] = float32(rowI[j]) * m.scale
		}
		if sh != nil {
			row = sh[i*nTags : i*nTags+nTags : i*nTags+nTags]
			for j := range row {
				row[j] = float32(rowS[j]) * m.scale
			}
		}
	}
	d.gazMatches(&m.lex, func(i int, k uint64) {
		if r := m.lookup(k); r >= 0 {
			rowI, rowS = [nTags]int32{}, [nTags]int32{}
			add(r)
			row := scores[i*nTags : i*nTags+nTags : i*nTags+nTags]
			for j := range row {
				row[j] += float32(rowI[j]) * m.scale
			}
			if sh != nil {
				row = sh[i*nTags : i*nTags+nTags : i*nTags+nTags]
				for j := range row {
					row[j] += float32(rowS[j]) * m.scale
				}
			}
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

var negInf = float32(math.Inf(-1))

// viterbi returns the best tag sequence for emission scores (n×nTags) under
// the BIOES constraints and, when allowed is not nil, the per-position tag
// masks.
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

// Features reports the number of features of the model.
func (m *Model) Features() int { return m.nFeat }

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

const (
	magicV1 = "ZHNER\x00v1" // shared weights only
	magic   = "ZHNER\x00v2" // weight blocks per scheme, genre detector
)

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
	put(uint32(m.nb))
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
	// genre detector
	dr := make([]int32, 0, len(m.det.logp))
	for r := range m.det.logp {
		dr = append(dr, r)
	}
	slices.Sort(dr)
	put(uint32(len(dr)))
	put(dr)
	for _, r := range dr {
		put(m.det.logp[r])
	}
	put(m.det.unk)
	// features, sorted by key
	type feat struct {
		k uint64
		r int32
	}
	feats := make([]feat, 0, m.nFeat)
	for _, e := range m.table {
		if e.key != 0 {
			feats = append(feats, feat{e.key, e.row})
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
	put(m.scale)
	put(uint32(len(feats)))
	var buf []byte
	var prev uint64
	stride := m.nb * nTags
	for _, f := range feats {
		buf = buf[:0]
		buf = binary.AppendUvarint(buf, f.k-prev)
		prev = f.k
		for b := 0; b < m.nb; b++ {
			row := m.w[int(f.r)*stride+b*nTags : int(f.r)*stride+b*nTags+nTags]
			var mask uint32
			for t, q := range row {
				if q != 0 {
					mask |= 1 << t
				}
			}
			buf = binary.AppendUvarint(buf, uint64(mask))
			for t := 0; t < nTags; t++ {
				if mask&(1<<t) != 0 {
					buf = binary.AppendVarint(buf, int64(row[t]))
				}
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
	if _, err := io.ReadFull(br, mg); err != nil || (string(mg) != magic && string(mg) != magicV1) {
		return nil, errors.New("not a zhnews NER model")
	}
	v1 := string(mg) == magicV1
	var nt uint32
	get(&nt)
	if err == nil && nt != nTags {
		return nil, fmt.Errorf("model has %d tags, want %d", nt, nTags)
	}
	nb := uint32(1)
	if !v1 {
		get(&nb)
		if err == nil && (nb != 1 && nb != uint32(nSchemes)) {
			return nil, fmt.Errorf("model has %d weight blocks", nb)
		}
	}
	if err != nil {
		return nil, err
	}
	trans := make([][nTags * nTags]float32, nb)
	start := make([][nTags]float32, nb)
	get(trans)
	get(start)
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
	var det detector
	if !v1 {
		get(&n)
		if err != nil {
			return nil, err
		}
		if n > 1<<21 {
			return nil, errors.New("corrupt detector")
		}
		dr := make([]int32, n)
		get(dr)
		lp := make([][nDetect]float32, n)
		get(lp)
		get(&det.unk)
		if n > 0 {
			det.logp = make(map[rune][nDetect]float32, n)
			for i, r := range dr {
				det.logp[r] = lp[i]
			}
		}
	}
	var scale float32
	get(&scale)
	get(&n)
	if err != nil {
		return nil, err
	}
	if n > 1<<26 {
		return nil, errors.New("corrupt feature count")
	}
	stride := int(nb) * nTags
	keys := make([]uint64, n)
	w := make([]int16, int(n)*stride)
	var prev uint64
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		prev += d
		keys[i] = prev
		for b := 0; b < int(nb); b++ {
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
					w[i*stride+b*nTags+t] = int16(q)
				}
			}
		}
		if prev == 0 || (i > 0 && d == 0) {
			return nil, errors.New("corrupt feature keys")
		}
	}
	return newModel(keys, w, scale, int(nb), trans, start, lex, det), nil
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
