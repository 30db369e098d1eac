package analyzer

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/zhnews/zhnews/lexicon"
	"github.com/zhnews/zhnews/seg"
)

// segmenters is the process-wide cache of segmenters, keyed by the words
// added to gse's dictionary. An entry is built once; a failed build is
// forgotten, so that a fixed lexicon file can be tried again.
var segmenters = struct {
	sync.Mutex
	m map[[sha256.Size]byte]*segEntry
}{m: make(map[[sha256.Size]byte]*segEntry)}

type segEntry struct {
	done chan struct{} // closed when s and err are set
	s    *seg.Segmenter
	err  error
}

// Segmenter returns the process's segmenter for a user lexicon (the path
// of a file for [lexicon.ParseUser], or "" for none), loading it on first
// use. The lexicon file is read at each call, so that an edited file takes
// effect; the dictionary is loaded once per distinct set of words. The
// segmenter is shared: it is safe for concurrent use and must not be
// changed.
func Segmenter(lexiconPath string) (*seg.Segmenter, error) {
	words, err := lexiconWords(lexiconPath)
	if err != nil {
		return nil, err
	}
	return segmenterFor(words)
}

// segmenterFor returns the process's segmenter with these words added to
// the dictionary, loading it on first use.
func segmenterFor(words []seg.Word) (*seg.Segmenter, error) {
	key := wordsKey(words)

	segmenters.Lock()
	e, ok := segmenters.m[key]
	if !ok {
		e = &segEntry{done: make(chan struct{})}
		segmenters.m[key] = e
	}
	segmenters.Unlock()
	if ok {
		<-e.done
		return e.s, e.err
	}

	e.s, e.err = seg.New(seg.Options{Words: words})
	if e.err != nil {
		segmenters.Lock()
		delete(segmenters.m, key)
		segmenters.Unlock()
	}
	close(e.done)
	return e.s, e.err
}

// lexiconWords reads a user lexicon and returns its organizations (names
// and aliases) and people as dictionary words, as cmd/zhnews does, folded
// like the text that is segmented (simplified, half-width, lower case).
func lexiconWords(path string) ([]seg.Word, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("analyzer: %w", err)
	}
	defer f.Close()
	u, err := lexicon.ParseUser(f)
	if err != nil {
		return nil, fmt.Errorf("analyzer: %s: %w", path, err)
	}
	var words []seg.Word
	add := func(w, pos string) {
		if w = Fold(w); w != "" {
			words = append(words, seg.Word{Text: w, Pos: pos})
		}
	}
	for _, org := range u.Orgs() {
		add(org.Name, "nt")
		for _, a := range org.Aliases {
			add(a, "nt")
		}
	}
	for _, p := range u.People() {
		add(p.Name, "nr")
	}
	return words, nil
}

func wordsKey(words []seg.Word) [sha256.Size]byte {
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "%s\t%g\t%s\n", w.Text, w.Freq, w.Pos)
	}
	return sha256.Sum256([]byte(b.String()))
}
