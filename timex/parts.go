package timex

import (
	"strings"
	"time"
)

func inRune(c rune, set string) bool { return c != 0 && strings.ContainsRune(set, c) }

// numericDate reads 2021-07-06, 2021/7/6, 2021.07.06, 20210706, 2021-07,
// 10/31/1974 and 09-01.
func (s *scanner) numericDate(q int) (pt, int, bool) {
	t := newPt()
	n1, ok := readNum(s.r, q)
	if !ok || !n1.arabic {
		return t, q, false
	}
	e := n1.end
	sep := s.at(e)
	isSep := func(c rune) bool { return c == '-' || c == '/' || c == '.' || c == '．' || c == '－' }
	if n1.nd == 8 && n1.v/10000 >= 1900 && n1.v/10000 <= 2100 {
		y, m, d := n1.v/10000, n1.v/100%100, n1.v%100
		if m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) && !isSep(sep) && !inRune(sep, "年万元亿%") {
			t.y, t.mo, t.d, t.g, t.yearAbs = y, m, d, gDay, true
			return t, e, true
		}
		return t, q, false
	}
	if n1.nd == 4 && n1.v >= 1900 && n1.v <= 2100 && isSep(sep) {
		n2, ok := readNum(s.r, e+1)
		if !ok || !n2.arabic || n2.nd > 2 || n2.v < 1 || n2.v > 12 {
			return t, q, false
		}
		e2 := n2.end
		if c := s.at(e2); isSep(c) && (c == sep || c != '/' && sep != '/') {
			if n3, ok := readNum(s.r, e2+1); ok && n3.arabic && n3.nd == 4 && inRune(s.at(n3.end), ":：") {
				// 2018-12-1209:03: the day and the hour run together
				if d, h := n3.v/100, n3.v%100; d >= 1 && d <= daysIn(n1.v, n2.v) && h <= 23 {
					if m, ok := readNum(s.r, n3.end+1); ok && m.arabic && m.nd == 2 && m.v <= 59 {
						t.y, t.mo, t.d, t.h, t.mi, t.g, t.yearAbs = n1.v, n2.v, d, h, m.v, gMinute, true
						return t, m.end, true
					}
				}
			}
			if n3, ok := readNum(s.r, e2+1); ok && n3.arabic && n3.nd <= 2 && n3.v >= 1 && n3.v <= daysIn(n1.v, n2.v) && s.at(n3.end) == '-' {
				// 2021-09-12-11：23
				if h, ok := readNum(s.r, n3.end+1); ok && h.arabic && h.nd <= 2 && h.v <= 23 && inRune(s.at(h.end), ":：") {
					if m, ok := readNum(s.r, h.end+1); ok && m.arabic && m.nd == 2 && m.v <= 59 {
						t.y, t.mo, t.d, t.h, t.mi, t.g, t.yearAbs = n1.v, n2.v, n3.v, h.v, m.v, gMinute, true
						return t, m.end, true
					}
				}
			}
			if n3, ok := readNum(s.r, e2+1); ok && n3.arabic && n3.nd <= 2 && n3.v >= 1 && n3.v <= daysIn(n1.v, n2.v) {
				if c3 := s.at(n3.end); !(isSep(c3) && adigit(s.at(n3.end+1)) >= 0) && !inRune(c3, "%万元") {
					t.y, t.mo, t.d, t.g, t.yearAbs = n1.v, n2.v, n3.v, gDay, true
					e3 := n3.end
					if inRune(s.at(e3), "日号號") {
						e3++
					}
					return t, e3, true
				}
			}
			if c == sep || c == '/' || sep == '/' {
				return t, q, false
			}
		}
		if n2.nd == 2 && sep != '/' && !inRune(s.at(e2), "%万元亿") && !(s.at(e2) == sep && adigit(s.at(e2+1)) >= 0) || s.at(e2) == '月' {
			t.y, t.mo, t.g, t.yearAbs = n1.v, n2.v, gMonth, true
			if s.at(e2) == '月' {
				e2++
			}
			return t, e2, true
		}
		return t, q, false
	}
	if n1.nd <= 2 && (sep == '/' || sep == '-') {
		n2, ok := readNum(s.r, e+1)
		if !ok || !n2.arabic || n2.nd > 2 {
			return t, q, false
		}
		if sep == '/' && s.at(n2.end) == '/' {
			// 10/31/1974
			n3, ok := readNum(s.r, n2.end+1)
			if ok && n3.arabic && n3.nd == 4 && n3.v >= 1900 && n3.v <= 2100 && n1.v >= 1 && n1.v <= 12 && n2.v >= 1 && n2.v <= daysIn(n3.v, n1.v) {
				t.y, t.mo, t.d, t.g, t.yearAbs = n3.v, n1.v, n2.v, gDay, true
				return t, n3.end, true
			}
			// 3/3/15, 10/31/74: month, day, two-digit year
			if ok && n3.arabic && n3.nd == 2 && n1.v >= 1 && n1.v <= 12 && n2.v >= 1 && n2.v <= daysIn(0, n1.v) && s.plainEnd(n3.end) {
				t.y, t.mo, t.d, t.g, t.yearAbs = s.twoDigitYear(n3.v), n1.v, n2.v, gDay, true
				return t, n3.end, true
			}
			return t, q, false
		}
		if n1.v < 1 || n1.v > 12 || n2.v < 1 || n2.v > daysIn(0, n1.v) {
			return t, q, false
		}
		after := s.at(n2.end)
		if inRune(after, "日号號") {
			t.mo, t.d, t.g = n1.v, n2.v, gDay
			return t, n2.end + 1, true
		}
		if sep == '-' && n1.nd == 2 && n2.nd == 2 && !isSep(after) && adigit(after) < 0 && after != ':' {
			t.mo, t.d, t.g = n1.v, n2.v, gDay
			return t, n2.end, true
		}
		// 2/15, 6-3 standing alone: a month and a day, not a fraction or a score
		if s.plainStart(q) && s.plainEnd(n2.end) {
			t.mo, t.d, t.g = n1.v, n2.v, gDay
			return t, n2.end, true
		}
	}
	// 6·30: a date named by its month and day
	if n1.nd <= 2 && (sep == '·' || sep == '•' || sep == '.' && s.plainStart(q)) && n1.v >= 1 && n1.v <= 12 {
		if n2, ok := readNum(s.r, e+1); ok && n2.arabic && n2.nd <= 2 && n2.v >= 1 && n2.v <= daysIn(0, n1.v) && (sep != '.' || n2.nd == 2 || s.plainEnd(n2.end)) && s.plainEnd(n2.end) {
			if sep == '.' && n2.nd == 1 {
				return t, q, false
			}
			t.mo, t.d, t.g = n1.v, n2.v, gDay
			return t, n2.end, true
		}
	}
	// 2022 11 23: year, month and day parted by single blanks
	if n1.nd == 4 && n1.v >= 1900 && n1.v <= 2100 && sep == ' ' {
		if n2, ok := readNum(s.r, e+1); ok && n2.arabic && n2.nd <= 2 && n2.v >= 1 && n2.v <= 12 && s.at(n2.end) == ' ' {
			if n3, ok := readNum(s.r, n2.end+1); ok && n3.arabic && n3.nd <= 2 && n3.v >= 1 && n3.v <= daysIn(n1.v, n2.v) && s.plainEnd(n3.end) {
				t.y, t.mo, t.d, t.g, t.yearAbs = n1.v, n2.v, n3.v, gDay, true
				return t, n3.end, true
			}
		}
	}
	return t, q, false
}

