package entity

import (
	"errors"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhnews/zhnews/seg"
)

// Options configures a Recognizer.
type Options struct {
	// Segmenter splits text into words; required.
	Segmenter *seg.Segmenter
	// Lexicon gives titles, organization head words, surnames, places and
	// generic references; required.
	Lexicon Lexicon
	// Tagger, when set, proposes PERSON, ORG, LOC and TITLE spans (a
	// statistical model); the rules of this package check and extend them.
	Tagger func(text string, words []seg.Token) []Tagged
	// Simplify maps each rune of traditional Chinese to its simplified
	// form (one rune for one); when set, lexicon and segmenter see the
	// simplified text while names keep the article's own characters.
	Simplify func(r rune) rune
}

// Recognizer finds the entities of articles. It is safe for concurrent
// use.
type Recognizer struct {
	seg      *seg.Segmenter
	lex      Lexicon
	tag      func(string, []seg.Token) []Tagged
	simplify func(rune) rune
}

// New returns a Recognizer built from opts.
func New(opts Options) (*Recognizer, error) {
	if opts.Segmenter == nil || opts.Lexicon == nil {
		return nil, errors.New("entity: a segmenter and a lexicon are required")
	}
	return &Recognizer{seg: opts.Segmenter, lex: opts.Lexicon, tag: opts.Tagger, simplify: opts.Simplify}, nil
}

// token is a word of the text in rune offsets.
type token struct {
	start, end int
	pos        string
}

// mention is a recognized stretch of text.
type mention struct {
	start, end int
	from       int // start as first found, before trimming
	kind       int // mPerson, mOrg, mTitle, mPlace, mGeneric
	text       string
	orgKind    string
}

const (
	mPerson = iota + 1
	mOrg
	mTitle
	mPlace
	mGeneric
)

// text is one piece of an article (headline or body) being analysed.
type text struct {
	raw    []rune // as written
	r      []rune // simplified when traditional; same length as raw
	simple string // string(r)
	words  []seg.Token
	toks   []token
	tokAt  []int // index of the token covering each rune, -1 for none
	body   bool  // mentions are recorded only for the body
	titles []mention
	orgs   []mention
	people []mention
	places []mention
	gens   []mention
	// parents are organizations named at the start of a longer name
	// (its parent), kept apart from orgs so spans do not overlap.
	parents []mention
	// weak are group words and parts (校领导, 嘉宾, 主持): names follow
	// them, but they are not roles.
	weak []mention
	// titleEnd marks the runes where a title or group word ends.
	titleEnd map[int]bool
	// found are the organizations found so far, while they are looked
	// for (see namedBefore).
	found []mention
}

func (t *text) str(a, b int) string { return string(t.raw[a:b]) }
func (t *text) key(a, b int) string { return string(t.r[a:b]) }

// analyze prepares a piece of text: simplified runes and words.
func (rc *Recognizer) analyze(s string, body bool) *text {
	t := &text{raw: []rune(s), body: body}
	t.r = t.raw
	if rc.simplify != nil {
		t.r = make([]rune, len(t.raw))
		for i, c := range t.raw {
			t.r[i] = rc.simplify(c)
		}
	}
	simple := string(t.r)
	words := rc.seg.Segment(simple)
	t.simple, t.words = simple, words
	// byte → rune offsets
	b2r := make(map[int]int, len(words)*2)
	ri := 0
	for bi := range simple {
		b2r[bi] = ri
		ri++
	}
	b2r[len(simple)] = ri
	t.tokAt = make([]int, len(t.r))
	for i := range t.tokAt {
		t.tokAt[i] = -1
	}
	for _, w := range words {
		tk := token{start: b2r[w.Start], end: b2r[w.End], pos: w.Pos}
		for i := tk.start; i < tk.end; i++ {
			t.tokAt[i] = len(t.toks)
		}
		t.toks = append(t.toks, tk)
	}
	return t
}

// tokenBoundary reports whether a word boundary falls before rune i.
func (t *text) tokenBoundary(i int) bool {
	if i <= 0 || i >= len(t.r) {
		return true
	}
	a, b := t.tokAt[i-1], t.tokAt[i]
	return a != b || a < 0
}

// Recognize finds the entities of one article.
func (rc *Recognizer) Recognize(d Doc) Result {
	// A publisher that is a person's name (发布者:刘舒燕, 供稿:唐嘉怡) is
	// credited like a byline name.
	if p := strings.TrimSpace(d.Publisher); p != "" && rc.personPublisher(p) {
		d.Credits = append(append([]string(nil), d.Credits...), p)
	}
	head := rc.analyze(d.Title, false)
	body := rc.analyze(d.Body, true)
	texts := []*text{head, body}
	for _, t := range texts {
		rc.findTitles(t)
		rc.findOrgs(t)
		rc.findPlaces(t)
	}
	var tagged []*text
	if rc.tag != nil {
		tagged = texts
	}
	for _, t := range tagged {
		rc.applyTagger(t)
	}
	known := map[string]bool{}
	for _, name := range d.Credits {
		if rc.plausibleName(name) {
			known[name] = true
		}
	}
	for _, t := range texts {
		rc.findPeople(t, known)
		rc.trimOrgs(t)
	}
	// A name confirmed once is a name everywhere in the article.
	for _, t := range texts {
		rc.spreadNames(t, known)
	}
	return rc.assemble(d, texts, known)
}

// weakTitles name a group or a part someone plays, not a post: they do
// not make roles.
var weakTitles = toSet(`师长 主持 主持人 代表 企业代表 学生代表 教师代表 负责人 校友 嘉宾 学生 同学 成员 会员 职工 员工 教师 老师 专家 学者 领导 人员 工作人员 志愿者 家长 主持人 记者 通讯员 编辑 摄影 作者 实习生`)

// findTitles marks job titles, longest first, left to right. A title that
// begins with the head word of an organization name written before it
// (中心主任 in …服务中心主任) is cut to the part after the head word.
func (rc *Recognizer) findTitles(t *text) {
	for i := 0; i < len(t.r); {
		n := rc.lex.TitleAt(t.r, i)
		if n == 0 {
			i++
			continue
		}
		for cut := true; cut && i > 0 && unicode.Is(unicode.Han, t.r[i-1]); {
			cut = false
			for k := 1; k < n && k <= 3; k++ {
				if rc.titlePrefix(t.key(i, i+k)) {
					break // 党委书记 stays whole
				}
				if h, _ := rc.lex.OrgSuffixEndingAt(t.r, i+k); h >= k {
					if m := rc.lex.TitleAt(t.r, i+k); m == n-k {
						i, n = i+k, m
						cut = true
						break
					}
				}
			}
		}
		title := t.key(i, i+n)
		for _, unit := range []string{"团委", "工会", "校办", "院办"} {
			// 团委书记 with no organization before it: 书记 of the 团委.
			if strings.HasPrefix(title, unit) && (i == 0 || !unicode.Is(unicode.Han, t.r[i-1]) || t.r[i-1] == '、') && n > 2 {
				t.orgs = append(t.orgs, mention{start: i, end: i + 2, from: i, kind: mOrg, text: t.str(i, i+2), orgKind: KindDepartment})
				i, n, title = i+2, n-2, t.key(i+2, i+n)
				break
			}
		}
		// Programme words make part of appointed titles: 双创教学总监,
		// 产业教授, 校外导师.
		for _, w := range []string{"双创", "雙創", "产业", "產業", "行业", "行業", "校外", "企业", "企業", "创新创业"} {
			k := utf8.RuneCountInString(w)
			if i-k >= 0 && string(t.r[i-k:i]) == w && !overlaps(i-k, i, t.orgs) {
				i, n = i-k, n+k
				break
			}
		}
		// 技术负责人, 质量负责人: a field before 负责人 makes it a post.
		if title == "负责人" && i >= 2 && unicode.Is(unicode.Han, t.r[i-1]) && unicode.Is(unicode.Han, t.r[i-2]) &&
			!overlaps(i-2, i, t.orgs) && !overlaps(i-2, i, t.titles) && (i == 2 || !unicode.Is(unicode.Han, t.r[i-3]) || t.r[i-3] == '、') {
			i, n, title = i-2, n+2, t.key(i-2, i+n)
		}
		m := mention{start: i, end: i + n, kind: mTitle, text: t.str(i, i+n)} // as written
		if weakTitles[title] {
			t.weak = append(t.weak, m)
		} else {
			t.titles = append(t.titles, m)
		}
		if t.titleEnd == nil {
			t.titleEnd = map[int]bool{}
		}
		t.titleEnd[i+n] = true
		i += n
	}
}

// titlePrefix reports whether s is a party or rank prefix of titles
// (党委, 党组, 纪委, 团委) rather than the head word of an organization.
func (rc *Recognizer) titlePrefix(s string) bool {
	switch s {
	case "党委", "党组", "纪委", "团委", "党总支", "党支部", "总支", "工会":
		return true
	}
	return false
}

// groupWords name groups of people; they end an organization's name on
// its left (外籍专家英国萨里大学), unlike 学生 (学生工作处).
var groupWords = toSet(`专家 学者 嘉宾 代表 领导 来宾 客人 外宾 贵宾`)

// functionSurnames are surnames that are also common function words; a
// name starting with one is taken only after a title.
var functionSurnames = toSet(`和 与 及 同 于 从 以 为 对 在 把 将 被 让 给 跟 比 自 共 该 各 本 每 其 之 所 由 经 据 向 余 于 时 过 全 中 上 下 有 能 可 还 都 也 就 才 又 再 更 最 很 太 带 应 或 须 需 请 要 均 团 组 队 班 一 二 三 四 五 六 七 八 九 十 两 零`)

// stopWords end an organization name on its left: the words before a
// name in running text.
var stopWords = toSet(`丨 所在 所需 全力支持 全力 隶属 隶属于 属于 归属 执行 严格执行 贯彻 落实 遵守 按照 根据 依据 应 应邀 作为 上届 本届 历届 首届 发挥 充分发挥 托管 帮扶 吹响 依托 立足 拥有 採 采 期待 地处 齐聚 推动 提高 实现 希望 促进 深化 加强 推进 助力 打造 建好 建强 作 与 和 及 同 跟 在 由 为 向 对 是 的 了 将 把 被 等 代表 分别 共同 签署 签订 签约 举行 举办 出席 参加 来到 走进 访问 考察 调研 莅临 前往 赴 到 至 从 于 经 据 受 获 获得 成为 担任 聘请 聘为 邀请 携手 联合 牵头 主办 承办 协办 支持 率 带领 陪同 会见 接待 组织 召开 启动 成立 揭牌 授牌 挂牌 共建 入选 荣获 位于 包括 其中 以及 或 并 且 也 还 又 都 已 正 各 该 本 我 我们 他们 双方 三方 这 那 此 其 之 以 会同 依托 面向 针对 通过 围绕 感谢 欢迎 来自 原 前 现 任 兼任 全体 相关 有关 多家 十余家 家 名 位 个 所 向着 进入 加入 走访 看望 慰问 参观 迎来 来 去 后 前往 同志 先生 女士 教授 老师 副 正在 即将 当天 今天 日前 近日 上午 下午 晚上 届 年 月 日 时 多 余 来访 为期 设立 设立有 另有 了解 掌握 熟练掌握 拆除 具有 具备 需要 期间 以上 以下 下设 设有 负责 介绍 确保 保证 制定 享受 优化 体验 投递 激励 详见 现任 熟悉 履行 盖`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// nameRune reports whether r can be part of an organization name.
func nameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("()（）·•&", r)
}

