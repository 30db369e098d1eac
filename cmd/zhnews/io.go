package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// eachInput calls fn with each input named on the command line, in order:
// files, or standard input for "-" or when none is named. An error names
// the input.
func eachInput(cmd *cobra.Command, args []string, fn func(io.Reader) error) error {
	if len(args) == 0 {
		args = []string{"-"}
	}
	for _, a := range args {
		if a == "-" {
			if err := fn(cmd.InOrStdin()); err != nil {
				return fmt.Errorf("stdin: %w", err)
			}
			continue
		}
		f, err := os.Open(a)
		if err != nil {
			return err
		}
		err = fn(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
	}
	return nil
}

// writeOutput runs fn with a buffered writer to the file at path (created),
// or to standard output when path is empty, then flushes and closes it; it
// returns the first error of fn, the flush or the close.
func writeOutput(cmd *cobra.Command, path string, fn func(*bufio.Writer) error) error {
	var w io.Writer = cmd.OutOrStdout()
	closeOut := func() error { return nil }
	if path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		w, closeOut = f, f.Close
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	err := fn(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	return err
}
