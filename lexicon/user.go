package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A user lexicon is a UTF-8 text file a user writes for their own school:
// one entry per line, fields separated by TAB characters, blank lines and
// lines starting with # ignored.
//
//	org	NAME	[KIND]	[ALIAS ...]    an organization; KIND is one of school,
//	                                     department, company, government,
//	                                     association, research, other, or
//	                                     empty or - when unknown
//	person	NAME	[ALIAS ...]           a person
//	title	TITLE	[CLASS]               a job title; CLASS is post (default),
//	                                     hon or byline
//	place	NAME	[LEVEL]	[ALIAS ...]  a place; LEVEL is one of country,
//	                                     region, province, prefecture, county,
//	                                     area (default), or empty or -
//	notperson	WORD                  a word never to take for a person
//
// For example:
//
//	org	武汉职业技术学院	school	武职	武汉职院
//	org	双创学院	department
//	person	李洪渠
//	title	三级调研员
//	place	光谷
//
// A name may be written only once per file, and an alias may not name two
// organizations.

// maxNameRunes bounds the length of a name in a user lexicon.
const maxNameRunes = 100

// Org is an organization of a user lexicon.
type Org struct {
	Name    string
	Kind    Kind // empty when the user did not say
	Aliases []string
}

// Person is a person of a user lexicon.
type Person struct {
	Name    string
	Aliases []string
}

// UserTitle is a job title of a user lexicon.
type UserTitle struct {
	Title string
	Class TitleClass
}

// UserPlace is a place of a user lexicon.
type UserPlace struct {
	Name    string
	Level   Level
	Aliases []string
}

// User is a parsed user lexicon. It is read-only once made and safe for
// concurrent use.
type User struct {
	orgs      []Org
	people    []Person
	titles    []UserTitle
	places    []UserPlace
	notPerson []string

	// where each name and alias was defined, for conflict messages:
	// "org:X", "person:X", "title:X", "place:X", "notperson:X".
	seen map[string]string
}