// findOrgs marks organization names: a head word (大学, 有限公司 …) at a
// word boundary, extended to the left over the words of the name.
func (rc *Recognizer) findOrgs(t *text) {
	var found []mention
	for e := 1; e <= len(t.r); e++ {
		n, kind := rc.lex.OrgSuffixEndingAt(t.r, e)
		if n == 0 || !rc.nameEndsAt(t, e) {
			continue
		}
		t.found = found
		s := rc.extendLeft(t, e-n, e)
		if s < 0 {
			continue
		}
		// A code run into the name (N2018122701臺北醫院): a document
		// number, not part of it.
		for k := s; k < e-n; {
			j := k
			for j < e-n && t.r[j] < 0x80 && (unicode.IsLetter(t.r[j]) || unicode.IsDigit(t.r[j])) {
				j++
			}
			if countDigits(t.r[k:j]) >= 4 {
				s = j
			}
			k = max(j, k+1)
		}
		stemmed := false // a school's stem taken by schoolStem
		if s == e-n {
			s = rc.schoolStem(t, s, t.key(e-n, e))
			stemmed = s < e-n
		}
		if e-s <= n && s > 0 && t.titleEnd[s] {
			// A title that names a body: 教授委员会, 院长办公室.
			for k, ti := range t.titles {
				if ti.end == s {
					s = ti.start
					t.titles = append(t.titles[:k:k], t.titles[k+1:]...)
					break
				}
			}
		}
		name := t.key(s, e)
		if _, generic := rc.lex.Generic(name); generic || e-s <= n && !rc.bareHeadIsName(name, kind) || rejectedHead(name) || notOrgWords[name] || strings.HasSuffix(name, "院系") {
			continue
		}
		if n == 1 && !rc.singleHeadOK(t, s, e) && !bareNames[name] {
			continue
		}
		if genericHeads[t.key(e-n, e)] && !stemmed && !rc.properStem(t, s, e-n) {
			continue // 高质量学校, 县域普通高中, 地方政府
		}
		if industryHeads[t.key(e-n, e)] && !rc.brandStem(t, s, e-n) {
			continue // 生物科技, 北京市科技创新, 国教署科技创作
		}
		found = append(found, mention{start: s, end: e, from: s, kind: mOrg, text: t.str(s, e), orgKind: kind})
	}
	// Organizations the user declared, written anywhere.
	for i := 0; i < len(t.r); i++ {
		if n, _, kind := rc.lex.UserOrgAt(t.r, i); n > 0 {
			if kind == "" {
				kind = KindOther
			}
			found = append(found, mention{start: i, end: i + n, from: i, kind: mOrg, text: t.str(i, i+n), orgKind: kind})
			i += n - 1
		}
	}
	// Well-known organizations written by a short form (华为, 清华,
	// 台积电), when the form is a word of its own in the text.
	for i := 0; i < len(t.r); i++ {
		if !t.tokenBoundary(i) {
			continue
		}
		n, kind := rc.lex.KnownOrgAt(t.r, i)
		if n == 0 || !t.tokenBoundary(i+n) {
			continue
		}
		if !rc.knownFormAlone(t, i, n) {
			continue
		}
		found = append(found, mention{start: i, end: i + n, from: i, kind: mOrg, text: t.str(i, i+n), orgKind: kind})
		i += n - 1
	}
	// A project or team named just before a title is where that title
	// belongs (百胜武汉项目总经理).
	for e := 2; e < len(t.r); e++ {
		if string(t.r[e-2:e]) != "项目" || rc.lex.TitleAt(t.r, e) == 0 {
			continue
		}
		s := rc.extendLeft(t, e-2, e)
		if s >= 0 && s < e-2 {
			found = append(found, mention{start: s, end: e, from: s, kind: mOrg, text: t.str(s, e), orgKind: KindOther})
		}
	}
	// A longer name ending at the same place, or containing another,
	// wins: keep outermost spans.
	sort.Slice(found, func(i, j int) bool {
		if found[i].start != found[j].start {
			return found[i].start < found[j].start
		}
		return found[i].end > found[j].end
	})
	var out []mention
	for _, m := range found {
		if len(out) > 0 && m.start < out[len(out)-1].end {
			// Inside the previous, longer name. A parent named at its start
			// (百胜中国控股有限公司 in 百胜中国控股有限公司公共事务部) is an
			// organization of its own when the text also writes it alone.
			if prev := out[len(out)-1]; m.start == prev.start && standsAlone(t.raw, m.text, found) {
				t.parents = append(t.parents, m)
			}
			continue
		}
		out = append(out, m)
	}
	t.orgs = rc.splitUnits(t, out)
	t.orgs = rc.listPeers(t, t.orgs)
	// Generic references.
	for i := range t.toks {
		tk := t.toks[i]
		if w := t.key(tk.start, tk.end); w != "" {
			if _, ok := rc.lex.Generic(w); ok && !t.inside(tk.start, tk.end, t.orgs) {
				t.gens = append(t.gens, mention{start: tk.start, end: tk.end, kind: mGeneric, text: w})
			}
		}
	}
}

// peerCues are the words that close a list of companies: 中天钢铁、恒立液压、
// 常高新集团等重点企业.
var peerCues = []string{"企业", "公司", "集团", "厂商", "龙头"}

