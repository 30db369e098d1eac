package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/zhnews/zhnews/lexicon"
)

func ExampleTitleSet_Match() {
	s := "湖北省中华职业教育社专职副主任陈南军、三级调研员杨中胜"
	ts := lexicon.Titles()
	for i := 0; i < len(s); {
		if n := ts.Match(s, i); n > 0 {
			fmt.Println(s[i : i+n])
			i += n
			continue
		}
		i += len(string([]rune(s[i:])[0]))
	}
	// Output:
	// 专职副主任
	// 三级调研员
}

func ExampleTitleSet_Class() {
	ts := lexicon.Titles()
	for _, t := range []string{"教授", "客座教授", "党委副书记", "通讯员"} {
		c, _ := ts.Class(t)
		fmt.Println(t, c)
	}
	// Output:
	// 教授 hon
	// 客座教授 post
	// 党委副书记 post
	// 通讯员 byline
}

func ExampleOrgSuffix() {
	for _, name := range []string{"武汉职业技术学院", "百胜中国控股有限公司", "茌平区人民政府", "湖北省中华职业教育社", "超星集团职业教育研究院"} {
		suffix, kind, _ := lexicon.OrgSuffix(name)
		fmt.Println(name, suffix, kind)
	}
	// Output:
	// 武汉职业技术学院 职业技术学院 school
	// 百胜中国控股有限公司 控股有限公司 company
	// 茌平区人民政府 人民政府 government
	// 湖北省中华职业教育社 教育社 association
	// 超星集团职业教育研究院 研究院 research
}

func ExampleSurname() {
	for _, name := range []string{"欧阳明", "李洪渠"} {
		n := lexicon.Surname(name, 0)
		fmt.Println(name[:n], name[n:])
	}
	// Output:
	// 欧阳 明
	// 李 洪渠
}

func ExamplePlace() {
	s := "武汉市千米科技有限公司"
	n, level := lexicon.Place(s, 0)
	fmt.Println(s[:n], level)
	// Output: 武汉市 prefecture
}

func ExampleGeneric() {
	r, _ := lexicon.Generic("双方")
	fmt.Println(r.Refers, r.Parties)
	r, _ = lexicon.Generic("我校")
	fmt.Println(r.Refers, r.Kind)
	// Output:
	// parties 2
	// self school
}

func ExampleNew() {
	user, err := lexicon.ParseUser(strings.NewReader(
		"org\t武汉职业技术学院\tschool\t武职\n" +
			"title\t双创教学总监\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	lex := lexicon.New(user)
	org, _ := lex.KnownOrg("武职")
	fmt.Println(org.Name, org.Kind)
	s := "双创教学总监汪悦"
	fmt.Println(s[:lex.MatchTitle(s, 0)])
	// Output:
	// 武汉职业技术学院 school
	// 双创教学总监
}

func ExampleParseUser_error() {
	_, err := lexicon.ParseUser(strings.NewReader("org\t武职\tuniversity\nperson\n"))
	fmt.Println(err)
	// Output: lexicon: user lexicon: line 1: org 武职: unknown kind "university" (want school, department, company, government, association, research, other, or - to leave it out); line 2: person: missing name
}
