package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// extractText reads a plain-text article: an optional headline line, an
// optional metadata line (发布者:…发布时间:…浏览次数:…) and the body, one
// paragraph per line. Text scraped from pages may start with a few lines of
// navigation before the headline; they are dropped.
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
	for _, l := range lines {
		if len(a.neighbours) >= maxNeighbours {
			break
		}
		if loc := neighbourRe.FindStringIndex(l); loc != nil && loc[0] == 0 {
			a.neighbours = append(a.neighbours, neighbourHeadlines(l)...)
		}
	}
	var m metaInfo
	metaAt := -1
	for i := 0; i < len(lines) && i < 8; i++ {
		if isProse(lines[i]) && i > 0 {
			break // the body has begun
		}
		if mi, ok := textMetaLine(lines[i]); ok {
			m, metaAt = mi, i
			break
		}
	}
	start := 0
	titleAt := -1
	switch {
	case metaAt >= 1:
		for i := metaAt - 1; i >= 0 && i >= metaAt-2; i-- {
			if isHeadline(lines[i]) {
				titleAt = i
				break
			}
		}
		start = metaAt + 1
	case metaAt == 0:
		start = 1
		if len(lines) > 2 && isHeadline(lines[1]) && isProse(lines[2]) {
			titleAt, start = 1, 2
		}
	default:
		// No metadata line: the headline is the most Chinese headline-like
		// line before the first paragraph of prose, if that comes soon.
		first := -1
		for i := 0; i < len(lines) && i < 16; i++ {
			if isProse(lines[i]) {
				first = i
				break
			}
		}
		best := 0
		for i := max(first-3, 0); i < first; i++ {
			if n := cjkCount(lines[i]); isHeadline(lines[i]) && !boilerRe.MatchString(lines[i]) && n >= 6 && n > best {
				titleAt, best = i, n
			}
		}
		if titleAt >= 0 {
			start = titleAt + 1
		}
	}
	if titleAt >= 0 {
		a.Title = lines[titleAt]
	}
	var body []string
	for i := start; i < len(lines); i++ {
		if i == metaAt {
			continue
		}
		l := lines[i]
		if unit, ok := sourceLine(l); ok {
			if m.Publisher == "" {
				m.Publisher = unit
			}
			continue
		}
		if b, ok := creditLine(l); ok && (!b.Empty() || hasPublishLabel(l)) {
			takeCredit(&m, l, b)
			continue
		}
		if boilerRe.MatchString(l) || !hasWordRune(l) {
			continue
		}
		if runeLen(l) <= 60 {
			if b, ok := captionCredit(l); ok {
				mergeByline(&m.Byline, b)
			}
		}
		body = append(body, l)
	}
	body, footer := trimFooter(body)
	a.site = footerOwners(footer)
	for i, l := range body {
		if i > 2 {
			break
		}
		if b, _, ok := leadingCredit(l); ok {
			mergeByline(&m.Byline, b)
			break
		}
	}
	if n := len(body); n > 0 {
		if b, supplier, ok := trailingCredit(body[n-1]); ok {
			mergeByline(&m.Byline, b)
			if m.Publisher == "" {
				m.Publisher = supplier
			}
		}
	}
	a.Body = strings.Join(body, "\n")
	if size := cjkCount(a.Body); size < e.minBody && runeLen(a.Body) < 3*e.minBody {
		return nil, notArticle("body too short: %d Han characters", size)
	}
	a.Published, a.Publisher, a.Views = m.Published, m.Publisher, m.Views
	if !m.Byline.Empty() {
		b := m.Byline
		a.Byline = &b
	}
	return a, nil
}

// footerRe finds the lines of a site's footer: copyright, registration
// numbers, browser advice.
var footerRe = regexp.MustCompile(`版权所有|版權所有|Copyright|©|ICP备|ICP證|ICP证|公网安备|技术支持[:：]|推荐使用.{0,24}浏览器|建议使用.{0,24}浏览器`)

// trimFooter drops the footer that scraped text often ends with: from the
// first footer line among the last eight, when no line after it is prose,
// together with the short navigation lines right before it
// (学校概况 教育教学).
func trimFooter(body []string) (kept, footer []string) {
	cut := -1
	for i := len(body) - 1; i >= 0 && i >= len(body)-8; i-- {
		if runeLen(body[i]) > 80 || strings.ContainsAny(body[i], "。！？") {
			break // prose: the article
		}
		if footerRe.MatchString(body[i]) {
			cut = i
		}
	}
	if cut < 0 {
		return body, nil
	}
	for cut > 0 && runeLen(body[cut-1]) <= 16 && !strings.ContainsAny(body[cut-1], "，。！？；,.!?;：:（）()") {
		cut--
	}
	if cut == 0 {
		return body, nil
	}
	return body[:cut], body[cut:]
}

