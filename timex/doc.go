// Package timex finds Chinese date and time expressions in a text and
// normalizes them against a reference time, the article's publish date.
//
// # Contract
//
// [Find] returns every expression, in order of first mention, one [Date]
// per distinct (text, value) with all its occurrences in Mentions. Offsets
// are [start, end) rune (code point) offsets into the text, so
// []rune(text)[start:end] is the Date's Text. Value is ISO 8601 at the grain
// written: "2021", "2021-06", "2021-06-24", "2021-06-24T14:30" (hour and
// minute grain), "2021-06-24T14:30:05" (second grain). A week is given by
// its Monday ("2021-06-14", grain week); a quarter by its first month with
// End its last month. An unknown year is written XXXX ("XXXX-06-24"), an
// unknown month XX ("XXXX-XX-29" for a bare 29日 in a text without a
// reference). End is the inclusive last value of a range (7月1日至3日).
// Times are wall-clock times in the location of Options.Ref.
//
// # Conventions
//
//   - A date without a year takes the year of an explicit year earlier in
//     the same sentence (2018年1月和12月); otherwise, with a reference, the
//     year that puts it nearest the reference (12月30日 in a page of
//     2022-01-05 is 2021-12-30); without one, the nearest explicit year
//     earlier in the text, else a later explicit year with the same month,
//     else XXXX.
//   - News reading: a bare weekday (周五, 星期五) or holiday (国庆节) is the
//     most recent one, today included; 下周五 and 本周五 say which week.
//     Duckling and the Time-NLP family lean forward instead; Options.Forward
//     selects their reading (next weekday after today, next holiday or
//     yearless date on or after the reference, next occurrence of a bare
//     clock time).
//   - Relative expressions (今天, 上周三, 下个月, 去年, 3天前, 近日 ...) need a
//     reference; without one they are left out, as are 当年 and the like.
//     次日/第二天 is the day after the previous date in the text.
//   - A part of the day alone (6月24日下午) keeps grain day and sets
//     PartOfDay; with a clock time (下午3点) the hour is on the 24-hour clock
//     and the grain is hour or minute. 凌晨, 夜里, 深夜 are night; 晚上,
//     傍晚, 晚 evening; 中午 noon.
//   - 年初/年底, 月初/月底, 上旬/中旬/下旬 keep grain month with the month as
//     Value; 上半年 and quarters are months with End; 本学期, 本学年 are fuzzy.
//   - Fuzzy words (近日, 日前, 近期, 前不久, 最近, 不久前) are the reference
//     day with Fuzzy set.
//   - Durations are no dates (三年, 5个月, 70周年) unless 前/后 makes them
//     relative (3天前, 两周后); prefixed 上两周/前两年 count back, 下三天
//     is the span from the next day on (Duckling's reading).
//   - Not dates: numbers without a date unit (3060, 2021, 1.5), 十四五,
//     ID and phone numbers, money, counts, ages, 2022届/2021级 cohorts,
//     decimals such as 二十七点三, and "N点" that is a count (三点希望).
//     Two-digit years are read only before a month, quarter or 年底
//     (21年7月, 19年底).
//   - Dates whose 月 was lost in scraping (624日下午, 1023日, 65上午) are read
//     when no other reading fits: the split into a valid month and day,
//     nearest the reference when there are two.
//   - Holidays: fixed solar ones, Mother's/Father's Day, Thanksgiving,
//     清明 and the Easter cycle (Western and Orthodox). Lunar holidays
//     (春节, 中秋) and lunar dates are not converted.
//
// # Concurrency and cost
//
// Find keeps no state between calls and is safe for concurrent use. It is a
// hand-written scanner over runes: a quick scan for digits and date
// characters returns at once for text without any, and the rest is linear in
// the length of the text.
package timex
