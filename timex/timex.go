package timex

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date is one date or time expression found in a text.
type Date struct {
	Text      string   `json:"text"`                  // the expression as written
	Value     string   `json:"value"`                 // ISO 8601 at the grain written; XXXX for an unknown year
	End       string   `json:"end,omitempty"`         // last value of a range, same format, inclusive
	Grain     string   `json:"grain"`                 // year, quarter, month, week, day, hour, minute, second
	PartOfDay string   `json:"part_of_day,omitempty"` // morning, noon, afternoon, evening, night
	Fuzzy     bool     `json:"fuzzy,omitempty"`       // 近日, 日前, 近期 ...: a best value
	Mentions  [][2]int `json:"mentions"`              // [start, end) rune offsets of every occurrence
}

// Options configures Find; the zero value means "no reference time".
type Options struct {
	// Ref is the reference (publish) time; zero means unknown. Values are
	// given in the wall clock of Ref's location.
	Ref time.Time
	// Forward resolves expressions that do not say which way to look the
	// way scheduling assistants do (Duckling, Time-NLP): a bare weekday is
	// the next one after the reference day, a holiday or a yearless date the
	// next one on or after it, a bare clock time the next one after the
	// reference instant. The default is the news reading: the most recent
	// weekday or holiday (today included), the yearless date nearest the
	// reference, a clock time on the reference day.
	Forward bool
	// Instants selects the time-parser reading of the test suites (JioNLP,
	// Duckling, Time-NLP), which resolve an expression to the instant it
	// starts at a finer grain: a part of the day with a day is its first
	// hour (6月24日下午 is 2021-06-24T13:00, grain hour); 上旬, 下旬, 月初,
	// 月底 and 月末 are spans of days; 年底/年末 is November with End
	// December; a past date followed by 起/至今/到现在 and a later one
	// followed by 之前/以前/前 are spans between the date and the reference;
	// spans counted from the reference (未来7天, 近30天, 60日内, 三个多月以来)
	// are start instants at grain second with End. A bare weekday or
	// holiday is the next one (Forward for them only; yearless dates keep
	// the news rule, a bare day is in the reference's month). It is the
	// reading for `zhnews dates`.
	// The default is the annotation reading that extraction writes: the
	// value at the grain written (6月24日下午 is 2021-06-24, grain day,
	// with PartOfDay; 7月上旬 is 2021-07; 年底 is 2021-12; 去年9月起 is
	// 2020-09), and durations counted from the reference are no dates.
	Instants bool
}

// ParseRef reads a reference time: RFC 3339, a date and time without a zone
// ("2021-06-14T01:06:40", "2021-06-14 01:06", "2019-02-18T07"), a date
// ("2021-06-14"), a month ("2021-05") or a year ("2021"). China time
// (UTC+8) is assumed when no zone is given.
func ParseRef(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	cst := time.FixedZone("CST", 8*3600)
	for _, l := range []string{
		"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
		"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15", "2006-01-02",
		"2006/01/02",
	} {
		if t, err := time.ParseInLocation(l, s, cst); err == nil {
			return t, nil
		}
	}
	// a month or a year only: the location marks the precision
	if t, err := time.ParseInLocation("2006-01", s, refMonthLoc); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006", s, refYearLoc); err == nil {
		return t, nil
	}
	_, err := time.Parse(time.RFC3339, s)
	return time.Time{}, err
}

// refMonthLoc and refYearLoc are China time; ParseRef gives them to a
// reference that names only a month or a year, so that Find knows how much
// the reference says.
var (
	refMonthLoc = time.FixedZone("CST", 8*3600)
	refYearLoc  = time.FixedZone("CST", 8*3600)
)

const (
	gNone = iota
	gYear
	gQuarter
	gMonth
	gWeek
	gDay
	gHour
	gMinute
	gSecond
)

var grainNames = [...]string{"", "year", "quarter", "month", "week", "day", "hour", "minute", "second"}

// pt is one point in time as read; unknown fields are 0 (date) or -1 (time).
type pt struct {
	y, mo, d  int
	h, mi, s  int
	g         int
	pod       string
	yearAbs   bool // the year is written in the text
	needRef   bool // relative: dropped without a reference
	fuzzy     bool
	hol       int  // holiday index + 1 waiting for a year
	dayOffset int  // days to add after the year is known (holiday+N)
	relDay    bool // the date comes from the reference
	lunar     bool // month and day are on the Chinese calendar
	leap      bool // a leap month (闰四月)
	h24       bool // the hour is unambiguous (14:30, 下午3点), not 3点 alone
	podh      int  // hour + 1 that the part of the day stands for (上午 7)
	wdNext    bool // a bare weekday put a week ahead because it is today's
}

func newPt() pt { return pt{h: -1, mi: -1, s: -1} }

func (t *pt) hasDate() bool { return t.y != 0 || t.mo != 0 || t.d != 0 || t.hol != 0 }

// raw is one expression found by the scanner.
type raw struct {
	start, end int
	a, b       pt
	hasEnd     bool
	fmtOK      bool
	before     int // end without 之前/以前/前 (年底前): a span from the reference when later
	since      int // end without 起/至今/到现在 (去年9月起): a span up to the reference when earlier
}

