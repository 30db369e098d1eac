package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/zhnews/zhnews/seg"
)

// schoolTitles are posts that, written without an organization in a
// school's own news, belong to the publishing school.
var schoolTitles = toSet(`校长 副校长 常务副校长 校长助理 党委书记 党委副书记 书记 副书记 党委常委 党委委员 纪委书记 院长 副院长 执行院长 常务副院长 院长助理 总会计师 教务长 秘书长 处长 副处长 部长 副部长 主任 副主任 教授 副教授 研究员 讲师 校長 副校長 院長 副院長 教務長 學務長 總務長 研發長 主任秘書`)

// assemble turns the mentions of the headline and body into the result:
// organizations merged with their short forms, people with their roles.
func (rc *Recognizer) assemble(d Doc, texts []*text, known map[string]bool) Result {
	var res Result
	site := rc.siteSchool(append(append([]string(nil), d.Site...), d.Neighbours...))
	orgs := rc.mergeOrgs(texts, d.Publisher, site)
	res.School = rc.publishingSchool(d, texts, orgs)
	if res.School == "" && site != "" {
		res.School = site
	}
	canon := func(name string) string {
		if o := orgs.lookup(name); o != nil {
			return o.Name
		}
		return name
	}
	resolve := func(t *text, g mention) string {
		ref, _ := rc.lex.Generic(g.text)
		switch ref {
		case "school", "unit":
			if res.School != "" {
				return res.School
			}
		case "company":
			// 公司总经理张三 in a school's news: the article's one company.
			one := ""
			for _, o := range orgs.list {
				if o.Kind == KindCompany {
					if one != "" {
						return g.text
					}
					one = o.Name
				}
			}
			if one != "" {
				return one
			}
		}
		return g.text
	}

	people := map[string]*Person{}
	var order []string
	person := func(name string) *Person {
		p := people[name]
		if p == nil {
			p = &Person{Name: name}
			people[name] = p
			order = append(order, name)
		}
		return p
	}
	addRole := func(p *Person, title, org string) {
		for _, r := range p.Roles {
			if r.Title == title && (r.Org == org || org == "") {
				return
			}
		}
		for i, r := range p.Roles {
			if r.Title == title && r.Org == "" {
				p.Roles[i].Org = org
				return
			}
		}
		p.Roles = append(p.Roles, Role{Title: title, Org: org})
	}
	for _, name := range d.Credits {
		if known[name] {
			person(name)
		}
	}
	// guessed are the roles whose organization is the publishing school
	// only because the text named none: 吴中耀校长 after 茂名市第十六中学校长吴中耀
	// is the same post, not a second one.
	type roleKey struct{ name, title, org string }
	guessed := map[roleKey]bool{}
	// listPrev links a person whose posts came without an organization to
	// the person listed before them (副縣長林皆興、秘書長蔡淇賢), whose
	// organization may only be known at the end.
	listPrev := map[string]string{}
	for _, t := range texts {
		lastOrg := map[int]string{}    // person mention end → org of its last role
		lastRoles := map[int][]Role{}  // person mention end → the roles written before it
		nameEnding := map[int]string{} // person mention end → the person
		listedAfter := func(t *text, pm mention) []Role {
			i := pm.start
			if i == 0 || t.r[i-1] != '、' {
				return nil
			}
			end := i - 1
			// Skip an honorific after the previous name: 罗国荣教授、任学锋.
			for _, h := range []string{"教授", "博士", "同志", "先生", "女士", "老师"} {
				hr := []rune(h)
				if end-len(hr) >= 0 && string(t.r[end-len(hr):end]) == h {
					end -= len(hr)
					break
				}
			}
			if r, ok := lastRoles[end]; ok && endingAt(t.people, end) != nil {
				return append([]Role(nil), r...)
			}
			return nil
		}
		for _, pm := range t.people {
			p := person(pm.text)
			if t.body {
				p.Mentions = append(p.Mentions, Span{pm.start, pm.end})
			}
			roles, sep := rc.rolesBefore(t, pm, orgs, canon, func(g mention) string { return resolve(t, g) })
			org := ""
			for _, r := range roles {
				if r.Org != "" {
					org = r.Org
				}
			}
			if sep >= 0 {
				// 陈南军、三级调研员杨中胜; 总经理何炜炜，副总经理、技术负责人谢乾程:
				// the org of the previous person's title in the list.
				prev := lastOrg[sep]
				if prevName, ok := nameEnding[sep]; ok && prev == "" && prevName != p.Name {
					listPrev[p.Name] = prevName
				}
				for k := range roles {
					if roles[k].Org == "" && !(schoolTitles[roles[k].Title] && orgKindOf(orgs, prev) == KindCompany) {
						roles[k].Org = prev
					}
				}
			}
			// 副院长李炯、周晓江: a name listed after another that had a
			// title right before it shares that title.
			if len(roles) == 0 {
				if prev := listedAfter(t, pm); prev != nil {
					roles = append(roles, prev...)
				}
			}
			if len(roles) > 0 {
				lastRoles[pm.end] = roles
			}
			// 李炯副院长: a title right after the name; 华拓公司方志远董事长:
			// of the organization written before the name.
			for _, ti := range t.titles {
				if ti.start == pm.end && !rc.nameFollows(t, ti.end) && !addressWords[ti.text] {
					org := ""
					if o := endingAt(t.orgs, pm.start); o != nil {
						org = canon(o.text)
					} else if name, n := aliasEndingAt(t, pm.start, orgs); n > 0 {
						org = name
					}
					roles = append(roles, Role{Title: ti.text, Org: org})
				}
			}
			// 王强担任江城师范学院院长, 李明现任学院副院长: a post the
			// sentence says the person holds or takes, and the next ones
			// it adds (，同时担任…团委书记一职, 兼任…).
			for i := pm.end; ; {
				v := heldVerbLen(t.r, i)
				if v == 0 {
					break
				}
				j := i + v
				org, at := "", j
				if o := startingAt(t.orgs, j); o != nil {
					org, at = canon(o.text), o.end
				}
				next := -1
				for _, ti := range t.titles {
					if ti.start == at && !rc.nameFollows(t, ti.end) {
						roles = append(roles, Role{Title: ti.text, Org: org})
						next = ti.end
						break
					}
				}
				if next < 0 {
					break
				}
				// The same person goes on: ，同时担任 / ，兼任 / 、 / 并担任.
				if next < len(t.r) && strings.ContainsRune("，,、", t.r[next]) {
					next++
				}
				for _, w := range []string{"一职", "职务"} {
					if strings.HasPrefix(string(t.r[next:min(len(t.r), next+2)]), w) {
						next += 2
						if next < len(t.r) && strings.ContainsRune("，,、", t.r[next]) {
							next++
						}
					}
				}
				for _, w := range []string{"同时", "并", "还", "另"} {
					if strings.HasPrefix(string(t.r[next:min(len(t.r), next+2)]), w) && heldVerbLen(t.r, next+utf8.RuneCountInString(w)) > 0 {
						next += utf8.RuneCountInString(w)
						break
					}
				}
				if next == i || heldVerbLen(t.r, next) == 0 || (next < len(t.r) && t.r[next] == '任' && heldVerbLen(t.r, next) == 1 && next > 0 && !strings.ContainsRune("，,、并", t.r[next-1])) {
					break
				}
				i = next
			}
			for k := range roles {
				if roles[k].Org == "" && res.School != "" && schoolTitles[roles[k].Title] {
					roles[k].Org = res.School
					guessed[roleKey{p.Name, roles[k].Title, res.School}] = true
				}
				roles[k].Org = governmentOf(roles[k].Title, roles[k].Org, orgs)
				if roles[k].Org != "" {
					org = roles[k].Org
				}
				addRole(p, roles[k].Title, roles[k].Org)
			}
			if org != "" {
				lastOrg[pm.end] = org
			}
			nameEnding[pm.end] = p.Name
		}
	}
	// A government head written without a place (副縣長林皆興) works for
	// the article's one government, when it has only one.
	govs := map[string]bool{}
	for _, name := range order {
		for _, r := range people[name].Roles {
			if headTitles[r.Title] && r.Org != "" {
				govs[r.Org] = true
			}
		}
	}
	for _, o := range orgs.list {
		// Another government named in the article: the heads without a
		// place may be its.
		// Only a government proper: a head (市长) works neither in a party
		// committee (市委) nor in a bureau (教育局).
		if o.Kind == KindGovernment && !govs[o.Name] && strings.HasSuffix(o.Name, "政府") {
			govs[o.Name+"\x00"] = true
		}
	}
	if len(govs) == 1 {
		for gov := range govs {
			gov = strings.TrimSuffix(gov, "\x00")
			for _, name := range order {
				for i, r := range people[name].Roles {
					if headTitles[r.Title] && r.Org == "" {
						people[name].Roles[i].Org = gov
					}
				}
			}
			// The posts listed after a head's (秘書長蔡淇賢 after
			// 副縣長林皆興) are at the same government.
			for _, name := range order {
				prev, ok := listPrev[name]
				if !ok || people[prev] == nil {
					continue
				}
				atGov := false
				for _, r := range people[prev].Roles {
					atGov = atGov || r.Org == gov
				}
				for i, r := range people[name].Roles {
					if atGov && r.Org == "" && !schoolTitles[r.Title] {
						people[name].Roles[i].Org = gov
					}
				}
			}
		}
	}
	for _, name := range order {
		p := people[name]
		if !rc.plausibleName(name) && !rc.lex.KnownPerson(name) && !known[rareMark+name] {
			continue
		}
		if orgs.lookup(name) != nil && !rc.lex.KnownPerson(name) || rc.lex.PlaceAt([]rune(name), 0) == utf8.RuneCountInString(name) {
			continue // 江职, 华拓, 江城市: an organization's short form or a place
		}
		if r := []rune(name); !rc.lex.KnownPerson(name) && (strings.ContainsRune("和与及同跟", r[0]) || len(r) == 3 && strings.ContainsRune("总董", r[1]) || strings.ContainsRune("省市县区镇乡村州縣區鎮", r[len(r)-1])) {
			continue // 和吴, 王总和, 江南省: a joining word, a title or a place, not a name
		}
		named := map[string]bool{} // titles with an organization the text gave
		for _, r := range p.Roles {
			if r.Org != "" && !guessed[roleKey{name, r.Title, r.Org}] {
				named[r.Title] = true
			}
		}
		// A guessed post that another named one ends with (黃維彥主任 after
		// 淡江高中…教務主任黃維彥) is that post again.
		endsNamed := func(title string) bool {
			for t := range named {
				if len(t) > len(title) && strings.HasSuffix(t, title) {
					return true
				}
			}
			return false
		}
		kept := p.Roles[:0]
		for _, r := range p.Roles {
			if g := guessed[roleKey{name, r.Title, r.Org}]; !g || !named[r.Title] && !endsNamed(r.Title) {
				kept = append(kept, r)
			}
		}
		p.Roles = mergeSuffixTitles(kept)
		res.People = append(res.People, *p)
	}

	body := texts[1]
	for _, o := range orgs.list {
		o.Mentions = findAll(body.raw, append([]string{o.Name}, o.Aliases...))
		res.Organizations = append(res.Organizations, *o)
	}
	// A place's mentions are those outside organization names and outside
	// longer places (英 in 英国); a one-character place only in a run of
	// such abbreviations (中美, 京津冀, 中蒙俄), where it is one.
	var orgSpans []Span
	for _, o := range res.Organizations {
		orgSpans = append(orgSpans, o.Mentions...)
	}
	type place struct {
		name string
		body bool
	}
	var places []place
	seen := map[string]bool{}
	for _, t := range texts {
		for _, pl := range t.places {
			if seen[pl.text] || orgs.lookup(pl.text) != nil {
				continue
			}
			seen[pl.text] = true
			places = append(places, place{pl.text, t.body})
		}
	}
	// Longer places first, so that shorter ones can skip their spans.
	longest := make([]int, len(places))
	for i := range longest {
		longest[i] = i
	}
	slices.SortStableFunc(longest, func(a, b int) int {
		return utf8.RuneCountInString(places[b].name) - utf8.RuneCountInString(places[a].name)
	})
	mentions := make([][]Span, len(places))
	taken := orgSpans
	bodyRunes := []rune(body.raw)
	for _, i := range longest {
		pl := places[i]
		single := utf8.RuneCountInString(pl.name) == 1
		for _, m := range findAll(body.raw, []string{pl.name}) {
			inside := false
			for _, o := range taken {
				inside = inside || m[0] >= o[0] && m[1] <= o[1]
			}
			if !inside && (!single || inAbbreviations(bodyRunes, m[0])) {
				mentions[i] = append(mentions[i], m)
			}
		}
		taken = append(taken, mentions[i]...)
	}
	for i, pl := range places {
		single := utf8.RuneCountInString(pl.name) == 1
		if len(mentions[i]) > 0 || !pl.body && !single {
			res.Locations = append(res.Locations, Location{Name: pl.name, Mentions: mentions[i]})
		}
	}
	return res
}

