package application

// Decision is what the published selection decided for an application.
type Decision string

// The decisions: selected, on the waitlist (in rank order), or not selected.
const (
	Selected    Decision = "selected"
	Waitlisted  Decision = "waitlisted"
	NotSelected Decision = "not_selected"
)

// Decisions lists them in order.
var Decisions = []Decision{Selected, Waitlisted, NotSelected}