// ownerRe reads the owner a copyright line names: 版权所有©苏州大学,
// Copyright © 2024 江城师范学院.
var ownerRe = regexp.MustCompile(`(?:版权所有|版權所有|Copyright)\s*(?:[©(（]\s*[cC]?\s*[)）]?)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:[:：]\s*)?(\p{Han}{2,20})`)

// footerOwners returns the owners the copyright lines of a footer name:
// the site's school, as a page's <title> names it.
func footerOwners(footer []string) []string {
	var out []string
	for _, l := range footer {
		if m := ownerRe.FindStringSubmatch(l); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// viewsRe reads counts written after the number: 158次查看, 阅读 88 次.
var viewsRe = regexp.MustCompile(`(\d{1,9})\s*次(?:查看|浏览|阅读|點閱|瀏覽|閱讀)|(?:浏览|阅读|點閱|瀏覽|閱讀)\s*(\d{1,9})\s*次`)

// textMetaLine reads a metadata line of scraped text: a labelled line
// (parseMeta), or a short line that is mostly a date, maybe with a source
// ("中央社/ 2024.05.25 15:33", "2018-4-12 0:00:00发布158次查看").
func textMetaLine(l string) (metaInfo, bool) {
	if runeLen(l) > 160 {
		return metaInfo{}, false
	}
	if mi, ok := parseMeta(l); ok && (mi.Published != "" || mi.Views != nil || mi.Publisher != "") {
		return mi, true
	}
	if runeLen(l) > 40 || isProse(l) {
		return metaInfo{}, false
	}
	iso, s, e, ok := findDateTime(l)
	if !ok || runeLen(l[:s])+runeLen(l[e:]) > 16 {
		return metaInfo{}, false
	}
	mi := metaInfo{Published: iso}
	if sm := viewsRe.FindStringSubmatch(l); sm != nil {
		v := sm[1] + sm[2]
		if n, err := strconv.Atoi(v); err == nil {
			mi.Views = &n
		}
	}
	return mi, true
}

// isProse reports whether a line reads as running text: sentence
// punctuation, or long.
func isProse(l string) bool {
	return strings.ContainsAny(l, "。，,；！？") && runeLen(l) > 20 || runeLen(l) > 80
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

// takeCredit merges a credit or source line into m: a "来源/供稿：X" line
// names the publisher when none is known, the rest goes to the byline.
func takeCredit(m *metaInfo, line string, b Byline) {
	if mi, ok := parseMeta(line); ok && mi.Publisher != "" && b.Department == mi.Publisher {
		b.Department = ""
		mergeMeta(m, mi)
	} else if sm := supplierRe.FindStringSubmatch(line); sm != nil && b.Department == sm[1]+sm[2] && m.Publisher == "" {
		// （党委宣传部 供稿）on a line of its own: the unit that supplied
		// the article published it, as in a credit closing the body.
		m.Publisher, b.Department = b.Department, ""
	}
	mergeByline(&m.Byline, b)
}

// sourceLineRe matches a closing line that names where the article came
// from: 文字图片来源:国际合作与交流处.
var sourceLineRe = regexp.MustCompile(`^[（(【\[]?(?:文字图片来源|文字圖片來源|图文来源|圖文來源|文字来源|文字來源|稿件来源|稿件來源|信息来源|資訊來源|新闻来源|新聞來源|消息来源|消息來源|来稿单位|來稿單位)\s*[:：]\s*([^\s，,。；;)）】\]]{2,30})[)）】\]]?$`)

// sourceLine reads a closing source line and returns the unit it names.
func sourceLine(l string) (string, bool) {
	m := sourceLineRe.FindStringSubmatch(l)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// trailingRe finds a bracketed credit closing the last paragraph:
// "…发展。(人事处 供稿/校办 摄影)".
var trailingRe = regexp.MustCompile(`[（(]([^（()）]{2,60})[)）]\s*$`)

// supplierRe reads the unit of a 供稿 credit.
var supplierRe = regexp.MustCompile(`(?:供稿(?:单位)?[:：]\s*([^\s/、，,；;)）]+))|([^\s/、，,；;（(:：]+)\s*供稿`)

// trailingCredit reads a bracketed credit at the end of a paragraph; the
// unit that supplied the article (供稿) is returned apart.
func trailingCredit(p string) (b Byline, supplier string, ok bool) {
	m := trailingRe.FindStringSubmatch(p)
	if m == nil {
		return Byline{}, "", false
	}
	inner := m[1]
	if sm := supplierRe.FindStringSubmatch(inner); sm != nil {
		supplier = sm[1] + sm[2]
	}
	b, ok = parseByline(inner)
	if supplier != "" && b.Department == supplier {
		b.Department = ""
	}
	if !ok && supplier == "" {
		return Byline{}, "", false
	}
	return b, supplier, true
}
