package ner

import (
	"unicode"

	"github.com/zhnews/zhnews/seg"
	"github.com/zhnews/zhnews/zhconv"
)

// Feature templates. The numbers are part of the model file format: add new
// ones at the end, never renumber.
const (
	tBias = iota + 1
	tCm2
	tCm1
	tC0
	tCp1
	tCp2
	tBm2m1
	tBm1c
	tBcp1
	tBp1p2
	tTri
	tClass
	tWordPosLen
	tWordPosTag
	tWord
	tPrevWord
	tNextWord
	tSurname
	tSurnamePrev
	tOrgSuf
	tLocSuf
	tTitleSuf
	tGaz
	tPrevPosTag
	tNextPosTag
	tGazChar
	tCm3
	tCp3
	tSkip
	tGazAll
	tClass5
	nTemplates
)

// Sentinel "runes" for positions outside the sentence.
const (
	runeBOS = 0x110000
	runeEOS = 0x110001
)

var tmix [nTemplates]uint64

func init() {
	for t := range tmix {
		tmix[t] = mix(uint64(t)*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019)
	}
}

func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

func key(t int, v uint64) uint64 { return mix(v^tmix[t]) | 1 }

func pack(a, b, c rune) uint64 { return uint64(a) | uint64(b)<<21 | uint64(c)<<42 }

// hashRunes hashes a rune sequence (a word, a suffix).
func hashRunes(rs []rune) uint64 {
	h := uint64(0xcbf29ce484222325)
	for _, r := range rs {
		h = (h ^ uint64(r)) * 0x100000001b3
	}
	return mix(h)
}

func hashString(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 0x100000001b3
	}
	return h
}

// Character classes.
const (
	clsOther = iota
	clsHan
	clsDigit
	clsCNum
	clsLatin
	clsPunct
	clsSpace
	clsBound
)

func charClass(r rune) uint64 {
	switch {
	case r >= runeBOS:
		return clsBound
	case r >= '0' && r <= '9' || r >= '０' && r <= '９':
		return clsDigit
	case isCNum(r):
		return clsCNum
	case r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z') || r >= 'Ａ' && r <= 'ｚ':
		return clsLatin
	case unicode.Is(unicode.Han, r):
		return clsHan
	case unicode.IsSpace(r):
		return clsSpace
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return clsPunct
	}
	return clsOther
}

func isCNum(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '两':
		return true
	}
	return false
}

// Position of a character in its word.
const (
	posNone = iota
	posB
	posM
	posE
	posS
)

// Lexicon holds the word lists harvested from the training data.
type lexicon struct {
	surnames map[rune]bool
	// suffixes maps hashRunes(suffix) to a bit set of kinds (1 ORG, 2 LOC, 4 TITLE).
	suffixes map[uint64]uint8
	// gaz maps hashRunes(word) to a bit set over Types (bit i = Types[i]).
	gaz    map[uint64]uint8
	gazMax int // longest gazetteer entry, in runes
}

const (
	sufOrg   = 1
	sufLoc   = 2
	sufTitle = 4
)

// sentenceData is the per-sentence input of feature extraction.
type sentenceData struct {
	runes []rune // simplified
	offs  []int  // byte offset of each rune, plus len(text)
	// per rune: index of its word, or -1
	wordOf []int32
	words  []wordInfo
}

type wordInfo struct {
	start, end int // rune offsets
	hash       uint64
	posTag     uint64 // hashString of the gse POS tag
}

// prepare fills d for text and its words (byte offsets into text).
func (d *sentenceData) prepare(text string, words []seg.Token) {
	d.runes = d.runes[:0]
	d.offs = d.offs[:0]
	for i, r := range text {
		d.runes = append(d.runes, zhconv.Rune(r))
		d.offs = append(d.offs, i)
	}
	d.offs = append(d.offs, len(text))
	n := len(d.runes)
	if cap(d.wordOf) < n {
		d.wordOf = make([]int32, n)
	}
	d.wordOf = d.wordOf[:n]
	for i := range d.wordOf {
		d.wordOf[i] = -1
	}
	d.words = d.words[:0]
	ri := 0 // rune cursor
	for _, w := range words {
		if w.Start < 0 || w.End > len(text) || w.Start >= w.End {
			continue
		}
		for ri < n && d.offs[ri] < w.Start {
			ri++
		}
		if ri >= n || d.offs[ri] != w.Start {
			continue // not on a rune boundary or out of order
		}
		s := ri
		e := s
		for e < n && d.offs[e] < w.End {
			e++
		}
		if d.offs[e] != w.End {
			continue
		}
		wi := int32(len(d.words))
		d.words = append(d.words, wordInfo{start: s, end: e, hash: hashRunes(d.runes[s:e]), posTag: hashString(w.Pos)})
		for k := s; k < e; k++ {
			d.wordOf[k] = wi
		}
		ri = e
	}
}

func (d *sentenceData) at(i int) rune {
	if i < 0 {
		return runeBOS
	}
	if i >= len(d.runes) {
		return runeEOS
	}
	return d.runes[i]
}

func lenBucket(n int) uint64 {
	if n > 5 {
		return 5
	}
	return uint64(n)
}

