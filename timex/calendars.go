package timex

import (
	"math"
	"time"
)

// The Hebrew, Islamic and Hindu calendars, computed like the Chinese one
// (lunar.go) rather than tabulated. Day numbers count days since
// 1970-01-01 as in lunar.go.

// ---- Hebrew calendar ----
//
// The Hebrew calendar is arithmetic: a year of 12 or 13 months (7 leap
// years in every 19), the new year (1 Tishrei) on the day of the mean new
// moon (molad) of Tishrei, counted in parts (1/1080 hour) from the molad of
// creation, postponed by the dehiyyot: never on a Sunday, Wednesday or
// Friday; to the next day when the molad falls at noon or later; and the
// two rules that keep the year length within 353-355 or 383-385 days.

// hebrewEpoch is the day number of 1 Tishrei AM 1 (7 October 3761 BCE,
// Julian).
const hebrewEpoch = -2092590

func hebrewLeap(y int) bool { return (7*y+1)%19 < 7 }

// hebrewDelay is the days from the epoch to the molad of Tishrei of year
// y, with the first postponement (lo ADU rosh: not Sunday, Wednesday,
// Friday; molad zaken folded into the count of parts from 6 pm).
func hebrewDelay(y int) int {
	months := (235*y - 234) / 19
	parts := 12084 + 13753*months
	d := 29*months + parts/25920
	if (3*(d+1))%7 < 3 {
		d++
	}
	return d
}

// hebrewNewYear is the day number of 1 Tishrei of year y.
func hebrewNewYear(y int) int {
	d0, d1, d2 := hebrewDelay(y-1), hebrewDelay(y), hebrewDelay(y+1)
	c := 0
	switch {
	case d2-d1 == 356:
		c = 2
	case d1-d0 == 382:
		c = 1
	}
	return hebrewEpoch + d1 + c
}

// Hebrew months, counted from Tishrei; Adar is Adar II in a leap year.
const (
	tishrei = 1 + iota
	heshvan
	kislev
	tevet
	shevat
	adar
	nisan
	iyar
	sivan
	tammuz
	av
	elul
)

// hebrewDay is the day number of day d of month m of Hebrew year y.
func hebrewDay(y, m, d int) int {
	n := hebrewNewYear(y)
	length := hebrewNewYear(y+1) - n
	lens := [...]int{30, 29, 30, 29, 30, 29, 30, 29, 30, 29, 30, 29}
	if length%10 == 5 {
		lens[heshvan-1] = 30
	}
	if length%10 == 3 {
		lens[kislev-1] = 29
	}
	for k := tishrei; k < m; k++ {
		n += lens[k-1]
		if k == shevat && hebrewLeap(y) {
			n += 30 // Adar I
		}
	}
	return n + d - 1
}

// hebrewHoliday is day d of month m in the Hebrew year whose month m falls
// in Gregorian year g, with the postponements of Tisha B'Av (a Sabbath
// moves it to Sunday) and Yom HaAtzmaut (5 Iyar: Friday and Saturday move
// it back to Thursday, Monday on to Tuesday).
func hebrewHoliday(g, m, d int) time.Time {
	y := g + 3760
	if m <= kislev {
		y++
	}
	n := hebrewDay(y, m, d)
	wd := dayDate(n).Weekday()
	switch {
	case m == av && d == 9 && wd == time.Saturday:
		n++
	case m == iyar && d == 5:
		switch wd {
		case time.Friday:
			n--
		case time.Saturday:
			n -= 2
		case time.Monday:
			n++
		}
	}
	return dayDate(n)
}

// ---- Islamic calendar ----
//
// The tabular (arithmetic) Islamic calendar, months of 30 and 29 days in
// turn, the last of the year 30 days in 11 leap years of every 30 (2, 5, 7,
// 10, 13, 16, 18, 21, 24, 26, 29) from the epoch of 16 July 622 (Julian),
// runs a day behind the Umm al-Qura calendar of Saudi Arabia, which the
// suites follow, in about one month of three. The Umm al-Qura rule is
// computed instead: a month begins on the day after the conjunction when
// the conjunction falls before sunset at Mecca, else a day later.

const islamicEpoch = -492148 // day number of 1 Muharram AH 1 (tabular)

// islamicTabular is the day number of day d of month m of year y on the
// tabular calendar.
func islamicTabular(y, m, d int) int {
	return islamicEpoch - 1 + (y-1)*354 + (3+11*y)/30 + 29*(m-1) + m/2 + d
}

// islamicDay is the day number of day d of month m of year y on the Umm
// al-Qura rule. The new moon of 6 January 2000 (k = 0) opened Shawwal 1420.
func islamicDay(y, m, d int) int {
	k := float64((y-1)*12 + m - 1 - (1419*12 + 9))
	c := newMoon(k)
	day := math.Floor(c - 2440587.5 + 3.0/24) // Mecca date (UTC+3)
	doy := float64(dayDate(int(day)).YearDay())
	sunset := (15.37 - 0.73*math.Cos(2*math.Pi*(doy+10)/365.25)) / 24 // UT
	first := int(day) + 1
	if c-2440587.5 > day+sunset {
		first++
	}
	return first + d - 1
}

// islamicDates lists the days of day d of month m of the Islamic years
// that fall in Gregorian year g (one, or two when the year begins and ends
// within g).
func islamicDates(g, m, d int) []time.Time {
	h := (g-622)*33/32 + 1
	var out []time.Time
	for y := h - 2; y <= h+2; y++ {
		x := dayDate(islamicDay(y, m, d))
		if x.Year() == g {
			out = append(out, x)
		}
	}
	return out
}

