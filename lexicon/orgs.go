package lexicon

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Kind is an organization kind of the output contract.
type Kind string

// The organization kinds of the output contract (output.md).
const (
	KindSchool      Kind = "school"
	KindDepartment  Kind = "department"
	KindCompany     Kind = "company"
	KindGovernment  Kind = "government"
	KindAssociation Kind = "association"
	KindResearch    Kind = "research"
	KindOther       Kind = "other"
)

// Kinds lists the valid kinds.
var kinds = []Kind{KindSchool, KindDepartment, KindCompany, KindGovernment, KindAssociation, KindResearch, KindOther}

// Valid reports whether k is one of the kinds of the output contract.
func (k Kind) Valid() bool {
	for _, x := range kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Suffix is a head word that ends organization names (大学, 有限公司,
// 人民政府, 协会, 研究院) and the kind of organization it usually ends.
type Suffix struct {
	Text string
	Kind Kind   // the default kind
	Alt  []Kind // other kinds it can end; decide by context
}

type suffixSet struct {
	m        map[string]int // suffix -> index in list
	list     []Suffix
	maxRunes int
}

var baseSuffixes = sync.OnceValue(func() *suffixSet {
	return mustLoad(loadSuffixes())
})

func loadSuffixes() (*suffixSet, error) {
	lines, err := readData(dataFS, "org_suffixes.txt")
	if err != nil {
		return nil, err
	}
	ss := &suffixSet{m: make(map[string]int)}
	var gen []Suffix
	for _, l := range lines {
		if len(l.fields) < 2 || l.fields[0] == "" {
			return nil, l.errorf("want suffix<TAB>kind")
		}
		s := Suffix{Text: l.fields[0], Kind: Kind(l.fields[1])}
		if !s.Kind.Valid() {
			return nil, l.errorf("unknown kind %q", l.fields[1])
		}
		if len(l.fields) > 2 && l.fields[2] != "" {
			for _, a := range strings.Split(l.fields[2], ",") {
				k := Kind(strings.TrimSpace(a))
				if !k.Valid() {
					return nil, l.errorf("unknown kind %q", a)
				}
				s.Alt = append(s.Alt, k)
			}
		}
		if i, ok := ss.m[s.Text]; ok {
			if ss.list[i].Kind != s.Kind {
				return nil, l.errorf("%s listed again with kind %s (was %s)", s.Text, s.Kind, ss.list[i].Kind)
			}
			continue
		}
		ss.add(s)
		if t := ToTraditional(s.Text); t != s.Text {
			g := s
			g.Text = t
			gen = append(gen, g)
		}
	}
	for _, g := range gen {
		if _, ok := ss.m[g.Text]; !ok {
			ss.add(g)
		}
	}
	return ss, nil
}

func (ss *suffixSet) add(s Suffix) {
	ss.m[s.Text] = len(ss.list)
	ss.list = append(ss.list, s)
	if n := utf8.RuneCountInString(s.Text); n > ss.maxRunes {
		ss.maxRunes = n
	}
}

// longest returns the longest suffix that s ends with.
func (ss *suffixSet) longest(s string) (Suffix, bool) {
	// Try start offsets from the earliest allowed one: the first hit is
	// the longest suffix.
	start := len(s)
	for n := 0; n < ss.maxRunes && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	for j := start; j < len(s); {
		if i, ok := ss.m[s[j:]]; ok {
			return ss.list[i], true
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return Suffix{}, false
}

// OrgSuffix returns the longest organization head word that s ends with
// and its default kind: 武汉职业技术学院 gives 职业技术学院 (school),
// 百胜中国控股有限公司 gives 控股有限公司 (company).
// The kind is a default; [OrgSuffixInfo] also gives the other kinds the
// suffix can end (学院 can be a school's department, 中心 a research
// centre).
func OrgSuffix(s string) (suffix string, kind Kind, ok bool) {
	x, ok := baseSuffixes().longest(s)
	return x.Text, x.Kind, ok
}

// OrgSuffixInfo is [OrgSuffix] with the whole [Suffix] entry.
func OrgSuffixInfo(s string) (Suffix, bool) {
	return baseSuffixes().longest(s)
}

// OrgSuffixes returns every organization suffix, traditional forms
// included, longest first. The slice is a copy.
func OrgSuffixes() []Suffix {
	ss := baseSuffixes()
	out := make([]Suffix, len(ss.list))
	copy(out, ss.list)
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i].Text) > utf8.RuneCountInString(out[j].Text)
	})
	return out
}