// LineError is a problem with one line of a user lexicon.
type LineError struct {
	Line int // 1-based
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// UserErrors lists every bad line of a user lexicon, in line order. Use
// errors.As with a *LineError to get the first one.
type UserErrors []*LineError

func (l UserErrors) Error() string {
	var b strings.Builder
	b.WriteString("lexicon: user lexicon: ")
	for i, e := range l {
		if i == 5 {
			fmt.Fprintf(&b, " (and %d more)", len(l)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the line errors.
func (l UserErrors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// maxUserErrors stops parsing a file that is clearly not a user lexicon.
const maxUserErrors = 100

// ParseUser reads a user lexicon (format above). It reports every bad line
// in a [UserErrors]; a read error is returned wrapped.
func ParseUser(r io.Reader) (*User, error) {
	u := newUser()
	var errs UserErrors
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if err := u.parseLine(line, n); err != "" {
			errs = append(errs, &LineError{Line: n, Msg: err})
			if len(errs) >= maxUserErrors {
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			errs = append(errs, &LineError{Line: n + 1, Msg: "line longer than 1 MiB"})
		} else {
			return nil, fmt.Errorf("lexicon: reading user lexicon: %w", err)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return u, nil
}

func newUser() *User { return &User{seen: make(map[string]string)} }

func (u *User) parseLine(line string, n int) string {
	line = strings.TrimRight(line, "\r")
	trimmed := strings.TrimSpace(line)
	if trimmed == "" || strings.HasPrefix(trimmed, "#") {
		return ""
	}
	if !utf8.ValidString(line) {
		return "not valid UTF-8"
	}
	f := strings.Split(line, "\t")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	typ := f[0]
	if len(f) < 2 {
		if strings.ContainsAny(trimmed, " \u3000") {
			return "fields must be separated by tabs, not spaces"
		}
		switch typ {
		case "org", "person", "title", "place", "notperson":
			return fmt.Sprintf("%s: missing name", typ)
		}
		return fmt.Sprintf("unknown entry type %q (want org, person, title, place or notperson)", typ)
	}
	name, rest := f[1], f[2:]
	if msg := checkName(name); msg != "" {
		return fmt.Sprintf("%s: %s", typ, msg)
	}
	where := fmt.Sprintf("line %d", n)
	switch typ {
	case "org":
		o := Org{Name: name}
		if len(rest) > 0 {
			if k := rest[0]; k != "" && k != "-" {
				o.Kind = Kind(k)
				if !o.Kind.Valid() {
					return fmt.Sprintf("org %s: unknown kind %q (want school, department, company, government, association, research, other, or - to leave it out)", name, k)
				}
			}
			rest = rest[1:]
		}
		al, msg := aliases(rest)
		if msg != "" {
			return "org " + name + ": " + msg
		}
		o.Aliases = al
		return u.addOrg(o, where)
	case "person":
		al, msg := aliases(rest)
		if msg != "" {
			return "person " + name + ": " + msg
		}
		return u.addPerson(Person{Name: name, Aliases: al}, where)
	case "title":
		t := UserTitle{Title: name}
		if len(rest) > 0 {
			c, ok := ParseTitleClass(rest[0])
			if !ok {
				return fmt.Sprintf("title %s: unknown class %q (want post, hon or byline)", name, rest[0])
			}
			t.Class = c
			if len(rest) > 1 && strings.Join(rest[1:], "") != "" {
				return fmt.Sprintf("title %s: too many fields", name)
			}
		}
		return u.addTitle(t, where)
	case "place":
		p := UserPlace{Name: name, Level: LevelArea}
		if len(rest) > 0 {
			if l := rest[0]; l != "" && l != "-" {
				p.Level = Level(l)
				if !p.Level.valid() {
					return fmt.Sprintf("place %s: unknown level %q (want country, region, province, prefecture, county, area, or -)", name, l)
				}
			}
			rest = rest[1:]
		}
		al, msg := aliases(rest)
		if msg != "" {
			return "place " + name + ": " + msg
		}
		p.Aliases = al
		return u.addPlace(p, where)
	case "notperson":
		if strings.Join(rest, "") != "" {
			return fmt.Sprintf("notperson %s: too many fields", name)
		}
		return u.addNotPerson(name, where)
	}
	return fmt.Sprintf("unknown entry type %q (want org, person, title, place or notperson)", typ)
}

func checkName(s string) string {
	if s == "" {
		return "empty name"
	}
	if utf8.RuneCountInString(s) > maxNameRunes {
		return fmt.Sprintf("name longer than %d characters", maxNameRunes)
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return fmt.Sprintf("name %q contains a control character", s)
		}
	}
	return ""
}

func aliases(fields []string) ([]string, string) {
	var out []string
	for _, a := range fields {
		if a == "" {
			continue
		}
		if msg := checkName(a); msg != "" {
			return nil, "alias: " + msg
		}
		out = append(out, a)
	}
	return out, ""
}

// claim records that key was defined at where; it returns a message if it
// was defined before.
func (u *User) claim(key, where string) string {
	if old, ok := u.seen[key]; ok {
		typ, name, _ := strings.Cut(key, ":")
		return fmt.Sprintf("%s %s already defined (%s)", typ, name, old)
	}
	u.seen[key] = where
	return ""
}

func (u *User) addOrg(o Org, where string) string {
	names := append([]string{o.Name}, o.Aliases...)
	for i, n := range names {
		if old, ok := u.seen["org:"+n]; ok {
			if i == 0 {
				return fmt.Sprintf("org %s already defined (%s)", n, old)
			}
			return fmt.Sprintf("org %s: alias %s already names an organization (%s)", o.Name, n, old)
		}
	}
	seen := make(map[string]bool)
	for _, n := range names {
		if seen[n] {
			return fmt.Sprintf("org %s: %s written twice", o.Name, n)
		}
		seen[n] = true
	}
	for _, n := range names {
		u.seen["org:"+n] = where
	}
	u.orgs = append(u.orgs, o)
	return ""
}

// claimAll claims typ:name for every name, or none of them.
func (u *User) claimAll(typ string, names []string, where string) string {
	seen := make(map[string]bool)
	for _, n := range names {
		if old, ok := u.seen[typ+":"+n]; ok {
			return fmt.Sprintf("%s %s already defined (%s)", typ, n, old)
		}
		if seen[n] {
			return fmt.Sprintf("%s %s written twice", typ, n)
		}
		seen[n] = true
	}
	for _, n := range names {
		u.seen[typ+":"+n] = where
	}
	return ""
}

func (u *User) addPerson(p Person, where string) string {
	if msg := u.claimAll("person", append([]string{p.Name}, p.Aliases...), where); msg != "" {
		return msg
	}
	u.people = append(u.people, p)
	return ""
}

func (u *User) addTitle(t UserTitle, where string) string {
	if msg := u.claim("title:"+t.Title, where); msg != "" {
		return msg
	}
	u.titles = append(u.titles, t)
	return ""
}

func (u *User) addPlace(p UserPlace, where string) string {
	if msg := u.claimAll("place", append([]string{p.Name}, p.Aliases...), where); msg != "" {
		return msg
	}
	u.places = append(u.places, p)
	return ""
}

func (u *User) addNotPerson(w, where string) string {
	if msg := u.claim("notperson:"+w, where); msg != "" {
		return msg
	}
	u.notPerson = append(u.notPerson, w)
	return ""
}

// Orgs returns the organizations, in file order.
func (u *User) Orgs() []Org {
	out := make([]Org, len(u.orgs))
	for i, o := range u.orgs {
		o.Aliases = append([]string(nil), o.Aliases...)
		out[i] = o
	}
	return out
}

// People returns the people, in file order.
func (u *User) People() []Person {
	out := make([]Person, len(u.people))
	for i, p := range u.people {
		p.Aliases = append([]string(nil), p.Aliases...)
		out[i] = p
	}
	return out
}

// Titles returns the job titles, in file order.
func (u *User) Titles() []UserTitle { return append([]UserTitle(nil), u.titles...) }

// Places returns the places, in file order.
func (u *User) Places() []UserPlace {
	out := make([]UserPlace, len(u.places))
	for i, p := range u.places {
		p.Aliases = append([]string(nil), p.Aliases...)
		out[i] = p
	}
	return out
}

// NotPersons returns the notperson words, in file order.
func (u *User) NotPersons() []string { return append([]string(nil), u.notPerson...) }

// Merge returns a new user lexicon with the entries of u and then those of
// o (for example a site-wide lexicon and a department's own). Entries
// defined in both are an error, as they would be in one file. Either may
// be nil.
func (u *User) Merge(o *User) (*User, error) {
	m := newUser()
	var errs []error
	for i, x := range []*User{u, o} {
		if x == nil {
			continue
		}
		where := fmt.Sprintf("lexicon %d", i+1)
		add := func(msg string) {
			if msg != "" {
				errs = append(errs, errors.New(msg))
			}
		}
		for _, e := range x.orgs {
			add(m.addOrg(e, where))
		}
		for _, e := range x.people {
			add(m.addPerson(e, where))
		}
		for _, e := range x.titles {
			add(m.addTitle(e, where))
		}
		for _, e := range x.places {
			add(m.addPlace(e, where))
		}
		for _, e := range x.notPerson {
			add(m.addNotPerson(e, where))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("lexicon: merging user lexicons: %w", errors.Join(errs...))
	}
	return m, nil
}
