package main

import (
	"bufio"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/facts"
)

func newFactsCmd() *cobra.Command {
	var (
		out    string
		format string
		run    runOptions
	)
	cmd := &cobra.Command{
		Use:   "facts [flags] INPUT...",
		Short: "Extract the relations of articles as a fact table (CSV or JSON Lines)",
		Long: `Facts reads news pages like extract and writes their relations as a table,
one row per fact: per party of a signing (its representative, the other
parties, the agreement and what it sets up), per appointment, speech and
attendance (the person, their post, the organization), each with the
article's id, title, date and address and the sentence it was read from.

Columns: ` + strings.Join(facts.Header, ", ") + `.
With --format csv, partners are joined by "；".`,
		Example: `  zhnews facts samples/pages > facts.jsonl
  zhnews facts --format csv news.warc.gz > facts.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := facts.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			return writeOutput(cmd, out, func(bw *bufio.Writer) error {
				fw := facts.NewWriter(bw, f)
				err := run.each(cmd, args, func(a *extract.Article) error {
					for _, row := range facts.Rows(a) {
						if err := fw.Write(row); err != nil {
							return err
						}
					}
					return nil
				})
				if ferr := fw.Flush(); err == nil {
					err = ferr
				}
				return err
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the table to `FILE` instead of stdout")
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or csv")
	run.flags(cmd, false)
	return cmd
}
