package relation

import (
	"strings"
)

// appointVerbs are followed by the post (X被聘为客座教授); simplified.
var appointVerbs = []string{"被聘请为", "被聘请担任", "被聘任为", "被聘为", "受聘为", "受聘担任", "受聘成为", "获聘为", "被任命为", "当选为", "被选为", "被授予"}

// hireVerbs are followed by the person, then 为/担任 and the post
// (聘请X为兼职教授).
var hireVerbs = []string{"聘请", "聘任", "特聘", "任命", "聘"}

// roleEnds are the last characters of a post: 教授, 导师, 顾问, 总监 …
const roleEnds = "授师问监长任员家士人事表使官者理席书委"

func (d *doc) appointments() []Relation {
	var out []Relation
	seen := map[[2]string]bool{}
	add := func(person, role, org string, a, b int) {
		if person == "" || role == "" || seen[[2]string{person, role}] {
			return
		}
		seen[[2]string{person, role}] = true
		out = append(out, Relation{Type: TypeAppointment, Person: person, Role: role, Org: org,
			Date: d.dateAt(a, b), Evidence: d.text(a, b), Mentions: [][2]int{{a, b}}})
	}
	for _, s := range d.sents {
		a, b := s[0], s[1]
		for i := a; i < b; i++ {
			// X、Y被聘为R
			if v := wordAt(d.r[:b], i, appointVerbs); v != "" {
				role, org := d.role(i+runeLen(v), b)
				if org == "" {
					org = d.appointer(a, i)
				}
				for _, p := range d.appointees(a, i) {
					add(p, role, org, a, b)
				}
				i += runeLen(v) - 1
				continue
			}
			// 新当选的R X
			if hasAt(d.r[:b], i, []rune("当选的")) {
				if p, role, org := d.postThenName(i+3, b); p != "" {
					add(p, role, org, a, b)
				}
				continue
			}
			// 聘请X为R, 任命X为R
			if v := wordAt(d.r[:b], i, hireVerbs); v != "" && !hasBefore(d.r, i, "被") && !hasBefore(d.r, i, "受") {
				j := i + runeLen(v)
				// The people named right after the verb, listed with 、
				// (任命王五为…，免去赵六…: 赵六 is not appointed).
				var persons []string
				k := j
				for _, r := range d.refsIn(j, min(b, j+40)) {
					if r.kind != refPerson {
						continue
					}
					if len(persons) > 0 && !listGap(d.key(k, r.start)) {
						break
					}
					persons = append(persons, r.person)
					k = r.end
				}
				if len(persons) == 0 || k >= b {
					continue
				}
				if w := wordAt(d.r[:b], k, []string{"教授为", "博士为", "先生为", "女士为", "院士为", "同志为"}); w != "" {
					k += runeLen(w) - 1
				}
				if w := wordAt(d.r[:b], k, []string{"为", "担任", "作为", "出任"}); w != "" {
					role, org := d.role(k+runeLen(w), b)
					if org == "" {
						org = d.appointer(a, i)
					}
					for _, p := range persons {
						add(p, role, org, a, b)
					}
				}
				continue
			}
			// 为X颁发R聘书
			if hasAt(d.r[:b], i, []rune("颁发")) {
				j := i + 2
				for j < b && strings.ContainsRune("了", d.r[j]) {
					j++
				}
				e := strings.Index(d.key(j, b), "聘书")
				if e < 0 || runeLen(d.key(j, b)[:e]) > 20 {
					continue
				}
				e = j + runeLen(d.key(j, b)[:e])
				role, org := d.role(j, e)
				if org == "" {
					org = d.appointer(a, i)
				}
				var persons []string
				cs := d.clauseStart(a, i)
				for _, r := range d.refsIn(cs, i) {
					if r.kind == refPerson && (hasBefore(d.r, r.start, "为") || hasBefore(d.r, r.start, "向") || hasBefore(d.r, r.start, "、")) {
						persons = append(persons, r.person)
					}
				}
				for _, p := range persons {
					add(p, role, org, a, b)
				}
			}
		}
	}
	return out
}

// listGap reports whether the text between two names lists them: a
// separator and perhaps a post (王五、赵六, 王五和教授赵六).
func listGap(s string) bool {
	return s != "" && strings.IndexFunc(s, func(c rune) bool { return strings.ContainsRune("、，,和及与", c) }) == 0 && !strings.ContainsAny(s, "为的了。；;")
}

