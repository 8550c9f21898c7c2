package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// pager splits a long list into pages of Size, read from and written to ?page=N.
type pager struct {
	Page  int
	Size  int
	Total int
	Prev  string // link to the previous page, "" on the first
	Next  string // link to the next page, "" on the last
}

func newPager(r *http.Request, size int) pager {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 {
		n = 1
	}
	return pager{Page: n, Size: size}
}

// Offset is the number of rows before this page.
func (p pager) Offset() int { return (p.Page - 1) * p.Size }

// Pages is the number of pages.
func (p pager) Pages() int {
	if p.Total == 0 {
		return 1
	}
	return (p.Total + p.Size - 1) / p.Size
}

func (p pager) withTotal(total int, u *url.URL) pager {
	p.Total = total
	link := func(page int) string {
		q := u.Query()
		q.Set("page", strconv.Itoa(page))
		return u.Path + "?" + q.Encode()
	}
	if p.Page > 1 {
		p.Prev = link(p.Page - 1)
	}
	if p.Page < p.Pages() {
		p.Next = link(p.Page + 1)
	}
	return p
}
