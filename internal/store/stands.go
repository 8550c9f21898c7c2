package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/placement"
)

// StandAssignment is one organisation on one stand of an edition.
type StandAssignment struct {
	OrganisationID int64
	Stand          string
	Pinned         bool // chosen by the organiser: a new run keeps it
}

// StandAssignments returns the edition's assignments by stand code.
func (s *Store) StandAssignments(ctx context.Context, editionID int64) ([]StandAssignment, error) {
	return assignmentsIn(ctx, s.db, editionID)
}

func assignmentsIn(ctx context.Context, q querier, editionID int64) ([]StandAssignment, error) {
	var out []StandAssignment
	err := eachRow(ctx, q, `SELECT organisation_id, stand_code, pinned FROM stand_assignments WHERE edition_id = $1
		ORDER BY stand_code, organisation_id`, []any{editionID}, func(sc scanner) error {
		var a StandAssignment
		err := sc.Scan(&a.OrganisationID, &a.Stand, &a.Pinned)
		out = append(out, a)
		return err
	})
	return out, err
}

// SaveAssignment replaces the edition's assignment by the result of a run, and records the
// run's score, unassigned organisations and violations with the plan, all in one
// transaction. Every stand must be in the stored plan and every organisation selected.
func (s *Store) SaveAssignment(ctx context.Context, editionID int64, res placement.Result, opts placement.Options) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// The edition is locked first, as by plan edits, pins and refills: the plan and the
		// selection checked below stay as read until this run is stored.
		if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		ep, err := planIn(ctx, tx, editionID)
		if apperr.CodeOf(err) == apperr.NotFound {
			return errNoPlan()
		}
		if err != nil {
			return err
		}
		selected, err := selectedIDs(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stand_assignments WHERE edition_id = $1`, editionID); err != nil {
			return err
		}
		for _, a := range res.Assigned {
			orgID, err := strconv.ParseInt(a.Org, 10, 64)
			if err != nil || !selected[orgID] {
				return apperr.New(apperr.Invalid, "plan.error.not_selected", "org", a.Org)
			}
			if _, _, ok := ep.Plan.Stand(a.Stand); !ok {
				return apperr.New(apperr.Invalid, "venue.error.stand_not_found", "stand", a.Stand)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO stand_assignments (edition_id, organisation_id, stand_code, pinned)
				VALUES ($1, $2, $3, $4)`, editionID, orgID, a.Stand, a.Pinned); err != nil {
				return err
			}
		}
		run := PlacementRun{At: s.now().UTC(), Assigned: len(res.Assigned), Score: res.Score, Unassigned: res.Unassigned,
			Violations: res.Violations, Options: opts}
		doc, err := json.Marshal(run)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE venue_plans SET last_run = $1 WHERE edition_id = $2`, string(doc), editionID); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.PlanAssign, "edition", editionID, e.RegionCode, nil, map[string]any{
			"assigned": res.Assigned, "unassigned": res.Unassigned, "score": res.Score, "violations": len(res.Violations)})
	})
}

// selectedIDs are the organisations selected for an edition and still in.
func selectedIDs(ctx context.Context, q querier, editionID int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := eachRow(ctx, q, `SELECT organisation_id FROM applications WHERE edition_id = $1 AND decision = 'selected' AND status = 'submitted'`,
		[]any{editionID}, func(sc scanner) error {
			var id int64
			err := sc.Scan(&id)
			out[id] = true
			return err
		})
	return out, err
}

// PinStand puts a selected organisation on a stand by hand; the next run of the assignment
// keeps it there. A stand already pinned to as many organisations as it holds is refused
// (placement would refuse the pins too); an organisation the last run put there without a
// pin makes way and is placed again by the next run.
func (s *Store) PinStand(ctx context.Context, editionID, orgID int64, stand string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Locked first: two pins to the last place of a stand cannot both find it free.
		if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		ep, err := planIn(ctx, tx, editionID)
		if apperr.CodeOf(err) == apperr.NotFound {
			return errNoPlan()
		}
		if err != nil {
			return err
		}
		st, _, ok := ep.Plan.Stand(stand)
		if !ok {
			return invalid("stand", "venue.error.stand_not_found", "stand", stand)
		}
		selected, err := selectedIDs(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if !selected[orgID] {
			return invalid("organisation", "plan.error.not_selected", "org", strconv.FormatInt(orgID, 10))
		}
		var pinned []int64
		err = eachRow(ctx, tx, `SELECT organisation_id FROM stand_assignments WHERE edition_id = $1 AND stand_code = $2
			AND pinned AND organisation_id <> $3 ORDER BY organisation_id`, []any{editionID, stand, orgID}, func(sc scanner) error {
			var id int64
			err := sc.Scan(&id)
			pinned = append(pinned, id)
			return err
		})
		if err != nil {
			return err
		}
		if len(pinned) >= st.Holds() {
			// The organisation is named by id: the page names it in its reader's language.
			return apperr.New(apperr.Conflict, "plan.error.stand_taken", "stand", stand, "org", strconv.FormatInt(pinned[0], 10))
		}
		// Unpinned occupants make way: the stand is the organiser's choice now.
		if _, err := tx.ExecContext(ctx, `DELETE FROM stand_assignments WHERE edition_id = $1 AND (organisation_id = $2
			OR (stand_code = $3 AND NOT pinned))`, editionID, orgID, stand); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stand_assignments (edition_id, organisation_id, stand_code, pinned)
			VALUES ($1, $2, $3, TRUE)`, editionID, orgID, stand); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.PlanPin, "organisation", orgID, e.RegionCode, nil, map[string]any{"edition": editionID, "stand": stand})
	})
}

// UnpinStand lets the assignment choose the organisation's stand again; it stays where it
// is until the next run. Unpinning an organisation that is not pinned changes nothing.
func (s *Store) UnpinStand(ctx context.Context, editionID, orgID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE stand_assignments SET pinned = FALSE WHERE edition_id = $1 AND organisation_id = $2 AND pinned`,
			editionID, orgID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.record(ctx, tx, audit.PlanUnpin, "organisation", orgID, e.RegionCode, nil, map[string]any{"edition": editionID})
	})
}

func invalid(field, key string, args ...any) error {
	var v apperr.Validation
	v.Add(field, key, args...)
	return v.Err()
}

// OrganisationStands returns an organisation's stands by edition: what its catalogue page
// and its application show.
func (s *Store) OrganisationStands(ctx context.Context, orgID int64) (map[int64]string, error) {
	out := map[int64]string{}
	err := eachRow(ctx, s.db, `SELECT edition_id, stand_code FROM stand_assignments WHERE organisation_id = $1`, []any{orgID},
		func(sc scanner) error {
			var id int64
			var code string
			err := sc.Scan(&id, &code)
			out[id] = code
			return err
		})
	return out, err
}
