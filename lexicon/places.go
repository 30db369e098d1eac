package lexicon

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Level is the administrative level of a place.
type Level string

// Place levels.
const (
	LevelCountry    Level = "country"
	LevelRegion     Level = "region"     // 长三角, 华中, 东南亚
	LevelProvince   Level = "province"   // 34 provincial-level divisions
	LevelPrefecture Level = "prefecture" // prefecture-level cities, 自治州, 地区, 盟; Taiwan cities and counties
	LevelCounty     Level = "county"     // districts, counties, county-level cities
	LevelArea       Level = "area"       // development zones and well-known areas (光谷, 中关村)
)

func (l Level) valid() bool {
	switch l {
	case LevelCountry, LevelRegion, LevelProvince, LevelPrefecture, LevelCounty, LevelArea:
		return true
	}
	return false
}

// PlaceInfo describes one written form of a place.
type PlaceInfo struct {
	Text   string // the form looked up (湖北, 武汉市, 臺北)
	Name   string // the full name (湖北省, 武汉市, 臺北市)
	Level  Level
	Parent string // the province, for places below it
	// Weak forms are also ordinary words (安康, 来宾, 白银, 朝阳): Place
	// does not return them, IsPlace and LookupPlace do.
	Weak bool
}

type placeSet struct {
	t     *trie
	list  []PlaceInfo
	abbr  map[rune]string // 鄂 -> 湖北省
	names int             // distinct full names
}

var basePlaces = sync.OnceValue(func() *placeSet {
	return mustLoad(loadPlaces())
})

func newPlaceSet() *placeSet {
	return &placeSet{t: newTrie(), abbr: make(map[rune]string)}
}

// add adds p unless its text is there already (the first entry wins, and
// a strong entry replaces a weak one).
func (ps *placeSet) add(p PlaceInfo) {
	if i := ps.t.get(p.Text); i >= 0 {
		if ps.list[i].Weak && !p.Weak {
			ps.list[i] = p
		}
		return
	}
	ps.t.put(p.Text, int32(len(ps.list)))
	ps.list = append(ps.list, p)
}

func loadPlaces() (*placeSet, error) {
	lines, err := readData(dataFS, "places.txt")
	if err != nil {
		return nil, err
	}
	ps := newPlaceSet()
	var all []PlaceInfo
	parent := ""
	for _, l := range lines {
		f0 := l.fields[0]
		var name string
		var level Level
		var aliases []string
		switch {
		case strings.HasPrefix(f0, "@"):
			parent = f0[1:]
			continue
		case strings.HasPrefix(f0, "+"), strings.HasPrefix(f0, "-"):
			parts := strings.Split(f0[1:], ",")
			name, aliases = parts[0], parts[1:]
			level = LevelCounty
			if f0[0] == '+' {
				stem := name
				name = strings.TrimPrefix(stem, "?") + "市"
				level = LevelPrefecture
				aliases = append([]string{stem}, aliases...)
			}
		default:
			if len(l.fields) < 2 {
				return nil, l.errorf("want name<TAB>level[<TAB>aliases]")
			}
			name, level = f0, Level(l.fields[1])
			if len(l.fields) > 2 && l.fields[2] != "" {
				aliases = strings.Split(l.fields[2], ",")
			}
		}
		if !level.valid() {
			return nil, l.errorf("unknown level %q", level)
		}
		if name == "" || strings.ContainsAny(name, "?=") {
			return nil, l.errorf("bad name %q", name)
		}
		par := parent
		if level == LevelProvince || level == LevelCountry || level == LevelRegion {
			par = ""
		}
		ps.names++
		all = append(all, PlaceInfo{Text: name, Name: name, Level: level, Parent: par})
		for _, a := range aliases {
			a = strings.TrimSpace(a)
			weak := strings.HasPrefix(a, "?")
			a = strings.TrimPrefix(a, "?")
			if strings.HasPrefix(a, "=") {
				r, n := utf8.DecodeRuneInString(a[1:])
				if n == 0 || 1+n != len(a) {
					return nil, l.errorf("abbreviation %q is not one character", a)
				}
				ps.abbr[r] = name
				continue
			}
			if a == "" {
				return nil, l.errorf("empty alias")
			}
			all = append(all, PlaceInfo{Text: a, Name: name, Level: level, Parent: par, Weak: weak})
		}
	}
	for _, p := range all {
		ps.add(p)
	}
	for _, p := range all {
		if t := ToTraditional(p.Text); t != p.Text {
			q := p
			q.Text = t
			ps.add(q)
		}
	}
	return ps, nil
}

// longest returns the end of the longest strong place at i and its entry.
func (ps *placeSet) longest(s string, i int) (int, *PlaceInfo) {
	if i < 0 || i >= len(s) {
		return -1, nil
	}
	end, v := ps.t.longest(s, i, func(v int32) bool { return !ps.list[v].Weak })
	if end < 0 {
		return -1, nil
	}
	return end, &ps.list[v]
}

func (ps *placeSet) lookup(s string) (PlaceInfo, bool) {
	if i := ps.t.get(s); i >= 0 {
		return ps.list[i], true
	}
	return PlaceInfo{}, false
}

// Place returns the length in bytes of the longest place name that starts
// at byte i of s, and its level; length is 0 if none does. Weak forms
// (ordinary words such as 安康 or 来宾) and one-character abbreviations (鄂)
// are never returned. Like every matcher here it looks only to the right:
// 中山 in 中山大学 is a place, and the caller decides that the whole is an
// organization.
func Place(s string, i int) (length int, level Level) {
	end, p := basePlaces().longest(s, i)
	if p == nil {
		return 0, ""
	}
	return end - i, p.Level
}

// LookupPlace returns what is known about the place written s (weak forms
// included).
func LookupPlace(s string) (PlaceInfo, bool) { return basePlaces().lookup(s) }

// IsPlace reports whether s is a known place name or short form.
func IsPlace(s string) bool {
	_, ok := basePlaces().lookup(s)
	return ok
}

// ProvinceAbbr returns the province whose one-character abbreviation is r
// (鄂 → 湖北省, 粤 → 广东省). Abbreviations are never matched as places by
// themselves: 鄂 in 鄂州 or 湘 in 湘江 is part of another name.
func ProvinceAbbr(r rune) (province string, ok bool) {
	province, ok = basePlaces().abbr[r]
	return
}
