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
// Two readings share the scanner; they differ only where the project's
// annotation rules and the time-parser test suites disagree.
//
//   - The default, the annotation reading, is what extraction writes
//     (`zhnews extract`, the dates of an article) and what real-news gold
//     is written in: the value at the grain written. 6月24日下午 in an
//     article of 2021-07-06 is "2021-06-24", grain day, PartOfDay afternoon;
//     with a clock time (下午3点) the grain is hour or minute. Parts of a
//     month keep the month: 7月上旬, 7月中旬, 7月下旬, 月初, 月底, 月末 are
//     "2021-07", grain month. 年初 is the year's January, 年底/年末 its
//     December ("2021-12"). A date followed by 起, 至今, 到现在 or 以来 is
//     the date at its own grain, the suffix outside the text (去年9月起 is
//     "2020-09", 从2001年起至今 "2001", grain year); a range written to
//     today (从上个月到今天) stays a range. A date followed by
//     之前/以前/前 is that date (年底前 is "2021-12", 2025年前 "2025").
//     Spans counted from the reference are durations and no dates (未来7天,
//     近30天, 过去5分钟, 60日内, 三年内, 3日内, 三个多月以来).
//   - Options.Instants, the time-parser reading, is what the suites (JioNLP,
//     Duckling, Time-NLP) want and the reading for `zhnews dates`: each
//     expression is the instant it starts at, at a finer grain. A part of
//     the day with a day and no clock time (6月24日下午, 昨天黎明, 今晚) is
//     its first hour at grain hour, PartOfDay kept (JioNLP's table): 凌晨/
//     半夜/午夜 00, 后半夜 02, 黎明/早上/早晨 04 (Duckling's morning; JioNLP
//     has 06 for 早上), 清晨 05, 今早 06, 上午 07,
//     中午 12, 下午/午后 13, 傍晚 17, 晚上/今晚 18, 夜里/夜间/前半夜/今夜
//     20, 深夜 23. Parts of a month are days with End: 月初 days 1-5, 上旬
//     1-10, 中下旬 11 to the end, 下旬 21 to the end, 月底/月末 25 to the
//     end; 中旬 keeps grain month (the annotation spec's example: 7月中旬
//     in a page of 2017-06-16 is 2017-07). 年底/年末 is November with End
//     December (the last two months). Spans counted from the reference are
//     given by their start instant at grain second, with End their end:
//     未来7天 and 60日内 start at the reference, 近30天 and 过去5分钟 end
//     there, 三个多月以来 starts at the beginning of the month three months
//     back. A later date followed by 之前/以前/前 (年底前, 2025年前) is the
//     span from the reference to it; a date not later than the reference
//     followed by 起, 至今 or 到现在 (去年9月起, 从2001年起至今, 去年到现在,
//     从上个月到今天) is the span from its start instant up to the
//     reference (2020-09-01T00:00:00 with End the reference).
//     Instants looks forward where every suite does: a bare weekday (周一,
//     星期五, 礼拜天) is the next one after today (星期二 on a Tuesday is
//     next week's), unless a part of the day or clock time with it is still
//     to come today (星期天晚上 on a Sunday afternoon is tonight); a bare
//     holiday (国庆节, 元旦, 春节, 妇女节) is the next one, today included
//     (除夕 in June 2021 is 2022-01-31). Yearless dates keep the news rule
//     below (the suites agree on the reference's year: 1月3, 四月十三,
//     二月十号, 6-3; only JioNLP's ret_future cases want the next one), and
//     a bare day of the month is in the reference's month (30日 on
//     2021-06-14 is 2021-06-30, as JioNLP, Time-NLP and when read it).
//     Bare clock times are as below. So Instants implies Options.Forward
//     for weekdays and holidays only: full Forward loses JioNLP, Time-NLP
//     and Duckling cases on yearless dates (二月十号 on 2013-02-12 is
//     2013-02-10 for Duckling). A part of the day standing alone (午后,
//     白天, 全天, 夜间) is its first hour on the day a bare clock time
//     would take; ranges of hours (9~12点半, 晚上9~11点, 夜间至次日上午)
//     start at the first; 七八点, an approximate hour, is the first. A
//     range whose end is finer starts at that grain (2014年11月到下个月9号
//     starts 2014-11-01). Instants also reads 当前 and the Cantonese
//     而家/依家 (宜家 standing alone) as now, 新春 and 正月朔日 as the
//     Spring Festival, holiday names that begin with a number (五旬节,
//     五四青年节), 仨/俩 in counts (近仨月), a holiday name before a lunar
//     prefix (农历新年).
//
// Everything below holds in both readings.
//
//   - A date without a year takes the year of an explicit year earlier in
//     the same sentence (2018年1月和12月); otherwise, with a reference, the
//     reference's own year unless that puts it more than eight months away
//     and an adjacent year is nearer (12月30日 in a page of 2022-01-05 is
//     2021-12-30; 9月30日 in one of 2008-03-13 is 2008-09-30); without one,
//     the nearest explicit year earlier in the text, else a later explicit
//     year with the same month, else XXXX.
//   - A reference that names only a year ("2021", see [ParseRef]) puts every
//     yearless date and holiday in that year; one that names only a month
//     ("2021-05") puts holidays in its year (芒种 is 2021-06-05).
//   - News reading: a bare weekday (周五, 星期五) or holiday (国庆节) is the
//     most recent one, today included; 下周五 and 本周五 say which week.
//     The suites lean forward instead: Instants reads weekdays and holidays
//     forward (above); Options.Forward reads forward everything that does
//     not say which way to look (next weekday after today, next holiday or
//     yearless date on or after the reference, next occurrence of a bare
//     clock time).
//   - Clock times: with a reference that carries a time of day (not
//     midnight), a clock time without a date or a part of the day in its
//     sentence is the next one after the reference, "3点" on the 12-hour
//     clock (15:00 after 04:30) and "6:30" on the 24-hour clock (06:30 of the
//     next day after 09:44). With a date-only reference it is on that day. The
//     suites agree on this; it does not touch news dates, which carry a day.
//     The twelve double hours are read (子时 23:00, 午时三刻 11:45).
//   - With a clock time (下午3点) the hour is on the 24-hour clock and the
//     grain is hour or minute. A part of the day alone (上午, 白天) is no
//     date. 凌晨, 夜里, 深夜 are night; 晚上, 傍晚, 晚 evening; 中午 noon.
//   - 以来 after a date keeps the date (2012年以来). Offsets count 刻钟 (15
//     minutes), 个季度 (three months) and 工作日/交易日 (Monday to Friday);
//     half a year is 182.5 days, 十个半月后 is a day. "3天" alone and
//     "80多年以来" (ten years or more) stay no dates.
//   - Centuries and decades (上世纪80年代, 十九世纪七十年代, 九十年代末期)
//     are years with End; a bare century (21世纪) only standing alone or
//     with 初/末. 20年第52周 is a week; week 1 begins on the first Monday.
//   - Numeric forms: 2021-07-06, 2021/7/6, 20210706, 10/31/1974, 3/3/15,
//     2/15 and 6-3 standing alone, 6·30, "2022 11 23", 2018-12-1209:03.
//   - Relative expressions (今天, 上周三, 下个月, 去年, 3天前, 近日 ...) need a
//     reference; without one they are left out, as are 当年 and the like.
//     次日/第二天 is the day after the previous date in the text.
//   - 年初/伊始 is January; 这个月前两天 (days 1-2) and 上月最后五天 (the
//     last five) are days with End; 上季度末 is the quarter's last month.
//     上半年, 2021年后三月 and quarters are months with End; 本学期, 本学年
//     are fuzzy.
//   - Seasons run from the solar term that opens them to the day before the
//     next (2021年春 is 2021-02-03 to 2021-05-04, 冬季 立冬 to 立春), after a
//     year or standing alone.
//   - 第三天上午, 第三天起 count like 第二天 (from the previous date, else
//     the reference); 2025年第十天 is 2025-01-10. 第3天 alone or after an
//     event (比赛第3天) is no date.
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
//   - Holidays: fixed solar ones, Mother's/Father's Day, Thanksgiving, the
//     Easter cycle (Western and Orthodox), the 24 solar terms (立春 ...
//     冬至; the term year runs from 立春 to 大寒, so 2017年大寒 is
//     2018-01-20; weather words such as 大雪 only as a whole phrase or with a
//     year) and the lunar festivals (春节, 元宵, 端午, 七夕, 中秋, 重阳,
//     腊八, 小年, 除夕).
//   - The Chinese calendar is computed, not tabulated (lunar.go): new moons
//     after Meeus ch. 49, the sun's longitude after ch. 25, days in China
//     time, month 11 holds the winter solstice, the first month without a
//     major term of a 13-month year is the leap month. Lunar dates are read
//     after 农历/阴历, with 正月/腊月/冬月/闰N月, with 初N days, and for a
//     day in Chinese numerals without 日/号 (八月十五, 五月廿二). A yearless
//     lunar date is in the lunar year numbered as the reference's year; a
//     lunar month alone is its first day with End its last.
//   - The Jewish, Islamic and Hindu holidays are computed too
//     (calendars.go, names in world.go), each name read only as a whole
//     word (光明节能 is no date). The Hebrew calendar is arithmetic: the
//     molad of Tishrei counted in parts, the postponements (dehiyyot), 7
//     leap years in 19; from Rosh Hashanah come 犹太新年, 赎罪日, 住棚节,
//     圣会节, 西赫托拉节, 光明节/哈努卡节, 犹太植树节, 普珥节 (Adar II in a
//     leap year), 逾越节, 以色列独立日 (moved off Friday, Saturday and
//     Monday), 篝火节 (Lag BaOmer), 七七节/沙夫幼特节, 圣殿被毁日 (off the
//     Sabbath). They are the day itself; with Instants the eve, where the
//     Jewish day begins at sundown and where the suites put them (赎罪日
//     of 5774 is 2013-09-13). The Islamic months follow the Umm al-Qura rule
//     as the suites do: a month begins the day after the conjunction when
//     it falls before sunset at Mecca, else a day later (the tabular
//     calendar, kept in islamicTabular, is a day late in about one month of
//     three); 开斋节/肉孜节 1 Shawwal, 古尔邦节/宰牲节 10 Dhu al-Hijja,
//     斋月 1 Ramadan, 伊斯兰新年, 阿舒拉节, 登霄节, 法令之夜, 圣纪节; a
//     Gregorian year may hold a date twice. Hindu months are amanta, named
//     by the sidereal sign (Lahiri) of the sun at the new moon opening
//     them, the first of two in one sign the leap month; the moon after
//     Meeus ch. 47 gives the tithi, and a festival is on the day whose
//     evening (18:00 India time) falls in its tithi: 排灯节 the new moon
//     ending Ashvin, 洒红节/侯丽节 the full moon of Phalguna, 印度兄妹节 of
//     Shravana, 卫塞节 of Vaishakha, 九夜节 Ashvin's first tithi, 十胜节 the
//     tenth day of Navaratri, 克哈特普迦节 six days after Diwali; 印度丰收节
//     (Pongal) is the sun's entry into sidereal Capricorn. Names that news
//     uses for other things too (光明节, 斋月, 禁食日, 权力之夜, 圣母节,
//     凯旋节, 收获节, 转经节 ...) are read with Instants only.
//
// # Concurrency and cost
//
// Find keeps no state between calls and is safe for concurrent use. It is a
// hand-written scanner over runes: a quick scan for digits and date
// characters returns at once for text without any, and the rest is linear in
// the length of the text.
package timex
