package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/andybalholm/cascadia"
)

// Rules maps sites to CSS selectors that override the extraction
// heuristics. Load them with [ParseRules].
//
// The file format is JSON:
//
//	{"sites": [
//	  {"match": "news.example.edu.cn",
//	   "title": "h1.arti_title", "published": ".arti_update",
//	   "publisher": ".arti_publisher", "body": ".wp_articlecontent",
//	   "drop": [".share", "#pager"]}
//	]}
//
// "match" is a host ("news.example.edu.cn", or "*.example.edu.cn" for
// every subdomain) or a URL pattern with * wildcards
// ("www.example.edu.cn/info/*"); the scheme is ignored. Pages without a
// known URL are matched by their path. The first matching site wins. Every
// selector is optional; a selector that matches nothing on a page falls
// back to the heuristics for that field.
type Rules struct {
	Sites []*Rule `json:"sites"`
}

// Rule holds the selectors for one site.
type Rule struct {
	Match     string   `json:"match"`
	Title     string   `json:"title,omitempty"`
	Published string   `json:"published,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	Body      string   `json:"body,omitempty"`
	Drop      []string `json:"drop,omitempty"`
}

// ParseRules reads a rules file and checks every pattern and selector.
func ParseRules(r io.Reader) (*Rules, error) {
	var rs Rules
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rs); err != nil {
		return nil, fmt.Errorf("parse rules: %w", err)
	}
	for i, s := range rs.Sites {
		if s == nil || strings.TrimSpace(s.Match) == "" {
			return nil, fmt.Errorf("parse rules: site %d: empty \"match\"", i+1)
		}
		sels := append([]string{s.Title, s.Published, s.Publisher, s.Body}, s.Drop...)
		for _, sel := range sels {
			if sel == "" {
				continue
			}
			if _, err := cascadia.ParseGroup(sel); err != nil {
				return nil, fmt.Errorf("parse rules: site %q: selector %q: %w", s.Match, sel, err)
			}
		}
	}
	return &rs, nil
}

// match returns the first rule for a page's URL (or path), or nil.
func (rs *Rules) match(pageURL, path string) *Rule {
	if rs == nil {
		return nil
	}
	target := strings.ToLower(path)
	host := ""
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
			host = strings.ToLower(u.Hostname())
			target = host + u.EscapedPath()
			if u.RawQuery != "" {
				target += "?" + u.RawQuery
			}
		}
	}
	for _, r := range rs.Sites {
		m := strings.ToLower(strings.TrimSpace(r.Match))
		m = strings.TrimPrefix(strings.TrimPrefix(m, "https://"), "http://")
		if !strings.Contains(m, "/") {
			if host != "" && (host == m || (strings.HasPrefix(m, "*.") && strings.HasSuffix(host, m[1:]))) {
				return r
			}
			if host == "" && wildcard(m, target) {
				return r
			}
			continue
		}
		if wildcard(m, target) {
			return r
		}
	}
	return nil
}

// wildcard reports whether s matches pattern, where * matches any run of
// characters (including /).
func wildcard(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}
