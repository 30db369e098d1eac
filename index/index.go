package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index/analyzer"
	"github.com/zhnews/zhnews/relation"
	"github.com/zhnews/zhnews/timex"
)

// Field names of the index, for filters, facets and query strings
// (org:武汉职业技术学院, type:signing).
const (
	FieldTitle     = "title"
	FieldBody      = "body"
	FieldOrg       = "org"    // organizations' full names (facet)
	FieldAlias     = "alias"  // their short forms
	FieldPerson    = "person" // people's names (facet)
	FieldRole      = "role"   // the titles people hold (校长, 总经理)
	FieldType      = "type"   // relation types (facet)
	FieldParty     = "party"  // signing parties
	FieldPublisher = "publisher"
	FieldPublished = "published" // date
	FieldMonth     = "month"     // 2021-07 (facet)
	FieldViews     = "views"
	FieldSHA       = "sha256"
	FieldPath      = "path"
	FieldURL       = "url"
	fieldHit       = "hit"     // what a hit shows, stored only (see stored.go)
	fieldDoc       = "doc"     // the rest of the article, stored only
	fieldKind      = "kind"    // kindArticle or kindSkip
	fieldSkipped   = "skipped" // the SHA-256 of an input that is no article
)

// Kinds of documents: an article, or the record of an input that is no
// article (so that a later run skips it too).
const (
	kindArticle = "article"
	kindSkip    = "skip"
)

// skipPrefix starts the ids of the records of inputs that are no articles
// (article ids are hexadecimal).
const skipPrefix = "skip/"

// formatKey is the internal key holding the index's format: formatVersion
// since inputs are recorded as documents (they were internal keys before,
// which scorch copies into every snapshot it persists).
const (
	formatKey     = "zhnews_format"
	formatVersion = "2"
)

// Options configures a new index; an existing one keeps the options it
// was made with.
type Options struct {
	// Lexicon is a user lexicon file (see package lexicon) whose
	// organizations and people the analyzer keeps as words. Its words are
	// stored in the index mapping: the file is read once, when the index
	// is created.
	Lexicon string
	// ReadOnly opens an existing index for reading only (a server).
	ReadOnly bool
	// Analyzer replaces the zhnews analyzer of title and body by another
	// of bleve's registry ("cjk", "standard"), for comparisons; queries
	// then use it too.
	Analyzer string
}

// Index is an open index.
type Index struct {
	b      bleve.Index
	dir    string
	codec  codec
	facets *facetMemo // for a read-only index only
}

