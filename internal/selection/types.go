package selection

import (
	"strconv"
)

// FormatVersion is the version of the JSON contract (problem and result)
// implemented by this package. It is written in every result as "version".
// A problem may state "version": 1; any other value is rejected.
const FormatVersion = 1

// Score is an exact score in hundredths (71.25 is Score(7125)).
// In JSON it is a number with at most two decimals; on output it is always
// written with exactly two decimals (12345.67, 64.00, -0.50).
type Score int64

// MaxAbsScore bounds the absolute value of a candidate score:
// 1,000,000.00 in hundredths. Larger scores are rejected as malformed.
const MaxAbsScore Score = 100_000_000

// String formats s with exactly two decimals.
func (s Score) String() string {
	neg := s < 0
	u := int64(s)
	if neg {
		u = -u
	}
	b := strconv.AppendInt(nil, u/100, 10)
	b = append(b, '.', byte('0'+u%100/10), byte('0'+u%10))
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// MarshalJSON writes s as a JSON number with exactly two decimals.
func (s Score) MarshalJSON() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalJSON reads a JSON number with at most two decimals, exactly.
func (s *Score) UnmarshalJSON(b []byte) error {
	v, err := ParseScore(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Problem is a selection problem. See the package documentation for the
// JSON form and the meaning of each field.
type Problem struct {
	// Version of the contract, 0 (absent) or FormatVersion.
	Version int
	// Seats is the maximum number of candidates selected (>= 0).
	Seats int
	// Candidates, in any order (the result does not depend on it).
	Candidates []Candidate
	// Quotas, in the order given; results refer to quotas by index.
	Quotas []Quota
	// Pins force candidates in or out (with a written justification).
	Pins []Pin
}

// Candidate is one applicant.
type Candidate struct {
	ID    string
	Score Score
	// Attrs maps attribute names to one value each (e.g. "province": "231").
	Attrs map[string]string
	// Flags are free strings (e.g. "women_led").
	Flags []string
}

// Quota bounds the number of selected candidates in a group: either the
// candidates whose attribute Attr equals Value ("*" = separately for every
// value of Attr occurring among the candidates), or those carrying Flag.
type Quota struct {
	Attr  string
	Value string
	Flag  string
	Min   *int // nil: no minimum
	Max   *int // nil: no maximum
}

// PinSide says whether a pin forces a candidate in or out.
type PinSide string

// Pin sides.
const (
	PinIn  PinSide = "in"
	PinOut PinSide = "out"
)

// Pin forces candidate ID in (selected whatever its score) or out (never
// selected), with a written justification that is echoed in its reason.
type Pin struct {
	ID            string
	Side          PinSide
	Justification string
}

// Status of a result.
type Status string

// Result statuses.
const (
	// StatusOptimal: the selection is proven optimal (no feasible selection
	// has more candidates, or as many with a higher total score) and is the
	// one chosen by the documented tie-break rule.
	StatusOptimal Status = "optimal"
	// StatusInfeasible: no selection satisfies every quota and pin; the
	// result names a conflicting set and, if possible, a relaxed selection.
	StatusInfeasible Status = "infeasible"
	// StatusLimit: the search limit (Options.NodeLimit) was reached before
	// optimality or infeasibility was proven. Nothing is claimed; the
	// selection lists are empty.
	StatusLimit Status = "limit"
)

// Result is the outcome of Solve. Its JSON form is the public contract.
type Result struct {
	Version    int               `json:"version"`
	Status     Status            `json:"status"`
	Selected   []string          `json:"selected"`
	Count      int               `json:"count"`
	TotalScore Score             `json:"total_score"`
	Waitlist   []string          `json:"waitlist"`
	Reasons    map[string]Reason `json:"reasons"`
	// Conflict (infeasible only): an irreducible set of constraints that
	// cannot be satisfied together.
	Conflict []ConstraintRef `json:"conflict,omitempty"`
	// Relaxed (infeasible only): the best selection after relaxing the
	// fewest minimums; absent when no relaxation of minimums is feasible
	// (a conflict between pins, maximums and seats) or the relaxation search
	// hit its limit (then RelaxedNote says so).
	Relaxed     *Relaxed `json:"relaxed,omitempty"`
	RelaxedNote string   `json:"relaxed_note,omitempty"`
}

// Relaxed is the selection obtained after dropping some minimums.
type Relaxed struct {
	RelaxedMinimums []ConstraintRef   `json:"relaxed_minimums"`
	Selected        []string          `json:"selected"`
	Count           int               `json:"count"`
	TotalScore      Score             `json:"total_score"`
	Waitlist        []string          `json:"waitlist"`
	Reasons         map[string]Reason `json:"reasons"`
}

// Constraint kinds used in ConstraintRef.Kind.
const (
	KindSeats    = "seats"
	KindQuotaMin = "quota_min"
	KindQuotaMax = "quota_max"
	KindPinIn    = "pin_in"
	KindPinOut   = "pin_out"
)

// ConstraintRef names one constraint: the seat limit, one side of one quota
// group (for a "*" quota, Value is the attribute value of the group), or a
// pin.
type ConstraintRef struct {
	Kind  string `json:"kind"`
	Quota *int   `json:"quota,omitempty"` // index in the problem's quotas
	Attr  string `json:"attr,omitempty"`
	Value string `json:"value,omitempty"`
	Flag  string `json:"flag,omitempty"`
	Limit *int   `json:"limit,omitempty"` // the min, max or seats value
	ID    string `json:"id,omitempty"`    // pinned candidate
}

// Decisions used in Reason.Decision.
const (
	DecisionSelected   = "selected"
	DecisionWaitlisted = "waitlisted"
	DecisionExcluded   = "excluded"
	// DecisionUndecided is used when the status is infeasible or limit:
	// there is no selection to refer to.
	DecisionUndecided = "undecided"
)

// Reason codes. Every candidate gets exactly one. See the package
// documentation for the exact meaning and details of each.
const (
	CodeSelected         = "selected"
	CodeSelectedQuotaMin = "selected_quota_min"
	CodeSelectedPinned   = "selected_pinned"
	CodeAttrMax          = "attr_max"
	CodeFlagMax          = "flag_max"
	CodeScoreBelowCutoff = "score_below_cutoff"
	CodeTieBreak         = "tie_break"
	CodeHeldByQuotaMin   = "held_by_quota_min"
	CodeDisplacedByPin   = "displaced_by_pin"
	CodePinnedOut        = "pinned_out"
	CodeInfeasible       = "infeasible"
	CodeLimit            = "limit"
)

// Reason explains the decision about one candidate.
type Reason struct {
	Decision string  `json:"decision"`
	Code     string  `json:"code"`
	Detail   *Detail `json:"detail,omitempty"`
}

// Detail carries the machine-readable facts behind a reason code. Only the
// fields relevant to the code are present.
type Detail struct {
	Score *Score `json:"score,omitempty"` // the candidate's own score
	// Quota names the quota group involved (attr_max, flag_max,
	// selected_quota_min).
	Quota *ConstraintRef `json:"quota,omitempty"`
	// Selected is the number of selected candidates in that group.
	Selected *int `json:"selected,omitempty"`
	// LastSelectedScore is the lowest score among the selected candidates
	// not pinned in, of the group (attr_max, flag_max) or of the whole
	// selection (score_below_cutoff, tie_break, held_by_quota_min); absent
	// when there is none. A pinned-in candidate's score is never given as
	// the bar a candidate failed to reach.
	LastSelectedScore *Score `json:"last_selected_score,omitempty"`
	// Cutoff is the lowest score among the selected candidates this
	// candidate could replace one for one with every quota still satisfied
	// (absent when there is none). The candidate's score is below it, or
	// equal to it and the id order (tie-break rule) favours the other.
	Cutoff *Score `json:"cutoff,omitempty"`
	// Rank is the candidate's position in the waitlist (1-based).
	Rank *int `json:"rank,omitempty"`
	// Justification of a pin.
	Justification string `json:"justification,omitempty"`
	// Pinned (displaced_by_pin) lists the candidates pinned in who are
	// selected but would not be without the pins in, best first (score
	// descending, then id).
	Pinned []PinnedIn `json:"pinned,omitempty"`
}

// PinnedIn is a candidate pinned in, as a displaced candidate's reason
// names it.
type PinnedIn struct {
	ID            string `json:"id"`
	Score         Score  `json:"score"`
	Justification string `json:"justification"`
}
