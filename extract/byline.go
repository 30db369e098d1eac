package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Credit parsing: a credit string is scanned into role words (记者, 通讯员,
// 摄影, 编辑 …), separators and runs of text; the text runs are then
// classified as person names, unit (department) names or filler words and
// attached to the role in force.

// roleMask is a set of credit roles; "文/图：张三" gives both author and
// photographer.
type roleMask uint8

const (
	roleAuthor roleMask = 1 << iota
	roleCorrespondent
	rolePhotographer
	roleEditor
	roleDept   // 供稿 / 来源 / 单位: the value is a unit, not a person
	roleIgnore // 图片来源 / 资料来源: a credit whose value is dropped
)

// roleWord is one credit keyword.
type roleWord struct {
	word string
	role roleMask
	// needSep: the word is a role only when followed by an explicit
	// separator (":", "：", "/", "︱", "|"), since it is also an ordinary word
	// or a name character (文, 图, 来源 …).
	needSep bool
	// suffix: the word may follow the names it credits ("张三 摄",
	// "计算机学院供稿").
	suffix bool
}

var roleWords = []roleWord{
	// authors
	{word: "作者", role: roleAuthor},
	{word: "撰稿", role: roleAuthor},
	{word: "撰稿人", role: roleAuthor},
	{word: "撰文", role: roleAuthor},
	{word: "采写", role: roleAuthor},
	{word: "执笔", role: roleAuthor},
	{word: "記者", role: roleAuthor},
	{word: "记者", role: roleAuthor},
	{word: "学生记者", role: roleAuthor},
	{word: "學生記者", role: roleAuthor},
	{word: "特约记者", role: roleAuthor},
	{word: "本报记者", role: roleAuthor},
	{word: "本网记者", role: roleAuthor},
	{word: "本站记者", role: roleAuthor},
	{word: "实习记者", role: roleAuthor},
	{word: "见习记者", role: roleAuthor},
	{word: "融媒体记者", role: roleAuthor},
	{word: "首席记者", role: roleAuthor},
	{word: "文字记者", role: roleAuthor},
	{word: "实习生", role: roleAuthor},
	{word: "實習生", role: roleAuthor},
	{word: "学生实习记者", role: roleAuthor},
	{word: "文字", role: roleAuthor, needSep: true},
	{word: "文案", role: roleAuthor},
	{word: "评论员", role: roleAuthor},
	{word: "特约评论员", role: roleAuthor},
	{word: "評論員", role: roleAuthor},
	{word: "文", role: roleAuthor, needSep: true, suffix: true},
	// correspondents
	{word: "通讯员", role: roleCorrespondent},
	{word: "特约通讯员", role: roleCorrespondent},
	{word: "学生通讯员", role: roleCorrespondent},
	{word: "本报通讯员", role: roleCorrespondent},
	{word: "本网通讯员", role: roleCorrespondent},
	{word: "本站通讯员", role: roleCorrespondent},
	{word: "通訊員", role: roleCorrespondent},
	{word: "特約通訊員", role: roleCorrespondent},
	// photographers
	{word: "摄影", role: rolePhotographer, suffix: true},
	{word: "摄影师", role: rolePhotographer},
	{word: "摄影记者", role: rolePhotographer},
	{word: "图片摄影", role: rolePhotographer},
	{word: "摄像", role: rolePhotographer},
	{word: "拍摄", role: rolePhotographer, needSep: true},
	{word: "攝影", role: rolePhotographer, suffix: true},
	{word: "图片", role: rolePhotographer, needSep: true},
	{word: "圖片", role: rolePhotographer, needSep: true},
	{word: "配图", role: rolePhotographer, needSep: true},
	{word: "图", role: rolePhotographer, needSep: true, suffix: true},
	{word: "圖", role: rolePhotographer, needSep: true, suffix: true},
	{word: "摄", role: rolePhotographer, needSep: true, suffix: true},
	{word: "攝", role: rolePhotographer, needSep: true, suffix: true},
	{word: "图文", role: roleAuthor | rolePhotographer, needSep: true},
	{word: "文图", role: roleAuthor | rolePhotographer, needSep: true},
	{word: "圖文", role: roleAuthor | rolePhotographer, needSep: true},
	// editors
	{word: "编辑", role: roleEditor},
	{word: "责任编辑", role: roleEditor},
	{word: "责编", role: roleEditor},
	{word: "编", role: roleEditor, needSep: true},
	{word: "值班编辑", role: roleEditor},
	{word: "网络编辑", role: roleEditor},
	{word: "网页编辑", role: roleEditor},
	{word: "执行编辑", role: roleEditor},
	{word: "新媒体编辑", role: roleEditor},
	{word: "主编", role: roleEditor},
	{word: "美编", role: roleEditor},
	{word: "排版", role: roleEditor},
	{word: "编校", role: roleEditor},
	{word: "审核", role: roleEditor},
	{word: "审稿", role: roleEditor},
	{word: "审定", role: roleEditor},
	{word: "核稿", role: roleEditor},
	{word: "校对", role: roleEditor},
	{word: "初审", role: roleEditor},
	{word: "复审", role: roleEditor},
	{word: "终审", role: roleEditor},
	{word: "一审", role: roleEditor},
	{word: "二审", role: roleEditor},
	{word: "三审", role: roleEditor},
	{word: "编审", role: roleEditor},
	{word: "审校", role: roleEditor},
	{word: "签发", role: roleEditor},
	{word: "編輯", role: roleEditor},
	{word: "責任編輯", role: roleEditor},
	{word: "責編", role: roleEditor},
	{word: "審核", role: roleEditor},
	{word: "審稿", role: roleEditor},
	{word: "校對", role: roleEditor},
	{word: "初審", role: roleEditor},
	{word: "複審", role: roleEditor},
	{word: "终審", role: roleEditor},
	{word: "終審", role: roleEditor},
	{word: "簽發", role: roleEditor},
	// sources of pictures or data: recognised, value dropped
	{word: "图片来源", role: roleIgnore, needSep: true},
	{word: "图源", role: roleIgnore, needSep: true},
	{word: "资料来源", role: roleIgnore, needSep: true},
	{word: "数据来源", role: roleIgnore, needSep: true},
	{word: "圖片來源", role: roleIgnore, needSep: true},
	// units
	{word: "供稿", role: roleDept, suffix: true},
	{word: "供稿单位", role: roleDept},
	{word: "供稿部门", role: roleDept},
	{word: "供稿單位", role: roleDept},
	{word: "投稿单位", role: roleDept},
	{word: "来源", role: roleDept, needSep: true},
	{word: "來源", role: roleDept, needSep: true},
	{word: "信息来源", role: roleDept, needSep: true},
	{word: "稿件来源", role: roleDept, needSep: true},
	{word: "新闻来源", role: roleDept, needSep: true},
	{word: "文章来源", role: roleDept, needSep: true},
	{word: "稿源", role: roleDept, needSep: true},
	{word: "单位", role: roleDept, needSep: true},
	{word: "部门", role: roleDept, needSep: true},
	{word: "單位", role: roleDept, needSep: true},
	{word: "部門", role: roleDept, needSep: true},
}

// creditTables holds the lookup tables of this file, built once.
type creditTables struct {
	roles     map[rune][]roleWord // by first rune, longest first
	stop      map[string]bool     // filler words that are neither names nor units
	surnames  map[rune]bool
	unitEnds  []string // unit suffixes, longest first
	unitWords map[string]bool
	follow    map[rune]bool // a role word followed by one of these is part of a unit name (编辑部, 摄影队)
}

var creditTab = sync.OnceValue(func() *creditTables {
	t := &creditTables{
		roles:     make(map[rune][]roleWord),
		stop:      make(map[string]bool),
		surnames:  make(map[rune]bool),
		unitWords: make(map[string]bool),
		follow:    make(map[rune]bool),
	}
	for _, w := range roleWords {
		r, _ := utf8.DecodeRuneInString(w.word)
		t.roles[r] = append(t.roles[r], w)
	}
	for _, l := range t.roles {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].word) > len(l[j].word) })
	}
	for _, w := range strings.Fields(`整合 综合 整理 报道 编译 发自 供稿 本报 本网 本站 本刊 本台 提供 专稿 原创 本站原创
		通讯 实习 报社 联合 网讯 文字 图片 视频 摄影 等 及 和 与 同学 老师 同志 学生 教授 讲师 副教授 研究员 博士 硕士
		摄 文 图 稿 报 讯 校报 校报记者 学生 见习 特约 责任 图文 本报讯 本网讯 本站讯 发布 动态 新闻 无 暂无 佚名 未知 管理员
		admin Admin 匿名 图片由 照片由 图片来自 由`) {
		t.stop[w] = true
	}
	// common surnames: a short token of a surname + unit-like last char in a
	// person role is a name (李科, 张院), not a unit.
	for _, r := range `王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由陳黃趙吳孫馬鄭梁謝韓馮鄧蕭葉蘇魏呂盧姜崔鍾譚陸範賈夏韋龐顏聶嚴龔邵萬錢戴孔湯溫康施樊葛邢齊喬伍莊章魯岳翟殷詹歐耿關蘭焦俞左柳甘祝包寧尚符舒阮柯紀梅童淩畢單季裴霍塗成苗穀盛曲翁冉駱藍路遊辛靳管柴蒙鮑華喻祁蒲房滕屈饒解牟艾尤陽時穆農司卓古吉繆簡車項連蘆麥褚婁竇戚岑景黨宮費卜冷晏席衛米柏宗瞿桂全佟應臧閔苟鄔邊卞姬師` {
		t.surnames[r] = true
	}
	t.unitEnds = strings.Fields(`部 处 處 室 院 中心 办 辦 办公室 辦公室 学院 學院 系 委 团委 館 馆 科 所 局 厅 廳 会 會 站 队 隊 组 組 社 协会 支部 党支部 总支
		党委 委员会 研究院 研究所 实验室 医院 大学 學 学校 中学 小学 幼儿园 公司 集团 基地 平台 工作室 图书馆 报 网 台 刊 团 團 班 级 處室 校区 分会 联合会
		研究中心 工作组 办事处 课题组 项目组 教研室 教研组 年级 学部 书院 附中 附小 医学部 妇联 工会 团支部 党总支 学生会 记者团 编辑部 宣传部 新闻中心`)
	sort.SliceStable(t.unitEnds, func(i, j int) bool { return len(t.unitEnds[i]) > len(t.unitEnds[j]) })
	for _, w := range strings.Fields(`团委 校办 党办 院办 校团委 工会 妇联 校报 学工部 教务处 宣传部 组织部 人事处 财务处 保卫处 后勤处 科研处 学生处 招生办 就业办 秘書室 新闻中心 融媒体中心 新闻办 新闻网 党委宣传部 记者团 编辑部`) {
		t.unitWords[w] = true
	}
	for _, r := range `部室组組团團处處社站队隊科协協会會展赛賽大比作家机機节節课課班群网網中心所馆館工界圈类` {
		t.follow[r] = true
	}
	return t
})

