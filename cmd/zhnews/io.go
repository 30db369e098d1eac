package main

import (
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

// output returns where a command writes: the file at path (created), or
// standard output when path is empty; closeOut closes the file and reports
// a failed write.
func output(cmd *cobra.Command, path string) (w io.Writer, closeOut func() error, err error) {
	if path == "" {
		return cmd.OutOrStdout(), func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}
