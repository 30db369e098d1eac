package extract
import ("testing";"os";"strings"
"github.com/PuerkitoBio/goquery"
"golang.org/x/net/html")
func TestTmpLines(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("F"))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(string(b)))
	p := &page{doc: doc, root: doc.Get(0), stats: map[*html.Node]*nodeStat{}}
	p.body = doc.Find("body").Get(0)
	p.computeStats(p.body, false)
	c := p.contentNode()
	p.positions()
	tn, title := p.title(c)
	t.Logf("content %s %q %+v title %q", c.Data, classID(c), p.stats[c], title)
	for n := c; n != nil; n = n.Parent { t.Logf("  anc %s %q %+v score %.1f", n.Data, classID(n), p.stats[n], p.score(n, p.stats[n])) }
	var by Byline
	for _, l := range p.bodyLines(c, title, &by) { t.Logf("line %q", l) }
	_ = tn
}