// placeAbbreviations are the one-character names of provinces and
// countries that news writes in runs (中美关系, 京津冀, 沪苏浙皖).
const placeAbbreviations = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘青宁港澳台臺蒙" +
	"中美俄英法德日韩朝印巴越泰菲欧非拉以"

// inAbbreviations reports whether the character at i stands in a run of
// two to four place abbreviations.
func inAbbreviations(r []rune, i int) bool {
	is := func(k int) bool { return k >= 0 && k < len(r) && strings.ContainsRune(placeAbbreviations, r[k]) }
	if !is(i) {
		return false
	}
	start, end := i, i+1
	for is(start - 1) {
		start--
	}
	for is(end) {
		end++
	}
	return end-start >= 2 && end-start <= 4
}

// addressWords follow a name as a form of address, not a post: 李明同志.
var addressWords = toSet(`同志 先生 女士 小姐`)

// heldVerbs say that a person holds or takes a post: 王强担任…院长.
var heldVerbs = []string{"同时担任", "现担任", "担任", "现任", "出任", "兼任", "升任", "就任", "继任", "转任", "任"}

// heldVerbLen returns the length of a held-post verb at r[i:], or 0.
func heldVerbLen(r []rune, i int) int {
	for _, v := range heldVerbs {
		n := utf8.RuneCountInString(v)
		if i+n <= len(r) && string(r[i:i+n]) == v {
			return n
		}
	}
	return 0
}

