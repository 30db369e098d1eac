package timex

import (
	"math"
	"sync"
	"time"
)

// The Chinese calendar, computed rather than tabulated: mean new moons with
// the main periodic terms (Meeus, Astronomical Algorithms, ch. 49), the
// sun's apparent longitude at low precision (ch. 25) for the solar terms,
// and the calendar rules of the 1645 reform as used in China today: days
// are reckoned in China time (UTC+8), a month begins on the day of a new
// moon, the month holding the winter solstice is month 11, and in a
// solstice-to-solstice span of 13 months the first month without a major
// solar term (a multiple of 30° of longitude) is the leap month, numbered
// as the month before it.

const jd2000 = 2451545.0 // JD of 2000-01-01 12:00 TT

func rad(d float64) float64 { return d * math.Pi / 180 }

// deltaT is TT − UT in days, roughly (good to a minute for 1900–2100).
func deltaT(y float64) float64 {
	var s float64
	switch t := y - 2000; {
	case y < 1920:
		s = -2.79 + 1.494119*(y-1900) - 0.0598939*(y-1900)*(y-1900)
	case y < 1941:
		u := y - 1920
		s = 21.20 + 0.84493*u - 0.076100*u*u + 0.0020936*u*u*u
	case y < 1961:
		u := y - 1950
		s = 29.07 + 0.407*u - u*u/233 + u*u*u/2547
	case y < 1986:
		u := y - 1975
		s = 45.45 + 1.067*u - u*u/260 - u*u*u/718
	case y < 2005:
		s = 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*t*t*t
	case y < 2050:
		s = 62.92 + 0.32217*t + 0.005589*t*t
	default:
		u := (y - 1820) / 100
		s = -20 + 32*u*u - 0.5628*(2150-y)
	}
	return s / 86400
}

