package timex

import (
	"strings"
	"sync"
	"time"
)

const (
	hFixed = iota
	hEaster
	hOrthodox
	hNth      // a = month, b = n*10 + weekday
	hLunar    // a = lunar month, b = day
	hEve      // 除夕: the last day of the lunar year
	hTerm     // a = solar term index (termNames)
	hHebrew   // a = Hebrew month, b = day (calendars.go)
	hHijri    // a = Islamic month, b = day
	hHindu    // a = Hindu month (1 = Chaitra), b = tithi (15 full moon, 30 new moon)
	hSidereal // a = the sun's sidereal longitude
)

type hday struct {
	names string // separated by |
	kind  int
	a, b  int
	c     int  // days added (the eve of a Hebrew holiday is -1)
	inst  bool // read with Instants only (a word that news uses otherwise)
	world bool // from worldHolidays: a whole word, found from its own start set
	eve   int  // index of the eve of a Hebrew holiday (Instants)
}

var holidays = buildHolidays()

func buildHolidays() []hday {
	var out []hday
	for _, h := range baseHolidays {
		out = append(out, hday{names: h.names, kind: h.kind, a: h.a, b: h.b})
	}
	out = append(out, termHolidays()...)
	for _, h := range worldHolidays {
		h.world = true
		out = append(out, h)
	}
	// a Hebrew holiday begins at sundown the evening before: with Instants
	// it is that day (unnamed entries, reached through eve)
	n := len(out)
	for i := range n {
		if out[i].kind == hHebrew {
			e := out[i]
			e.names, e.c = "", e.c-1
			out[i].eve = len(out)
			out = append(out, e)
		}
	}
	return out
}

var baseHolidays = [...]struct {
	names string
	kind  int
	a, b  int
}{
	{"元旦节|元旦節|元旦|阳历新年|陽曆新年", hFixed, 1, 1},
	{"情人节|情人節|圣瓦伦丁节|聖瓦倫丁節", hFixed, 2, 14},
	{"国际妇女节|三八妇女节|妇女节|婦女節", hFixed, 3, 8},
	{"植树节|植樹節", hFixed, 3, 12},
	{"国际消费者权益日|国际消費者權益日|消费者权益日", hFixed, 3, 15},
	{"愚人节|愚人節", hFixed, 4, 1},
	{"五一国际劳动节|国际劳动节|五一劳动节|劳动节|勞動節", hFixed, 5, 1},
	{"五四青年节|青年节|青年節", hFixed, 5, 4},
	{"国际儿童节|六一儿童节|儿童节|兒童節", hFixed, 6, 1},
	{"建党节|建黨節", hFixed, 7, 1},
	{"八一建军节|八一建軍節|建军节|建軍節", hFixed, 8, 1},
	{"教师节|教師節", hFixed, 9, 10},
	{"国庆节|國慶節|国庆節|國慶节|国庆|國慶", hFixed, 10, 1},
	{"万圣节|萬聖節", hFixed, 10, 31},
	{"老板节|老闆節", hFixed, 10, 16},
	{"澳门回归纪念日|澳門回歸紀念日", hFixed, 12, 20},
	{"平安夜", hFixed, 12, 24},
	{"圣诞节|聖誕節|圣诞|聖誕", hFixed, 12, 25},
	{"母亲节|母親節", hNth, 5, 27},
	{"父亲节|父親節", hNth, 6, 37},
	{"感恩节|感恩節", hNth, 11, 44},
	{"清明节|清明節|清明", hTerm, 1, 0},
	{"春节|春節|农历新年|農曆新年|农历年|農曆年|正月朔日|正月正时|正月正時|新春", hLunar, 1, 1},
	{"元宵节|元宵節|元宵|上元节|上元節", hLunar, 1, 15},
	{"龙抬头|龍抬頭", hLunar, 2, 2},
	{"端午节|端午節|端午|端阳节|端陽節", hLunar, 5, 5},
	{"七夕节|七夕節|七夕", hLunar, 7, 7},
	{"中元节|中元節", hLunar, 7, 15},
	{"中秋节|中秋節|中秋", hLunar, 8, 15},
	{"重阳节|重陽節|重阳|重陽", hLunar, 9, 9},
	{"腊八节|臘八節|腊八|臘八", hLunar, 12, 8},
	{"小年", hLunar, 12, 23},
	{"除夕夜|除夕|大年三十|年三十|大年夜", hEve, 0, 0},
	{"十一黄金周|十一長假|十一长假|十一假期", hFixed, 10, 1},
	{"五一假期|五一长假|五一長假|五一小长假|五一黄金周", hFixed, 5, 1},
	{"复活节星期一|復活節星期一", hEaster, 1, 0},
	{"复活节|復活節|主復活日|主复活日", hEaster, 0, 0},
	{"耶稣受难日翌日|主受難節翌日|复活节前夜|復活節前夜|神圣周六|神聖週六|聖週六|圣周六|黑色星期六", hEaster, -1, 0},
	{"耶稣受难日|耶穌受難日|耶穌受难日|主受难日|主受难节|主受難節|沈默周五|沈默週五|聖週五|圣周五", hEaster, -2, 0},
	{"濯足節|濯足节|神聖星期四|圣周星期四|圣周四|聖週四|設立聖餐日", hEaster, -3, 0},
	{"棕枝主日|圣枝主日|聖樹主日|基督苦難主日", hEaster, -7, 0},
	{"大斋首日|聖灰星期三|圣灰星期三|圣灰礼仪日|圣灰日|灰日|大斋期|大齋節|大斋节", hEaster, -46, 0},
	{"忏悔節|忏悔节|忏悔火曜日|煎餅星期二", hEaster, -47, 0},
	{"五旬节|五旬節|圣灵降临节|聖靈降臨日|圣灵降临日", hEaster, 49, 0},
	{"拉撒路聖週六|拉撒路圣周六|拉匝路周六|拉匝路週六", hOrthodox, -8, 0},
	{"四旬节|四旬節|洁净星期一|潔淨星期一", hOrthodox, -48, 0},
	{"圣灵节庆日|聖靈節慶日", hEaster, 50, 0},
	{"圣三一主日|天主三一主日|天主聖三一节|聖三主日|圣三节", hEaster, 56, 0},
	{"基督聖體聖血瞻礼|基督聖體聖血節|基督聖體节|基督圣体节", hEaster, 60, 0},
}