// Token kinds of a scanned credit string.
type ctokKind uint8

const (
	ctText ctokKind = iota
	ctRole
	ctSep   // whitespace, 、，; | / : …
	ctOpen  // ( （ 【 [ 〔
	ctClose // ) ） 】 ] 〕
)

type ctok struct {
	kind   ctokKind
	role   roleMask
	suffix bool // role word that follows the names it credits
	sep    rune
	text   string
}

func crSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
		return true
	}
	return false
}

func crOpen(r rune) bool {
	switch r {
	case '(', '（', '【', '[', '〔', '［', '〖', '「':
		return true
	}
	return false
}

func crClose(r rune) bool {
	switch r {
	case ')', '）', '】', ']', '〕', '］', '〗', '」':
		return true
	}
	return false
}

// crRoleSep: an explicit separator right after a role word.
func crRoleSep(r rune) bool {
	switch r {
	case ':', '：', '/', '／', '︱', '|', '丨', '｜', '∣':
		return true
	}
	return false
}

func crSep(r rune) bool {
	if crSpace(r) || crRoleSep(r) {
		return true
	}
	switch r {
	case '、', '，', ',', ';', '；', '。', '.', '＆', '&', '﹑', '+', '"', '“', '”', '《', '》', '—', '─', '～', '~', '!', '！', '?', '？':
		return true
	}
	return false
}

