package relation

import (
	"slices"
	"strings"

	"github.com/zhnews/zhnews/entity"
)

// trigger kinds.
const (
	trSign    = iota // 签署, 签订, 签约
	trUnveil         // 揭牌, 授牌, 挂牌
	trCobuild        // 共建
	trPair           // 结对
)

// triggers are the words that state a signing, simplified.
var triggers = []struct {
	word string
	kind int
}{
	{"签署", trSign}, {"签订", trSign}, {"签约", trSign}, {"签字", trSign}, {"续签", trSign}, {"签下", trSign},
	{"揭牌", trUnveil}, {"授牌", trUnveil}, {"挂牌", trUnveil},
	{"共建", trCobuild}, {"结对", trPair},
}

// nounAfter are the words that make a trigger a noun (签约仪式, 签约企业):
// it names the event, it does not state that anyone signed.
var nounAfter = []string{"仪式", "典礼", "大会", "活动", "现场", "企业", "单位", "代表", "方", "项目", "双方", "嘉宾", "会", "暨", "后", "前", "以来", "工作"}

// guestWords mark a clause about guests who watched: its organizations
// are no parties, not even of the ceremony the article describes.
var guestWords = []string{"见证", "出席", "陪同", "主持", "观摩", "列席", "致辞", "讲话"}

// witnessWords mark a clause about people who did not sign: the guests,
// and those who met or came (their organizations may be the ceremony's
// parties, read from such a clause only for a ceremony).
var witnessWords = append([]string{"参加", "会见", "到场", "莅临"}, guestWords...)

// agreementHeads end the name of an agreement.
var agreementHeads = []string{"框架协议书", "协议书", "协议", "备忘录", "意向书", "合同书", "合同", "协定", "合作书", "战略联盟", "策略联盟", "联盟协议", "倡议书"}

// connectors join the two sides of a signing: A与B签约.
const connectors = "与和同跟"

// trig is one trigger found in a sentence.
type trig struct {
	start, end int
	kind       int
	noun       bool // 签约仪式: names the event
}

func (d *doc) triggersIn(a, b int) []trig {
	var out []trig
	for i := a; i < b; i++ {
		for _, t := range triggers {
			w := []rune(t.word)
			if !hasAt(d.r[:b], i, w) {
				continue
			}
			tr := trig{start: i, end: i + len(w), kind: t.kind}
			if tr.kind == trCobuild && !d.cobuildStatement(tr, b) {
				break
			}
			// 签约揭牌仪式: one event; the first word stands for both.
			if n := len(out); n > 0 && out[n-1].end == i {
				out[n-1].end = tr.end
				out[n-1].noun = d.isNoun(out[n-1].start, tr.end, b)
				if tr.kind == trUnveil {
					out[n-1].kind = trUnveil
				}
				i = tr.end - 1
				break
			}
			tr.noun = d.isNoun(tr.start, tr.end, b)
			out = append(out, tr)
			i = tr.end - 1
			break
		}
		// 簽合作意向書: a bare 签 before an agreement.
		if d.r[i] == '签' && (len(out) == 0 || out[len(out)-1].end <= i) && !hasAnyAt(d.r[:b], i, triggerWords()) {
			if j := d.agreementEnd(i+1, b); j > 0 && j-i <= 16 {
				out = append(out, trig{start: i, end: i + 1, kind: trSign})
			}
		}
	}
	return out
}

func triggerWords() []string {
	out := make([]string, len(triggers))
	for i, t := range triggers {
		out[i] = t.word
	}
	return out
}

func hasAnyAt(r []rune, i int, words []string) bool {
	for _, w := range words {
		if hasAt(r, i, []rune(w)) {
			return true
		}
	}
	return false
}

// nounBefore are the words that make the trigger after them a noun:
// 本次签约, 两校的签约, 见证签约 (the guests watched it), 协议签署 (the event).
var nounBefore = []string{"本次", "此次", "这次", "该次", "的", "以", "次", "见证", "见证了", "出席", "参加", "观摩", "主持", "协议", "合同", "备忘录", "协议书"}

