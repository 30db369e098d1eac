package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/zhnews/zhnews/entity"
	"github.com/zhnews/zhnews/extract"
	"github.com/zhnews/zhnews/index"
)

func Example() {
	dir, _ := os.MkdirTemp("", "zhnews-example")
	defer os.RemoveAll(dir)
	ix, err := index.Open(filepath.Join(dir, "idx"), index.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	a := &extract.Article{
		ID: "a1", Title: "江城职业技术学院与华拓公司签署校企合作协议", Published: "2021-06-24",
		Body:   "6月24日，江城职业技术学院与华拓智能科技有限公司签署校企合作协议，共建人工智能学院。",
		Source: extract.Source{Path: "a1.html", SHA256: "0a1"},
		Organizations: []entity.Organization{
			{Name: "江城职业技术学院", Aliases: []string{"江职"}, Kind: entity.KindSchool},
			{Name: "华拓智能科技有限公司", Kind: entity.KindCompany},
		},
	}
	if err := ix.Put(context.Background(), index.Batch{Articles: []*extract.Article{a}}); err != nil {
		fmt.Println(err)
		return
	}
	res, err := ix.Search(context.Background(), index.Query{
		Text:      `"人工智能学院"`,
		Filter:    index.Filter{Orgs: []string{"江职"}, From: "2021"},
		Highlight: "html",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Title)
		fmt.Println(h.Fragments["body"][0])
	}
	for _, v := range res.Facets[index.FieldOrg] {
		fmt.Println(v.Value, v.Count)
	}
	// Output:
	// a1 江城职业技术学院与华拓公司签署校企合作协议
	// 6月24日，江城职业技术学院与华拓智能科技有限公司签署校企合作协议，共建<mark>人工智能</mark><mark>学院</mark>。
	// 华拓智能科技有限公司 1
	// 江城职业技术学院 1
}
