package lexicon

import (
	"strconv"
	"sync"
)

// Refers says what a generic reference points at.
type Refers string

// What generic references point at.
const (
	// RefSelf: the publisher's own organization (学校, 我校, 本院, 我司).
	RefSelf Refers = "self"
	// RefMentioned: the organization of that kind named last before it
	// (该校, 该公司, 该中心).
	RefMentioned Refers = "mentioned"
	// RefParties: the parties of a relation (双方, 三方, 各方).
	RefParties Refers = "parties"
	// RefCategory: a class of organizations with no single referent
	// (企业, 高校, 各单位): not an organization mention.
	RefCategory Refers = "category"
)

// Ref is the reading of a generic reference.
type Ref struct {
	Word   string
	Refers Refers
	// Kind is the kind of organization it stands for; empty when any
	// kind (双方, 单位).
	Kind Kind
	// Parties is the number of parties of a RefParties word: 2 for 双方,
	// 3 for 三方, 0 for an unstated number (各方, 多方).
	Parties int
}

var baseGeneric = sync.OnceValue(func() map[string]Ref {
	return mustLoad(loadGeneric())
})

func loadGeneric() (map[string]Ref, error) {
	lines, err := readData(dataFS, "generic.txt")
	if err != nil {
		return nil, err
	}
	m := make(map[string]Ref)
	var gen []Ref
	for _, l := range lines {
		if len(l.fields) < 3 {
			return nil, l.errorf("want word<TAB>refers<TAB>kind[<TAB>parties]")
		}
		r := Ref{Word: l.fields[0], Refers: Refers(l.fields[1])}
		switch r.Refers {
		case RefSelf, RefMentioned, RefParties, RefCategory:
		default:
			return nil, l.errorf("unknown reference %q", l.fields[1])
		}
		if k := Kind(l.fields[2]); k != "any" {
			if !k.Valid() {
				return nil, l.errorf("unknown kind %q", k)
			}
			r.Kind = k
		}
		if len(l.fields) > 3 {
			n, err := strconv.Atoi(l.fields[3])
			if err != nil || n < 0 || r.Refers != RefParties {
				return nil, l.errorf("bad parties count %q", l.fields[3])
			}
			r.Parties = n
		}
		if _, dup := m[r.Word]; dup {
			continue // listed twice; the first reading wins
		}
		m[r.Word] = r
		if t := ToTraditional(r.Word); t != r.Word {
			g := r
			g.Word = t
			gen = append(gen, g)
		}
	}
	for _, g := range gen {
		if _, ok := m[g.Word]; !ok {
			m[g.Word] = g
		}
	}
	return m, nil
}

// Generic reports whether s is a generic reference to an organization
// (学校, 我校, 该公司, 双方) and what it refers to. Such words are neither
// organization names nor aliases; the caller resolves them.
func Generic(s string) (Ref, bool) {
	r, ok := baseGeneric()[s]
	return r, ok
}

var baseNotPerson = sync.OnceValue(func() map[string]bool {
	return mustLoad(loadWordSet("notperson.txt"))
})

func loadWordSet(name string) (map[string]bool, error) {
	lines, err := readData(dataFS, name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]bool, 2*len(lines))
	for _, l := range lines {
		if len(l.fields) != 1 || l.fields[0] == "" {
			return nil, l.errorf("want one word")
		}
		m[l.fields[0]] = true
	}
	for _, l := range lines {
		m[ToTraditional(l.fields[0])] = true
	}
	return m, nil
}

// NotPerson reports whether s is a word that looks like a personal name,
// or names a group of people, but is not a person in school news (师生,
// 嘉宾, 领导, 老师, 代表, 高校, 方案).
func NotPerson(s string) bool { return baseNotPerson()[s] }