// newMoon is the JD (UT) of new moon number k (k = 0 near 2000-01-06).
func newMoon(k float64) float64 {
	T := k / 1236.85
	T2, T3, T4 := T*T, T*T*T, T*T*T*T
	jde := 2451550.09766 + 29.530588861*k + 0.00015437*T2 - 0.000000150*T3 + 0.00000000073*T4
	E := 1 - 0.002516*T - 0.0000074*T2
	M := rad(2.5534 + 29.10535670*k - 0.0000014*T2 - 0.00000011*T3)
	Mp := rad(201.5643 + 385.81693528*k + 0.0107582*T2 + 0.00001238*T3 - 0.000000058*T4)
	F := rad(160.7108 + 390.67050284*k - 0.0016118*T2 - 0.00000227*T3 + 0.000000011*T4)
	O := rad(124.7746 - 1.56375588*k + 0.0020672*T2 + 0.00000215*T3)
	c := -0.40720*math.Sin(Mp) + 0.17241*E*math.Sin(M) + 0.01608*math.Sin(2*Mp) +
		0.01039*math.Sin(2*F) + 0.00739*E*math.Sin(Mp-M) - 0.00514*E*math.Sin(Mp+M) +
		0.00208*E*E*math.Sin(2*M) - 0.00111*math.Sin(Mp-2*F) - 0.00057*math.Sin(Mp+2*F) +
		0.00056*E*math.Sin(2*Mp+M) - 0.00042*math.Sin(3*Mp) + 0.00042*E*math.Sin(M+2*F) +
		0.00038*E*math.Sin(M-2*F) - 0.00024*E*math.Sin(2*Mp-M) - 0.00017*math.Sin(O) -
		0.00007*math.Sin(Mp+2*M) + 0.00004*math.Sin(2*Mp-2*F) + 0.00004*math.Sin(3*M) +
		0.00003*math.Sin(Mp+M-2*F) + 0.00003*math.Sin(2*Mp+2*F) - 0.00003*math.Sin(Mp+M+2*F) +
		0.00003*math.Sin(Mp-M+2*F) - 0.00002*math.Sin(Mp-M-2*F) - 0.00002*math.Sin(3*Mp+M) +
		0.00002*math.Sin(4*Mp)
	// planetary arguments
	pa := [...][3]float64{
		{299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
		{349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
		{207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
		{207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
		{239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
	}
	for i, p := range pa {
		a := p[0] + p[1]*k
		if i == 0 {
			a -= 0.009173 * T2
		}
		c += p[2] * math.Sin(rad(a))
	}
	jde += c
	return jde - deltaT(2000+k/12.3685)
}

// sunLongitude is the sun's apparent longitude in degrees at JD (TT).
func sunLongitude(jd float64) float64 {
	T := (jd - jd2000) / 36525
	L0 := 280.46646 + 36000.76983*T + 0.0003032*T*T
	M := rad(357.52911 + 35999.05029*T - 0.0001537*T*T)
	C := (1.914602-0.004817*T-0.000014*T*T)*math.Sin(M) + (0.019993-0.000101*T)*math.Sin(2*M) + 0.000289*math.Sin(3*M)
	O := rad(125.04 - 1934.136*T)
	l := L0 + C - 0.00569 - 0.00478*math.Sin(O)
	l = math.Mod(l, 360)
	if l < 0 {
		l += 360
	}
	return l
}

// jdOf is the JD at 0h UT of a Gregorian date.
func jdOf(y, m, d int) float64 {
	return float64(mkdate(y, m, d).Unix())/86400 + 2440587.5
}

// chinaDay is the day number (days since 1970-01-01) of the China-time
// date holding the instant jd (UT).
func chinaDay(jd float64) int {
	return int(math.Floor(jd - 2440587.5 + 8.0/24))
}

func dayDate(n int) time.Time { return mkdate(1970, 1, 1+n) }

// solarTerm is the China day of the moment the sun reaches longitude lon
// (degrees) in Gregorian year y (for lon >= 285: January to early March).
func solarTerm(y int, lon float64) int {
	off := lon
	if lon >= 285 {
		off -= 360
	}
	jd := jdOf(y, 3, 20) + off/360*365.2422
	for range 6 {
		d := lon - sunLongitude(jd)
		d = math.Mod(d+540, 360) - 180
		jd += d / 360 * 365.2422
	}
	return chinaDay(jd - deltaT(float64(y)))
}

// newMoonOnOrBefore is the China day and number of the last new moon
// falling on or before day n.
func newMoonOnOrBefore(n int) (int, float64) {
	jd := float64(n) + 2440587.5
	k := math.Floor((jd - 2451550.09766) / 29.530588861)
	for chinaDay(newMoon(k+1)) <= n {
		k++
	}
	for chinaDay(newMoon(k)) > n {
		k--
	}
	return chinaDay(newMoon(k)), k
}

type lmonth struct {
	start int // China day of the first day
	num   int // 1..12
	leap  bool
}

type lcycle struct {
	months []lmonth
	end    int // first day of the next month 11
}

var lunarCache sync.Map // int -> *lcycle

// cycle returns the months from month 11 holding the winter solstice of
// Gregorian year y-1 up to the month 11 holding that of year y: 11, 12,
// 1 ... 10, with a leap month where one falls.
func cycle(y int) *lcycle {
	if c, ok := lunarCache.Load(y); ok {
		return c.(*lcycle)
	}
	s1, s2 := solarTerm(y-1, 270), solarTerm(y, 270)
	m1, k1 := newMoonOnOrBefore(s1)
	m2, k2 := newMoonOnOrBefore(s2)
	n := int(k2 - k1)
	starts := make([]int, n+1)
	starts[0] = m1
	for i := 1; i < n; i++ {
		starts[i] = chinaDay(newMoon(k1 + float64(i)))
	}
	starts[n] = m2
	leapAt := -1
	if n == 13 {
		// major terms from the solstice on: 270, 300, 330, 0, 30 ...
		var terms []int
		for i := range 13 {
			lon := math.Mod(270+30*float64(i), 360)
			yy := y
			if i == 0 {
				yy = y - 1
			}
			terms = append(terms, solarTerm(yy, lon))
		}
		for i := 1; i < n; i++ {
			has := false
			for _, t := range terms {
				if t >= starts[i] && t < starts[i+1] {
					has = true
					break
				}
			}
			if !has {
				leapAt = i
				break
			}
		}
	}
	c := &lcycle{end: m2}
	num := 11
	for i := range n {
		if i == leapAt {
			c.months = append(c.months, lmonth{start: starts[i], num: c.months[i-1].num, leap: true})
			continue
		}
		c.months = append(c.months, lmonth{start: starts[i], num: num})
		num = num%12 + 1
	}
	lunarCache.Store(y, c)
	return c
}

// lunarMonth finds month m (leap or not) of lunar year y: its first day and
// its length.
func lunarMonth(y, m int, leap bool) (int, int, bool) {
	if y < 1901 || y > 2098 || m < 1 || m > 12 {
		return 0, 0, false
	}
	cy := y
	if m >= 11 {
		cy = y + 1
	}
	c := cycle(cy)
	for i, lm := range c.months {
		if m >= 11 && i >= 4 {
			break
		}
		if m < 11 && i < 2 {
			continue
		}
		if lm.num == m && lm.leap == leap {
			next := c.end
			if i+1 < len(c.months) {
				next = c.months[i+1].start
			}
			return lm.start, next - lm.start, true
		}
	}
	return 0, 0, false
}

// lunarDate converts day d of month m of lunar year y to a Gregorian date;
// d = 0 is the last day of the month.
func lunarDate(y, m, d int, leap bool) (time.Time, bool) {
	start, n, ok := lunarMonth(y, m, leap)
	if !ok || d > n {
		return time.Time{}, false
	}
	if d <= 0 {
		d = n
	}
	return dayDate(start + d - 1), true
}

// lunarNewYearEve is the last day of lunar year y.
func lunarNewYearEve(y int) (time.Time, bool) {
	x, ok := lunarDate(y+1, 1, 1, false)
	if !ok {
		return x, false
	}
	return x.AddDate(0, 0, -1), true
}

var termNames = [...]string{
	"春分", "清明", "谷雨|穀雨", "立夏", "小满|小滿", "芒种|芒種", "夏至", "小暑", "大暑", "立秋", "处暑|處暑", "白露",
	"秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至", "小寒", "大寒", "立春", "雨水", "惊蛰|驚蟄",
}

// termDate is the day of solar term i (0 = 春分, 15° steps) of year y, the
// year running from 立春 to 大寒: 小寒 and 大寒 of y fall in January of y+1.
func termDate(y, i int) (time.Time, bool) {
	if y < 1901 || y > 2098 {
		return time.Time{}, false
	}
	if i == 19 || i == 20 {
		y++
	}
	return dayDate(solarTerm(y, float64(i*15))), true
}

// ambiguousTerm marks the solar terms that are also weather words.
var ambiguousTerm = [24]bool{2: true, 4: true, 5: true, 7: true, 8: true, 10: true, 11: true, 13: true, 14: true, 16: true, 17: true, 19: true, 20: true, 22: true}