// startingAt returns the mention that starts at rune i, if any.
func startingAt(ms []mention, i int) *mention {
	for k := range ms {
		if ms[k].start == i {
			return &ms[k]
		}
	}
	return nil
}

// aliasEndingAt finds an organization's name or short form, as collected
// for the article, written right before rune i; it returns the full name
// and the length written.
func aliasEndingAt(t *text, i int, orgs *orgSet) (string, int) {
	best, bestN := "", 0
	for key, o := range orgs.byKey {
		kr := []rune(key)
		n := len(kr)
		if n < 2 || n > i || n <= bestN || string(t.raw[i-n:i]) != key {
			continue
		}
		best, bestN = o.Name, n
	}
	return best, bestN
}

// aliasOnlyEndingAt reports whether a name or short form of the article's
// organizations ends at rune i.
func aliasOnlyEndingAt(t *text, i int, orgs *orgSet) bool {
	_, n := aliasEndingAt(t, i, orgs)
	return n > 0
}

// nameFollows reports whether a personal name starts at rune i (so a title
// before it belongs to that name, not the one before).
func (rc *Recognizer) nameFollows(t *text, i int) bool {
	for _, p := range t.people {
		if p.start == i {
			return true
		}
	}
	return false
}

// rolesBefore reads the titles written just before a person mention, with
// their organizations: "武汉职业技术学院党委书记、校长李洪渠" gives 党委书记 and
// 校长 at 武汉职业技术学院. When the first title has no organization and
// follows a list separator, sep is the separator's offset (where the
// previous person of the list ends), so the caller can give the title the
// organization of the title before it; otherwise sep is -1.
func (rc *Recognizer) rolesBefore(t *text, pm mention, orgs *orgSet, canon func(string) string, resolve func(mention) string) (roles []Role, sep int) {
	sep = -1
	pos := pm.start
	var pending []string
	bind := func(org string) {
		for _, title := range pending {
			roles = append(roles, Role{Title: title, Org: org})
		}
		pending = nil
	}
	for {
		ti := endingAt(t.titles, pos)
		if ti == nil {
			break
		}
		pending = append([]string{ti.text}, pending...)
		pos = ti.start
		// 魏德米勒企业代表高级总监陈向军: a group word between the
		// organization and the title; 淡江高中師長則有教務主任黃維彥,
		// 文化大學出席成員包括副校長王淑音: and a word that opens the list.
		at := pos
		for _, c := range []string{"则有", "包括", "有", "为", "：", ":"} {
			if n := utf8.RuneCountInString(c); at-n >= 0 && string(t.r[at-n:at]) == c {
				at -= n
				break
			}
		}
		if w := endingAt(t.weak, at); w != nil && (endingAt(t.orgs, w.start) != nil || aliasOnlyEndingAt(t, w.start, orgs)) {
			pos = w.start
		} else if w := endingAt(t.weak, pos); w != nil && (endingAt(t.orgs, w.start) != nil || aliasOnlyEndingAt(t, w.start, orgs)) {
			pos = w.start
		}
		if o := endingAt(t.orgs, pos); o != nil {
			bind(canon(o.text))
			pos = o.start
		} else if name, n := aliasEndingAt(t, pos, orgs); n > 0 {
			bind(name) // 华拓副总经理: a short form found elsewhere in the article
			pos -= n
		} else if g := endingAt(t.gens, pos); g != nil {
			bind(resolve(*g))
			break
		} else if pl := endingAt(t.places, pos); pl != nil {
			bind(pl.text) // 天津市副市长: the place stands for its government
			break
		}
		if pos > 0 && (t.r[pos-1] == '、' || t.r[pos-1] == '兼') {
			pos--
			continue
		}
		break
	}
	if len(pending) > 0 && strings.HasPrefix(pending[0], "党委") && pos >= 2 {
		// 都安县党委常委: a post of the county's party committee.
		if place := placeNameBefore(t, pos); place != "" {
			pending[0] = strings.TrimPrefix(pending[0], "党委")
			bind(place + "党委")
		}
	}
	if len(pending) > 0 && headTitles[pending[0]] && pos >= 2 {
		// 江城市副市长, 港灣市長: a place the lexicon does not know, written
		// before a government head's title.
		if place := placeBeforeTitle(t, pos, pending[0]); place != "" {
			bind(place)
		}
	}
	if len(pending) > 0 {
		if pos < len(t.r) && (t.r[pos] == '、' || t.r[pos] == '兼') {
			pos++ // the loop stepped over a 、 and found no title before it
		}
		if pos > 0 && (t.r[pos-1] == '、' || t.r[pos-1] == '，' || t.r[pos-1] == ',') {
			sep = pos - 1
		}
		bind("")
	}
	return roles, sep
}

