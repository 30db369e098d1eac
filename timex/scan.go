package timex

import (
	"sync"
	"time"
	"unicode/utf8"
)

type scanner struct {
	r                       []rune
	n                       int
	hasRef, fwd             bool
	inst                    bool // Options.Instants: the time-parser reading
	ahead                   bool // bare weekdays and holidays look forward (Forward or Instants)
	ry, rm, rd, rh, rmi, rs int
	prec                    int // what the reference gives: gYear, gMonth or gSecond
}

func (s *scanner) at(i int) rune {
	if i >= 0 && i < s.n {
		return s.r[i]
	}
	return 0
}

// lit reports which of words is written at i (the first that matches; list
// longer words first) and where it ends.
func (s *scanner) lit(i int, words ...string) (int, int) {
	if i >= s.n {
		return -1, i
	}
	c0 := s.r[i]
	var buf [utf8.UTFMax]byte
	nb := utf8.EncodeRune(buf[:], c0)
	for k, w := range words {
		if len(w) < nb || w[nb-1] != buf[nb-1] || w[0] != buf[0] || nb > 2 && w[1] != buf[1] || nb > 3 && w[2] != buf[2] {
			continue
		}
		j := i + 1
		ok := true
		for _, c := range w[nb:] {
			if j >= s.n || s.r[j] != c {
				ok = false
				break
			}
			j++
		}
		if ok {
			return k, j
		}
	}
	return -1, i
}

func (s *scanner) is(i int, w string) (int, bool) {
	k, e := s.lit(i, w)
	return e, k == 0
}

// sp skips blanks inside an expression (not line breaks).
func (s *scanner) sp(i int) int {
	for i < s.n && (s.r[i] == ' ' || s.r[i] == '\u3000' || s.r[i] == '\t' || s.r[i] == '\u00a0') {
		i++
	}
	return i
}

func mkdate(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func (t *pt) setDate(x time.Time) { t.y, t.mo, t.d = x.Year(), int(x.Month()), x.Day() }

func daysIn(y, m int) int {
	if y <= 0 {
		y = 2000
	}
	return mkdate(y, m+1, 0).Day()
}

func (s *scanner) refDate() time.Time { return mkdate(s.ry, s.rm, s.rd) }

func isPunct(c rune) bool {
	switch c {
	case 0, ' ', '\u3000', '\t', '\n', '\r', '\u00a0', '，', ',', '。', '.', '、', '；', ';', '：', ':', '！', '!', '？', '?',
		'（', '(', '）', ')', '“', '”', '"', '‘', '’', '\'', '《', '》', '【', '】', '[', ']', '…', '—', '-', '~', '～', '|', '/', '·':
		return true
	}
	return false
}

func isSentenceEnd(c rune) bool {
	switch c {
	case '。', '！', '？', '!', '?', '\n', '；', ';':
		return true
	}
	return false
}

// connector reads a range connector at i: 至, 到, -, —, ~ ...
func (s *scanner) connector(i int) (int, bool) {
	i = s.sp(i)
	if e, ok := s.is(i, "起至"); ok {
		return s.sp(e), true
	}
	switch s.at(i) {
	case '至', '到', '~', '～', '〜', '–':
		return s.sp(i + 1), true
	case '-', '—', '－':
		j := i
		for j < s.n && (s.r[j] == '-' || s.r[j] == '—' || s.r[j] == '－') && j-i < 4 {
			j++
		}
		return s.sp(j), true
	}
	return i, false
}

func (s *scanner) startable(i int) bool {
	c := s.r[i]
	p := s.at(i - 1)
	if s.at(i-2) == '每' && inRune(p, "天日周週月年个個晚早") {
		return false
	}
	if adigit(c) >= 0 {
		if inRune(p, "-/.:：") && adigit(s.at(i-2)) >= 0 {
			return false
		}
		if adigit(p) >= 0 || inRune(p, "几幾数數余餘/_=&#") || p == '第' || p == '.' || p == '每' || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') {
			return false
		}
		return true
	}
	if isCN(c) {
		return !isCN(p) && !inRune(p, "第每几幾数數余餘")
	}
	return p != '每'
}

