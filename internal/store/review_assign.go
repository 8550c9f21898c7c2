package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/editions"
)

// EditionReviewer is a member of an edition's selection committee: an active user holding
// a reviewer grant for the edition, with how many applications they review (conflicts
// left out).
type EditionReviewer struct {
	ID       int64
	Name     string
	Assigned int
}

// EditionReviewers lists the reviewers of an edition, by name.
func (s *Store) EditionReviewers(ctx context.Context, editionID int64) ([]EditionReviewer, error) {
	return editionReviewers(ctx, s.db, editionID)
}

func editionReviewers(ctx context.Context, q querier, editionID int64) ([]EditionReviewer, error) {
	var out []EditionReviewer
	err := eachRow(ctx, q, `SELECT u.id, u.name, (SELECT COUNT(*) FROM reviews r JOIN applications a ON a.id = r.application_id
			WHERE r.reviewer_id = u.id AND a.edition_id = $1 AND NOT r.conflict)
		FROM users u WHERE u.active AND u.id IN (SELECT user_id FROM grants WHERE role = 'reviewer' AND edition_id = $1)
		ORDER BY u.name, u.id`, []any{editionID}, func(sc scanner) error {
		var r EditionReviewer
		err := sc.Scan(&r.ID, &r.Name, &r.Assigned)
		out = append(out, r)
		return err
	})
	return out, err
}

// AssignReviewers gives every submitted application of the edition not found ineligible
// (applications still unchecked are reviewed while eligibility is checked) to as many
// distinct reviewers, among reviewerIDs, as the call asks for. Each goes to the least
// loaded reviewers first, so that loads differ by at most one. Running it again keeps
// every assignment and fills only the gaps (new applications, conflicts declared), and
// never gives an application back to a reviewer who declared a conflict on it. It returns
// how many assignments it made; it refuses when fewer reviewers are given than the call
// asks for each application.
func (s *Store) AssignReviewers(ctx context.Context, editionID int64, reviewerIDs []int64) (int, error) {
	made := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// Locked first: a second run waits, then finds this one's assignments and fills
		// only what is still missing.
		if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		c, ok, err := editions.LoadCall(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.New(apperr.Conflict, "application.error.no_call")
		}
		if e.Status.CallFrozen() { // the scores have been used: nobody reviews any more
			return apperr.New(apperr.Conflict, "review.error.selection_published")
		}
		committee, err := editionReviewers(ctx, tx, editionID)
		if err != nil {
			return err
		}
		load := map[int64]int{}
		var ids []int64
		for _, id := range reviewerIDs {
			i := slices.IndexFunc(committee, func(r EditionReviewer) bool { return r.ID == id })
			if i < 0 {
				return apperr.New(apperr.Invalid, "review.error.not_reviewer")
			}
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
				load[id] = committee[i].Assigned
			}
		}
		if len(ids) < c.ReviewersEach {
			return apperr.New(apperr.Conflict, "review.error.too_few_reviewers", "count", len(ids), "needed", c.ReviewersEach)
		}
		apps, err := reviewableApplications(ctx, tx, editionID)
		if err != nil {
			return err
		}
		var pairs [][2]int64
		for _, a := range apps {
			need := c.ReviewersEach - a.active
			if need <= 0 {
				continue
			}
			candidates := slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return slices.Contains(a.reviewers, id) })
			slices.SortStableFunc(candidates, func(x, y int64) int {
				if load[x] != load[y] {
					return load[x] - load[y]
				}
				return cmp.Compare(x, y)
			})
			for _, id := range candidates[:min(need, len(candidates))] {
				load[id]++
				pairs = append(pairs, [2]int64{a.id, id})
			}
		}
		if len(pairs) == 0 {
			return nil
		}
		if err := insertAssignments(ctx, tx, pairs, dbTime(s.now())); err != nil {
			return err
		}
		made = len(pairs)
		return s.record(ctx, tx, audit.ReviewAssign, "edition", editionID, e.RegionCode, nil,
			map[string]any{"assignments": made, "reviewers": ids, "pairs": pairs})
	})
	return made, err
}

// reviewable is an application to review, with who already has it (conflicts included)
// and how many of them still review it.
type reviewable struct {
	id        int64
	reviewers []int64
	active    int
}

func reviewableApplications(ctx context.Context, q querier, editionID int64) ([]reviewable, error) {
	var out []reviewable
	byID := map[int64]int{}
	err := eachRow(ctx, q, `SELECT id FROM applications WHERE edition_id = $1 AND status = $2 AND eligibility <> $3 ORDER BY id`,
		[]any{editionID, application.Submitted, application.Ineligible}, func(sc scanner) error {
			var r reviewable
			err := sc.Scan(&r.id)
			byID[r.id] = len(out)
			out = append(out, r)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT r.application_id, r.reviewer_id, r.conflict FROM reviews r
		JOIN applications a ON a.id = r.application_id WHERE a.edition_id = $1`, []any{editionID}, func(sc scanner) error {
		var app, reviewer int64
		var conflict bool
		if err := sc.Scan(&app, &reviewer, &conflict); err != nil {
			return err
		}
		if i, ok := byID[app]; ok {
			out[i].reviewers = append(out[i].reviewers, reviewer)
			if !conflict {
				out[i].active++
			}
		}
		return nil
	})
	return out, err
}

// insertAssignments inserts reviews rows a few hundred at a time: an edition of thousands
// of applications is assigned in a few statements rather than thousands.
func insertAssignments(ctx context.Context, tx *sql.Tx, pairs [][2]int64, now any) error {
	const chunk = 300
	for start := 0; start < len(pairs); start += chunk {
		part := pairs[start:min(start+chunk, len(pairs))]
		values := make([]string, len(part))
		args := []any{now}
		for i, p := range part {
			args = append(args, p[0], p[1])
			values[i] = "($" + itoa(len(args)-1) + ", $" + itoa(len(args)) + ", $1)"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO reviews (application_id, reviewer_id, assigned_at) VALUES `+
			strings.Join(values, ", "), args...); err != nil {
			return err
		}
	}
	return nil
}

// SetEligibility records whether a submitted application meets the call's conditions. An
// ineligible application needs a reason, which its applicant will read.
func (s *Store) SetEligibility(ctx context.Context, appID int64, el application.Eligibility, reason string) error {
	reason = strings.TrimSpace(reason)
	var v apperr.Validation
	v.Check(slices.Contains(application.Eligibilities, el), "eligibility", "review.error.eligibility")
	v.Check(el != application.Ineligible || reason != "", "reason", "review.error.reason_required")
	v.Check(len(reason) <= 2000, "reason", "review.error.reason_long")
	if err := v.Err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.LockRow(ctx, tx, "applications", "id", appID); err != nil {
			return err
		}
		a, err := applicationIn(ctx, tx, appID)
		if err != nil {
			return err
		}
		if a.Status != application.Submitted {
			return apperr.New(apperr.Conflict, "review.error.not_submitted")
		}
		e, err := editions.Load(ctx, tx, a.EditionID)
		if err != nil {
			return err
		}
		if selectionOut(e.Status) { // the decisions read it: changing it now would contradict them
			return apperr.New(apperr.Conflict, "review.error.eligibility_published")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET eligibility = $1, eligibility_reason = $2, updated_at = $3 WHERE id = $4`,
			el, reason, dbTime(s.now()), appID); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.EligibilitySet, "application", appID, e.RegionCode,
			map[string]any{"eligibility": a.Eligibility, "reason": a.EligibilityReason},
			map[string]any{"eligibility": el, "reason": reason})
	})
}
