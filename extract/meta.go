package extract

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// metaInfo is what the metadata line(s) of a Chinese news page give.
type metaInfo struct {
	Published string // ISO 8601: "2021-07-06" or "2021-07-06T09:30:00+08:00"
	Publisher string // 发布者 / 来源 / 供稿 / 发布单位 … value
	Views     *int   // 浏览次数 / 阅读量 / 点击 … when a number is given
	Byline    Byline // 作者, 记者, 摄影, 编辑, 审核 … as found in the line
}

type metaKind uint8

const (
	mkIgnore    metaKind = iota // bounds the previous value, gives nothing
	mkDate                      // publish date
	mkDateLow                   // update/correction date: used only when there is no publish date
	mkPublisher                 // publisher / source
	mkViews                     // view counter
	mkByline                    // a credit role (作者, 编辑 …)
)

type metaLabel struct {
	word string
	kind metaKind
}

var metaLabelWords = map[metaKind]string{
	mkDate: `发布时间 发布日期 发表时间 发表日期 发稿时间 发稿日期 发文时间 发文日期 时间 日期 上传时间 上传日期 录入时间 添加时间 创建时间
		撰稿时间 提交时间 刊发时间 刊发日期 发布于 发表于 公布时间 公告日期 首次公告日期 出版日期 出版时间 见报日期 稿件日期 信息时间 文章时间 发送时间
		發佈時間 發佈日期 發布時間 發布日期 發表時間 發表日期 時間 日期 發稿時間 刊登日期 刊登時間 張貼日期 公佈日期`,
	mkDateLow: `更新时间 更新日期 修改时间 修改日期 更正日期 最后更新 編輯時間 更新時間 更新日期 修改時間`,
	mkPublisher: `发布者 发布人 发布单位 发布部门 发布机构 发布方 来源 来源于 信息来源 文章来源 新闻来源 稿件来源 消息来源 稿源 出处 供稿 供稿单位 供稿部门
		单位 部门 发文单位 发文部门 发文机关 所属部门 所属单位 投稿单位 撰稿单位 主办 主办单位 信息提供 提供单位 发布机关
		發佈者 發佈人 發佈單位 發布單位 發布者 發布人 來源 來源於 信息來源 文章來源 單位 部門 發文單位 供稿單位 出處 資料來源`,
	mkViews: `浏览次数 浏览量 浏览 阅读量 阅读次数 阅读数 阅读 点击数 点击量 点击次数 点击率 点击 访问量 访问次数 访问 查看次数 人气 热度 浏览人次 阅读人次 点阅
		瀏覽人次 瀏覽次數 瀏覽量 瀏覽 閱讀 閱讀次數 閱讀量 點擊 點擊數 點擊率 點閱 點閱次數 人氣 訪問量 被浏览 已浏览 已阅读`,
	mkIgnore: `所属分类 分类 栏目 所属栏目 字号 字体 文字大小 分享 分享到 打印 关闭 收藏 类别 关键词 关键字 标签 编号 索引号 文号 发文字号
		图片来源 资料来源 数据来源 网站访问量 总访问量 今日访问 访问总量 总浏览量 网站浏览量 评论 评论数 点赞 转发 期数 版次 版面 责任单位 联系电话 电话 邮箱 地址
		通讯作者 通讯单位 第一作者 共同第一作者 通讯地址 邮编 联系人 联系方式 原文链接 原标题
		分類 欄目 字號 字體 關閉 列印 標籤 關鍵字 通訊作者 通訊地址`,
}

// metaTables holds the label lookup of parseMeta, built once.
type metaTables struct {
	labels map[rune][]metaLabel // by first rune, longest first
}

