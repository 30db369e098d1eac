package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is Debian's Chromium; the browser test is skipped without it.
const chromium = "/usr/bin/chromium"

// TestBrowser drives a real headless Chromium through the pages: it
// searches, opens the injected article and an organization, checks what
// is shown, and checks that no injected script ran while our own script
// (a separate file, allowed by the CSP) did.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no " + chromium + " (apt-get install chromium)")
	}
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	srv := httptest.NewServer(testServer(t, Options{}))
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	do := func(where string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	evalString := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	evalInt := func(expr string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	evalBool := func(expr string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	// pwned checks what the payloads would set.
	pwned := func(where string) {
		t.Helper()
		if evalBool(`window.pwned !== undefined`) || evalString(`document.title`) == "pwned" {
			t.Errorf("%s: an injected script ran (window.pwned %v, title %q)", where, evalBool(`window.pwned !== undefined`), evalString(`document.title`))
		}
	}

	// 1. Search from the home page.
	do("search", chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "安全"),
		chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.CSS(".hit h2 a")))
	summary, firstHit := text(".summary .count"), text(".hit h2 a")
	if hits := evalInt(`document.querySelectorAll(".hit").length`); hits != 1 || !strings.Contains(summary, "找到 1 篇") {
		t.Errorf("search: %d hits, summary %q", hits, summary)
	}
	if !strings.Contains(firstHit, "安全测试") || !strings.Contains(firstHit, alertScript) || !strings.Contains(firstHit, alertImg) {
		t.Errorf("the hit's title is not shown as text: %q", firstHit)
	}
	pwned("search page")

	// 2. Open the article: the payloads are text, the entities marked.
	do("open the article", chromedp.Click(chromedp.CSS(".hit h2 a")), chromedp.WaitVisible(chromedp.ID("body")))
	h1 := text("h1")
	body := evalString(`document.getElementById("body").textContent`)
	for _, p := range []string{alertScript, alertImg, scriptPayload, imgPayload} {
		if !strings.Contains(h1, p) {
			t.Errorf("title %q does not show %q as text", h1, p)
		}
		if !strings.Contains(body, p) {
			t.Errorf("body does not show %q as text: %q", p, body)
		}
	}
	if title := evalString(`document.title`); !strings.HasPrefix(title, "安全测试<script>") {
		t.Errorf("document title %q", title)
	}
	if imgs, scripts := evalInt(`document.querySelectorAll("img").length`), evalInt(`document.querySelectorAll("script").length`); imgs != 0 || scripts != 1 {
		t.Errorf("the page has %d <img> and %d <script> elements, want 0 and 1 (ours)", imgs, scripts)
	}
	if people, orgs := evalInt(`document.querySelectorAll("#body mark.person").length`), evalInt(`document.querySelectorAll("#body mark.org").length`); people != 1 || orgs != 2 {
		t.Errorf("marks: %d people, %d organizations; want 1 and 2", people, orgs)
	}
	pwned("article page")

	// Our script runs (a file, allowed by the CSP): the legend turns the
	// marks of people off.
	do("legend", chromedp.Click(chromedp.CSS(".legend .key.person")))
	if !evalBool(`document.getElementById("body").classList.contains("hide-person")`) {
		t.Error("app.js did not run: the legend did not hide the people")
	}

	// 3. The organization page, through the link of a mark.
	do("organization", chromedp.Click(chromedp.CSS(`#body mark.org a[href^="/orgs/%E6%B1%9F"]`)),
		chromedp.WaitVisible(chromedp.CSS(".timeline")))
	orgH1, timeline, aside := text("h1"), text(".timeline"), text(".entity-page aside")
	if events := evalInt(`document.querySelectorAll(".timeline .event").length`); orgH1 != "江城师范学院" || events != 3 {
		t.Errorf("organization page: h1 %q, %d events", orgH1, events)
	}
	for _, w := range []string{"2019-03-05", "长江软件有限公司", "校企合作协议", "2021-07-06", "江城市第一中学", "2024-01-02", "安全" + alertScript + "协议"} {
		if !strings.Contains(timeline, w) {
			t.Errorf("timeline lacks %q: %q", w, timeline)
		}
	}
	for _, w := range []string{"王建国", "校长", "陈红", "副校长"} {
		if !strings.Contains(aside, w) {
			t.Errorf("people of the organization lack %q", w)
		}
	}
	pwned("organization page")

	// 4. The page of the injected organization: its name is text.
	do("injected organization", chromedp.Navigate(srv.URL+"/orgs/"+url.PathEscape("恶意<b>机构</b>"+alertImg)),
		chromedp.WaitVisible(chromedp.CSS("h1")))
	if h := text("h1"); h != "恶意<b>机构</b>"+alertImg {
		t.Errorf("injected organization's name %q", h)
	}
	pwned("injected organization page")
}
