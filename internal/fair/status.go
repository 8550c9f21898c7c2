package fair

// Statuses lists the life of an edition in order.
var Statuses = []Status{Draft, CallOpen, InReview, SelectionPublished, Running, Closed, Reported}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return oneOf(s, Statuses) }

// transitions says where an edition may go from each status. The life runs forward one
// step at a time; the only ways back are those a council needs in practice: a call opened
// by mistake returns to draft, and a call closed too early is reopened (the deadline moves).
// A published selection is never taken back here: withdrawals and refills handle it.
var transitions = map[Status][]Status{
	Draft:              {CallOpen},
	CallOpen:           {InReview, Draft},
	InReview:           {SelectionPublished, CallOpen},
	SelectionPublished: {Running},
	Running:            {Closed},
	Closed:             {Reported},
	Reported:           nil,
}

// Next lists the statuses an edition in s may move to, forward first.
func (s Status) Next() []Status { return transitions[s] }

// CanMoveTo reports whether an edition in s may move to t.
func (s Status) CanMoveTo(t Status) bool { return oneOf(t, transitions[s]) }
