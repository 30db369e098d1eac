package relation

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/timex"
	"github.com/zhnews/zhnews/zhconv"
)

// Relation types.
const (
	TypeSigning     = "signing"
	TypeAppointment = "appointment"
	TypeSpeech      = "speech"
	TypeAttendance  = "attendance"
)

// Signing statuses.
const (
	StatusSigned  = "signed"
	StatusPlanned = "planned"
)

// Party is one side of a signing: an organization and, when the article
// says who signed for it, its representative.
type Party struct {
	Org            string `json:"org"`
	Representative string `json:"representative,omitempty"`
}

// Relation is one fact of an article. Which fields are set depends on
// Type: a signing has Parties, Agreement, Subject and Status; an
// appointment Person, Role and Org; a speech or attendance Person, Role and
// Org (the person's post).
type Relation struct {
	Type      string  `json:"type"`
	Parties   []Party `json:"parties,omitempty"`
	Agreement string  `json:"agreement,omitempty"`
	Subject   string  `json:"subject,omitempty"`
	Person    string  `json:"person,omitempty"`
	Role      string  `json:"role,omitempty"`
	Org       string  `json:"org,omitempty"`
	// Date is when it happened, normalized by the date stage (the date
	// written in the sentence, else the one before it in the article,
	// else the publish date); empty when unknown.
	Date   string `json:"date,omitempty"`
	Status string `json:"status,omitempty"`
	// Evidence is the sentence the relation was read from.
	Evidence string `json:"evidence"`
	// Mentions are the [start, end) rune offsets of the evidence sentences
	// in the body.
	Mentions [][2]int `json:"mentions,omitempty"`
}

// Input is what Find reads: the body and what the earlier stages found
// in it.
type Input struct {
	Body string
	// Published is the publish date (ISO 8601), the date of a relation
	// the text does not date.
	Published     string
	School        string // the publishing school 学校/我校 refer to, when known
	People        []entity.Person
	Organizations []entity.Organization
	Locations     []entity.Location
	Dates         []timex.Date
}

// Find returns the relations of one article, signings first, in the order
// the text gives them.
func Find(in Input) []Relation {
	if in.Body == "" {
		return nil
	}
	d := newDoc(in)
	var out []Relation
	out = append(out, d.signings()...)
	out = append(out, d.appointments()...)
	out = append(out, d.events()...)
	return out
}

// refKind says what a reference in the text points at.
type refKind uint8

const (
	refOrg     refKind = iota // an organization named (full name or short form)
	refSelf                   // 学校, 我校, 本院: the publishing school
	refParties                // 双方, 两校, 三方: the parties of the relation
	refPerson                 // a person of the article
	refPlace                  // a place: a party only when joined by 与 (A与滨海新区签署)
)

// ref is one mention of an organization, person or generic reference.
type ref struct {
	start, end int
	kind       refKind
	org        string // refOrg: the organization's full name
	person     string // refPerson
	n          int    // refParties: the number of parties (0: many)
}

// doc is one article prepared for reading relations.
type doc struct {
	in     Input
	raw    []rune // body as written
	r      []rune // simplified, same length
	refs   []ref  // sorted by start
	orgs   map[string]*entity.Organization
	people map[string]*entity.Person
	sents  [][2]int // sentence spans
	// known are the parties of the signings read so far: a person with
	// posts at several organizations signs for the one among them.
	known map[string]bool
}

