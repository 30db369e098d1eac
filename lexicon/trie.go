package lexicon

import (
	"sort"
	"unicode/utf8"
)

// trie maps strings to int32 values and finds every key that starts at a
// position of a text. The root's children are in a map (most positions of
// a text start no key, so that lookup is the hot path); deeper nodes keep
// a few sorted edges.
type trie struct {
	root  map[rune]int32
	nodes []tnode // nodes[0] is the root; its edges are in root
}

type tnode struct {
	edges []tedge
	val   int32 // -1: no key ends here
}

type tedge struct {
	r    rune
	next int32
}

func newTrie() *trie {
	return &trie{root: make(map[rune]int32), nodes: []tnode{{val: -1}}}
}

func (t *trie) child(n int32, r rune) int32 {
	if n == 0 {
		if c, ok := t.root[r]; ok {
			return c
		}
		return -1
	}
	e := t.nodes[n].edges
	if len(e) <= 8 {
		for _, x := range e {
			if x.r == r {
				return x.next
			}
		}
		return -1
	}
	k := sort.Search(len(e), func(i int) bool { return e[i].r >= r })
	if k < len(e) && e[k].r == r {
		return e[k].next
	}
	return -1
}

// put sets key's value and returns the previous one (-1 if none).
func (t *trie) put(key string, v int32) int32 {
	n := int32(0)
	for _, r := range key {
		c := t.child(n, r)
		if c < 0 {
			c = int32(len(t.nodes))
			t.nodes = append(t.nodes, tnode{val: -1})
			if n == 0 {
				t.root[r] = c
			} else {
				e := t.nodes[n].edges
				k := sort.Search(len(e), func(i int) bool { return e[i].r >= r })
				e = append(e, tedge{})
				copy(e[k+1:], e[k:])
				e[k] = tedge{r: r, next: c}
				t.nodes[n].edges = e
			}
		}
		n = c
	}
	old := t.nodes[n].val
	t.nodes[n].val = v
	return old
}

func (t *trie) get(key string) int32 {
	n := int32(0)
	for _, r := range key {
		if n = t.child(n, r); n < 0 {
			return -1
		}
	}
	return t.nodes[n].val
}

// each calls fn for every key that starts at s[i:], shortest first, with
// the byte offset where the key ends; it stops when fn returns false.
func (t *trie) each(s string, i int, fn func(end int, v int32) bool) {
	n := int32(0)
	for j := i; j < len(s); {
		r, size := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[j:])
		}
		if n = t.child(n, r); n < 0 {
			return
		}
		j += size
		if v := t.nodes[n].val; v >= 0 && !fn(j, v) {
			return
		}
	}
}

// longest returns the end of the longest key at s[i:] whose value passes
// ok (nil: any), and that value; end is -1 if there is none.
func (t *trie) longest(s string, i int, ok func(v int32) bool) (end int, v int32) {
	end, v = -1, -1
	t.each(s, i, func(e int, x int32) bool {
		if ok == nil || ok(x) {
			end, v = e, x
		}
		return true
	})
	return end, v
}