var metaTab = sync.OnceValue(func() *metaTables {
	t := &metaTables{labels: make(map[rune][]metaLabel)}
	seen := make(map[string]bool)
	add := func(w string, k metaKind) {
		if seen[w] {
			return
		}
		seen[w] = true
		r, _ := utf8.DecodeRuneInString(w)
		t.labels[r] = append(t.labels[r], metaLabel{word: w, kind: k})
	}
	for _, k := range []metaKind{mkIgnore, mkDateLow, mkDate, mkPublisher, mkViews} {
		for _, w := range strings.Fields(metaLabelWords[k]) {
			add(w, k)
		}
	}
	for _, rw := range roleWords {
		if rw.role&(roleDept|roleIgnore) == 0 {
			add(rw.word, mkByline)
		}
	}
	for _, l := range t.labels {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].word) > len(l[j].word) })
	}
	return t
})

// mdLabelHit is one label found in a metadata line.
type mdLabelHit struct {
	kind       metaKind
	word       string
	start      int // of the label
	valStart   int // after the colon
	valEnd     int // start of the next label, or end of string
	colonGiven bool
}

// matchLabel tries the labels at s[i:].
func (t *metaTables) matchLabel(s string, i int, r rune) (mdLabelHit, bool) {
	for _, l := range t.labels[r] {
		if !strings.HasPrefix(s[i:], l.word) {
			continue
		}
		j := i + len(l.word)
		k := crSkipSpaces(s, j)
		var nr rune = -1
		if k < len(s) {
			nr, _ = utf8.DecodeRuneInString(s[k:])
		}
		h := mdLabelHit{kind: l.kind, word: l.word, start: i}
		if l.kind == mkByline && len(l.word) <= 3 && i > 0 {
			// 文：/图：/编： only at a boundary: not "全图：", "邮编："
			if p, _ := utf8.DecodeLastRuneInString(s[:i]); crHan(p) {
				continue
			}
		}
		switch {
		case nr == ':' || nr == '：' || nr == '∶' || nr == '﹕':
			h.valStart = k + utf8.RuneLen(nr)
			h.colonGiven = true
			return h, true
		case l.kind == mkViews && (mdDigit(nr) || (nr == '[' || nr == '【' || nr == '(' || nr == '（' || nr == '［') && mdLeadingNumber(s[k:]) >= 0):
			h.valStart = k
			return h, true
		case (l.kind == mkDate || l.kind == mkDateLow) && mdDigit(nr):
			if _, ok := mdScanDate(s, k); ok {
				h.valStart = k
				return h, true
			}
		case l.kind == mkByline && (nr == '/' || nr == '／' || nr == '︱' || nr == '丨' || nr == '｜'):
			h.valStart = k + utf8.RuneLen(nr)
			return h, true
		case (l.kind == mkPublisher || l.kind == mkByline && len(l.word) > 3) && k > j && nr != -1 && (crHan(nr) || unicode.IsLetter(nr)) && mdBoundaryBefore(s, i):
			// "2020-10-04 20:30 来源 长江网": no colon, but spaces around
			h.valStart = k
			return h, true
		}
	}
	return mdLabelHit{}, false
}

// mdBoundaryBefore reports whether s[:i] ends at a field boundary: the
// start, a space, a separator or a digit.
func mdBoundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(s[:i])
	return crSpace(p) || crClose(p) || mdDigit(p) || p == '|' || p == '丨' || p == '｜' || p == '/'
}

func mdDigit(r rune) bool { return r >= '0' && r <= '9' }

// mdLeadingNumber reads a count at the start of s, skipping spaces and
// brackets: "[ 156 ]" → 156, "1,234次" → 1234. -1 when there is none.
func mdLeadingNumber(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if crSpace(r) || crOpen(r) {
			i += n
			continue
		}
		break
	}
	v, digits := 0, 0
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			if v > 1e12 {
				return -1
			}
			v = v*10 + int(c-'0')
			digits++
		} else if c == ',' && digits > 0 && i+1 < len(s) && mdDigit(rune(s[i+1])) {
		} else {
			break
		}
		i++
	}
	if digits == 0 {
		return -1
	}
	return v
}

