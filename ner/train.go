package ner

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/zhnews/zhnews/seg"
	"github.com/zhnews/zhnews/zhconv"
)

// TrainOptions configures [Train].
type TrainOptions struct {
	Epochs int            // passes over the data; default 10
	Seg    *seg.Segmenter // segmenter for word features; required
	// Progress, when set, is called after each epoch with the share of
	// training characters the model tagged right during that epoch.
	Progress func(epoch int, acc float64)
	// Snapshot, when set, is called after each epoch with the model as it
	// would be if training stopped there (for development scores).
	Snapshot func(epoch int, m *Model)
	// NoLatent treats every character outside the spans as O even for the
	// types a sentence does not annotate (Sentence.Types is ignored).
	NoLatent bool
	// NoCorpus trains shared weights only, ignoring Sentence.Corpus (for
	// experiments).
	NoCorpus bool
	Workers  int   // parallel feature extraction; default GOMAXPROCS
	MinCount int   // features seen fewer times are dropped; default 2
	Seed     int64 // shuffling seed
}

// instance is one training sentence as feature indices.
type instance struct {
	feats  []int32 // feature rows of all positions, concatenated
	fstart []int32 // feats[fstart[i]:fstart[i+1]] belong to position i
	gold   []uint8
	block  uint8 // weight block of the sentence's corpus; 0 for none
	// tmask has the tags the corpus block of the sentence may learn: the
	// tags of the types it annotates, and O when no type is latent. With a
	// latent type, a corpus block that could move O against that type
	// would learn to call every unannotated character that type (the
	// latent gold path agrees, so nothing corrects it); O against a latent
	// type is left to the shared block, which the corpora that annotate
	// the type keep honest.
	tmask   uint32
	allowed []uint32 // per-position tag masks; nil when gold is fully known
}