func termHolidays() []hday {
	var out []hday
	for i, n := range termNames {
		if i != 1 {
			out = append(out, hday{names: n, kind: hTerm, a: i})
		}
	}
	return out
}

// easter is the Gregorian Easter Sunday of year y.
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return mkdate(y, month, day)
}

// orthodoxEaster is the Julian Easter Sunday of year y on the Gregorian
// calendar (1900-2099).
func orthodoxEaster(y int) time.Time {
	a, b, c := y%4, y%7, y%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	day := (d+e+114)%31 + 1
	return mkdate(y, month, day).AddDate(0, 0, 13)
}

func holidayDate(h *hday, y int) (time.Time, bool) {
	if y < 1900 || y > 2099 {
		return time.Time{}, false
	}
	switch h.kind {
	case hFixed:
		return mkdate(y, h.a, h.b), true
	case hEaster:
		return easter(y).AddDate(0, 0, h.a), true
	case hOrthodox:
		return orthodoxEaster(y).AddDate(0, 0, h.a), true
	case hNth:
		first := mkdate(y, h.a, 1)
		n, wd := h.b/10, h.b%10
		off := (wd - isoWeekday(first) + 7) % 7
		return first.AddDate(0, 0, off+7*(n-1)), true
	case hLunar:
		return lunarDate(y, h.a, h.b, false)
	case hEve:
		return lunarNewYearEve(y)
	case hTerm:
		return termDate(y, h.a)
	case hHebrew:
		return hebrewHoliday(y, h.a, h.b).AddDate(0, 0, h.c), true
	case hHijri:
		if xs := islamicDates(y, h.a, h.b); len(xs) > 0 {
			return xs[0], true
		}
	case hHindu:
		if x, ok := hinduDay(y, h.a, h.b); ok {
			return x.AddDate(0, 0, h.c), true
		}
	case hSidereal:
		return siderealIngress(y, float64(h.a)).AddDate(0, 0, h.c), true
	}
	return time.Time{}, false
}

// holidayDates lists the days of holiday h in year y: one, or two for an
// Islamic date when an Islamic year begins and ends within y.
func holidayDates(h *hday, y int) []time.Time {
	if h.kind == hHijri {
		if y < 1900 || y > 2099 {
			return nil
		}
		return islamicDates(y, h.a, h.b)
	}
	x, ok := holidayDate(h, y)
	if !ok {
		return nil
	}
	return []time.Time{x}
}

// holiday reads a holiday name at q; the year is filled in later unless t
// has one.
func (s *scanner) holiday(q int, t *pt) (int, int, bool) {
	orth := false
	j := q
	if k, e := s.lit(q, "东正教", "東正教"); k >= 0 {
		orth, j = true, e
	}
	best, bestEnd := -1, j
	for _, hn := range holidayIndex()[s.at(j)] {
		if e := j + len(hn.name); e > bestEnd && e <= s.n && runesAt(s.r, j, hn.name) {
			best, bestEnd = hn.idx, e
		}
	}
	if best < 0 {
		return 0, q, false
	}
	if s.r[j] == '新' && !s.inst {
		return 0, q, false // 新春 is the Spring Festival with Instants only
	}
	h := holidays[best]
	if h.world {
		if h.inst && !s.inst || orth || !s.wordEnd(bestEnd) {
			return 0, q, false
		}
		if s.inst && h.kind == hHebrew {
			best = h.eve
			h = holidays[best]
		}
	}
	if orth {
		if h.kind != hEaster {
			return 0, q, false
		}
		h.kind = hOrthodox
	}
	if h.kind == hTerm && h.a == 1 && (s.at(bestEnd) == '上' || s.at(bestEnd) == '河') {
		return 0, q, false
	}
	if h.kind == hTerm && ambiguousTerm[h.a] && t.y == 0 {
		// 大雪, 雨水, 白露 are weather words too: alone only as a whole phrase
		p, n := s.at(q-1), s.at(bestEnd)
		if !(isPunct(p) || s.wordBefore(q, "农历") >= 0) || !(isPunct(n) || inRune(n, "节節时時当當这這前后後")) {
			return 0, q, false
		}
	}
	if h.kind == hLunar && h.a == 12 && h.b == 23 && inRune(s.at(bestEnd), "龄齡级級轻輕纪紀") {
		return 0, q, false
	}
	t.g = gDay
	if t.y > 0 {
		x, ok := holidayDate(&h, t.y)
		if !ok {
			return 0, q, false
		}
		t.setDate(x)
		return best, bestEnd, true
	}
	t.hol = best + 1
	if orth {
		t.hol = -(best + 1)
	}
	return best, bestEnd, true
}

