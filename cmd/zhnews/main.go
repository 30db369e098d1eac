// Command zhnews turns archives of Chinese news pages into structured,
// searchable facts.
//
//	zhnews extract [flags] INPUT...          pages → JSON Lines articles
//	zhnews facts [flags] INPUT...            pages → the fact table (CSV or JSON Lines)
//	zhnews index --index DIR INPUT...        pages or articles → a search index
//	zhnews search --index DIR [flags] QUERY  full text, filters, facets, snippets
//	zhnews export --index DIR [flags]        articles or facts out of an index
//	zhnews serve --index DIR                 the JSON API and the web pages
//	zhnews tag [FILE...]                     the entity tagger alone, one sentence a line
//	zhnews dates [FILE...]                   date and time expressions, one text a line
//	zhnews train --data DIR -o FILE          build the tagger's model
//
// Run "zhnews help" for every subcommand and its flags.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// errFailed reports that some inputs failed; the details are already on
// stderr, so main only sets the exit status.
var errFailed = errors.New("some inputs failed")

// usageError marks command-line mistakes (exit status 2).
type usageError struct{ error }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRoot()
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
	case errors.Is(err, errFailed):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "zhnews:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "zhnews",
		Short:         "Turn archives of Chinese news pages into structured, searchable facts",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see 'zhnews %s --help')", err, c.Name())}
	})
	root.AddCommand(newExtractCmd())
	root.AddCommand(newTagCmd(), newTrainCmd(), newDatesCmd(), newFactsCmd())
	root.AddCommand(newIndexCmd(), newSearchCmd(), newExportCmd())
	root.AddCommand(newServeCmd())
	return root
}
