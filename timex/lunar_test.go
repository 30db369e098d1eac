package timex

import "testing"

// Spring Festival dates known from the public calendar.
func TestLunarNewYear(t *testing.T) {
	want := map[int]string{
		2000: "2000-02-05", 2001: "2001-01-24", 2002: "2002-02-12", 2003: "2003-02-01", 2004: "2004-01-22",
		2005: "2005-02-09", 2006: "2006-01-29", 2007: "2007-02-18", 2008: "2008-02-07", 2009: "2009-01-26",
		2010: "2010-02-14", 2011: "2011-02-03", 2012: "2012-01-23", 2013: "2013-02-10", 2014: "2014-01-31",
		2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05",
		2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10",
		2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13",
		2030: "2030-02-03",
	}
	for y, w := range want {
		x, ok := lunarDate(y, 1, 1, false)
		if !ok || x.Format("2006-01-02") != w {
			t.Errorf("lunar new year %d: got %v, want %s", y, x.Format("2006-01-02"), w)
		}
	}
	// leap months: 2020 leap 4th, 2023 leap 2nd, 2017 leap 6th, 2025 leap 6th
	for _, c := range []struct {
		y, m int
		w    string
	}{{2020, 4, "2020-05-23"}, {2023, 2, "2023-03-22"}, {2017, 6, "2017-07-23"}, {2025, 6, "2025-07-25"}} {
		x, ok := lunarDate(c.y, c.m, 1, true)
		if !ok || x.Format("2006-01-02") != c.w {
			t.Errorf("leap %d/%d: got %v %v, want %s", c.y, c.m, x.Format("2006-01-02"), ok, c.w)
		}
	}
	// mid-autumn, dragon boat
	for _, c := range []struct {
		y, m, d int
		w       string
	}{{2021, 8, 15, "2021-09-21"}, {2023, 8, 15, "2023-09-29"}, {2024, 5, 5, "2024-06-10"}, {2006, 5, 5, "2006-05-31"}, {1991, 8, 23, "1991-09-30"}} {
		x, _ := lunarDate(c.y, c.m, c.d, false)
		if x.Format("2006-01-02") != c.w {
			t.Errorf("%d/%d/%d: got %v, want %s", c.y, c.m, c.d, x.Format("2006-01-02"), c.w)
		}
	}
	// solar terms
	for _, c := range []struct {
		y, i int
		w    string
	}{{2024, 18, "2024-12-21"}, {2017, 20, "2018-01-20"}, {2020, 19, "2021-01-05"}, {2021, 5, "2021-06-05"}, {2019, 0, "2019-03-21"}, {2021, 1, "2021-04-04"}, {2024, 21, "2024-02-04"}} {
		x, _ := termDate(c.y, c.i)
		if x.Format("2006-01-02") != c.w {
			t.Errorf("term %d/%d: got %v, want %s", c.y, c.i, x.Format("2006-01-02"), c.w)
		}
	}
}

func TestLunarRange(t *testing.T) {
	for y := 1902; y <= 2097; y++ {
		x, ok := lunarDate(y, 1, 1, false)
		if !ok || x.Year() != y || x.Month() > 2 || x.Month() == 1 && x.Day() < 21 || x.Month() == 2 && x.Day() > 20 {
			t.Errorf("lunar new year %d: %v %v", y, x, ok)
		}
		leaps := 0
		for m := 1; m <= 12; m++ {
			if _, ok := lunarDate(y, m, 29, false); !ok {
				t.Errorf("%d/%d missing", y, m)
			}
			if _, ok := lunarDate(y, m, 1, true); ok {
				leaps++
			}
		}
		if leaps > 1 {
			t.Errorf("%d: %d leap months", y, leaps)
		}
	}
}
