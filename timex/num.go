package timex

// adigit is the value of an ASCII or full-width digit, -1 otherwise.
func adigit(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= '０' && c <= '９':
		return int(c - '０')
	}
	return -1
}

// cdigit is the value of a Chinese digit character, -1 otherwise.
func cdigit(c rune) int {
	switch c {
	case '〇', '○', '零', 'Ｏ':
		return 0
	case '一':
		return 1
	case '二', '两', '兩':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

func cunit(c rune) bool {
	switch c {
	case '十', '拾', '百', '千', '廿', '卅':
		return true
	}
	return false
}

func isCN(c rune) bool { return cdigit(c) >= 0 || cunit(c) }

func isDigitLike(c rune) bool { return adigit(c) >= 0 || isCN(c) }

// num is a number read from the text.
type num struct {
	v      int  // value; -1 when too long to matter
	end    int  // rune index after the number
	nd     int  // characters read
	arabic bool // written in digits
	pos    bool // Chinese with units (十, 百, 千): a count, not a digit string
	liang  bool // contains 两/兩 (a count word)
}

// readNum reads an Arabic or Chinese number at i.
func readNum(r []rune, i int) (num, bool) {
	n := len(r)
	if i >= n {
		return num{}, false
	}
	if adigit(r[i]) >= 0 {
		j, v := i, 0
		for j < n && adigit(r[j]) >= 0 {
			if v >= 0 && j-i < 12 {
				v = v*10 + adigit(r[j])
			} else {
				v = -1
			}
			j++
		}
		return num{v: v, end: j, nd: j - i, arabic: true}, true
	}
	if !isCN(r[i]) {
		return num{}, false
	}
	j := i
	for j < n && j-i < 12 && isCN(r[j]) {
		j++
	}
	// do not read a longer run of Chinese numerals: it is no date part
	if j < n && isCN(r[j]) {
		return num{}, false
	}
	var out num
	out.end, out.nd = j, j-i
	units := false
	for k := i; k < j; k++ {
		if cunit(r[k]) {
			units = true
		}
		if r[k] == '两' || r[k] == '兩' {
			out.liang = true
		}
	}
	if !units {
		v := 0
		for k := i; k < j; k++ {
			v = v*10 + cdigit(r[k])
		}
		out.v = v
		return out, true
	}
	out.pos = true
	section, cur, seen := 0, 0, false
	for k := i; k < j; k++ {
		c := r[k]
		if d := cdigit(c); d >= 0 {
			cur = d
			seen = seen || d > 0
			continue
		}
		switch c {
		case '十', '拾':
			if cur == 0 && !seen {
				cur = 1
			}
			section += cur * 10
		case '百':
			section += cur * 100
		case '千':
			section += cur * 1000
		case '廿':
			section += 20
		case '卅':
			section += 30
		}
		cur, seen = 0, true
	}
	out.v = section + cur
	return out, true
}