// Open opens the index in dir, creating it when dir does not exist or is
// empty.
func Open(dir string, opts Options) (*Index, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		// Another process writing the index holds its lock: give up after a
		// while with a clear error instead of waiting for ever.
		b, err := bleve.OpenUsing(dir, map[string]any{"read_only": opts.ReadOnly, "bolt_timeout": "3s"})
		if err != nil {
			if errors.Is(err, bolterrors.ErrTimeout) || strings.Contains(err.Error(), "timeout") {
				return nil, fmt.Errorf("open index %s: in use by another process (zhnews index still running?)", dir)
			}
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		ix := &Index{b: b, dir: dir}
		if opts.ReadOnly {
			ix.facets = &facetMemo{}
		}
		if err := ix.checkFormat(opts.ReadOnly); err != nil {
			b.Close()
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		return ix, nil
	}
	if opts.ReadOnly {
		return nil, fmt.Errorf("open index %s: no index there", dir)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("open index %s: the directory is not empty and holds no index", dir)
	}
	m, err := newMapping(opts.Lexicon, opts.Analyzer)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	b, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := b.SetInternal([]byte(formatKey), []byte(formatVersion)); err != nil {
		b.Close()
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return &Index{b: b, dir: dir}, nil
}

// checkFormat refuses an index of another format. An empty index without
// one (a process killed right after creating it) gets the current one.
func (ix *Index) checkFormat(readOnly bool) error {
	v, err := ix.b.GetInternal([]byte(formatKey))
	if err != nil {
		return err
	}
	switch {
	case string(v) == formatVersion:
		return nil
	case v != nil:
		return fmt.Errorf("index format %s, this zhnews reads format %s: build the index again", v, formatVersion)
	}
	if n, err := ix.b.DocCount(); err != nil || n > 0 {
		return errors.New("made by an earlier zhnews (format 1): build the index again")
	}
	if readOnly {
		return nil
	}
	return ix.b.SetInternal([]byte(formatKey), []byte(formatVersion))
}

// Compact merges the index's segments into one, so that searches read one
// segment instead of many; worth it after writing many articles.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(ctx, nil); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	// The merged-away segment files go once the merge is persisted: give
	// the index a moment, so that the folder is as small as it gets.
	for range 100 {
		if ix.segmentFiles() <= 1 || ctx.Err() != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

// segmentFiles counts the index's segment files.
func (ix *Index) segmentFiles() int {
	ents, err := os.ReadDir(filepath.Join(ix.dir, "store"))
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".zap") {
			n++
		}
	}
	return n
}

// LoadFacets reads the facet values of a read-only index into memory now,
// instead of at its first search (a server calls it before it listens).
// A read-only index counts facets from memory, several times faster than
// from the index files; an index open for writing does not, and for it
// LoadFacets does nothing.
func (ix *Index) LoadFacets() error {
	_, err := ix.facetTable()
	return err
}

// facetTable returns the facet table of a read-only index, reading it at
// the first call, or nil for an index open for writing.
func (ix *Index) facetTable() (*facetTable, error) {
	if ix.facets == nil {
		return nil, nil
	}
	m := ix.facets
	m.once.Do(func() {
		adv, err := ix.b.Advanced()
		if err != nil {
			m.err = err
			return
		}
		r, err := adv.Reader()
		if err != nil {
			m.err = err
			return
		}
		defer r.Close()
		// Not the context of the search that comes first: the table
		// serves every later one.
		m.t, m.err = loadFacets(context.Background(), r, FacetFields)
	})
	if m.err != nil {
		return nil, fmt.Errorf("facets of %s: %w", ix.dir, m.err)
	}
	return m.t, nil
}

// Close closes the index.
func (ix *Index) Close() error { return ix.b.Close() }

// Count returns the number of articles in the index.
func (ix *Index) Count() (uint64, error) {
	req := bleve.NewSearchRequestOptions(allArticles(), 0, 0, false)
	res, err := ix.b.Search(req)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return res.Total, nil
}

// allArticles selects every article (and none of the records of inputs
// that are no articles).
func allArticles() query.Query {
	q := query.NewTermQuery(kindArticle)
	q.SetField(fieldKind)
	return q
}

// newMapping builds the index mapping: title and body analyzed by the
// zhnews analyzer (title boosted at query time), entities and relations as
// keywords, the publish date as a date, views as a number, and the
// article's JSON stored.
func newMapping(lexicon, textAnalyzer string) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := analyzer.AddTo(m, lexicon); err != nil {
		return nil, err
	}
	if textAnalyzer == "" {
		textAnalyzer = analyzer.Name
	}
	m.DefaultAnalyzer = textAnalyzer
	doc := bleve.NewDocumentStaticMapping()
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = textAnalyzer
		f.Store = false             // stored in the article (fieldDoc)
		f.IncludeTermVectors = true // phrases and highlighting
		f.IncludeInAll = false      // queries name title and body (no _all copy)
		f.DocValues = false
		return f
	}
	keyword := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	facet := func() *mapping.FieldMapping {
		f := keyword(false)
		f.DocValues = true // facets count from doc values
		return f
	}
	doc.AddFieldMappingsAt(FieldTitle, text())
	doc.AddFieldMappingsAt(FieldBody, text())
	for _, f := range FacetFields {
		doc.AddFieldMappingsAt(f, facet())
	}
	for _, f := range []string{FieldAlias, FieldRole, FieldParty, FieldPublisher} {
		doc.AddFieldMappingsAt(f, keyword(false))
	}
	doc.AddFieldMappingsAt(fieldKind, keyword(false))
	doc.AddFieldMappingsAt(fieldSkipped, keyword(false))
	doc.AddFieldMappingsAt(FieldURL, keyword(false))
	doc.AddFieldMappingsAt(FieldSHA, keyword(false))
	doc.AddFieldMappingsAt(FieldPath, keyword(true)) // read by Put
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	date.Store = false
	doc.AddFieldMappingsAt(FieldPublished, date)
	num := bleve.NewNumericFieldMapping()
	num.IncludeInAll = false
	num.Store = false
	doc.AddFieldMappingsAt(FieldViews, num)
	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false
	doc.AddFieldMappingsAt(fieldDoc, stored)
	hit := *stored
	doc.AddFieldMappingsAt(fieldHit, &hit)
	m.DefaultMapping = doc
	m.ScoringModel = bleveindex.BM25Scoring // BM25 ranks short news better than TF-IDF
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// document is what the index holds of an article.
func (ix *Index) document(a *extract.Article) (map[string]any, error) {
	hit, stored, err := ix.codec.encode(a)
	if err != nil {
		return nil, err
	}
	inputs := []string{a.Source.SHA256}
	for _, p := range a.Parts {
		inputs = append(inputs, p.SHA256)
	}
	d := map[string]any{
		FieldTitle: a.Title,
		FieldBody:  a.Body,
		FieldSHA:   uniq(inputs), // the inputs it was read from
		FieldPath:  a.Source.Path,
		fieldHit:   hit,
		fieldDoc:   stored,
		fieldKind:  kindArticle,
	}
	if a.Source.URL != "" {
		d[FieldURL] = a.Source.URL
	}
	if a.Publisher != "" {
		d[FieldPublisher] = a.Publisher
	}
	if t, err := timex.ParseRef(a.Published); err == nil && a.Published != "" && t.Year() >= 1700 && t.Year() <= 2200 {
		d[FieldPublished] = t
		d[FieldMonth] = t.Format("2006-01")
	}
	if a.Views != nil {
		d[FieldViews] = float64(*a.Views)
	}
	var orgs, aliases, people, roles, types, parties []string
	for _, o := range a.Organizations {
		orgs = append(orgs, o.Name)
		aliases = append(aliases, o.Aliases...)
	}
	for _, p := range a.People {
		people = append(people, p.Name)
		for _, r := range p.Roles {
			roles = append(roles, r.Title)
		}
	}
	for _, r := range a.Relations {
		types = append(types, r.Type)
		for _, p := range r.Parties {
			parties = append(parties, p.Org)
		}
		if r.Type == relation.TypeAppointment && r.Org != "" {
			parties = append(parties, r.Org)
		}
	}
	for name, list := range map[string][]string{FieldOrg: orgs, FieldAlias: aliases, FieldPerson: people, FieldRole: roles, FieldType: types, FieldParty: parties} {
		if list = uniq(list); len(list) > 0 {
			d[name] = list
		}
	}
	return d, nil
}

