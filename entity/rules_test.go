package entity

import (
	"sort"
	"strings"
	"testing"
)

func recognizer(t *testing.T) *Recognizer {
	t.Helper()
	rc, err := New(Options{Segmenter: testSegmenter(t), Lexicon: newMiniLex()})
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

// roleStrings renders roles as "name:title@org" for comparison.
func roleStrings(ps []Person) []string {
	var out []string
	for _, p := range ps {
		if len(p.Roles) == 0 {
			out = append(out, p.Name)
		}
		for _, r := range p.Roles {
			out = append(out, p.Name+":"+r.Title+"@"+r.Org)
		}
	}
	sort.Strings(out)
	return out
}

func TestRoles(t *testing.T) {
	rc := recognizer(t)
	tests := []struct {
		name, title, body string
		want              []string
	}{
		{
			name: "org, two titles, name",
			body: "江城职业技术学院党委书记、校长李洪渠致辞。",
			want: []string{"李洪渠:党委书记@江城职业技术学院", "李洪渠:校长@江城职业技术学院"},
		},
		{
			name: "title list continues across 、",
			body: "湖北省中华职业教育社专职副主任陈南军、三级调研员杨中胜出席。",
			want: []string{"杨中胜:三级调研员@湖北省中华职业教育社", "陈南军:专职副主任@湖北省中华职业教育社"},
		},
		{
			name: "title list continues across ，",
			body: "江城职业技术学院党委书记、校长李洪渠，副校长李望云参加活动。",
			want: []string{"李望云:副校长@江城职业技术学院", "李洪渠:党委书记@江城职业技术学院", "李洪渠:校长@江城职业技术学院"},
		},
		{
			name: "company with three titles",
			body: "中国电建集团江西省电力建设有限公司总经理、党委副书记、董事向晓斌表示，公司有信心。",
			want: []string{"向晓斌:总经理@中国电建集团江西省电力建设有限公司", "向晓斌:党委副书记@中国电建集团江西省电力建设有限公司", "向晓斌:董事@中国电建集团江西省电力建设有限公司"},
		},
		{
			name:  "generic 我校 resolves to the school of the headline",
			title: "江城职业技术学院召开座谈会",
			body:  "我校党委书记张玲出席会议。",
			want:  []string{"张玲:党委书记@江城职业技术学院"},
		},
		{
			name: "place before a government title",
			body: "天津市副市长曹小红出席仪式并见证签约。",
			want: []string{"曹小红:副市长@天津市人民政府"},
		},
		{
			name: "name before title",
			body: "会上，李炯副院长代表学院签署了协议。",
			want: []string{"李炯:副院长@"},
		},
		{
			name: "no surname-only names",
			body: "王总和李校长参观了实验室。",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := rc.Recognize(Doc{Title: tt.title, Body: tt.body})
			got := roleStrings(res.People)
			sort.Strings(tt.want)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestOrganizations(t *testing.T) {
	rc := recognizer(t)
	body := "武汉职业技术学院碳中和产业学院揭牌。中国电建集团江西省电力建设有限公司与武汉职业技术学院合作。江西省电力建设有限公司表示支持。百胜一直与武职开展合作，百胜中国控股有限公司公共事务部总监赵成松讲话。"
	res := rc.Recognize(Doc{Body: body})
	got := map[string][]string{}
	for _, o := range res.Organizations {
		got[o.Name] = o.Aliases
		for _, m := range o.Mentions {
			s := string([]rune(body)[m[0]:m[1]])
			if s != o.Name && !contains(o.Aliases, s) {
				t.Errorf("%s: mention %v is %q, neither the name nor an alias", o.Name, m, s)
			}
		}
	}
	for name, alias := range map[string]string{
		"中国电建集团江西省电力建设有限公司": "江西省电力建设有限公司",
		"武汉职业技术学院":          "武职",
	} {
		if !contains(got[name], alias) {
			t.Errorf("%s: aliases %q, want %q among them (all: %v)", name, got[name], alias, got)
		}
	}
	if _, ok := got["武汉职业技术学院碳中和产业学院"]; !ok {
		t.Errorf("no 武汉职业技术学院碳中和产业学院 in %v", got)
	}
}

func TestMentionOffsets(t *testing.T) {
	rc := recognizer(t)
	body := "副校长李望云代表学校签约。李望云表示，学校将深化合作。"
	res := rc.Recognize(Doc{Body: body})
	r := []rune(body)
	for _, p := range res.People {
		if len(p.Mentions) != 2 {
			t.Errorf("%s: %d mentions, want 2", p.Name, len(p.Mentions))
		}
		for _, m := range p.Mentions {
			if got := string(r[m[0]:m[1]]); got != p.Name {
				t.Errorf("mention %v is %q, want %q", m, got, p.Name)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestReadLatinName(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Darren Smith教授", 12},
		{"Anna M. Berg表示", 12},
		{"Darren教授", -1},
		{"ABB公司", -1},
		{"Darren Smith2023", -1},
		{"darren smith", -1},
		{"John Ronald Reuel Tolkien", -1},
	}
	for _, tt := range tests {
		if got := readLatinName([]rune(tt.in), 0); got != tt.want {
			t.Errorf("readLatinName(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestLocations(t *testing.T) {
	rc := fullRecognizer(t)
	cases := []struct {
		body      string
		want, not []string // places found, and not found
	}{
		{"双方将共同促进中美高等教育交流，推进京津冀协同发展。", []string{"中", "美", "京津冀"}, nil},
		{"我校与英国高校学术交流日益密切，中外合作办学成果显著。", []string{"英国"}, []string{"英", "中"}},
		{"江苏省苏州市姑苏区十梓街1号。苏ICP备10229414号", []string{"江苏省", "苏州市"}, []string{"苏"}},
	}
	for _, c := range cases {
		got := map[string][]Span{}
		for _, l := range rc.Recognize(Doc{Body: c.body}).Locations {
			got[l.Name] = l.Mentions
		}
		for _, w := range c.want {
			if len(got[w]) == 0 {
				t.Errorf("%s: no place %s (got %v)", c.body, w, got)
			}
		}
		for _, n := range c.not {
			if len(got[n]) > 0 {
				t.Errorf("%s: %s read as a place at %v", c.body, n, got[n])
			}
		}
	}
}

func TestInAbbreviations(t *testing.T) {
	for _, c := range []struct {
		text string
		i    int
		want bool
	}{{"中美关系", 0, true}, {"中美关系", 1, true}, {"中外合作", 0, false}, {"中国", 0, false}, {"京津冀", 2, true}, {"苏ICP备", 0, false}, {"沪苏浙皖赣", 0, false}} {
		if got := inAbbreviations([]rune(c.text), c.i); got != c.want {
			t.Errorf("inAbbreviations(%s, %d) = %v, want %v", c.text, c.i, got, c.want)
		}
	}
}

func TestEnumeratorEnd(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"（1）软件学院", "软件学院"}, {"(2)南开大学", "南开大学"}, {"（四）行业集团", "行业集团"}, {"）联合体", "联合体"},
		{"17家子分公司", "子分公司"}, {"1个国家重点实验室", "国家重点实验室"}, {"１１２中学", "１１２中学"}, {"南开大学", "南开大学"},
		{"（清华）大学", "（清华）大学"},
	} {
		r := []rune(c.in)
		if got := string(r[enumeratorEnd(r, 0, len(r)):]); got != c.want {
			t.Errorf("enumeratorEnd(%s) leaves %s, want %s", c.in, got, c.want)
		}
	}
	rc := recognizer(t)
	res := rc.Recognize(Doc{Body: "驻院单位有：（1）软件学院；（2）泰达生物技术研究院。本项目（不接受）联合体投标。学院拥有1个国家重点实验室。"})
	for _, o := range res.Organizations {
		if r := []rune(o.Name); enumeratorEnd(r, 0, len(r)) > 0 || o.Name == "联合体" {
			t.Errorf("organization %q", o.Name)
		}
	}
}

func TestDotNames(t *testing.T) {
	rc := fullRecognizer(t)
	for _, c := range []struct {
		name string
		want bool
	}{{"马修·威尔逊", true}, {"特·那不能", true}, {"阿卜杜勒·阿齐兹", true}, {"热依拉·买买提", true},
		{"顶尖平台·赋能全球视野", false}, {"睿医智药·聚势破局", false}, {"共建共享·协同育人", false}, {"群星璀璨·办学成就", false}} {
		if got := rc.plausibleName(c.name); got != c.want {
			t.Errorf("plausibleName(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}