func (s *scanner) holidayOf(t *pt) *hday {
	i := t.hol
	orth := i < 0
	if orth {
		i = -i
	}
	h := holidays[i-1]
	if orth {
		h.kind = hOrthodox
	}
	return &h
}

type holidayName struct {
	name []rune
	idx  int
}

// holidayIndex lists the holiday names by their first character.
var holidayIndex = sync.OnceValue(func() map[rune][]holidayName {
	m := map[rune][]holidayName{}
	for k, h := range holidays {
		rest := h.names
		for rest != "" {
			var name string
			name, rest, _ = strings.Cut(rest, "|")
			r := []rune(name)
			m[r[0]] = append(m[r[0]], holidayName{r, k})
		}
	}
	return m
})

func runesAt(r []rune, i int, w []rune) bool {
	if i+len(w) > len(r) {
		return false
	}
	for k, c := range w {
		if r[i+k] != c {
			return false
		}
	}
	return true
}

// firstRunes holds the first characters of the holiday names.
var firstRunes = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for c, hs := range holidayIndex() {
		for _, hn := range hs {
			if !holidays[hn.idx].world {
				m[c] = true
			}
		}
	}
	return m
})

// fuzzy reads 近日, 日前, 近期, 前不久, 最近, 不久前.
func (s *scanner) fuzzy(q int) (raw, bool) {
	k, e := s.lit(q, "前不久", "不久前", "近日", "日前", "近期", "最近", "近来", "近來")
	if k < 0 {
		return raw{}, false
	}
	p := s.at(q - 1)
	switch k {
	case 3:
		if inRune(p, "节節生假作末期日工纪紀念周週之") || isDigitLike(p) {
			return raw{}, false
		}
	case 5:
		if inRune(s.at(e), "的一几幾") || inRune(p, "离離距") || isDigitLike(s.at(e)) {
			return raw{}, false
		}
	}
	w := raw{start: q, end: e}
	if !s.hasRef {
		return w, true
	}
	w.a = newPt()
	w.a.setDate(s.refDate())
	w.a.g, w.a.fuzzy, w.a.relDay = gDay, true, true
	w.fmtOK = true
	return w, true
}

type unit struct {
	w    string
	g    int
	mult float64 // units of g in one (刻钟 is 15 minutes)
}

// gWorkday is the grain amount gives for 工作日/交易日: days counted
// Monday to Friday.
const gWorkday = 100

var units = [...]unit{
	{"秒钟", gSecond, 1}, {"秒鐘", gSecond, 1}, {"秒", gSecond, 1}, {"分钟", gMinute, 1}, {"分鐘", gMinute, 1},
	{"刻钟", gMinute, 15}, {"刻鐘", gMinute, 15},
	{"小时", gHour, 1}, {"小時", gHour, 1}, {"钟头", gHour, 1}, {"鐘頭", gHour, 1}, {"个钟", gHour, 1}, {"個鐘", gHour, 1},
	{"工作日", gWorkday, 1}, {"交易日", gWorkday, 1},
	{"天", gDay, 1}, {"日", gDay, 1}, {"星期", gWeek, 1}, {"礼拜", gWeek, 1}, {"禮拜", gWeek, 1}, {"周", gWeek, 1}, {"週", gWeek, 1},
	{"个月", gMonth, 1}, {"個月", gMonth, 1}, {"月", gMonth, 1}, {"季度", gMonth, 3}, {"年", gYear, 1},
}

// addWorkdays moves n days Monday to Friday from x (n may be negative).
func addWorkdays(x time.Time, n int) time.Time {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		x = x.AddDate(0, 0, step)
		if wd := x.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return x
}

var unitWords = func() []string {
	var w []string
	for _, u := range units {
		w = append(w, u.w)
	}
	return w
}()

// amount reads "3天", "两个月", "半个月", "一年半" at i.
func (s *scanner) amount(i int) (qty float64, g int, e int, ok bool) {
	j := i
	if s.at(j) == '半' {
		qty, j = 0.5, j+1
	} else if inRune(s.at(j), "仨俩倆") {
		// 近仨月, 俩星期
		qty, j = 3, j+1
		if s.at(j-1) != '仨' {
			qty = 2
		}
	} else {
		n, ok := readNum(s.r, j)
		if !ok || n.v <= 0 || n.v > 1000 || !n.arabic && !n.pos && n.nd > 1 {
			return 0, 0, i, false
		}
		qty, j = float64(n.v), n.end
		if s.at(j) == '多' {
			j++
		}
	}
	if inRune(s.at(j), "个個") && !inRune(s.at(j+1), "月钟鐘") {
		j++
	}
	if s.at(j) == '多' && inRune(s.at(j-1), "个個") {
		j++ // 三个多月
	}
	if s.at(j) == '半' && inRune(s.at(j-1), "个個") {
		j-- // 两个半月, 一个半小时
	}
	if inRune(s.at(j), "个個") && s.at(j+1) == '半' {
		qty += 0.5
		j += 2
		if inRune(s.at(j), "月") {
			return qty, gMonth, j + 1, true
		}
		if k, e := s.lit(j, "小时", "小時", "钟头", "鐘頭"); k >= 0 {
			return qty, gHour, e, true
		}
		return 0, 0, i, false
	}
	if k, e := s.lit(j, unitWords...); k >= 0 {
		g = units[k].g
		if units[k].mult == 3 && !inRune(s.at(j-1), "个個") {
			return 0, 0, i, false // 一季度 is a quarter, 三个季度 three
		}
		if s.at(e) == '半' {
			qty += 0.5
			e++
		} else if s.at(e) == '多' && g == gYear {
			e++ // 3年多以来
		}
		if units[k].mult != 1 {
			if qty != float64(int(qty)) {
				return 0, 0, i, false
			}
			qty *= units[k].mult
		}
		return qty, g, e, true
	}
	// 十三分半: minutes and a half
	if k, e := s.lit(j, "分半"); k >= 0 {
		if inRune(s.at(e), "钟鐘") {
			e++
		}
		return qty + 0.5, gMinute, e, true
	}
	return 0, 0, i, false
}

