package timex

import "sync"

// worldHolidays are the Jewish, Islamic and Hindu holidays (and Vesak),
// computed from their calendars (calendars.go). Each name is read only as a
// whole word; the entries marked inst only with Options.Instants, being
// words that news text uses for something else too (禁食日, 权力之夜,
// 圣母节) or that are named after another festival as well (光明节 is
// Hanukkah for the suites and Diwali for some writers).
var worldHolidays = [...]hday{
	// Hebrew calendar: the day itself; with Instants the eve (a Jewish day
	// begins at sundown), as the suites give it
	{names: "犹太新年|猶太新年|犹太教新年|猶太教新年|罗什哈沙纳|羅什哈沙納", kind: hHebrew, a: tishrei, b: 1},
	{names: "赎罪日|贖罪日|赎罪节|贖罪節", kind: hHebrew, a: tishrei, b: 10},
	{names: "住棚节|住棚節|结茅节|結茅節|帐棚节|帳棚節", kind: hHebrew, a: tishrei, b: 15},
	{names: "圣会节|聖會節|聖会節|圣會节|圣会節|聖會节", kind: hHebrew, a: tishrei, b: 22, inst: true},
	{names: "西赫托拉节|西赫托拉節|西赫妥拉节|西赫妥拉節|欢庆圣法节|歡慶聖法節|律法节|律法節", kind: hHebrew, a: tishrei, b: 23},
	{names: "诵经节|誦經節|誦經节|诵经節|转经节|轉經節|转经節|轉經节", kind: hHebrew, a: tishrei, b: 23, inst: true},
	{names: "哈努卡节|哈努卡節|光明节|光明節|修殿节|修殿節|献殿节|獻殿節|獻殿节|献殿節|烛光节|燭光節|馬加比節|马加比节", kind: hHebrew, a: kislev, b: 25, inst: true},
	{names: "犹太植树节|猶太植樹節|图比舍巴特节|圖比舍巴特節|树木新年|樹木新年", kind: hHebrew, a: shevat, b: 15},
	{names: "普珥节|普珥節|普林节|普林節", kind: hHebrew, a: adar, b: 14},
	{names: "逾越节|逾越節|除酵节|除酵節", kind: hHebrew, a: nisan, b: 15},
	{names: "以色列独立日|以色列獨立日|以色列国庆节|以色列國慶節|以色列国庆日|以色列國慶日", kind: hHebrew, a: iyar, b: 5},
	{names: "犹太教篝火节|猶太教篝火節|拉格巴欧麦尔节", kind: hHebrew, a: iyar, b: 18},
	{names: "篝火节|篝火節", kind: hHebrew, a: iyar, b: 18, inst: true},
	{names: "沙夫幼特节|沙夫幼特節|犹太五旬节|猶太五旬節", kind: hHebrew, a: sivan, b: 6},
	{names: "七七节|七七節|週日節|周日节|收获节|收穫節|收獲節|新果实节|新果實節", kind: hHebrew, a: sivan, b: 6, inst: true},
	{names: "圣殿被毁日|聖殿被毁日|聖殿被毀日|圣殿被毁纪念日", kind: hHebrew, a: av, b: 9},
	{names: "禁食日", kind: hHebrew, a: av, b: 9, inst: true},

	// Islamic calendar
	{names: "开斋节|開齋節|开斋節|開齋节|肉孜节|肉孜節|尔代节|爾代節", kind: hHijri, a: 10, b: 1},
	{names: "古尔邦节|古爾邦節|古尔邦節|古爾邦节|宰牲节|宰牲節", kind: hHijri, a: 12, b: 10},
	{names: "忠孝节|忠孝節", kind: hHijri, a: 12, b: 10, inst: true},
	{names: "斋月|齋月|穆斯林斋月|穆斯林齋月|莱麦丹月|賴買丹月|赖买丹月", kind: hHijri, a: 9, b: 1, inst: true},
	{names: "伊斯兰新年|伊斯兰教新年|伊斯兰历新年|伊斯蘭新年|伊斯蘭教新年|伊斯蘭曆新年|伊斯蘭历新年|回历新年|回曆新年", kind: hHijri, a: 1, b: 1},
	{names: "阿舒拉节|阿舒拉節|阿舒拉日", kind: hHijri, a: 1, b: 10},
	{names: "登霄节|登霄節|夜行登霄节|夜行登霄節", kind: hHijri, a: 7, b: 27},
	{names: "法令之夜|权力之夜|權力之夜|盖德尔夜|蓋德爾夜", kind: hHijri, a: 9, b: 27, inst: true},
	{names: "圣纪节|聖紀節|圣纪節|聖紀节", kind: hHijri, a: 3, b: 12},

	// Hindu lunisolar calendar (amanta months, 1 = Chaitra)
	{names: "排灯节|排燈節|万灯节|萬燈節|印度灯节|印度燈節|屠妖节|屠妖節", kind: hHindu, a: 7, b: 30},
	{names: "克哈特普迦节|克哈特普迦節", kind: hHindu, a: 7, b: 30, c: 6}, // six days after Diwali
	{names: "侯丽节|侯麗節|荷丽节|荷麗節|荷麗节|洒红节|灑紅節|灑紅节|胡里节|胡里節|好利节|好利節|霍利节|霍利節", kind: hHindu, a: 12, b: 15},
	{names: "欢悦节|歡悅節|五彩节|五彩節", kind: hHindu, a: 12, b: 15, inst: true},
	{names: "印度兄妹节|印度兄妹節|拉克沙班丹节|拉克沙班丹節", kind: hHindu, a: 5, b: 15},
	{names: "九夜节|九夜節|难近母节|難近母節", kind: hHindu, a: 7, b: 1},
	{names: "十胜节|十勝節|十胜節|十勝节", kind: hHindu, a: 7, b: 1, c: 9}, // the tenth day of Navaratri
	{names: "凯旋节|凱旋節|圣母节|聖母節", kind: hHindu, a: 7, b: 1, c: 9, inst: true},
	{names: "卫塞节|衛塞節|威瑟节|威瑟節|比萨宝蕉节|比薩寶蕉節", kind: hHindu, a: 2, b: 15},
	// Thai Pongal: the sun enters sidereal Capricorn; the festival's third
	// and fourth days follow
	{names: "印度丰收节|印度豐收節|淡米尔丰收节|淡米爾豐收節|庞格尔节|龐格爾節", kind: hSidereal, a: 270},
	{names: "印度丰收节第三天|印度豐收節第三天|庞格尔节第三天|龐格爾節第三天", kind: hSidereal, a: 270, c: 1},
	{names: "印度丰收节第四天|印度豐收節第四天|庞格尔节第四天|龐格爾節第四天", kind: hSidereal, a: 270, c: 2},
}

// wordEnd reports whether a holiday name ending before i ends a word: not
// 光明节能 or 开斋节约.
func (s *scanner) wordEnd(i int) bool {
	return !inRune(s.at(i), "能约約省俭儉奏拍点點制製选選气氣")
}

// worldStart is the set of first characters of worldHolidays names not
// already in startSet: the scanner tries them only where a name matches.
var worldStart = sync.OnceValue(func() *[1024]uint64 {
	var b [1024]uint64
	for c, hs := range holidayIndex() {
		for _, hn := range hs {
			if holidays[hn.idx].world && !startRunes()[c] && c < 0x10000 {
				b[c>>6] |= 1 << (c & 63)
			}
		}
	}
	return &b
})

// worldAt reports whether a worldHolidays name starts at i.
func (s *scanner) worldAt(i int) bool {
	for _, hn := range holidayIndex()[s.r[i]] {
		if runesAt(s.r, i, hn.name) {
			return true
		}
	}
	return false
}