// scanLabels finds the labels of s, left to right, and sets their value
// extents.
func (t *metaTables) scanLabels(s string) []mdLabelHit {
	var hits []mdLabelHit
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 {
			if h, ok := t.matchLabel(s, i, r); ok {
				if len(hits) > 0 {
					hits[len(hits)-1].valEnd = h.start
				}
				hits = append(hits, h)
				i = h.valStart
				continue
			}
		}
		i += n
	}
	if len(hits) > 0 {
		hits[len(hits)-1].valEnd = len(s)
	}
	return hits
}

// mdTrimValue trims spaces, separators and brackets around a value.
func mdTrimValue(v string) string {
	return strings.TrimFunc(v, func(r rune) bool {
		return crSpace(r) || crOpen(r) || crClose(r) || r == '|' || r == '丨' || r == '｜' || r == '/' ||
			r == '／' || r == ',' || r == '，' || r == ';' || r == '；' || r == '、' || r == ':' || r == '：' || r == '-' || r == '—'
	})
}

// mdFirstField cuts a publisher value at the first space or separator:
// "党委宣传部  作者" is bounded by the label already, "教务处 动态" is not.
func mdFirstField(v string) string {
	v = mdTrimValue(v)
	for i, r := range v {
		if crSpace(r) || r == '|' || r == '丨' || r == '｜' || crOpen(r) || crClose(r) {
			return v[:i]
		}
	}
	return v
}

// parseMeta reads a metadata line such as
// "发布时间：2023-04-12 09:30:00  来源：党委宣传部  作者：张三  浏览次数：1234".
// ok is false when the string has no recognizable metadata at all.
func parseMeta(s string) (m metaInfo, ok bool) {
	m, ok, _ = parseMetaImpl(s)
	return m, ok
}

// parseMetaStrict is parseMeta for a line that must hold nothing but
// metadata (no text before the first label other than a date).
func parseMetaStrict(s string) (metaInfo, bool) {
	m, ok, clean := parseMetaImpl(s)
	return m, ok && clean
}

func parseMetaImpl(s string) (m metaInfo, ok, clean bool) {
	if len(s) > 1200 {
		return m, false, false
	}
	t := metaTab()
	hits := t.scanLabels(s)
	if len(hits) == 0 {
		// a bare date line: "2021-07-06", "2021年7月6日 14:30"
		if iso, ok := parseDateTime(s); ok {
			m.Published = iso
			return m, true, true
		}
		return m, false, false
	}
	if strings.Contains(s, "。") {
		return m, false, false
	}
	// Text before the first label: empty, a date ("2021-07-06 14:30 来源：…"),
	// or a few stray words.
	prefix := s[:hits[0].start]
	var unlabeledDate string
	clean = true
	if iso, a, b, ok := findDateTime(prefix); ok {
		unlabeledDate = iso
		prefix = prefix[:a] + " " + prefix[b:]
	}
	if p, _ := utf8.DecodeLastRuneInString(prefix); crHan(p) && unlabeledDate == "" {
		// the label is glued to preceding text: "…扫码查看：", "…全图："
		return metaInfo{}, false, false
	}
	prefix = mdTrimValue(prefix)
	if prefix != "" {
		clean = false
		if utf8.RuneCountInString(prefix) > 12 || strings.ContainsAny(prefix, "，,；！？!?") {
			return metaInfo{}, false, false
		}
	}
	found := false
	var lowDate string
	for _, h := range hits {
		v := s[h.valStart:h.valEnd]
		switch h.kind {
		case mkDate, mkDateLow:
			iso, ok := parseDateTime(mdTrimValue(v))
			if !ok {
				iso, _, _, ok = findDateTime(v)
			}
			found = found || h.colonGiven
			if !ok {
				if mdTrimValue(v) != "" {
					clean = false
				}
				continue
			}
			found = true
			if h.kind == mkDate && m.Published == "" {
				m.Published = iso
			} else if h.kind == mkDateLow && lowDate == "" {
				lowDate = iso
			}
		case mkPublisher:
			found = true // matched with a colon, or colonless with a value
			if p := mdFirstField(v); p != "" && m.Publisher == "" {
				if utf8.RuneCountInString(p) > 40 || strings.ContainsAny(p, "，。") {
					return metaInfo{}, false, false
				}
				m.Publisher = p
			}
		case mkViews:
			n := mdLeadingNumber(v)
			if n >= 0 || mdTrimValue(v) == "" {
				found = true // "浏览次数：802", "浏览次数：" (filled by script)
			}
			if m.Views == nil && n >= 0 {
				m.Views = &n
			}
		case mkByline:
			found = true
			if mdTrimValue(v) == "" {
				continue
			}
			cp := creditTab().parseCredit(h.word + "：" + v)
			if cp.unknown > 0 {
				clean = false
			}
			mergeByline(&m.Byline, cp.b)
		}
	}
	if !found {
		return metaInfo{}, false, false
	}
	if m.Published == "" {
		if unlabeledDate != "" {
			m.Published = unlabeledDate
		} else {
			m.Published = lowDate
		}
	}
	return m, true, clean
}

