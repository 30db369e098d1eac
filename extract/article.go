package extract

import (
	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/relation"
	"github.com/zhnews/zhnews/timex"
)

// Article is one extracted news article, in the shape of the output contract
// (spec/output.md). Fields that were not found are left empty and omitted
// from JSON; nothing is invented.
type Article struct {
	// ID is stable: derived from the canonical URL when known, otherwise
	// from the SHA-256 of the raw input bytes.
	ID        string  `json:"id"`
	Source    Source  `json:"source"`
	Title     string  `json:"title,omitempty"`
	Published string  `json:"published,omitempty"`
	Publisher string  `json:"publisher,omitempty"`
	Views     *int    `json:"views,omitempty"`
	Byline    *Byline `json:"byline,omitempty"`
	Body      string  `json:"body"`

	// Entities, filled when the Extractor has a recognizer (Options.Entities).
	People        []entity.Person       `json:"people,omitempty"`
	Organizations []entity.Organization `json:"organizations,omitempty"`
	Locations     []entity.Location     `json:"locations,omitempty"`
	// Dates are the date and time expressions of the body, normalized
	// against Published.
	Dates []timex.Date `json:"dates,omitempty"`
	// Relations are the facts read from the body (signings, appointments,
	// speeches, attendance); filled with the entities.
	Relations []relation.Relation `json:"relations,omitempty"`
	// Pages is the number of pages joined into this article when it was
	// split over several pages; omitted for single-page articles.
	Pages int `json:"pages,omitempty"`
	// Parts are the sources of the pages joined into a split article, in
	// page order; not part of the output.
	Parts []Source `json:"-"`

	more bool // the page links to further pages of the same article
	// neighbours are the headlines of the articles the page links to as
	// 上一条/下一条: they name the site's own school (entity.Doc.Neighbours).
	neighbours []string
	// site holds the parts of the page's <title> that name the site
	// (江城师范学院新闻网): entity.Doc.Site.
	site []string
}

// Source says where an article came from.
type Source struct {
	// Path is the input path as given, or "archive!member" for archive members.
	Path string `json:"path"`
	// URL is the page's address when known: <link rel=canonical>, og:url,
	// or the WARC target URI.
	URL string `json:"url,omitempty"`
	// SHA256 is the hex SHA-256 of the raw input bytes.
	SHA256 string `json:"sha256"`
	// Encoding is the character encoding the bytes were decoded with.
	Encoding string `json:"encoding,omitempty"`
}

// Byline holds the credits of an article, split by role.
type Byline struct {
	Outlet         string   `json:"outlet,omitempty"`
	Department     string   `json:"department,omitempty"`
	Authors        []string `json:"authors,omitempty"`
	Correspondents []string `json:"correspondents,omitempty"`
	Photographers  []string `json:"photographers,omitempty"`
	Editors        []string `json:"editors,omitempty"`
}

// Empty reports whether b holds no credit at all.
func (b *Byline) Empty() bool {
	return b == nil || (b.Outlet == "" && b.Department == "" && len(b.Authors) == 0 &&
		len(b.Correspondents) == 0 && len(b.Photographers) == 0 && len(b.Editors) == 0)
}