// plainStart reports whether a number at i stands alone on its left: at the
// start, after a blank or after punctuation that does not join numbers.
func (s *scanner) plainStart(i int) bool {
	p := s.at(i - 1)
	return p == 0 || p == ' ' || p == '\n' || p == '\t' || p == '\u3000' || inRune(p, "，。、；：！？（“‘《【,;!?(")
}

// plainEnd reports whether what ends at i stands alone on its right.
func (s *scanner) plainEnd(i int) bool {
	c := s.at(i)
	return c == 0 || c == ' ' || c == '\n' || c == '\t' || c == '\u3000' || inRune(c, "，。、；！？）”’》】,;!?)")
}

var relYears = [...]struct {
	w   string
	off int
}{
	{"大前年", -3}, {"前年", -2}, {"去年", -1}, {"上一年", -1}, {"上年", -1}, {"今年", 0}, {"本年", 0},
	{"这一年", 0}, {"這一年", 0}, {"明年", 1}, {"下一年", 1}, {"下年", 1}, {"次年", 1}, {"大后年", 3}, {"大後年", 3},
	{"后年", 2}, {"後年", 2},
}

// twoDigitYear maps 98年 and 21年 to a full year.
func (s *scanner) twoDigitYear(v int) int {
	if s.hasRef {
		best := 0
		for _, c := range []int{1900, 2000, 2100} {
			y := c + v
			if best == 0 || abs(y-s.ry) < abs(best-s.ry) {
				best = y
			}
		}
		return best
	}
	if v <= 50 {
		return 2000 + v
	}
	return 1900 + v
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (s *scanner) year(q int, a pt) (pt, pt, bool, int, bool) {
	t, tb := a, newPt()
	if n, ok := readNum(s.r, q); ok {
		y := 0
		switch {
		case n.v >= 1900 && n.v <= 2100 && (n.nd == 4 && !n.pos || n.pos):
			y = n.v
		case n.nd == 2 && !n.pos:
			y = -1
		}
		if y == 0 {
			return t, tb, false, q, false
		}
		e := n.end
		if y > 0 && s.at(e) != '年' {
			// 2013---2015年度, 2020-2021学年, 2020至2025年
			if j, ok := s.connector(e); ok {
				if n2, ok := readNum(s.r, j); ok && n2.nd == 4 && n2.arabic == n.arabic && n2.v > y && n2.v <= 2100 {
					if k, e2 := s.lit(n2.end, "学年度", "學年度", "学年", "學年", "年度", "年"); k >= 0 {
						t.y, t.g, t.yearAbs = y, gYear, true
						tb = t
						tb.y = n2.v
						return t, tb, true, e2, true
					}
				}
			}
			return t, tb, false, q, false
		}
		if s.at(e) != '年' {
			return t, tb, false, q, false
		}
		e++
		if inRune(s.at(e), "级級届屆代纪紀龄齡轻輕华華薪限均") {
			return t, tb, false, q, false
		}
		if y < 0 {
			// 21年7月, 98年4月, 19年底: only with a month or year-end after it
			ok := s.at(q-1) == '\'' || s.at(q-1) == '’'
			if m, ok2 := readNum(s.r, e); ok2 && m.v >= 1 && m.v <= 12 && s.at(m.end) == '月' {
				ok = true
			}
			if inRune(s.at(e), "底初末") && !inRune(s.at(e+1), "中一二三四五六七八九十") {
				ok = true
			}
			if _, _, ok2 := s.quarter(e); ok2 {
				ok = true
			}
			if s.at(e) == '第' {
				if n2, ok2 := readNum(s.r, e+1); ok2 {
					j := n2.end
					if inRune(s.at(j), "个個") {
						j++
					}
					if k, _ := s.lit(j, "星期", "礼拜", "禮拜", "周", "週"); k >= 0 {
						ok = true // 20年第52周
					}
				}
			}
			if tmp := newPt(); !ok {
				if s.inst {
					tmp.y = -1 // a year is written: 20年小寒 is no weather word
				}
				if _, _, ok2 := s.holiday(e, &tmp); ok2 {
					ok = true // 26年除夕, 零六年端午
				}
			}
			if k, _ := s.lit(e, "上半年", "下半年", "前"); k >= 0 {
				ok = true
			}
			if !ok {
				return t, tb, false, q, false
			}
			y = s.twoDigitYear(n.v)
		}
		if s.at(e) == '度' {
			e++
		}
		t.y, t.g, t.yearAbs = y, gYear, true
		e, tb, he := s.yearMod(e, &t)
		return t, tb, he, e, true
	}
	k, e := s.lit(q, "大前年", "前年", "去年", "上一年", "上年", "今年", "本年", "这一年", "這一年", "明年", "下一年", "下年", "次年", "大后年", "大後年", "后年", "後年")
	if k < 0 {
		return t, tb, false, q, false
	}
	if s.hasRef {
		t.y = s.ry + relYears[k].off
	} else {
		t.needRef = true
	}
	t.g = gYear
	if s.at(e) == '度' {
		e++
	}
	if s.at(e) == '年' && inRune(s.at(e+1), "初底末") {
		e++
	}
	e, tb, he := s.yearMod(e, &t)
	return t, tb, he, e, true
}

// quarter reads 第一季度, 一季度, 首季度, Q1 at i.
func (s *scanner) quarter(i int) (int, int, bool) {
	j := i
	if s.at(j) == 'Q' || s.at(j) == 'q' {
		if d := adigit(s.at(j + 1)); d >= 1 && d <= 4 {
			e := j + 2
			if k, e2 := s.lit(e, "季度"); k >= 0 {
				e = e2
			}
			return d, e, true
		}
		return 0, i, false
	}
	if s.at(j) == '第' {
		j++
	}
	v := 0
	if s.at(j) == '首' {
		v, j = 1, j+1
	} else if n, ok := readNum(s.r, j); ok && n.v >= 1 && n.v <= 4 && n.nd == 1 {
		v, j = n.v, n.end
	} else {
		return 0, i, false
	}
	if k, e := s.lit(j, "季度", "季"); k >= 0 {
		if k == 1 && s.at(i) != '第' {
			return 0, i, false
		}
		return v, e, true
	}
	return 0, i, false
}

// yearMod reads what may follow a year: 初, 底, 上半年, 第一季度, 前三个月,
// 春季学期, 暑假.
func (s *scanner) yearMod(e int, t *pt) (int, pt, bool) {
	tb := newPt()
	c := s.at(e)
	switch {
	case (c == '初') && !inRune(s.at(e+1), "中一二三四五六七八九十级級"):
		t.mo, t.g = 1, gMonth
		return e + 1, tb, false
	case c == '底' || c == '末':
		t.mo, t.g = 12, gMonth
		if !s.inst {
			return e + 1, tb, false
		}
		// with Instants 年底 is the last two months (JioNLP's reading)
		t.mo = 11
		tb = *t
		tb.mo = 12
		return e + 1, tb, true
	}
	if k, e2 := s.lit(e, "伊始", "开年", "開年"); k >= 0 {
		t.mo, t.g = 1, gMonth
		return e2, tb, false
	}
	if k, e2 := s.lit(e, "上半年", "下半年"); k >= 0 {
		tb = *t
		t.mo, tb.mo = 1+6*k, 6+6*k
		t.g, tb.g = gMonth, gMonth
		return e2, tb, true
	}
	if q, e2, ok := s.quarter(e); ok {
		if inRune(s.at(e2), "末底") {
			t.mo, t.g = 3*q, gMonth
			return e2 + 1, tb, false
		}
		if s.at(e2) == '初' {
			t.mo, t.g = 3*q-2, gMonth
			return e2 + 1, tb, false
		}
		tb = *t
		t.mo, tb.mo = 3*q-2, 3*q
		t.g, tb.g = gQuarter, gQuarter
		return e2, tb, true
	}
	if s.at(e) == '前' || inRune(s.at(e), "后後") {
		if n, ok := readNum(s.r, e+1); ok && n.v >= 1 && n.v <= 12 {
			j := n.end
			if inRune(s.at(j), "个個") {
				j++
			}
			if k, e2 := s.lit(j, "季度", "月"); k >= 0 && (k == 1 && n.v <= 12 || k == 0 && n.v <= 4) {
				last := n.v
				if k == 0 {
					last = 3 * n.v
				}
				tb = *t
				t.mo, tb.mo, t.g, tb.g = 1, last, gMonth, gMonth
				if s.at(e) != '前' {
					// 二零二一年后三月: the last months
					t.mo, tb.mo = 13-last, 12
				}
				return e2, tb, true
			}
		}
	}
	// 20年第52周, 今年第三十七个星期: week 1 begins on the year's first Monday
	if s.at(e) == '第' && t.y > 0 {
		if n, ok := readNum(s.r, e+1); ok && n.v >= 1 && n.v <= 53 {
			j := n.end
			if inRune(s.at(j), "个個") {
				j++
			}
			if k, e2 := s.lit(j, "星期", "礼拜", "禮拜", "周", "週"); k >= 0 && weekdayNum(s.at(e2)) == 0 {
				first := mkdate(t.y, 1, 1)
				x := first.AddDate(0, 0, (8-isoWeekday(first))%7+7*(n.v-1))
				t.setDate(x)
				t.g = gWeek
				return e2, tb, false
			}
		}
	}
	// 2021年春, 大前年夏季: from the solar term that opens the season to
	// the day before the next one
	if sn := strings.IndexRune("春夏秋冬", s.at(e)); sn >= 0 && t.y > 0 {
		j := e + 1
		if inRune(s.at(j), "季天") && s.at(j+1) != '度' {
			j++
		}
		if (j > e+1 || isPunct(s.at(j))) && !inRune(s.at(j), "学學") {
			if a, b, ok := season(t.y, sn/3); ok {
				tb = *t
				t.setDate(a)
				tb.setDate(b)
				t.g, tb.g = gDay, gDay
				return j, tb, true
			}
		}
	}
	if k, e2 := s.lit(e, "首月"); k >= 0 {
		t.mo, t.g = 1, gMonth
		return e2, tb, false
	}
	if k, e2 := s.lit(e, "春季学期", "春季學期", "春学期", "春學期", "秋季学期", "秋季學期", "秋学期", "秋學期", "暑假", "寒假"); k >= 0 {
		tb = *t
		switch {
		case k < 4:
			t.mo, tb.mo = 2, 7
		case k < 8:
			t.mo, tb.mo = 9, 1
			tb.y = t.y + 1
			if t.y == 0 {
				tb.y = 0
			}
		case k == 8:
			t.mo, tb.mo = 7, 8
		default:
			t.mo, tb.mo = 1, 2
		}
		t.g, tb.g = gMonth, gMonth
		return e2, tb, true
	}
	return e, tb, false
}

var relMonths = [...]struct {
	w   string
	off int
}{
	{"上上个月", -2}, {"上上個月", -2}, {"下下个月", 2}, {"下下個月", 2}, {"下下月", 2}, {"上一个月", -1}, {"上一個月", -1},
	{"上个月", -1}, {"上個月", -1}, {"上月", -1}, {"下一个月", 1}, {"下一個月", 1}, {"下个月", 1}, {"下個月", 1}, {"下月", 1},
	{"这个月", 0}, {"這個月", 0}, {"这月", 0}, {"本月", 0}, {"今個月", 0}, {"当月", 0}, {"當月", 0}, {"同月", 0},
}

var relMonthWords = func() []string {
	var w []string
	for _, m := range relMonths {
		w = append(w, m.w)
	}
	return w
}()

var relDayWords = func() []string {
	var w []string
	for _, m := range relDays {
		w = append(w, m.w)
	}
	return w
}()

var podWords = func() []string {
	var w []string
	for _, m := range pods {
		w = append(w, m.w)
	}
	return w
}()

func (s *scanner) relMonth(q int) (int, int) {
	return s.lit(q, relMonthWords...)
}

func (s *scanner) month(q int, a pt, hy bool) (pt, pt, bool, int, bool) {
	t, tb := a, newPt()
	e := q
	// the months of the Chinese calendar: 正月, 腊月, 冬月, 大年初十
	if k, e2 := s.lit(q, "正月", "腊月", "臘月", "冬月", "大年"); k >= 0 {
		if k == 4 && s.at(e2) != '初' {
			return t, tb, false, q, false
		}
		t.mo, t.g, t.lunar = [...]int{1, 12, 12, 11, 1}[k], gMonth, true
		if !hy {
			t.y = 0
		}
		return t, tb, false, e2, true
	}
	leap := false
	if inRune(s.at(q), "闰閏") {
		if n, ok := readNum(s.r, q+1); ok && s.at(n.end) == '月' {
			leap = true
			q++
		}
	}
	if n, ok := readNum(s.r, q); ok {
		if n.v < 1 || n.v > 12 || n.arabic && n.nd > 2 || n.liang {
			return t, tb, false, q, false
		}
		// 3月至5月, 2018年1－9月份
		if s.at(n.end) != '月' {
			if j, ok := s.connector(n.end); ok {
				if n2, ok := readNum(s.r, j); ok && n2.v > n.v && n2.v <= 12 && s.at(n2.end) == '月' {
					t.mo, t.g = n.v, gMonth
					tb = t
					tb.mo = n2.v
					e = n2.end + 1
					if s.at(e) == '份' {
						e++
					}
					return t, tb, true, e, true
				}
			}
			return t, tb, false, q, false
		}
		e = n.end + 1
		if inRune(s.at(e), "薪饼餅光球台臺亮嫂票刊费費息供") {
			return t, tb, false, q, false
		}
		if s.at(e) == '份' {
			e++
		}
		t.mo, t.g = n.v, gMonth
		if leap {
			t.lunar, t.leap = true, true
		}
		if !hy {
			t.y = 0
		}
	} else {
		if hy {
			return t, tb, false, q, false
		}
		k, e2 := s.relMonth(q)
		if k < 0 {
			return t, tb, false, q, false
		}
		e = e2
		if s.hasRef {
			x := mkdate(s.ry, s.rm+relMonths[k].off, 1)
			t.y, t.mo = x.Year(), int(x.Month())
		} else {
			t.needRef = true
		}
		t.g = gMonth
	}
	// modifiers
	if k, e2 := s.lit(e, "月底", "月末", "月初", "上旬", "中旬", "下旬", "中下旬", "上中旬"); k >= 0 {
		if tb, ok := s.monthPart(&t, [...]int{2, 2, 1, 3, 0, 4, 5, 6}[k]); ok {
			return t, tb, true, e2, true
		}
		return t, tb, false, e2, true
	}
	if inRune(s.at(e), "底末") || s.at(e) == '初' && !inRune(s.at(e+1), "中一二三四五六七八九十级級") {
		part := 2
		if s.at(e) == '初' {
			part = 1
		}
		tb, ok := s.monthPart(&t, part)
		return t, tb, ok, e + 1, true
	}
	// 这个月前两天, 4月前4天, 上月最后五天
	if k, e2 := s.lit(e, "的前", "前", "头", "頭", "的最后", "的最後", "最后", "最後"); k >= 0 {
		if n, ok := readNum(s.r, e2); ok && n.v >= 1 && n.v <= 20 && s.at(n.end) == '天' {
			tb = t
			t.g, tb.g = gDay, gDay
			if k < 4 {
				t.d, tb.d = 1, n.v
			} else {
				tb.d = daysIn(t.y, t.mo)
				t.d = tb.d - n.v + 1
			}
			return t, tb, true, n.end + 1, true
		}
	}
	j := e
	if s.at(j) == '的' {
		j++
	}
	if s.at(j) == '第' && t.mo > 0 {
		if n, ok := readNum(s.r, j+1); ok && n.v >= 1 && n.v <= 5 {
			k := n.end
			if inRune(s.at(k), "个個") {
				k++
			}
			if w, e3 := s.lit(k, "星期", "礼拜", "禮拜", "周", "週"); w >= 0 {
				if wd := weekdayNum(s.at(e3)); wd > 0 && t.y > 0 || wd > 0 && s.hasRef {
					y := t.y
					if y == 0 {
						y = s.nearYear(t.mo, 1)
					}
					first := mkdate(y, t.mo, 1)
					off := (wd - isoWeekday(first) + 7) % 7
					x := first.AddDate(0, 0, off+7*(n.v-1))
					if int(x.Month()) == t.mo {
						t.setDate(x)
						t.g = gDay
						return t, tb, false, e3 + 1, true
					}
				} else if wd == 0 && (t.y > 0 || s.hasRef) {
					y := t.y
					if y == 0 {
						y = s.nearYear(t.mo, 1)
					}
					first := mkdate(y, t.mo, 1)
					off := (1 - isoWeekday(first) + 7) % 7
					x := first.AddDate(0, 0, off+7*(n.v-1))
					t.setDate(x)
					t.g = gWeek
					return t, tb, false, e3, true
				}
			}
		}
	}
	return t, tb, false, e, true
}

// nearYear is the year that puts month m, day d nearest the reference.
func (s *scanner) nearYear(m, d int) int {
	if !s.hasRef {
		return 0
	}
	if s.prec == gYear && !s.fwd {
		return s.ry
	}
	ref := s.refDate()
	if !s.fwd {
		// the reference's own year unless that is more than eight months
		// away and an adjacent year is nearer (12月30日 in a page of
		// 2022-01-05 is 2021-12-30; 9月30日 in one of 2008-03-13 is 2008)
		x := mkdate(s.ry, m, min(d, daysIn(s.ry, m)))
		if absDur(x.Sub(ref)) <= 240*24*time.Hour {
			return s.ry
		}
	}
	best, bestDist := 0, 0
	for y := s.ry - 1; y <= s.ry+1; y++ {
		dd := min(d, daysIn(y, m))
		x := mkdate(y, m, dd)
		dist := x.Sub(ref)
		if s.fwd {
			if dist < 0 {
				continue
			}
			return y
		}
		if dist < 0 {
			dist = -dist
		}
		if best == 0 || int(dist/time.Hour) < bestDist {
			best, bestDist = y, int(dist/time.Hour)
		}
	}
	return best
}

func isoWeekday(x time.Time) int {
	w := int(x.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

func weekdayNum(c rune) int {
	switch c {
	case '一', '1', '１':
		return 1
	case '二', '2', '２':
		return 2
	case '三', '3', '３':
		return 3
	case '四', '4', '４':
		return 4
	case '五', '5', '５':
		return 5
	case '六', '6', '６':
		return 6
	case '日', '天', '七', '7', '７':
		return 7
	}
	return 0
}

var relDays = [...]struct {
	w   string
	off int
	pod string
}{
	{"大大后天", 4, ""}, {"大大後天", 4, ""}, {"大前天", -3, ""}, {"大前日", -3, ""}, {"大后天", 3, ""}, {"大後天", 3, ""}, {"大後日", 3, ""}, {"大后日", 3, ""},
	{"今天", 0, ""}, {"今日", 0, ""}, {"本日", 0, ""}, {"当天", 0, ""}, {"當天", 0, ""}, {"当日", 0, ""}, {"當日", 0, ""},
	{"今晚", 0, "evening"}, {"今早", 0, "morning"}, {"今晨", 0, "morning"}, {"今夜", 0, "night"}, {"当晚", 0, "evening"}, {"當晚", 0, "evening"},
	{"昨天", -1, ""}, {"昨日", -1, ""}, {"尋日", -1, ""}, {"昨晚", -1, "evening"}, {"昨夜", -1, "night"}, {"昨早", -1, "morning"},
	{"前天", -2, ""}, {"前日", -2, ""},
	{"明天", 1, ""}, {"明日", 1, ""}, {"聽日", 1, ""}, {"明早", 1, "morning"}, {"明晨", 1, "morning"}, {"明晚", 1, "evening"},
	{"后天", 2, ""}, {"後天", 2, ""}, {"後日", 2, ""}, {"后日", 2, ""},
}

func (s *scanner) day(q int, a pt, hy, hm, first bool) (pt, pt, bool, int, bool) {
	t, tb := a, newPt()
	// 初五, 正月初8: a day of the Chinese calendar
	if s.at(q) == '初' && hm {
		if n, ok := readNum(s.r, q+1); ok && n.v >= 1 && n.v <= 10 && (n.nd == 1 || n.v == 10) {
			e := n.end
			if inRune(s.at(e), "日号號") {
				e++
			}
			t.d, t.g, t.lunar = n.v, gDay, true
			return t, tb, false, e, true
		}
	}
	if n, ok := readNum(s.r, q); ok {
		if t2, tb2, he, e, ok := s.dayNum(q, n, a, hy, hm); ok {
			return t2, tb2, he, e, true
		}
		if !hy && !hm {
			// with Instants the holidays named by numbers: 五旬节, 五四青年节
			if s.inst {
				if _, e, ok := s.holiday(q, &t); ok {
					return t, tb, false, e, true
				}
			}
			return t, tb, false, q, false
		}
	}
	// 第三天 counts from the previous date (第二天 is 次日), 2025年第十天 from
	// the first day of the year
	if s.at(q) == '第' && !hm {
		if n, ok := readNum(s.r, q+1); ok && n.v >= 1 && n.v <= 366 && inRune(s.at(n.end), "天日") && !inRune(s.at(n.end+1), "内內以之里裡") {
			switch {
			case hy && t.y > 0:
				t.setDate(mkdate(t.y, 1, 1).AddDate(0, 0, n.v-1))
				t.g = gDay
				return t, tb, false, n.end + 1, true
			case !hy && n.v >= 2 && n.v <= 31 && (isPunct(s.at(q-1)) || inRune(s.at(q-1), "从從自至到于於在")) &&
				(inRune(s.at(n.end+1), "上下早晚中凌夜傍午起开開") || isDigitLike(s.at(n.end+1))):
				// 第三天上午, 第三天起; 比赛第3天 and 第3天 alone count from an event
				t.g, t.dayOffset, t.relDay = gDay, n.v-1, true
				return t, tb, false, n.end + 1, true
			}
		}
	}
	if hy || hm {
		if h, e, ok := s.holiday(q, &t); ok {
			_ = h
			return t, tb, false, e, true
		}
		return t, tb, false, q, false
	}
	if k, e := s.lit(q, relDayWords...); k >= 0 {
		rd := &relDays[k]
		{
			if s.hasRef {
				t.setDate(s.refDate().AddDate(0, 0, rd.off))
				t.relDay = true
			} else {
				t.needRef = true
			}
			t.g, t.pod = gDay, rd.pod
			switch rd.pod {
			case "morning":
				t.podh = 6 + 1
			case "evening":
				t.podh = 18 + 1
			case "night":
				t.podh = 20 + 1
			}
			return t, tb, false, e, true
		}
	}
	// 今(26)日
	if s.at(q) == '今' && (s.at(q+1) == '(' || s.at(q+1) == '（') {
		if n, ok := readNum(s.r, q+2); ok && n.v >= 1 && n.v <= 31 && (s.at(n.end) == ')' || s.at(n.end) == '）') && s.at(n.end+1) == '日' {
			t.d, t.g = n.v, gDay
			return t, tb, false, n.end + 2, true
		}
	}
	if k, e := s.lit(q, "次日", "翌日", "隔天", "隔日", "第二天"); k >= 0 {
		t.g, t.dayOffset = gDay, 1
		t.relDay = true
		return t, tb, false, e, true
	}
	if _, e, ok := s.holiday(q, &t); ok {
		return t, tb, false, e, true
	}
	return t, tb, false, q, false
}

// damaged reads a date whose 月 was lost: 624日 is 6月24日.
func (s *scanner) damaged(n num, a pt) (pt, bool) {
	t := a
	v, nd := n.v, n.nd
	type md struct{ m, d int }
	var cands []md
	for split := 1; split < nd; split++ {
		p := 1
		for range nd - split {
			p *= 10
		}
		m, d := v/p, v%p
		// the day keeps its digits: 605 is no 6月5日
		if nd-split == 2 && d < 10 {
			continue
		}
		if m >= 1 && m <= 12 && d >= 1 && d <= daysIn(0, m) {
			cands = append(cands, md{m, d})
		}
	}
	if len(cands) == 0 {
		return t, false
	}
	best := cands[0]
	if len(cands) > 1 && s.hasRef {
		ref := s.refDate()
		bd := time.Duration(-1)
		for _, c := range cands {
			y := s.nearYear(c.m, c.d)
			dist := mkdate(y, c.m, c.d).Sub(ref)
			if dist < 0 {
				dist = -dist
			}
			if bd < 0 || dist < bd {
				bd, best = dist, c
			}
		}
	}
	t.mo, t.d, t.g = best.m, best.d, gDay
	return t, true
}

func (s *scanner) weekday(q int, a pt, hasDate, first bool) (pt, int, bool) {
	t := a
	j := q
	paren := false
	if hasDate && (s.at(j) == '(' || s.at(j) == '（') {
		paren = true
		j++
	}
	off, pre := 0, false
	if k, e := s.lit(j, "这个", "這個", "这一", "這一", "今個", "本", "这", "這", "今"); k >= 0 {
		j, pre = e, true
	} else {
		cnt := 0
		for s.at(j) == '上' || s.at(j) == '下' {
			if s.at(j) == '上' {
				off--
			} else {
				off++
			}
			cnt++
			j++
		}
		if cnt > 3 {
			return t, q, false
		}
		if cnt > 0 {
			pre = true
			if inRune(s.at(j), "个個") || s.at(j) == '一' {
				j++
			}
		}
	}
	w, e := s.lit(j, "星期", "礼拜", "禮拜", "周", "週")
	if w < 0 {
		return t, q, false
	}
	if pre {
		if k, e2 := s.lit(e, "周", "週", "星期"); k >= 0 && weekdayNum(s.at(e2)) > 0 {
			e = e2
		}
	}
	e2 := e
	if pre {
		e2 = s.sp(e)
	}
	wd := weekdayNum(s.at(e2))
	if wd > 0 && (w == 3 || w == 4) && s.at(e2) == '天' && !pre {
		wd = 0 // 周天 is rare; 一周天数
	}
	if wd > 0 && adigit(s.at(e2)) >= 0 && adigit(s.at(e2+1)) >= 0 {
		wd = 0
	}
	if wd == 0 {
		if !pre || hasDate {
			return t, q, false
		}
		if s.at(e) == '末' {
			wd, e2 = 6, e
		} else {
			if inRune(s.at(e), "年岁歲期刊报報边邊围圍") || w == 0 && s.at(e) == '几' {
				return t, q, false
			}
			if !s.hasRef {
				t.needRef = true
				t.g = gWeek
				return t, e, true
			}
			ref := s.refDate()
			mon := ref.AddDate(0, 0, 1-isoWeekday(ref)+7*off)
			t.setDate(mon)
			t.g, t.relDay = gWeek, true
			return t, e, true
		}
	}
	end := e2 + 1
	if paren {
		if s.at(end) != ')' && s.at(end) != '）' {
			return t, q, false
		}
		end++
	}
	if hasDate {
		return t, end, true
	}
	if !pre {
		p := s.at(q - 1)
		if isCN(p) || adigit(p) >= 0 || inRune(p, "每逢各个個") {
			return t, q, false
		}
	}
	if !s.hasRef {
		t.needRef = true
		t.g = gDay
		return t, end, true
	}
	ref := s.refDate()
	rw := isoWeekday(ref)
	var x time.Time
	switch {
	case pre:
		x = ref.AddDate(0, 0, wd-rw+7*off)
	case s.ahead:
		d := (wd - rw + 7) % 7
		if d == 0 {
			d = 7
			// 星期天晚上 said on a Sunday afternoon: tonight, when a later
			// part of the day or clock time follows (point checks)
			t.wdNext = s.inst
		}
		x = ref.AddDate(0, 0, d)
	default:
		x = ref.AddDate(0, 0, -((rw - wd + 7) % 7))
	}
	t.setDate(x)
	t.g, t.relDay = gDay, true
	return t, end, true
}

// pods are the parts of the day; h is the hour a part of the day stands
// for when it is written with a day and no clock time (JioNLP's table).
var pods = [...]struct {
	w, pod string
	h      int
}{
	{"上午", "morning", 7}, {"早上", "morning", 6}, {"早晨", "morning", 6}, {"清晨", "morning", 5}, {"早间", "morning", 6}, {"早間", "morning", 6},
	{"晨间", "morning", 6}, {"晨間", "morning", 6}, {"黎明", "morning", 4}, {"凌晨", "night", 0}, {"中午", "noon", 12}, {"正午", "noon", 12}, {"晌午", "noon", 12},
	{"下午", "afternoon", 13}, {"午后", "afternoon", 13}, {"午後", "afternoon", 13}, {"晏晝", "afternoon", 13}, {"傍晚", "evening", 17},
	{"晚上", "evening", 18}, {"晚间", "evening", 18}, {"晚間", "evening", 18}, {"夜里", "night", 20}, {"夜裡", "night", 20}, {"夜间", "night", 20},
	{"夜間", "night", 20}, {"前半夜", "night", 20}, {"后半夜", "night", 2}, {"後半夜", "night", 2}, {"深夜", "night", 23}, {"半夜", "night", 0},
	{"午夜", "night", 0}, {"早", "morning", 6}, {"晚", "evening", 18},
	// with Instants only: 白天 06:00, 全天 the whole day
	{"白天", "day", 6}, {"全天", "day", 0},
}

func (s *scanner) partOfDay(q int, a pt, hasDay bool) (pt, int, bool) {
	t := a
	if k, e := s.lit(q, podWords...); k >= 0 {
		p := &pods[k]
		if p.pod == "day" && (!s.inst || inRune(s.at(e), "候然")) {
			return t, q, false
		}
		if e-q == 1 {
			// 早/晚 alone: before a clock time, or 24日晚
			if !(isDigitLike(s.at(e)) || hasDay && p.w == "晚" && !inRune(s.at(e), "会會宴报報餐饭飯自")) {
				return t, q, false
			}
		}
		if p.w == "午夜" {
			t.h, t.mi, t.g = 0, 0, gHour
		}
		t.pod, t.podh = p.pod, p.h+1
		if s.inst && (p.w == "早上" || p.w == "早晨") {
			t.podh = 4 + 1 // the morning from 04:00 (Duckling's)
		}
		if t.g == gNone {
			t.g = gDay
		}
		return t, e, true
	}
	return t, q, false
}

// clock reads 14:30, 下午3点15分, 十点半, 晚7时.
func (s *scanner) clock(q int, a pt, pod string, notFirst bool) (pt, int, bool) {
	t := a
	// the twelve double hours: 子时 is 23:00, 午时三刻 11:45
	if b := strings.IndexRune("子丑寅卯辰巳午未申酉戌亥", s.at(q)); b >= 0 && pod == "" {
		e := s.sp(q + 1)
		if inRune(s.at(e), "时時") && !inRune(s.at(e+1), "候间間期代段刻") && !isCN(s.at(q-1)) && s.at(q-1) != '尚' {
			h := (b/3*2 + 23) % 24
			mi := 0
			e++
			if n, ok := readNum(s.r, e); ok && n.v >= 1 && n.v <= 4 && n.nd == 1 && s.at(n.end) == '刻' {
				mi, e = 15*n.v, n.end+1
			}
			x := time.Date(2000, 1, 1, h, mi, 0, 0, time.UTC)
			t.h, t.mi, t.s, t.g, t.h24 = x.Hour(), x.Minute(), -1, gMinute, true
			if mi == 0 {
				t.g = gHour
			}
			return t, e, true
		}
	}
	n, ok := readNum(s.r, q)
	if ok && s.inst && !n.arabic && !n.pos && n.nd == 2 && cdigit(s.r[q]) >= 1 && cdigit(s.r[q+1]) == cdigit(s.r[q])+1 && inRune(s.at(n.end), "点點时時") {
		// with Instants: 七八点, an approximate hour, is the first
		n.v = cdigit(s.r[q])
	}
	if !ok || n.v < 0 || n.v > 24 || n.arabic && n.nd > 2 {
		return t, q, false
	}
	h, mi, sec := n.v, -1, -1
	e := n.end
	g := gHour
	colon := false
	if c := s.at(e); (c == ':' || c == '：') && n.arabic {
		m, ok := readNum(s.r, e+1)
		if !ok || !m.arabic || m.nd != 2 || m.v > 59 {
			return t, q, false
		}
		mi, g, e = m.v, gMinute, m.end
		if c := s.at(e); c == ':' || c == '：' {
			if sv, ok := readNum(s.r, e+1); ok && sv.arabic && sv.nd == 2 && sv.v <= 59 {
				sec, g, e = sv.v, gSecond, sv.end
			}
		}
		if adigit(s.at(e)) >= 0 || s.at(e) == ':' {
			return t, q, false
		}
		if inRune(s.at(e), "时時") {
			e++
		}
		colon = true
	} else {
		k, e2 := s.lit(e, "点钟", "點鐘", "点", "點", "时", "時")
		if k < 0 && s.inst && !n.pos && n.v <= 24 {
			if n.nd <= 2 {
				// 9~12点半, 晚上9~11点: the first hour of a range of them
				if j, ok := s.connector(e); ok {
					if t2, _, ok := s.clock(j, newPt(), pod, false); ok && t2.g >= gHour {
						t.h, t.mi, t.s, t.g, t.h24 = h, 0, -1, gHour, pod != "" || h == 0 || h > 12
						switch pod {
						case "afternoon", "evening":
							if h < 12 {
								t.h += 12
							}
						case "night":
							if h >= 6 && h < 12 {
								t.h += 12
							}
						}
						return t, e, true
					}
				}
			}
		}
		if k < 0 {
			// 3pm
			if n.arabic && pod == "" {
				if k2, e3 := s.lit(e, "pm", "PM", "am", "AM"); k2 >= 0 {
					if k2 < 2 && h < 12 {
						h += 12
					}
					t.h, t.mi, t.s, t.g = h, 0, -1, gHour
					return t, e3, true
				}
			}
			return t, q, false
		}
		if k >= 4 && inRune(s.at(e2), "间間期代候段光刻速装裝尚辰政髦事局态態空令") {
			return t, q, false
		}
		e = e2
		if k2, e3 := s.lit(e, "钟", "鐘", "整", "多钟", "多鐘", "多"); k2 >= 0 {
			e = e3
		}
		switch {
		case s.at(e) == '半':
			mi, g, e = 30, gMinute, e+1
		default:
			if m, ok := readNum(s.r, e); ok && m.v >= 0 && m.v <= 59 {
				me := m.end
				switch {
				case s.at(me) == '刻' && m.v >= 1 && m.v <= 4:
					mi, g, e = 15*m.v, gMinute, me+1
				case inRune(s.at(me), "分") && !inRune(s.at(me+1), "之"):
					mi, g, e = m.v, gMinute, me+1
					if k3, e4 := s.lit(e, "钟", "鐘"); k3 >= 0 {
						e = e4
					}
					if sv, ok := readNum(s.r, e); ok && sv.v >= 0 && sv.v <= 59 {
						if s.at(sv.end) == '秒' {
							sec, g, e = sv.v, gSecond, sv.end+1
						} else if !inRune(s.at(sv.end), "度%％元万亿米倍个個公千克斤吨噸级級分") && adigit(s.at(sv.end)) < 0 {
							sec, g, e = sv.v, gSecond, sv.end
						}
					}
				case (m.arabic && m.nd == 2 || !m.arabic && (m.pos || cdigit(s.r[e]) == 0)) &&
					!inRune(s.at(me), "度%％元万亿米倍个個公千克斤吨噸级級秒") && adigit(s.at(me)) < 0:
					mi, g, e = m.v, gMinute, me
				}
			}
		}
	}
	// a bare hour must look like one: 三点希望, 一点都 are no times
	if !notFirst && !colon && g == gHour {
		p := s.at(q - 1)
		if inRune(p, "这這那哪有些几幾每差好第几") {
			return t, q, false
		}
		c := s.at(e)
		if !(isPunct(c) && adigit(s.at(e+1)) < 0 || inRune(c, "的了过過前后後到至起开開在召举舉进進正准準左许許整半、举行將将结結散闭閉截完")) {
			return t, q, false
		}
		if !n.arabic && n.v == 1 && !inRune(s.at(n.end+1), "钟鐘整") {
			return t, q, false
		}
	}
	if k, e2 := s.lit(e, "许", "許"); k >= 0 {
		e = e2
	}
	// am / pm
	if colon && pod == "" {
		if k, e2 := s.lit(e, "pm", "PM", "p.m.", "p", "am", "AM", "a.m.", "a"); k >= 0 {
			c := s.at(e2)
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				if k < 4 && h < 12 {
					h += 12
				}
				e = e2
			}
		}
	}
	if h == 24 && (mi > 0 || sec > 0) {
		return t, q, false
	}
	switch pod {
	case "afternoon", "evening":
		if h < 12 {
			h += 12
		}
	case "noon":
		if h <= 4 {
			h += 12
		}
	case "night":
		if h >= 6 && h < 12 && s.wordBefore(q, "凌晨") < 0 {
			h += 12
		} else if h == 12 {
			h = 24
		}
	}
	if h == 24 && (t.pod == "evening" || t.pod == "night" || pod == "evening" || pod == "night") && t.d == 0 && !t.relDay && !t.needRef {
		h = 24
	}
	t.h, t.mi, t.s, t.g = h, max(mi, 0), sec, g
	// 14:30 and 0点 are on the 24-hour clock; 3点 alone may be 3 or 15
	t.h24 = colon || pod != "" || h == 0 || h > 12
	if g == gHour {
		t.mi = 0
	}
	return t, e, true
}

// wordBefore reports whether w ends right before i (blanks skipped).
func (s *scanner) wordBefore(i int, w string) int {
	n := len([]rune(w))
	if i-n < 0 {
		return -1
	}
	if _, ok := s.is(i-n, w); ok {
		return i - n
	}
	return -1
}

// dayNum reads a day written as a number: 24日, 3号, 十五 after a month.
func (s *scanner) dayNum(q int, n num, a pt, hy, hm bool) (pt, pt, bool, int, bool) {
	t, tb := a, newPt()
	e := n.end
	c := s.at(e)
	// 12-19日, 九号到十五号 is read as a range by the caller
	if !inRune(c, "日号號") {
		if hm && !n.pos || hm && n.v > 10 {
			// 1月3, 十月31: a day without 日
			if j, ok := s.connector(e); ok {
				if n2, ok := readNum(s.r, j); ok && inRune(s.at(n2.end), "日号號") && n2.v > n.v && n2.v <= daysIn(t.y, t.mo) && n.v >= 1 {
					t.d, t.g = n.v, gDay
					tb = t
					tb.d = n2.v
					return t, tb, true, n2.end + 1, true
				}
			}
			if (n.arabic && n.nd <= 2 || !n.arabic) && n.v >= 1 && n.v <= daysIn(t.y, t.mo) &&
				(isPunct(c) || inRune(c, "至到晚上下早中凌夜出") || c == 0) {
				t.d, t.g = n.v, gDay
				if !n.arabic {
					// 八月十五, 五月廿二: a Chinese day without 日 is on the Chinese calendar
					t.lunar = true
				}
				return t, tb, false, e, true
			}
		}
		// damaged: 65上午 is 6月5日上午
		if !hm && !hy && n.arabic && (n.nd == 2 || n.nd == 3) && !inRune(s.at(q-1), "月.") {
			if k, _ := s.lit(e, "上午", "下午", "晚上", "晚"); k >= 0 {
				if t2, ok := s.damaged(n, a); ok {
					return t2, tb, false, e, true
				}
			}
		}
		return t, tb, false, q, false
	}
	if n.arabic && n.nd >= 3 || n.v > 31 {
		if !hm && !hy && n.arabic && n.nd >= 3 && n.nd <= 4 && !inRune(s.at(q-1), "月.") {
			if t2, ok := s.damaged(n, a); ok {
				return t2, tb, false, e + 1, true
			}
		}
		return t, tb, false, q, false
	}
	if n.v < 1 || hm && t.mo > 0 && n.v > daysIn(t.y, t.mo) {
		return t, tb, false, q, false
	}
	next := s.at(e + 1)
	if c == '号' || c == '號' {
		if inRune(next, "楼樓线線院馆館码碼令文字房室门門位箱车車机機元床牌厅廳店口岸桥橋台臺仓倉坑井展池道路街栋棟单單区區场場洞舍堂球手种種件桌窗卡人") {
			return t, tb, false, q, false
		}
	} else if inRune(next, "内內以之间間元游遊制均报報常益记記志程期薪工") {
		return t, tb, false, q, false
	}
	if !hm && !hy {
		if n.liang || inRune(s.at(q-1), "个個第街路巷道弄村楼樓里區区院号號栋棟室组組座期") {
			return t, tb, false, q, false
		}
		prevOK := c == '日' && n.arabic && (q == 0 || isPunct(s.at(q-1)))
		if !prevOK && !(isPunct(next) || inRune(next, "上下中早晚凌傍夜午至到起前后後在于於召举舉开開是的和与與及或当當时時起止晨深将將再同又也就即")) && adigit(next) < 0 {
			return t, tb, false, q, false
		}
	}
	t.d, t.g = n.v, gDay
	return t, tb, false, e + 1, true
}

// monthPart narrows a month to a part of it with Instants: 1 月初 (days
// 1-5), 2 月底 (25 to the end), 3 上旬 (1-10), 4 下旬 (21 to the end), 5
// 中下旬, 6 上中旬; 0 (中旬) keeps the month. The value is the first day,
// the end the last. By default every part keeps the month (the annotation
// reading: 7月中旬 is 2017-07).
func (s *scanner) monthPart(t *pt, part int) (pt, bool) {
	if part == 0 || t.mo == 0 || !s.inst {
		return newPt(), false
	}
	tb := *t
	last := daysIn(t.y, t.mo)
	first, end := 1, last
	switch part {
	case 1:
		end = 5
	case 2:
		first = 25
	case 3:
		end = 10
	case 4:
		first = 21
	case 5:
		first = 11
	case 6:
		end = 20
	}
	t.d, tb.d = first, end
	t.g, tb.g = gDay, gDay
	return tb, true
}

// season is spring (0), summer, autumn or winter (3) of year y: from 立春,
// 立夏, 立秋 or 立冬 to the day before the next of them.
func season(y, n int) (time.Time, time.Time, bool) {
	opens := [...]int{21, 3, 9, 15, 21}
	a, ok1 := termDate(y, opens[n])
	yb := y
	if n == 3 {
		yb++
	}
	b, ok2 := termDate(yb, opens[n+1])
	return a, b.AddDate(0, 0, -1), ok1 && ok2
}
