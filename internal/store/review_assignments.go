package store

import (
	"context"
	"time"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// Assignment is an application given to a reviewer, as their list shows it.
type Assignment struct {
	ApplicationID int64
	EditionID     int64
	EditionTitle  mltext.Text
	Reference     string
	Name          mltext.Text // the organisation's
	Province      string
	Sector        taxonomy.Sector
	Conflict      bool
	SubmittedAt   time.Time // zero while the review is to do
}

// Assignments lists the applications given to a reviewer across their editions, the
// latest edition first. Applications withdrawn or found ineligible are left out: they
// need no review any more.
func (s *Store) Assignments(ctx context.Context, reviewerID int64) ([]Assignment, error) {
	var out []Assignment
	err := eachRow(ctx, s.db, `SELECT a.id, a.edition_id, e.title_ar, e.title_fr, e.title_zgh, COALESCE(a.reference, ''),
			o.name_ar, o.name_fr, o.name_zgh, o.province_code, o.sector, r.conflict, r.submitted_at
		FROM reviews r JOIN applications a ON a.id = r.application_id JOIN organisations o ON o.id = a.organisation_id
		JOIN editions e ON e.id = a.edition_id
		WHERE r.reviewer_id = $1 AND a.status = 'submitted' AND a.eligibility <> 'ineligible'
		ORDER BY e.starts_on DESC, a.edition_id, a.id`, []any{reviewerID}, func(sc scanner) error {
		var x Assignment
		err := sc.Scan(&x.ApplicationID, &x.EditionID, &x.EditionTitle.AR, &x.EditionTitle.FR, &x.EditionTitle.ZGH, &x.Reference,
			&x.Name.AR, &x.Name.FR, &x.Name.ZGH, &x.Province, &x.Sector, &x.Conflict, timeCol(&x.SubmittedAt))
		out = append(out, x)
		return err
	})
	return out, err
}