// orgKindOf returns the kind of the article's organization named name, or
// "" when it is not one of them.
func orgKindOf(orgs *orgSet, name string) string {
	if o := orgs.lookup(name); o != nil {
		return o.Kind
	}
	return ""
}

// placeBeforeTitle reads the two or three characters of a place name
// written before a government head's title and names its government.
func placeBeforeTitle(t *text, pos int, title string) string {
	for _, l := range []int{3, 2} {
		a := pos - l
		if a < 0 {
			continue
		}
		seg := t.r[a:pos]
		ok := true
		for _, c := range seg {
			ok = ok && unicode.Is(unicode.Han, c)
		}
		if !ok || strings.ContainsRune("由在与和及向对为经据", seg[0]) || (a > 0 && unicode.Is(unicode.Han, t.r[a-1]) && !strings.ContainsRune("，、。的与和及由在", t.r[a-1])) {
			continue
		}
		if k := t.tokAt[a]; k >= 0 && t.toks[k].start == a && t.toks[k].end == pos && t.toks[k].pos != "ns" && t.toks[k].pos != "nz" {
			continue // 包含副縣長: a word, not a place
		}
		name := t.str(a, pos)
		last := seg[len(seg)-1]
		switch {
		case strings.ContainsRune("市县区", last):
			return name + "人民政府"
		case strings.ContainsRune("縣區", last):
			return name + "政府"
		case strings.HasPrefix(title, "縣"), strings.HasPrefix(title, "副縣"):
			return name + "縣政府"
		case strings.HasPrefix(title, "市長"), strings.HasPrefix(title, "副市長"):
			return name + "市政府"
		}
	}
	return ""
}

// placeNameBefore returns the two to four characters of a county, city
// or district name (ending in 县, 市, 区 …) written right before rune pos.
func placeNameBefore(t *text, pos int) string {
	for _, l := range []int{4, 3, 2} {
		a := pos - l
		if a < 0 {
			continue
		}
		seg := t.r[a:pos]
		if !strings.ContainsRune("县市区州旗镇乡縣區鎮鄉", seg[len(seg)-1]) {
			continue
		}
		ok := true
		for _, c := range seg {
			ok = ok && unicode.Is(unicode.Han, c)
		}
		if ok && (a == 0 || !unicode.Is(unicode.Han, t.r[a-1]) || strings.ContainsRune("，、。的与和及由在", t.r[a-1])) {
			return t.str(a, pos)
		}
	}
	return ""
}

// endingAt returns the mention of ms that ends at i, or nil.
func endingAt(ms []mention, i int) *mention {
	for k := range ms {
		if ms[k].end == i {
			return &ms[k]
		}
	}
	return nil
}

// orgSet is the article's organizations with their short forms.
type orgSet struct {
	list  []*Organization
	byKey map[string]*Organization // name or alias → organization
}

func (s *orgSet) lookup(name string) *Organization { return s.byKey[name] }

// mergeOrgs groups organization mentions under their longest full names:
// a name that another ends with (碳中和产业学院 in 武汉职业技术学院碳中和产业学院),
// or that another extends with a company ending (武汉新能源研究院 →
// 武汉新能源研究院有限公司), and abbreviations of a name found in the text
// (武职 for 武汉职业技术学院), become aliases.
func (rc *Recognizer) mergeOrgs(texts []*text, publisher, site string) *orgSet {
	kinds := map[string]string{}
	var names []string
	// The site's own school, when the article needs it for 我校.
	if site != "" && !rc.namedIn(texts, site) {
		names = append(names, site)
		kinds[site] = KindSchool
	}
	// The publishing unit is an organization of the article.
	if pr := []rune(publisher); len(pr) >= 2 {
		if n, kind := rc.lex.OrgSuffixEndingAt(pr, len(pr)); n > 0 && n < len(pr) {
			names = append(names, publisher)
			kinds[publisher] = kind
		} else if name, kind, ok := rc.lex.KnownOrg(publisher); ok {
			names = append(names, name)
			kinds[name] = kind
		}
	}
	for _, t := range texts {
		for _, o := range append(append([]mention(nil), t.orgs...), t.parents...) {
			if _, ok := kinds[o.text]; !ok {
				names = append(names, o.text)
			}
			kinds[o.text] = o.orgKind
		}
	}
	// User-declared organizations and their aliases.
	userAlias := map[string]string{}
	for name, aliases := range rc.lex.KnownOrgs() {
		for _, a := range aliases {
			userAlias[a] = name
		}
	}
	// Longest first, so that short forms find their full name.
	sort.SliceStable(names, func(i, j int) bool { return utf8.RuneCountInString(names[i]) > utf8.RuneCountInString(names[j]) })
	set := &orgSet{byKey: map[string]*Organization{}}
	known := map[string]*Organization{} // a well-known organization's full name → its entry
	for _, n := range names {
		// 华为 beside 华为技术有限公司: forms of one well-known organization.
		if full := rc.lex.KnownOrgName(n); full != "" {
			if o := known[full]; o != nil {
				o.Aliases = appendNew(o.Aliases, n)
				set.byKey[n] = o
				continue
			}
		}
		if full, ok := userAlias[n]; ok {
			if o := set.byKey[full]; o != nil {
				o.Aliases = appendNew(o.Aliases, n)
				set.byKey[n] = o
				continue
			}
		}
		var owner *Organization
		for _, o := range set.list {
			if isShortForm(n, o.Name, set) {
				owner = o
				break
			}
		}
		if owner != nil {
			owner.Aliases = appendNew(owner.Aliases, n)
			set.byKey[n] = owner
			continue
		}
		o := &Organization{Name: n, Kind: kinds[n]}
		set.list = append(set.list, o)
		set.byKey[n] = o
		if full := rc.lex.KnownOrgName(n); full != "" {
			known[full] = o
		}
	}
	// Abbreviations written in the text: 武职, 百胜, 复旦. Shorter names
	// first: 武职 is 武汉职业技术学院's, not its 碳中和产业学院's.
	body := texts[1]
	byLen := append([]*Organization(nil), set.list...)
	sort.SliceStable(byLen, func(i, j int) bool {
		return utf8.RuneCountInString(byLen[i].Name) < utf8.RuneCountInString(byLen[j].Name)
	})
	for _, o := range byLen {
		for _, ab := range rc.abbreviations(o.Name) {
			if set.byKey[ab] != nil || rc.lex.PlaceAt([]rune(ab), 0) == utf8.RuneCountInString(ab) {
				continue
			}
			if occursOutside(body.raw, ab, set) {
				o.Aliases = appendNew(o.Aliases, ab)
				set.byKey[ab] = o
			}
		}
	}
	rc.ownGovernment(texts, set)
	for _, o := range set.list {
		o.Kind = rc.refineKind(o.Name, o.Kind, set)
	}
	return set
}

