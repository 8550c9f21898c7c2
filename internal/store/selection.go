package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/accounts"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/selection"
)

// SelectionCandidate is a submitted (or since withdrawn) application as the selection sees
// it: the organisation's attributes, the flags quotas may count, and its final score.
type SelectionCandidate struct {
	ApplicationID  int64
	Reference      string
	OrganisationID int64
	Name           mltext.Text
	Province       string
	Sector         string
	LegalForm      string
	WomenLed       bool
	YouthLed       bool
	FirstTime      bool // never submitted to an earlier edition
	Status         application.Status
	Eligibility    application.Eligibility
	Score          application.Score
	Decision       application.Decision // empty until a selection is published
	Reason         selection.Reason     // the published reason
	WaitlistRank   int                  // 1, 2… on the published waitlist
}

// Competing reports whether the candidate takes part in the selection: submitted and not
// found ineligible.
func (c *SelectionCandidate) Competing() bool {
	return c.Status == application.Submitted && c.Eligibility != application.Ineligible
}

// SelectionCandidates returns the edition's submitted and withdrawn applications with the
// final score of each (as the review list shows it) and the published decisions, if any.
func (s *Store) SelectionCandidates(ctx context.Context, editionID int64) ([]SelectionCandidate, error) {
	scores, err := s.ApplicationScores(ctx, editionID)
	if err != nil {
		return nil, err
	}
	facts, err := s.facts(ctx, ` WHERE a.edition_id = $1`, editionID)
	if err != nil {
		return nil, err
	}
	var out []SelectionCandidate
	err = eachRow(ctx, s.db, `
		SELECT a.id, COALESCE(a.reference, ''), a.organisation_id, o.name_ar, o.name_fr, o.province_code, o.sector, o.legal_form,
			o.women_led, o.youth_led, a.status, a.eligibility, COALESCE(a.decision, ''), a.decision_reason, COALESCE(a.waitlist_rank, 0)
		FROM applications a JOIN organisations o ON o.id = a.organisation_id
		WHERE a.edition_id = $1 AND a.status IN ('submitted', 'withdrawn') ORDER BY a.id`, []any{editionID},
		func(sc scanner) error {
			var c SelectionCandidate
			var reason string
			if err := sc.Scan(&c.ApplicationID, &c.Reference, &c.OrganisationID, &c.Name.AR, &c.Name.FR, &c.Province,
				&c.Sector, &c.LegalForm, &c.WomenLed, &c.YouthLed, &c.Status, &c.Eligibility, &c.Decision, &reason, &c.WaitlistRank); err != nil {
				return err
			}
			if reason != "" {
				if err := json.Unmarshal([]byte(reason), &c.Reason); err != nil {
					return err
				}
			}
			c.FirstTime = facts[c.ApplicationID].FirstParticipation
			c.Score = scores[c.ApplicationID].Score
			out = append(out, c)
			return nil
		})
	return out, err
}

// Reason codes Aswaq adds to the engine's: an application found ineligible, and a place
// given from the waitlist after a withdrawal.
const (
	CodeIneligible = "ineligible"
	CodeRefill     = "refill"
)

// SelectionPin is an organiser's decision to force an application in or out.
type SelectionPin struct {
	ApplicationID int64
	Side          selection.PinSide
	Justification string
}

// SetPin forces an application of the edition in or out of the selection, with a written
// justification; it replaces an earlier pin of the same application.
func (s *Store) SetPin(ctx context.Context, editionID int64, pin SelectionPin) error {
	var v apperr.Validation
	v.Check(pin.Side == selection.PinIn || pin.Side == selection.PinOut, "side", "selection.error.pin_side")
	v.Check(len([]rune(trimmed(pin.Justification))) >= 10, "justification", "selection.error.justification")
	if err := v.Err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Locked as by a publication: two pins of one application at once replace each other.
		if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM applications WHERE id = $1 AND edition_id = $2 AND status = 'submitted'`,
			pin.ApplicationID, editionID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.NotFound, "error.not_found_title")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM selection_pins WHERE edition_id = $1 AND application_id = $2`, editionID, pin.ApplicationID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO selection_pins (edition_id, application_id, side, justification, created_at)
			VALUES ($1, $2, $3, $4, $5)`, editionID, pin.ApplicationID, pin.Side, trimmed(pin.Justification), dbTime(s.now())); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.SelectionPin, "application", pin.ApplicationID, e.RegionCode, nil, pin)
	})
}

// RemovePin lets the selection decide an application again. Removing a pin that is not
// there (a second click) changes nothing and is not an error.
func (s *Store) RemovePin(ctx context.Context, editionID, applicationID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM selection_pins WHERE edition_id = $1 AND application_id = $2`, editionID, applicationID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.record(ctx, tx, audit.SelectionUnpin, "application", applicationID, e.RegionCode, nil, nil)
	})
}

