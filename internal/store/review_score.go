package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
)

// ReviewRow is one reviewer's review of an application, as the organisers see it.
type ReviewRow struct {
	application.Review
	ReviewerName string
	AssignedAt   time.Time
}

const reviewColumns = `r.application_id, r.reviewer_id, r.scores, r.comment, r.conflict, r.submitted_at, r.assigned_at, u.name`

func scanReview(sc scanner) (ReviewRow, error) {
	var r ReviewRow
	var scores string
	err := sc.Scan(&r.ApplicationID, &r.ReviewerID, &scores, &r.Comment, &r.Conflict, timeCol(&r.SubmittedAt),
		timeCol(&r.AssignedAt), &r.ReviewerName)
	if err == nil {
		err = json.Unmarshal([]byte(scores), &r.Scores)
	}
	return r, err
}

// Reviews lists the reviews of an application, in the order they were assigned.
func (s *Store) Reviews(ctx context.Context, appID int64) ([]ReviewRow, error) {
	var out []ReviewRow
	err := eachRow(ctx, s.db, `SELECT `+reviewColumns+` FROM reviews r JOIN users u ON u.id = r.reviewer_id
		WHERE r.application_id = $1 ORDER BY r.assigned_at, r.reviewer_id`, []any{appID}, func(sc scanner) error {
		r, err := scanReview(sc)
		out = append(out, r)
		return err
	})
	return out, err
}

// Review returns one reviewer's review of an application; NotFound when the application
// was not given to them.
func (s *Store) Review(ctx context.Context, appID, reviewerID int64) (ReviewRow, error) {
	return reviewIn(ctx, s.db, appID, reviewerID)
}

