package webkit

import (
	"sync"
	"time"
)

// pageCache keeps rendered public pages in memory. Public pages are the same for every
// visitor, and a fair's visitors all open the same few pages at once; serving them from
// memory lets a small server hold that crowd. An entry is used only while the database
// has not changed in this process and for at most ttl, which bounds how stale a page can
// be when another process wrote.
type pageCache struct {
	mu         sync.RWMutex
	entries    map[string]cachedPage
	ttl        time.Duration
	maxEntries int
	generation func() uint64
	now        func() time.Time
}

type cachedPage struct {
	body       []byte
	generation uint64
	stored     time.Time
}

func newPageCache(ttl time.Duration, maxEntries int, generation func() uint64, now func() time.Time) *pageCache {
	return &pageCache{entries: map[string]cachedPage{}, ttl: ttl, maxEntries: maxEntries, generation: generation, now: now}
}

func (c *pageCache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.RLock()
	e, ok := c.entries[key]
	c.mu.RUnlock()
	if !ok || e.generation != c.generation() || c.now().Sub(e.stored) > c.ttl {
		return nil, false
	}
	return e.body, true
}

func (c *pageCache) put(key string, body []byte, generation uint64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.maxEntries {
		// Simple and bounded: start afresh rather than track recency.
		c.entries = make(map[string]cachedPage, c.maxEntries)
	}
	c.entries[key] = cachedPage{body: append([]byte(nil), body...), generation: generation, stored: c.now()}
}

// currentGeneration is the database's generation now (0 without a cache).
func (c *pageCache) currentGeneration() uint64 {
	if c == nil {
		return 0
	}
	return c.generation()
}