// wordAt returns the first of words written at i, or "".
func wordAt(r []rune, i int, words []string) string {
	for _, w := range words {
		if hasAt(r, i, []rune(w)) {
			return w
		}
	}
	return ""
}

// role reads the post written from i: up to the end of the clause, 聘书 or
// 一职, without the organization written before it, which it returns.
func (d *doc) role(i, b int) (role, org string) {
	e := i
	for e < b && !strings.ContainsRune("，,。；;、！？!?（(\n", d.r[e]) && !hasAt(d.r, e, []rune("聘书")) && !hasAt(d.r, e, []rune("一职")) && !hasAt(d.r, e, []rune("并")) && e < i+24 {
		e++
	}
	s := i
	for _, r := range d.refsIn(i, e) {
		if r.start != s || r.kind == refPerson {
			break
		}
		// 北京联合大学特聘教授, 学校双创客座教授: the organization of the
		// post; a short form (双创, 工会) may be part of the post's name.
		if r.kind == refSelf || r.kind == refOrg && r.end-r.start >= 4 {
			org = d.roleOrg(r)
			s = r.end
		}
	}
	for s < e && strings.ContainsRune("的“\"「", d.r[s]) {
		s++
	}
	for e > s && strings.ContainsRune("”\"」", d.r[e-1]) {
		e--
	}
	// 当选为学会会长: the association named before (江城市高等教育学会) and
	// its post.
	if org == "" {
		for _, w := range []string{"学会", "协会", "研究会", "联合会", "基金会", "商会", "联盟", "理事会"} {
			if !hasAt(d.r, s, []rune(w)) || s+runeLen(w) >= e {
				continue
			}
			one := ""
			for name := range d.orgs {
				if strings.HasSuffix(name, w) {
					if one != "" {
						one = "-"
					} else {
						one = name
					}
				}
			}
			if one != "" && one != "-" {
				org, s = one, s+runeLen(w)
			}
			break
		}
	}
	role = d.text(s, e)
	n := runeLen(role)
	if n < 2 || n > 16 || !strings.ContainsRune(roleEnds, []rune(d.key(s, e))[n-1]) {
		return "", ""
	}
	return role, org
}

// roleOrg is the organization of a post: the one named, or the school for
// 学校.
func (d *doc) roleOrg(r ref) string {
	if r.kind == refSelf {
		return d.party(r)
	}
	return r.org
}

// appointer returns the organization that appoints in [a, i): the last
// one named there (我校…聘请, 被常州大学聘为), else the publishing school.
func (d *doc) appointer(a, i int) string {
	org := ""
	for _, r := range d.refsIn(a, i) {
		if r.kind == refOrg || r.kind == refSelf {
			org = d.roleOrg(r)
		}
	}
	if o := d.orgs[org]; o != nil && o.Kind == "company" {
		org = "" // the appointee's employer, not who appoints
	}
	if org == "" {
		org = d.in.School
	}
	return org
}

// appointees returns the people named before an appointment verb at i in
// the sentence [a, i): all of them when they are listed (X，Y，Z被聘为),
// but not those who act in the sentence (主持, 颁发).
func (d *doc) appointees(a, i int) []string {
	var out []string
	for _, r := range d.refsIn(a, i) {
		if r.kind != refPerson {
			continue
		}
		ce := r.end
		for ce < i && !strings.ContainsRune("，,", d.r[ce]) {
			ce++
		}
		after := d.key(r.end, ce)
		acts := false
		for _, w := range []string{"主持", "颁发", "宣读", "致辞", "讲话", "为", "向", "出席"} {
			if strings.Contains(after, w) {
				acts = true
			}
		}
		if !acts {
			out = append(out, r.person)
		}
	}
	return out
}

// postThenName reads "R X" after 当选的: the post and the person after it.
func (d *doc) postThenName(i, b int) (person, role, org string) {
	for _, r := range d.refsIn(i, min(b, i+20)) {
		if r.kind != refPerson {
			continue
		}
		role, org = d.role(i, r.start)
		if role == "" {
			return "", "", ""
		}
		if org == "" {
			org = d.in.School
		}
		return r.person, role, org
	}
	return "", "", ""
}