// isNoun reports whether the trigger [s, e) is used as a noun.
func (d *doc) isNoun(s, e, b int) bool {
	for _, w := range nounBefore {
		if hasBefore(d.r, s, w) {
			return true
		}
	}
	k := e
	for k < b && d.r[k] == '揭' { // 签约揭牌仪式
		k++
	}
	for _, w := range nounAfter {
		if hasAt(d.r[:b], e, []rune(w)) {
			if w == "双方" || w == "方" {
				// 签约双方代表, 签约方: nouns; 签约双方表示: still the event
				return true
			}
			return true
		}
	}
	return false
}

// cobuildStatement reports whether 共建 at tr states a jointly built unit
// set up (…共建…签约, …共建…揭牌, N方共建), not a plan or a slogan (校企共建).
func (d *doc) cobuildStatement(tr trig, b int) bool {
	if tr.end < b && d.r[tr.end] == '的' {
		return false // 共建的工作站: a modifier
	}
	if tr.start >= 2 && d.r[tr.start-1] == '方' && strings.ContainsRune("三四五六七八九十多", d.r[tr.start-2]) {
		return true // 四方共建
	}
	rest := d.key(tr.end, b)
	for _, w := range []string{"签约", "签署", "签订", "揭牌", "授牌", "挂牌", "协议"} {
		if i := strings.Index(rest, w); i >= 0 && runeLen(rest[:i]) <= 30 {
			return false // the later word is the trigger; 共建 names the subject
		}
	}
	// A与B共建X: two sides joined in the clause before, and a unit with
	// a name after (not 共建高校, 共建单位: a kind of thing).
	cs := d.clauseStart(0, tr.start)
	if !strings.ContainsAny(d.key(cs, tr.start), connectors) {
		return false
	}
	for _, w := range []string{"高校", "学校", "大学", "单位", "共享", "共管", "共赢", "关系", "机制", "平台"} {
		if hasAt(d.r[:b], tr.end, []rune(w)) && (tr.end+runeLen(w) >= b || strings.ContainsRune("，,。；;、和与及", d.r[tr.end+runeLen(w)])) {
			return false
		}
	}
	return true
}

// agreementEnd returns the end of an agreement name that starts at i (or
// after 了, 的), or 0.
func (d *doc) agreementEnd(i, b int) int {
	for i < b && strings.ContainsRune("了过下", d.r[i]) {
		i++
	}
	if i < b && strings.ContainsRune("《「“『\"", d.r[i]) {
		for j := i + 1; j < b && j < i+60; j++ {
			if strings.ContainsRune("》」”』\"", d.r[j]) {
				return j + 1
			}
		}
		return 0
	}
	end := 0
	for j := i; j < b && j < i+30; j++ {
		if strings.ContainsRune("，,。；;：:！？、（(", d.r[j]) {
			break
		}
		for _, h := range agreementHeads {
			if hasAt(d.r[:b], j, []rune(h)) && j+runeLen(h) > end {
				end = j + runeLen(h)
			}
		}
	}
	return end
}

// agreement returns the agreement's name written after the trigger.
func (d *doc) agreement(tr trig, b int) string {
	i := tr.end
	for i < b && strings.ContainsRune("了过下", d.r[i]) {
		i++
	}
	e := d.agreementEnd(i, b)
	if e == 0 {
		return ""
	}
	name := d.text(i, e)
	name = strings.Trim(name, "《》「」“”『』\"")
	for _, p := range []string{"双方", "兩校", "两校", "雙方"} {
		name = strings.TrimPrefix(name, p)
	}
	return name
}

// clause returns the start of the clause holding i: after the last
// comma, colon or sentence start.
func (d *doc) clauseStart(a, i int) int {
	for k := i - 1; k >= a; k-- {
		if strings.ContainsRune("，,：:", d.r[k]) {
			return k + 1
		}
	}
	return a
}

// signing is a relation being built, with the offsets it came from.
type signing struct {
	rel   Relation
	first string // the party on the other side of 与 in a one-to-many signing
}

