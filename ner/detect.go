package ner

import (
	"math"
	"unicode"

	"github.com/zhnews/zhnews/zhconv"
)

// nDetect is the number of genres the detector tells apart: the corpus
// schemes SchemeMSRA … SchemeCLUENER.
const nDetect = int(nSchemes) - 1

// detector is a naive Bayes classifier over characters that tells which
// training corpus a text resembles most.
type detector struct {
	logp map[rune][nDetect]float32 // log P(char | genre)
	unk  [nDetect]float32          // log P(unseen char | genre)
}

// trainDetector counts the characters of the sentences of each corpus.
func trainDetector(sents []Sentence) detector {
	counts := map[rune]*[nDetect]float64{}
	var totals [nDetect]float64
	for i := range sents {
		g := int(corpusScheme(sents[i].Corpus)) - 1
		if g < 0 {
			continue
		}
		for _, r := range sents[i].Text {
			r = zhconv.Rune(r)
			if unicode.IsSpace(r) {
				continue
			}
			c := counts[r]
			if c == nil {
				c = new([nDetect]float64)
				counts[r] = c
			}
			c[g]++
			totals[g]++
		}
	}
	var det detector
	const alpha = 0.5
	var kept int
	for _, c := range counts {
		if c[0]+c[1]+c[2] >= 3 {
			kept++
		}
	}
	if kept == 0 {
		return det
	}
	v := float64(kept + 1)
	det.logp = make(map[rune][nDetect]float32, kept)
	for r, c := range counts {
		if c[0]+c[1]+c[2] < 3 {
			continue
		}
		var lp [nDetect]float32
		for g := range lp {
			lp[g] = float32(math.Log((c[g] + alpha) / (totals[g] + alpha*v)))
		}
		det.logp[r] = lp
	}
	for g := range det.unk {
		det.unk[g] = float32(math.Log(alpha / (totals[g] + alpha*v)))
	}
	return det
}

// detectMinChars is the least number of characters Detect decides on.
const detectMinChars = 200

// Detect returns the scheme whose training corpus texts resemble most
// (naive Bayes over characters, all texts together): the way "zhnews tag"
// picks the annotation conventions for an input. With fewer than 200
// characters, or a model without a detector, it returns [DefaultScheme].
func (m *Model) Detect(texts []string) Scheme {
	if m.det.logp == nil {
		return DefaultScheme
	}
	var sum [nDetect]float64
	seen := 0
	for _, t := range texts {
		for _, r := range t {
			r = zhconv.Rune(r)
			if unicode.IsSpace(r) {
				continue
			}
			lp, ok := m.det.logp[r]
			if !ok {
				lp = m.det.unk
			}
			for g := range sum {
				sum[g] += float64(lp[g])
			}
			seen++
		}
	}
	if seen < detectMinChars {
		return DefaultScheme
	}
	best := 0
	for g := range sum {
		if sum[g] > sum[best] {
			best = g
		}
	}
	return Scheme(best + 1)
}