// crSkipSpaces returns the first index ≥ i that is not a space rune.
func crSkipSpaces(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !crSpace(r) {
			break
		}
		i += n
	}
	return i
}

// crLastNonSpace returns the last rune of s[:i] that is not a space.
func crLastNonSpace(s string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !crSpace(r) {
			return r
		}
		i -= n
	}
	return -1
}

// matchRole tries to read a role word at s[i:]; it returns the word and
// whether it is used as a suffix. look allows one role word of lookahead.
func (t *creditTables) matchRole(s string, i int, r rune, look bool) (w roleWord, suffix, ok bool) {
	cands := t.roles[r]
	if cands == nil {
		return w, false, false
	}
	for _, c := range cands {
		if !strings.HasPrefix(s[i:], c.word) {
			continue
		}
		j := i + len(c.word)
		next := rune(-1)
		if j < len(s) {
			next, _ = utf8.DecodeRuneInString(s[j:])
		}
		k := crSkipSpaces(s, j)
		nextNS := rune(-1)
		if k < len(s) {
			nextNS, _ = utf8.DecodeRuneInString(s[k:])
		}
		explicit := nextNS != -1 && crRoleSep(nextNS)
		// "张三 摄", "药剂科供稿", "张三/文": a suffix role word ends the run.
		if c.suffix && !explicit {
			prev := crLastNonSpace(s, i)
			textPrev := prev != -1 && (crHan(prev) || unicode.IsLetter(prev))
			slashPrev := prev == '/' || prev == '／'
			if c.needSep {
				endLoose := next == -1 || crSpace(next) || crClose(next) || crSep(next)
				if endLoose && (slashPrev || textPrev && (c.word == "摄" || c.word == "攝")) {
					return c, true, true
				}
			} else if textPrev {
				endStrict := nextNS == -1 || crClose(nextNS) || crSep(nextNS)
				if !endStrict && look && k > j {
					if _, suf, ok := t.matchRole(s, k, nextNS, false); ok && !suf {
						endStrict = true // "…供稿  摄影/张三"
					}
				}
				if endStrict {
					return c, true, true
				}
			}
		}
		if c.needSep {
			if explicit {
				return c, false, true
			}
			continue
		}
		if next != -1 && t.follow[next] {
			continue
		}
		return c, false, true
	}
	return w, false, false
}