// Train builds a model from annotated sentences with an averaged structured
// perceptron.
func Train(ctx context.Context, train []Sentence, opts TrainOptions) (*Model, error) {
	if opts.Seg == nil {
		return nil, errors.New("train: no segmenter")
	}
	if len(train) == 0 {
		return nil, errors.New("train: no sentences")
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 2
	}
	// Lexicons: surnames and suffixes from all data; the gazetteer each
	// sentence sees during training comes from the other half of the data,
	// so that the model learns how far to trust it on unseen text.
	// Folds go by a hash of the text, so that the copies of an
	// oversampled sentence fall in the same fold.
	all := make([]int, len(train))
	var fold [2][]int
	foldOf := make([]uint8, len(train))
	for i := range train {
		all[i] = i
		f := hashString(train[i].Text) >> 7 & 1
		foldOf[i] = uint8(f)
		fold[f] = append(fold[f], i)
	}
	full := harvest(train, all)
	var foldLex [2]lexicon
	for f := range foldLex {
		l := harvest(train, fold[1-f])
		foldLex[f] = lexicon{surnames: full.surnames, suffixes: full.suffixes, gaz: l.gaz, gazMax: l.gazMax}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	nb := 1
	var det detector
	if !opts.NoCorpus {
		for i := range train {
			if corpusScheme(train[i].Corpus) != SchemeGeneral {
				nb = int(nSchemes)
				break
			}
		}
		det = trainDetector(train)
	}

	// Feature extraction, in parallel.
	raw := make([][]uint64, len(train))
	insts := make([]instance, len(train))
	parallel(len(train), opts.Workers, func(lo, hi int) {
		var d sentenceData
		for i := lo; i < hi; i++ {
			if ctx.Err() != nil {
				return
			}
			s := &train[i]
			simp := zhconv.ToSimplified(s.Text)
			d.prepare(s.Text, opts.Seg.Segment(simp))
			raw[i], insts[i] = extract(&d, s, &foldLex[foldOf[i]], opts.NoLatent || nb > 1)
			if nb > 1 {
				insts[i].block = uint8(corpusScheme(s.Corpus))
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Count features and keep those seen MinCount times.
	counts := make(map[uint64]int32, 1<<22)
	for _, ks := range raw {
		for _, k := range ks {
			counts[k]++
		}
	}
	index := make(map[uint64]int32, len(counts)/2)
	var keys []uint64
	for k, c := range counts {
		if int(c) >= opts.MinCount {
			index[k] = int32(len(keys))
			keys = append(keys, k)
		}
	}
	counts = nil
	parallel(len(train), opts.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			in := &insts[i]
			fs := make([]int32, 0, len(raw[i]))
			old := in.fstart
			ns := make([]int32, len(old))
			for p := 0; p+1 < len(old); p++ {
				ns[p] = int32(len(fs))
				for _, k := range raw[i][old[p]:old[p+1]] {
					if r, ok := index[k]; ok {
						fs = append(fs, r)
					}
				}
			}
			ns[len(old)-1] = int32(len(fs))
			in.feats, in.fstart = fs, ns
			raw[i] = nil
		}
	})
	raw, index = nil, nil

	// Averaged perceptron. Each feature has nb blocks of nTags weights:
	// the shared block 0 and, with corpus blocks, the block of each
	// corpus; a sentence scores and updates block 0 and its own.
	nf := len(keys)
	stride := nb * nTags
	W := make([]float32, nf*stride)
	U := make([]float64, nf*stride)
	trW := make([][nTags * nTags]float64, nb)
	trU := make([][nTags * nTags]float64, nb)
	stW := make([][nTags]float64, nb)
	stU := make([][nTags]float64, nb)
	var trans32 [nTags * nTags]float32
	var start32 [nTags]float32
	c := 1.0
	order := make([]int, len(insts))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x5eed))
	var sc, sc2 scratch
	var scores []float32
	var m *Model
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var right, total int
		for oi, idx := range order {
			if oi%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			in := &insts[idx]
			n := len(in.gold)
			if n == 0 {
				continue
			}
			blk := int(in.block)
			for i := range trans32 {
				trans32[i] = float32(trW[0][i])
				if blk > 0 {
					trans32[i] += float32(trW[blk][i])
				}
			}
			for i := range start32 {
				start32[i] = float32(stW[0][i])
				if blk > 0 {
					start32[i] += float32(stW[blk][i])
				}
			}
			scores = scores[:0]
			for i := 0; i < n; i++ {
				var row [nTags]float32
				for _, f := range in.feats[in.fstart[i]:in.fstart[i+1]] {
					b := int(f) * stride
					addRow(row[:], W[b:b+nTags])
					if blk > 0 {
						b += blk * nTags
						addRow(row[:], W[b:b+nTags])
					}
				}
				scores = append(scores, row[:]...)
			}
			pred := viterbi(scores, n, nil, &trans32, &start32, &sc)
			gold := in.gold
			if in.allowed != nil {
				gold = viterbi(scores, n, in.allowed, &trans32, &start32, &sc2)
			}
			total += n
			diff := false
			for i := 0; i < n; i++ {
				if pred[i] == in.gold[i] {
					right++
				}
				if pred[i] != gold[i] {
					diff = true
				}
			}
			if diff {
				blocks := []int{0, blk}[:1+min(blk, 1)]
				for i := 0; i < n; i++ {
					g, p := int(gold[i]), int(pred[i])
					if g != p {
						for _, f := range in.feats[in.fstart[i]:in.fstart[i+1]] {
							for _, bl := range blocks {
								b := int(f)*stride + bl*nTags
								if bl == 0 || in.tmask&(1<<g) != 0 {
									W[b+g]++
									U[b+g] += c
								}
								if bl == 0 || in.tmask&(1<<p) != 0 {
									W[b+p]--
									U[b+p] -= c
								}
							}
						}
					}
					for _, bl := range blocks {
						ok := func(a, b int) bool { return bl == 0 || in.blockTrans(a, b) }
						if i == 0 {
							if g != p {
								if ok(g, g) {
									stW[bl][g]++
									stU[bl][g] += c
								}
								if ok(p, p) {
									stW[bl][p]--
									stU[bl][p] -= c
								}
							}
						} else if g != p || gold[i-1] != pred[i-1] {
							gp, pp := int(gold[i-1]), int(pred[i-1])
							if ok(gp, g) {
								trW[bl][gp*nTags+g]++
								trU[bl][gp*nTags+g] += c
							}
							if ok(pp, p) {
								trW[bl][pp*nTags+p]--
								trU[bl][pp*nTags+p] -= c
							}
						}
					}
				}
			}
			c++
		}
		if opts.Progress != nil {
			opts.Progress(epoch, float64(right)/float64(max(total, 1)))
		}
		if epoch == opts.Epochs || opts.Snapshot != nil {
			avg := make([]float32, len(W))
			for i := range W {
				avg[i] = float32(float64(W[i]) - U[i]/c)
			}
			at := make([][nTags * nTags]float32, nb)
			as := make([][nTags]float32, nb)
			for b := range at {
				for i := range at[b] {
					at[b][i] = float32(trW[b][i] - trU[b][i]/c)
				}
				for i := range as[b] {
					as[b][i] = float32(stW[b][i] - stU[b][i]/c)
				}
			}
			m = finalize(keys, avg, nb, at, as, full, det)
			if opts.Snapshot != nil {
				opts.Snapshot(epoch, m)
			}
		}
	}
	return m, nil
}

