package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"golang.org/x/sync/errgroup"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index/analyzer"
	"github.com/zhnews/zhnews/lexicon"
	"github.com/zhnews/zhnews/ner"
	"github.com/zhnews/zhnews/seg"
	"github.com/zhnews/zhnews/zhconv"
)

// engineOptions are the command-line choices that shape the extractor.
type engineOptions struct {
	rules      string // site rules file
	lexicon    string // user lexicon file
	noEntities bool   // skip the entity stage (faster, metadata and body only)
}

// newEngine builds the extractor once per process: site rules, and unless
// disabled the entity recognizer (gse segmenter, lexicons), loaded in
// parallel.
func newEngine(o engineOptions) (*extract.Extractor, error) {
	var opts extract.Options
	if o.rules != "" {
		f, err := os.Open(o.rules)
		if err != nil {
			return nil, usageError{err}
		}
		defer f.Close()
		rs, err := extract.ParseRules(f)
		if err != nil {
			return nil, usageError{fmt.Errorf("%s: %w", o.rules, err)}
		}
		opts.Rules = rs
	}
	if o.noEntities {
		return extract.New(opts)
	}
	var user *lexicon.User
	if o.lexicon != "" {
		f, err := os.Open(o.lexicon)
		if err != nil {
			return nil, usageError{err}
		}
		defer f.Close()
		u, err := lexicon.ParseUser(f)
		if err != nil {
			return nil, usageError{fmt.Errorf("%s: %w", o.lexicon, err)}
		}
		user = u
	}
	// Loading the dictionary makes much short-lived garbage: collect it
	// eagerly while loading. Afterwards the heap is mostly the dictionary,
	// which never changes, so a lower GC target keeps the peak memory down
	// at little cost (unless the user chose one with GOGC).
	prev := debug.SetGCPercent(25)
	defer func() {
		if os.Getenv("GOGC") == "" {
			prev = 40
		}
		debug.SetGCPercent(prev)
	}()
	var (
		g         errgroup.Group
		segmenter *seg.Segmenter
	)
	g.Go(func() error {
		// The search analyzer's segmenter, shared: a process that
		// extracts and indexes holds one dictionary.
		s, err := analyzer.Segmenter(o.lexicon)
		segmenter = s
		return err
	})
	var model *ner.Model
	g.Go(func() error {
		m, err := ner.Embedded()
		model = m
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	rc, err := entity.New(entity.Options{
		Segmenter: segmenter,
		Lexicon:   entity.FromLexicon(lexicon.New(user)),
		Simplify:  zhconv.Rune,
		Tagger: func(text string, words []seg.Token) []entity.Tagged {
			spans := model.Tag(text, words)
			out := make([]entity.Tagged, len(spans))
			for i, s := range spans {
				out[i] = entity.Tagged{Type: s.Type, Start: s.Start, End: s.End}
			}
			return out
		},
	})
	if err != nil {
		return nil, err
	}
	opts.Entities = rc
	return extract.New(opts)
}
