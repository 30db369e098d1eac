package lexicon

import (
	"strconv"
	"sync"
	"unicode/utf8"
)

type surnameSet struct {
	single   map[rune]int   // rank
	compound map[string]int // two-character surnames
}

var baseSurnames = sync.OnceValue(func() *surnameSet {
	return mustLoad(loadSurnames())
})

func loadSurnames() (*surnameSet, error) {
	lines, err := readData(dataFS, "surnames.txt")
	if err != nil {
		return nil, err
	}
	ss := &surnameSet{single: make(map[rune]int), compound: make(map[string]int)}
	add := func(s string, rank int) bool {
		switch utf8.RuneCountInString(s) {
		case 1:
			r, _ := utf8.DecodeRuneInString(s)
			if old, ok := ss.single[r]; !ok || rank < old {
				ss.single[r] = rank
			}
		case 2:
			if old, ok := ss.compound[s]; !ok || rank < old {
				ss.compound[s] = rank
			}
		default:
			return false
		}
		return true
	}
	type gen struct {
		s    string
		rank int
	}
	var gens []gen
	for _, l := range lines {
		if len(l.fields) != 2 {
			return nil, l.errorf("want surname<TAB>rank")
		}
		rank, err := strconv.Atoi(l.fields[1])
		if err != nil || rank < 1 {
			return nil, l.errorf("bad rank %q", l.fields[1])
		}
		if !add(l.fields[0], rank) {
			return nil, l.errorf("surname %q is not one or two characters", l.fields[0])
		}
		if t := ToTraditional(l.fields[0]); t != l.fields[0] {
			gens = append(gens, gen{t, rank})
		}
	}
	for _, g := range gens {
		add(g.s, g.rank)
	}
	return ss, nil
}

// Surname returns the length in bytes of the surname that starts at byte i
// of s, or 0: a compound surname (欧阳, 司马, 诸葛) when one is there, else
// a single-character one. Compounds that are also ordinary words (东方,
// 百里, 第五) match too; the caller decides from what follows.
func Surname(s string, i int) int { return baseSurnames().match(s, i) }

func (ss *surnameSet) match(s string, i int) int {
	if i < 0 || i >= len(s) {
		return 0
	}
	r1, n1 := utf8.DecodeRuneInString(s[i:])
	if i+n1 < len(s) {
		_, n2 := utf8.DecodeRuneInString(s[i+n1:])
		if _, ok := ss.compound[s[i:i+n1+n2]]; ok {
			return n1 + n2
		}
	}
	if _, ok := ss.single[r1]; ok {
		return n1
	}
	return 0
}

// IsSurname reports whether r is a single-character surname.
func IsSurname(r rune) bool {
	_, ok := baseSurnames().single[r]
	return ok
}

// SurnameRank returns the rough frequency rank of surname s (1 is 王, the
// most common); rare surnames have ranks in the hundreds. ok is false when
// s is not a known surname.
func SurnameRank(s string) (rank int, ok bool) {
	ss := baseSurnames()
	if utf8.RuneCountInString(s) == 1 {
		r, _ := utf8.DecodeRuneInString(s)
		rank, ok = ss.single[r]
		return
	}
	rank, ok = ss.compound[s]
	return
}
