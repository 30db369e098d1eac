package extract

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestTrimFooter(t *testing.T) {
	article := []string{"9月18日上午，代表团来访。", "双方签署了合作备忘录。"}
	for _, c := range []struct {
		name string
		tail []string // after the article's lines
		keep int      // lines of the tail kept
	}{
		{"footer with navigation", []string{"(党委宣传部)", "学校概况 教育教学", "招生就业", "版权所有©苏州大学", "地址:江苏省苏州市", "苏ICP备10229414号-1"}, 1},
		{"no footer", []string{"(党委宣传部)"}, 1},
		{"traditional", []string{"版權所有 國立屏東大學"}, 0},
		{"a long line after the footer marker is the article", []string{"©新华社", "这是一段很长的正文，讲述了合作的来龙去脉，双方表示将继续深化交流，推动人才培养、科学研究与社会服务等方面的全面合作，共同开创新局面，实现互利共赢的长远目标。"}, 2},
	} {
		body := append(slices.Clone(article), c.tail...)
		got, _ := trimFooter(body)
		if want := len(article) + c.keep; len(got) != want {
			t.Errorf("%s: kept %d lines %q, want %d", c.name, len(got), got, want)
		}
	}
}

func TestFooterOwners(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"版权所有©苏州大学", "苏州大学"},
		{"Copyright © 2024 江城师范学院 版权所有", "江城师范学院"},
		{"版權所有：國立屏東大學", "國立屏東大學"},
		{"苏ICP备10229414号-1", ""},
	} {
		got := footerOwners([]string{c.line})
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("footerOwners(%s) = %q, want %q", c.line, got, c.want)
		}
	}
}

func TestSupplierLine(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, credit := range []string{"（党委宣传部 供稿）", "（党委宣传部供稿）", "（供稿：党委宣传部）"} {
		text := "江城师范学院召开本科教学工作会议\n发布时间：2023-05-12\n\n5月10日上午，江城师范学院召开本科教学工作会议，校长李四出席会议并讲话。会议由副校长赵六主持。\n" + credit + "\n"
		a, err := ex.Extract(context.Background(), Input{Text: text, Format: FormatText})
		if err != nil {
			t.Fatal(err)
		}
		if a.Publisher != "党委宣传部" {
			t.Errorf("%s: publisher %q, want 党委宣传部", credit, a.Publisher)
		}
		if strings.Contains(a.Body, "供稿") {
			t.Errorf("%s: the credit stayed in the body", credit)
		}
	}
}
