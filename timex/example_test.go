package timex_test

import (
	"fmt"
	"time"

	"github.com/zhnews/zhnews/timex"
)

func ExampleFind() {
	ref := time.Date(2021, 7, 6, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	text := "6月24日下午,学校与企业签约;7月1日至3日举办培训,昨天上午10点半闭幕。"
	for _, d := range timex.Find(text, timex.Options{Ref: ref}) {
		fmt.Println(d.Text, d.Value, d.End, d.Grain, d.PartOfDay, d.Mentions)
	}
	// Output:
	// 6月24日下午 2021-06-24T13:00  hour afternoon [[0 7]]
	// 7月1日至3日 2021-07-01 2021-07-03 day  [[16 23]]
	// 昨天上午10点半 2021-07-05T10:30  minute morning [[28 36]]
}