func newDoc(in Input) *doc {
	d := &doc{in: in, raw: []rune(in.Body), orgs: map[string]*entity.Organization{}, people: map[string]*entity.Person{}, known: map[string]bool{}}
	d.r = make([]rune, len(d.raw))
	for i, c := range d.raw {
		d.r[i] = zhconv.Rune(c)
	}
	for i := range in.Organizations {
		o := &in.Organizations[i]
		d.orgs[o.Name] = o
		for _, m := range o.Mentions {
			d.refs = append(d.refs, ref{start: m[0], end: m[1], kind: refOrg, org: o.Name})
		}
	}
	for _, l := range in.Locations {
		for _, m := range l.Mentions {
			d.refs = append(d.refs, ref{start: m[0], end: m[1], kind: refPlace, org: l.Name})
		}
	}
	for i := range in.People {
		p := &in.People[i]
		d.people[p.Name] = p
		for _, m := range p.Mentions {
			d.refs = append(d.refs, ref{start: m[0], end: m[1], kind: refPerson, person: p.Name})
		}
	}
	d.findGeneric()
	// A dateline in brackets (【劲报/记者…报导】) names the outlet, not a
	// party: no references inside.
	inBracket := make([]bool, len(d.r))
	open := false
	for i, c := range d.r {
		switch c {
		case '【':
			open = true
		case '】':
			open = false
		}
		inBracket[i] = open
	}
	refs := d.refs[:0]
	for _, r := range d.refs {
		if !inBracket[r.start] {
			refs = append(refs, r)
		}
	}
	d.refs = refs
	sort.SliceStable(d.refs, func(i, j int) bool {
		if d.refs[i].start != d.refs[j].start {
			return d.refs[i].start < d.refs[j].start
		}
		return d.refs[i].end > d.refs[j].end
	})
	// Drop references inside a longer one (学院 in 武汉职业技术学院).
	kept := d.refs[:0]
	end := -1
	for _, r := range d.refs {
		if r.start < end {
			continue
		}
		kept = append(kept, r)
		end = r.end
	}
	d.refs = kept
	d.sents = sentences(d.r)
	return d
}

// genericWords are the generic references read here, simplified.
var genericWords = []struct {
	word string
	kind refKind
	n    int
}{
	{"学校", refSelf, 0}, {"我校", refSelf, 0}, {"本校", refSelf, 0}, {"校方", refSelf, 0},
	{"我院", refSelf, 0}, {"本院", refSelf, 0}, {"院方", refSelf, 0}, {"学院", refSelf, 0},
	{"双方", refParties, 2}, {"两校", refParties, 2}, {"校地双方", refParties, 2}, {"校企双方", refParties, 2},
	{"三方", refParties, 3}, {"四方", refParties, 4}, {"五方", refParties, 5}, {"多方", refParties, 0}, {"各方", refParties, 0},
}

// findGeneric adds the generic references of the body. 学院 alone counts
// only where a name cannot have stood before it (after punctuation, 与,
// 代表 …), since it ends so many names the entity stage may have missed.
func (d *doc) findGeneric() {
	for i := 0; i < len(d.r); i++ {
		for _, g := range genericWords {
			w := []rune(g.word)
			if !hasAt(d.r, i, w) {
				continue
			}
			if g.word == "学院" && i > 0 && !strings.ContainsRune("，,、。；;：:（(与和同向为代表\n ", d.r[i-1]) && !hasBefore(d.r, i, "代表") {
				continue
			}
			if g.word == "学校" && i+2 < len(d.r) && d.r[i+2] == '的' && i > 0 && d.r[i-1] == '各' {
				continue
			}
			d.refs = append(d.refs, ref{start: i, end: i + len(w), kind: g.kind, n: g.n})
			break
		}
	}
}

func hasAt(r []rune, i int, w []rune) bool {
	if i+len(w) > len(r) {
		return false
	}
	for k, c := range w {
		if r[i+k] != c {
			return false
		}
	}
	return true
}

func hasBefore(r []rune, i int, s string) bool {
	w := []rune(s)
	return i >= len(w) && hasAt(r, i-len(w), w)
}

// sentences splits the text at sentence ends (。！？；and line ends) and
// returns the spans of the non-empty ones.
func sentences(r []rune) [][2]int {
	var out [][2]int
	start := 0
	for i, c := range r {
		if strings.ContainsRune("。！？!?；;\n", c) {
			if hasContent(r[start:i]) {
				out = append(out, [2]int{start, i + 1})
			}
			start = i + 1
		}
	}
	if start < len(r) && hasContent(r[start:]) {
		out = append(out, [2]int{start, len(r)})
	}
	return out
}

