package facts_test

import (
	"os"

	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/facts"
	"github.com/zhnews/zhnews/relation"
)

func ExampleRows() {
	a := &extract.Article{
		ID: "a1", Title: "江城职业技术学院与华拓公司签约", Published: "2021-07-06",
		Relations: []relation.Relation{{
			Type: relation.TypeSigning, Agreement: "校企合作协议", Date: "2021-06-24", Status: relation.StatusSigned,
			Parties:  []relation.Party{{Org: "江城职业技术学院", Representative: "孙立平"}, {Org: "华拓智能科技有限公司"}},
			Evidence: "孙立平代表学校与华拓智能科技有限公司签署校企合作协议。",
		}},
	}
	w := facts.NewWriter(os.Stdout, facts.CSV)
	for _, r := range facts.Rows(a) {
		_ = w.Write(r)
	}
	_ = w.Flush()
	// Output:
	// article_id,title,published,url,path,relation,type,date,status,org,person,role,partners,agreement,subject,evidence
	// a1,江城职业技术学院与华拓公司签约,2021-07-06,,,1,signing,2021-06-24,signed,江城职业技术学院,孙立平,,华拓智能科技有限公司,校企合作协议,,孙立平代表学校与华拓智能科技有限公司签署校企合作协议。
	// a1,江城职业技术学院与华拓公司签约,2021-07-06,,,1,signing,2021-06-24,signed,华拓智能科技有限公司,,,江城职业技术学院,校企合作协议,,孙立平代表学校与华拓智能科技有限公司签署校企合作协议。
}