func (d *doc) signings() []Relation {
	var rels []*signing
	var ceremony []string // the parties of the signing event the article describes
	for _, s := range d.sents {
		a, b := s[0], s[1]
		trs := d.triggersIn(a, b)
		if len(trs) == 0 {
			continue
		}
		from := a
		var last *signing
		for _, tr := range trs {
			segStart := from
			from = tr.end
			// 参加签约的企业还有A、B: more partners of the last signing.
			if cont := d.continuation(tr, b); cont {
				if prev := lastBilateral(rels); prev != nil {
					for _, r := range d.refsIn(tr.end, b) {
						if r.kind != refOrg {
							continue
						}
						p := d.party(r)
						if p == "" || p == prev.first || hasParty(rels, prev.first, p) {
							continue
						}
						n := *prev
						n.rel.Parties = []Party{{Org: prev.first, Representative: repOf(prev.rel, prev.first)}, {Org: p}}
						n.rel.Evidence = d.text(a, b)
						n.rel.Mentions = [][2]int{{a, b}}
						rels = append(rels, &n)
					}
				}
				continue
			}
			sg := d.readSigning(tr, segStart, a, b, ceremony, rels)
			// A sentence about people attending (市长王五出席签约仪式)
			// names no parties of the ceremony.
			if sg.ceremony != nil && (len(rels) == 0 || len(sg.rels) > 0) {
				ceremony = sg.ceremony
			}
			for _, n := range sg.rels {
				if last != nil && tr.kind == trUnveil && n.rel.Subject != "" && len(n.rel.Parties) < 2 {
					last.rel.Subject = n.rel.Subject
					continue
				}
				rels = appendMerged(rels, n)
				last = rels[len(rels)-1]
				for _, p := range n.rel.Parties {
					d.known[p.Org] = true
				}
			}
			if len(sg.rels) == 0 && sg.subject != "" && last != nil && last.rel.Subject == "" {
				last.rel.Subject = sg.subject // 与三方代表共同为X揭牌
			}
		}
	}
	out := make([]Relation, 0, len(rels))
	for _, s := range rels {
		out = append(out, s.rel)
	}
	return out
}

// dropUnits removes, from a signing of three parties or more, a party
// that is a unit of another (马来西亚砂拉越大学副校长、砂拉越大学中国中心负责人
// …与我校签约: the centre is the university's, on its side, not a third
// party). Two parties stay as they are: a university may sign with its own
// hospital.
func dropUnits(ps []Party) []Party {
	if len(ps) < 3 {
		return ps
	}
	out := ps[:0:0]
	for i, b := range ps {
		unit := false
		for j, a := range ps {
			if i != j && unitOf(b.Org, a.Org) {
				unit = true
			}
		}
		if !unit {
			out = append(out, b)
		}
	}
	if len(out) < 2 {
		return ps
	}
	return out
}

// unitOf reports whether b names a unit of a: a's name, or its end (its
// name without a leading place, four characters or more), then more.
func unitOf(b, a string) bool {
	if b == a {
		return false
	}
	if strings.HasPrefix(b, a) {
		return true
	}
	rb, ra := []rune(b), []rune(a)
	for k := min(len(ra), len(rb)-1); k >= 4; k-- {
		if string(rb[:k]) == string(ra[len(ra)-k:]) {
			return true
		}
	}
	return false
}

func lastBilateral(rels []*signing) *signing {
	for i := len(rels) - 1; i >= 0; i-- {
		if rels[i].first != "" {
			return rels[i]
		}
	}
	if n := len(rels); n > 0 && len(rels[n-1].rel.Parties) > 0 {
		rels[n-1].first = rels[n-1].rel.Parties[0].Org
		return rels[n-1]
	}
	return nil
}

func hasParty(rels []*signing, a, b string) bool {
	for _, s := range rels {
		if len(s.rel.Parties) == 2 && s.rel.Parties[0].Org == a && s.rel.Parties[1].Org == b {
			return true
		}
	}
	return false
}

func repOf(r Relation, org string) string {
	for _, p := range r.Parties {
		if p.Org == org {
			return p.Representative
		}
	}
	return ""
}

