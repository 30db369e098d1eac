package relation

import "strings"

// speechWords say someone spoke: 致辞, 讲话, 作报告, 主持.
var speechWords = []string{"致欢迎辞", "致欢迎词", "致辞", "致词", "讲话", "作报告", "做报告", "作主旨报告", "作专题报告", "发言", "主持"}

// attendWords say someone attended: 出席, 参加, 莅临.
var attendWords = []string{"出席", "参加", "莅临", "到场"}

// events reads who spoke at and who attended the events of the article,
// one relation per person and type.
func (d *doc) events() []Relation {
	var out []Relation
	seen := map[[2]string]bool{}
	add := func(typ, person string, a, b int) {
		if seen[[2]string{typ, person}] {
			return
		}
		seen[[2]string{typ, person}] = true
		title, org := d.personRole(person)
		out = append(out, Relation{Type: typ, Person: person, Role: title, Org: org,
			Date: d.dateAt(a, b), Evidence: d.text(a, b), Mentions: [][2]int{{a, b}}})
	}
	for _, s := range d.sents {
		a, b := s[0], s[1]
		refs := d.refsIn(a, b)
		for k, r := range refs {
			if r.kind != refPerson {
				continue
			}
			// The words after the person, up to the next person or the end
			// of the clause.
			e := r.end
			for e < b && !strings.ContainsRune("，,。；;", d.r[e]) {
				e++
			}
			if k+1 < len(refs) && refs[k+1].kind == refPerson && refs[k+1].start < e {
				// 张三、李四出席: a list; the verb after the last name counts
				// for all (checked below), nothing between them.
				if !strings.ContainsAny(d.key(r.end, refs[k+1].start), "、和及与") {
					e = refs[k+1].start
				}
			}
			after := d.key(r.end, e)
			if len(after) > 0 && runeLen(after) <= 24 {
				if w := firstOf(after, speechWords); w != "" && !strings.Contains(after[:strings.Index(after, w)], "为") {
					add(TypeSpeech, r.person, a, b)
				}
			}
			// Attendance: the verb after the person or after the list the
			// person stands in (X、Y等领导出席).
			rest := d.key(r.end, b)
			if i := indexAny(rest, attendWords); i >= 0 && runeLen(rest[:i]) <= 30 {
				between := rest[:i]
				if !strings.ContainsAny(between, "。；;") && !containsAny(between, speechWords) && !strings.Contains(between, "代表") {
					add(TypeAttendance, r.person, a, b)
				}
			}
		}
	}
	return out
}

func firstOf(s string, words []string) string {
	best, at := "", -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			best, at = w, i
		}
	}
	return best
}

func indexAny(s string, words []string) int {
	at := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

func containsAny(s string, words []string) bool {
	return indexAny(s, words) >= 0
}
