// Command loadtest measures a running zhnews serve under concurrent load:
// it sends search requests with facets (a list of queries and filters
// people run on school news, in turn) from N connections for a while and
// prints the count, errors and latency percentiles.
//
//	go run ./internal/loadtest -url http://127.0.0.1:8080 -c 64 -d 30s [-unique]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"
)

var queries = []string{"签约", "合作协议", "人工智能", "校企合作", "党委书记", "研究生", "招生", "实习基地", "产业学院", "校长",
	"学术报告", "国际交流", "揭牌", "图书馆", "志愿服务", "创新创业", "教师节", "毕业典礼", "科研项目", "乡村振兴",
	`"合作协议"`, "南开大学", "学院 会议", "+签署 +协议", "实验室", "座谈会", "奖学金", "留学生", "", "学生"}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server")
	conns := flag.Int("c", 64, "concurrent connections")
	dur := flag.Duration("d", 30*time.Second, "how long")
	unique := flag.Bool("unique", false, "make every request different (a date filter per request), so no answer comes from the server's cache")
	flag.Parse()
	tr := &http.Transport{MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), *dur)
	defer cancel()
	var (
		mu   sync.Mutex
		lat  []time.Duration
		errs int
		wg   sync.WaitGroup
	)
	for c := range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i += *conns {
				q := url.Values{"q": {queries[i%len(queries)]}, "page": {fmt.Sprint(1 + i/len(queries)%3)}}
				if *unique {
					// A different lower date bound each time: 2000-01-01 plus i days.
					q.Set("from", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%8000).Format("2006-01-02"))
					q.Set("page", "1")
				}
				start := time.Now()
				resp, err := client.Get(*base + "/api/search?" + q.Encode())
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(start)
				if ctx.Err() != nil {
					return
				}
				mu.Lock()
				if ok {
					lat = append(lat, d)
				} else {
					errs++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(lat) == 0 {
		fmt.Fprintln(os.Stderr, "loadtest: no successful request")
		os.Exit(1)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(float64(len(lat))*p))] }
	fmt.Printf("%d requests in %s (%.0f/s), %d errors; latency p50 %s p90 %s p99 %s max %s\n",
		len(lat), *dur, float64(len(lat))/dur.Seconds(), errs, pct(0.50), pct(0.90), pct(0.99), lat[len(lat)-1])
}
