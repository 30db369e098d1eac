package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

// dataLine is one non-comment, non-blank line of an embedded list.
type dataLine struct {
	file   string
	num    int
	fields []string
}

func (l dataLine) errorf(format string, args ...any) error {
	return fmt.Errorf("lexicon: %s:%d: %s", l.file, l.num, fmt.Sprintf(format, args...))
}

// readData returns the lines of data/name split on tabs, without comments
// and blank lines.
func readData(fsys fs.FS, name string) ([]dataLine, error) {
	b, err := fs.ReadFile(fsys, "data/"+name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	var out []dataLine
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		out = append(out, dataLine{file: name, num: n, fields: f})
	}
	return out, sc.Err()
}

// mustLoad turns a load error of embedded data into a panic: the data is
// part of the program, and the package tests parse every file.
func mustLoad[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