// mdDateParts is one date/time read from text.
type mdDateParts struct {
	y, mo, d   int
	hasTime    bool
	h, mi, sec int
	zone       string // "" (China time), "Z" or "+hh:mm"
	start, end int
}

// parseDateTime reads one publish date/time in any common form and returns
// it in ISO 8601, in China time (+08:00) unless a zone is given.
func parseDateTime(s string) (iso string, ok bool) {
	s = strings.TrimFunc(s, crSpace)
	if f, n := utf8.DecodeRuneInString(s); crOpen(f) {
		if l, m := utf8.DecodeLastRuneInString(s); crClose(l) && len(s) >= n+m {
			s = strings.TrimFunc(s[n:len(s)-m], crSpace)
		}
	}
	if len(s) == 8 && mdAllDigits(s) {
		y, _ := strconv.Atoi(s[:4])
		mo, _ := strconv.Atoi(s[4:6])
		d, _ := strconv.Atoi(s[6:])
		if !mdValidDate(y, mo, d) {
			return "", false
		}
		return mdFormatISO(mdDateParts{y: y, mo: mo, d: d}), true
	}
	dp, ok := mdScanDate(s, 0)
	if !ok || strings.TrimRight(s[dp.end:], " \t\u00a0\u3000") != "" {
		return "", false
	}
	return mdFormatISO(dp), true
}

// findDateTime finds the first date/time expression in s; start and end
// are byte offsets of the match.
func findDateTime(s string) (iso string, start, end int, ok bool) {
	for i := 0; i+4 <= len(s); i++ {
		if !mdDigit(rune(s[i])) || i > 0 && mdDigit(rune(s[i-1])) {
			continue
		}
		if dp, ok := mdScanDate(s, i); ok {
			return mdFormatISO(dp), dp.start, dp.end, true
		}
		for i+1 < len(s) && mdDigit(rune(s[i+1])) {
			i++
		}
	}
	return "", 0, 0, false
}

func mdAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// mdReadDigits reads 1..max digits at s[i:]; it fails when more follow.
func mdReadDigits(s string, i, minN, maxN int) (v, j int, ok bool) {
	j = i
	for j < len(s) && j-i < maxN && mdDigit(rune(s[j])) {
		v = v*10 + int(s[j]-'0')
		j++
	}
	if j-i < minN || j < len(s) && mdDigit(rune(s[j])) {
		return 0, i, false
	}
	return v, j, true
}

func mdValidDate(y, mo, d int) bool {
	if y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mo-1]
	if mo == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// mdScanDate reads a date, and a time after it when there is one, at s[i:].