// finalize quantizes the weights to int16, drops the features whose
// weights all quantize to zero and builds the model.
func finalize(keys []uint64, w []float32, nb int, trans [][nTags * nTags]float32, start [][nTags]float32, lex lexicon, det detector) *Model {
	var maxAbs float64
	for _, v := range w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	stride := nb * nTags
	var ks []uint64
	var ws []int16
	var q [nSchemes * nTags]int16
	for r, k := range keys {
		row := w[r*stride : r*stride+stride]
		keep := false
		for j, v := range row {
			q[j] = int16(math.Round(float64(v / scale)))
			keep = keep || q[j] != 0
		}
		if keep {
			ks = append(ks, k)
			ws = append(ws, q[:stride]...)
		}
	}
	return newModel(ks, ws, scale, nb, trans, start, lex, det)
}

// blockTrans reports whether the corpus block of in may learn the
// transition a → b: both tags are O or learnable, and O → O only when O is
// learnable.
func (in *instance) blockTrans(a, b int) bool {
	okTag := func(x int) bool { return x == tagO || in.tmask&(1<<x) != 0 }
	return okTag(a) && okTag(b) && (in.tmask&(1<<tagO) != 0 || a != tagO || b != tagO)
}

// extract computes the feature keys and gold tags of one sentence.
func extract(d *sentenceData, s *Sentence, lx *lexicon, noLatent bool) ([]uint64, instance) {
	n := len(d.runes)
	in := instance{fstart: make([]int32, n+1), gold: make([]uint8, n), tmask: 1<<nTags - 1}
	perPos := make([][]uint64, n)
	d.gazMatches(lx, func(i int, k uint64) { perPos[i] = append(perPos[i], k) })
	var ks []uint64
	for i := 0; i < n; i++ {
		in.fstart[i] = int32(len(ks))
		ks = d.features(ks, i, lx)
		ks = append(ks, perPos[i]...)
	}
	in.fstart[n] = int32(len(ks))
	// gold tags
	runeAt := func(off int) int { // rune index of byte offset off
		lo, hi := 0, n
		for lo < hi {
			mid := (lo + hi) / 2
			if d.offs[mid] < off {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	inSpan := make([]bool, n)
	for _, sp := range s.Spans {
		t := typeIndex(sp.Type)
		if t < 0 || sp.Start >= sp.End {
			continue
		}
		a, b := runeAt(sp.Start), runeAt(sp.End)
		if b > n || a >= b {
			continue
		}
		if b-a == 1 {
			in.gold[a] = uint8(tagS(t))
		} else {
			in.gold[a] = uint8(tagB(t))
			for k := a + 1; k < b-1; k++ {
				in.gold[k] = uint8(tagI(t))
			}
			in.gold[b-1] = uint8(tagE(t))
		}
		for k := a; k < b; k++ {
			inSpan[k] = true
		}
	}
	if s.Types != nil && !noLatent {
		var latent uint32
		for t, name := range Types {
			known := false
			for _, x := range s.Types {
				known = known || x == name
			}
			if !known {
				latent |= 1<<tagB(t) | 1<<tagI(t) | 1<<tagE(t) | 1<<tagS(t)
			}
		}
		if latent != 0 {
			in.tmask &^= latent | 1<<tagO
		}
		if latent != 0 {
			in.allowed = make([]uint32, n)
			for i := range in.allowed {
				in.allowed[i] = 1 << in.gold[i]
				if !inSpan[i] {
					in.allowed[i] |= latent
				}
			}
		}
	}
	return ks, in
}

// parallel runs f over [0, n) split into chunks on workers goroutines.
func parallel(n, workers int, f func(lo, hi int)) {
	const chunk = 256
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				lo := next
				next += chunk
				mu.Unlock()
				if lo >= n {
					return
				}
				f(lo, min(lo+chunk, n))
			}
		}()
	}
	wg.Wait()
}