func uniq(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// Seen reports whether the input with this SHA-256 was indexed before (as
// an article, or found not to be one).
func (ix *Index) Seen(sha256 string) (bool, error) {
	article := query.NewTermQuery(sha256)
	article.SetField(FieldSHA)
	skipped := query.NewTermQuery(sha256)
	skipped.SetField(fieldSkipped)
	q := query.NewDisjunctionQuery([]query.Query{article, skipped})
	res, err := ix.b.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return false, fmt.Errorf("look up %s: %w", sha256, err)
	}
	return res.Total > 0, nil
}

// Batch is a set of changes written at once by [Index.Put].
type Batch struct {
	Articles []*extract.Article
	// Skipped are the SHA-256 of inputs that are no articles, recorded so
	// that a later run skips them too.
	Skipped []string
}

// Put writes a batch. An article replaces the one with the same id, and
// the one an earlier version of the same input (the same source path)
// gave. When Put returns, the batch is on disk.
//
// What Put records of the inputs lives in documents, written in the same
// bleve batch as the articles: the inputs an article was read from are
// terms of its own document, and an input that is no article gets a
// small document of its own. (Internal keys would be atomic too, but
// scorch copies all of them into every snapshot it persists, which grows
// the index file by the square of the number of inputs.)
func (ix *Index) Put(ctx context.Context, b Batch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(b.Articles) == 0 && len(b.Skipped) == 0 {
		return nil
	}
	old, err := ix.byPath(ctx, b.Articles)
	if err != nil {
		return err
	}
	batch := ix.b.NewBatch()
	inBatch := map[string]string{} // path → the id this batch writes there
	for _, a := range b.Articles {
		// An earlier version of the same input: drop it.
		if id, ok := inBatch[a.Source.Path]; ok && id != a.ID {
			batch.Delete(id)
		}
		for _, id := range old[a.Source.Path] {
			if id != a.ID {
				batch.Delete(id)
			}
		}
		d, err := ix.document(a)
		if err != nil {
			return err
		}
		if err := batch.Index(a.ID, d); err != nil {
			return fmt.Errorf("index article %s (%s): %w", a.ID, a.Source.Path, err)
		}
		inBatch[a.Source.Path] = a.ID
	}
	for _, sha := range b.Skipped {
		if err := batch.Index(skipPrefix+sha, map[string]any{fieldKind: kindSkip, fieldSkipped: sha}); err != nil {
			return fmt.Errorf("record input %s: %w", sha, err)
		}
	}
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("write batch of %d articles: %w", len(b.Articles), err)
	}
	return nil
}

