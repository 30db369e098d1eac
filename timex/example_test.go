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
	// 6月24日下午 2021-06-24  day afternoon [[0 7]]
	// 7月1日至3日 2021-07-01 2021-07-03 day  [[16 23]]
	// 昨天上午10点半 2021-07-05T10:30  minute morning [[28 36]]
}

// With Instants, expressions resolve to the instant they start at, as the
// time-parser test suites want; by default the value is at the grain
// written and spans counted from the reference are durations, no dates.
func ExampleFind_instants() {
	ref := time.Date(2021, 7, 6, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	text := "6月24日下午签约,7月上旬培训,去年9月起试行,未来7天有雨。"
	for _, inst := range []bool{false, true} {
		fmt.Println("instants", inst)
		for _, d := range timex.Find(text, timex.Options{Ref: ref, Instants: inst}) {
			fmt.Println(d.Text, d.Value, d.End, d.Grain)
		}
	}
	// Output:
	// instants false
	// 6月24日下午 2021-06-24  day
	// 7月上旬 2021-07  month
	// 去年9月 2020-09  month
	// instants true
	// 6月24日下午 2021-06-24T13:00  hour
	// 7月上旬 2021-07-01 2021-07-10 day
	// 去年9月起 2020-09-01T00:00:00 2021-07-06T09:00:00 second
	// 未来7天 2021-07-06T09:00:00 2021-07-13T09:00:00 second
}
