package editions

import (
	"context"
	"database/sql"
	"slices"

	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// CreateTour validates t and stores it, setting t.ID.
func (s *Service) CreateTour(ctx context.Context, t *fair.Tour) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO tours (region_code, year, title_ar, title_fr, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, t.RegionCode, t.Year, t.Title.AR, t.Title.FR, db.TimeArg(s.db.Now())).Scan(&t.ID)
		if err != nil {
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.TourCreate, "tour", t.ID, t.RegionCode, nil, t)
	})
}

// Tours returns the tours of the given regions (every tour when all), the latest year first.
func (s *Service) Tours(ctx context.Context, all bool, regions []string) ([]fair.Tour, error) {
	var out []fair.Tour
	err := db.Each(ctx, s.db.Q(ctx), `SELECT id, region_code, year, title_ar, title_fr FROM tours ORDER BY year DESC, id DESC`, nil,
		func(sc db.Scanner) error {
			var t fair.Tour
			if err := sc.Scan(&t.ID, &t.RegionCode, &t.Year, &t.Title.AR, &t.Title.FR); err != nil {
				return err
			}
			if all || slices.Contains(regions, t.RegionCode) {
				out = append(out, t)
			}
			return nil
		})
	return out, err
}