// ownGovernment resolves 市政府, 区政府, 县政府 written alone (市政府与华北水利
// 水电大学签署…) to the people's government of the one city, district or
// county the article names (石嘴山市 → 石嘴山市人民政府), adding it to set
// with the generic word as its short form.
func (rc *Recognizer) ownGovernment(texts []*text, set *orgSet) {
	body := texts[1]
	for _, g := range []struct{ word, unit string }{{"市政府", "市"}, {"区政府", "区"}, {"县政府", "县"}} {
		w := []rune(g.word)
		alone := false
		for i := 0; i+len(w) <= len(body.r) && !alone; i++ {
			if string(body.r[i:i+len(w)]) != g.word {
				continue
			}
			// Not the end of a longer name (石嘴山市政府): after a boundary.
			alone = i == 0 || !unicode.Is(unicode.Han, body.r[i-1]) || strings.ContainsRune("与和及同跟向对为由在是的了代表", body.r[i-1])
		}
		if !alone {
			continue
		}
		named := false // the article names a government of that level already
		for _, o := range set.list {
			named = named || strings.HasSuffix(o.Name, g.unit+"人民政府") || strings.HasSuffix(o.Name, g.word)
		}
		if named {
			continue
		}
		var place string
		unique := true
		for _, t := range texts {
			for _, pl := range t.places {
				name := string(t.r[pl.start:pl.end])
				if !strings.HasSuffix(name, g.unit) || utf8.RuneCountInString(name) < 3 || strings.HasSuffix(name, "自治区") {
					continue // 西藏自治区 is a province, not the 区 of 区政府
				}
				if place != "" && place != name {
					unique = false
				}
				place = name
			}
		}
		if place == "" || !unique {
			continue
		}
		full := place + "人民政府"
		o := set.byKey[full]
		if o == nil {
			o = &Organization{Name: full, Kind: KindGovernment}
			set.list = append(set.list, o)
			set.byKey[full] = o
		}
		if set.byKey[g.word] == nil {
			o.Aliases = appendNew(o.Aliases, g.word)
			set.byKey[g.word] = o
		}
	}
}

// refineKind corrects the head word's default kind from the whole name:
// a college named after a subject, or written after its university, is a
// department; offices of a party committee or government belong to the
// government.
func (rc *Recognizer) refineKind(name, kind string, set *orgSet) string {
	if kind == "" {
		kind = KindOther
	}
	for _, gov := range []string{"区委", "市委", "县委", "省委", "政府", "區委", "縣委", "縣政府"} {
		if strings.Contains(name, gov) && kind == KindDepartment {
			return KindGovernment
		}
	}
	if kind == KindSchool {
		if rc.unitCollege(name) {
			return KindDepartment
		}
		for _, o := range set.list {
			if o.Name != name && o.Kind == KindSchool && strings.HasPrefix(name, o.Name) {
				return KindDepartment // 武汉职业技术学院碳中和产业学院
			}
		}
	}
	return kind
}