// features appends the feature keys of position i to dst.
func (d *sentenceData) features(dst []uint64, i int, lx *lexicon) []uint64 {
	cm2, cm1, c0, cp1, cp2 := d.at(i-2), d.at(i-1), d.at(i), d.at(i+1), d.at(i+2)
	dst = append(dst,
		key(tBias, 0),
		key(tCm2, uint64(cm2)),
		key(tCm1, uint64(cm1)),
		key(tC0, uint64(c0)),
		key(tCp1, uint64(cp1)),
		key(tCp2, uint64(cp2)),
		key(tBm2m1, pack(cm2, cm1, 0)),
		key(tBm1c, pack(cm1, c0, 0)),
		key(tBcp1, pack(c0, cp1, 0)),
		key(tBp1p2, pack(cp1, cp2, 0)),
		key(tTri, pack(cm1, c0, cp1)),
		key(tClass, charClass(cm1)|charClass(c0)<<8|charClass(cp1)<<16),
		key(tCm3, uint64(d.at(i-3))),
		key(tCp3, uint64(d.at(i+3))),
		key(tSkip, pack(cm1, cp1, 0)),
		key(tClass5, charClass(cm2)|charClass(cm1)<<8|charClass(c0)<<16|charClass(cp1)<<24|charClass(cp2)<<32),
	)
	pos := uint64(posNone)
	if wi := d.wordOf[i]; wi >= 0 {
		w := &d.words[wi]
		n := w.end - w.start
		switch {
		case n == 1:
			pos = posS
		case i == w.start:
			pos = posB
		case i == w.end-1:
			pos = posE
		default:
			pos = posM
		}
		dst = append(dst,
			key(tWordPosLen, pos|lenBucket(n)<<8),
			key(tWordPosTag, w.posTag^pos*0x9E3779B97F4A7C15),
		)
		if n <= 6 {
			dst = append(dst, key(tWord, w.hash^pos))
		}
		if pos == posB || pos == posS {
			if wi > 0 && d.words[wi-1].end == w.start {
				dst = append(dst, key(tPrevWord, d.words[wi-1].hash), key(tPrevPosTag, d.words[wi-1].posTag^w.posTag*31))
			} else {
				dst = append(dst, key(tPrevWord, 0))
			}
		}
		if pos == posE || pos == posS {
			if int(wi)+1 < len(d.words) && d.words[wi+1].start == w.end {
				dst = append(dst, key(tNextWord, d.words[wi+1].hash), key(tNextPosTag, d.words[wi+1].posTag^w.posTag*31))
			} else {
				dst = append(dst, key(tNextWord, 0))
			}
		}
		if lx != nil && lx.gaz != nil {
			if g := lx.gaz[w.hash]; g != 0 {
				dst = append(dst, key(tGaz, uint64(g)|pos<<8))
			}
		}
	} else {
		dst = append(dst, key(tWordPosLen, 0))
	}
	if lx == nil {
		return dst
	}
	if lx.surnames[c0] {
		dst = append(dst, key(tSurname, pos))
	}
	if lx.surnames[cm1] {
		dst = append(dst, key(tSurnamePrev, pos))
	}
	for k := 1; k <= 3 && k <= i+1; k++ {
		if f := lx.suffixes[hashRunes(d.runes[i-k+1:i+1])]; f != 0 {
			if f&sufOrg != 0 {
				dst = append(dst, key(tOrgSuf, uint64(k)))
			}
			if f&sufLoc != 0 {
				dst = append(dst, key(tLocSuf, uint64(k)))
			}
			if f&sufTitle != 0 {
				dst = append(dst, key(tTitleSuf, uint64(k)))
			}
		}
	}
	return dst
}

// gazChars appends, for each position, gazetteer features from a
// dictionary match over characters (independent of gse's words): the
// longest entry starting at each position marks its characters B/M/E/S with
// the entry's types. feats[i] receives the keys.
func (d *sentenceData) gazMatches(lx *lexicon, add func(i int, k uint64)) {
	if lx == nil || len(lx.gaz) == 0 {
		return
	}
	n := len(d.runes)
	// all[i] has bit 3*t+p set when i is at position p (0 B, 1 M, 2 E) of
	// some gazetteer match of type t.
	var allBuf [64]uint16
	var all []uint16
	if n <= len(allBuf) {
		all = allBuf[:n]
	} else {
		all = make([]uint16, n)
	}
	for s := 0; s < n; s++ {
		if charClass(d.runes[s]) != clsHan {
			continue
		}
		best, bestT := 0, uint8(0)
		h := uint64(0xcbf29ce484222325)
		for e := s; e < n && e-s < lx.gazMax; e++ {
			h = (h ^ uint64(d.runes[e])) * 0x100000001b3
			if e == s {
				continue // single characters are too ambiguous
			}
			if g := lx.gaz[mix(h)]; g != 0 {
				best, bestT = e-s+1, g
				for t := 0; t < nTypes; t++ {
					if g&(1<<t) != 0 {
						all[s] |= 1 << (3 * t)
						for k := s + 1; k < e; k++ {
							all[k] |= 1 << (3*t + 1)
						}
						all[e] |= 1 << (3*t + 2)
					}
				}
			}
		}
		if best == 0 {
			continue
		}
		for k := s; k < s+best; k++ {
			p := uint64(posM)
			switch k {
			case s:
				p = posB
			case s + best - 1:
				p = posE
			}
			add(k, key(tGazChar, uint64(bestT)|p<<8))
		}
	}
	for i, b := range all {
		for j := 0; b != 0; j++ {
			if b&1 != 0 {
				add(i, key(tGazAll, uint64(j)))
			}
			b >>= 1
		}
	}
}