func (s *scanner) scan() []raw {
	var out []raw
	kw := startSet()
	ws := worldStart()
	every := -1
	for i := 0; i < s.n; {
		c := s.r[i]
		if c == '每' {
			every = i
		}
		if !(c < 0x10000 && kw[c>>6]&(1<<(c&63)) != 0 || s.inst && (inRune(c, "白全") && s.at(i+1) == '天' || inRune(c, "而依宜") && s.at(i+1) == '家') ||
			c < 0x10000 && ws[c>>6]&(1<<(c&63)) != 0 && s.worldAt(i)) || !s.startable(i) {
			i++
			continue
		}
		w, ok := s.parseAt(i)
		if !ok || w.end <= i {
			i++
			continue
		}
		if w.fmtOK {
			if k, e := s.lit(w.end, "之前", "以前", "前"); k >= 0 && !inRune(s.at(e), "后後夕夜") && !(k == 2 && inRune(s.at(e), "年月天日周週")) {
				w.before, w.end = w.end, e
			}
		}
		if w.fmtOK && w.before == 0 {
			s.sinceSuffix(&w)
		}
		// 每天晚上8点, 每周三: a recurring time is no date
		if w.fmtOK && (every < 0 || i-every > 4) {
			out = append(out, w)
		}
		i = w.end
	}
	return out
}

// startRunes holds the characters a date expression may start with besides
// digits: the first characters of every word the scanner knows.
var startRunes = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for _, c := range "前不近日最上下后後过過再现現此年月中本这這Qq第首大去今明次当當同昨尋聽翌隔星礼禮周週早清晨凌正晌午晏傍晚夜深半东東未接过過闰閏子丑寅卯辰巳午申酉戌亥农農阴陰旧舊夏腊臘冬" {
		m[c] = true
	}
	for c := range firstRunes() {
		m[c] = true
	}
	return m
})

// startSet is startRunes and the digits as a bit set over the BMP.
var startSet = sync.OnceValue(func() *[1024]uint64 {
	var b [1024]uint64
	set := func(c rune) {
		if c < 0x10000 {
			b[c>>6] |= 1 << (c & 63)
		}
	}
	for c := range startRunes() {
		set(c)
	}
	for c := rune(0); c < 0x10000; c++ {
		if isDigitLike(c) {
			set(c)
		}
	}
	return &b
})

// parseAt reads one expression starting at i.
func (s *scanner) parseAt(i int) (raw, bool) {
	c := s.r[i]
	if w, ok := s.span(i); ok {
		return w, true
	}
	if w, ok := s.era(i); ok {
		return w, true
	}
	if w, ok := s.fuzzy(i); ok {
		return w, true
	}
	if w, ok := s.offset(i); ok {
		return w, true
	}
	if w, ok := s.standalone(i); ok {
		return w, true
	}
	a, b, hasEnd, e, ok := s.point(i, nil)
	if ok {
		w := raw{start: i, end: e, a: a, b: b, hasEnd: hasEnd, fmtOK: true}
		if !hasEnd {
			if j, ok := s.connector(e); ok {
				if b2, _, _, e2, ok := s.point(j, &a); ok && s.mergeRange(&w.a, &b2) {
					w.b, w.hasEnd, w.end = b2, true, e2
				}
			}
		}
		// trailing 许/左右/前后 is kept out of the text; 起/止 too
		return w, true
	}
	// a duration: consume it so that its parts are not read as dates
	if adigit(c) >= 0 || isCN(c) || c == '半' {
		if e, ok := s.duration(i); ok {
			return raw{start: i, end: e}, true
		}
	}
	return raw{}, false
}

