package extract

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNeighbourHeadlines(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"上一条:江城师范学院2011年度科研工作计划 下一条:我校拟与某市共建研究中心", []string{"江城师范学院2011年度科研工作计划", "我校拟与某市共建研究中心"}},
		{"上一篇：没有了", nil},
		{"下一篇: 无", nil},
		{"上一篇：短", nil},
		{"正文里没有标签", nil},
	}
	for _, tt := range tests {
		if got := neighbourHeadlines(tt.line); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("neighbourHeadlines(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestPageNeighbours(t *testing.T) {
	page := `<html><body><div class="article"><p>正文：上一篇说到的事情不算。</p></div>
<ul class="pager"><li><span>上一篇：</span><a href="/1.htm">江城师范学院召开年度工作会议</a></li>
<li>下一篇：<a href="/3.htm">江城师范学院举行运动会</a></li></ul></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"江城师范学院召开年度工作会议", "江城师范学院举行运动会"}
	if got := pageNeighbours(root); !reflect.DeepEqual(got, want) {
		t.Errorf("pageNeighbours = %q, want %q", got, want)
	}
}

func TestSiteNames(t *testing.T) {
	tests := []struct {
		page, headline string
		want           []string
	}{
		{"江城师范学院召开年度工作会议-江城师范学院新闻网", "江城师范学院召开年度工作会议", []string{"江城师范学院新闻网"}},
		{"江城师范学院召开年度工作会议 | 新闻中心 | 江城师范学院", "江城师范学院召开年度工作会议", []string{"新闻中心", "江城师范学院"}},
		{"江城师范学院召开年度工作会议", "江城师范学院召开年度工作会议", nil},
		{"学校新闻_江城师范学院", "", []string{"学校新闻", "江城师范学院"}},
	}
	for _, tt := range tests {
		if got := siteNames(tt.page, tt.headline); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("siteNames(%q, %q) = %q, want %q", tt.page, tt.headline, got, tt.want)
		}
	}
}
