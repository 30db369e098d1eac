package entity

// Span is a [start, end) pair of rune offsets into the article body; it
// is written to JSON as a two-element array.
type Span [2]int

// Person is someone the article names.
type Person struct {
	Name     string `json:"name"`
	Roles    []Role `json:"roles,omitempty"`
	Mentions []Span `json:"mentions,omitempty"`
}

// Role is one title the article gives a person, with the organization the
// title belongs to (its full name, when the article gives one).
type Role struct {
	Title string `json:"title"`
	Org   string `json:"org,omitempty"`
}

// Organization is an organization the article names.
type Organization struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Kind     string   `json:"kind,omitempty"`
	Mentions []Span   `json:"mentions,omitempty"`
}

// Organization kinds.
const (
	KindSchool      = "school"
	KindDepartment  = "department"
	KindCompany     = "company"
	KindGovernment  = "government"
	KindAssociation = "association"
	KindResearch    = "research"
	KindOther       = "other"
)

// Location is a place that is not an organization.
type Location struct {
	Name     string `json:"name"`
	Mentions []Span `json:"mentions,omitempty"`
}

// Doc is the part of an article the recognizer reads.
type Doc struct {
	Title     string
	Body      string
	Publisher string   // the publishing unit, when known (双创学院)
	Credits   []string // names from the byline (authors, correspondents, …)
	URL       string
	// Neighbours are the headlines of the site's neighbouring articles
	// (上一条/下一条). They are not searched for entities, but a school
	// that opens one (乐山师范学院2011年度科研工作计划) is the site's own,
	// the school 我校 means when the article never names it.
	Neighbours []string
	// Site holds the names of the site the page comes from, from its
	// <title> (江城师范学院新闻网); a school that opens one is the site's
	// own, like a school that opens a neighbouring headline.
	Site []string
}

// Result holds the entities of one article.
type Result struct {
	People        []Person
	Organizations []Organization
	Locations     []Location
	// School is the organization that 学校/我校/本校 refer to: the
	// publishing school, when the article names it.
	School string
}

// Tagged is a span found by a statistical tagger: Type is PERSON, ORG, LOC
// or TITLE; Start and End are byte offsets into the tagged text.
type Tagged struct {
	Type       string
	Start, End int
}
