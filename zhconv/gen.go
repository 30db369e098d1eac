//go:build ignore

// gen.go writes ts_characters.txt, the traditional→simplified character
// table, from OpenCC's TSCharacters.txt as shipped in
// github.com/longbridgeapp/opencc v0.3.13 (Apache-2.0).
//
//	go run gen.go
//
// It runs "go mod download" to find the module in the module cache (no
// change to go.mod), keeps the first candidate of each single-rune entry and
// drops entries whose simplified rune has a different UTF-8 length, so that
// conversion keeps byte offsets.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

const module = "github.com/longbridgeapp/opencc@v0.3.13"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	out, err := exec.Command("go", "mod", "download", "-json", module).Output()
	if err != nil {
		return fmt.Errorf("go mod download %s: %w", module, err)
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(info.Dir, "dictionary", "TSCharacters.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	var b strings.Builder
	b.WriteString("# Traditional→simplified characters, one pair a line: TRAD<TAB>SIMP.\n")
	b.WriteString("# Derived from OpenCC's dictionary/TSCharacters.txt (https://github.com/BYVoid/OpenCC,\n")
	b.WriteString("# Apache License 2.0) as shipped in " + module + "; first candidate\n")
	b.WriteString("# of each entry; pairs whose UTF-8 lengths differ are left out. Regenerate: go run gen.go\n")
	n, skipped := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		cands := strings.Fields(v)
		if utf8.RuneCountInString(k) != 1 || len(cands) == 0 || utf8.RuneCountInString(cands[0]) != 1 {
			continue
		}
		if len(k) != len(cands[0]) || k == cands[0] {
			skipped++
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\n", k, cands[0])
		n++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d pairs, %d skipped\n", n, skipped)
	return os.WriteFile("ts_characters.txt", []byte(b.String()), 0o644)
}