// span reads a stretch of time counted from the reference: 未来7天,
// 近30天, 过去5分钟, 60日内, 三个多月以来. With Instants its Value is the
// start instant, End the end one, both at second grain; by default it is a
// duration, consumed and no date.
func (s *scanner) span(q int) (raw, bool) {
	dir := 0 // +1 from the reference on, -1 up to it
	k, j := s.lit(q, "未来", "未來", "今后", "今後", "接下来", "接下來", "过去的", "過去的", "过去", "過去", "最近", "近")
	switch {
	case k < 0:
		if !isDigitLike(s.at(q)) && s.at(q) != '半' {
			return raw{}, false
		}
	case k < 6:
		dir = 1
	default:
		dir = -1
	}
	if k == 11 && inRune(s.at(q-1), "最将將接靠附") {
		return raw{}, false
	}
	qty, g, e, ok := s.amount(j)
	if !ok || g == gYear && qty >= 100 {
		return raw{}, false
	}
	since := false
	if k2, e2 := s.lit(e, "以内", "以內", "之内", "之內", "内", "內", "里", "裡", "以来", "以來"); k2 >= 0 {
		switch {
		case k2 >= 8:
			// 80多年以来 is a history, not a date
			if dir != 0 || g == gYear && qty >= 10 {
				return raw{}, false
			}
			dir, since = -1, true
		case k2 >= 6:
			if dir >= 0 {
				return raw{}, false
			}
		case dir == 0:
			dir = 1
		}
		e = e2
	} else if dir == 0 {
		return raw{}, false
	}
	w := raw{start: q, end: e}
	if !s.hasRef || !s.inst {
		// a duration: no date, by default or without a reference
		return w, true
	}
	ref := time.Date(s.ry, time.Month(s.rm), s.rd, s.rh, s.rmi, s.rs, 0, time.UTC)
	n := int(qty)
	half := qty != float64(n)
	var x time.Time
	switch g {
	case gSecond:
		x = ref.Add(time.Duration(dir*n) * time.Second)
	case gMinute:
		x = ref.Add(time.Duration(dir) * time.Duration(qty*60) * time.Second)
	case gHour:
		x = ref.Add(time.Duration(dir) * time.Duration(qty*60) * time.Minute)
	case gWorkday:
		x = addWorkdays(ref, dir*n)
	case gDay:
		x = ref.AddDate(0, 0, dir*n)
		if half {
			x = x.Add(time.Duration(dir) * 12 * time.Hour)
		}
	case gWeek:
		x = ref.AddDate(0, 0, dir*7*n)
		if half {
			x = x.AddDate(0, 0, dir*3)
		}
	case gMonth:
		x = ref.AddDate(0, dir*n, 0)
		if half {
			x = x.AddDate(0, 0, dir*15)
		}
	case gYear:
		x = ref.AddDate(dir*n, 0, 0)
		if half {
			x = x.AddDate(0, dir*6, 0)
		}
	}
	if dir < 0 {
		// a count of months or years starts at a day; 以来 at the unit
		if g == gMonth || g == gYear {
			x = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
		}
		if since {
			switch {
			case g == gYear && !half:
				x = time.Date(x.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			case g == gYear || g == gMonth:
				x = time.Date(x.Year(), x.Month(), 1, 0, 0, 0, 0, time.UTC)
			}
		}
	}
	a, b := newPt(), newPt()
	from, to := x, ref
	if dir > 0 {
		from, to = ref, x
	}
	setInstant(&a, from)
	setInstant(&b, to)
	w.a, w.b, w.hasEnd, w.fmtOK = a, b, true, true
	return w, true
}

// era reads centuries and decades: 18世纪, 上世纪80年代, 九十年代末期.
// The Value is the first year, End the last.
func (s *scanner) era(q int) (raw, bool) {
	j := q
	cent := -1 // first year of the century
	if k, e := s.lit(j, "上世纪", "上世紀", "本世纪", "本世紀", "上个世纪", "上個世紀"); k >= 0 {
		if !s.hasRef {
			return raw{start: q, end: e}, true
		}
		cent = s.ry / 100 * 100
		if k < 2 || k >= 4 {
			cent -= 100
		}
		j = e
	} else if n, ok := readNum(s.r, j); ok && n.v >= 1 && n.v <= 21 && (n.arabic && n.nd <= 2 || !n.arabic) {
		if k, e := s.lit(n.end, "世纪", "世紀"); k >= 0 {
			cent, j = (n.v-1)*100, e
		}
	}
	first, last := 0, 0
	if n, ok := readNum(s.r, j); ok && n.v >= 0 && n.v <= 90 && n.v%10 == 0 && (n.arabic && n.nd == 2 || !n.arabic && n.v > 0) && s.at(n.end) == '年' && s.at(n.end+1) == '代' {
		c := cent
		if c < 0 {
			c = 1900
			if s.hasRef && 2000+n.v <= s.ry {
				c = 2000
			}
		}
		first, last = c+n.v, c+n.v+9
		j = n.end + 2
	} else if cent >= 0 {
		// 21世纪的教育: a century is a date only when named by itself or with
		// 初/末 (18世纪, 11世纪初)
		if _, e := s.lit(j, "末期", "末", "后期", "後期", "初期", "前期", "初", "中期", "中叶", "中葉"); e == j && !(isPunct(s.at(j)) && isPunct(s.at(q-1))) {
			return raw{}, false
		}
		first, last = cent, cent+99
	} else {
		return raw{}, false
	}
	if k, e := s.lit(j, "末期", "末", "后期", "後期", "初期", "前期", "初", "中期"); k >= 0 {
		span := last - first + 1
		switch {
		case k < 4:
			first = last - span*3/10 + 1
		case k < 7:
			last = first + span*3/10 - 1
		default:
			first, last = first+span*3/10, first+span*7/10-1
		}
		j = e
	}
	t, tb := newPt(), newPt()
	t.y, t.g, t.yearAbs = first, gYear, true
	tb = t
	tb.y = last
	return raw{start: q, end: j, a: t, b: tb, hasEnd: true, fmtOK: true}, true
}

// laterThanRef reports whether t begins after the reference day.
func (s *scanner) laterThanRef(t *pt) bool {
	k := [3]int{t.y, max(t.mo, 1), max(t.d, 1)}
	r := [3]int{s.ry, s.rm, s.rd}
	for i := range k {
		if k[i] != r[i] {
			return k[i] > r[i]
		}
	}
	return t.h > s.rh
}

func setInstant(t *pt, x time.Time) {
	t.y, t.mo, t.d = x.Year(), int(x.Month()), x.Day()
	t.h, t.mi, t.s = x.Hour(), x.Minute(), x.Second()
	t.g, t.relDay = gSecond, true
}

// offset reads 3天前, 三天后, 两周后, 半个月前, 上两周, 下三个月.
func (s *scanner) offset(q int) (raw, bool) {
	c := s.at(q)
	sign := 0
	j := q
	prefix := false
	switch {
	case c == '上' || c == '前':
		sign, j, prefix = -1, q+1, true
	case c == '下' || c == '后' || c == '後':
		sign, j, prefix = 1, q+1, true
	case c == '过' || c == '過':
		sign, j = 1, q+1
	case c == '再' && (s.at(q+1) == '过' || s.at(q+1) == '過'):
		sign, j = 1, q+2
	}
	if sign == 0 && !isDigitLike(c) && c != '半' {
		return raw{}, false
	}
	if inRune(s.at(q-1), "场場圈") {
		return raw{}, false
	}
	qty, g, e, ok := s.amount(j)
	if !ok {
		return raw{}, false
	}
	// 4月前 is before April, not four months ago
	if g == gMonth && s.at(e-1) == '月' && !inRune(s.at(e-2), "个個半多") && !prefix {
		return raw{}, false
	}
	// a four-digit year: 2025年前 is no offset
	if n, ok := readNum(s.r, j); ok && n.nd >= 3 && g == gYear {
		return raw{}, false
	}
	if sign == 0 {
		k, e2 := s.lit(e, "以前", "之前", "前", "以后", "以後", "之后", "之後", "后", "後")
		if k < 0 {
			return raw{}, false
		}
		if k <= 2 {
			sign = -1
		} else {
			sign = 1
		}
		e = e2
	} else if !prefix {
		// 过两天
	} else if qty != float64(int(qty)) {
		return raw{}, false
	}
	w := raw{start: q, end: e}
	if !s.hasRef {
		return w, true
	}
	n := int(qty)
	half := qty != float64(n)
	t := newPt()
	ref := time.Date(s.ry, time.Month(s.rm), s.rd, s.rh, s.rmi, s.rs, 0, time.UTC)
	step := n * sign
	if prefix && sign > 0 {
		step = 1 // 下三天: the three days from tomorrow
	}
	var x time.Time
	switch g {
	case gSecond:
		x = ref.Add(time.Duration(step) * time.Second)
	case gMinute:
		x = ref.Add(time.Duration(step) * time.Minute)
		if half {
			x = x.Add(time.Duration(sign) * 30 * time.Second)
		}
	case gHour:
		x = ref.Add(time.Duration(step) * time.Hour)
		if half {
			x = x.Add(time.Duration(sign) * 30 * time.Minute)
			g = gMinute
		}
	case gWorkday:
		x, g = addWorkdays(ref, step), gDay
	case gDay:
		x = ref.AddDate(0, 0, step)
	case gWeek:
		x = ref.AddDate(0, 0, 7*step)
		if half {
			x = x.AddDate(0, 0, sign*3)
			g = gDay
		}
	case gMonth:
		x = ref.AddDate(0, step, 0)
		if half {
			x = x.AddDate(0, 0, sign*15)
			g = gDay
		}
	case gYear:
		x = ref.AddDate(step, 0, 0)
		if half {
			// half a year is 182.5 days
			x = x.Add(time.Duration(sign) * (182*24 + 12) * time.Hour)
			g = gMonth
		}
	}
	if g == gWeek {
		x = x.AddDate(0, 0, 1-isoWeekday(x))
	}
	t.y, t.mo, t.d = x.Year(), int(x.Month()), x.Day()
	t.h, t.mi, t.s = x.Hour(), x.Minute(), x.Second()
	t.g = g
	t.relDay = true
	w.a, w.fmtOK = t, true
	return w, true
}

// duration reads a length of time that is no date (三年, 5个月, 70周年).
func (s *scanner) duration(i int) (int, bool) {
	_, _, e, ok := s.amount(i)
	if !ok {
		return i, false
	}
	if s.at(e) == '年' {
		e++
	}
	return e, true
}

// standalone reads words that are dates by themselves: 现在, 年底, 月初,
// 中旬, 上半年, 本季度, 本学期.
func (s *scanner) standalone(q int) (raw, bool) {
	// with Instants: 当前 and the Cantonese 而家, 依家, 宜家 are now
	if !s.inst {
	} else if k, e := s.lit(q, "当前", "當前", "而家", "依家", "宜家"); k >= 0 && (k < 2 || isPunct(s.at(q-1)) && isPunct(s.at(e)) || k < 4 && !isCN(s.at(q-1))) {
		w := raw{start: q, end: e}
		if s.hasRef {
			w.a = newPt()
			w.a.y, w.a.mo, w.a.d, w.a.h, w.a.mi, w.a.s = s.ry, s.rm, s.rd, s.rh, s.rmi, s.rs
			w.a.g, w.a.relDay, w.fmtOK = gSecond, true, true
		}
		return w, true
	}
	// 冬季, 春天 standing alone: the season of the reference's year
	if sn := strings.IndexRune("春夏秋冬", s.at(q)); sn >= 0 && inRune(s.at(q+1), "季天") && isPunct(s.at(q-1)) && isPunct(s.at(q+2)) {
		w := raw{start: q, end: q + 2}
		if !s.hasRef {
			return w, true
		}
		if a, b, ok := season(s.ry, sn/3); ok {
			w.a, w.b = newPt(), newPt()
			w.a.setDate(a)
			w.b.setDate(b)
			w.a.g, w.b.g = gDay, gDay
			w.hasEnd, w.fmtOK = true, true
		}
		return w, true
	}
	k, e := s.lit(q, "现在", "現在", "此时", "此時", "此刻",
		"年底", "年初", "年末", "月初", "月底", "月末", "上旬", "中旬", "下旬",
		"上半年", "下半年",
		"本季度", "这季度", "这个季度", "這個季度", "上季度", "上个季度", "上個季度", "上一季度", "下季度", "下个季度", "下個季度", "下一季度", "下下个季度", "下下季度",
		"本学期", "本學期", "这学期", "這學期", "本学年", "本學年", "这学年", "這學年")
	if k < 0 {
		if qn, e2, ok := s.quarter(q); ok && (s.at(q) != '第' || true) {
			w := raw{start: q, end: e2}
			if !s.hasRef {
				return w, true
			}
			w.a, w.b = newPt(), newPt()
			w.a.y, w.a.mo, w.a.g = s.ry, 3*qn-2, gQuarter
			w.b = w.a
			w.b.mo = 3 * qn
			w.hasEnd, w.fmtOK = true, true
			return w, true
		}
		return raw{}, false
	}
	p := s.at(q - 1)
	if k >= 5 && k <= 13 && (inRune(p, "年月去今明前后後本上下") || isDigitLike(p)) {
		return raw{}, false
	}
	w := raw{start: q, end: e}
	if !s.hasRef {
		return w, true
	}
	t, tb := newPt(), newPt()
	switch {
	case k < 5:
		t.y, t.mo, t.d, t.h, t.mi, t.s = s.ry, s.rm, s.rd, s.rh, s.rmi, s.rs
		t.g = gSecond
		t.relDay = true
	case k < 8:
		t.y, t.g = s.ry, gMonth
		t.mo = 1
		if k != 6 {
			t.mo = 12
			if s.inst {
				// with Instants 年底 is the last two months
				t.mo = 11
				tb = t
				tb.mo = 12
				w.hasEnd = true
			}
		}
	case k < 14:
		t.y, t.mo, t.g = s.ry, s.rm, gMonth
		tb, w.hasEnd = s.monthPart(&t, [...]int{1, 2, 2, 3, 0, 4}[k-8])
	case k < 16:
		t.y, t.mo, t.g = s.ry, 1+6*(k-14), gMonth
		tb = t
		tb.mo = t.mo + 5
		w.hasEnd = true
	case k < 30:
		off := 0
		switch {
		case k < 18:
		case k < 22:
			off = -1
		case k < 26:
			off = 1
		default:
			off = 2
		}
		qn := (s.rm-1)/3 + off
		x := mkdate(s.ry, 3*qn+1, 1)
		t.y, t.mo, t.g = x.Year(), int(x.Month()), gQuarter
		tb = t
		tb.mo = t.mo + 2
		w.hasEnd = true
		// 上季度末, 本季度初: the last or first month
		if inRune(s.at(e), "末底初") {
			t.g = gMonth
			if s.at(e) != '初' {
				t.mo += 2
			}
			w.hasEnd, w.end = false, e+1
		}
	case k < 34:
		// this term: spring term Feb-Jul, autumn term Sep-Jan
		t.g, t.fuzzy = gMonth, true
		if s.rm >= 8 || s.rm == 1 {
			y := s.ry
			if s.rm == 1 {
				y--
			}
			t.y, t.mo = y, 9
			tb = t
			tb.y, tb.mo = y+1, 1
		} else {
			t.y, t.mo = s.ry, 2
			tb = t
			tb.mo = 7
		}
		w.hasEnd = true
	default:
		// this school year: September to July
		y := s.ry
		if s.rm < 8 {
			y--
		}
		t.y, t.mo, t.g, t.fuzzy = y, 9, gMonth, true
		tb = t
		tb.y, tb.mo = y+1, 7
		w.hasEnd = true
	}
	w.a, w.b, w.fmtOK = t, tb, true
	return w, true
}

// resolve fills in what the text leaves open: the year of a yearless date,
// the day of a bare clock time, the year of a holiday.
func (s *scanner) resolve(raws []raw) {
	sent, prevEnd := 0, 0
	sentYear, sentYearIdx := 0, -1
	textYear := 0
	var lastDay pt
	lastDaySent := -1
	haveLast := false
	for k := range raws {
		w := &raws[k]
		for j := prevEnd; j < w.start && j < s.n; j++ {
			if isSentenceEnd(s.r[j]) {
				sent++
			}
		}
		prevEnd = w.end
		a := &w.a
		if a.needRef || w.hasEnd && w.b.needRef {
			w.fmtOK = false
			continue
		}
		if a.lunar {
			y := a.y
			if y == 0 {
				switch {
				case sentYearIdx == sent && sentYear > 0:
					y = sentYear
				case s.hasRef:
					y = s.ry
				case textYear > 0:
					y = textYear
				}
			}
			if !fromLunar(a, y, w) {
				w.fmtOK = false
				continue
			}
		}
		if a.hol != 0 && a.y == 0 {
			h := s.holidayOf(a)
			y := 0
			var at time.Time // the day found around the reference
			switch {
			case sentYearIdx == sent && sentYear > 0:
				y = sentYear
			case s.hasRef && (s.prec == gYear || s.prec == gMonth):
				// a reference that names only a year or a month
				y = s.ry
			case s.hasRef:
				ref := s.refDate()
			years:
				for yy := s.ry - 1; yy <= s.ry+1; yy++ {
					for _, x := range holidayDates(h, yy) {
						if s.ahead && !x.Before(ref) {
							at = x
							break years
						}
						if !s.ahead && !x.After(ref) {
							at = x
						}
					}
				}
			case textYear > 0:
				y = textYear
			}
			if !at.IsZero() {
				a.setDate(at)
			} else if y == 0 {
				if h.kind != hFixed {
					w.fmtOK = false
					continue
				}
				a.mo, a.d = h.a, h.b
			} else {
				x, ok := holidayDate(h, y)
				if !ok {
					w.fmtOK = false
					continue
				}
				a.setDate(x)
			}
			a.hol = 0
		}
		if a.dayOffset > 0 && a.y == 0 {
			switch {
			case haveLast && lastDay.y > 0:
				a.setDate(mkdate(lastDay.y, lastDay.mo, lastDay.d).AddDate(0, 0, a.dayOffset))
			case haveLast:
				x := mkdate(2000, lastDay.mo, lastDay.d).AddDate(0, 0, a.dayOffset)
				if lastDay.mo == 0 {
					w.fmtOK = false
					continue
				}
				a.mo, a.d = int(x.Month()), x.Day()
			case s.hasRef:
				a.setDate(s.refDate().AddDate(0, 0, a.dayOffset))
			default:
				w.fmtOK = false
				continue
			}
		}
		if !a.hasDate() && a.h >= 0 {
			switch {
			case haveLast && lastDaySent == sent:
				a.y, a.mo, a.d = lastDay.y, lastDay.mo, lastDay.d
				// 下午2点开会，4点结束: the afternoon goes on
				if a.pod == "" && (lastDay.pod == "afternoon" || lastDay.pod == "evening") && a.h < 12 && a.h+12 >= lastDay.h {
					a.h += 12
					if w.hasEnd && w.b.h >= 0 && w.b.h < 12 {
						w.b.h += 12
					}
				}
			case s.hasRef:
				x := s.refDate()
				// a reference with a time of day: a clock time without a
				// part of the day is the next one after it, 3点 on the
				// 12-hour clock, 6:30 on the 24-hour clock
				refTime := s.prec == gSecond && (s.rh != 0 || s.rmi != 0 || s.rs != 0)
				if s.fwd || refTime && a.pod == "" {
					before := func(h int) bool {
						return h < s.rh || h == s.rh && (max(a.mi, 0) < s.rmi || max(a.mi, 0) == s.rmi && max(a.s, 0) < s.rs)
					}
					if before(a.h) {
						if !a.h24 && a.h < 12 && !before(a.h+12) {
							a.h += 12
							if w.hasEnd && w.b.h >= 0 && w.b.h < 12 {
								w.b.h += 12
							}
						} else {
							x = x.AddDate(0, 0, 1)
						}
					}
				}
				a.setDate(x)
			}
			if w.hasEnd && !w.b.hasDate() {
				w.b.y, w.b.mo, w.b.d = a.y, a.mo, a.d
				if w.b.dayOffset > 0 && a.y > 0 {
					w.b.setDate(mkdate(a.y, a.mo, a.d).AddDate(0, 0, w.b.dayOffset))
					w.b.dayOffset = 0
				}
			}
		}
		if a.mo == 0 && a.d > 0 {
			switch {
			case haveLast && lastDaySent == sent && lastDay.mo > 0:
				a.y, a.mo = lastDay.y, lastDay.mo
			case s.hasRef && s.inst && !s.fwd && a.d <= daysIn(s.ry, s.rm):
				// the time parsers: a bare day is in the reference's month
				a.y, a.mo = s.ry, s.rm
			case s.hasRef:
				ref := s.refDate()
				var best time.Time
				for off := -1; off <= 1; off++ {
					first := mkdate(s.ry, s.rm+off, 1)
					if a.d > daysIn(first.Year(), int(first.Month())) {
						continue
					}
					x := mkdate(first.Year(), int(first.Month()), a.d)
					if s.fwd {
						if !x.Before(ref) {
							best = x
							break
						}
						continue
					}
					if best.IsZero() || absDur(x.Sub(ref)) < absDur(best.Sub(ref)) {
						best = x
					}
				}
				if !best.IsZero() {
					a.setDate(best)
				}
			}
			if w.hasEnd && w.b.mo == 0 {
				w.b.y, w.b.mo = a.y, a.mo
			}
		}
		if a.y == 0 && a.mo > 0 {
			d := a.d
			if d == 0 {
				d = 15
			}
			switch {
			case sentYearIdx == sent && sentYear > 0:
				a.y = sentYear
			case s.hasRef:
				a.y = s.nearYear(a.mo, d)
			case textYear > 0:
				a.y = textYear
			default:
				for l := k + 1; l < len(raws); l++ {
					o := &raws[l].a
					if o.yearAbs && o.y > 0 && o.mo == a.mo && (a.d == 0 || o.d == a.d || o.d == 0) {
						a.y = o.y
						break
					}
				}
			}
			if a.d > 0 && a.y > 0 && a.d > daysIn(a.y, a.mo) {
				w.fmtOK = false
				continue
			}
		}
		if w.hasEnd && w.b.y == 0 && a.y > 0 && w.b.mo > 0 {
			w.b.y = a.y
			if w.b.mo < a.mo {
				w.b.y++
			}
		}
		if w.before > 0 {
			// 年底前, 2025年前, 明年6月之前: from the reference up to a later date
			if s.inst && s.hasRef && a.y > 0 && s.laterThanRef(a) {
				if !w.hasEnd {
					w.b = *a
				}
				setInstant(a, time.Date(s.ry, time.Month(s.rm), s.rd, s.rh, s.rmi, s.rs, 0, time.UTC))
				w.hasEnd = true
			} else {
				w.end = w.before
			}
		}
		if w.hasEnd && w.b.y > 0 && w.b.mo > 0 && w.b.d > daysIn(w.b.y, w.b.mo) {
			w.b.d = daysIn(w.b.y, w.b.mo) // 2月底 in a common year
		}
		if w.since > 0 {
			// 去年9月起, 从2001年起至今: from the date up to the reference
			if s.inst && s.hasRef && !w.hasEnd && a.y > 0 && !s.laterThanRef(a) {
				w.b = newPt()
				setInstant(&w.b, time.Date(s.ry, time.Month(s.rm), s.rd, s.rh, s.rmi, s.rs, 0, time.UTC))
				x := time.Date(a.y, time.Month(max(a.mo, 1)), max(a.d, 1), max(a.h, 0), max(a.mi, 0), max(a.s, 0), 0, time.UTC)
				if a.h == 24 {
					x = time.Date(a.y, time.Month(max(a.mo, 1)), max(a.d, 1), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
				}
				setInstant(a, x)
				a.pod = ""
				w.hasEnd = true
			} else {
				w.end = w.since
			}
		}
		// with Instants a range starts at its end's grain when that is
		// finer: 2014年11月到下个月9号 starts 2014-11-01
		if s.inst && w.hasEnd && a.y > 0 && w.b.g > a.g && w.b.g <= gDay && (a.g == gYear || a.g == gMonth) {
			if a.g == gYear {
				a.mo, a.g = 1, gMonth
			}
			if w.b.g == gDay {
				a.d, a.g = 1, gDay
			}
		}
		norm24(a)
		if w.hasEnd {
			norm24(&w.b)
			if w.b.g >= gHour && w.b.y == 0 && w.b.mo == 0 && a.y > 0 {
				w.b.y, w.b.mo, w.b.d = a.y, a.mo, a.d
			}
		}
		if a.y > 0 && (a.yearAbs || !a.relDay) {
			sentYear, sentYearIdx = a.y, sent
			if a.yearAbs {
				textYear = a.y
			}
		}
		if a.d > 0 {
			lastDay, lastDaySent, haveLast = *a, sent, true
		}
	}
}

// fromLunar turns a date of the Chinese calendar in lunar year y into a
// Gregorian one; a month alone becomes its first day with its last as End.
func fromLunar(a *pt, y int, w *raw) bool {
	start, n, ok := lunarMonth(y, a.mo, a.leap)
	if !ok || a.d > n {
		return false
	}
	if a.d == 0 {
		a.setDate(dayDate(start))
		if a.g < gDay {
			a.g = gDay
		}
		if !w.hasEnd {
			w.b = *a
			w.b.setDate(dayDate(start + n - 1))
			w.hasEnd = true
		}
	} else {
		a.setDate(dayDate(start + a.d - 1))
	}
	a.lunar, a.leap = false, false
	if w.hasEnd && w.b.lunar {
		if w.b.y == 0 {
			w.b.y = y
		}
		bs, bn, ok := lunarMonth(w.b.y, w.b.mo, w.b.leap)
		if !ok || w.b.d > bn {
			w.hasEnd = false
		} else {
			w.b.setDate(dayDate(bs + max(w.b.d, 1) - 1))
			w.b.lunar = false
		}
	}
	return true
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// norm24 turns 24:00 into 00:00 of the next day.
func norm24(t *pt) {
	if t.h == 24 {
		t.h = 0
		if t.y > 0 && t.mo > 0 && t.d > 0 {
			t.setDate(mkdate(t.y, t.mo, t.d).AddDate(0, 0, 1))
		}
	}
}