// continuation reports whether the trigger opens a list of more partners:
// 参加签约的企业还有, 签约单位包括.
func (d *doc) continuation(tr trig, b int) bool {
	rest := d.key(tr.end, min(b, tr.end+14))
	if !strings.Contains(rest, "还有") && !strings.Contains(rest, "包括") && !strings.Contains(rest, "分别是") {
		return false
	}
	for _, w := range []string{"企业", "单位", "学校", "高校", "院校", "公司", "机构"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// readResult is what one trigger gave.
type readResult struct {
	rels     []*signing
	ceremony []string // parties named around a ceremony, for 双方 later
	subject  string
}

// readSigning reads the signing stated by one trigger; segStart is where
// its part of the sentence [a, b) begins.
func (d *doc) readSigning(tr trig, segStart, a, b int, ceremony []string, prior []*signing) readResult {
	var res readResult
	subjStart, subjEnd, subject := d.subject(tr, segStart, b)
	res.subject = subject
	// The clauses that may hold parties: from segStart to the trigger,
	// without those about witnesses. scene holds the organizations of the
	// clauses not about guests: for a ceremony (签约仪式) they are its
	// parties (X公司一行来我院参加签约仪式).
	var refs, scene []ref
	var signers, sceneSigners []ref // people who may have signed
	explicit := map[string]string{}
	cs := segStart
	for cs < tr.start {
		ce := tr.start
		for k := cs; k < tr.start; k++ {
			if strings.ContainsRune("，,：:", d.r[k]) {
				ce = k
				break
			}
		}
		cl := d.key(cs, ce)
		witness, guest := false, false
		for _, w := range witnessWords {
			if strings.Contains(cl, w) && ce < tr.start {
				witness = true
			}
		}
		for _, w := range guestWords {
			if strings.Contains(cl, w) {
				guest = true
			}
		}
		for _, r := range d.refsIn(cs, ce) {
			if r.start >= subjStart && r.end <= subjEnd && subjEnd > subjStart {
				continue
			}
			if r.kind == refPerson {
				if !witness {
					signers = append(signers, r)
				}
				if !guest {
					sceneSigners = append(sceneSigners, r)
				}
				continue
			}
			if !witness {
				refs = append(refs, r)
			}
			if !guest {
				scene = append(scene, r)
			}
		}
		cs = ce + 1
	}
	// The agreement's own name may name the parties (《A与B合作协议》).
	agreement := ""
	if tr.kind == trSign && !tr.noun {
		agreement = d.agreement(tr, b)
	}
	// X代表A, X、Y分别代表A、B / 双方.
	d.representatives(segStart, tr.start, explicit, refs, ceremony)

	var parties []string
	add := func(p string) {
		if p != "" && !slices.Contains(parties, p) && p != subject {
			parties = append(parties, p)
		}
	}
	partiesWord := 0 // 双方 2, 三方 3 …; -1 for 多方
	for i, r := range refs {
		switch {
		case r.kind == refParties:
			if r.n == 0 {
				partiesWord = -1
			} else {
				partiesWord = r.n
			}
		case d.selfBeforeUnit(refs, i):
			// 我校计算机学院与…签署: the unit is the side.
		default:
			add(d.party(r))
		}
	}
	for _, w := range []string{"劳动合同", "劳务合同", "聘用合同", "就业协议", "采购合同", "购销合同", "租赁合同", "外贸合同"} {
		if strings.Contains(d.keyOf(agreement), w) || hasBefore(d.r, tr.start, w) {
			return res // employment and purchase contracts are no cooperation
		}
	}
	if agreement != "" && hasAnyAt(d.r, tr.end, []string{"两校", "双方", "了两校", "了双方"}) && partiesWord == 0 {
		partiesWord = 2 // 签署两校合作备忘录
	}
	if partiesWord == 0 {
		// 签署三方合作协议: one agreement of all the parties.
		for w, n := range map[string]int{"三方": 3, "四方": 4, "五方": 5, "多方": -1} {
			if strings.HasPrefix(agreement, w) || hasAnyAt(d.r, tr.end, []string{w, "了" + w}) {
				partiesWord = n
			}
		}
	}
	// Noun uses (签约仪式) state a signing only with two sides joined by
	// 与 (A与B…签约仪式): otherwise they only set the scene.
	conn := d.connector(refs, signers, segStart, tr.start)
	for _, w := range []string{"本次", "此次", "这次", "该次"} {
		if hasBefore(d.r, tr.start, w) {
			return res // 此次签约是…: the event told before, named again
		}
	}
	if !tr.noun && d.unnamedSide(refs, signers, segStart, tr.start) {
		return res // 省贸促会分别与A、B签署: a side the entities do not name
	}
	if !tr.noun && conn < 0 && partiesWord == 0 {
		// Without 与 or 双方, the parties are written close to the trigger:
		// its clause and the one before, not a long sentence's far end
		// (…严格执行海关总署的规定，…，外贸合同签订).
		near := d.clauseStart(segStart, d.clauseStart(segStart, tr.start)-1)
		kept := refs[:0:0]
		for _, r := range refs {
			if r.start >= near {
				kept = append(kept, r)
			}
		}
		refs = kept
		parties = parties[:0]
		for _, r := range refs {
			if r.kind != refParties {
				add(d.party(r))
			}
		}
	}
	if tr.noun && conn < 0 && !(len(parties) >= 2 && strings.Contains(d.key(segStart, tr.start), "——")) {
		var ps []string
		for _, r := range scene {
			if p := d.party(r); p != "" && !slices.Contains(ps, p) && p != subject {
				ps = append(ps, p)
			}
		}
		for _, s := range sceneSigners {
			if o := d.personOrg(s.person, nil); o != "" && !slices.Contains(ps, o) && len(ps) < 2 {
				ps = append(ps, o)
			}
		}
		if len(ps) >= 2 {
			res.ceremony = ps
		}
		return res
	}
	if tr.noun && conn >= 0 {
		// A ceremony between parties joined by 与 ("A与B签约仪式举行",
		// "X向A和B的签约表示祝贺"): the parties are the names joined
		// around the 与, not the others of the clause.
		var kept []string
		for _, r := range d.phrase(refs, conn) {
			if p := d.party(r); p != "" && !slices.Contains(kept, p) && p != subject {
				kept = append(kept, p)
			}
		}
		if len(kept) >= 2 {
			parties = kept
		}
	}
	if tr.noun {
		// A ceremony between parties joined by 与: the signing it stages,
		// when its parties are named.
		if len(parties) >= 2 {
			res.ceremony = append([]string(nil), parties...)
		}
	}
	// Signers whose organization the sentence does not name: their own
	// (董维与陈向军签订了校企合作协议).
	if tr.kind == trUnveil && len(parties) > 2 {
		// 黄侃(北京市教委)、徐永利和刘毅共同为工作站揭牌: when two of them
		// are the partners named before, the others are guests.
		var kept []string
		for _, p := range parties {
			if d.known[p] {
				kept = append(kept, p)
			}
		}
		if len(kept) >= 2 {
			parties = kept
		}
	}
	if len(parties) < 2 && tr.kind == trUnveil && len(prior) > 0 {
		// 黄侃、徐永利和刘毅共同为院士科研工作站揭牌: the heads of the
		// partners the article named before unveil; the other people
		// are guests.
		var known []string
		for _, p := range prior {
			for _, q := range p.rel.Parties {
				known = append(known, q.Org)
			}
		}
		for _, s := range signers {
			if o := d.personOrg(s.person, known); slices.Contains(known, o) {
				add(o)
			}
		}
		if len(parties) == 1 {
			for i := len(prior) - 1; i >= 0; i-- {
				if repOf(prior[i].rel, parties[0]) != "" || slices.ContainsFunc(prior[i].rel.Parties, func(q Party) bool { return q.Org == parties[0] }) {
					for _, q := range prior[i].rel.Parties {
						add(q.Org)
					}
					break
				}
			}
		}
	} else if len(parties) < 2 {
		for _, s := range signers {
			add(d.personOrg(s.person, parties))
		}
	}
	if conn >= 0 && len(parties) < 2 && !tr.noun {
		// 南开大学与滨海新区签署: a place joined by 与 stands for its
		// government.
		for _, r := range d.phrase(refs, conn) {
			if r.kind == refPlace {
				add(r.org)
			}
		}
	}
	if len(parties) < 2 && agreement != "" && strings.ContainsAny(agreement, "与和") {
		i := tr.end
		for i < b && strings.ContainsRune("了过下《「“", d.r[i]) {
			i++
		}
		for _, r := range d.refsIn(i, i+runeLen(agreement)+2) {
			if r.kind == refOrg || r.kind == refSelf {
				add(d.party(r))
			}
		}
	}
	// 双方 or a lone party: the parties of the ceremony described.
	if len(parties) < 2 && len(ceremony) >= 2 && (partiesWord == 2 || len(parties) == 1 && (slices.Contains(ceremony, parties[0]) || d.selfRef(refs))) {
		for _, p := range ceremony {
			add(p)
		}
	}
	if len(parties) < 2 {
		return res
	}
	status := StatusSigned
	if d.planned(tr, segStart, b) {
		status = StatusPlanned
	}
	base := Relation{
		Type:      TypeSigning,
		Agreement: agreement,
		Subject:   subject,
		Date:      d.dateAt(a, b),
		Status:    status,
		Evidence:  d.text(a, b),
		Mentions:  [][2]int{{a, b}},
	}
	rep := func(org string) string {
		if x, ok := explicit[org]; ok {
			return x
		}
		best := ""
		for _, s := range signers {
			if d.personOrg(s.person, parties) == org {
				best = s.person // the nearest to the trigger wins
			}
		}
		return best
	}
	multi := partiesWord >= 3 || partiesWord == -1 || len(parties) >= 3 && strings.Contains(d.key(d.clauseStart(segStart, tr.start), tr.start), "共同")
	var first []string
	if !multi && conn >= 0 {
		for _, r := range refs {
			if r.start < conn && r.kind != refParties {
				if p := d.party(r); p != "" && !slices.Contains(first, p) && p != subject {
					first = append(first, p)
				}
			}
		}
		if len(first) == 0 {
			for _, s := range signers {
				if s.start < conn {
					if p := d.personOrg(s.person, parties); p != "" && !slices.Contains(first, p) {
						first = append(first, p)
					}
				}
			}
		}
	}
	if len(first) == 1 && len(parties) > 2 {
		for _, p := range parties {
			if p == first[0] {
				continue
			}
			r := base
			r.Parties = []Party{{Org: first[0], Representative: rep(first[0])}, {Org: p, Representative: rep(p)}}
			res.rels = append(res.rels, &signing{rel: r, first: first[0]})
		}
		return res
	}
	r := base
	for _, p := range parties {
		r.Parties = append(r.Parties, Party{Org: p, Representative: rep(p)})
	}
	sg := &signing{rel: r}
	if len(first) == 1 {
		sg.first = first[0]
	}
	res.rels = append(res.rels, sg)
	return res
}

// phrase returns the references of refs joined to the connector at k
// by nothing but list marks (A、B与C、D).
func (d *doc) phrase(refs []ref, k int) []ref {
	joined := func(a, b int) bool {
		for _, c := range d.r[a:b] {
			if !strings.ContainsRune("、与和及同跟 ", c) {
				return false
			}
		}
		return true
	}
	var out []ref
	// before the connector, going left
	at := k
	for i := len(refs) - 1; i >= 0; i-- {
		r := refs[i]
		if r.end > at || !joined(r.end, at) {
			if r.end <= at {
				break
			}
			continue
		}
		out = append([]ref{r}, out...)
		at = r.start
	}
	at = k + 1
	for _, r := range refs {
		if r.start < at {
			continue
		}
		if !joined(at, r.start) {
			break
		}
		out = append(out, r)
		at = r.end
	}
	return out
}

// unnamedSide reports whether the trigger's clause joins a side the
// entities do not name to the others with 与 (录用人员与学校…签订,
// 省贸促会分别与A、B签署): pairing the named ones alone would be wrong.
func (d *doc) unnamedSide(refs, signers []ref, a, e int) bool {
	cs := d.clauseStart(a, e)
	for k := cs; k < e; k++ {
		if d.r[k] != '与' || insideRef(refs, k) || insideRef(signers, k) {
			continue
		}
		j := k
		if hasBefore(d.r, j, "分别") {
			j -= 2
		}
		named := false
		for _, r := range append(append([]ref(nil), refs...), signers...) {
			if r.end <= j && r.end >= j-8 && (r.end == j || !strings.ContainsAny(d.key(r.end, j), "，,、")) {
				named = true
			}
		}
		// 代表学校与…, 校长张三与…: the side is named.
		if !named && j > cs && !hasBefore(d.r, j, "代表") {
			return true
		}
	}
	return false
}

// selfRef reports whether the references hold 学校/我校.
func (d *doc) selfRef(refs []ref) bool {
	for _, r := range refs {
		if r.kind == refSelf {
			return true
		}
	}
	return false
}

// connector returns the offset of the 与 that joins the two sides of a
// signing in [a, e): one with a party or person before it and after it;
// -1 when there is none.
func (d *doc) connector(refs, signers []ref, a, e int) int {
	all := append(append([]ref(nil), refs...), signers...)
	for k := a; k < e; k++ {
		c := d.r[k]
		if !strings.ContainsRune(connectors, c) && !(c == '—' && k+1 < e && d.r[k+1] == '—') {
			continue
		}
		before, after := false, false
		for _, r := range all {
			if r.end <= k && r.end >= k-12 {
				before = true
			}
			if r.start > k {
				after = true
			}
		}
		if before && after && !insideRef(all, k) {
			return k
		}
	}
	return -1
}

func insideRef(refs []ref, k int) bool {
	for _, r := range refs {
		if r.start <= k && k < r.end {
			return true
		}
	}
	return false
}

// selfBeforeUnit reports whether refs[i] is the publishing school written
// right before one of its units (我校计算机学院): one side, the unit.
func (d *doc) selfBeforeUnit(refs []ref, i int) bool {
	if refs[i].kind != refSelf || i+1 >= len(refs) || refs[i+1].kind != refOrg || refs[i+1].start != refs[i].end {
		return false
	}
	o := d.orgs[refs[i+1].org]
	return o != nil && o.Kind == entity.KindDepartment
}

// ownParties maps each person to the party their post is at, when every
// one of them is at a different one of parties; nil otherwise.
func (d *doc) ownParties(persons, parties []string) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	for _, x := range persons {
		o := d.personOrg(x, parties)
		if o == "" || used[o] || !slices.Contains(parties, o) {
			return nil
		}
		used[o] = true
		out[x] = o
	}
	return out
}

// representatives reads "X代表A" and "X、Y分别代表A、B/双方" in [a, e) into
// explicit (party → person).
func (d *doc) representatives(a, e int, explicit map[string]string, refs []ref, ceremony []string) {
	for k := a; k+2 <= e; k++ {
		if !hasAt(d.r, k, []rune("代表")) {
			continue
		}
		if k+2 < len(d.r) && strings.ContainsRune("团队处", d.r[k+2]) {
			continue // 代表团, 代表队
		}
		// the people before 代表 in its clause
		var persons []string
		cs := d.clauseStart(a, k)
		for _, r := range d.refsIn(cs, k) {
			if r.kind == refPerson {
				persons = append(persons, r.person)
			}
		}
		if len(persons) == 0 {
			// 徐建平出席签约仪式并致词，代表学校…: the person of the clause before.
			for _, r := range d.refsIn(a, k) {
				if r.kind == refPerson {
					persons = []string{r.person}
				}
			}
		}
		if len(persons) == 0 {
			continue
		}
		// the parties after 代表, up to the trigger, 与 or a comma
		var parties []string
		j := k + 2
		if j < e && d.r[j] == '了' {
			j++
		}
		for _, r := range d.refsIn(j, e) {
			if r.start > j+1 && len(parties) == 0 {
				break
			}
			gap := d.key(j, r.start)
			if strings.ContainsAny(gap, "与和同跟，,") {
				break
			}
			switch r.kind {
			case refParties:
				if len(ceremony) >= 2 {
					parties = append(parties, ceremony...)
				}
			case refOrg, refSelf:
				parties = append(parties, d.party(r))
			}
			j = r.end
			for j < e && strings.ContainsRune("、和及与", d.r[j]) && len(parties) < len(persons) {
				j++
			}
		}
		switch {
		case len(parties) == len(persons):
			// Each by their own organization when the posts tell it
			// (B总经理张三与我校校长李四分别代表双方), else in order.
			if own := d.ownParties(persons, parties); own != nil {
				for x, p := range own {
					explicit[p] = x
				}
				break
			}
			for i, p := range parties {
				explicit[p] = persons[i]
			}
		case len(parties) == 1:
			explicit[parties[0]] = persons[len(persons)-1]
		case len(parties) == 0 && len(persons) >= 1:
			// 由A校长X、B校长Y代表签署: their own organizations.
			for _, x := range persons {
				if o := d.personOrg(x, nil); o != "" {
					explicit[o] = x
				}
			}
		}
	}
}

// subject returns the unit a signing sets up: 为X揭牌, X揭牌仪式, 共建X.
func (d *doc) subject(tr trig, segStart, b int) (int, int, string) {
	switch tr.kind {
	case trUnveil:
		// 共同为X揭牌
		for k := tr.start - 1; k >= segStart && k > tr.start-40; k-- {
			if d.r[k] == '为' {
				s, e := k+1, tr.start
				if s < e {
					return s, e, d.unitName(s, e)
				}
			}
			if strings.ContainsRune("，,。", d.r[k]) {
				break
			}
		}
		// X(签约)揭牌仪式, “X”挂牌仪式, “X”正式揭牌
		e := tr.start
		for _, w := range []string{"正式", "隆重", "顺利", "成功"} {
			if hasBefore(d.r, e, w) {
				e -= runeLen(w)
				break
			}
		}
		if hasBefore(d.r, e, "签约") {
			e -= 2
		}
		if e > segStart && strings.ContainsRune("”」\"", d.r[e-1]) {
			for k := e - 2; k >= segStart; k-- {
				if strings.ContainsRune("“「\"", d.r[k]) {
					return k, e, d.unitName(k, e)
				}
			}
		}
		for _, r := range d.refsIn(segStart, e) {
			if r.kind == refOrg && r.end == e {
				return r.start, r.end, r.org
			}
		}
	case trCobuild:
		s := tr.end
		e := s
		for e < b && e < s+30 && !strings.ContainsRune("，,。；;", d.r[e]) {
			if hasAnyAt(d.r, e, []string{"签约", "签署", "签订", "揭牌", "授牌", "挂牌", "协议", "仪式"}) {
				break
			}
			e++
		}
		if e > s {
			return s, e, d.unitName(s, e)
		}
	}
	return 0, 0, ""
}

// unitName returns the name of the unit written in [s, e): the
// organization named there, or the text without quotes and 共同.
func (d *doc) unitName(s, e int) string {
	for _, r := range d.refsIn(s, e) {
		if r.kind == refOrg && r.end-r.start >= (e-s)*2/3 {
			return r.org
		}
	}
	t := d.text(s, e)
	t = strings.TrimSuffix(t, "共同")
	t = strings.Trim(t, "“”「」\"《》 ")
	if runeLen(t) < 2 || runeLen(t) > 40 {
		return ""
	}
	return t
}

// planned reports whether the signing is announced, not done: 拟, 将,
// 即将 before the trigger and no 了 after it.
func (d *doc) planned(tr trig, segStart, b int) bool {
	if tr.end < b && d.r[tr.end] == '了' {
		return false
	}
	cs := d.clauseStart(segStart, tr.start)
	before := d.key(cs, tr.start)
	for _, w := range []string{"拟", "即将", "将于", "将与", "计划", "准备", "有望"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// appendMerged adds n unless a relation with the same parties and a
// compatible agreement and subject is there already; then it fills that
// one's missing fields.
func appendMerged(rels []*signing, n *signing) []*signing {
	n.rel.Parties = dropUnits(n.rel.Parties)
	key := partySet(n.rel)
	for _, s := range rels {
		if partySet(s.rel) != key || !compatible(s.rel.Agreement, n.rel.Agreement) || !compatible(s.rel.Subject, n.rel.Subject) {
			continue
		}
		conflict := false
		for _, p := range n.rel.Parties {
			if r := repOf(s.rel, p.Org); r != "" && p.Representative != "" && r != p.Representative {
				conflict = true
			}
		}
		if conflict {
			continue
		}
		for i, p := range s.rel.Parties {
			if p.Representative == "" {
				s.rel.Parties[i].Representative = repOf(n.rel, p.Org)
			}
		}
		if s.rel.Agreement == "" {
			s.rel.Agreement = n.rel.Agreement
		}
		if s.rel.Subject == "" {
			s.rel.Subject = n.rel.Subject
		}
		if s.rel.Status == StatusPlanned && n.rel.Status == StatusSigned {
			s.rel.Status = StatusSigned
		}
		s.rel.Mentions = append(s.rel.Mentions, n.rel.Mentions...)
		return rels
	}
	return append(rels, n)
}

func partySet(r Relation) string {
	var ps []string
	for _, p := range r.Parties {
		ps = append(ps, p.Org)
	}
	slices.Sort(ps)
	return strings.Join(ps, "\x00")
}

func compatible(a, b string) bool {
	return a == "" || b == "" || a == b || strings.Contains(a, b) || strings.Contains(b, a)
}