// SelectionPins lists the edition's pins.
func (s *Store) SelectionPins(ctx context.Context, editionID int64) ([]SelectionPin, error) {
	var out []SelectionPin
	err := eachRow(ctx, s.db, `SELECT application_id, side, justification FROM selection_pins WHERE edition_id = $1 ORDER BY application_id`,
		[]any{editionID}, func(sc scanner) error {
			var p SelectionPin
			err := sc.Scan(&p.ApplicationID, &p.Side, &p.Justification)
			out = append(out, p)
			return err
		})
	return out, err
}

// Publication is what publishing a selection records: the problem solved (quotas, seats,
// scores, pins), its result, and the organiser's justification.
type Publication struct {
	Quotas        []selection.Quota
	Seats         int
	Problem       *selection.Problem
	Result        *selection.Result
	Justification string
	Ineligible    []int64 // applications found ineligible: not selected, and told why
}

// PublishSelection applies an optimal result: every competing application gets its
// decision and reason, the waitlist its ranks, the call keeps the quotas used, the edition
// moves to "selection published", the whole is audited, and messages (composed per
// application by notify, in each applicant's language) go out with it. Nothing is applied
// when any part fails.
func (s *Store) PublishSelection(ctx context.Context, editionID int64, pub Publication,
	notify func(appID int64, d application.Decision, r selection.Reason) []outbox.Message) error {
	if pub.Result == nil || pub.Result.Status != selection.StatusOptimal {
		return apperr.New(apperr.Conflict, "selection.error.not_optimal")
	}
	var v apperr.Validation
	v.Check(len([]rune(trimmed(pub.Justification))) >= 10, "justification", "selection.error.justification")
	if err := v.Err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// The edition's row is locked first, so that a second publication waits for this one
		// and then finds the selection published.
		if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		switch e.Status {
		case fair.InReview:
		case fair.SelectionPublished, fair.Running, fair.Closed, fair.Reported:
			return apperr.New(apperr.Conflict, "selection.error.already_published")
		default:
			return apperr.New(apperr.Conflict, "selection.error.not_in_review")
		}
		now := dbTime(s.now())
		rank := map[string]int{}
		for i, id := range pub.Result.Waitlist {
			rank[id] = i + 1
		}
		for id, reason := range pub.Result.Reasons {
			appID, err := parseID(id)
			if err != nil {
				return err
			}
			d := application.NotSelected
			switch {
			case reason.Decision == selection.DecisionSelected:
				d = application.Selected
			case rank[id] > 0:
				d = application.Waitlisted
			}
			data, err := json.Marshal(reason)
			if err != nil {
				return err
			}
			var wr sql.NullInt64
			if rank[id] > 0 {
				wr = sql.NullInt64{Int64: int64(rank[id]), Valid: true}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE applications SET decision = $1, decision_reason = $2, waitlist_rank = $3,
				decided_at = $4 WHERE id = $5 AND edition_id = $6`, d, string(data), wr, now, appID, editionID); err != nil {
				return err
			}
			if notify != nil {
				for _, m := range notify(appID, d, reason) {
					if err := s.enqueue(ctx, tx, &m); err != nil {
						return err
					}
				}
			}
		}
		ineligible, _ := json.Marshal(selection.Reason{Decision: selection.DecisionExcluded, Code: CodeIneligible})
		for _, appID := range pub.Ineligible {
			if _, err := tx.ExecContext(ctx, `UPDATE applications SET decision = $1, decision_reason = $2, waitlist_rank = NULL,
				decided_at = $3 WHERE id = $4 AND edition_id = $5 AND eligibility = 'ineligible'`,
				application.NotSelected, string(ineligible), now, appID, editionID); err != nil {
				return err
			}
			if notify != nil {
				for _, m := range notify(appID, application.NotSelected, selection.Reason{Decision: selection.DecisionExcluded, Code: CodeIneligible}) {
					if err := s.enqueue(ctx, tx, &m); err != nil {
						return err
					}
				}
			}
		}
		if err := s.Editions().RecordPublication(ctx, tx, editionID, pub.Quotas, pub.Seats); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.SelectionPublish, "edition", editionID, e.RegionCode, nil, map[string]any{
			"justification": trimmed(pub.Justification), "problem": pub.Problem, "result": pub.Result})
	})
}

// Refill gives a withdrawn selected organisation's place to a waitlisted one, as the
// selection's waitlist proposes; audited, with the message to the new exhibitor.
func (s *Store) Refill(ctx context.Context, editionID, withdrawnID, replacementID int64, justification string,
	notify func(appID int64) []outbox.Message) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// The edition first, then both applications in id order: a second refill of the same
		// place waits for this one, and so does a withdrawal of the replacement.
		if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
			return err
		}
		for _, id := range []int64{min(withdrawnID, replacementID), max(withdrawnID, replacementID)} {
			if err := s.LockRow(ctx, tx, "applications", "id", id); err != nil {
				return err
			}
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		var wStatus, wDecision, wReason, rStatus, rDecision string
		if err := tx.QueryRowContext(ctx, `SELECT status, COALESCE(decision, ''), decision_reason FROM applications WHERE id = $1 AND edition_id = $2`,
			withdrawnID, editionID).Scan(&wStatus, &wDecision, &wReason); err != nil {
			return notFoundIfNoRows(err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT status, COALESCE(decision, '') FROM applications WHERE id = $1 AND edition_id = $2`,
			replacementID, editionID).Scan(&rStatus, &rDecision); err != nil {
			return notFoundIfNoRows(err)
		}
		if wStatus == string(application.Withdrawn) && wDecision == string(application.NotSelected) && wasSelected(wReason) {
			return apperr.New(apperr.Conflict, "selection.error.already_refilled") // its place went to another
		}
		if wStatus != string(application.Withdrawn) || wDecision != string(application.Selected) ||
			rStatus != string(application.Submitted) || rDecision != string(application.Waitlisted) {
			return apperr.New(apperr.Conflict, "selection.error.refill")
		}
		now := dbTime(s.now())
		reason, _ := json.Marshal(selection.Reason{Decision: selection.DecisionSelected, Code: CodeRefill})
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET decision = $1, decision_reason = $2, waitlist_rank = NULL, decided_at = $3
			WHERE id = $4`, application.Selected, string(reason), now, replacementID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET decision = $1, decided_at = $2 WHERE id = $3`,
			application.NotSelected, now, withdrawnID); err != nil {
			return err
		}
		if notify != nil {
			for _, m := range notify(replacementID) {
				if err := s.enqueue(ctx, tx, &m); err != nil {
					return err
				}
			}
		}
		return s.record(ctx, tx, audit.SelectionRefill, "edition", editionID, e.RegionCode, map[string]any{"withdrawn": withdrawnID},
			map[string]any{"replacement": replacementID, "justification": trimmed(justification)})
	})
}

