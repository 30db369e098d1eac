package lexicon

// Lexicon answers lookups over the built-in lists and one user lexicon.
// Build it once with [New] and share it: it is read-only and safe for
// concurrent use. The built-in lists are loaded once per process whatever
// the number of Lexicons; each Lexicon holds only its user overlay.
type Lexicon struct {
	user      *User
	titles    *TitleSet
	orgs      *trie // name or alias (and traditional forms) -> index in user.orgs
	people    *trie // -> index in user.people
	places    *placeSet
	notPerson map[string]bool
}

// New returns a Lexicon over the built-in lists and user, which may be
// nil.
func New(user *User) *Lexicon {
	l := &Lexicon{user: user}
	if user == nil || len(user.titles) == 0 {
		l.titles = Titles()
	} else {
		extra := make([]titleSource, len(user.titles))
		for i, t := range user.titles {
			extra[i] = titleSource{t.Title, titleEntry{title: true, class: t.Class}}
		}
		l.titles = buildTitles(baseTitleSources(), extra)
	}
	if user == nil {
		return l
	}
	l.orgs = newTrie()
	for i, o := range user.orgs {
		putVariants(l.orgs, o.Name, int32(i))
		for _, a := range o.Aliases {
			putVariants(l.orgs, a, int32(i))
		}
	}
	l.people = newTrie()
	for i, p := range user.people {
		putVariants(l.people, p.Name, int32(i))
		for _, a := range p.Aliases {
			putVariants(l.people, a, int32(i))
		}
	}
	if len(user.places) > 0 {
		l.places = newPlaceSet()
		for _, p := range user.places {
			for _, n := range append([]string{p.Name}, p.Aliases...) {
				l.places.add(PlaceInfo{Text: n, Name: p.Name, Level: p.Level})
				if t := ToTraditional(n); t != n {
					l.places.add(PlaceInfo{Text: t, Name: p.Name, Level: p.Level})
				}
			}
		}
	}
	if len(user.notPerson) > 0 {
		l.notPerson = make(map[string]bool)
		for _, w := range user.notPerson {
			l.notPerson[w] = true
			l.notPerson[ToTraditional(w)] = true
		}
	}
	return l
}

// putVariants puts s and its traditional form, keeping earlier keys.
func putVariants(t *trie, s string, v int32) {
	for _, k := range []string{s, ToTraditional(s)} {
		if t.get(k) < 0 {
			t.put(k, v)
		}
	}
}

// User returns the user lexicon, or nil.
func (l *Lexicon) User() *User { return l.user }

// Titles returns the title set: the built-in titles plus the user's, with
// prefix chaining over both (a user title 教学总监 makes 双创教学总监 match
// only if 双创 is a prefix; list the whole title otherwise).
func (l *Lexicon) Titles() *TitleSet { return l.titles }

// MatchTitle is l.Titles().Match(s, i).
func (l *Lexicon) MatchTitle(s string, i int) int { return l.titles.Match(s, i) }

// OrgSuffix is [OrgSuffixInfo]; a known organization's own kind comes from
// [Lexicon.KnownOrg].
func (l *Lexicon) OrgSuffix(s string) (Suffix, bool) { return OrgSuffixInfo(s) }

// Surname is [Surname].
func (l *Lexicon) Surname(s string, i int) int { return Surname(s, i) }

// Place returns the longest place at byte i of s among the built-in places
// and the user's.
func (l *Lexicon) Place(s string, i int) (length int, level Level) {
	end, p := basePlaces().longest(s, i)
	if l.places != nil {
		if e2, p2 := l.places.longest(s, i); e2 > end {
			end, p = e2, p2
		}
	}
	if p == nil {
		return 0, ""
	}
	return end - i, p.Level
}

// LookupPlace looks s up among the user's places, then the built-in ones.
func (l *Lexicon) LookupPlace(s string) (PlaceInfo, bool) {
	if l.places != nil {
		if p, ok := l.places.lookup(s); ok {
			return p, true
		}
	}
	return LookupPlace(s)
}

// IsPlace reports whether s is a built-in or user place.
func (l *Lexicon) IsPlace(s string) bool {
	_, ok := l.LookupPlace(s)
	return ok
}

// Generic is [Generic]; a word the user lists as an organization name or
// alias is not generic.
func (l *Lexicon) Generic(s string) (Ref, bool) {
	if l.orgs != nil && l.orgs.get(s) >= 0 {
		return Ref{}, false
	}
	return Generic(s)
}

// NotPerson reports whether s is a built-in or user notperson word; a user
// person is never one.
func (l *Lexicon) NotPerson(s string) bool {
	if l.people != nil && l.people.get(s) >= 0 {
		return false
	}
	return l.notPerson[s] || NotPerson(s)
}

// KnownOrg looks s up among the user's organization names and aliases
// (traditional forms included) and returns the organization.
func (l *Lexicon) KnownOrg(s string) (Org, bool) {
	if l.orgs == nil {
		return Org{}, false
	}
	if i := l.orgs.get(s); i >= 0 {
		o := l.user.orgs[i]
		o.Aliases = append([]string(nil), o.Aliases...)
		return o, true
	}
	return Org{}, false
}

// MatchOrg returns the length in bytes of the longest user organization
// name or alias at byte i of s, and the organization; 0 if none.
func (l *Lexicon) MatchOrg(s string, i int) (int, Org) {
	if l.orgs == nil || i < 0 || i >= len(s) {
		return 0, Org{}
	}
	end, v := l.orgs.longest(s, i, nil)
	if end < 0 {
		return 0, Org{}
	}
	o := l.user.orgs[v]
	o.Aliases = append([]string(nil), o.Aliases...)
	return end - i, o
}

// KnownPerson looks s up among the user's people and their aliases.
func (l *Lexicon) KnownPerson(s string) (Person, bool) {
	if l.people == nil {
		return Person{}, false
	}
	if i := l.people.get(s); i >= 0 {
		p := l.user.people[i]
		p.Aliases = append([]string(nil), p.Aliases...)
		return p, true
	}
	return Person{}, false
}

// MatchPerson returns the length in bytes of the longest user person name
// or alias at byte i of s, and the person; 0 if none.
func (l *Lexicon) MatchPerson(s string, i int) (int, Person) {
	if l.people == nil || i < 0 || i >= len(s) {
		return 0, Person{}
	}
	end, v := l.people.longest(s, i, nil)
	if end < 0 {
		return 0, Person{}
	}
	p := l.user.people[v]
	p.Aliases = append([]string(nil), p.Aliases...)
	return end - i, p
}
