package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/placement"
)

// StandChange is a selected organisation whose stand is not the one it was last told of:
// a first stand (From empty), another one, or none any more (To empty).
type StandChange struct {
	OrganisationID int64  `json:"org"`
	From           string `json:"from,omitempty"`
	To             string `json:"to,omitempty"`
}

// SaveAssignmentAndTell saves a run's result as SaveAssignment does and, in the same
// transaction, tells every selected organisation whose stand is not the one it was last
// told of: tell composes the messages of one change (to the organisation's
// representatives), and they go to the outbox with the assignment. The run's record keeps
// what each organisation now knows and the changes told, which it returns. What an
// organisation was last told is what the previous run recorded; before any run, nothing;
// after a run made before runs recorded it, the assignment being replaced. Organisations
// no longer selected are not told: their withdrawal already ended their place.
func (s *Store) SaveAssignmentAndTell(ctx context.Context, editionID int64, res placement.Result, opts placement.Options, full bool,
	tell func(StandChange) []outbox.Message) ([]StandChange, error) {
	var changes []StandChange
	err := s.InTx(ctx, func(ctx context.Context) error {
		var told map[string]string
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			// The plan's row, as plan edits take it: two runs at once tell one after the other.
			if err := s.LockRow(ctx, tx, "venue_plans", "edition_id", editionID); err != nil {
				return err
			}
			ep, err := planIn(ctx, tx, editionID)
			switch {
			case apperr.CodeOf(err) == apperr.NotFound:
				return errNoPlan()
			case err != nil:
				return err
			case ep.LastRun != nil && ep.LastRun.Told != nil:
				told = ep.LastRun.Told
				return nil
			}
			told = map[string]string{}
			if ep.LastRun == nil {
				return nil
			}
			as, err := assignmentsIn(ctx, tx, editionID)
			for _, a := range as {
				told[strconv.FormatInt(a.OrganisationID, 10)] = a.Stand
			}
			return err
		})
		if err != nil {
			return err
		}
		if err := s.SaveAssignment(ctx, editionID, res, opts); err != nil {
			return err
		}
		return s.inTx(ctx, func(tx *sql.Tx) error {
			as, err := assignmentsIn(ctx, tx, editionID)
			if err != nil {
				return err
			}
			now := map[int64]string{}
			for _, a := range as {
				now[a.OrganisationID] = a.Stand
			}
			selected, err := selectedIDs(ctx, tx, editionID)
			if err != nil {
				return err
			}
			ids := make([]int64, 0, len(selected))
			for id := range selected {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			knows := map[string]string{}
			for _, id := range ids {
				key := strconv.FormatInt(id, 10)
				if now[id] != "" {
					knows[key] = now[id]
				}
				if told[key] == now[id] {
					continue
				}
				c := StandChange{OrganisationID: id, From: told[key], To: now[id]}
				changes = append(changes, c)
				if tell == nil {
					continue
				}
				for _, m := range tell(c) {
					if err := s.enqueue(ctx, tx, &m); err != nil {
						return err
					}
				}
			}
			ep, err := planIn(ctx, tx, editionID)
			if err != nil {
				return err
			}
			run := ep.LastRun
			if run == nil {
				run = &PlacementRun{}
			}
			run.Told, run.Changes, run.Full = knows, changes, full
			doc, err := json.Marshal(run)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE venue_plans SET last_run = $1 WHERE edition_id = $2`, string(doc), editionID)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	return changes, nil
}