// scanCredit splits s into credit tokens.
func (t *creditTables) scanCredit(s string) []ctok {
	toks := make([]ctok, 0, 16)
	textStart := -1
	flush := func(i int) {
		if textStart >= 0 {
			toks = append(toks, ctok{kind: ctText, text: s[textStart:i]})
			textStart = -1
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case crOpen(r):
			flush(i)
			toks = append(toks, ctok{kind: ctOpen, sep: r})
		case crClose(r):
			flush(i)
			toks = append(toks, ctok{kind: ctClose, sep: r})
		case crSep(r):
			flush(i)
			toks = append(toks, ctok{kind: ctSep, sep: r})
		default:
			if w, suf, ok := t.matchRole(s, i, r, true); ok {
				flush(i)
				toks = append(toks, ctok{kind: ctRole, role: w.role, suffix: suf, text: w.word})
				i += len(w.word)
				continue
			}
			if textStart < 0 {
				textStart = i
			}
		}
		i += n
	}
	flush(len(s))
	return toks
}

func crHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// crNameDot reports the middle dots of transliterated names.
func crNameDot(r rune) bool { return r == '·' || r == '•' || r == '・' || r == '∙' || r == '‧' }

// personName reports whether s looks like a person's name: 2–4 Han
// characters, a dotted transliterated name, or (when loose) an ASCII login
// such as "HN666" or a "…管理员" account.
func (t *creditTables) personName(s string, loose bool) bool {
	if t.stop[s] {
		return false
	}
	n, han, dots, ascii := 0, 0, 0, 0
	letters := 0
	for _, r := range s {
		n++
		switch {
		case crHan(r):
			han++
		case crNameDot(r):
			dots++
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			ascii++
			letters++
		case r < 0x80 && (r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-'):
			ascii++
		default:
			return false
		}
	}
	switch {
	case han == n:
		if n >= 2 && n <= 4 {
			return true
		}
		return loose && n <= 6 && strings.HasSuffix(s, "管理员")
	case dots > 0 && ascii == 0:
		return han+dots == n && han >= 3 && n <= 16 && !crNameDot([]rune(s)[0]) && !crNameDot([]rune(s)[n-1])
	case ascii == n:
		return loose && letters > 0 && n >= 2 && n <= 24
	}
	return false
}

// unitName reports whether s looks like a unit (department) name.
// personCtx: s is credited in a person role, so a short surname-initial
// token is taken as a name.
func (t *creditTables) unitName(s string, personCtx bool) bool {
	if t.unitWords[s] {
		return true
	}
	n := utf8.RuneCountInString(s)
	if n < 3 || n > 30 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !crHan(first) && !(first < 0x80 && unicode.IsLetter(first)) {
		return false
	}
	for _, e := range t.unitEnds {
		if strings.HasSuffix(s, e) {
			if utf8.RuneCountInString(e) == 1 && n <= 3 && t.surnames[first] && (personCtx || n == 2) {
				return false // 李科, 张小院: a person
			}
			if n == utf8.RuneCountInString(e) {
				return false
			}
			return true
		}
	}
	return false
}

// creditParse is the result of parsing a credit string, with counts that let
// the callers judge how credit-like the string was.
type creditParse struct {
	b       Byline
	roles   int // role words seen
	unknown int // text runs that are neither names, units nor filler
	orphans int // names credited by no role word (default: authors)
	items   int // names + units found
}

func crAppendUnique(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

func crRemove(l []string, s string) []string {
	for i, x := range l {
		if x == s {
			if len(l) == 1 {
				return nil
			}
			return append(l[:i:i], l[i+1:]...)
		}
	}
	return l
}

func (p *creditParse) addName(name string, m roleMask) {
	if m&roleAuthor != 0 {
		p.b.Authors = crAppendUnique(p.b.Authors, name)
	}
	if m&roleCorrespondent != 0 {
		p.b.Correspondents = crAppendUnique(p.b.Correspondents, name)
	}
	if m&rolePhotographer != 0 {
		p.b.Photographers = crAppendUnique(p.b.Photographers, name)
	}
	if m&roleEditor != 0 {
		p.b.Editors = crAppendUnique(p.b.Editors, name)
	}
}

func (p *creditParse) addDept(d string) {
	switch {
	case p.b.Department == "":
		p.b.Department = d
	case p.b.Department == d || strings.Contains("、"+p.b.Department+"、", "、"+d+"、"):
	default:
		p.b.Department += "、" + d
	}
}

// crTrimFiller trims a trailing "等" and similar from a name run.
func crTrimFiller(s string) string {
	for _, suf := range []string{"等人", "等"} {
		if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s) > utf8.RuneCountInString(suf)+1 {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// parseCredit parses the credit tokens of s.
func (t *creditTables) parseCredit(s string) creditParse {
	var p creditParse
	toks := t.scanCredit(s)
	// Join names padded with spaces ("周 静", "欧 阳 修").
	joined := toks[:0:0]
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if tk.kind == ctText && crOneHan(tk.text) && !t.stop[tk.text] {
			for {
				j := i + 1
				for j < len(toks) && toks[j].kind == ctSep && crSpace(toks[j].sep) {
					j++
				}
				if j > i+1 && j < len(toks) && toks[j].kind == ctText && crOneHan(toks[j].text) && !t.stop[toks[j].text] &&
					utf8.RuneCountInString(tk.text) < 3 {
					tk.text += toks[j].text
					i = j
					continue
				}
				break
			}
		}
		joined = append(joined, tk)
	}
	toks = joined

	var cur roleMask
	explicitCur := false
	lastWasRole := false // only role words and "/"-like separators since the last role word
	type pend struct {
		name   string
		role   roleMask
		orphan bool
	}
	var pending []pend // names since the last role word, for suffix roles
	depth, base := 0, 0
	for _, tk := range toks {
		if tk.kind == ctSep {
			continue
		}
		if tk.kind == ctOpen {
			base = 1 // the whole credit is bracketed: "（记者 张三）"
		}
		break
	}
	for ti, tk := range toks {
		switch tk.kind {
		case ctOpen:
			depth++
			continue
		case ctClose:
			if depth > 0 {
				depth--
			}
			continue
		case ctSep:
			switch tk.sep {
			case '/', '／', '、', '&', '＆', '﹑':
			default:
				lastWasRole = false
			}
			continue
		case ctRole:
			p.roles++
			if tk.suffix {
				for _, pn := range pending {
					if tk.role&roleDept != 0 {
						if pn.orphan {
							p.orphans--
						}
						continue
					}
					if pn.orphan {
						p.orphans--
					}
					if pn.role&roleAuthor != 0 && tk.role&roleAuthor == 0 {
						// "新华社记者 张三 摄": the reporter took the photo
						p.b.Authors = crRemove(p.b.Authors, pn.name)
					}
					p.addName(pn.name, tk.role)
				}
				pending = pending[:0]
				cur, explicitCur, lastWasRole = 0, false, false
				continue
			}
			if lastWasRole {
				cur |= tk.role
			} else {
				cur = tk.role
			}
			explicitCur = true
			lastWasRole = true
			pending = pending[:0]
			continue
		}
		// text
		lastWasRole = false
		txt := crTrimFiller(tk.text)
		if cur == 0 && ti+1 < len(toks) && toks[ti+1].kind == ctRole && !toks[ti+1].suffix &&
			toks[ti+1].role&(roleEditor|roleDept|roleIgnore) == 0 {
			if last, _ := utf8.DecodeLastRuneInString(txt); strings.ContainsRune(mediaLast, last) {
				continue // a medium glued to a role: "新华社记者 张三", "半月谈记者"
			}
		}
		inner := depth > base // a parenthetical: "张三（学号1612869）"
		if inner && strings.ContainsAny(txt, "0123456789") {
			continue
		}
		if t.stop[txt] || strings.HasPrefix(txt, "发自") || strings.HasPrefix(txt, "發自") {
			continue
		}
		if cur&roleIgnore != 0 && explicitCur {
			continue
		}
		if cur&roleDept != 0 && explicitCur {
			if utf8.RuneCountInString(txt) <= 30 {
				p.addDept(txt)
				p.items++
			} else {
				p.unknown++
			}
			continue
		}
		personCtx := explicitCur && cur != 0
		if t.unitName(txt, personCtx) {
			p.addDept(txt)
			p.items++
			pending = append(pending, pend{name: txt, role: roleDept})
			continue
		}
		if t.personName(txt, explicitCur) {
			m := cur
			orphan := false
			if m == 0 {
				m = roleAuthor
				orphan = true
				p.orphans++
			}
			p.addName(txt, m)
			p.items++
			pending = append(pending, pend{name: txt, role: m, orphan: orphan})
			continue
		}
		if !inner {
			p.unknown++
		}
	}
	return p
}

func crOneHan(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && crHan(r)
}

// parseByline splits a credit string into a Byline; see the package notes in
// the brief for the forms handled. ok is false when nothing was found.
func parseByline(s string) (b Byline, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 2048 {
		return b, false // a credit is short
	}
	outlet, end, _ := crMatchOutlet(s)
	p := creditTab().parseCredit(s[end:])
	p.b.Outlet = outlet
	return p.b, !p.b.Empty()
}

// outletStopPrev: "讯" after these is an ordinary word (通讯, 喜讯 …).
const outletStopPrev = "通资简喜快短问审传电视音闻"

// mediaLast: the last character of a news medium's name ("新华社",
// "某某网", "某某报", "半月谈", "央视").
const mediaLast = "社网網报報台刊站谈談视視"

// outletLast: the last character of an outlet name before "讯" (武职网讯,
// 本报讯, 本站讯, 某某公司讯).
const outletLast = "网網报報站社台刊号號司院校部局心处處馆館厅廳委端"

// crMatchOutlet reads a news outlet at the start of p ("武职网讯", "本报讯",
// "新华社北京12月9日电", "长江网10月4日讯") and returns the outlet name and
// the byte offset just after it.
func crMatchOutlet(p string) (outlet string, end int, ok bool) {
	i := crSkipSpaces(p, 0)
	start := i
	runes := 0
	for i < len(p) && runes < 24 {
		r, n := utf8.DecodeRuneInString(p[i:])
		if r == '讯' || r == '电' || r == '訊' || r == '電' {
			pre := p[start:i]
			j := i + n
			next := rune(-1)
			if j < len(p) {
				next, _ = utf8.DecodeRuneInString(p[j:])
			}
			if pre != "" && (next == -1 || crOpen(next) || crSpace(next) || next == '：' || next == ':' || next == '，' || next == ',' || next == '　' || next == '】' || next == '|' || next == '丨') {
				if o, ok := crOutletName(pre, p[start:j], r); ok {
					return o, j, true
				}
			}
			return "", 0, false
		}
		if !(crHan(r) || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '·') {
			return "", 0, false
		}
		i += n
		runes++
	}
	return "", 0, false
}

// crOutletName decides whether pre+mark (mark is 讯 or 电) names an outlet.
func crOutletName(pre, whole string, mark rune) (string, bool) {
	last, _ := utf8.DecodeLastRuneInString(pre)
	// a date before the mark: "长江网10月4日讯", "新华社北京12月9日电"
	if strings.HasSuffix(pre, "日") {
		k := strings.LastIndex(pre, "月")
		if k > 0 {
			j := k
			for j > 0 && pre[j-1] >= '0' && pre[j-1] <= '9' {
				j--
			}
			if j < k {
				// optional year: "2024年"
				head := pre[:j]
				if y := strings.LastIndex(head, "年"); y >= 4 && y == len(head)-len("年") {
					yy := y
					for yy > 0 && head[yy-1] >= '0' && head[yy-1] <= '9' {
						yy--
					}
					if y-yy == 4 {
						head = head[:yy]
					}
				}
				if head == "" {
					return "", false
				}
				return crCutPlace(head), true
			}
		}
	}
	if mark == '电' || mark == '電' {
		if strings.HasSuffix(pre, "社") || strings.HasSuffix(pre, "网") || strings.HasSuffix(pre, "报") {
			return pre, true
		}
		return "", false
	}
	if utf8.RuneCountInString(pre) < 2 || strings.ContainsRune(outletStopPrev, last) || !strings.ContainsRune(outletLast, last) {
		return "", false
	}
	return whole, true
}

// crCutPlace drops a place name after the outlet: "新华社北京" → "新华社",
// "本报北京" → "本报".
func crCutPlace(s string) string {
	rs := []rune(s)
	for i := len(rs) - 1; i >= 1; i-- {
		switch rs[i] {
		case '社', '报', '網', '网', '台', '站', '刊', '報':
			rest := len(rs) - 1 - i
			if rest == 0 || rest >= 2 && rest <= 4 {
				return string(rs[:i+1])
			}
		}
	}
	return s
}

// leadingCredit finds a credit at the start of a body paragraph: an outlet
// ("武职网讯", "新华社北京12月9日电") optionally followed by a bracketed
// credit, or a bracketed credit alone ("（通讯员 张三）…"). n is the byte
// length of the credit prefix.
func leadingCredit(p string) (b Byline, n int, ok bool) {
	t := creditTab()
	outlet, end, hasOutlet := crMatchOutlet(p)
	i := end
	if hasOutlet {
		b.Outlet = outlet
		n = end
		i = crSkipSpaces(p, end)
	} else {
		i = crSkipSpaces(p, 0)
	}
	r, size := utf8.DecodeRuneInString(p[i:])
	if i < len(p) && crOpen(r) {
		if close := crMatchingClose(p, i); close > 0 {
			inner := p[i+size : close]
			cp := t.parseCredit(inner)
			cs := close + crRuneLen(p, close)
			if cp.unknown == 0 && cp.items > 0 && (hasOutlet || cp.roles > 0 && cp.orphans == 0) {
				mergeByline(&b, cp.b)
				return b, cs, true
			}
		}
	}
	if hasOutlet {
		return b, n, true
	}
	return Byline{}, 0, false
}

func crRuneLen(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// crMatchingClose returns the index of the bracket closing the one at open,
// looking at most 80 runes ahead; -1 when there is none.
func crMatchingClose(s string, open int) int {
	depth := 0
	runes := 0
	for i := open; i < len(s) && runes < 80; {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case crOpen(r):
			depth++
		case crClose(r):
			depth--
			if depth == 0 {
				return i
			}
		case r == '。' || r == '\n':
			return -1
		}
		i += n
		runes++
	}
	return -1
}

// creditLine reports whether a whole short line is only a credit or a
// metadata line ("责任编辑：王五", "（摄影：王五 编辑：赵六）", "供稿：教务处",
// "发布时间：2021-07-06"), returning its credits.
func creditLine(p string) (b Byline, ok bool) {
	s := strings.TrimSpace(p)
	if s == "" || utf8.RuneCountInString(s) > 80 {
		return b, false
	}
	t := creditTab()
	outlet, end, _ := crMatchOutlet(s)
	cp := t.parseCredit(s[end:])
	if cp.unknown == 0 && cp.orphans == 0 && cp.roles > 0 {
		cp.b.Outlet = outlet
		return cp.b, true
	}
	if m, ok := parseMetaStrict(s); ok {
		return m.Byline, true
	}
	return Byline{}, false
}

// mergeByline adds src's fields into dst without duplicating names.
func mergeByline(dst *Byline, src Byline) {
	if dst.Outlet == "" {
		dst.Outlet = src.Outlet
	}
	switch {
	case src.Department == "":
	case dst.Department == "":
		dst.Department = src.Department
	case strings.Contains(src.Department, dst.Department):
		dst.Department = src.Department // the fuller form: "党支部" → "党支部、药剂科"
	}
	for _, n := range src.Authors {
		dst.Authors = crAppendUnique(dst.Authors, n)
	}
	for _, n := range src.Correspondents {
		dst.Correspondents = crAppendUnique(dst.Correspondents, n)
	}
	for _, n := range src.Photographers {
		dst.Photographers = crAppendUnique(dst.Photographers, n)
	}
	for _, n := range src.Editors {
		dst.Editors = crAppendUnique(dst.Editors, n)
	}
}
