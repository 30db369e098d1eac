package lexicon

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// TitleClass says what kind of title a title is.
type TitleClass uint8

const (
	// Post is a named post: a role to bind to an organization (校长, 主任,
	// 总经理, 客座教授).
	Post TitleClass = iota
	// Honorific is an academic rank, professional grade or honorific
	// (教授, 副教授, 研究员, 博士生导师, 老师): optional as a role when the
	// article gives no organization.
	Honorific
	// Byline is a byline function (记者, 通讯员, 编辑, 摄影).
	Byline
)

var classNames = [...]string{Post: "post", Honorific: "hon", Byline: "byline"}

func (c TitleClass) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("TitleClass(%d)", c)
}

// ParseTitleClass reads the names used in the data files and user
// lexicons: post, hon (or honorific), byline.
func ParseTitleClass(s string) (TitleClass, bool) {
	switch s {
	case "post", "":
		return Post, true
	case "hon", "honorific":
		return Honorific, true
	case "byline":
		return Byline, true
	}
	return 0, false
}

// titleEntry is one key of a TitleSet: a title, a prefix, or both.
type titleEntry struct {
	title    bool
	class    TitleClass
	prefix   bool
	makePost bool     // prefix: the compound is a Post (客座 + 教授)
	guards   []string // title: not when the text after it starts with one
}

// TitleSet is a set of job titles with prefix chaining: a title prefix
// (副, 党委, 专职, 常务, 三级, 客座 …) followed by a title or by another
// prefix and a title is a title too, so 党委副书记, 专职副主任 and 常务副校长
// match whether or not they are listed. A TitleSet is read-only and safe
// for concurrent use.
type TitleSet struct {
	t       *trie
	last    map[rune]bool // the last characters of the keys
	entries []titleEntry
	n       int // number of titles (not prefixes)
}

// maxChain bounds prefix chaining (原 党委 常务 副 书记 is four prefixes).
const maxChain = 4

var (
	baseTitleSources = sync.OnceValue(func() []titleSource {
		return mustLoad(loadTitleSources())
	})
	baseTitles = sync.OnceValue(func() *TitleSet {
		return buildTitles(baseTitleSources(), nil)
	})
)

// Titles returns the built-in title set.
func Titles() *TitleSet { return baseTitles() }

// titleSource is one entry as read, before traditional variants.
type titleSource struct {
	text  string
	entry titleEntry
}

func loadTitleSources() ([]titleSource, error) {
	lines, err := readData(dataFS, "titles.txt")
	if err != nil {
		return nil, err
	}
	var src []titleSource
	for _, l := range lines {
		if len(l.fields) < 2 || l.fields[0] == "" {
			return nil, l.errorf("want title<TAB>class")
		}
		e := titleEntry{}
		switch c := l.fields[1]; c {
		case "pre":
			e.prefix = true
		case "pre-post":
			e.prefix, e.makePost = true, true
		default:
			cl, ok := ParseTitleClass(c)
			if !ok {
				return nil, l.errorf("unknown class %q", c)
			}
			e.title, e.class = true, cl
		}
		if len(l.fields) > 2 && l.fields[2] != "" {
			for _, g := range strings.Split(l.fields[2], ",") {
				g = strings.TrimSpace(g)
				if !strings.HasPrefix(g, "!") || len(g) == 1 {
					return nil, l.errorf("guard %q must look like !X", g)
				}
				e.guards = append(e.guards, g[1:])
			}
		}
		src = append(src, titleSource{l.fields[0], e})
	}
	return src, nil
}