func hasContent(r []rune) bool {
	for _, c := range r {
		if c != ' ' && c != '\u3000' && c != '\t' && c != '\r' {
			return true
		}
	}
	return false
}

// refsIn returns the references inside [a, b).
func (d *doc) refsIn(a, b int) []ref {
	i := sort.Search(len(d.refs), func(i int) bool { return d.refs[i].start >= a })
	var out []ref
	for ; i < len(d.refs) && d.refs[i].end <= b; i++ {
		out = append(out, d.refs[i])
	}
	return out
}

// text returns the body as written in [a, b), trimmed of spaces.
func (d *doc) text(a, b int) string {
	return strings.TrimSpace(string(d.raw[a:b]))
}

// key returns the simplified text in [a, b).
func (d *doc) key(a, b int) string { return string(d.r[a:b]) }

// keyOf returns s simplified.
func (d *doc) keyOf(s string) string {
	r := []rune(s)
	for i, c := range r {
		r[i] = zhconv.Rune(c)
	}
	return string(r)
}

// party returns the organization a reference stands for as a party of a
// relation: a department of a named school stands for the school, one of
// the publishing school (国际合作处) for the publishing school.
func (d *doc) party(r ref) string {
	switch r.kind {
	case refSelf:
		if d.in.School != "" {
			return d.in.School
		}
		return string(d.raw[r.start:r.end])
	case refOrg:
		return d.partyOrg(r.org)
	}
	return ""
}

func (d *doc) partyOrg(name string) string {
	o := d.orgs[name]
	if o == nil || o.Kind != entity.KindDepartment {
		return name
	}
	best := ""
	for n, p := range d.orgs {
		if n != name && p.Kind != entity.KindDepartment && strings.HasPrefix(name, n) && len(n) > len(best) {
			best = n
		}
	}
	if best != "" {
		return best
	}
	if d.in.School != "" {
		return d.in.School
	}
	return name
}

// personOrg returns the organization a person works for, as a party: the
// organization of their first role that has one, preferring one of want.
func (d *doc) personOrg(name string, want []string) string {
	p := d.people[name]
	if p == nil {
		return ""
	}
	first, known := "", ""
	for _, r := range p.Roles {
		if r.Org == "" {
			continue
		}
		o := d.partyOrg(r.Org)
		for _, w := range want {
			if w == o {
				return o
			}
		}
		if first == "" {
			first = o
		}
		if known == "" && d.known[o] {
			known = o
		}
	}
	if known != "" {
		return known
	}
	return first
}

// personRole returns a person's first title and its organization.
func (d *doc) personRole(name string) (title, org string) {
	p := d.people[name]
	if p == nil || len(p.Roles) == 0 {
		return "", ""
	}
	return p.Roles[0].Title, p.Roles[0].Org
}

// dateAt returns the date of a relation read from the sentence [a, b): a
// day, month or year the sentence writes, else the last one before it in
// the article, else the publish date.
func (d *doc) dateAt(a, b int) string {
	best, bestAt := "", -1
	for _, dt := range d.in.Dates {
		if dt.Fuzzy && dt.Grain != "day" {
			continue
		}
		switch dt.Grain {
		case "day", "month", "hour", "minute", "second":
		default:
			continue
		}
		for _, m := range dt.Mentions {
			if m[0] >= a && m[1] <= b {
				return dayValue(dt.Value)
			}
			if m[1] <= a && m[0] > bestAt {
				best, bestAt = dayValue(dt.Value), m[0]
			}
		}
	}
	if best != "" {
		return best
	}
	if len(d.in.Published) >= 10 {
		return d.in.Published[:10]
	}
	return ""
}

// dayValue cuts a date value to its day (2021-06-24T14:30 → 2021-06-24).
func dayValue(v string) string {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		return v[:i]
	}
	return v
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