// Find returns every date/time expression in text, in order of first mention.
// It is safe for concurrent use.
func Find(text string, opts Options) []Date {
	if !precheck(text) && !(opts.Instants && strings.Contains(text, "家")) {
		return nil
	}
	r := []rune(text)
	s := &scanner{r: r, n: len(r), fwd: opts.Forward, inst: opts.Instants, ahead: opts.Forward || opts.Instants}
	if !opts.Ref.IsZero() {
		s.hasRef = true
		ref := opts.Ref
		s.ry, s.rm, s.rd = ref.Year(), int(ref.Month()), ref.Day()
		s.rh, s.rmi, s.rs = ref.Hour(), ref.Minute(), ref.Second()
		s.prec = gSecond
		switch ref.Location() {
		case refYearLoc:
			s.prec = gYear
		case refMonthLoc:
			s.prec = gMonth
		}
	}
	raws := s.scan()
	if len(raws) == 0 {
		return nil
	}
	s.resolve(raws)
	// one buffer for all values and the byte offsets of the mentions: a
	// few allocations per call, not a few per date
	type span struct{ v0, v1, e0, e1, b0, b1 int }
	spans := make([]span, 0, len(raws))
	vb := make([]byte, 0, 24*len(raws))
	out := make([]Date, 0, len(raws))
	ments := make([][2]int, 0, len(raws))
	ri, bi := 0, 0
	toByte := func(target int) int {
		for ri < target && bi < len(text) {
			_, sz := utf8.DecodeRuneInString(text[bi:])
			bi += sz
			ri++
		}
		return bi
	}
	for k := range raws {
		w := &raws[k]
		if !w.fmtOK {
			continue
		}
		var sp span
		sp.b0 = toByte(w.start)
		sp.b1 = toByte(w.end)
		sp.v0 = len(vb)
		vb = appendFormat(vb, &w.a)
		sp.v1, sp.e0 = len(vb), len(vb)
		if w.hasEnd {
			vb = appendFormat(vb, &w.b)
		}
		sp.e1 = len(vb)
		dup := -1
		for j := range out {
			o := &spans[j]
			if text[o.b0:o.b1] == text[sp.b0:sp.b1] && string(vb[o.v0:o.v1]) == string(vb[sp.v0:sp.v1]) {
				dup = j
				break
			}
		}
		if dup >= 0 {
			out[dup].Mentions = append(out[dup].Mentions, [2]int{w.start, w.end})
			continue
		}
		ments = append(ments, [2]int{w.start, w.end})
		out = append(out, Date{
			Grain:     grainNames[w.a.g],
			PartOfDay: w.a.pod,
			Fuzzy:     w.a.fuzzy,
			Mentions:  ments[len(ments)-1 : len(ments) : len(ments)],
		})
		spans = append(spans, sp)
	}
	if len(out) == 0 {
		return nil
	}
	vs := string(vb)
	for j := range out {
		sp := &spans[j]
		out[j].Value = vs[sp.v0:sp.v1]
		if sp.e1 > sp.e0 {
			out[j].End = vs[sp.e0:sp.e1]
		}
		out[j].Text = text[sp.b0:sp.b1]
		if !utf8.ValidString(out[j].Text) {
			m := out[j].Mentions[0]
			out[j].Text = string(r[m[0]:m[1]])
		}
	}
	return out
}

// precheck reports whether text may hold a date at all: a digit or one of
// the characters every date expression contains.
func precheck(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= '0' && c <= '9' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch r {
		case '年', '月', '日', '号', '號', '时', '時', '点', '點', '周', '週', '天', '星', '礼', '禮',
			'晚', '早', '午', '夜', '晨', '节', '節', '季', '旬', '近', '前', '今', '昨', '明', '刻',
			'诞', '誕', '旦', '夕', '学', '學', '初', '底', '末', '在', '此', '後', '后', '久', '秒', '分', '钟', '鐘', '半', 'Q':
			return true
		}
		if firstRunes()[r] {
			return true
		}
		if r >= '０' && r <= '９' {
			return true
		}
	}
	return false
}

func pad2(b []byte, v int) []byte {
	if v < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(v), 10)
}

func appendFormat(b []byte, t *pt) []byte {
	if t.y > 0 {
		if t.y < 1000 {
			b = append(b, '0')
		}
		if t.y < 100 {
			b = append(b, '0')
		}
		if t.y < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, int64(t.y), 10)
	} else {
		b = append(b, "XXXX"...)
	}
	if t.g == gYear {
		return b
	}
	b = append(b, '-')
	if t.mo > 0 {
		b = pad2(b, t.mo)
	} else {
		b = append(b, "XX"...)
	}
	if t.g == gMonth || t.g == gQuarter {
		return b
	}
	b = append(b, '-')
	if t.d > 0 {
		b = pad2(b, t.d)
	} else {
		b = append(b, "XX"...)
	}
	if t.g <= gDay {
		return b
	}
	b = append(b, 'T')
	b = pad2(b, max(t.h, 0))
	b = append(b, ':')
	b = pad2(b, max(t.mi, 0))
	if t.g == gSecond {
		b = append(b, ':')
		b = pad2(b, max(t.s, 0))
	}
	return b
}