// mergeRange fills the second point of a range from the first and reports
// whether the range holds (the second point is no earlier than the first).
func (s *scanner) mergeRange(a, b *pt) bool {
	if b.hol != 0 || a.hol != 0 {
		return false
	}
	if !b.hasDate() && b.h < 0 {
		return false
	}
	// 夜间至次日上午, 9点至次日8点: the end is days after the start's day
	if s.inst && b.dayOffset > 0 && b.y == 0 && b.mo == 0 && b.d == 0 && b.h >= 0 && a.h >= 0 && !a.hasDate() {
		return true
	}
	// the second point may not be coarser than what the first gives
	if b.y == 0 && !b.needRef {
		if b.mo == 0 && b.d == 0 {
			if b.h >= 0 && !a.hasDate() && a.h >= 0 && !a.relDay {
				// 9:00-11:30: two clock times
			} else if b.h < 0 || !(a.d > 0 || a.relDay) {
				if a.g == gYear || b.g > gYear {
					if b.g != gYear || a.g != gYear {
						return false
					}
				}
			}
			b.y, b.mo, b.d = a.y, a.mo, a.d
			b.relDay = a.relDay
		} else if b.mo == 0 {
			if a.mo == 0 && !a.relDay {
				return false
			}
			b.y, b.mo = a.y, a.mo
		} else {
			b.y = a.y
		}
		b.yearAbs = a.yearAbs
	}
	if a.g == gYear && b.g != gYear || a.g != gYear && b.g == gYear {
		return false
	}
	if b.g < a.g && a.g >= gHour && b.g < gHour {
		return false
	}
	// order
	ka := [5]int{a.y, a.mo, a.d, max(a.h, 0), max(a.mi, 0)}
	kb := [5]int{b.y, b.mo, b.d, max(b.h, 0), max(b.mi, 0)}
	if a.y == 0 || b.y == 0 {
		ka[0], kb[0] = 0, 0
		if a.y == 0 && b.y == 0 && kb[1] < ka[1] {
			return true // 12月28日至1月3日: the end is in the next year
		}
	}
	for k := range ka {
		if kb[k] != ka[k] {
			return kb[k] > ka[k]
		}
	}
	return true
}

