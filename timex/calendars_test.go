package timex

import "testing"

// The Hebrew, Islamic and Hindu holidays against dates known from the
// public calendars (the day itself, not the eve) and the suites' dates.
func TestWorldCalendars(t *testing.T) {
	heb := []struct {
		y, m, d int
		want    string
	}{
		{2000, tishrei, 1, "2000-09-30"}, {2013, tishrei, 1, "2013-09-05"}, {2018, tishrei, 1, "2018-09-10"},
		{2020, tishrei, 1, "2020-09-19"}, {2023, tishrei, 1, "2023-09-16"}, {2024, tishrei, 1, "2024-10-03"},
		{2013, tishrei, 10, "2013-09-14"}, {2023, tishrei, 10, "2023-09-25"}, {2024, tishrei, 10, "2024-10-12"},
		{2018, nisan, 15, "2018-03-31"}, {2019, nisan, 15, "2019-04-20"}, {2020, nisan, 15, "2020-04-09"},
		{2024, nisan, 15, "2024-04-23"}, {2025, nisan, 15, "2025-04-13"},
		{2013, kislev, 25, "2013-11-28"}, {2018, kislev, 25, "2018-12-03"}, {2023, kislev, 25, "2023-12-08"},
		{2024, kislev, 25, "2024-12-26"}, {2023, adar, 14, "2023-03-07"}, {2024, adar, 14, "2024-03-24"},
		{2013, iyar, 5, "2013-04-16"}, {2023, iyar, 5, "2023-04-26"}, {2018, sivan, 6, "2018-05-20"},
		{2018, tishrei, 15, "2018-09-24"}, {2013, av, 9, "2013-07-16"}, {2014, shevat, 15, "2014-01-16"},
	}
	for _, c := range heb {
		if got := hebrewHoliday(c.y, c.m, c.d).Format("2006-01-02"); got != c.want {
			t.Errorf("Hebrew %d month %d day %d: got %s, want %s", c.y, c.m, c.d, got, c.want)
		}
	}
	isl := []struct {
		y, m, d int
		want    string
	}{
		{2013, 10, 1, "2013-08-08"}, {2013, 12, 10, "2013-10-15"}, {2013, 1, 1, "2013-11-04"},
		{2014, 3, 12, "2014-01-13"}, {2034, 9, 1, "2034-11-12"},
		{2020, 10, 1, "2020-05-24"}, {2020, 12, 10, "2020-07-31"}, {2021, 9, 1, "2021-04-13"},
		{2021, 10, 1, "2021-05-13"}, {2021, 12, 10, "2021-07-20"}, {2023, 9, 1, "2023-03-23"},
		{2023, 10, 1, "2023-04-21"}, {2023, 12, 10, "2023-06-28"}, {2024, 9, 1, "2024-03-11"},
		{2024, 10, 1, "2024-04-10"}, {2024, 12, 10, "2024-06-16"}, {2025, 9, 1, "2025-03-01"},
		{2025, 10, 1, "2025-03-30"}, {2025, 12, 10, "2025-06-06"},
	}
	for _, c := range isl {
		xs := islamicDates(c.y, c.m, c.d)
		if len(xs) == 0 || xs[0].Format("2006-01-02") != c.want {
			t.Errorf("Islamic %d month %d day %d: got %v, want %s", c.y, c.m, c.d, xs, c.want)
		}
	}
	// 2008 held two Islamic new years
	if xs := islamicDates(2008, 1, 1); len(xs) != 2 {
		t.Errorf("Islamic new years of 2008: %v", xs)
	}
	// the tabular calendar: 1 Shawwal 1434 is 8 August 2013
	if got := dayDate(islamicTabular(1434, 10, 1)).Format("2006-01-02"); got != "2013-08-08" {
		t.Errorf("tabular 1 Shawwal 1434: %s", got)
	}
	hin := []struct {
		y, m, d int
		want    string
	}{
		{2013, 7, 30, "2013-11-03"}, {2018, 7, 30, "2018-11-07"}, {2019, 7, 30, "2019-10-27"},
		{2021, 7, 30, "2021-11-04"}, {2022, 7, 30, "2022-10-24"}, {2023, 7, 30, "2023-11-12"},
		{2013, 12, 15, "2013-03-26"}, {2013, 5, 15, "2013-08-20"}, {2018, 7, 1, "2018-10-09"},
		{2013, 2, 15, "2013-05-24"},
	}
	for _, c := range hin {
		x, ok := hinduDay(c.y, c.m, c.d)
		if !ok || x.Format("2006-01-02") != c.want {
			t.Errorf("Hindu %d month %d tithi %d: got %v, want %s", c.y, c.m, c.d, x.Format("2006-01-02"), c.want)
		}
	}
	if got := siderealIngress(2014, 270).Format("2006-01-02"); got != "2014-01-14" {
		t.Errorf("Makara Sankranti 2014: %s", got)
	}
	// the moon: the elongation is nil at the new moons of ch. 49
	for k := -100.0; k < 400; k += 37 {
		if e := elongation(newMoon(k)); e > 0.05 && e < 359.95 {
			t.Errorf("elongation at new moon %v: %v", k, e)
		}
	}
}
