package outbox

// Filter selects messages for the admin page. Zero fields select everything.
type Filter struct {
	Status    Status // pending, sent or failed
	Kind      string // exact kind
	Recipient string // a substring of the recipient's address, number or name, any case
	Limit     int    // at most this many (default 50, at most 500)
	Offset    int    // skip this many, for paging
}

// PageLimit returns the number of messages a page of f holds: Limit within sane bounds.
func (f Filter) PageLimit() int {
	switch {
	case f.Limit <= 0:
		return 50
	case f.Limit > 500:
		return 500
	}
	return f.Limit
}

// Counts is how many messages are in each status, for the admin page's tabs.
type Counts struct {
	Pending, Sent, Failed int
}

// Total is the number of messages counted.
func (c Counts) Total() int { return c.Pending + c.Sent + c.Failed }
