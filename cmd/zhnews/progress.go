package main

import (
	"fmt"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// progress shows a spinner with a count on a terminal and nothing when
// stderr is piped. Log lines go to stderr either way, above the bar.
type progress struct {
	tty bool
	bar *progressbar.ProgressBar
}

func newProgress(what string) *progress {
	p := &progress{tty: isatty.IsTerminal(os.Stderr.Fd())}
	if p.tty {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("pages"),
			progressbar.OptionThrottle(100_000_000),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

// log prints a line to stderr without garbling the bar.
func (p *progress) log(s string) {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintln(os.Stderr, s)
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
