package entity

import (
	"unicode/utf8"

	"github.com/zhnews/zhnews/lexicon"
)

// FromLexicon adapts the word lists of package lexicon (byte offsets,
// strings) to the rune-indexed Lexicon the recognizer uses.
func FromLexicon(l *lexicon.Lexicon) Lexicon { return lexAdapter{l} }

type lexAdapter struct{ l *lexicon.Lexicon }

// maxWord bounds the runes looked at for one lookup.
const maxWord = 16

// window returns r[i:i+maxWord] as a string.
func window(r []rune, i int) string { return string(r[i:min(len(r), i+maxWord)]) }

// runes converts a byte length at the start of s to runes.
func runes(s string, n int) int { return utf8.RuneCountInString(s[:n]) }

func (a lexAdapter) TitleAt(r []rune, i int) int {
	if i >= len(r) || !a.l.TitleCanStart(r[i]) {
		return 0
	}
	s := window(r, i)
	if n := a.l.MatchTitle(s, 0); n > 0 {
		return runes(s, n)
	}
	return 0
}

func (a lexAdapter) TitleEndingAt(r []rune, end int) int {
	if end <= 0 || !a.l.TitleCanEnd(r[end-1]) {
		return 0
	}
	ts := a.l.Titles()
	for n := min(end, 10); n > 0; n-- {
		s := string(r[end-n : end])
		if ts.Has(s) || a.l.MatchTitle(s, 0) == len(s) {
			return n
		}
	}
	return 0
}

func (a lexAdapter) Honorific(t string) bool { return a.l.Titles().IsHonorific(t) }

func (a lexAdapter) OrgSuffixEndingAt(r []rune, end int) (int, string) {
	if end <= 0 || !lexicon.OrgSuffixCanEnd(r[end-1]) {
		return 0, ""
	}
	s := string(r[max(0, end-maxWord):end])
	suf, ok := a.l.OrgSuffix(s)
	if !ok {
		return 0, ""
	}
	return utf8.RuneCountInString(suf.Text), string(suf.Kind)
}

func (a lexAdapter) SurnameAt(r []rune, i int) (int, int) {
	if i >= len(r) || !lexicon.SurnameCanStart(r[i]) {
		return 0, 0
	}
	s := window(r, i)
	n := a.l.Surname(s, 0)
	if n == 0 {
		return 0, 0
	}
	rank, _ := lexicon.SurnameRank(s[:n])
	if rank == 0 {
		rank = 999
	}
	return runes(s, n), rank
}

func (a lexAdapter) PlaceAt(r []rune, i int) int {
	if i >= len(r) || !a.l.PlaceCanStart(r[i]) {
		return 0
	}
	s := window(r, i)
	if n, _ := a.l.Place(s, 0); n > 0 {
		return runes(s, n)
	}
	return 0
}

func (a lexAdapter) Generic(w string) (string, bool) {
	ref, ok := a.l.Generic(w)
	if !ok {
		return "", false
	}
	switch {
	case ref.Refers == lexicon.RefSelf && ref.Kind == lexicon.KindSchool:
		return "school", true
	case (ref.Refers == lexicon.RefSelf || ref.Refers == lexicon.RefMentioned) && ref.Kind == lexicon.KindCompany:
		return "company", true
	case ref.Refers == lexicon.RefSelf:
		return "unit", true
	case ref.Refers == lexicon.RefParties:
		return "party", true
	case ref.Refers == lexicon.RefMentioned:
		return "mentioned", true
	}
	return "category", true
}

func (a lexAdapter) NotPerson(w string) bool { return a.l.NotPerson(w) }

func (a lexAdapter) KnownOrg(name string) (string, string, bool) {
	o, ok := a.l.KnownOrg(name)
	if !ok {
		return "", "", false
	}
	return o.Name, string(o.Kind), true
}

func (a lexAdapter) KnownOrgs() map[string][]string {
	u := a.l.User()
	if u == nil {
		return nil
	}
	m := map[string][]string{}
	for _, o := range u.Orgs() {
		m[o.Name] = o.Aliases
	}
	return m
}

func (a lexAdapter) KnownPerson(name string) bool {
	_, ok := a.l.KnownPerson(name)
	return ok
}

func (a lexAdapter) UserOrgAt(r []rune, i int) (int, string, string) {
	if a.l.User() == nil {
		return 0, "", ""
	}
	s := string(r[i:min(len(r), i+32)])
	n, o := a.l.MatchOrg(s, 0)
	if n == 0 {
		return 0, "", ""
	}
	return runes(s, n), o.Name, string(o.Kind)
}

func (a lexAdapter) KnownOrgAt(r []rune, i int) (int, string) {
	if i >= len(r) || !a.l.KnownOrgCanStart(r[i]) {
		return 0, ""
	}
	s := string(r[i:min(len(r), i+32)])
	n, o := a.l.MatchKnownOrg(s, 0)
	if n == 0 {
		return 0, ""
	}
	return runes(s, n), string(o.Kind)
}

func (a lexAdapter) KnownOrgName(s string) string { return a.l.KnownOrgName(s) }

func (a lexAdapter) UserPersonAt(r []rune, i int) (int, string) {
	if a.l.User() == nil {
		return 0, ""
	}
	s := window(r, i)
	n, p := a.l.MatchPerson(s, 0)
	if n == 0 {
		return 0, ""
	}
	return runes(s, n), p.Name
}
