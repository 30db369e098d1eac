package entity

import (
	"strings"
	"sync"
	"testing"

	"github.com/zhnews/zhnews/seg"
)

// miniLex is a small lexicon for unit tests, so that they test the rules
// of this package and not the contents of the real word lists.
type miniLex struct {
	titles, honorific, places, notPerson map[string]bool
	suffixes                             map[string]string
	surnames                             map[string]int
	generic                              map[string]string
}

func newMiniLex() *miniLex {
	set := func(s string) map[string]bool { return toSet(s) }
	l := &miniLex{
		titles:    set(`党委书记 党委副书记 书记 副书记 校长 副校长 院长 副院长 主任 副主任 专职副主任 三级调研员 总经理 副总经理 董事 董事长 总监 创始人 教授 副市长 市长 区长 处长 部长 委员 常委 客座教授 教学总监`),
		honorific: set(`教授 副教授 研究员`),
		places:    set(`湖北省 湖北 武汉 武汉市 江西省 杭州 深圳 天津市 天津 西青区`),
		notPerson: set(`师生 嘉宾 领导 代表`),
		suffixes: map[string]string{
			"大学": KindSchool, "学院": KindSchool, "职业技术学院": KindSchool, "有限公司": KindCompany, "控股有限公司": KindCompany,
			"集团": KindCompany, "公司": KindCompany, "教育社": KindAssociation, "中心": KindDepartment, "研究院": KindResearch,
			"人民政府": KindGovernment, "部": KindDepartment, "处": KindDepartment, "区委": KindGovernment,
		},
		surnames: map[string]int{"李": 1, "王": 2, "张": 3, "陈": 5, "杨": 6, "赵": 7, "向": 120, "尹": 90, "邹": 60, "邬": 200, "汪": 50, "朱": 13, "欧阳": 150, "白": 70, "曹": 26},
		generic:  map[string]string{"学校": "school", "我校": "school", "本校": "school", "双方": "party", "公司": "party"},
	}
	return l
}

func (l *miniLex) longest(r []rune, i int, set func(string) bool) int {
	for n := min(8, len(r)-i); n > 0; n-- {
		if set(string(r[i : i+n])) {
			return n
		}
	}
	return 0
}

func (l *miniLex) TitleAt(r []rune, i int) int {
	return l.longest(r, i, func(s string) bool { return l.titles[s] })
}
func (l *miniLex) TitleEndingAt(r []rune, end int) int {
	for n := min(8, end); n > 0; n-- {
		if l.titles[string(r[end-n:end])] {
			return n
		}
	}
	return 0
}
func (l *miniLex) Honorific(t string) bool { return l.honorific[t] }
func (l *miniLex) OrgSuffixEndingAt(r []rune, end int) (int, string) {
	for n := min(8, end); n > 0; n-- {
		if k, ok := l.suffixes[string(r[end-n:end])]; ok {
			return n, k
		}
	}
	return 0, ""
}
func (l *miniLex) SurnameAt(r []rune, i int) (int, int) {
	if i+2 <= len(r) {
		if rank, ok := l.surnames[string(r[i:i+2])]; ok {
			return 2, rank
		}
	}
	if i < len(r) {
		if rank, ok := l.surnames[string(r[i])]; ok {
			return 1, rank
		}
	}
	return 0, 0
}
func (l *miniLex) PlaceAt(r []rune, i int) int {
	return l.longest(r, i, func(s string) bool { return l.places[s] })
}
func (l *miniLex) Generic(w string) (string, bool) {
	ref, ok := l.generic[w]
	return ref, ok
}
func (l *miniLex) NotPerson(w string) bool                { return l.notPerson[w] }
func (l *miniLex) KnownOrg(string) (string, string, bool) { return "", "", false }
func (l *miniLex) KnownOrgs() map[string][]string         { return nil }
func (l *miniLex) KnownPerson(string) bool                { return false }
func (l *miniLex) String() string                         { return strings.Repeat("", 0) }

var (
	segOnce sync.Once
	segm    *seg.Segmenter
	segErr  error
)

func testSegmenter(t testing.TB) *seg.Segmenter {
	t.Helper()
	segOnce.Do(func() { segm, segErr = seg.New(seg.Options{}) })
	if segErr != nil {
		t.Fatal(segErr)
	}
	return segm
}

func (l *miniLex) UserOrgAt([]rune, int) (int, string, string) { return 0, "", "" }
func (l *miniLex) KnownOrgAt([]rune, int) (int, string)        { return 0, "" }
func (l *miniLex) KnownOrgName(string) string                  { return "" }
func (l *miniLex) UserPersonAt([]rune, int) (int, string)      { return 0, "" }
