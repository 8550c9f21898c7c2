package webkit

import (
	"net/http"
	"net/url"
	"strconv"
)

// Pager splits a long list into pages of Size, read from and written to ?page=N.
type Pager struct {
	Page  int
	Size  int
	Total int
	Prev  string // link to the previous page, "" on the first
	Next  string // link to the next page, "" on the last
}

// NewPager reads the page number of a list.
func NewPager(r *http.Request, size int) Pager {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 {
		n = 1
	}
	return Pager{Page: n, Size: size}
}

// Offset is the number of rows before this page.
func (p Pager) Offset() int { return (p.Page - 1) * p.Size }

// Pages is the number of pages.
func (p Pager) Pages() int {
	if p.Total == 0 {
		return 1
	}
	return (p.Total + p.Size - 1) / p.Size
}

// WithTotal sets the number of rows and the links to the neighbouring pages.
func (p Pager) WithTotal(total int, u *url.URL) Pager {
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