// isShortForm reports whether short names the same organization as long:
// long ends with it after a parent's name (中国电建集团 + 江西省电力建设有限公司),
// or extends it with a company ending.
func isShortForm(short, long string, set *orgSet) bool {
	if short == long || utf8.RuneCountInString(short) < 2 {
		return false
	}
	// Without a leading word of two characters or more (屏東大學 for
	// 國立屏東大學), not one character (理學院 is no 管理學院).
	if strings.HasSuffix(long, short) && utf8.RuneCountInString(long)-utf8.RuneCountInString(short) >= 2 || norm.NFKC.String(short) == norm.NFKC.String(long) {
		return true
	}
	// 湖北省中华职教社 for 湖北省中华职业教育社, 武汉新能源有限公司 for
	// 武汉新能源研究院有限公司: the same start and end, the short form's
	// characters in byLength in the long one (long names only: 南京大学 is
	// not 南京医科大学).
	if lr := []rune(long); utf8.RuneCountInString(short) >= 5 && len(lr) > 5 && !strings.HasPrefix(long, short) {
		sr := []rune(short)
		// Not when the long name adds a place (天水市政府 is not
		// 天水市秦州区人民政府).
		if sr[0] == lr[0] && sr[1] == lr[1] && sr[len(sr)-1] == lr[len(lr)-1] && inOrder(sr, lr) && !addsPlace(sr, lr) {
			return true
		}
	}
	// 臺師大 for 國立臺灣師範大學, 北师大 for 北京师范大学: a university's
	// name, without 国立 and the like, shortened to characters in order
	// ending with 大.
	if sr := []rune(short); len(sr) >= 3 && len(sr) <= 4 && (sr[len(sr)-1] == '大') {
		x := long
		for _, p := range []string{"国立", "國立", "私立", "市立", "省立"} {
			x = strings.TrimPrefix(x, p)
		}
		if xr := []rune(x); (strings.HasSuffix(x, "大学") || strings.HasSuffix(x, "大學")) && len(xr) > len(sr) && sr[0] == xr[0] && inOrder(sr, xr) {
			return true
		}
	}
	// 中建八局 for 中国建筑第八工程局有限公司: a company's name without its
	// legal ending, shortened to characters in order, with the same first
	// and last ones.
	for _, end := range []string{"股份有限公司", "有限责任公司", "有限責任公司", "有限公司"} {
		if x := strings.TrimSuffix(long, end); x != long {
			sr, xr := []rune(short), []rune(x)
			if len(sr) >= 3 && len(xr) > len(sr) && sr[0] == xr[0] && sr[len(sr)-1] == xr[len(xr)-1] && inOrder(sr, xr) && !addsPlace(sr, xr) {
				return true
			}
			break
		}
	}
	// 鼎信科技 for 鼎信数字科技股份有限公司, 星河传媒 for 星河文化传媒有限公司:
	// the name's first word and a later word of it.
	sr := []rune(short)
	for k := 2; k <= len(sr)-2; k++ {
		p, tail := string(sr[:k]), string(sr[k:])
		if strings.HasPrefix(long, p) && strings.Contains(strings.TrimPrefix(long, p), tail) && industryWords[tail] {
			return true
		}
	}
	for _, gen := range []string{"公司", "集团", "集團"} {
		// 华拓公司 for 华拓智能装备有限公司.
		if x := strings.TrimSuffix(short, gen); x != short && utf8.RuneCountInString(x) >= 2 && strings.HasPrefix(long, x) && strings.HasSuffix(long, gen) {
			return true
		}
	}
	if strings.HasPrefix(long, short) {
		rest := strings.TrimPrefix(long, short)
		switch rest {
		case "有限公司", "股份有限公司", "有限责任公司", "集团", "集团有限公司", "集团股份有限公司", "公司":
			return true
		}
	}
	return false
}

// industryWords end a company's short form: 鼎信科技, 星河传媒.
var industryWords = toSet(`贸易 商贸 模具 餐饮 物业 旅游 酒店 工业 工業 航运 航運 检测 認證 认证 能源 新能源 汽车 纺织 服装 航运 航空 物联 数据 云计 人工 生物 环境 新材 精密 光电 半导 集成 软件 网络 科技 传媒 電子 电子 医药 醫藥 实业 實業 控股 文化 教育 数字 數位 网络 網路 信息 软件 軟體 智能 能源 环保 建设 建工 地产 物流 食品 药业 制药 汽车 电气 电力 通信 金融 投资 传播 集团 集團 股份 咨询 顾问 顧問 工程 钢铁 化工 机械 装备 材料`)

// abbreviations proposes short forms of an organization name: its first
// word (百胜 of 百胜中国控股有限公司), its name without the head word (复旦 of
// 复旦大学), and the first characters of its first words (武职 of
// 武汉职业技术学院).
func (rc *Recognizer) abbreviations(name string) []string {
	r := []rune(name)
	words := rc.segment(name)
	if len(words) < 2 {
		// One dictionary word (武汉职业技术学院): split off its place.
		if n := rc.lex.PlaceAt(r, 0); n > 0 && n < len(r)-1 {
			return []string{string([]rune{r[0], r[n]})}
		}
		return nil
	}
	if n := rc.lex.PlaceAt(r, 0); n > 0 && n < len(r)-1 && n != utf8.RuneCountInString(words[0].Text) {
		words = append(rc.segment(string(r[:n])), rc.segment(string(r[n:]))...)
	}
	var out []string
	// Without a leading country or 国立/私立: 文化大學 for 中國文化大學,
	// 屏東大學 for 國立屏東大學.
	for _, pre := range []string{"中国", "中國", "国立", "國立", "私立"} {
		if strings.HasPrefix(name, pre) && utf8.RuneCountInString(name)-2 >= 4 {
			out = append(out, strings.TrimPrefix(name, pre))
		}
	}
	// Without its company ending: 鼎昇精密工業 for 鼎昇精密工業股份有限公司.
	for _, end := range []string{"股份有限公司", "有限责任公司", "有限責任公司", "集团有限公司", "集團有限公司", "有限公司"} {
		if x := strings.TrimSuffix(name, end); x != name && utf8.RuneCountInString(x) >= 4 {
			out = append(out, x)
			break
		}
	}
	first := words[0].Text
	w := func(i int) []rune { return []rune(words[i].Text) }
	_, kind := rc.lex.OrgSuffixEndingAt(r, len(r))
	// A company goes by its brand (百胜, 百胜中国); a school or unit does
	// not go by its first words.
	if kind == KindCompany && utf8.RuneCountInString(first) >= 2 && rc.lex.PlaceAt([]rune(first), 0) == 0 {
		out = append(out, first)
		if len(words) > 2 {
			out = append(out, first+words[1].Text)
		}
	}
	// After a country or place: 魏德米勒 for 德国魏德米勒电联结(上海)有限公司
	// (a form counts only where the text writes it alone).
	// Not after 中国 (中国移动 keeps it), and not a word of the language
	// (城市 of 唐山城市发展集团).
	if p := rc.lex.PlaceAt(r, 0); kind == KindCompany && p > 0 && p < len(r)-2 && !strings.HasPrefix(name, "中国") && !strings.HasPrefix(name, "中國") {
		brand := ""
		for _, w := range rc.segment(string(r[p:])) {
			brand += w.Text
			n := utf8.RuneCountInString(brand)
			if n > 4 || !unicode.Is(unicode.Han, []rune(w.Text)[0]) {
				break
			}
			if _, _, word := rc.seg.Lookup(brand); n >= 2 && !word {
				out = append(out, brand)
			}
		}
	}
	if n, _ := rc.lex.OrgSuffixEndingAt(r, len(r)); n > 0 && len(r)-n >= 2 && (strings.HasSuffix(name, "大学") || strings.HasSuffix(name, "大學")) {
		// 复旦 for 复旦大学; not 双创 for 双创学院.
		stem := string(r[:len(r)-n])
		if rc.lex.PlaceAt([]rune(stem), 0) != len(r)-n {
			out = append(out, stem)
		}
	}
	if len(words) >= 3 {
		out = append(out, string([]rune{w(0)[0], w(1)[0]}))
		if n, _ := rc.lex.OrgSuffixEndingAt(r, len(r)); n > 0 {
			// 云农大 for 云岭农业大学: initials and the head's first character.
			out = append(out, string([]rune{w(0)[0], w(1)[0], r[len(r)-n]}))
			// 台南應大 for 台南應用科技大學: the place whole.
			if p := rc.lex.PlaceAt(r, 0); p > 0 && p < len(r)-n {
				out = append(out, string(r[:p])+string([]rune{r[p], r[len(r)-n]}))
			}
		}
	}
	return out
}