// Seed lists added to the harvested suffix lexicons.
var (
	seedOrgSuffixes   = []string{"大学", "学院", "学校", "中学", "小学", "公司", "集团", "局", "委员会", "委", "厅", "部", "院", "所", "中心", "协会", "学会", "银行", "医院", "政府", "办公室", "研究院", "研究所", "联合会", "基金会", "党委", "支部", "处", "科", "站", "馆", "社", "会", "团", "队", "组", "台", "报"}
	seedLocSuffixes   = []string{"省", "市", "县", "区", "镇", "乡", "村", "州", "国", "岛", "山", "河", "江", "湖", "路", "街", "道", "港", "湾"}
	seedTitleSuffixes = []string{"长", "主任", "书记", "经理", "总监", "教授", "主席", "委员", "董事", "总裁", "院士", "研究员", "工程师", "会计师", "律师", "秘书", "总经理", "副总", "顾问", "讲师", "助理", "专员", "调研员", "创始人", "负责人", "代表", "干事", "理事", "监事", "主管"}
)

// harvest builds the lexicons from sentences idx of sents.
func harvest(sents []Sentence, idx []int) lexicon {
	surCount := map[rune]int{}
	sufCount := [3]map[uint64]int{{}, {}, {}} // ORG, LOC, TITLE
	type gazKey struct {
		h uint64
		t int
	}
	gazCount := map[gazKey]int{}
	sufKind := [nTypes]int{-1, 0, 1, 2} // PERSON has no suffix list
	for _, i := range idx {
		s := &sents[i]
		for _, sp := range s.Spans {
			t := typeIndex(sp.Type)
			if t < 0 {
				continue
			}
			rs := zhconv.SimplifiedRunes(s.Text[sp.Start:sp.End])
			if t == 0 && len(rs) >= 2 && len(rs) <= 4 {
				surCount[rs[0]]++
			}
			if k := sufKind[t]; k >= 0 {
				for l := 1; l <= 3 && l < len(rs); l++ {
					sufCount[k][hashRunes(rs[len(rs)-l:])]++
				}
			}
			if len(rs) >= 2 && len(rs) <= 12 {
				gazCount[gazKey{hashRunes(rs), t}]++
			}
		}
	}
	lx := lexicon{surnames: map[rune]bool{}, suffixes: map[uint64]uint8{}, gaz: map[uint64]uint8{}, gazMax: 12}
	for r, c := range surCount {
		if c >= 10 {
			lx.surnames[r] = true
		}
	}
	flags := [3]uint8{sufOrg, sufLoc, sufTitle}
	for k := range sufCount {
		for h, c := range sufCount[k] {
			if c >= 20 {
				lx.suffixes[h] |= flags[k]
			}
		}
	}
	for k, seeds := range [][]string{seedOrgSuffixes, seedLocSuffixes, seedTitleSuffixes} {
		for _, s := range seeds {
			lx.suffixes[hashRunes([]rune(s))] |= flags[k]
		}
	}
	// Gazetteer: strings labelled twice or more with a type, and labelled
	// in at least half of their occurrences in the text.
	cand := map[uint64]int{}
	for k, c := range gazCount {
		if c >= 2 {
			cand[k.h] = 0
		}
	}
	for _, i := range idx {
		rs := zhconv.SimplifiedRunes(sents[i].Text)
		for s := range rs {
			h := uint64(0xcbf29ce484222325)
			for e := s; e < len(rs) && e-s < 12; e++ {
				h = (h ^ uint64(rs[e])) * 0x100000001b3
				if e > s {
					if _, ok := cand[mix(h)]; ok {
						cand[mix(h)]++
					}
				}
			}
		}
	}
	for k, c := range gazCount {
		if c >= 2 && 2*c >= cand[k.h] {
			lx.gaz[k.h] |= 1 << k.t
		}
	}
	return lx
}