// wasSelected reports whether a stored decision reason is a selection: a withdrawn
// application whose reason says selected but whose decision no longer does had its place
// given to another.
func wasSelected(reason string) bool {
	var r selection.Reason
	return json.Unmarshal([]byte(reason), &r) == nil && r.Decision == selection.DecisionSelected
}

func trimmed(s string) string { return strings.TrimSpace(s) }

func parseID(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) }

// Representatives returns the active users who represent an organisation: the people a
// decision about it is sent to.
func (s *Store) Representatives(ctx context.Context, orgID int64) ([]account.User, error) {
	return accounts.Representatives(ctx, s.db, orgID)
}

// Participations returns the editions an organisation was selected for, the latest first:
// its history of fairs, derived from published selections rather than typed.
func (s *Store) Participations(ctx context.Context, orgID int64) ([]fair.Edition, error) {
	var ids []int64
	err := eachRow(ctx, s.db, `SELECT DISTINCT edition_id FROM applications
		WHERE organisation_id = $1 AND decision = 'selected' AND status = 'submitted'`, []any{orgID}, func(sc scanner) error {
		var id int64
		ids = append(ids, id)
		return sc.Scan(&ids[len(ids)-1])
	})
	if err != nil {
		return nil, err
	}
	return editions.List(ctx, s.db, ids)
}

// Exhibitor is an organisation selected for an edition, as the fair's public page lists it.
type Exhibitor struct {
	OrganisationID int64
	Name           mltext.Text
	Province       string
	Sector         string
}

// Exhibitors returns the validated organisations selected for an edition (and still in),
// by Arabic name.
func (s *Store) Exhibitors(ctx context.Context, editionID int64) ([]Exhibitor, error) {
	var out []Exhibitor
	err := eachRow(ctx, s.db, `SELECT o.id, o.name_ar, o.name_fr, o.province_code, o.sector
		FROM applications a JOIN organisations o ON o.id = a.organisation_id
		WHERE a.edition_id = $1 AND a.decision = 'selected' AND a.status = 'submitted' AND o.status = 'validated'
		ORDER BY o.name_ar, o.id`, []any{editionID}, func(sc scanner) error {
		var x Exhibitor
		err := sc.Scan(&x.OrganisationID, &x.Name.AR, &x.Name.FR, &x.Province, &x.Sector)
		out = append(out, x)
		return err
	})
	return out, err
}
