package index

import (
	"reflect"
	"testing"
)

func TestStored(t *testing.T) {
	var c codec
	for _, a := range testArticles() {
		a.Parts = nil // not part of the contract JSON
		hit, doc, err := c.encode(a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.decode(hit, doc)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("%s: decoded %+v, want %+v", a.ID, got, a)
		}
		for _, body := range []bool{false, true} {
			h, err := c.head(hit, body)
			if err != nil {
				t.Fatalf("%s: head: %v", a.ID, err)
			}
			want := head{Title: a.Title, Published: a.Published, URL: a.Source.URL, Path: a.Source.Path}
			if body {
				want.Body = a.Body
			}
			if h != want {
				t.Errorf("%s: head(%v) = %+v, want %+v", a.ID, body, h, want)
			}
		}
	}
	for _, bad := range []string{"", "\x00abc", "\x01", "\x01\xff\xfe"} {
		if _, err := c.decode(bad, bad); err == nil {
			t.Errorf("decode(%q): no error", bad)
		}
		if _, err := c.head(bad, true); err == nil {
			t.Errorf("head(%q): no error", bad)
		}
	}
}

// FuzzStored checks that a stored value, however damaged, decodes to an
// error or an article, never a panic.
func FuzzStored(f *testing.F) {
	var c codec
	for _, a := range testArticles() {
		hit, doc, err := c.encode(a)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(hit, doc)
	}
	f.Fuzz(func(t *testing.T, hit, doc string) {
		_, _ = c.decode(hit, doc)
		_, _ = c.head(hit, true)
	})
}
