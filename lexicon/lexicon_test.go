package lexicon

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestTitleMatch(t *testing.T) {
	tests := []struct {
		text string
		want string // the title matched at 0
	}{
		{"专职副主任陈南军", "专职副主任"},
		{"党委副书记、董事", "党委副书记"},
		{"三级调研员杨中胜", "三级调研员"},
		{"常务副校长王", "常务副校长"},
		{"總經理", "總經理"},
		{"校長李", "校長"},
		{"學務長", "學務長"},
		{"党委书记、校长李洪渠", "党委书记"},
		{"总经理、党委副书记", "总经理"},
		{"副校长李望云", "副校长"},
		{"执行院长", "执行院长"},
		{"名誉院长", "名誉院长"},
		{"客座教授", "客座教授"},
		{"产业教授", "产业教授"},
		{"原党委常务副书记", "原党委常务副书记"},
		{"前任校長", "前任校長"},
		{"二级巡视员", "二级巡视员"},
		{"一级主任科员", "一级主任科员"},
		{"董事长杨凯", "董事长"},
		{"总监赵成松", "总监"},
		{"CEO", "CEO"},
		{"创始人王朋", "创始人"},
		{"联合创始人", "联合创始人"},
		// not titles, or not the longer ordinary word
		{"委员会", ""},
		{"董事会", ""},
		{"主席台就座", ""},
		{"校长办公室", ""},
		{"总监督", ""},
		{"前往", ""},
		{"原因", ""},
		{"副作用", ""},
		{"高级职称", ""},
		{"专职", ""},
		{"党委", ""},
		{"", ""},
	}
	ts := Titles()
	for _, tt := range tests {
		n := ts.Match(tt.text, 0)
		if got := tt.text[:n]; got != tt.want {
			t.Errorf("Match(%q, 0) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTitleMatchOffset(t *testing.T) {
	s := "湖北省中华职业教育社专职副主任陈南军"
	i := strings.Index(s, "专职")
	if n := Titles().Match(s, i); s[i:i+n] != "专职副主任" {
		t.Errorf("got %q", s[i:i+n])
	}
	if n := Titles().Match(s, len(s)); n != 0 {
		t.Errorf("Match at end = %d", n)
	}
	if n := Titles().Match(s, -1); n != 0 {
		t.Errorf("Match at -1 = %d", n)
	}
}

func TestTitleClass(t *testing.T) {
	ts := Titles()
	for _, tt := range []struct {
		title string
		class TitleClass
		ok    bool
	}{
		{"教授", Honorific, true},
		{"副教授", Honorific, true},
		{"博士生导师", Honorific, true},
		{"老师", Honorific, true},
		{"客座教授", Post, true},
		{"双创客座", Post, false},
		{"讲座教授", Post, true},
		{"兼职教授", Post, true},
		{"院士", Honorific, true},
		{"中国科学院院士", Post, false}, // the academy is an organization: 院士 at 中国科学院
		{"校长", Post, true},
		{"三级调研员", Post, true},
		{"通讯员", Byline, true},
		{"记者", Byline, true},
		{"专职", Post, false},
	} {
		c, ok := ts.Class(tt.title)
		if ok != tt.ok || (ok && c != tt.class) {
			t.Errorf("Class(%q) = %v, %v; want %v, %v", tt.title, c, ok, tt.class, tt.ok)
		}
	}
	if !ts.IsHonorific("研究员") || ts.IsHonorific("特聘研究员") || ts.IsHonorific("院长") {
		t.Error("IsHonorific")
	}
	if !ts.Has("专职副主任") || ts.Has("专职副") || ts.Has("副主任李") {
		t.Error("Has")
	}
	if !ts.IsPrefix("党委") || ts.IsPrefix("校长") {
		t.Error("IsPrefix")
	}
	if ts.Len() < 800 {
		t.Errorf("only %d titles", ts.Len())
	}
}

func TestOrgSuffix(t *testing.T) {
	tests := []struct {
		name, suffix string
		kind         Kind
	}{
		{"武汉职业技术学院", "职业技术学院", KindSchool},
		{"百胜中国控股有限公司", "控股有限公司", KindCompany},
		{"茌平区人民政府", "人民政府", KindGovernment},
		{"湖北省中华职业教育社", "教育社", KindAssociation},
		// A public institution under the provincial education department,
		// not a school unit: other by default (department and government
		// are listed as alternatives).
		{"湖北省高等学校毕业生就业指导服务中心", "指导服务中心", KindOther},
		{"超星集团职业教育研究院", "研究院", KindResearch},
		{"公共事务部", "部", KindDepartment},
		{"武汉职业技术学院双创协同教育中心", "协同教育中心", KindDepartment},
		{"武汉新能源研究院有限公司", "有限公司", KindCompany},
		{"卓尔智联集团", "集团", KindCompany},
		{"党委宣传部", "党委宣传部", KindDepartment},
		{"碳中和产业学院", "产业学院", KindDepartment},
		{"中华人民共和国教育部", "教育部", KindGovernment},
		{"國立臺灣大學", "大學", KindSchool},
		{"臺北市政府", "市政府", KindGovernment},
		{"中華民國紅十字會", "紅十字會", KindAssociation},
		{"武汉大学中南医院", "医院", KindOther},
	}
	for _, tt := range tests {
		suf, kind, ok := OrgSuffix(tt.name)
		if !ok || suf != tt.suffix || kind != tt.kind {
			t.Errorf("OrgSuffix(%q) = %q, %q, %v; want %q, %q", tt.name, suf, kind, ok, tt.suffix, tt.kind)
		}
	}
	for _, s := range []string{"", "李洪渠", "湖北"} {
		if suf, _, ok := OrgSuffix(s); ok {
			t.Errorf("OrgSuffix(%q) = %q", s, suf)
		}
	}
	if x, _ := OrgSuffixInfo("双创学院"); len(x.Alt) == 0 || x.Alt[0] != KindDepartment {
		t.Errorf("学院 alternatives = %v", x.Alt)
	}
	all := OrgSuffixes()
	for i := 1; i < len(all); i++ {
		if len([]rune(all[i].Text)) > len([]rune(all[i-1].Text)) {
			t.Fatal("OrgSuffixes not longest first")
		}
	}
	all[0].Text = "changed"
	if OrgSuffixes()[0].Text == "changed" {
		t.Error("OrgSuffixes shares its slice")
	}
}

func TestSurname(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string
	}{
		{"欧阳明", "欧阳"},
		{"歐陽明", "歐陽"},
		{"诸葛亮", "诸葛"},
		{"司马迁", "司马"},
		{"李洪渠", "李"},
		{"陳南軍", "陳"},
		{"鍾", "鍾"},
		{"向晓斌", "向"},
		{"的", ""},
		{"", ""},
	} {
		n := Surname(tt.text, 0)
		if got := tt.text[:n]; got != tt.want {
			t.Errorf("Surname(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if !IsSurname('王') || !IsSurname('張') || IsSurname('的') {
		t.Error("IsSurname")
	}
	if r, ok := SurnameRank("王"); !ok || r != 1 {
		t.Errorf("rank 王 = %d %v", r, ok)
	}
	if r, ok := SurnameRank("欧阳"); !ok || r < 50 {
		t.Errorf("rank 欧阳 = %d %v", r, ok)
	}
	if r1, _ := SurnameRank("李"); func() bool { r2, _ := SurnameRank("邹"); return r1 >= r2 }() {
		t.Error("李 should rank above 邹")
	}
	if _, ok := SurnameRank("的"); ok {
		t.Error("的 is not a surname")
	}
	if n := len(baseSurnames().single); n < 400 {
		t.Errorf("only %d single surnames", n)
	}
}

func TestPlace(t *testing.T) {
	for _, tt := range []struct {
		text  string
		want  string
		level Level
	}{
		{"湖北省中华职业教育社", "湖北省", LevelProvince},
		{"湖北爱福家", "湖北", LevelProvince},
		{"武汉职业技术学院", "武汉", LevelPrefecture},
		{"武汉市千米科技有限公司", "武汉市", LevelPrefecture},
		{"茌平区人民政府", "茌平区", LevelCounty},
		{"深圳央聚控股", "深圳", LevelPrefecture},
		{"臺北市", "臺北市", LevelPrefecture},
		{"台北", "台北", LevelPrefecture},
		{"屏東縣", "屏東縣", LevelPrefecture},
		{"澎湖", "澎湖", LevelPrefecture},
		{"高雄", "高雄", LevelPrefecture},
		{"廣東省", "廣東省", LevelProvince},
		{"內蒙古自治區", "內蒙古自治區", LevelProvince},
		{"恩施州", "恩施州", LevelPrefecture},
		{"美国", "美国", LevelCountry},
		{"美國", "美國", LevelCountry},
		{"新西兰", "新西兰", LevelCountry},
		{"澳大利亚", "澳大利亚", LevelCountry},
		{"光谷", "光谷", LevelArea},
		{"粤港澳大湾区", "粤港澳大湾区", LevelRegion},
		// weak forms and abbreviations are not matched
		{"安康", "", ""},
		{"来宾", "", ""},
		{"鄂", "", ""},
		{"的", "", ""},
	} {
		n, level := Place(tt.text, 0)
		if got := tt.text[:n]; got != tt.want || level != tt.level {
			t.Errorf("Place(%q) = %q %q, want %q %q", tt.text, got, level, tt.want, tt.level)
		}
	}
	if !IsPlace("安康") || !IsPlace("臺南") || IsPlace("李洪渠") {
		t.Error("IsPlace")
	}
	if p, ok := LookupPlace("武汉"); !ok || p.Name != "武汉市" || p.Parent != "湖北省" {
		t.Errorf("LookupPlace(武汉) = %+v", p)
	}
	if p, ok := ProvinceAbbr('鄂'); !ok || p != "湖北省" {
		t.Errorf("ProvinceAbbr(鄂) = %q", p)
	}
	// 34 provincial-level divisions and 333 prefecture-level ones.
	var prov, pref int
	for _, p := range basePlaces().list {
		if p.Text != p.Name {
			continue
		}
		switch {
		case p.Level == LevelProvince:
			prov++
		case p.Level == LevelPrefecture && p.Parent != "台湾省":
			pref++
		}
	}
	if prov != 34 || pref != 333 {
		t.Errorf("%d provinces, %d prefectures; want 34, 333", prov, pref)
	}
}

func TestGeneric(t *testing.T) {
	for _, tt := range []struct {
		word    string
		refers  Refers
		kind    Kind
		parties int
	}{
		{"学校", RefSelf, KindSchool, 0},
		{"我校", RefSelf, KindSchool, 0},
		{"本院", RefSelf, KindSchool, 0},
		{"我系", RefSelf, KindDepartment, 0},
		{"该公司", RefMentioned, KindCompany, 0},
		{"該公司", RefMentioned, KindCompany, 0},
		{"我司", RefSelf, KindCompany, 0},
		{"双方", RefParties, "", 2},
		{"三方", RefParties, "", 3},
		{"各方", RefParties, "", 0},
		{"企业", RefCategory, KindCompany, 0},
	} {
		r, ok := Generic(tt.word)
		if !ok || r.Refers != tt.refers || r.Kind != tt.kind || r.Parties != tt.parties {
			t.Errorf("Generic(%q) = %+v, %v", tt.word, r, ok)
		}
	}
	if _, ok := Generic("武汉职业技术学院"); ok {
		t.Error("a name is not generic")
	}
}

func TestNotPerson(t *testing.T) {
	for _, w := range []string{"师生", "嘉宾", "领导", "同学", "老师", "校友", "代表", "全体", "相关", "负责人", "領導"} {
		if !NotPerson(w) {
			t.Errorf("NotPerson(%q) = false", w)
		}
	}
	for _, w := range []string{"李洪渠", "陈南军", "王凯文"} {
		if NotPerson(w) {
			t.Errorf("NotPerson(%q) = true", w)
		}
	}
}

func TestToTraditional(t *testing.T) {
	for in, want := range map[string]string{
		"总经理": "總經理", "湖北省": "湖北省", "广东": "廣東", "范": "范", "abc": "abc",
	} {
		if got := ToTraditional(in); got != want {
			t.Errorf("ToTraditional(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDataFilesLoad(t *testing.T) {
	// Loaders return errors instead of panicking; check each directly.
	if _, err := loadS2T(); err != nil {
		t.Fatal(err)
	}
	if _, err := loadTitleSources(); err != nil {
		t.Error(err)
	}
	if _, err := loadSuffixes(); err != nil {
		t.Error(err)
	}
	if _, err := loadSurnames(); err != nil {
		t.Error(err)
	}
	if _, err := loadPlaces(); err != nil {
		t.Error(err)
	}
	if _, err := loadGeneric(); err != nil {
		t.Error(err)
	}
	if _, err := loadWordSet("notperson.txt"); err != nil {
		t.Error(err)
	}
}

func TestConcurrent(t *testing.T) {
	u, err := ParseUser(strings.NewReader("org\t双创学院\tdepartment\ntitle\t双创教学总监\n"))
	if err != nil {
		t.Fatal(err)
	}
	lex := New(u)
	const s = "武汉职业技术学院党委书记、校长李洪渠，湖北省中华职业教育社专职副主任陈南军、三级调研员杨中胜"
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range s {
				Titles().Match(s, i)
				lex.MatchTitle(s, i)
				Surname(s, i)
				Place(s, i)
				lex.Place(s, i)
				lex.MatchOrg(s, i)
			}
			OrgSuffix("武汉职业技术学院")
			Generic("我校")
			NotPerson("师生")
			lex.KnownOrg("双创学院")
		}()
	}
	wg.Wait()
}

func TestParseUser(t *testing.T) {
	f, err := os.Open("testdata/user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u, err := ParseUser(f)
	if err != nil {
		t.Fatal(err)
	}
	orgs := u.Orgs()
	if len(orgs) != 4 || orgs[0].Name != "武汉职业技术学院" || orgs[0].Kind != KindSchool ||
		strings.Join(orgs[0].Aliases, ",") != "武职,武汉职院" {
		t.Errorf("orgs = %+v", orgs)
	}
	if len(u.People()) != 2 || len(u.Titles()) != 2 || len(u.Places()) != 1 || len(u.NotPersons()) != 1 {
		t.Errorf("counts: %d people, %d titles, %d places", len(u.People()), len(u.Titles()), len(u.Places()))
	}
	orgs[0].Aliases[0] = "changed"
	if u.Orgs()[0].Aliases[0] != "武职" {
		t.Error("Orgs shares its slices")
	}

	lex := New(u)
	if o, ok := lex.KnownOrg("武职"); !ok || o.Name != "武汉职业技术学院" {
		t.Errorf("KnownOrg(武职) = %+v, %v", o, ok)
	}
	if o, ok := lex.KnownOrg("武漢職業技術學院"); !ok || o.Name != "武汉职业技术学院" {
		t.Errorf("KnownOrg traditional = %+v, %v", o, ok)
	}
	s := "武汉职业技术学院副校长李望云"
	if n, o := lex.MatchOrg(s, 0); s[:n] != "武汉职业技术学院" || o.Kind != KindSchool {
		t.Errorf("MatchOrg = %q %+v", s[:n], o)
	}
	i := strings.Index(s, "李")
	if n, p := lex.MatchPerson(s, i); n == 0 || p.Name != "李望云" {
		t.Errorf("MatchPerson = %d %+v", n, p)
	}
	if _, ok := lex.KnownPerson("李洪渠"); !ok {
		t.Error("KnownPerson")
	}
	if n := lex.MatchTitle("双创教学总监朱燕空", 0); n != len("双创教学总监") {
		t.Errorf("user title matched %d bytes", n)
	}
	if n := Titles().Match("双创教学总监", 0); n != 0 {
		t.Error("user titles leak into the built-in set")
	}
	if n := lex.MatchTitle("专职副主任", 0); n != len("专职副主任") {
		t.Error("built-in titles lost in the user set")
	}
	if n, level := lex.Place("光谷", 0); n != len("光谷") || level != LevelArea {
		t.Errorf("Place(光谷) = %d %q", n, level)
	}
	if !lex.NotPerson("武职人") || !lex.NotPerson("师生") {
		t.Error("NotPerson")
	}

	// A nil user gives the built-in lists.
	base := New(nil)
	if base.Titles() != Titles() || base.MatchTitle("校长", 0) != len("校长") {
		t.Error("New(nil) titles")
	}
	if _, ok := base.KnownOrg("武职"); ok {
		t.Error("New(nil) knows orgs")
	}
	if n, _ := base.MatchOrg(s, 0); n != 0 {
		t.Error("New(nil) matches orgs")
	}
}

func TestParseUserErrors(t *testing.T) {
	tests := []struct {
		name, in string
		lines    []int
		msg      string // in the first error
	}{
		{"unknown type", "org\t武职\n\nfoo\tbar\n", []int{3}, "unknown entry type"},
		{"spaces", "# c\norg 武汉职业技术学院 school\n", []int{2}, "tabs"},
		{"bad kind", "org\t武汉职业技术学院\tuniversity\t武职\n", []int{1}, "unknown kind"},
		{"missing name", "person\n", []int{1}, "missing name"},
		{"empty name", "person\t\n", []int{1}, "empty name"},
		{"duplicate org", "org\tA校\nperson\tB\norg\tA校\n", []int{3}, "already defined (line 1)"},
		{"alias clash", "org\tA校\tschool\tA\norg\tB校\t-\tA\n", []int{2}, "alias A already names"},
		{"bad class", "title\t主任\tboss\n", []int{1}, "unknown class"},
		{"bad level", "place\t光谷\tplanet\n", []int{1}, "unknown level"},
		{"several", "org\tX\tbad\nok\nperson\t李\nperson\t李\n", []int{1, 2, 4}, "unknown kind"},
		{"control char", "person\t李\x01洪渠\n", []int{1}, "control character"},
		{"invalid utf8", "person\t\xff\xfe\n", []int{1}, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ParseUser(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error; got %+v", u)
			}
			var list UserErrors
			if !errors.As(err, &list) {
				t.Fatalf("error %T %v is not UserErrors", err, err)
			}
			var lines []int
			for _, e := range list {
				lines = append(lines, e.Line)
			}
			if len(lines) != len(tt.lines) {
				t.Fatalf("error lines %v, want %v (%v)", lines, tt.lines, err)
			}
			for i := range lines {
				if lines[i] != tt.lines[i] {
					t.Fatalf("error lines %v, want %v (%v)", lines, tt.lines, err)
				}
			}
			var le *LineError
			if !errors.As(err, &le) || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("first error %v, want it to mention %q", le, tt.msg)
			}
			if !strings.Contains(err.Error(), "line ") {
				t.Errorf("message %q names no line", err)
			}
		})
	}
}

func TestParseUserFormat(t *testing.T) {
	in := "\uFEFF# header\r\n\r\norg\t双创学院\r\norg\t百胜中国控股有限公司\t\t百胜\r\n  # indented comment\nplace\t沌口\t-\n"
	u, err := ParseUser(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	o := u.Orgs()
	if len(o) != 2 || o[0].Kind != "" || o[1].Aliases[0] != "百胜" {
		t.Errorf("orgs %+v", o)
	}
	if p := u.Places(); len(p) != 1 || p[0].Level != LevelArea {
		t.Errorf("places %+v", p)
	}
}

func TestMerge(t *testing.T) {
	a, _ := ParseUser(strings.NewReader("org\t武汉职业技术学院\tschool\t武职\n"))
	b, _ := ParseUser(strings.NewReader("org\t双创学院\tdepartment\nperson\t王凯文\n"))
	m, err := a.Merge(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Orgs()) != 2 || len(m.People()) != 1 {
		t.Errorf("merged %+v", m.Orgs())
	}
	c, _ := ParseUser(strings.NewReader("org\t武职学院\tschool\t武职\n"))
	if _, err := a.Merge(c); err == nil || !strings.Contains(err.Error(), "武职") {
		t.Errorf("clash not reported: %v", err)
	}
	if m, err := a.Merge(nil); err != nil || len(m.Orgs()) != 1 {
		t.Errorf("Merge(nil) = %v", err)
	}
}

func FuzzParseUser(f *testing.F) {
	f.Add("org\t武汉职业技术学院\tschool\t武职\t武汉职院\norg\t双创学院\tdepartment\nperson\t李洪渠\ntitle\t三级调研员\nplace\t光谷\n")
	f.Add("# comment\n\norg\tX\t-\tY\n")
	f.Add("title\t主任\thon\nnotperson\t师生\n")
	f.Add("org\tA\nperson\tA\nplace\tA\tcounty\tB\n")
	f.Fuzz(func(t *testing.T, in string) {
		u, err := ParseUser(strings.NewReader(in))
		if err != nil {
			var list UserErrors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty UserErrors", err)
			}
			for _, e := range list {
				if e.Line < 1 {
					t.Fatalf("bad line number %d", e.Line)
				}
			}
			return
		}
		for _, o := range u.Orgs() {
			if o.Name == "" || (o.Kind != "" && !o.Kind.Valid()) {
				t.Fatalf("bad org %+v", o)
			}
		}
		lex := New(u)
		for i := range in {
			lex.MatchOrg(in, i)
			lex.MatchPerson(in, i)
			lex.MatchTitle(in, i)
			lex.Place(in, i)
		}
	})
}

func TestKnownOrgs(t *testing.T) {
	if len(KnownOrgs()) < 100 {
		t.Fatalf("only %d known organizations", len(KnownOrgs()))
	}
	lex := New(nil)
	for _, c := range []struct{ s, want, full string }{
		{"华为公司与学校", "华为公司", "华为技术有限公司"},
		{"台積電資深處長", "台積電", "台湾积体电路制造股份有限公司"},
		{"清华的专家", "清华", "清华大学"},
		{"联想到", "", ""},
	} {
		n, o := lex.MatchKnownOrg(c.s, 0)
		if c.s[:n] != c.want || (n > 0 && o.Name != c.full) {
			t.Errorf("%s: got %q (%s), want %q (%s)", c.s, c.s[:n], o.Name, c.want, c.full)
		}
		if c.want != "" && lex.KnownOrgName(c.want) != c.full {
			t.Errorf("KnownOrgName(%s) = %q", c.want, lex.KnownOrgName(c.want))
		}
	}
}
