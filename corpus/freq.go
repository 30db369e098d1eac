package corpus

import "sync"

// commonHan lists frequent Chinese characters: the most common simplified
// characters, words of school and campus news, and the traditional forms of
// those that differ. It serves only to score candidate decodings: a right
// decoding of Chinese text turns most of its ideographs into characters of
// this list, a wrong one (GBK bytes read as Big5 or the other way round,
// UTF-8 read as GBK) into rare characters, symbols and kana.
const commonHan = "" +
	// Frequent simplified characters.
	"的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴河参热局米围织害斗客纪采举杀攻苏密低朝诉止细愿值仍男破助育属坐帝限船职速刻乐否刚威状率独球般普怕弹苦创假久错承印晚兰试股预益阳微尼继送急血惊伤素药适波夜省初源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评宝座释景顾登货互付伯慢欧换闻危忙核暗姐介讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误汤伸乡牙" +
	// Campus news.
	"校园师生学院中小教育课程堂班级年同家长比赛获奖荣誉表彰举办行开展组织召会议讲座培训交流合作项目实践创新科技艺术体运动竞冠军优秀先进评选颁典礼仪式毕业招考试成绩校长书记主任委员党支部志愿服务社区文化节庆春健康心理阅读图馆验研究论发表期刊县厅系专建设改革报告讲强调指出要求推落实提升加质量水平能素综合特色品牌周星午晚参与席嘉宾领导专家授博硕奖助资捐赠基友谊祝纪念述精神承扬爱义青少儿童幼队团入誓巾旗歌唱舞蹈画览演目持观掌声热烈圆满功顺利束启幕闭讯者编辑审核源布浏次数击首页闻态公告通知届秋季冬夏届第届" +
	// Traditional forms.
	"這個們來為國說時後會對裡麼過發經頭動兩長現樣將與實點種話兒問機給幾業間東門當還進開關體電數學報馬張難車處總場師書員氣華見從無產軍萬別聽應義結論運導戰達議專設區際單據網劇觀爭讀飛歷視濟離雖壞興參熱圍織鬥紀採舉殺蘇訴細願錢職樂剛獨彈創錯蘭試預陽繼驚傷藥適險陸習勞財環歡獲雲遊龍層衝簡擔靜積餘檢協佔揮勝階審堅媽劉壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞討麗監臨響團轉語識極黃黨臉雙價質級標題證課獎榮譽類園資訓練講座組織術競賽選頒禮儀畢績記隊務縣廳係計劃線綜圖館驗傳統愛紅領畫覽節眾聲圓滿啟閉訊編輯來發佈瀏擊頁態屆週邊遠連遷遺違際陳陰隨隻雞靈韓順須顯類風鳥齊"

// hanSet is a bitset over the CJK Unified Ideographs block.
type hanSet [(hanHi - hanLo + 63) / 64]uint64

const (
	hanLo = 0x4E00
	hanHi = 0xA000
)

func (s *hanSet) has(r rune) bool {
	if r < hanLo || r >= hanHi {
		return false
	}
	i := r - hanLo
	return s[i/64]&(1<<(i%64)) != 0
}

// commonHanSet builds the set of [commonHan] on first use.
var commonHanSet = sync.OnceValue(func() *hanSet {
	var s hanSet
	for _, r := range commonHan {
		if r >= hanLo && r < hanHi {
			i := r - hanLo
			s[i/64] |= 1 << (i % 64)
		}
	}
	return &s
})
