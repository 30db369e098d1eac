package web

import (
	"container/list"
	"sync"
)

// cache keeps the most recently used results by key. The index does not
// change while it is served (bleve lets one process open it), so a result
// stays right as long as the server runs. Values are shared: callers must
// not change them.
type cache struct {
	mu    sync.Mutex
	max   int
	order *list.List // front: most recent; values *entry
	byKey map[string]*list.Element
}

type entry struct {
	key string
	val any
}

func newCache(max int) *cache {
	if max < 0 {
		max = 0
	}
	return &cache{max: max, order: list.New(), byKey: map[string]*list.Element{}}
}

func (c *cache) get(key string) (any, bool) {
	if c.max == 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry).val, true
}

func (c *cache) put(key string, val any) {
	if c.max == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		e.Value.(*entry).val = val
		c.order.MoveToFront(e)
		return
	}
	c.byKey[key] = c.order.PushFront(&entry{key: key, val: val})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*entry).key)
	}
}
