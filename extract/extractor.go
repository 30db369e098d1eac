package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/relation"
	"github.com/zhnews/zhnews/timex"
)

// ErrNotArticle is wrapped by the error returned for pages that are not
// articles (list, home, search and info pages, empty shells).
var ErrNotArticle = errors.New("not an article")

// NotArticleError says why a page was judged not to be an article.
type NotArticleError struct {
	Reason string // e.g. "list page: 24 headline links, body 80 characters"
}

func (e *NotArticleError) Error() string { return "not an article: " + e.Reason }

// Unwrap makes errors.Is(err, ErrNotArticle) true.
func (e *NotArticleError) Unwrap() error { return ErrNotArticle }

func notArticle(format string, args ...any) error {
	return &NotArticleError{Reason: fmt.Sprintf(format, args...)}
}

// Format says how to read an input's text.
type Format int

const (
	// FormatAuto treats the text as HTML when it looks like markup and as
	// plain text otherwise.
	FormatAuto Format = iota
	// FormatHTML reads the text as an HTML page.
	FormatHTML
	// FormatText reads the text as a plain-text article: headline line,
	// metadata line, body paragraphs.
	FormatText
)

// Options configures an Extractor. The zero value gives the default
// behaviour: built-in heuristics and no site rules.
type Options struct {
	// Rules overrides the heuristics for the sites they match.
	Rules *Rules
	// MinBody is the least number of Han characters (or, for pages with
	// none, letters) a body must hold for the page to count as an article.
	// Zero means 12.
	MinBody int
	// Entities, when set, finds the people, organizations and locations
	// of each article.
	Entities *entity.Recognizer
}

// Extractor extracts articles from pages. It is safe for concurrent use.
type Extractor struct {
	rules    *Rules
	minBody  int
	entities *entity.Recognizer
}

// New returns an Extractor built from opts.
func New(opts Options) (*Extractor, error) {
	e := &Extractor{rules: opts.Rules, minBody: opts.MinBody, entities: opts.Entities}
	if e.minBody <= 0 {
		e.minBody = 12
	}
	return e, nil
}

// Input is one page to extract, already decoded to UTF-8.
type Input struct {
	// Source describes where the text came from. SHA256 should be the hash
	// of the raw bytes; when empty it is computed from Text.
	Source Source
	// Text is the page's content decoded to UTF-8.
	Text string
	// Format says whether Text is HTML or plain text.
	Format Format
}

// Extract reads one page and returns its article, or an error wrapping
// ErrNotArticle when the page is not an article.
func (e *Extractor) Extract(ctx context.Context, in Input) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if in.Source.SHA256 == "" {
		sum := sha256.Sum256([]byte(in.Text))
		in.Source.SHA256 = hex.EncodeToString(sum[:])
	}
	format := in.Format
	if format == FormatAuto {
		format = FormatText
		if looksLikeHTML(in.Text) {
			format = FormatHTML
		}
	}
	var (
		a   *Article
		err error
	)
	if format == FormatHTML {
		a, err = e.extractHTML(in)
	} else {
		a, err = e.extractText(in)
	}
	if err != nil {
		return nil, err
	}
	a.ID = articleID(a.Source)
	e.annotate(a)
	return a, nil
}

// annotate fills the fields read from the article's text: its dates and,
// with a recognizer, its entities.
func (e *Extractor) annotate(a *Article) {
	var ref time.Time
	if a.Published != "" {
		ref, _ = timex.ParseRef(a.Published) // unreadable: no reference
	}
	a.Dates = timex.Find(a.Body, timex.Options{Ref: ref})
	if e.entities != nil {
		school := e.recognize(a)
		a.Relations = relation.Find(relation.Input{
			Body: a.Body, Published: a.Published, School: school,
			People: a.People, Organizations: a.Organizations, Locations: a.Locations, Dates: a.Dates,
		})
	}
}

// recognize fills the entity fields of a and returns the publishing
// school the entity stage read.
func (e *Extractor) recognize(a *Article) string {
	d := entity.Doc{Title: a.Title, Body: a.Body, Publisher: a.Publisher, URL: a.Source.URL, Neighbours: a.neighbours, Site: a.site}
	if b := a.Byline; b != nil {
		for _, list := range [][]string{b.Authors, b.Correspondents, b.Photographers, b.Editors} {
			d.Credits = append(d.Credits, list...)
		}
	}
	res := e.entities.Recognize(d)
	a.People, a.Organizations, a.Locations = res.People, res.Organizations, res.Locations
	return res.School
}

// articleID derives the stable id of an article: from its canonical URL
// when known, otherwise from the hash of its bytes.
func articleID(s Source) string {
	key := "sha256:" + s.SHA256
	if s.URL != "" {
		key = "url:" + canonicalURL(s.URL)
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:10])
}

// canonicalURL normalizes a URL for identity: scheme and host lowercased,
// fragment dropped, http and https the same.
func canonicalURL(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	lower := strings.ToLower(u)
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(lower, p) {
			rest := u[len(p):]
			host, path, _ := strings.Cut(rest, "/")
			return strings.ToLower(host) + "/" + path
		}
	}
	return u
}

// looksLikeHTML reports whether text starts like markup.
func looksLikeHTML(text string) bool {
	head := text
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = strings.ToLower(head)
	for _, tag := range []string{"<!doctype", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<table", "<title"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}