// Score counts exact span matches of one type.
type Score struct{ TP, FP, FN int }

// P, R and F1 return precision, recall and F1.
func (s Score) P() float64  { return ratio(s.TP, s.TP+s.FP) }
func (s Score) R() float64  { return ratio(s.TP, s.TP+s.FN) }
func (s Score) F1() float64 { return ratio(2*s.TP, 2*s.TP+s.FP+s.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores maps a type, and "micro" for all types together, to its score.
type Scores map[string]Score

// Evaluate tags sents with m (segmenting with s) and scores exact span
// matches; only the types each sentence annotates are scored. The sentences
// are tagged with the scheme [Model.Detect] picks for all their texts, as
// "zhnews tag" does for an input file.
func Evaluate(m *Model, s *seg.Segmenter, sents []Sentence, workers int) Scores {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var mu sync.Mutex
	out := Scores{}
	texts := make([]string, len(sents))
	for i := range sents {
		texts[i] = sents[i].Text
	}
	scheme := m.Detect(texts)
	parallel(len(sents), workers, func(lo, hi int) {
		local := map[string]*Score{}
		get := func(t string) *Score {
			if local[t] == nil {
				local[t] = &Score{}
			}
			return local[t]
		}
		for i := lo; i < hi; i++ {
			st := &sents[i]
			types := st.Types
			if types == nil {
				types = Types
			}
			scored := func(t string) bool {
				for _, x := range types {
					if x == t {
						return true
					}
				}
				return false
			}
			gold := map[Span]bool{}
			for _, sp := range st.Spans {
				if scored(sp.Type) {
					gold[sp] = true
				}
			}
			for _, sp := range m.TagTextScheme(s, st.Text, scheme) {
				if !scored(sp.Type) {
					continue
				}
				if gold[sp] {
					get(sp.Type).TP++
					delete(gold, sp)
				} else {
					get(sp.Type).FP++
				}
			}
			for sp := range gold {
				get(sp.Type).FN++
			}
		}
		mu.Lock()
		for t, sc := range local {
			o := out[t]
			o.TP += sc.TP
			o.FP += sc.FP
			o.FN += sc.FN
			out[t] = o
			mi := out["micro"]
			mi.TP += sc.TP
			mi.FP += sc.FP
			mi.FN += sc.FN
			out["micro"] = mi
		}
		mu.Unlock()
	})
	return out
}

// String formats the scores one type a line.
func (s Scores) String() string {
	var b []byte
	for _, t := range append(append([]string{}, Types...), "micro") {
		sc, ok := s[t]
		if !ok {
			continue
		}
		b = fmt.Appendf(b, "%-7s P %.4f R %.4f F1 %.4f (%d)\n", t, sc.P(), sc.R(), sc.F1(), sc.TP+sc.FN)
	}
	return string(b)
}
