package relation_test

import (
	"fmt"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/relation"
)

func ExampleFind() {
	body := "江城职业技术学院副校长孙立平代表学校与华拓智能科技有限公司签署校企合作协议。"
	rels := relation.Find(relation.Input{
		Body:      body,
		Published: "2021-07-06",
		School:    "江城职业技术学院",
		People: []entity.Person{{Name: "孙立平", Roles: []entity.Role{{Title: "副校长", Org: "江城职业技术学院"}},
			Mentions: []entity.Span{{10, 13}}}},
		Organizations: []entity.Organization{
			{Name: "江城职业技术学院", Kind: entity.KindSchool, Mentions: []entity.Span{{0, 8}}},
			{Name: "华拓智能科技有限公司", Kind: entity.KindCompany, Mentions: []entity.Span{{18, 28}}},
		},
	})
	for _, r := range rels {
		if r.Type != relation.TypeSigning {
			continue
		}
		fmt.Println(r.Agreement, r.Status, r.Date)
		for _, p := range r.Parties {
			fmt.Println(" ", p.Org, p.Representative)
		}
	}
	// Output:
	// 校企合作协议 signed 2021-07-06
	//   江城职业技术学院 孙立平
	//   华拓智能科技有限公司
}
