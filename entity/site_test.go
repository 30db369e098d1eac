package entity

import "testing"

// TestSiteSchool: an article that only says 我校 and 校长 belongs to the
// school that opens the site's neighbouring headlines.
func TestSiteSchool(t *testing.T) {
	rc := fullRecognizer(t)
	tests := []struct {
		name       string
		body       string
		neighbours []string
		want       string // the org of 校长孙立平's role
	}{
		{"neighbour names the school", "11月5日，我校召开座谈会，校长孙立平出席并讲话。", []string{"江城师范学院2011年度科研工作计划", "我校举行运动会"}, "江城师范学院"},
		{"no neighbours", "11月5日，我校召开座谈会，校长孙立平出席并讲话。", nil, ""},
		{"neighbour without a school at its start", "11月5日，我校召开座谈会，校长孙立平出席并讲话。", []string{"我校与江城师范学院签约"}, ""},
		{"a college is not the site's school", "11月5日，我校召开座谈会，校长孙立平出席并讲话。", []string{"音乐学院举办新年音乐会"}, ""},
		{"the article names its school", "11月5日，东湖职业技术学院召开座谈会，校长孙立平出席并讲话。", []string{"江城师范学院2011年度科研工作计划"}, "东湖职业技术学院"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := rc.Recognize(Doc{Body: tt.body, Neighbours: tt.neighbours})
			got := "(no role)"
			for _, p := range res.People {
				for _, r := range p.Roles {
					if p.Name == "孙立平" && r.Title == "校长" {
						got = r.Org
					}
				}
			}
			if got != tt.want {
				t.Errorf("role org = %q, want %q", got, tt.want)
			}
			if tt.want == "" {
				return
			}
			listed := false
			for _, o := range res.Organizations {
				listed = listed || o.Name == tt.want
			}
			if !listed {
				t.Errorf("%s not among the organizations %v", tt.want, res.Organizations)
			}
		})
	}
}