// ---- Hindu lunisolar calendar ----
//
// Months are amanta (new moon to new moon), named by the sidereal sign the
// sun is in at the new moon that opens them (Lahiri ayanamsa): the month
// opened in Mina (Pisces) is Chaitra, in Mesha Vaishakha, and so on; of two
// months opened in the same sign the first is the leap (adhika) month. A
// tithi is a twelfth of 12° of the moon's elongation from the sun; a
// festival on tithi t is on the day whose evening (18:00 India time) falls
// in it.

// moonLongitude is the moon's geocentric longitude in degrees at JD (TT),
// with the main periodic terms of Meeus ch. 47 (good to about 0.01°).
func moonLongitude(jd float64) float64 {
	T := (jd - jd2000) / 36525
	L := 218.3164477 + 481267.88123421*T
	D := rad(297.8501921 + 445267.1114034*T)
	M := rad(357.5291092 + 35999.0502909*T)
	Mp := rad(134.9633964 + 477198.8675055*T)
	F := rad(93.2720950 + 483202.0175233*T)
	E := 1 - 0.002516*T
	s := 6288774*math.Sin(Mp) + 1274027*math.Sin(2*D-Mp) + 658314*math.Sin(2*D) +
		213618*math.Sin(2*Mp) - 185116*E*math.Sin(M) - 114332*math.Sin(2*F) +
		58793*math.Sin(2*D-2*Mp) + 57066*E*math.Sin(2*D-M-Mp) + 53322*math.Sin(2*D+Mp) +
		45758*E*math.Sin(2*D-M) - 40923*E*math.Sin(M-Mp) - 34720*math.Sin(D) -
		30383*E*math.Sin(M+Mp) + 15327*math.Sin(2*D-2*F) - 12528*math.Sin(Mp+2*F) +
		10980*math.Sin(Mp-2*F) + 10675*math.Sin(4*D-Mp) + 10034*math.Sin(3*Mp) +
		8548*math.Sin(4*D-2*Mp) - 7888*E*math.Sin(2*D+M-Mp) - 6766*E*math.Sin(2*D+M) -
		5163*math.Sin(D-Mp) + 4987*E*math.Sin(D+M) + 4036*E*math.Sin(2*D-M+Mp)
	l := math.Mod(L+s/1e6, 360)
	if l < 0 {
		l += 360
	}
	return l
}

// elongation is the moon's longitude less the sun's, 0-360°, at JD (UT).
func elongation(jd float64) float64 {
	tt := jd + deltaT(2000+(jd-jd2000)/365.25)
	e := math.Mod(moonLongitude(tt)-sunLongitude(tt), 360)
	if e < 0 {
		e += 360
	}
	return e
}

// ayanamsa is the Lahiri ayanamsa in degrees at JD.
func ayanamsa(jd float64) float64 {
	return 23.853 + (jd-jd2000)/365.25*50.29/3600
}

// siderealSun is the sun's sidereal longitude at JD (UT).
func siderealSun(jd float64) float64 {
	l := math.Mod(sunLongitude(jd+deltaT(2000+(jd-jd2000)/365.25))-ayanamsa(jd), 360)
	if l < 0 {
		l += 360
	}
	return l
}

const istOffset = 5.5 / 24 // India Standard Time

// elongationAt is the JD (UT) at which the elongation reaches e degrees,
// near jd.
func elongationAt(e, jd float64) float64 {
	for range 8 {
		d := math.Mod(e-elongation(jd)+540, 360) - 180
		jd += d / 12.19
	}
	return jd
}

// hinduMonthStarts lists the months (1 = Chaitra ... 12 = Phalguna, leap
// months left out) opened by the new moons from November of g-1 to
// February of g+1, each with the JD of its new moon.
func hinduMonthStarts(g int) [][2]float64 {
	// new moons from November of g-1 to February of g+1
	k := math.Floor((jdOf(g-1, 11, 1) - 2451550.09766) / 29.530588861)
	var nm []float64
	for i := range 17 {
		nm = append(nm, newMoon(k+float64(i)))
	}
	var out [][2]float64 // {month, jd}
	for i := 0; i+1 < len(nm); i++ {
		s := int(siderealSun(nm[i]) / 30)
		if int(siderealSun(nm[i+1])/30) == s {
			continue // adhika
		}
		m := (s+1)%12 + 1
		out = append(out, [2]float64{float64(m), nm[i]})
	}
	return out
}

// hinduDay is the day of tithi t (1-30) of Hindu month m that falls in
// Gregorian year g: the day whose evening falls in the tithi.
func hinduDay(g, m, t int) (time.Time, bool) {
	for _, ms := range hinduMonthStarts(g) {
		if int(ms[0]) != m {
			continue
		}
		start := elongationAt(float64(12*(t-1)), ms[1]+float64(t-1)*0.984)
		// the evening (18:00 IST) on or after the tithi's start
		n := int(math.Floor(start - 2440587.5 + istOffset - 0.75))
		x := dayDate(n + 1)
		if x.Year() == g {
			return x, true
		}
	}
	return time.Time{}, false
}

// siderealIngress is the India day on which the sun reaches sidereal
// longitude lon in Gregorian year g.
func siderealIngress(g int, lon float64) time.Time {
	jd := jdOf(g, 1, 1) + math.Mod(lon+360-siderealSun(jdOf(g, 1, 1)), 360)/360*365.2422
	for range 6 {
		d := math.Mod(lon-siderealSun(jd)+540, 360) - 180
		jd += d / 360 * 365.2422
	}
	return dayDate(int(math.Floor(jd - 2440587.5 + istOffset)))
}
