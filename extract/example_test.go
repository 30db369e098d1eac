package extract_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/zhnews/zhnews/extract"
)

func ExampleExtractor_Extract() {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		panic(err)
	}
	page := `<html><head><title>江城职业技术学院与华拓智能签约 - 江城职业技术学院</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xw">学校新闻</a></div>
<h1>江城职业技术学院与华拓智能签约</h1>
<div class="info">发布时间：2023-05-12 09:30  来源：党委宣传部  浏览次数：356</div>
<div class="v_news_content">
<p>江职网讯（党委宣传部 张明 通讯员 李华）5月10日下午，江城职业技术学院与华拓智能装备有限公司举行校企合作签约仪式。</p>
<p>双方将共建智能制造产业学院，联合培养技术技能人才。</p>
<p>（编辑：王芳 审核：赵强）</p>
</div>
<div class="footer">版权所有 江城职业技术学院</div>
</body></html>`
	a, err := ex.Extract(context.Background(), extract.Input{Text: page, Format: extract.FormatHTML})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published, a.Publisher, *a.Views)
	fmt.Println(a.Byline.Outlet, a.Byline.Department, a.Byline.Authors, a.Byline.Correspondents, a.Byline.Editors)
	fmt.Println(a.Body)
	// Output:
	// 江城职业技术学院与华拓智能签约
	// 2023-05-12T09:30:00+08:00 党委宣传部 356
	// 江职网讯 党委宣传部 [张明] [李华] [王芳 赵强]
	// 江职网讯（党委宣传部 张明 通讯员 李华）5月10日下午，江城职业技术学院与华拓智能装备有限公司举行校企合作签约仪式。
	// 双方将共建智能制造产业学院，联合培养技术技能人才。
}

func ExampleParseRules() {
	rules, err := extract.ParseRules(stringsReader(`{"sites": [{"match": "*.example.edu.cn", "body": "#story", "drop": [".share"]}]}`))
	fmt.Println(len(rules.Sites), err)
	// Output: 1 <nil>
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