// byPath returns the ids of the articles already indexed from the source
// paths of articles.
func (ix *Index) byPath(ctx context.Context, articles []*extract.Article) (map[string][]string, error) {
	var qs []query.Query
	seen := map[string]bool{}
	for _, a := range articles {
		if p := a.Source.Path; p != "" && !seen[p] {
			seen[p] = true
			t := query.NewTermQuery(p)
			t.SetField(FieldPath)
			qs = append(qs, t)
		}
	}
	out := map[string][]string{}
	if len(qs) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(qs), 4*len(qs)+16, 0, false)
	req.Fields = []string{FieldPath}
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("look up the paths of %d articles: %w", len(articles), err)
	}
	for _, h := range res.Hits {
		p, _ := h.Fields[FieldPath].(string)
		out[p] = append(out[p], h.ID)
	}
	return out, nil
}

// ErrNotFound is returned by Get for an unknown id.
var ErrNotFound = errors.New("no such article")

// Get returns the article with the given id.
func (ix *Index) Get(id string) (*extract.Article, error) {
	q := query.NewDocIDQuery([]string{id})
	req := bleve.NewSearchRequestOptions(q, 1, 0, false)
	req.Fields = []string{fieldHit, fieldDoc}
	res, err := ix.b.Search(req)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Fields[fieldDoc] == nil {
		return nil, fmt.Errorf("get %s: %w", id, ErrNotFound)
	}
	a, err := ix.articleOf(res.Hits[0])
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	return a, nil
}

// articleOf decodes the article stored with a hit (read with the fields
// fieldHit and fieldDoc).
func (ix *Index) articleOf(h *search.DocumentMatch) (*extract.Article, error) {
	hit, _ := h.Fields[fieldHit].(string)
	doc, _ := h.Fields[fieldDoc].(string)
	return ix.codec.decode(hit, doc)
}

// parseDay reads a date bound of a filter: 2021, 2021-07 or 2021-07-06.
func parseDay(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.ParseInLocation(l, s, china)
		if err != nil {
			continue
		}
		// Dates are indexed as nanoseconds since 1970: keep far from the
		// ends of that range (1678–2262).
		if t.Year() < 1700 || t.Year() > 2200 {
			return time.Time{}, fmt.Errorf("%q: year out of range (1700–2200)", s)
		}
		if end {
			switch l {
			case "2006":
				t = t.AddDate(1, 0, 0)
			case "2006-01":
				t = t.AddDate(0, 1, 0)
			default:
				t = t.AddDate(0, 0, 1)
			}
			t = t.Add(-time.Nanosecond)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want 2021, 2021-07 or 2021-07-06)", s)
}

// china is the zone of dates without one: China time.
var china = time.FixedZone("CST", 8*3600)