func reviewIn(ctx context.Context, q querier, appID, reviewerID int64) (ReviewRow, error) {
	r, err := scanReview(q.QueryRowContext(ctx, `SELECT `+reviewColumns+` FROM reviews r JOIN users u ON u.id = r.reviewer_id
		WHERE r.application_id = $1 AND r.reviewer_id = $2`, appID, reviewerID))
	if errors.Is(err, sql.ErrNoRows) {
		err = apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return r, err
}

// reviewWindow refuses reviews before the call's deadline (applicants may still change
// their application) unless the organisers already moved the edition to review, and once
// the selection is published (the scores have been used).
func reviewWindow(ctx context.Context, q querier, editionID int64, now time.Time) (fair.Edition, call.Call, error) {
	e, err := editions.Load(ctx, q, editionID)
	if err != nil {
		return e, call.Call{}, err
	}
	c, ok, err := editions.LoadCall(ctx, q, editionID)
	switch {
	case err != nil:
		return e, c, err
	case !ok:
		return e, c, apperr.New(apperr.Conflict, "application.error.no_call")
	case e.Status == fair.SelectionPublished || e.Status == fair.Running || e.Status == fair.Closed || e.Status == fair.Reported:
		return e, c, apperr.New(apperr.Conflict, "review.error.selection_published")
	case e.Status != fair.InReview && now.Before(c.ClosesAt):
		return e, c, apperr.New(apperr.Conflict, "review.error.call_open", "closes", c.ClosesAt.In(casablanca))
	}
	return e, c, nil
}

// maxComment bounds a reviewer's comment or conflict reason.
const maxComment = 4000

// SaveReview stores a reviewer's scores of an application given to them: every criterion
// the committee scores must be given, on its scale (0 to its maximum). The comment is
// optional. A reviewer may correct a review until the selection is published.
func (s *Store) SaveReview(ctx context.Context, appID, reviewerID int64, scores map[string]int, comment string) error {
	comment = strings.TrimSpace(comment)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Locked first: a conflict declared meanwhile, or a publication (which writes the
		// application's decision), is seen by the checks below.
		if err := s.LockRow(ctx, tx, "applications", "id", appID); err != nil {
			return err
		}
		before, err := reviewIn(ctx, tx, appID, reviewerID)
		if err != nil {
			return err
		}
		if before.Conflict {
			return apperr.New(apperr.Conflict, "review.error.conflict_declared")
		}
		a, err := applicationIn(ctx, tx, appID)
		if err != nil {
			return err
		}
		if a.Status != application.Submitted || a.Eligibility == application.Ineligible {
			return apperr.New(apperr.Conflict, "review.error.not_reviewable")
		}
		e, c, err := reviewWindow(ctx, tx, a.EditionID, s.now())
		if err != nil {
			return err
		}
		clean := map[string]int{}
		var v apperr.Validation
		for _, cr := range c.Criteria {
			if cr.Source != call.ByReviewers {
				continue
			}
			n, ok := scores[cr.Code]
			switch {
			case !ok:
				v.Add("score."+cr.Code, "review.error.score_missing")
			case n < 0 || n > cr.Max:
				v.Add("score."+cr.Code, "review.error.score_range", "max", cr.Max)
			default:
				clean[cr.Code] = n
			}
		}
		v.Check(len(comment) <= maxComment, "comment", "review.error.comment_long", "max", maxComment)
		if err := v.Err(); err != nil {
			return err
		}
		data, err := json.Marshal(clean)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reviews SET scores = $1, comment = $2, submitted_at = $3
			WHERE application_id = $4 AND reviewer_id = $5`, string(data), comment, dbTime(s.now()), appID, reviewerID); err != nil {
			return err
		}
		var old any
		if !before.SubmittedAt.IsZero() {
			old = map[string]any{"scores": before.Scores, "comment": before.Comment}
		}
		return s.record(ctx, tx, audit.ReviewSubmit, "application", appID, e.RegionCode, old,
			map[string]any{"reviewer": reviewerID, "scores": clean, "comment": comment})
	})
}

// DeclareConflict records that a reviewer has a conflict of interest with an application
// (its reason is required) and gives the application to the edition's reviewer with the
// fewest applications who has not had it yet. It returns that reviewer, or 0 when the
// committee has nobody left: the organisers then see the application short of a review.
// Declaring it again changes nothing.
func (s *Store) DeclareConflict(ctx context.Context, appID, reviewerID int64, reason string) (int64, error) {
	reason = strings.TrimSpace(reason)
	var v apperr.Validation
	v.Check(reason != "", "reason", "review.error.conflict_reason")
	v.Check(len(reason) <= maxComment, "reason", "review.error.comment_long", "max", maxComment)
	if err := v.Err(); err != nil {
		return 0, err
	}
	var replacement int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// The replacement is chosen by the committee's loads and gets a new assignment: the
		// edition is locked as for an assignment run, then the application.
		if err := s.lockEditionOf(ctx, tx, appID); err != nil {
			return err
		}
		r, err := reviewIn(ctx, tx, appID, reviewerID)
		if err != nil || r.Conflict {
			return err
		}
		a, err := applicationIn(ctx, tx, appID)
		if err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, a.EditionID)
		if err != nil {
			return err
		}
		if e.Status == fair.SelectionPublished || e.Status == fair.Running || e.Status == fair.Closed || e.Status == fair.Reported {
			return apperr.New(apperr.Conflict, "review.error.selection_published")
		}
		now := dbTime(s.now())
		if _, err := tx.ExecContext(ctx, `UPDATE reviews SET conflict = TRUE, scores = '{}', comment = $1, submitted_at = $2
			WHERE application_id = $3 AND reviewer_id = $4`, reason, now, appID, reviewerID); err != nil {
			return err
		}
		committee, err := editionReviewers(ctx, tx, a.EditionID)
		if err != nil {
			return err
		}
		had, err := queryInts(ctx, tx, `SELECT reviewer_id FROM reviews WHERE application_id = $1`, appID)
		if err != nil {
			return err
		}
		best := -1
		for i, m := range committee {
			if containsInt(had, m.ID) {
				continue
			}
			if best < 0 || m.Assigned < committee[best].Assigned || (m.Assigned == committee[best].Assigned && m.ID < committee[best].ID) {
				best = i
			}
		}
		if best >= 0 {
			replacement = committee[best].ID
			if err := insertAssignments(ctx, tx, [][2]int64{{appID, replacement}}, now); err != nil {
				return err
			}
		}
		return s.record(ctx, tx, audit.ReviewConflict, "application", appID, e.RegionCode, nil,
			map[string]any{"reviewer": reviewerID, "reason": reason, "replacement": replacement})
	})
	return replacement, err
}

// lockEditionOf locks the edition of an application, then the application: the order in
// which every workflow that takes both locks them, so that two never wait for each other.
// The edition of an application never changes, so reading it before the lock is safe.
func (s *Store) lockEditionOf(ctx context.Context, tx *sql.Tx, appID int64) error {
	var editionID int64
	err := tx.QueryRowContext(ctx, `SELECT edition_id FROM applications WHERE id = $1`, appID).Scan(&editionID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // the caller's own read says not found
	}
	if err != nil {
		return err
	}
	if err := s.LockRow(ctx, tx, "editions", "id", editionID); err != nil {
		return err
	}
	return s.LockRow(ctx, tx, "applications", "id", appID)
}

func queryInts(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	var out []int64
	err := eachRow(ctx, q, query, args, func(sc scanner) error {
		var n int64
		err := sc.Scan(&n)
		out = append(out, n)
		return err
	})
	return out, err
}

func containsInt(list []int64, n int64) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
