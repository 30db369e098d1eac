package entity

// Lexicon is what the recognizer asks of its word lists. Positions are
// rune indexes into r; lengths are in runes. Package lexicon provides the
// implementation zhnews uses ([FromLexicon]); tests may use others.
type Lexicon interface {
	// TitleAt is the length of the longest job title starting at r[i].
	TitleAt(r []rune, i int) int
	// TitleEndingAt is the length of the longest job title ending at
	// r[end-1].
	TitleEndingAt(r []rune, end int) int
	// Honorific reports whether a title is an academic rank or honorific
	// (教授, 研究员) rather than a post.
	Honorific(title string) bool
	// OrgSuffixEndingAt is the length and kind of the longest
	// organization head word (大学, 有限公司, 人民政府 …) ending at r[end-1].
	OrgSuffixEndingAt(r []rune, end int) (n int, kind string)
	// SurnameAt is the length of a surname starting at r[i] (compound
	// first) and its frequency rank (1 = most common); 0, 0 when none.
	SurnameAt(r []rune, i int) (n, rank int)
	// PlaceAt is the length of the longest place name starting at r[i].
	PlaceAt(r []rune, i int) int
	// Generic reports whether a word refers to an organization without
	// naming it (学校, 我校, 该公司) and what it refers to: "school" (the
	// publishing school), "unit" (the publishing unit), "company" (公司,
	// 该公司: a company of the article), "party" (the other side of the
	// sentence) or "other".
	Generic(word string) (ref string, ok bool)
	// NotPerson reports whether a word that looks like a name is a group
	// or a common noun in this genre (师生, 嘉宾, 领导).
	NotPerson(word string) bool
	// KnownOrg returns a user-declared organization that name is the name
	// or an alias of.
	KnownOrg(name string) (canonical, kind string, ok bool)
	// KnownOrgs lists user-declared organizations: name → aliases.
	KnownOrgs() map[string][]string
	// KnownPerson reports whether the user declared name as a person.
	KnownPerson(name string) bool
	// UserOrgAt is the length of the longest user-declared organization
	// name or alias starting at r[i], with the organization's name and kind.
	UserOrgAt(r []rune, i int) (n int, name, kind string)
	// KnownOrgAt is the length of the longest name or short form of a
	// well-known organization starting at rune i (华为, 清华), with its
	// kind; 0 when none.
	KnownOrgAt(r []rune, i int) (n int, kind string)
	// KnownOrgName is the full name of the well-known organization that s
	// names (华为 → 华为技术有限公司), or "".
	KnownOrgName(s string) string
	// UserPersonAt is the length of the longest user-declared person name
	// or alias starting at r[i], with the person's name.
	UserPersonAt(r []rune, i int) (n int, name string)
}
