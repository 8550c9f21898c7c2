package editions

import (
	"context"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// CallState is where an edition's call stands for applicants, the one rule every page and
// workflow reads: the public call page, the fair page, the applicant's own page, and the
// refusal of a start, change or submission.
type CallState string

// The states of a call, seen from an applicant.
const (
	NoCall      CallState = "none"         // the edition has no call configured
	CallDraft   CallState = "draft"        // configured, but the edition's call is not open
	NotYetOpen  CallState = "not_yet"      // opened by the organisers, before its opening time
	Open        CallState = "open"         // applications are accepted
	ClosedEarly CallState = "closed_early" // closed by the organisers before its announced deadline
	Closed      CallState = "closed"       // past its deadline
	CallOff     CallState = "cancelled"    // the edition was cancelled
)

// Window tells where the call c of edition e stands at now (hasCall false: none yet). Only
// an edition whose status is "call open" accepts applications, and only between the
// call's opening and closing times; from review on, the call is closed whatever its dates.
func Window(e *fair.Edition, c *call.Call, hasCall bool, now time.Time) CallState {
	switch {
	case !hasCall:
		return NoCall
	case e.Status == fair.Cancelled:
		return CallOff
	case e.Status == fair.Draft:
		return CallDraft
	case !c.AnnouncedClosesAt.IsZero() && !now.Before(c.ClosesAt):
		return ClosedEarly
	case e.Status != fair.CallOpen || !now.Before(c.ClosesAt):
		return Closed
	case now.Before(c.OpensAt):
		return NotYetOpen
	}
	return Open
}

// Refusal is the error an applicant gets for trying to start, change or submit an
// application while the call is in state st; nil when it is open. Withdrawing is always
// allowed and does not ask.
func (st CallState) Refusal(c *call.Call) error {
	switch st {
	case Open:
		return nil
	case NoCall, CallDraft:
		return apperr.New(apperr.Conflict, "application.error.no_call")
	case NotYetOpen:
		return apperr.New(apperr.Conflict, "application.error.not_open_yet", "opens", c.OpensAt.In(civil.Casablanca))
	case ClosedEarly:
		return apperr.New(apperr.Conflict, "application.error.closed_early", "closed", c.ClosesAt.In(civil.Casablanca),
			"announced", c.AnnouncedClosesAt.In(civil.Casablanca))
	case CallOff:
		return apperr.New(apperr.Conflict, "application.error.cancelled")
	}
	return apperr.New(apperr.Conflict, "application.error.closed", "closed", c.ClosesAt.In(civil.Casablanca))
}

// OpenCall reads edition editionID and its call with q (a workflow's transaction) and
// refuses, with the reason, unless the call accepts applications at now.
func OpenCall(ctx context.Context, q db.Querier, editionID int64, now time.Time) (fair.Edition, call.Call, error) {
	e, err := Load(ctx, q, editionID)
	if err != nil {
		return e, call.Call{}, err
	}
	c, ok, err := LoadCall(ctx, q, editionID)
	if err != nil {
		return e, c, err
	}
	return e, c, Window(&e, &c, ok, now).Refusal(&c)
}

// CallState reads where an edition's call stands now, for pages.
func (s *Service) CallState(ctx context.Context, e *fair.Edition) (CallState, call.Call, error) {
	c, ok, err := LoadCall(ctx, s.db.Q(ctx), e.ID)
	if err != nil {
		return NoCall, c, err
	}
	return Window(e, &c, ok, s.db.Now()), c, nil
}