// buildTitles makes a TitleSet of base and extra entries; each entry also
// gets its traditional form unless that form is listed itself. Entries
// listed twice are merged (a key can be both a title and a prefix).
func buildTitles(base, extra []titleSource) *TitleSet {
	ts := &TitleSet{t: newTrie(), last: map[rune]bool{}}
	explicit := make(map[string]bool)
	add := func(text string, e titleEntry, gen bool) {
		if gen && explicit[text] {
			return
		}
		if !gen {
			explicit[text] = true
		}
		if i := ts.t.get(text); i >= 0 {
			old := &ts.entries[i]
			if e.title && (!old.title || !gen) {
				old.title, old.class, old.guards = true, e.class, e.guards
			}
			if e.prefix {
				old.prefix = true
				old.makePost = old.makePost || e.makePost
			}
			return
		}
		ts.t.put(text, int32(len(ts.entries)))
		ts.entries = append(ts.entries, e)
		if r, _ := utf8.DecodeLastRuneInString(text); r != utf8.RuneError {
			ts.last[r] = true
		}
	}
	all := append(append([]titleSource(nil), base...), extra...)
	for _, s := range all {
		add(s.text, s.entry, false)
	}
	for _, s := range all {
		if t := ToTraditional(s.text); t != s.text {
			e := s.entry
			if len(e.guards) > 0 {
				g := make([]string, 0, 2*len(e.guards))
				for _, x := range e.guards {
					g = append(g, x)
					if y := ToTraditional(x); y != x {
						g = append(g, y)
					}
				}
				e.guards = g
			}
			add(t, e, true)
		}
	}
	for _, e := range ts.entries {
		if e.title {
			ts.n++
		}
	}
	return ts
}

// Len returns the number of distinct titles in the set, traditional forms
// included, prefixes and compounds not counted.
func (ts *TitleSet) Len() int { return ts.n }

// Match returns the length in bytes of the longest title that starts at
// byte i of s, or 0 if none does. Compounds of prefixes and a title
// (党委副书记, 三级调研员) match as one title. Match looks only to the
// right: a title inside a longer word (全部长期 contains 部长) must be
// rejected by the caller from the left context.
func (ts *TitleSet) Match(s string, i int) int {
	end, _, _ := ts.match(s, i, 0)
	if end < 0 {
		return 0
	}
	return end - i
}

// match returns the end of the longest title at i, its class, and whether
// a post-making prefix was used; end is -1 if there is none.
func (ts *TitleSet) match(s string, i, depth int) (end int, class TitleClass, post bool) {
	end = -1
	if i < 0 || i >= len(s) {
		return
	}
	ts.t.each(s, i, func(e int, v int32) bool {
		en := &ts.entries[v]
		if en.title && e > end && !guarded(s[e:], en.guards) {
			end, class, post = e, en.class, false
		}
		if en.prefix && depth < maxChain {
			if e2, c2, p2 := ts.match(s, e, depth+1); e2 > end {
				end, class, post = e2, c2, p2 || en.makePost
			}
		}
		return true
	})
	return end, class, post
}

func guarded(rest string, guards []string) bool {
	for _, g := range guards {
		if strings.HasPrefix(rest, g) {
			return true
		}
	}
	return false
}

// Has reports whether s as a whole is a title (compounds included).
func (ts *TitleSet) Has(s string) bool {
	return s != "" && ts.Match(s, 0) == len(s)
}

// Class returns the class of title s: a compound with a post-making
// prefix (客座教授, 名誉院长) is a Post even when its base title is an
// Honorific. ok is false when s is not a title.
func (ts *TitleSet) Class(s string) (c TitleClass, ok bool) {
	end, c, post := ts.match(s, 0, 0)
	if s == "" || end != len(s) {
		return 0, false
	}
	if post {
		c = Post
	}
	return c, true
}

// IsHonorific reports whether title is an academic rank or honorific
// (教授, 副教授, 研究员, 博士生导师, 老师), which annotation treats as
// optional when no organization is given.
func (ts *TitleSet) IsHonorific(title string) bool {
	c, ok := ts.Class(title)
	return ok && c == Honorific
}

// IsPrefix reports whether s is a title prefix (副, 党委, 专职, 三级 …):
// a word that makes a title of the title after it.
func (ts *TitleSet) IsPrefix(s string) bool {
	i := ts.t.get(s)
	return i >= 0 && ts.entries[i].prefix
}