// listPeers adds the short names listed beside a company (中天钢铁、恒立液压、
// 常高新集团等龙头企业): the items of a list joined by 、 that ends in 等 and
// a word for companies, when one item is a company already found.
func (rc *Recognizer) listPeers(t *text, orgs []mention) []mention {
	var added []mention
	for _, m := range orgs {
		if m.orgKind != KindCompany {
			continue
		}
		// The end of the list: items joined by 、 after m, then 等 and a cue.
		end := m.end
		for end < len(t.r) && t.r[end] == '、' {
			j := end + 1
			for j < len(t.r) && j-end <= 11 && unicode.Is(unicode.Han, t.r[j]) && t.r[j] != '等' {
				j++
			}
			end = j
		}
		if end >= len(t.r) || t.r[end] != '等' {
			continue
		}
		after := string(t.r[end:min(len(t.r), end+16)])
		if i := strings.IndexAny(after, "，。；,;"); i >= 0 {
			after = after[:i]
		}
		cue := false
		for _, c := range peerCues {
			cue = cue || strings.Contains(after, c)
		}
		if !cue {
			continue
		}
		// The start of the list: whole items between 、 before m; the first
		// item loses the words before the name (来自于中天钢铁).
		start := m.start
		for start > 0 && t.r[start-1] == '、' {
			i := start - 1
			k := i
			for k > 0 && i-k < 11 && unicode.Is(unicode.Han, t.r[k-1]) {
				k--
			}
			if k > 0 && t.r[k-1] == '、' {
				start = k // an inner item
				continue
			}
			k = i
			for k > 0 && unicode.Is(unicode.Han, t.r[k-1]) {
				x := t.tokAt[k-1]
				if x < 0 {
					break
				}
				tk := t.toks[x]
				if i-tk.start > 10 || posIs(tk.pos, "pvcu") || stopWords[t.key(tk.start, tk.end)] {
					break
				}
				k = tk.start
			}
			start = k
			break
		}
		// Each item between start and end.
		for i := start; i < end; {
			j := i
			for j < end && t.r[j] != '、' && t.r[j] != '等' {
				j++
			}
			if rc.peerItem(t, i, j, orgs, added) {
				added = append(added, mention{start: i, end: j, from: i, kind: mOrg, text: t.str(i, j), orgKind: KindCompany})
			}
			i = j + 1
		}
	}
	if len(added) == 0 {
		return orgs
	}
	out := append(orgs, added...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// peerItem reports whether the runes [i, j) of a list of companies are a
// company's short name: four to ten Han characters (a brand and a trade:
// 中天钢铁; shorter items are as often people), not a place alone, not a
// title or an organization already found.
func (rc *Recognizer) peerItem(t *text, i, j int, orgs, added []mention) bool {
	if j-i < 4 || j-i > 10 {
		return false
	}
	for _, c := range t.r[i:j] {
		if !unicode.Is(unicode.Han, c) {
			return false
		}
	}
	if rc.lex.PlaceAt(t.r, i) == j-i || overlaps(i, j, orgs) || overlaps(i, j, added) || overlaps(i, j, t.titles) || overlaps(i, j, t.people) {
		return false
	}
	if _, generic := rc.lex.Generic(t.key(i, j)); generic {
		return false
	}
	return true
}

// continuations are words that an organization head character starts:
// after them the head character is not the end of a name.
var continuations = toSet(`报导 報導 报告 报道 报名 报送 报销 报表 组织 组成 组建 组合 科学 科技 科研 科普 科目 办公 办法 站在 站立 校园 校区 所在 所有 所属 所以 所得 系统 系列 大学生 中学生 小学生 学院路 公司法 中心区 中心城 处理 处于 处置 部分 部署 部门 局面 局势 社会 社区 社团 所有 所以 所在 所属 所得 委员 委托 委屈 厅级 馆藏 办理 办学 办法 系统 系列 院士 院校 院系 校园 校区 校友 校长 校庆 校训 校级 会议 会员 会长 会上 会见 会谈 中心城区 集团化 公司化 协会员 所长 院长 处长 部长 局长 厅长 站长 社长 队长 组长 馆长 台长 行长 委会 子化 子招 子商 子邮 子版 子平 子交 子政 子签 子档 子竞 子采 子文 子证 子书 子期 子元 子产 子设 子器 子工 子技 子科 子信 子类 子专 子系 子测 子束 子显 子竞 电子 电源 电路 电池 电站`)

// nameEndsAt reports whether an organization name can end before rune e:
// at a word boundary, before a title (科技处处长), or where the head
// character and the next one do not form a common word (大学生, 处理).
func (rc *Recognizer) nameEndsAt(t *text, e int) bool {
	if e >= 2 && e < len(t.r) && !t.tokenBoundary(e) && (strings.HasSuffix(t.key(e-2, e), "国小") || strings.HasSuffix(t.key(e-2, e), "高中")) {
		// 中山國小陳欣宜: the segmenter joined the head word's last
		// character to the surname of a name that follows.
		if n, rank := rc.lex.SurnameAt(t.r, e); n > 0 && rank <= 300 && rc.readName(t, e, 300) > 0 {
			return true
		}
	}
	if e >= len(t.r) || t.tokenBoundary(e) || rc.lex.TitleAt(t.r, e) > 0 {
		return e >= len(t.r) || !continuations[string(t.r[e-1:min(len(t.r), e+1)])] || rc.lex.TitleAt(t.r, e) > 0
	}
	return false
}

// singleHeadOK checks a name whose head word is one character (处, 所,
// 科, 校, 报 …), the easiest to misread: not after a number (两所, 第一所),
// and not only a place or a generic word before it (云南省校, 学校科).
func (rc *Recognizer) singleHeadOK(t *text, s, e int) bool {
	if t.titleEnd[s] && e-s <= 4 {
		return false // 校长梁留科: a name after a title
	}
	stem := t.r[s : e-1]
	if len(stem) < 2 {
		return false
	}
	if c := stem[len(stem)-1]; unicode.IsDigit(c) || strings.ContainsRune("一二两三四五六七八九十百千几多每各第", c) {
		return false
	}
	if unicode.IsDigit(stem[0]) || strings.ContainsRune("一二两三四五六七八九十几多每各第", stem[0]) {
		return false
	}
	st := string(stem)
	if rc.lex.PlaceAt(stem, 0) == len(stem) || rc.deictic(st) {
		return false
	}
	if _, ok := rc.lex.Generic(st); ok {
		return false
	}
	return true
}

// genericHeads are head words that common nouns also end with; a name
// with one needs a proper noun before it.
var genericHeads = toSet(`学校 高中 中学 小学 大学 政府 医院 国小 國小 国中 國中 高职 學校 大學 醫院`)

// countDigits counts the ASCII digits in r.
func countDigits(r []rune) int {
	n := 0
	for _, c := range r {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// schoolStemHeads are heads of Taiwan school names, whose stem is often a
// common word the segmenter tags as a verb or adjective (大成國小). The
// mainland heads (中学, 小学) are left out: 重点中学, 普通高中 are no names.
var schoolStemHeads = toSet(`国小 國小 国中 國中`)

// schoolStem returns the start of a school's name whose head starts at s
// when one two-character word stands between a clear boundary and the
// head (，大成国小), or s.
func (rc *Recognizer) schoolStem(t *text, s int, head string) int {
	if !schoolStemHeads[head] || s < 2 {
		return s
	}
	k := t.tokAt[s-1]
	if k < 0 {
		return s
	}
	tk := t.toks[k]
	w := t.key(tk.start, tk.end)
	if tk.end != s || tk.end-tk.start != 2 || stopWords[w] || notOrgWords[w] || rc.deictic(w) || !rc.clearBoundary(t, tk.start) {
		return s
	}
	if posIs(tk.pos, "pcurmqt") {
		return s
	}
	for _, c := range t.r[tk.start:tk.end] {
		if !unicode.Is(unicode.Han, c) {
			return s
		}
	}
	if _, generic := rc.lex.Generic(w); generic || overlaps(tk.start, tk.end, t.titles) {
		return s
	}
	return tk.start
}

// industryHeads end a company's short name (鼎信科技, 星河传媒) but also
// common phrases (生物科技, 人文科技): such a name needs a brand before it.
var industryHeads = toSet(`科技 傳媒 传媒 实业 實業 电子 電子 光电 光電`)

// brandStem reports whether the runes [s, e) before an industry head hold
// a brand: a proper noun (华为), characters the segmenter could not join
// (鼎/信) or a place and more words (杭州加速), but not a place alone
// (北京市科技), a common noun (生物科技) or a text with an organization in
// it (国教署科技, 学院重视生物科技).
func (rc *Recognizer) brandStem(t *text, s, e int) bool {
	if e-s < 2 || rc.lex.PlaceAt(t.r, s) == e-s {
		return false
	}
	brand, singles, afterPlace := false, 0, false
	for k := s; k < e; {
		x := t.tokAt[k]
		if x < 0 {
			return false
		}
		tk := t.toks[x]
		end := min(tk.end, e)
		if h, _ := rc.lex.OrgSuffixEndingAt(t.r, end); h > 0 {
			return false
		}
		switch {
		case rc.lex.PlaceAt(t.r, tk.start) == tk.end-tk.start && tk.start == s:
			afterPlace = true
		case afterPlace:
			brand = true // 杭州加速
		}
		switch tk.pos {
		case "nz", "nr", "nrt", "nrfg", "nt", "j", "eng":
			brand = true
		}
		if end-tk.start == 1 {
			if singles++; singles >= 2 {
				brand = true // 鼎/信
			}
		} else {
			singles = 0
		}
		for _, c := range t.r[tk.start:end] {
			if c < 0x3000 && unicode.IsLetter(c) {
				brand = true
			}
		}
		k = tk.end
	}
	return brand
}

// properStem reports whether the runes [s, e) hold a proper noun: a
// place, an organization or person word, an abbreviation or Latin letters.
func (rc *Recognizer) properStem(t *text, s, e int) bool {
	plain, words := true, 0 // no verbs or function words; number of words
	for k := s; k < e; {
		if x := t.tokAt[k]; x >= 0 {
			tk := t.toks[x]
			words++
			if soft(tk.pos) || posIs(tk.pos, "pcurm") {
				plain = false
			}
			k = tk.end
		} else {
			k++
		}
	}
	if plain && words >= 2 {
		return true // 国立北岭科技大学: several plain words
	}
	for k := s; k < e; {
		x := t.tokAt[k]
		if x < 0 {
			return true
		}
		tk := t.toks[x]
		if tk.end > e {
			return true // a dictionary word across stem and head: 武汉职业技术学院
		}
		if h, _ := rc.lex.OrgSuffixEndingAt(t.r, tk.end); h > 0 && tk.end < e {
			return true // another organization inside: 东川医科大学附属第一医院
		}
		switch tk.pos {
		case "nt", "nz", "nr", "nrt", "nrfg", "j", "eng", "l":
			return true
		case "ns":
			if tk.end-tk.start >= 2 {
				return true
			}
		}
		if rc.lex.PlaceAt(t.r, tk.start) > 0 || placeStem(t, t.key(tk.start, tk.end)) {
			return true
		}
		for _, c := range t.r[tk.start:tk.end] {
			if c < 0x3000 && unicode.IsLetter(c) {
				return true
			}
		}
		k = tk.end
	}
	return false
}

// rejectedHeads end names of places and things, not organizations:
// rooms, buildings, bases, disciplines, delegations.
var rejectedHeads = []string{"会议中心", "會議中心", "会议室", "展览厅", "报告厅", "礼堂", "会堂", "体育馆", "图书馆", "档案馆", "博物馆", "美术馆", "实践基地", "基地", "学科", "网站", "本科", "专科", "代表团", "考察团", "访问团", "教室", "大楼", "楼", "广场", "会场", "剧场", "球场", "田径场", "中央", "展厅", "餐厅", "宿舍", "公寓", "书记处",
	// halls, generic ranks of schools, groups of a contest, "departments
	// and institutes" (系所)
	"演艺厅", "演藝廳", "音乐厅", "演奏厅", "多功能厅", "会议厅", "大厅", "高水平大学", "一流大学", "高水平学校", "系所",
	"委县政府", "委市政府", "委区政府", "委省政府", "委州政府", "国小组", "國小組", "国中组", "國中組", "高中组", "高中組", "小学组", "中学组", "初中组", "大学组", "高职组", "中职组", "本科组"}

func rejectedHead(name string) bool {
	for _, h := range rejectedHeads {
		if strings.HasSuffix(name, h) {
			return true
		}
	}
	return false
}

// splitUnits splits names that run two units together (科研处外国语系):
// a department head inside the name, at a word boundary, after three or
// more characters, followed by another department's name.
func (rc *Recognizer) splitUnits(t *text, orgs []mention) []mention {
	var out []mention
	for _, o := range orgs {
		cut := -1
		for k := o.start + 3; k <= o.end-2; k++ {
			n, kind := rc.lex.OrgSuffixEndingAt(t.r, k)
			if n == 0 || kind != KindDepartment || !t.tokenBoundary(k) {
				continue
			}
			if m, rk := rc.lex.OrgSuffixEndingAt(t.r, o.end); m > 0 && rk == KindDepartment && o.end-k > m {
				cut = k
			}
		}
		if cut < 0 {
			out = append(out, o)
			continue
		}
		left, right := o, o
		left.end, left.text, left.orgKind = cut, t.str(o.start, cut), KindDepartment
		right.start, right.from, right.text = cut, cut, t.str(cut, o.end)
		out = append(out, left, right)
	}
	return out
}

// bareHeadIsName reports whether a head word alone names an organization
// (团委, 校办): short party and office names.
func (rc *Recognizer) bareHeadIsName(name, kind string) bool {
	if bareNames[name] {
		return true
	}
	switch name {

	case "办公室", "委员会", "实验室", "研究院", "研究所", "研究中心", "中心", "服务中心", "有限公司", "公司", "集团", "产业学院", "工作站", "科研工作站":
		return false
	}
	// Whole unit names listed as head words: 党委宣传部, 教务处, and
	// colleges named after a subject (音乐学院, 体育学院), but not bare
	// kinds of schools (职业技术学院, 科技大学).
	if kind == KindSchool && utf8.RuneCountInString(name) >= 4 {
		r := []rune(name)
		if !genericSchoolTypes[string(r[:2])] && (strings.HasSuffix(name, "学院") || strings.HasSuffix(name, "學院")) {
			return true
		}
	}
	return kind == KindDepartment && utf8.RuneCountInString(name) >= 3
}

// bareNames are head words that name one body on their own: a school's
// offices (校办, 团委, 武装部, 新闻中心), the local party committee (县委), and
// national bodies that need no place (向教育部提出申请).
var bareNames = toSet(`团委 校办 新闻中心 融媒体中心 市委 县委 区委 省委 工会 管委会 武装部 人武部 教育部 科技部 财政部 外交部 商务部 民政部 公安部 司法部 审计署 国教署 工信部 人社部 卫健委 发改委 国资委`)

// genericSchoolTypes start the names of kinds of schools, not of one.
var genericSchoolTypes = toSet(`职业 職業 技术 技術 师范 師範 高等 专科 專科 科技 理工 工业 工業 医科 醫科 农业 農業 财经 財經 政法 成人 继续 繼續 民族 中医 中醫 开放 開放 广播 廣播 独立 獨立 应用 應用`)

// notOrgWords end in an organization head character but are common words.
var notOrgWords = toSet(`部署 布署 公署 签署 署名 国立大学 私立大学 医学中心 医疗院所 医学系 医系 教学医院 地方政府 县域高中 普通高中 县域普通高中 民办学校 公办学校 民办分校 独立学院 中心组 理论学习中心组 职业院校 高等院校 高职院校 本科院校 创办 举办 主办 承办 协办 开办 兴办 民办 公办 督办 筹办 代办 包办 接办 试办 合办 停办 首办 策略联盟 战略联盟 体系 关系 联系 派系 水系 汇报 情报 简报 海报 画报 公报 周报 年报 内部 外部 全部 局部 部分 东部 西部 南部 北部 中部 干部 大局 格局 布局 结局 全局 当局 开局 用户 住户 窗口 出口 入口 人口 港口 社区 社会 社团 小区 校区 园区 片区 区域 地区 学区 城区 景区 社保 报社 处理 处于 到处 好处 相处 之处 深处 各处`)

// extendLeft returns the start of the organization name whose head word
// starts at s and ends at e, or -1. It walks left over the words of the
// name; verbs and adjectives inside a name (杭州加速科技有限公司) are kept
// only when a place name stands before them, and in a list (A、B、C) the
// whole item is the name.
func (rc *Recognizer) extendLeft(t *text, s, e int) int {
	// The head word may start inside a word (职业技术学院): take the word.
	if k := t.tokAt[s]; k >= 0 && t.toks[k].start < s {
		w := t.key(t.toks[k].start, t.toks[k].end)
		if stopWords[w] || notOrgWords[w] || rc.lex.TitleAt(t.r, t.toks[k].start) > 0 {
			return -1
		}
		s = t.toks[k].start
	}
	if notOrgWords[t.key(s, e)] {
		return -1
	}
	if overlaps(s, e, t.titles) {
		return -1 // 党委 in 党委书记
	}
	start := s
	for start > 0 {
		k := t.tokAt[start-1]
		if k < 0 {
			break
		}
		tk := t.toks[k]
		w := t.key(tk.start, tk.end)
		if e-tk.start > 40 {
			break
		}
		if rc.deictic(w) {
			break // 我校, 该公司, 双方: a reference, not part of a name
		}
		if soft(tk.pos) {
			// Keep a verb, adjective or adverb only after a place
			// (湖北爱福家企业, 杭州加速科技, 浙江立新检测) or after our own
			// school (我院计测工程学院).
			if stopWords[w] || !(rc.placeBefore(t, tk.start, start) || rc.ownBefore(t, tk.start) || rc.brandBefore(t, tk, start, e) || placeStem(t, w) || namedBefore(t, tk.start, start) || shortStem(t, k, start, s)) {
				break
			}
			start = tk.start
			continue
		}
		if (w == "与" || w == "和") && rc.joinedDisciplines(t, tk, start, e) {
			start = tk.start // 物理与机电工程学院, 国家发展与战略研究院
			continue
		}
		if tk.end == s && !stopWords[w] && !groupWords[w] && overlaps(tk.start, tk.end, t.titles) && rc.lex.TitleAt(t.r, tk.start) < tk.end-tk.start && posIs(tk.pos, "nl") && rc.companyHead(t, e) {
			start = tk.start // 工程顾问公司: a trade with a title's word in it
			continue
		}
		if !rc.nameWord(t, tk, w) {
			break
		}
		if w == "号" && tk.start > 0 && unicode.IsDigit(t.r[tk.start-1]) {
			break // 卫津路94号南开大学: an address before the name
		}
		start = tk.start
	}
	start = rc.orphanStart(t, start)
	if ls := rc.listItemStart(t, start, e); ls >= 0 {
		start = ls
	}
	// A name that starts with a bracket (…电联结(上海)有限公司) began
	// further left: take the words before it up to a clear stop.
	if strings.HasPrefix(t.key(start, e), "(") || strings.HasPrefix(t.key(start, e), "（") {
		for start > 0 {
			k := t.tokAt[start-1]
			if k < 0 {
				break
			}
			tk := t.toks[k]
			w := t.key(tk.start, tk.end)
			if stopWords[w] || rc.deictic(w) || posIs(tk.pos, "pcu") || !nameRune([]rune(w)[0]) || overlaps(tk.start, tk.end, t.titles) || e-tk.start > 40 {
				break
			}
			start = tk.start
		}
	}
	// A campus is a place: 北京联合大学学院路校区应用文理学院 names the
	// college after it.
	if i := strings.LastIndex(t.key(start, e), "校区"); i >= 0 {
		if c := start + utf8.RuneCountInString(t.key(start, e)[:i]) + 2; c < e-1 {
			start = c
		}
	}
	// An opening bracket without its closing one is not part of the name.
	if i := strings.LastIndexAny(t.key(start, e), "(（"); i >= 0 && !strings.ContainsAny(t.key(start, e)[i:], ")）") {
		start += utf8.RuneCountInString(t.key(start, e)[:i]) + 1
	}
	return start
}

// joinedDisciplines reports whether the 与 or 和 at tk joins two subjects
// inside a unit's name (材料与环境工程学院): a plain noun of at most four
// characters stands before it, after a boundary, and the name so far is
// a school unit or institute.
func (rc *Recognizer) joinedDisciplines(t *text, tk token, start, e int) bool {
	if tk.start == 0 {
		return false
	}
	n, kind := rc.lex.OrgSuffixEndingAt(t.r, e)
	if n == 0 || (kind != KindSchool && kind != KindDepartment && kind != KindResearch && kind != KindGovernment) {
		return false
	}
	// What follows 与 must be a subject and the head word, not a name of
	// its own (与武汉职业技术学院) nor the bare head word (产业与学院).
	if e-tk.end <= n || e-tk.end > 16 || rc.lex.PlaceAt(t.r, tk.end) > 0 {
		return false
	}
	if k := t.tokAt[tk.end]; k >= 0 && (t.toks[k].pos == "nt" || t.toks[k].pos == "ns" || t.toks[k].pos == "nr") {
		return false
	}
	for k := tk.end; k < e; k++ {
		if x := t.tokAt[k]; x >= 0 && (t.toks[x].pos == "ns" || t.toks[x].pos == "nt") || rc.lex.PlaceAt(t.r, k) > 0 {
			return false // 县府与国立屏东大学: a place or a name after 与 starts a name of its own
		}
	}
	k := t.tokAt[tk.start-1]
	if k < 0 {
		return false
	}
	x := t.toks[k]
	w := t.key(x.start, x.end)
	if (x.pos != "n" && x.pos != "vn") || x.end-x.start > 4 || rc.deictic(w) || rc.lex.PlaceAt(t.r, x.start) > 0 {
		return false
	}
	if h, _ := rc.lex.OrgSuffixEndingAt(t.r, x.end); h > 0 {
		return false // 学院与…: two organizations
	}
	if _, ok := rc.lex.Generic(w); ok {
		return false
	}
	return true
}

// orphanStart takes in one or two characters left of start when a clear
// boundary stands right before them (天衡检测… after 与, 維港科技大學 after
// a comma): the segmenter split the first word of a name oddly.
func (rc *Recognizer) orphanStart(t *text, start int) int {
	for k := 1; k <= 2 && start-k >= 0; k++ {
		b := start - k
		seg := t.r[b:start]
		ok := true
		for _, c := range seg {
			ok = ok && unicode.Is(unicode.Han, c)
		}
		if ok && rc.lex.PlaceAt(t.r, b) > k && rc.clearBoundary(t, b) {
			return b // 新北市: the place starts one character earlier
		}
		if !ok || stopWords[string(seg)] || functionSurnames[string(seg)] || rc.lex.TitleEndingAt(t.r, start) > 0 || rc.deictic(string(seg)) {
			return start
		}
		if _, generic := rc.lex.Generic(string(seg)); generic {
			return start
		}
		if k := t.tokAt[b]; k >= 0 {
			tk := t.toks[k]
			// A one-character verb is a stray first character when a proper
			// noun follows it (維港科技大學: 维/港).
			strayVerb := tk.pos == "v" && tk.end-tk.start == 1 && k+1 < len(t.toks) &&
				strings.Contains(" j ns nz nr ", " "+t.toks[k+1].pos+" ")
			// A direction is a first character too (西交利物浦大学: 西/交).
			direction := tk.pos == "f" && tk.end-tk.start == 1 && strings.ContainsRune("东西南北東", t.r[tk.start])
			if !orphanPOS[tk.pos] && !strayVerb && !direction {
				return start // a word of its own kind: 扩大, 关注, 访
			}
		}
		if overlaps(b, start, t.people) || overlaps(b, start, t.titles) || overlaps(b, start, t.orgs) {
			return start
		}
		if rc.clearBoundary(t, b) {
			return b
		}
	}
	return start
}

// listStops are words that cannot be inside one item of a list of names.
var listStops = toSet(`分别 代表 作为 签署 签订 签约 出席 参加 还有 包括 以及 其中 共同`)

// orphanPOS are the parts of speech a stray first character of a name
// gets from the segmenter.
var orphanPOS = toSet(`n ng nr nrt nz ns nt zg j g l i b x q a ag`)

// clearBoundary reports whether a name may start at rune i without doubt:
// after punctuation, at the start, or after a joining word (与, 和, 及).
func (rc *Recognizer) clearBoundary(t *text, i int) bool {
	if i == 0 {
		return true
	}
	c := t.r[i-1]
	if !unicode.Is(unicode.Han, c) {
		return c != '·'
	}
	switch c {
	case '与', '和', '及', '同', '在', '由', '向', '对', '为', '赴', '到', '是', '的':
		return true
	}
	return false
}

// posIs reports whether a gse part-of-speech tag belongs to one of the
// classes named by their first letters: posIs(pos, "pcu") for
// prepositions, conjunctions and particles.
func posIs(pos, classes string) bool {
	return pos != "" && strings.IndexByte(classes, pos[0]) >= 0
}

// soft reports whether a part of speech may appear inside a name only in
// the right context: verbs (not verbal nouns) and adjectives.
func soft(pos string) bool {
	return pos == "v" || pos == "a" || pos == "vd" || pos == "ad" || pos == "d"
}

// brandBefore reports whether a verb or adjective is the brand of a
// company or a subject of a unit: right before a company head word
// (超越集团, 加速科技) or inside a department's name (招生就业处).
func (rc *Recognizer) brandBefore(t *text, tk token, start, e int) bool {
	if tk.end-tk.start > 2 {
		return false
	}
	next := t.key(start, min(e, start+4))
	for _, h := range []string{"集团", "公司", "有限", "控股", "股份", "集團", "服务", "管理", "咨询", "设计", "开发"} {
		if strings.HasPrefix(next, h) {
			return true
		}
	}
	n, kind := rc.lex.OrgSuffixEndingAt(t.r, e)
	if kind == KindCompany && len([]rune(next)) >= 2 && industryWords[string([]rune(next)[:2])] {
		return true // 瑞丰电子, 博远医药
	}
	if kind == KindDepartment && n <= 3 && tk.pos == "v" && start >= e-5 && strings.ContainsRune("处部办科室", t.r[e-1]) {
		return true
	}
	// A verb between nouns of a unit's name: 智能制造学院.
	if (kind == KindSchool || kind == KindDepartment || kind == KindResearch) && unitVerbs[t.key(tk.start, tk.end)] && tk.start > 0 {
		if k := t.tokAt[tk.start-1]; k >= 0 {
			switch t.toks[k].pos {
			case "n", "vn", "nz", "ns", "nt":
				return true
			}
		}
	}
	return false
}

// unitVerbs are verbs that name the work of a unit (智能制造学院,
// 招生就业处) as opposed to verbs of a sentence (入驻, 有).
var unitVerbs = toSet(`制造 设计 管理 服务 发展 规划 建设 保障 教育 研究 开发 应用 推广 治理 检测 测试 监测 评估 培训 就业 招生 传播 创新 创业 运营 营销 交流 合作 计算 加工 控制 装备 维修 养护 统计 审计 监察 宣传 组织 接待 保卫 协调 指导 咨询 康复 护理`)

// ownBefore reports whether a reference to our own school (我院, 我校,
// 本校) stands right before rune i: a unit's name follows it.
func (rc *Recognizer) ownBefore(t *text, i int) bool {
	if i < 2 {
		return false
	}
	switch t.key(i-2, i) {
	case "我院", "我校", "本校", "本院", "学校", "學校", "学院", "學院":
		return true
	}
	return false
}

// deictic reports whether a word points at an organization instead of
// naming it: 我校, 本院, 该公司, 双方, 各单位.
func (rc *Recognizer) deictic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !strings.ContainsRune("我本该贵此双三四多各全其", r) {
		return false
	}
	_, ok := rc.lex.Generic(w)
	return ok
}

// placeBefore reports whether a place name lies within the few words
// before rune i, with only name words between it and i.
func (rc *Recognizer) placeBefore(t *text, i, limit int) bool {
	for steps := 0; i > 0 && steps < 3; steps++ {
		k := t.tokAt[i-1]
		if k < 0 {
			return false
		}
		tk := t.toks[k]
		if rc.placeWord(t, tk) {
			return true
		}
		if !rc.nameWord(t, tk, t.key(tk.start, tk.end)) || tk.end-tk.start > 2 {
			return false
		}
		if h, _ := rc.lex.OrgSuffixEndingAt(t.r, tk.end); h > 0 {
			return false // 研究院建好…: a name has ended here
		}
		i = tk.start
	}
	return false
}

// placeStem reports whether w is the name of a county, city or district
// the text writes in full elsewhere (奉节 of 奉节县): 奉节中学 is a name even
// though the segmenter tags 奉节 as a verb.
func placeStem(t *text, w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, unit := range []string{"县", "市", "区", "镇"} {
		if strings.Contains(t.simple, w+unit) {
			return true
		}
	}
	return false
}

// placeWord reports whether the token is a place: one of the lexicon, or
// a word gse tags as a place that ends in an administrative unit (蒲江县,
// 南河镇); gse's place tag alone is too loose (嘉宾).
func (rc *Recognizer) placeWord(t *text, tk token) bool {
	if rc.lex.PlaceAt(t.r, tk.start) == tk.end-tk.start {
		return true
	}
	return tk.pos == "ns" && tk.end-tk.start >= 3 && strings.ContainsRune("省市县区州镇乡旗縣區鎮鄉", t.r[tk.end-1])
}

// listItemStart returns the start of the list item that ends at e when the
// organization stands in a list of names separated by 、 (有家实业(湖北)有限公司、
// 武汉市千米科技有限公司), or -1.
func (rc *Recognizer) listItemStart(t *text, start, e int) int {
	inList := e < len(t.r) && t.r[e] == '、'
	i := start
	for i > 0 && e-i < 25 {
		c := t.r[i-1]
		if c == '、' {
			inList = true
			break
		}
		if !nameRune(c) {
			break
		}
		i--
	}
	if !inList || i == start || (i > 0 && t.r[i-1] != '、' && nameRune(t.r[i-1])) {
		return -1
	}
	if e < len(t.r) && !strings.ContainsRune("、，,。；;等）)", t.r[e]) {
		return -1 // the item goes on after the head word: not a list item
	}
	if overlaps(i, start, t.titles) || overlaps(i, start, t.people) {
		return -1
	}
	for k := i + 1; k < start; k++ {
		if h, _ := rc.lex.OrgSuffixEndingAt(t.r, k); h > 0 && t.tokenBoundary(k) {
			return -1 // two names run together: 武汉新能源研究院建好…学院
		}
	}
	for k := i; k < start; {
		x := t.tokAt[k]
		if x < 0 {
			break
		}
		tk := t.toks[x]
		w := t.key(tk.start, tk.end)
		// A one-character preposition opening an item is a brand's first
		// character (、顺远供应链管理有限公司), not a preposition.
		brandChar := k == i && tk.end-tk.start == 1 && tk.pos == "p" && !strings.Contains("与和及同跟在由向对把被将为从于以给", w)
		if listStops[w] || posIs(tk.pos, "pc") && !brandChar ||
			stopWords[w] && (utf8.RuneCountInString(w) >= 2 || strings.Contains("并且还又也与和及在由", w)) {
			return -1 // 张德华分别代表中国人民大学, 并拥有管理学院: not one name
		}
		k = tk.end
	}
	item := t.key(i, start)
	for _, w := range []string{"与", "和", "及", "的", "了", "在", "是", "还有", "包括", "等", "被", "为", "由", "将"} {
		if strings.Contains(item, w) {
			return -1
		}
	}
	return i
}

// nameWord reports whether a word can be part of an organization name
// on the left of its head word.
func (rc *Recognizer) nameWord(t *text, tk token, w string) bool {
	if stopWords[w] {
		return false
	}
	for _, c := range w {
		if !nameRune(c) {
			return false
		}
	}
	switch {
	case posIs(tk.pos, "pcurdqtye"):
		return false
	case tk.pos == "f" && strings.Contains("上下前后内外里中间", w):
		return false // 毕业生上大学: a localizer, not part of a name
	case posIs(tk.pos, "m"):
		// 第十六中学: ordinals stay; counts (十余家, 两所) end the name;
		// words that only start with a numeral stay (零部件).
		if !strings.HasPrefix(w, "第") && !isAllDigits(w) && isCount(w) {
			return false
		}
		if strings.HasPrefix(w, "第") && strings.ContainsAny(w, "届次期批轮个") {
			return false // 第一届工会委员会: an ordinal of the event, not the name
		}
	}
	if rc.deictic(w) {
		return false
	}
	if overlaps(tk.start, tk.end, t.titles) && !rc.lex.Honorific(w) || groupWords[w] {
		return false // a title or a group of people: 校长, 书记, 专家 (院士工作站 stays)
	}
	return !overlaps(tk.start, tk.end, t.people)
}

// isCount reports whether a numeral word counts things: all numerals, or
// numerals followed by 余/多 and a classifier (十余家, 两所, 30名).
func isCount(w string) bool {
	r := []rune(w)
	i := 0
	for i < len(r) && (unicode.IsDigit(r[i]) || strings.ContainsRune("零一二两三四五六七八九十百千万几数", r[i])) {
		i++
	}
	if i == 0 {
		return false
	}
	rest := string(r[i:])
	rest = strings.TrimLeft(rest, "余多")
	return rest == "" || utf8.RuneCountInString(rest) == 1
}

func isAllDigits(s string) bool {
	for _, c := range s {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return s != ""
}

// findPlaces marks place names that are not part of an organization.
func (rc *Recognizer) findPlaces(t *text) {
	for i := 0; i < len(t.r); {
		n := rc.lex.PlaceAt(t.r, i)
		if n == 0 || !t.tokenBoundary(i) || !t.tokenBoundary(i+n) {
			i++
			continue
		}
		// 彰化縣長: the place gives its last character to the title.
		if overlaps(i, i+n, t.titles) && n > 2 && strings.ContainsRune("县縣市区區镇鎮", t.r[i+n-1]) {
			n--
		}
		if !t.inside(i, i+n, t.orgs) && !overlaps(i, i+n, t.titles) {
			t.places = append(t.places, mention{start: i, end: i + n, kind: mPlace, text: t.str(i, i+n)})
		}
		i += n
	}
}

// inside reports whether [a, b) lies within one of ms.
func (t *text) inside(a, b int, ms []mention) bool {
	for _, m := range ms {
		if a >= m.start && b <= m.end {
			return true
		}
	}
	return false
}

// overlaps reports whether [a, b) overlaps one of ms.
func overlaps(a, b int, ms []mention) bool {
	for _, m := range ms {
		if a < m.end && m.start < b {
			return true
		}
	}
	return false
}

// applyTagger adds the statistical tagger's spans: organizations it finds
// that the head-word rule missed, and places.
func (rc *Recognizer) applyTagger(t *text) {
	simple := t.simple
	spans := rc.tag(simple, t.words)
	for _, sp := range spans {
		a := utf8.RuneCountInString(simple[:sp.Start])
		b := a + utf8.RuneCountInString(simple[sp.Start:sp.End])
		switch sp.Type {
		case "ORG":
			if overlaps(a, b, t.orgs) || b-a < 2 {
				continue
			}
			name := t.key(a, b)
			if _, generic := rc.lex.Generic(name); generic || rejectedHead(name) {
				continue
			}
			ok := true
			for _, c := range t.r[a:b] {
				ok = ok && nameRune(c)
			}
			if !ok {
				continue
			}
			// The tagger's organizations need a head word (or to recur),
			// and lose leading words that are not part of a name.
			n, kind := rc.lex.OrgSuffixEndingAt(t.r, b)
			if n == 0 {
				if _, _, known := rc.lex.KnownOrg(t.str(a, b)); !known || !rc.knownFormAlone(t, a, b-a) {
					continue
				}
			}
			for a < b {
				k := t.tokAt[a]
				if k < 0 || t.toks[k].end > b {
					break
				}
				tk := t.toks[k]
				w := t.key(tk.start, tk.end)
				if !stopWords[w] && !soft(tk.pos) && !rc.deictic(w) && !posIs(tk.pos, "dpc") {
					break
				}
				a = tk.end
			}
			if n > 0 {
				// The rules know better where a name starts.
				s := rc.extendLeft(t, b-n, b)
				if s < 0 {
					continue
				}
				a = max(a, s)
			}
			if b-a <= n || overlaps(a, b, t.titles) || strings.ContainsAny(t.key(a, b), "与和及") {
				continue
			}
			if kind == "" {
				kind = KindOther
			}
			t.orgs = append(t.orgs, mention{start: a, end: b, from: a, kind: mOrg, text: t.str(a, b), orgKind: kind})
		case "LOC":
			if !overlaps(a, b, t.orgs) && !overlaps(a, b, t.places) {
				t.places = append(t.places, mention{start: a, end: b, kind: mPlace, text: t.str(a, b)})
			}
		case "PERSON":
			if functionSurnames[string(t.r[a])] {
				continue
			}
			// A name whose last character starts a verb (胡兴宣读) ends
			// before it.
			if b-a == 3 && rc.startsBoundaryWord(t, b-1) {
				b--
			}
			// 张三来我校, 王五为获奖教师颁奖: 来 and 为 are verbs there.
			if b-a == 3 && verbEndsName(t.r, b) {
				b--
			}
			// One common word of the dictionary (包含, 喜爱, 方队) is not a
			// name.
			if k := t.tokAt[a]; k >= 0 && t.toks[k].start == a && t.toks[k].end == b && !strings.HasPrefix(t.toks[k].pos, "nr") {
				continue
			}
			name := t.key(a, b)
			if rc.plausibleName(name) && !overlaps(a, b, t.orgs) && !overlaps(a, b, t.titles) {
				t.people = append(t.people, mention{start: a, end: b, kind: mPerson, text: t.str(a, b)})
			}
		}
	}
	sort.Slice(t.orgs, func(i, j int) bool { return t.orgs[i].start < t.orgs[j].start })
}

// plausibleName reports whether s can be a Chinese personal name: a
// surname and one or two given-name characters, or a transliterated name
// with a middle dot.
func (rc *Recognizer) plausibleName(s string) bool {
	r := []rune(s)
	if rc.lex.KnownPerson(s) {
		return true
	}
	if strings.ContainsAny(s, "·•‧") {
		if len(r) < 3 || len(r) > 12 || strings.HasPrefix(s, "·") || strings.HasSuffix(s, "·") {
			return false
		}
		for _, part := range strings.FieldsFunc(s, func(c rune) bool { return c == '·' || c == '•' || c == '‧' }) {
			if rc.sloganPart(part) {
				return false
			}
		}
		return true
	}
	if len(r) < 2 || len(r) > 4 || rc.lex.NotPerson(s) {
		return false
	}
	for _, c := range r {
		if !unicode.Is(unicode.Han, c) && c != '·' && c != '•' {
			return false
		}
	}
	if strings.ContainsAny(s, "·•") {
		return true
	}
	simple := r
	if rc.simplify != nil {
		simple = make([]rune, len(r))
		for i, c := range r {
			simple[i] = rc.simplify(c)
		}
	}
	n, _ := rc.lex.SurnameAt(simple, 0)
	if n == 0 || len(r)-n < 1 || len(r)-n > 2 {
		return false
	}
	for _, c := range simple[n:] {
		if notGiven[c] {
			return false
		}
	}
	if len(r) == 2 && strings.ContainsRune("总董校院局处部科老工师书主", simple[1]) {
		return false // 王总, 李校: a surname and a title
	}
	return true
}

// notGiven are characters that end a name rather than belong to it.
var notGiven = func() map[rune]bool {
	m := map[rune]bool{}
	for _, c := range "的了在是与及等为向对将把被说也都还又就并而从到于以之其这那个们年月日时分秒上下内外前后第各该本我你他她它地得着过赴" {
		m[c] = true
	}
	return m
}()

// strictNotGiven are the function words that end a name even right after
// a post.
var strictNotGiven = func() map[rune]bool {
	m := map[rune]bool{}
	for _, c := range "的了在是与及等对将把被说也都还又就并而从到于以之其这那们我你他她它地着过赴" {
		m[c] = true
	}
	return m
}()

// boundaryWords may follow a personal name.
var boundaryWords = []string{
	"等人", "等", "一行", "代表", "表示", "出席", "在", "与", "和", "及", "作", "主持", "致辞", "讲话", "发言", "指出", "介绍",
	"为", "向", "对", "同志", "先生", "女士", "教授", "博士", "老师", "院士", "率", "带领", "参加", "陪同", "分别", "共同",
	"也", "则", "说", "称", "认为", "强调", "希望", "宣读", "颁发", "签署", "签订", "签约", "会见", "接待", "看望", "担任",
	"被", "就", "亲自", "还", "以", "从", "于", "将", "是", "的", "作为", "受聘", "获", "荣获", "当选", "来", "到", "赴", "同学", "同學",
	"核稿", "供稿", "摄影", "审稿", "审核", "校对", "撰稿", "编辑", "摄",
	"一同", "共同", "等领导", "总结", "回顾", "结合", "围绕", "提出", "要求", "寄语", "勉励", "答", "回答", "现场", "随后",
	"现任", "出任", "兼任", "升任", "就任", "继任", "转任", "同时担任", "应邀", "受邀",
}

// boundaryAt reports whether a personal name may end before rune i.
func (rc *Recognizer) boundaryAt(t *text, i int) bool {
	if i >= len(t.r) {
		return true
	}
	c := t.r[i]
	if !unicode.Is(unicode.Han, c) {
		return true
	}
	rest := string(t.r[i:min(len(t.r), i+4)])
	for _, w := range boundaryWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	if c == '任' && (rc.lex.TitleAt(t.r, i+1) > 0 || startingAt(t.orgs, i+1) != nil) {
		return true // 王强任江城师范学院院长
	}
	return rc.lex.TitleAt(t.r, i) > 0
}

// startsBoundaryWord reports whether a word that follows names (宣读,
// 表示, 主持) starts at rune i.
func (rc *Recognizer) startsBoundaryWord(t *text, i int) bool {
	rest := string(t.r[i:min(len(t.r), i+4)])
	for _, w := range boundaryWords {
		if utf8.RuneCountInString(w) >= 2 && strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// boundaryBefore reports whether a personal name may start at rune i.
func (rc *Recognizer) boundaryBefore(t *text, i int) bool {
	if i == 0 {
		return true
	}
	c := t.r[i-1]
	if !unicode.Is(unicode.Han, c) {
		return true
	}
	for _, w := range []string{"由", "与", "和", "及", "请", "邀请", "聘请", "会见", "向", "为", "同", "、", "校友", "代表", "嘉宾", "委员", "主任", "书记"} {
		if strings.HasSuffix(string(t.r[max(0, i-3):i]), w) {
			return true
		}
	}
	return t.titleEnd[i] || endingAt(t.orgs, i) != nil || endingAt(t.places, i) != nil
}

// readName reads a personal name starting at rune i: a surname and one or
// two given-name characters, ending at a boundary. It returns the end, or
// -1.
func (rc *Recognizer) readName(t *text, i int, needRank int) int {
	n, rank := rc.lex.SurnameAt(t.r, i)
	if n == 0 || (needRank > 0 && rank > needRank) {
		return -1
	}
	for _, g := range []int{2, 1} {
		e := i + n + g
		if e > len(t.r) {
			continue
		}
		ok := true
		for _, c := range t.r[i+n : e] {
			// After a post the name is expected: only function words
			// end it (副院长肖前蔚).
			if !unicode.Is(unicode.Han, c) || notGiven[c] && (needRank > 0 || strictNotGiven[c]) {
				ok = false
				break
			}
		}
		if !ok || rc.lex.TitleAt(t.r, i+n) > 0 || (g == 2 && rc.lex.TitleAt(t.r, i+n+1) > 0) {
			continue
		}
		if !rc.boundaryAt(t, e) {
			continue
		}
		name := t.key(i, e)
		if rc.lex.NotPerson(name) || rc.lex.NotPerson(t.key(i+n, e)) || overlaps(i, e, t.orgs) || (needRank > 0 && t.commonWord(i, e)) {
			continue
		}
		if g == 2 && rc.verbWord(t.key(i+n, e)) {
			continue // 评审专家应遵守: a surname and a verb
		}
		if g == 2 && verbEndsName(t.r, e) {
			continue // 王五为获奖教师颁奖, 张三来我校, 王五作主旨报告
		}

		if _, generic := rc.lex.Generic(name); generic {
			continue
		}
		return e
	}
	return -1
}

// findPeople marks personal names: after a title (副校长李望云), before a
// title (李炯副院长), before a verb of speech (李洪渠表示), in lists with
// a known name, and names the byline or the tagger gave.
func (rc *Recognizer) findPeople(t *text, known map[string]bool) {
	add := func(a, b int) {
		if a < 0 || b <= a || overlaps(a, b, t.people) {
			return
		}
		t.people = append(t.people, mention{start: a, end: b, kind: mPerson, text: t.str(a, b)})
		known[t.str(a, b)] = true
	}
	for _, p := range t.people {
		known[p.text] = true
	}
	// People the user declared.
	for i := 0; i < len(t.r); i++ {
		if n, _ := rc.lex.UserPersonAt(t.r, i); n > 0 && !overlaps(i, i+n, t.orgs) {
			add(i, i+n)
			i += n - 1
		}
	}
	// A reporter's dateline: 記者于郁金/臺南報導, 记者周为政彰化报导, 记者
	// 李明摄: the name between 记者 and a slash, a place and 报导, or 摄.
	for _, ti := range t.weak {
		if w := t.key(ti.start, ti.end); w == "记者" || w == "通讯员" {
			if e := rc.readDatelineName(t, ti.end); e > 0 {
				add(ti.end, e)
				known[rareMark+t.str(ti.end, e)] = true // 周為政: 為 is a given name here
			}
		}
	}
	// After a title or a group word (校领导王守义).
	for k, ti := range append(append([]mention(nil), t.titles...), t.weak...) {
		weak := k >= len(t.titles)
		if weak && ti.end < len(t.r) && functionSurnames[string(t.r[ti.end])] {
			continue // 学生都重要
		}
		if ti.end < len(t.r) && t.r[ti.end] == '奖' {
			continue // 县长奖, 校长奖学金: an award named after the post
		}
		if e := rc.readName(t, ti.end, 0); e > 0 {
			if e-ti.end == 2 && functionSurnames[string(t.r[ti.end])] && rc.lex.TitleAt(t.r, e) > 0 {
				continue // 校长向姚局长汇报: a preposition, a surname and a title
			}
			if !weak || !t.commonWord(ti.end, e) {
				add(ti.end, e) // 裁判方队: a group word before a common word
			}
			if !weak && !strings.ContainsAny(t.key(ti.end+1, e), afterPostNotGiven) {
				// 组长江丕得, 馆长李月琳: after a post a name is expected, and
				// 得, 为, 月 are given names there.
				known[rareMark+t.str(ti.end, e)] = true
			}
		} else if e := rc.readForeignName(t, ti.end); e > 0 {
			add(ti.end, e)
		} else if e := readLatinName(t.r, ti.end); e > 0 {
			add(ti.end, e) // 主席Darren Smith教授
			known[rareMark+t.str(ti.end, e)] = true
		} else if e := rc.readRareName(t, ti.end); e > 0 {
			add(ti.end, e)
			known[rareMark+t.str(ti.end, e)] = true
		}
	}
	// Before a title: the two or three characters before it.
	for _, ti := range t.titles {
		for _, l := range []int{3, 2, 4} {
			s := ti.start - l
			if s < 0 || overlaps(s, ti.start, t.orgs) || overlaps(s, ti.start, t.titles) || functionSurnames[string(t.r[s])] {
				continue
			}
			if n, rank := rc.lex.SurnameAt(t.r, s); n == 0 || rank > 300 {
				continue
			}
			if !rc.boundaryBefore(t, s) {
				continue
			}
			if name := t.key(s, ti.start); rc.plausibleName(name) && rc.readName(t, s, 300) == ti.start && !t.commonWord(s, ti.start) {
				add(s, ti.start)
				break
			}
		}
		// 由帕克林校长率领: a transliterated name without a surname, right
		// after 由 or 与.
		for _, l := range []int{3, 2, 4} {
			s := ti.start - l
			if s < 1 || !strings.ContainsRune("由与同和及、", t.r[s-1]) || overlaps(s, ti.start, t.orgs) || overlaps(s, ti.start, t.people) {
				continue
			}
			ok := true
			for _, c := range t.r[s:ti.start] {
				ok = ok && strings.ContainsRune(transliteration, c)
			}
			if ok && !t.commonWord(s, ti.start) && rc.lex.PlaceAt(t.r, s) == 0 && !rc.lex.NotPerson(t.key(s, ti.start)) {
				add(s, ti.start)
				known[rareMark+t.str(s, ti.start)] = true
				break
			}
		}
	}
	// Before a verb of speech or action, after a boundary.
	for i := 0; i < len(t.r); i++ {
		if functionSurnames[string(t.r[i])] {
			continue
		}
		if n, _ := rc.lex.SurnameAt(t.r, i); n == 0 || !rc.boundaryBefore(t, i) {
			continue
		}
		e := rc.readName(t, i, 200)
		if e < 0 || t.commonWord(i, e) {
			continue
		}
		rest := string(t.r[e:min(len(t.r), e+3)])
		for _, v := range []string{"表示", "指出", "强调", "认为", "介绍", "致辞", "讲话", "主持", "发言", "作报告", "代表", "说", "一行", "等人", "担任", "现任", "出任", "兼任", "升任", "就任", "任"} {
			if strings.HasPrefix(rest, v) {
				add(i, e)
				break
			}
		}
	}
	// A name before 同志, after a clear stop, even with a surname the
	// lexicon lacks (念国忠同志代表上届工会作报告).
	for i := 2; i+2 <= len(t.r); i++ {
		if t.r[i] != '同' || t.r[i+1] != '志' {
			continue
		}
		for _, l := range []int{3, 2} {
			s := i - l
			if s < 0 || overlaps(s, i, t.people) || overlaps(s, i, t.orgs) || overlaps(s, i, t.titles) {
				continue
			}
			ok := s == 0 || strings.ContainsRune("，,、。；;：:\n（(“", t.r[s-1])
			for _, c := range t.r[s:i] {
				ok = ok && unicode.Is(unicode.Han, c) && !notGiven[c]
			}
			if ok && !t.commonWord(s, i) && !rc.lex.NotPerson(t.key(s, i)) && rc.lex.PlaceAt(t.r, s) == 0 && !functionSurnames[string(t.r[s])] {
				add(s, i)
				known[rareMark+t.str(s, i)] = true
				break
			}
		}
	}
	// Transliterated names with a middle dot anywhere (马克·约翰逊).
	for i := 0; i < len(t.r); i++ {
		if t.r[i] != '·' && t.r[i] != '•' && t.r[i] != '‧' {
			continue
		}
		a := i
		for a > 0 && i-a < 5 && unicode.Is(unicode.Han, t.r[a-1]) && !rc.titleEndsAt(t, a) && endingAt(t.orgs, a) == nil {
			a--
		}
		// Right after an organization's name one character may open the
		// name (蒙古国国立科技大学特·那不能副校长).
		least := 2
		if a > 0 && endingAt(t.orgs, a) != nil {
			least = 1
		}
		if i-a < least || overlaps(a, i, t.orgs) || rc.lex.PlaceAt(t.r, a) > 0 {
			continue
		}
		if e := rc.readForeignName(t, a); e > 0 && !overlaps(a, e, t.orgs) {
			// A shorter name the tagger found inside it (马克) gives way.
			kept := t.people[:0]
			for _, p := range t.people {
				if !(p.start >= a && p.end <= e) {
					kept = append(kept, p)
				}
			}
			t.people = kept
			add(a, e)
		}
	}
	// Photo captions: 陳立白(左三)和高為元(右三).
	for i := 0; i+3 < len(t.r); i++ {
		if t.r[i] != '(' && t.r[i] != '（' || !strings.ContainsRune("左右中前后後", t.r[i+1]) {
			continue
		}
		for _, l := range []int{3, 2} {
			a := i - l
			if a < 0 || !rc.clearBoundary(t, a) && t.r[a-1] != '、' && t.r[a-1] != '和' {
				continue
			}
			ok := true
			for _, c := range t.r[a:i] {
				ok = ok && unicode.Is(unicode.Han, c) && !notGiven[c]
			}
			if ok && !overlaps(a, i, t.orgs) && !rc.lex.NotPerson(t.key(a, i)) && !t.commonWord(a, i) {
				kept := t.people[:0]
				for _, p := range t.people {
					if !(p.start >= a && p.end <= i) {
						kept = append(kept, p) // 簡朝 gives way to 簡朝和(右二)
					}
				}
				t.people = kept
				add(a, i)
				known[rareMark+t.str(a, i)] = true
				break
			}
		}
	}
	// Lists: a name after 、 or ， that follows a known name.
	for changed := true; changed; {
		changed = false
		sort.Slice(t.people, func(i, j int) bool { return t.people[i].start < t.people[j].start })
		for _, p := range t.people {
			j := p.end
			if j < len(t.r) && (t.r[j] == '、' || t.r[j] == '和' || t.r[j] == '及') {
				if e := rc.readName(t, j+1, 300); e > 0 && !overlaps(j+1, e, t.people) {
					add(j+1, e)
					changed = true
					break
				}
			}
		}
	}
	// A name does not start inside a word of the text (桃李中文: 李中文),
	// unless a post ends there (the segmenter may join a post and a name).
	kept := t.people[:0]
	for _, p := range t.people {
		if p.start > 0 && !t.tokenBoundary(p.start) && !rc.titleEndsAt(t, p.start) {
			if k := t.tokAt[p.start]; k >= 0 && !strings.HasPrefix(t.toks[k].pos, "nr") && t.toks[k].end-t.toks[k].start >= 2 && t.toks[k].end <= p.end {
				delete(known, p.text)
				continue
			}
		}
		kept = append(kept, p)
	}
	t.people = kept
}

// commonWord reports whether [a, b) is exactly one word of the
// dictionary that is not a name (包含, 方队).
func (t *text) commonWord(a, b int) bool {
	k := t.tokAt[a]
	return k >= 0 && t.toks[k].start == a && t.toks[k].end == b && !strings.HasPrefix(t.toks[k].pos, "nr")
}

// spreadNames marks every other occurrence of a known name.
func (rc *Recognizer) spreadNames(t *text, known map[string]bool) {
	for name := range known {
		if strings.HasPrefix(name, rareMark) {
			continue
		}
		nr := []rune(name)
		for i := 0; i+len(nr) <= len(t.raw); i++ {
			if t.raw[i] != nr[0] || string(t.raw[i:i+len(nr)]) != name {
				continue
			}
			if overlaps(i, i+len(nr), t.people) || overlaps(i, i+len(nr), t.orgs) {
				continue
			}
			// A longer name starting here (王朋友 for 王朋) is another word.
			t.people = append(t.people, mention{start: i, end: i + len(nr), kind: mPerson, text: name})
		}
	}
	sort.Slice(t.people, func(i, j int) bool { return t.people[i].start < t.people[j].start })
}

// standsAlone reports whether name occurs in text somewhere other than at
// the start of a longer organization name of found.
func standsAlone(text []rune, name string, found []mention) bool {
	nr := []rune(name)
	for i := 0; i+len(nr) <= len(text); i++ {
		if string(text[i:i+len(nr)]) != name {
			continue
		}
		longer := false
		for _, f := range found {
			if f.start == i && f.end > i+len(nr) {
				longer = true
				break
			}
		}
		if !longer {
			return true
		}
	}
	return false
}

// trimOrgs cuts organization names that swallowed a personal name and
// the words after it (张德华分别代表中国人民大学 → 中国人民大学).
func (rc *Recognizer) trimOrgs(t *text) {
	out := t.orgs[:0]
	for _, o := range t.orgs {
		if t.r[o.end-1] == '所' && o.start > 0 && strings.ContainsRune("此该这其", t.r[o.start-1]) {
			continue // 为开展此项目所做的努力: 所 is a particle
		}
		if s := enumeratorEnd(t.r, o.start, o.end); s > o.start {
			// （1）软件学院, ）联合体, 17家子分公司: not part of the name.
			n, _ := rc.lex.OrgSuffixEndingAt(t.r, o.end)
			if o.end-s <= n || o.end-s < 2 {
				continue
			}
			o.start = s
			o.text = t.str(o.start, o.end)
		}
		for _, p := range t.people {
			if p.start < o.end && o.start < p.end && p.end < o.end {
				o.start = p.end
			}
		}
		if o.start != o.orig() {
			// Skip the words between the name and the organization.
			for o.start < o.end {
				k := t.tokAt[o.start]
				if k < 0 {
					break
				}
				tk := t.toks[k]
				w := t.key(tk.start, tk.end)
				if !stopWords[w] && !soft(tk.pos) && !posIs(tk.pos, "dpc") {
					break
				}
				o.start = tk.end
			}
			n, _ := rc.lex.OrgSuffixEndingAt(t.r, o.end)
			if o.end-o.start <= n {
				continue
			}
			o.text = t.str(o.start, o.end)
		}
		out = append(out, o)
	}
	t.orgs = out
}

func (m mention) orig() int { return m.from }

// shortStem reports whether token k, one character, and the one-character
// noun before it, after a clear stop, make the two-character stem right
// before the head (还有文新学院: 文 and 新, an abbreviation of 文学与新闻).
func shortStem(t *text, k, start, head int) bool {
	if start != head || k < 1 || t.toks[k].end-t.toks[k].start != 1 {
		return false
	}
	p := t.toks[k-1]
	if p.end-p.start != 1 || !strings.HasPrefix(p.pos, "n") || !unicode.Is(unicode.Han, t.r[p.start]) {
		return false
	}
	if k < 2 {
		return true
	}
	w := t.key(t.toks[k-2].start, t.toks[k-2].end)
	return stopWords[w] || !unicode.Is(unicode.Han, t.r[t.toks[k-2].end-1]) || w == "还有" || w == "有"
}

// namedBefore reports whether r[s:start] and the two characters after it
// are part of an organization found earlier in the text: the name is
// written again without its place (砂拉越大学中国中心 after
// 马来西亚砂拉越大学).
func namedBefore(t *text, s, start int) bool {
	if start+2 > len(t.r) {
		return false
	}
	part := t.key(s, start+2)
	for _, o := range t.found {
		if o.end <= s && utf8.RuneCountInString(o.text) > utf8.RuneCountInString(part) && strings.Contains(string(t.r[o.start:o.end]), part) {
			return true
		}
	}
	return false
}

// knownFormAlone reports whether a well-known organization's form of n
// characters at i stands alone. A two-character form after a Han
// character that is no joining word may end a name (何鸣华为我校 is 何鸣华
// + 为, not 华为), and one followed by a number names one of its units
// (中建八局, 中铁十四局 are no 中建, 中铁).
func (rc *Recognizer) knownFormAlone(t *text, i, n int) bool {
	if n > 2 {
		return true
	}
	if i > 0 && unicode.Is(unicode.Han, t.r[i-1]) && !strings.ContainsRune("与和及同跟在向对把被从由是的了等到赴访入邀请携联合", t.r[i-1]) {
		return false
	}
	if e := i + n; e < len(t.r) && (unicode.IsDigit(t.r[e]) || strings.ContainsRune("一二三四五六七八九十第", t.r[e])) {
		return false
	}
	return true
}

// companyHead reports whether the name ending at e ends with a company's
// head word (公司, 集团).
func (rc *Recognizer) companyHead(t *text, e int) bool {
	_, kind := rc.lex.OrgSuffixEndingAt(t.r, e)
	return kind == KindCompany
}

// verbEndsName reports whether the character before e, read as the last
// of a name, is a verb by what follows it: 为 before what is done for
// someone, 来 before where one comes, 作/做 before what is made.
func verbEndsName(r []rune, e int) bool {
	after := func(n int) string { return string(r[e:min(len(r), e+n)]) }
	switch r[e-1] {
	case '为':
		return forWhomRe.MatchString(after(14))
	case '来':
		return hereRe.MatchString(after(3))
	case '作', '做':
		return doneRe.MatchString(after(10))
	}
	return false
}

// forWhomRe finds what is done for someone after 为 (为获奖教师颁奖,
// 为新生作报告): 为 there is no part of the name before it.
var forWhomRe = regexp.MustCompile(`^[^，。；,;]{0,12}?(?:颁奖|颁发|颁证|揭牌|授牌|授旗|授课|佩戴|题词|作报告|做报告|讲授|上课|送上|带来|献上|点赞|加油|致辞|开讲)`)

// doneRe finds what is made after 作 or 做 (作主旨报告, 做工作总结).
var doneRe = regexp.MustCompile(`^[^，。；,;]{0,8}?(?:报告|讲座|发言|总结|介绍|演讲|讲话|致辞|部署|点评|指导)`)

// hereRe finds where someone comes after 来 (来我校, 来校, 来访).
var hereRe = regexp.MustCompile(`^(?:我校|我院|本校|校|访|院|到|我市|我县|我区)`)

// verbWord reports whether w is a verb, adverb or function word of the
// dictionary (遵守, 参加), which no given name is.
func (rc *Recognizer) verbWord(w string) bool {
	_, pos, ok := rc.seg.Lookup(w)
	if !ok {
		return false
	}
	switch pos {
	case "v", "vd", "vn", "vi", "d", "p", "c", "u", "ad":
		return true
	}
	return false
}

// sloganPart reports whether one part of a name written with ·
// (顶尖平台·赋能全球视野, 睿医智药·聚势破局, 群星璀璨·办学成就) reads as
// words, not as a transliteration: two words of two characters or more
// that are no names, an idiom, or two one-character verbs.
func (rc *Recognizer) sloganPart(part string) bool {
	words, verbs := 0, 0
	for _, tk := range rc.seg.Segment(part) {
		switch {
		case utf8.RuneCountInString(tk.Text) >= 4 && !strings.HasPrefix(tk.Pos, "nr"):
			words += 2 // an idiom (群星璀璨)
		case utf8.RuneCountInString(tk.Text) >= 2 && !strings.HasPrefix(tk.Pos, "nr"):
			words++
		case utf8.RuneCountInString(tk.Text) == 1 && (tk.Pos == "v" || tk.Pos == "vn"):
			verbs++
		}
	}
	return words >= 2 || verbs >= 2
}

// enumeratorEnd returns where the name in r[s:e] starts after what can
// only precede one: a closing bracket, a list number in brackets ((2),
// （四）) and a count (17家, 1个); s when there is none.
func enumeratorEnd(r []rune, s, e int) int {
	for s < e {
		switch {
		case strings.ContainsRune(")）】]", r[s]):
			s++
			continue
		case strings.ContainsRune("(（", r[s]):
			k := s + 1
			for k < e && k-s <= 3 && (unicode.IsDigit(r[k]) || strings.ContainsRune("一二三四五六七八九十", r[k])) {
				k++
			}
			if k > s+1 && k < e && strings.ContainsRune(")）", r[k]) {
				s = k + 1
				continue
			}
		case unicode.IsDigit(r[s]):
			k := s
			for k < e && unicode.IsDigit(r[k]) {
				k++
			}
			if k < e && strings.ContainsRune("个家所项", r[k]) {
				s = k + 1
				continue
			}
		}
		break
	}
	return s
}

// titleEndsAt reports whether a title or group word ends at rune i.
func (rc *Recognizer) titleEndsAt(t *text, i int) bool { return t.titleEnd[i] }

// rareMark marks, in the set of known names, names whose surname is not
// in the lexicon but whose context makes them sure.
const rareMark = "\x00"

// readRareName reads a name with a surname missing from the lexicon right
// after a post (继续教育处处长支晓强,): two or three Han characters closed
// by punctuation or a verb of the genre.
func (rc *Recognizer) readRareName(t *text, i int) int {
	for _, g := range []int{3, 2} {
		e := i + g
		if e > len(t.r) {
			continue
		}
		ok := true
		for _, c := range t.r[i:e] {
			ok = ok && unicode.Is(unicode.Han, c) && !notGiven[c]
		}
		if !ok || functionSurnames[string(t.r[i])] || rc.lex.TitleAt(t.r, i) > 0 || overlaps(i, e, t.orgs) {
			continue
		}
		if e == len(t.r) || strings.ContainsRune("，,、。；;（(", t.r[e]) || rc.startsBoundaryWord(t, e) {
			name := t.key(i, e)
			if rc.lex.NotPerson(name) || rc.lex.PlaceAt(t.r, i) >= e-i || t.commonWord(i, e) || !t.tokenBoundary(e) {
				continue
			}
			if _, generic := rc.lex.Generic(name); generic || strings.ContainsRune("省市县区镇乡村总", t.r[e-1]) {
				continue
			}
			if k := t.tokAt[i]; k >= 0 && t.toks[k].end-t.toks[k].start >= 2 && !strings.HasPrefix(t.toks[k].pos, "nr") && t.toks[k].pos != "ns" && t.toks[k].pos != "nz" {
				continue // 参加会议, 主讲: a word of the dictionary starts here
			}
			return e
		}
	}
	return -1
}

// readForeignName reads a transliterated name with a middle dot starting
// at rune i (马修·威尔逊, 特·那不能), or returns -1.
// readLatinName returns the end of a name in Latin letters that starts
// at rune i: two or three capitalized words (Darren Smith, Anna M. Berg),
// ending where the letters end. It returns -1 otherwise.
func readLatinName(r []rune, i int) int {
	words, e := 0, i
	for words < 3 {
		j := e
		if words > 0 {
			if j >= len(r) || r[j] != ' ' {
				break
			}
			j++
		}
		if j >= len(r) || r[j] < 'A' || r[j] > 'Z' {
			break
		}
		k := j + 1
		for k < len(r) && (r[k] >= 'a' && r[k] <= 'z' || r[k] == '-' || r[k] == '\'') {
			k++
		}
		if k < len(r) && r[k] == '.' && k == j+1 {
			k++ // an initial: M.
		} else if k-j < 2 {
			break
		}
		words, e = words+1, k
	}
	if e+1 < len(r) && r[e] == ' ' && r[e+1] >= 'A' && r[e+1] <= 'Z' {
		return -1 // more capitalized words: a title or a phrase, not a name
	}
	if words < 2 || e-i > 40 || e < len(r) && (unicode.IsLetter(r[e]) && r[e] < 0x80 || unicode.IsDigit(r[e])) {
		return -1
	}
	return e
}

func (rc *Recognizer) readForeignName(t *text, i int) int {
	dot := false
	e := i
	for e < len(t.r) && e-i < 12 {
		c := t.r[e]
		if c == '·' || c == '•' || c == '‧' {
			if e == i || dot && t.r[e-1] == c {
				return -1
			}
			dot = true
			e++
			continue
		}
		if !unicode.Is(unicode.Han, c) {
			break
		}
		e++
		if dot && rc.boundaryAt(t, e) && e-i >= 3 && t.r[e-1] != '·' {
			if quoted(t.r, i, e) || !rc.plausibleName(t.key(i, e)) {
				return -1 // “梧桐·鸿鹄”: the name of an event or a work
			}
			return e
		}
	}
	return -1
}

// transliteration holds the characters foreign names are written with in
// Chinese (帕克林, 威尔逊, 阿齐兹).
const transliteration = "阿埃艾爱安奥巴拔白班邦鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜多厄恩尔法凡菲费芬丰弗福夫盖甘冈高戈格哥贡古哈海汉豪赫亨霍基吉加贾杰金卡凯坎康柯科克肯库奎拉莱兰朗劳勒雷蕾里利莉连列林琳卢鲁路伦罗洛马玛麦曼芒梅蒙米明姆穆纳娜南内尼涅宁纽努诺欧帕潘佩彭皮珀普奇齐恰乔切琼丘萨塞桑瑟森沙莎珊什舍施斯松苏索塔泰坦汤唐特提汀图托瓦万威韦维温沃乌西希谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐"

// quoted reports whether r[s:e] is all that stands between quotation
// marks or book-title marks.
func quoted(r []rune, s, e int) bool {
	return s > 0 && e < len(r) && strings.ContainsRune("“「『《\"'", r[s-1]) && strings.ContainsRune("”」』》\"'", r[e])
}

// personPublisher reports whether a publisher field holds a person's name:
// two to four Han characters that read as a name, with no organization
// head word, place or generic word in them.
func (rc *Recognizer) personPublisher(p string) bool {
	r := []rune(p)
	if rc.simplify != nil {
		for i, c := range r {
			r[i] = rc.simplify(c)
		}
	}
	if len(r) < 2 || len(r) > 4 {
		return false
	}
	for _, c := range r {
		if !unicode.Is(unicode.Han, c) {
			return false
		}
	}
	if n, _ := rc.lex.OrgSuffixEndingAt(r, len(r)); n > 0 {
		return false
	}
	if rc.lex.PlaceAt(r, 0) > 0 {
		return false
	}
	if _, generic := rc.lex.Generic(string(r)); generic {
		return false
	}
	return rc.plausibleName(string(r))
}

// afterPostNotGiven are the characters that are no given name even right
// after a post: function words and localizers (主任成功后 is no 成功后).
const afterPostNotGiven = "的了在是与及等对将把被说也都还又就并而从到于以之其这那们我你他她它地着过后上下内外里"

// readDatelineName reads the name of a reporter at rune i, after 记者 in
// a dateline: a surname (也 a function one: 于) and one or two Han
// characters, followed by a slash, a space, 报导/报道/摄, or a place and
// 报导/报道. It returns the end of the name, or -1.
func (rc *Recognizer) readDatelineName(t *text, i int) int {
	n, _ := rc.lex.SurnameAt(t.r, i)
	if n == 0 {
		return -1
	}
	ends := func(e int) bool {
		if e >= len(t.r) {
			return false
		}
		rest := t.key(e, min(len(t.r), e+8))
		if strings.ContainsRune("/／ 　)）】〕", t.r[e]) {
			return true
		}
		for _, w := range []string{"报导", "报道", "摄", "讯"} {
			if strings.HasPrefix(rest, w) {
				return true
			}
			// 彰化报导: a place of two or three characters, then 报导.
			for l := 2; l <= 3; l++ {
				if e+l+utf8.RuneCountInString(w) <= len(t.r) && strings.HasPrefix(t.key(e+l, len(t.r)), w) && w != "摄" {
					return true
				}
			}
		}
		return false
	}
	for _, g := range []int{2, 1} {
		e := i + n + g
		if e > len(t.r) {
			continue
		}
		han := true
		for _, c := range t.r[i:e] {
			han = han && unicode.Is(unicode.Han, c)
		}
		if han && ends(e) && !rc.lex.NotPerson(t.key(i, e)) {
			return e
		}
	}
	return -1
}
