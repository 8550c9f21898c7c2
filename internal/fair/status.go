package fair

// Statuses lists the life of an edition in order; Cancelled stands apart.
var Statuses = []Status{Draft, CallOpen, InReview, SelectionPublished, Running, Closed, Reported, Cancelled}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return oneOf(s, Statuses) }

// transitions says where an edition may go from each status. The life runs forward one
// step at a time; the only ways back are those a council needs in practice: a call opened
// by mistake returns to draft (before anyone could apply), and a call closed too early is
// reopened with a new deadline. A published selection is never taken back: withdrawals
// and refills handle it. An edition announced to the public is cancelled, never removed.
// Which workflow takes each step, and what it checks, is the editions feature's.
var transitions = map[Status][]Status{
	Draft:              {CallOpen},
	CallOpen:           {InReview, Draft, Cancelled},
	InReview:           {SelectionPublished, CallOpen, Cancelled},
	SelectionPublished: {Running, Cancelled},
	Running:            {Closed, Cancelled},
	Closed:             {Reported},
	Reported:           nil,
	Cancelled:          nil,
}

// Next lists the statuses an edition in s may move to, forward first.
func (s Status) Next() []Status { return transitions[s] }

// CanMoveTo reports whether an edition in s may move to t.
func (s Status) CanMoveTo(t Status) bool { return oneOf(t, transitions[s]) }

// Public reports whether an edition in s has a public page: every one but a draft.
func (s Status) Public() bool { return s != Draft }

// CallFrozen reports whether the call of an edition in s is read-only: once its selection
// is published (the quotas and criteria were used) or the edition is cancelled.
func (s Status) CallFrozen() bool {
	return oneOf(s, []Status{SelectionPublished, Running, Closed, Reported, Cancelled})
}
