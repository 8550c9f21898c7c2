package editions

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/selection"
)

// Step is a move in an edition's life that organisers take by hand from the edition's
// page. The other moves belong to the workflows that do their work: "selection
// published" only through the publication of an optimal selection (RecordPublication),
// "reported" only once the edition's report is issued.
type Step string

// The steps organisers take by hand.
const (
	OpenTheCall   Step = "open_call"     // draft → call open
	BackToDraft   Step = "back_to_draft" // call open → draft, before anyone could apply
	CloseTheCall  Step = "close_call"    // call open → in review; early, the deadline becomes now
	ReopenTheCall Step = "reopen_call"   // in review → call open, with a new deadline
	StartTheFair  Step = "start"         // selection published → running, from the first day
	CloseTheFair  Step = "close"         // running → closed, from the last day
	Cancel        Step = "cancel"        // any announced edition not yet over → cancelled, with a reason
)

// Steps lists every step taken by hand, in the order of an edition's life.
var Steps = []Step{OpenTheCall, BackToDraft, CloseTheCall, ReopenTheCall, StartTheFair, CloseTheFair, Cancel}

// target is where each step leads.
var target = map[Step]fair.Status{
	OpenTheCall: fair.CallOpen, BackToDraft: fair.Draft, CloseTheCall: fair.InReview, ReopenTheCall: fair.CallOpen,
	StartTheFair: fair.Running, CloseTheFair: fair.Closed, Cancel: fair.Cancelled,
}

// stepsFrom lists the steps offered in each status, forward first.
var stepsFrom = map[fair.Status][]Step{
	fair.Draft:              {OpenTheCall},
	fair.CallOpen:           {CloseTheCall, BackToDraft, Cancel},
	fair.InReview:           {ReopenTheCall, Cancel},
	fair.SelectionPublished: {StartTheFair, Cancel},
	fair.Running:            {CloseTheFair, Cancel},
}

// Target is the status the step leads to.
func (st Step) Target() fair.Status { return target[st] }

// StepInput is what some steps need from the organiser.
type StepInput struct {
	Deadline time.Time // the new deadline, to reopen a call
	Reason   string    // why, to cancel an edition
}

// minReason is the shortest cancellation reason accepted: the public page shows it.
const minReason = 10

// Check says whether step may be taken on edition e, whose call is c (hasCall false: none),
// at now; the error names what is missing. It reads nothing: the workflow reads e and c
// under a lock and calls it, and the edition page calls it to show which steps are open.
func Check(step Step, e *fair.Edition, c *call.Call, hasCall bool, now time.Time, in StepInput) error {
	to, known := target[step]
	if !known || !e.Status.CanMoveTo(to) || !offered(e.Status, step) {
		return apperr.New(apperr.Conflict, "fair.error.transition")
	}
	today := civil.Of(now.In(civil.Casablanca))
	var v apperr.Validation
	switch step {
	case OpenTheCall:
		switch {
		case !hasCall:
			return apperr.New(apperr.Conflict, "edition.error.open_needs_call")
		case len(c.Quotas) == 0:
			return apperr.New(apperr.Conflict, "edition.error.open_needs_quotas")
		case c.Stands <= 0:
			return apperr.New(apperr.Conflict, "edition.error.open_needs_stands")
		case !now.Before(c.ClosesAt):
			return apperr.New(apperr.Conflict, "edition.error.open_deadline_past", "closes", c.ClosesAt.In(civil.Casablanca))
		}
	case BackToDraft:
		if !now.Before(c.OpensAt) {
			return apperr.New(apperr.Conflict, "edition.error.draft_after_opening", "opens", c.OpensAt.In(civil.Casablanca))
		}
	case CloseTheCall:
		if now.Before(c.OpensAt) {
			return apperr.New(apperr.Conflict, "edition.error.close_before_opening", "opens", c.OpensAt.In(civil.Casablanca))
		}
	case ReopenTheCall:
		v.Check(!in.Deadline.IsZero(), "deadline", "edition.error.reopen_deadline_required")
		v.Check(in.Deadline.IsZero() || in.Deadline.After(now.Add(time.Hour)), "deadline", "edition.error.reopen_deadline_future")
	case StartTheFair:
		if today.Before(e.StartsOn) {
			return apperr.New(apperr.Conflict, "edition.error.start_before_first_day", "date", e.StartsOn)
		}
	case CloseTheFair:
		if today.Before(e.EndsOn) {
			return apperr.New(apperr.Conflict, "edition.error.close_before_last_day", "date", e.EndsOn)
		}
	case Cancel:
		v.Check(len([]rune(strings.TrimSpace(in.Reason))) >= minReason, "reason", "edition.error.cancel_reason")
	}
	return v.Err()
}

func offered(s fair.Status, step Step) bool {
	for _, st := range stepsFrom[s] {
		if st == step {
			return true
		}
	}
	return false
}

// Option is a step as the edition page offers it, with why it cannot be taken yet (nil
// when it can).
type Option struct {
	Step    Step
	To      fair.Status
	Blocked error
}