func mdScanDate(s string, i int) (dp mdDateParts, ok bool) {
	dp.start = i
	y, j, ok := mdReadDigits(s, i, 4, 4)
	if !ok {
		return dp, false
	}
	var mo, d int
	han := false
	k := crSkipSpaces(s, j)
	switch {
	case strings.HasPrefix(s[k:], "年"):
		han = true
		k = crSkipSpaces(s, k+len("年"))
		if mo, k, ok = mdReadDigits(s, k, 1, 2); !ok {
			return dp, false
		}
		k = crSkipSpaces(s, k)
		if !strings.HasPrefix(s[k:], "月") {
			return dp, false
		}
		k = crSkipSpaces(s, k+len("月"))
		if d, k, ok = mdReadDigits(s, k, 1, 2); !ok {
			return dp, false
		}
		e := crSkipSpaces(s, k)
		if strings.HasPrefix(s[e:], "日") {
			k = e + len("日")
		} else if strings.HasPrefix(s[e:], "号") {
			k = e + len("号")
		}
	case j < len(s) && (s[j] == '-' || s[j] == '/' || s[j] == '.'):
		sep := s[j]
		if mo, k, ok = mdReadDigits(s, j+1, 1, 2); !ok {
			return dp, false
		}
		if k >= len(s) || s[k] != sep {
			return dp, false
		}
		if d, k, ok = mdReadDigits(s, k+1, 1, 2); !ok {
			return dp, false
		}
		if sep == '.' && k+1 < len(s) && s[k] == '.' && mdDigit(rune(s[k+1])) {
			return dp, false // a version number
		}
	default:
		return dp, false
	}
	if !mdValidDate(y, mo, d) {
		return dp, false
	}
	dp.y, dp.mo, dp.d, dp.end = y, mo, d, k
	if tp, e, ok := mdScanTime(s, k, han); ok {
		dp.hasTime = true
		dp.h, dp.mi, dp.sec, dp.zone = tp.h, tp.mi, tp.sec, tp.zone
		dp.end = e
	} else if e := mdWeekdayAfter(s, k); e > k {
		dp.end = e // "2021年7月6日（星期二）"
	}
	return dp, true
}

// mdScanTime reads a time of day after a date at s[i:]: " 09:30", "T09:30:00+08:00",
// " 下午3:30", "14时30分", " (星期二) 10:20".
func mdScanTime(s string, i int, han bool) (tp mdDateParts, end int, ok bool) {
	k := crSkipSpaces(s, i)
	isoT := false
	if k < len(s) && s[k] == 'T' && k == i {
		k++
		isoT = true
	}
	if e := mdWeekdayAfter(s, k); e > k {
		k = crSkipSpaces(s, e)
	}
	pm, noon := false, false
	for _, w := range []string{"上午", "早上", "凌晨", "清晨", "下午", "晚上", "傍晚", "中午", "晚"} {
		if strings.HasPrefix(s[k:], w) {
			switch w {
			case "下午", "晚上", "傍晚", "晚":
				pm = true
			case "中午":
				noon = true
			}
			k = crSkipSpaces(s, k+len(w))
			break
		}
	}
	h, k2, ok := mdReadDigits(s, k, 1, 2)
	if !ok {
		return tp, i, false
	}
	var mi, sec int
	switch {
	case k2 < len(s) && (s[k2] == ':' || strings.HasPrefix(s[k2:], "：")):
		k2 += crRuneLen(s, k2)
		if mi, k2, ok = mdReadDigits(s, k2, 2, 2); !ok {
			return tp, i, false
		}
		if k2+1 < len(s) && (s[k2] == ':' || strings.HasPrefix(s[k2:], "：")) {
			k3 := k2 + crRuneLen(s, k2)
			if v, k4, ok := mdReadDigits(s, k3, 2, 2); ok {
				sec, k2 = v, k4
				if k2+1 < len(s) && s[k2] == '.' && mdDigit(rune(s[k2+1])) {
					k2++
					for k2 < len(s) && mdDigit(rune(s[k2])) {
						k2++
					}
				}
			}
		}
	case strings.HasPrefix(s[k2:], "时") || strings.HasPrefix(s[k2:], "点") || strings.HasPrefix(s[k2:], "時"):
		k2 += crRuneLen(s, k2)
		if v, k3, ok := mdReadDigits(s, k2, 1, 2); ok && strings.HasPrefix(s[k3:], "分") {
			mi, k2 = v, k3+len("分")
			if v, k4, ok := mdReadDigits(s, k2, 1, 2); ok && strings.HasPrefix(s[k4:], "秒") {
				sec, k2 = v, k4+len("秒")
			}
		} else if strings.HasPrefix(s[k2:], "半") {
			mi, k2 = 30, k2+len("半")
		}
	default:
		return tp, i, false
	}
	if pm && h < 12 || noon && h < 11 {
		h += 12
	}
	if h > 23 || mi > 59 || sec > 59 {
		return tp, i, false
	}
	tp.h, tp.mi, tp.sec = h, mi, sec
	// zone
	if k2 < len(s) && isoT {
		switch c := s[k2]; {
		case c == 'Z':
			tp.zone = "Z"
			k2++
		case c == '+' || c == '-':
			if zh, k3, ok := mdReadDigits(s, k2+1, 2, 2); ok && zh <= 14 {
				k4 := k3
				if k4 < len(s) && s[k4] == ':' {
					k4++
				}
				if zm, k5, ok := mdReadDigits(s, k4, 2, 2); ok && zm < 60 {
					tp.zone = string(c) + s[k2+1:k3] + ":" + s[k4:k5]
					k2 = k5
				}
			} else if zh4, k3, ok := mdReadDigits(s, k2+1, 4, 4); ok && zh4/100 <= 14 && zh4%100 < 60 {
				tp.zone = string(c) + s[k2+1:k2+3] + ":" + s[k2+3:k3]
				k2 = k3
			}
		}
	}
	return tp, k2, true
}

