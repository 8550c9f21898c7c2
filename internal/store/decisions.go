package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/selection"
)

// AppDecision is the published decision on an application, as its applicant and the
// organisers read it.
type AppDecision struct {
	Decision     application.Decision // empty until the selection is published
	Reason       selection.Reason     // the published reason (code and details)
	WaitlistRank int                  // 1, 2… on the waitlist
}

// Outcome is the decision as the organisers' list counts it (see AppRow.Outcome), for an
// application of eligibility el.
func (d *AppDecision) Outcome(el application.Eligibility) string { return outcome(d.Decision, el) }

// DecisionsOf returns the published decisions of the given applications, by application;
// an application without one (before publication) is left out.
func (s *Store) DecisionsOf(ctx context.Context, ids []int64) (map[int64]AppDecision, error) {
	out := map[int64]AppDecision{}
	for _, id := range ids {
		var d AppDecision
		var reason string
		err := s.db.QueryRowContext(ctx, `SELECT COALESCE(decision, ''), decision_reason, COALESCE(waitlist_rank, 0)
			FROM applications WHERE id = $1`, id).Scan(&d.Decision, &reason, &d.WaitlistRank)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			continue
		case err != nil:
			return nil, err
		case d.Decision == "":
			continue
		}
		if reason != "" {
			if err := json.Unmarshal([]byte(reason), &d.Reason); err != nil {
				return nil, err
			}
		}
		out[id] = d
	}
	return out, nil
}

// SetEligibilityAndTell records an application's eligibility as SetEligibility does and, in
// the same transaction, tells its applicant what they must hear: that it was found
// ineligible, with the reason (again when the reason changes), or, when it no longer is,
// that it competes again. tell composes the messages (to the organisation's
// representatives, in their languages) from the application as now stored; restored says
// which of the two it is. Nothing is told when nothing the applicant reads changed.
func (s *Store) SetEligibilityAndTell(ctx context.Context, appID int64, el application.Eligibility, reason string,
	tell func(a *application.Application, restored bool) []outbox.Message) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		var before application.Application
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if err := s.LockRow(ctx, tx, "applications", "id", appID); err != nil {
				return err
			}
			var err error
			before, err = applicationIn(ctx, tx, appID)
			return err
		})
		if err != nil {
			return err
		}
		if err := s.SetEligibility(ctx, appID, el, reason); err != nil {
			return err
		}
		return s.inTx(ctx, func(tx *sql.Tx) error {
			after, err := applicationIn(ctx, tx, appID)
			if err != nil {
				return err
			}
			wasOut, isOut := before.Eligibility == application.Ineligible, after.Eligibility == application.Ineligible
			if tell == nil || (!isOut && !wasOut) || (isOut && wasOut && before.EligibilityReason == after.EligibilityReason) {
				return nil
			}
			for _, m := range tell(&after, wasOut && !isOut) {
				if err := s.enqueue(ctx, tx, &m); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// selectionOut reports whether an edition in status st has published its selection: from
// then on, what the selection read (eligibility, scores) no longer changes.
func selectionOut(st fair.Status) bool {
	return st == fair.SelectionPublished || st == fair.Running || st == fair.Closed || st == fair.Reported
}