// Options lists the steps of e's status, each checked against its call and the clock.
// Steps that need input (a deadline, a reason) are checked without it: the page asks.
func (s *Service) Options(ctx context.Context, e *fair.Edition) ([]Option, error) {
	c, ok, err := LoadCall(ctx, s.db.Q(ctx), e.ID)
	if err != nil {
		return nil, err
	}
	now := s.db.Now()
	var out []Option
	for _, st := range stepsFrom[e.Status] {
		o := Option{Step: st, To: st.Target()}
		if err := Check(st, e, &c, ok, now, StepInput{Deadline: now.Add(365 * 24 * time.Hour), Reason: strings.Repeat("x", minReason)}); err != nil {
			o.Blocked = err
		}
		out = append(out, o)
	}
	return out, nil
}

// Take moves edition id by step, in one transaction that locks the edition, checks the
// step against what it reads, does the step's work and records it in the audit log: two
// organisers taking steps at once never both pass their checks on stale data.
func (s *Service) Take(ctx context.Context, id int64, step Step, in StepInput) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.db.LockRow(ctx, tx, "editions", "id", id); err != nil {
			return err
		}
		e, err := Load(ctx, tx, id)
		if err != nil {
			return err
		}
		c, hasCall, err := LoadCall(ctx, tx, id)
		if err != nil {
			return err
		}
		now := s.db.Now()
		if err := Check(step, &e, &c, hasCall, now, in); err != nil {
			return err
		}
		at := db.TimeArg(now)
		after := map[string]any{"status": step.Target(), "step": step}
		switch step {
		case CloseTheCall:
			if now.Before(c.ClosesAt) { // closed early: the deadline becomes now, the announced one is kept
				if _, err := tx.ExecContext(ctx, `UPDATE calls SET closes_at = $1,
					announced_closes_at = COALESCE(announced_closes_at, $2), updated_at = $1 WHERE edition_id = $3`,
					at, db.TimeArg(c.ClosesAt), id); err != nil {
					return err
				}
				after["closed_early"] = at
				after["announced_deadline"] = c.ClosesAt
			}
		case ReopenTheCall:
			if _, err := tx.ExecContext(ctx, `UPDATE calls SET closes_at = $1, announced_closes_at = NULL, updated_at = $2
				WHERE edition_id = $3`, db.TimeArg(in.Deadline), at, id); err != nil {
				return err
			}
			after["deadline"] = in.Deadline
		case Cancel:
			if _, err := tx.ExecContext(ctx, `UPDATE editions SET cancel_reason = $1 WHERE id = $2`,
				strings.TrimSpace(in.Reason), id); err != nil {
				return err
			}
			after["reason"] = strings.TrimSpace(in.Reason)
		}
		return s.move(ctx, tx, &e, step.Target(), now, after)
	})
}

// move writes an edition's new status and audits it, inside the caller's transaction.
func (s *Service) move(ctx context.Context, tx *sql.Tx, e *fair.Edition, to fair.Status, now time.Time, after map[string]any) error {
	if _, err := tx.ExecContext(ctx, `UPDATE editions SET status = $1, updated_at = $2 WHERE id = $3`,
		to, db.TimeArg(now), e.ID); err != nil {
		return err
	}
	return auditlog.Record(ctx, tx, now, audit.EditionStatus, "edition", e.ID, e.RegionCode,
		map[string]any{"status": e.Status}, after)
}

// RecordPublication is how the publication of a selection moves its edition, inside the
// publication's own transaction (tx, which has locked the edition): the edition must be in
// review; it moves to "selection published", and the call keeps the quotas and seats the
// selection used, read-only from then on.
func (s *Service) RecordPublication(ctx context.Context, tx *sql.Tx, editionID int64, quotas []selection.Quota, seats int) error {
	e, err := Load(ctx, tx, editionID)
	if err != nil {
		return err
	}
	if e.Status != fair.InReview {
		return apperr.New(apperr.Conflict, "selection.error.not_in_review")
	}
	c, _, err := LoadCall(ctx, tx, editionID)
	if err != nil {
		return err
	}
	c.Quotas, c.Stands = quotas, seats
	rules, err := callRulesJSON(&c)
	if err != nil {
		return err
	}
	now := s.db.Now()
	if _, err := tx.ExecContext(ctx, `UPDATE calls SET stands = $1, rules = $2, updated_at = $3 WHERE edition_id = $4`,
		c.Stands, rules, db.TimeArg(now), editionID); err != nil {
		return err
	}
	return s.move(ctx, tx, &e, fair.SelectionPublished, now, map[string]any{"status": fair.SelectionPublished, "step": "publication"})
}

// Delete removes a draft edition, which the public has never seen. An edition past its
// draft is cancelled instead, never removed.
func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.db.LockRow(ctx, tx, "editions", "id", id); err != nil {
			return err
		}
		e, err := Load(ctx, tx, id)
		if err != nil {
			return err
		}
		if e.Status != fair.Draft {
			return apperr.New(apperr.Conflict, "edition.error.delete_not_draft")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM editions WHERE id = $1`, id); err != nil {
			if db.IsForeignKeyViolation(err) {
				return apperr.New(apperr.Conflict, "edition.error.delete_in_use")
			}
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.EditionDelete, "edition", id, e.RegionCode, editionAudit(&e), nil)
	})
}