// mdWeekdayAfter skips a weekday at s[k:]: "星期二", "周二", "（星期二）".
func mdWeekdayAfter(s string, k int) int {
	k0 := k
	k = crSkipSpaces(s, k)
	for _, pre := range []string{"（", "("} {
		if strings.HasPrefix(s[k:], pre) {
			e := mdSkipWeekday(s, k+len(pre))
			if e > k+len(pre) && (strings.HasPrefix(s[e:], "）") || strings.HasPrefix(s[e:], ")")) {
				return e + crRuneLen(s, e)
			}
			return k0
		}
	}
	if e := mdSkipWeekday(s, k); e > k {
		return e
	}
	return k0
}

func mdSkipWeekday(s string, k int) int {
	for _, pre := range []string{"星期", "礼拜", "周", "週"} {
		if strings.HasPrefix(s[k:], pre) {
			e := k + len(pre)
			r, n := utf8.DecodeRuneInString(s[e:])
			if strings.ContainsRune("一二三四五六日天", r) {
				return e + n
			}
		}
	}
	return k
}

// mdFormatISO renders dp as "2021-07-06" or "2021-07-06T09:30:00+08:00".
// Midnight exactly is no time: content systems print 00:00 for a date
// entered without one.
func mdFormatISO(dp mdDateParts) string {
	b := make([]byte, 0, 25)
	b = mdAppendInt(b, dp.y, 4)
	b = append(b, '-')
	b = mdAppendInt(b, dp.mo, 2)
	b = append(b, '-')
	b = mdAppendInt(b, dp.d, 2)
	if dp.hasTime && dp.h+dp.mi+dp.sec > 0 {
		b = append(b, 'T')
		b = mdAppendInt(b, dp.h, 2)
		b = append(b, ':')
		b = mdAppendInt(b, dp.mi, 2)
		b = append(b, ':')
		b = mdAppendInt(b, dp.sec, 2)
		if dp.zone == "" {
			b = append(b, "+08:00"...)
		} else {
			b = append(b, dp.zone...)
		}
	}
	return string(b)
}

func mdAppendInt(b []byte, v, width int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for v > 0 || i == len(tmp) {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	for len(tmp)-i < width {
		i--
		tmp[i] = '0'
	}
	return append(b, tmp[i:]...)
}