// segment splits s into words, segmenting its simplified form so that
// traditional text splits as well; the words keep s's own characters
// (the mapping keeps byte offsets).
func (rc *Recognizer) segment(s string) []seg.Token {
	simple := s
	if rc.simplify != nil {
		simple = strings.Map(rc.simplify, s)
	}
	words := rc.seg.Segment(simple)
	if len(simple) != len(s) {
		return words
	}
	for i := range words {
		words[i].Text = s[words[i].Start:words[i].End]
	}
	return words
}

// occursOutside reports whether s occurs in text other than inside one of
// the organization names of set.
func occursOutside(text []rune, s string, set *orgSet) bool {
	sr := []rune(s)
	for i := 0; i+len(sr) <= len(text); i++ {
		if string(text[i:i+len(sr)]) != s {
			continue
		}
		inside := false
		for key := range set.byKey {
			kr := []rune(key)
			if len(kr) <= len(sr) {
				continue
			}
			for j := max(0, i-len(kr)+len(sr)); j <= i && j+len(kr) <= len(text); j++ {
				if string(text[j:j+len(kr)]) == key {
					inside = true
					break
				}
			}
			if inside {
				break
			}
		}
		if !inside {
			return true
		}
	}
	return false
}

// findAll returns the spans of every occurrence of the given names,
// longest name first, without overlaps.
func findAll(text []rune, names []string) []Span {
	sort.SliceStable(names, func(i, j int) bool { return utf8.RuneCountInString(names[i]) > utf8.RuneCountInString(names[j]) })
	var out []Span
	taken := make([]bool, len(text))
	for _, n := range names {
		nr := []rune(n)
		if len(nr) == 0 {
			continue
		}
	scan:
		for i := 0; i+len(nr) <= len(text); i++ {
			if text[i] != nr[0] {
				continue
			}
			for k := range nr {
				if text[i+k] != nr[k] || taken[i+k] {
					continue scan
				}
			}
			for k := range nr {
				taken[i+k] = true
			}
			out = append(out, Span{i, i + len(nr)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// siteSchool returns the school that opens a neighbouring headline
// (乐山师范学院2011年度科研工作计划): the site's own school. A college of a
// university (音乐学院) does not count.
func (rc *Recognizer) siteSchool(headlines []string) string {
	for _, h := range headlines {
		t := rc.analyze(strings.TrimSpace(h), false)
		rc.findTitles(t)
		rc.findOrgs(t)
		for _, o := range t.orgs {
			if o.start == 0 && o.orgKind == KindSchool && !rc.unitCollege(o.text) && utf8.RuneCountInString(o.text) >= 4 {
				return o.text
			}
		}
	}
	return ""
}

// namedIn reports whether an organization's name or a longer name
// ending with it is found in the texts.
func (rc *Recognizer) namedIn(texts []*text, name string) bool {
	for _, t := range texts {
		for _, o := range t.orgs {
			if strings.HasSuffix(o.text, name) || strings.HasPrefix(o.text, name) {
				return true
			}
		}
	}
	return false
}

// publishingSchool finds the school that 学校/我校 refer to. Each school
// named in the article scores for being in the headline and for every
// mention; it loses when it is named as the other party (与X, 赴X, X代表团)
// or as a unit of ours (我院计测工程学院). The publisher counts when it is a
// school itself.
func (rc *Recognizer) publishingSchool(d Doc, texts []*text, orgs *orgSet) string {
	score := map[*Organization]int{}
	var byLength []*Organization
	for ti, t := range texts {
		for _, o := range t.orgs {
			if o.orgKind != KindSchool {
				continue
			}
			full := orgs.lookup(o.text)
			if full == nil {
				continue
			}
			if _, ok := score[full]; !ok {
				byLength = append(byLength, full)
			}
			if ti == 0 {
				score[full] += 3
			} else {
				score[full]++
			}
			if rc.unitCollege(full.Name) {
				score[full] -= 3 // 物理与机电工程学院: a college of a university
			}
			before := string(t.r[max(0, o.start-3):o.start])
			after := string(t.r[o.end:min(len(t.r), o.end+3)])
			for _, w := range []string{"与", "和", "同", "及", "、", "赴", "到", "访问", "来自", "携手", "走进", "莅临"} {
				if strings.HasSuffix(before, w) {
					score[full] -= 2
					break
				}
			}
			// 我校与X: X is the other party, whatever else is said.
			for _, w := range []string{"我校与", "我院与", "学校与", "本校与", "我校和", "我校同"} {
				if strings.HasSuffix(string(t.r[max(0, o.start-4):o.start]), w) {
					score[full] -= 6
					break
				}
			}
			for _, w := range []string{"代表团", "一行", "客人", "来宾", "访问团"} {
				if strings.HasPrefix(after, w) {
					score[full] -= 4
					break
				}
			}
			// A visitor: 某大学…一行来我校, …率团访问我校.
			if rest := string(t.r[o.end:min(len(t.r), o.end+24)]); visitorRe(rest) {
				score[full] -= 4
			}
			for _, w := range []string{"我校", "我院", "本校", "本院", "学校", "学院"} {
				if strings.HasSuffix(before, w) {
					score[full] -= 6 // a unit of ours
					break
				}
			}
		}
	}
	// A short form of a school in the headline (台南應大) counts as the
	// school named there.
	head := string(texts[0].raw)
	for _, o := range byLength {
		for _, a := range o.Aliases {
			if utf8.RuneCountInString(a) >= 2 && strings.Contains(head, a) {
				score[o] += 3
				break
			}
		}
	}
	best, bestScore := "", 0
	for _, o := range byLength {
		if score[o] > bestScore {
			best, bestScore = o.Name, score[o]
		}
	}
	if best != "" {
		return best
	}
	if d.Publisher != "" {
		if n, kind := rc.lex.OrgSuffixEndingAt([]rune(d.Publisher), utf8.RuneCountInString(d.Publisher)); n > 0 && kind == KindSchool {
			return d.Publisher
		}
	}
	return ""
}

// headTitles are the heads of a government (not of its party committee).
var headTitles = toSet(`省长 副省长 市长 副市长 常务副市长 区长 副区长 常务副区长 县长 副县长 常务副县长 镇长 副镇长 乡长 副乡长 縣長 副縣長 市長 副市長 區長 鎮長`)

// governmentOf maps a government head's organization to the government:
// 区长 of 西青区委 or of 天津市 is a post of the district's or the city's
// people's government (西青区人民政府, 天津市人民政府).
func governmentOf(title, org string, orgs *orgSet) string {
	if !headTitles[title] || org == "" || strings.HasSuffix(org, "政府") || strings.HasSuffix(org, "政府") {
		return org
	}
	place := org
	for _, suf := range []string{"党委", "委员会", "委"} {
		if strings.HasSuffix(place, suf) {
			place = strings.TrimSuffix(place, suf)
			break
		}
	}
	// The article's own government of that place, if it names one.
	var govs []string
	for _, o := range orgs.list {
		if strings.HasSuffix(o.Name, "人民政府") {
			govs = append(govs, o.Name)
			if place != "" && strings.Contains(o.Name, place) {
				return o.Name
			}
		}
	}
	if len(govs) == 1 && utf8.RuneCountInString(place) <= 1 {
		return govs[0]
	}
	if utf8.RuneCountInString(place) < 2 {
		return "" // 市长 after 市委书记: the city's government, not named
	}
	// Taiwan writes 縣長, 市長 and names 縣政府, 市政府.
	switch {
	case strings.Contains(title, "縣"):
		return strings.TrimSuffix(place, "縣") + "縣政府"
	case strings.Contains(title, "長") && strings.Contains(title, "市"):
		return strings.TrimSuffix(place, "市") + "市政府"
	}
	return place + "人民政府"
}

// unitCollege reports whether a 学院 is likely a college inside a
// university rather than a school of its own: no place name or
// distinctive name before a subject (物理与机电工程学院, 音乐学院).
func (rc *Recognizer) unitCollege(name string) bool {
	r := []rune(name)
	if !strings.HasSuffix(name, "学院") && !strings.HasSuffix(name, "學院") {
		return false
	}
	if i := strings.LastIndex(name, "大学"); i >= 0 && i+len("大学") < len(name) {
		return true // 湖南大学公共管理学院
	}
	if i := strings.LastIndex(name, "大學"); i >= 0 && i+len("大學") < len(name) {
		return true
	}
	if rc.lex.PlaceAt(r, 0) > 0 {
		return false
	}
	for _, w := range []string{"大学", "大學", "职业", "職業", "师范", "師範", "技术", "技術"} {
		if strings.Contains(name, w) {
			return false
		}
	}
	return true
}

// addsPlace reports whether the runes of long that short leaves out name
// a place of their own: an administrative unit character (区, 县, 镇 …).
func addsPlace(short, long []rune) bool {
	j := 0
	for _, c := range long {
		if j < len(short) && short[j] == c {
			j++
			continue
		}
		if strings.ContainsRune("省市区县镇乡村州縣區鎮鄉", c) {
			return true
		}
	}
	return false
}

// inOrder reports whether the runes of a appear in b in the same byLength.
func inOrder(a, b []rune) bool {
	j := 0
	for _, c := range b {
		if j < len(a) && a[j] == c {
			j++
		}
	}
	return j == len(a)
}

// visitorRe reports whether the words after a school's name say it came
// to visit (…一行来我校, 率团访问我校, 到访).
func visitorRe(rest string) bool {
	if i := strings.IndexAny(rest, "。；！？"); i >= 0 {
		rest = rest[:i]
	}
	for _, w := range []string{"来我校", "来校", "访问我校", "到访", "来访", "率团", "一行", "莅临", "来我院", "走访我校", "考察我校", "访问了我校"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// mergeSuffixTitles drops a title that ends another title of the same
// person (主任 beside 教务主任, from 黄某主任 later in the text), keeping the
// longer one with whichever organization is known.
func mergeSuffixTitles(roles []Role) []Role {
	keep := make([]Role, len(roles))
	copy(keep, roles)
	drop := make([]bool, len(roles))
	for i, r := range roles {
		for j, o := range roles {
			if j != i && len(o.Title) > len(r.Title) && strings.HasSuffix(o.Title, r.Title) && (o.Org == r.Org || o.Org == "" || r.Org == "") {
				if keep[j].Org == "" {
					keep[j].Org = r.Org
				}
				drop[i] = true
				break
			}
		}
	}
	out := keep[:0:0]
	for i, r := range keep {
		if !drop[i] {
			out = append(out, r)
		}
	}
	return out
}