// point reads a sequence of date and time parts: year, month, day, weekday,
// part of day, clock time. base is the first point of a range, whose part of
// the day applies to a bare clock time.
func (s *scanner) point(i int, base *pt) (a, b pt, hasEnd bool, end int, ok bool) {
	a = newPt()
	b = newPt()
	pos := i
	var hy, hm, hd, hw, hp, ht bool
	nparts := 0
	lunar := false
	for {
		q := pos
		if nparts == 0 && s.inst {
			// with Instants a holiday name comes first: 农历新年, 正月朔日
			if _, e, ok := s.holiday(q, &a); ok {
				pos, hd = e, true
				nparts++
				continue
			}
		}
		if !lunar && !hm {
			// 农历八月十五, 阴历二〇二一年六月
			if k, e := s.lit(q, "农历", "農曆", "阴历", "陰曆", "旧历", "舊曆", "夏历", "夏曆"); k >= 0 {
				q, lunar = e, true
			}
		}
		if nparts > 0 {
			q = s.sp(pos)
			if s.at(q) == '的' && nparts > 0 {
				// 十月的第一个星期一, 8月份的第一个周二
				if s.at(q+1) == '第' {
					q++
				}
			}
		}
		if nparts == 0 {
			if t, e, ok := s.numericDate(q); ok {
				a = t
				pos, hy, hm, hd = e, t.y != 0, t.mo != 0, t.d != 0
				if t.g >= gHour {
					ht = true
				}
				nparts++
				if t.g == gMonth {
					// 1999.08-2002.02
				}
				continue
			}
		}
		if !hy && !hm && !hd && !ht && !hw {
			if t, tb, he, e, ok := s.year(q, a); ok {
				a, pos, hy = t, e, true
				if he {
					b, hasEnd = tb, true
					end = e
					return a, b, hasEnd, end, true
				}
				if t.g != gYear {
					hm = true
				}
				nparts++
				continue
			}
		}
		if !hm && !hd && !ht && !hw {
			if t, tb, he, e, ok := s.month(q, a, hy); ok {
				a, pos, hm = t, e, true
				if lunar {
					a.lunar = true
				}
				if t.d != 0 {
					hd = true
				}
				nparts++
				if he {
					b, hasEnd = tb, true
					return a, b, hasEnd, e, true
				}
				continue
			}
		}
		if !hd && !ht && !hw {
			if t, tb, he, e, ok := s.day(q, a, hy, hm, nparts == 0); ok {
				a, pos, hd = t, e, true
				nparts++
				if he {
					b, hasEnd = tb, true
					return a, b, hasEnd, e, true
				}
				continue
			}
		}
		if !hw && !ht && !hp {
			if t, e, ok := s.weekday(q, a, hy || hm || hd, nparts == 0); ok {
				a, pos, hw = t, e, true
				if t.d != 0 || t.relDay {
					hd = true
				}
				nparts++
				continue
			}
		}
		if !hp && !ht {
			if t, e, ok := s.partOfDay(q, a, hd || hw); ok {
				a, pos, hp = t, e, true
				nparts++
				continue
			}
		}
		if !ht {
			pod := a.pod
			if pod == "" && base != nil && !a.hasDate() {
				pod = base.pod
			}
			if t, e, ok := s.clock(q, a, pod, nparts > 0); ok {
				a, pos, ht = t, e, true
				nparts++
				// 下午3点至5点: a range of clock times inside one day
				continue
			}
		}
		break
	}
	if nparts == 0 {
		return a, b, false, i, false
	}
	if a.g == gNone {
		return a, b, false, i, false
	}
	// a lone part of the day (上午, 晚上) is no date; with Instants it is
	// its first hour, on the day of a bare clock time (the previous date
	// of the sentence, else the reference day)
	if !a.hasDate() && a.h < 0 && !a.relDay && !a.needRef && a.g == gDay && !hw {
		if !s.inst || a.podh == 0 || !s.hasRef && base == nil {
			return a, b, false, i, false
		}
		a.h, a.mi, a.g, a.h24 = a.podh-1, 0, gHour, true
	}
	// with Instants, a part of the day with a day and no clock time is its
	// first hour (6月24日下午 is 13:00), part_of_day kept; by default the
	// day (the annotation reading)
	if s.inst && a.h < 0 && a.podh > 0 && a.g == gDay {
		a.h, a.mi, a.g = a.podh-1, 0, gHour
	}
	// 星期天晚上 on a Sunday afternoon is tonight: a bare weekday is the
	// next one whose time is still to come
	if a.wdNext {
		if a.h >= 0 && (a.h > s.rh || a.h == s.rh && max(a.mi, 0) > s.rmi) {
			a.setDate(mkdate(a.y, a.mo, a.d).AddDate(0, 0, -7))
		}
		a.wdNext = false
	}
	return a, b, false, pos, true
}

// sinceSuffix marks a date followed by 起, 至今 or 到现在 (去年9月起,
// 从2001年起至今, 去年到现在), and with Instants a range that ends
// 到今天/到现在: with Instants resolve makes it the span from the date up
// to the reference when the date is not later than the reference; by
// default the suffix is only skipped and the date keeps its grain.
func (s *scanner) sinceSuffix(w *raw) {
	if w.hasEnd {
		if !s.inst {
			return // 从上个月到今天 stays a range
		}
		// 从上个月到今天: a range whose end is the reference day
		for _, now := range [...]string{"今天", "今日", "现在", "現在", "目前"} {
			if j := s.wordBefore(w.end, now); j > 0 && inRune(s.at(j-1), "到至") && w.b.relDay {
				w.hasEnd, w.since = false, w.end
				return
			}
		}
		return
	}
	k, e := s.lit(w.end, "起至今", "起到现在", "起到現在", "起至现在", "至今", "到现在", "到現在", "到今天", "至现在", "到目前", "起")
	if k < 0 {
		return
	}
	if k == 10 {
		// 起诉, 起草; 5月8日起至6月 is a range read elsewhere
		if inRune(s.at(e), "诉訴草飞飛步点點源码碼因身见見来來义義航跑价價床火") || inRune(s.at(e), "至到") && s.at(e+1) != '今' {
			return
		}
	}
	w.since, w.end = w.end, e
}
