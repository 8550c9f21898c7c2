package store

import (
	"context"
	"database/sql"

	"github.com/aswaq/aswaq/internal/venue"
)

// ChangePlan reads the edition's plan, applies edit to it and saves the result in one
// transaction, the row locked: two organisers editing at once each start from the other's
// saved change, so neither is lost. edit returns the new plan and the stand codes whose
// assignments must go (as SavePlan's reset).
func (s *Store) ChangePlan(ctx context.Context, editionID int64, edit func(venue.Plan) (venue.Plan, []string, error)) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		var current EditionPlan
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			// The edition's row, which the assignment, pins and SavePlan lock too (the plan's
			// own row would be taken in the other order by an assignment, which updates it).
			if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
				return err
			}
			var err error
			current, err = planIn(ctx, tx, editionID)
			return err
		})
		if err != nil {
			return err
		}
		next, reset, err := edit(current.Plan)
		if err != nil {
			return err
		}
		return s.SavePlan(ctx, editionID, next, reset...)
	})
}
