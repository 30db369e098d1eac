package extract

import (
	"strings"
)

// extractText reads a plain-text article: an optional headline line, an
// optional metadata line (发布者:…发布时间:…浏览次数:…) and the body, one
// paragraph per line.
func (e *Extractor) extractText(in Input) (*Article, error) {
	a := &Article{Source: in.Source}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(in.Text, "\r\n", "\n"), "\n") {
		if s := collapseSpace(l); s != "" {
			lines = append(lines, s)
		}
	}
	if len(lines) == 0 {
		return nil, notArticle("empty text")
	}
	var by Byline
	// Metadata lines among the first few lines.
	metaAt := -1
	for i := 0; i < len(lines) && i < 4; i++ {
		if runeLen(lines[i]) > 160 {
			continue
		}
		mi, ok := parseMeta(lines[i])
		if !ok || (mi.Published == "" && mi.Views == nil && mi.Publisher == "") {
			continue
		}
		a.Published, a.Publisher, a.Views = mi.Published, mi.Publisher, mi.Views
		mergeByline(&by, mi.Byline)
		metaAt = i
		break
	}
	start := 0
	switch {
	case metaAt >= 1 && isHeadline(lines[metaAt-1]):
		a.Title = lines[metaAt-1]
		start = metaAt + 1
	case metaAt == 0:
		start = 1
		if len(lines) > 1 && isHeadline(lines[1]) && len(lines) > 2 && !isHeadline(lines[2]) {
			a.Title = lines[1]
			start = 2
		}
	case metaAt < 0 && len(lines) > 1 && isHeadline(lines[0]) && runeLen(lines[1]) > runeLen(lines[0]):
		a.Title = lines[0]
		start = 1
	}
	var body []string
	for i := start; i < len(lines); i++ {
		if i == metaAt {
			continue
		}
		l := lines[i]
		if b, ok := creditLine(l); ok {
			mergeByline(&by, b)
			continue
		}
		if boilerRe.MatchString(l) {
			continue
		}
		body = append(body, l)
	}
	for i, l := range body {
		if i > 2 {
			break
		}
		if b, _, ok := leadingCredit(l); ok {
			mergeByline(&by, b)
			break
		}
	}
	a.Body = strings.Join(body, "\n")
	if size := cjkCount(a.Body); size < e.minBody && runeLen(a.Body) < 3*e.minBody {
		return nil, notArticle("body too short: %d Han characters", size)
	}
	if !by.Empty() {
		a.Byline = &by
	}
	return a, nil
}

// isHeadline reports whether a line reads like a headline: short, and not
// ending as a sentence does.
func isHeadline(l string) bool {
	n := runeLen(l)
	if n < 4 || n > 80 {
		return false
	}
	if strings.ContainsAny(l, "。；") || strings.Count(l, "，")+strings.Count(l, ",") > 2 {
		return false
	}
	last := []rune(l)[n-1]
	return !strings.ContainsRune("。，,；;：:", last)
}
