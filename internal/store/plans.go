package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/placement"
	"github.com/aswaq/aswaq/internal/venue"
)

// EditionPlan is an edition's stored floor plan with what goes with it.
type EditionPlan struct {
	EditionID int64
	Plan      venue.Plan
	// Practical is the organiser's word to exhibitors: arrival and set-up times, what to
	// bring. Shown on each exhibitor's stand page.
	Practical mltext.Text
	LastRun   *PlacementRun // nil before the first assignment
	UpdatedAt time.Time
}

// PlacementRun is what the last run of the stand assignment reported: the stored
// assignment itself is in stand_assignments.
type PlacementRun struct {
	At         time.Time              `json:"at"`
	Assigned   int                    `json:"assigned"`
	Score      placement.Score        `json:"score"`
	Unassigned []placement.Unassigned `json:"unassigned,omitempty"`
	Violations []placement.Violation  `json:"violations,omitempty"`
	Options    placement.Options      `json:"options"`
	Full       bool                   `json:"full,omitempty"` // everyone placed afresh, not around the stands kept
	// Told is the stand each organisation was told of (organisation id → stand code), and
	// Changes who was told of a change by this run.
	Told    map[string]string `json:"told"` // nil for a run that did not record it
	Changes []StandChange     `json:"changes,omitempty"`
}

// ErrNoPlan is returned by the operations that need a plan when the edition has none yet.
func errNoPlan() error { return apperr.New(apperr.Conflict, "plan.error.no_plan") }

// Plan returns an edition's plan, or a NotFound error when none was started.
func (s *Store) Plan(ctx context.Context, editionID int64) (EditionPlan, error) {
	return planIn(ctx, s.db, editionID)
}

func planIn(ctx context.Context, q querier, editionID int64) (EditionPlan, error) {
	ep := EditionPlan{EditionID: editionID}
	var doc, run string
	err := q.QueryRowContext(ctx, `SELECT plan, practical_ar, practical_fr, last_run, updated_at FROM venue_plans WHERE edition_id = $1`,
		editionID).Scan(&doc, &ep.Practical.AR, &ep.Practical.FR, &run, timeCol(&ep.UpdatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return ep, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	if err != nil {
		return ep, err
	}
	if err := json.Unmarshal([]byte(doc), &ep.Plan); err != nil {
		return ep, err
	}
	if run != "" {
		ep.LastRun = new(PlacementRun)
		if err := json.Unmarshal([]byte(run), ep.LastRun); err != nil {
			return ep, err
		}
	}
	return ep, nil
}

// SavePlan stores an edition's plan, creating it or replacing the one stored. A plan that
// venue.Validate finds fault with is refused with its problems and nothing is stored: the
// stored plan is always one the assignment and the public map can use. Assignments to
// stands the new plan no longer has (deleted, or renumbered) are dropped in the same
// transaction, so no organisation is left on a stand that does not exist; so are those to
// the stands named in reset (the stands of a renumbered pole, whose codes now name other
// places on the floor).
func (s *Store) SavePlan(ctx context.Context, editionID int64, p venue.Plan, reset ...string) error {
	if err := p.Validate(); err != nil {
		return err
	}
	doc, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Locked first, as by the assignment and pins: none of them stores a stand this plan
		// drops while it is being saved.
		if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO venue_plans (edition_id, plan, updated_at) VALUES ($1, $2, $3)
			ON CONFLICT (edition_id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at`,
			editionID, string(doc), dbTime(s.now())); err != nil {
			return err
		}
		dropped, err := dropStaleAssignments(ctx, tx, editionID, p, reset)
		if err != nil {
			return err
		}
		after := map[string]any{"zones": len(p.Zones), "stands": len(p.Stands), "entrances": len(p.Entrances),
			"area_m2": p.Outline.Area() / 10000}
		if len(dropped) > 0 {
			after["unassigned"] = dropped
		}
		return s.record(ctx, tx, audit.PlanSave, "edition", editionID, e.RegionCode, nil, after)
	})
}

// dropStaleAssignments removes the assignments to stands p does not have and returns the
// organisations concerned.
func dropStaleAssignments(ctx context.Context, tx *sql.Tx, editionID int64, p venue.Plan, reset []string) ([]int64, error) {
	as, err := assignmentsIn(ctx, tx, editionID)
	if err != nil {
		return nil, err
	}
	var dropped []int64
	for _, a := range as {
		if _, _, ok := p.Stand(a.Stand); ok && !slices.Contains(reset, a.Stand) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stand_assignments WHERE edition_id = $1 AND organisation_id = $2`,
			editionID, a.OrganisationID); err != nil {
			return nil, err
		}
		dropped = append(dropped, a.OrganisationID)
	}
	return dropped, nil
}

// SavePractical stores the practical information for the edition's exhibitors.
func (s *Store) SavePractical(ctx context.Context, editionID int64, t mltext.Text) error {
	t = t.Trimmed()
	var v apperr.Validation
	v.Check(len([]rune(t.AR)) <= 4000 && len([]rune(t.FR)) <= 4000, "practical", "plan.error.practical_long")
	if err := v.Err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE venue_plans SET practical_ar = $1, practical_fr = $2, updated_at = $3 WHERE edition_id = $4`,
			t.AR, t.FR, dbTime(s.now()), editionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNoPlan()
		}
		return s.record(ctx, tx, audit.PlanPractical, "edition", editionID, e.RegionCode, nil, t)
	})
}
