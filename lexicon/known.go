package lexicon

import (
	"sync"
)

// knownOrgs is the built-in list of well-known organizations
// (data/known_orgs.txt): their names and short forms in simplified and
// traditional characters, in a trie whose values index the list.
type knownOrgSet struct {
	orgs []Org
	trie *trie
}

var knownOrgs = sync.OnceValue(func() knownOrgSet {
	return mustLoad(loadKnownOrgs())
})

func loadKnownOrgs() (knownOrgSet, error) {
	lines, err := readData(dataFS, "known_orgs.txt")
	if err != nil {
		return knownOrgSet{}, err
	}
	set := knownOrgSet{trie: newTrie()}
	for _, l := range lines {
		if len(l.fields) < 2 || l.fields[0] == "" {
			return knownOrgSet{}, l.errorf("want NAME, KIND and aliases")
		}
		k := Kind(l.fields[1])
		if !k.Valid() {
			return knownOrgSet{}, l.errorf("unknown kind %q", l.fields[1])
		}
		o := Org{Name: l.fields[0], Kind: k}
		for _, a := range l.fields[2:] {
			if a != "" {
				o.Aliases = append(o.Aliases, a)
			}
		}
		v := int32(len(set.orgs))
		set.orgs = append(set.orgs, o)
		for _, s := range append([]string{o.Name}, o.Aliases...) {
			if set.trie.get(s) >= 0 {
				return knownOrgSet{}, l.errorf("%q is listed twice", s)
			}
			putVariants(set.trie, s, v)
		}
	}
	return set, nil
}

// KnownOrgs returns the built-in well-known organizations.
func KnownOrgs() []Org {
	return append([]Org(nil), knownOrgs().orgs...)
}

// MatchKnownOrg returns the length in bytes of the longest name or short
// form of a well-known organization (华为, 清华, 台積電) starting at byte i
// of s, and the organization; 0 when none starts there. Whether the match
// is a word of its own is for the caller to judge.
func (l *Lexicon) MatchKnownOrg(s string, i int) (int, Org) {
	set := knownOrgs()
	if i < 0 || i >= len(s) {
		return 0, Org{}
	}
	end, v := set.trie.longest(s, i, nil)
	if end < 0 {
		return 0, Org{}
	}
	o := set.orgs[v]
	o.Aliases = append([]string(nil), o.Aliases...)
	return end - i, o
}

// KnownOrgName returns the full name of the well-known organization that
// s names (华为 → 华为技术有限公司), or "".
func (l *Lexicon) KnownOrgName(s string) string {
	set := knownOrgs()
	if v := set.trie.get(s); v >= 0 {
		return set.orgs[v].Name
	}
	return ""
}
