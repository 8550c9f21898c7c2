// Package reference reads the reference lists that migrations load: the twelve regions and
// the prefectures and provinces.
package reference

import (
	"context"
	"database/sql"
	"errors"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// Service reads the reference lists.
type Service struct{ db *db.DB }

// New returns the reference service over d.
func New(d *db.DB) *Service { return &Service{db: d} }

// Regions returns the twelve regions ordered by code.
func (s *Service) Regions(ctx context.Context) ([]geo.Region, error) {
	rows, err := s.db.Q(ctx).QueryContext(ctx, `SELECT code, name_ar, name_fr FROM regions ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []geo.Region
	for rows.Next() {
		var r geo.Region
		if err := rows.Scan(&r.Code, &r.NameAR, &r.NameFR); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Provinces returns the prefectures and provinces of a region ordered by code, or of every
// region when regionCode is empty.
func (s *Service) Provinces(ctx context.Context, regionCode string) ([]geo.Prov, error) {
	rows, err := s.db.Q(ctx).QueryContext(ctx, `
		SELECT code, region_code, name_ar, name_fr, kind FROM provinces
		WHERE $1 = '' OR region_code = $1
		ORDER BY region_code, code`, regionCode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []geo.Prov
	for rows.Next() {
		var p geo.Prov
		if err := rows.Scan(&p.Code, &p.RegionCode, &p.NameAR, &p.NameFR, &p.Kind); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CheckProvinceInRegion refuses an unknown province, or one outside the given region (when
// region is set), as a field error with the given message keys.
func CheckProvinceInRegion(ctx context.Context, tx *sql.Tx, province, region, field, unknownKey, elsewhereKey string) error {
	var got string
	err := tx.QueryRowContext(ctx, `SELECT region_code FROM provinces WHERE code = $1`, province).Scan(&got)
	var v apperr.Validation
	switch {
	case errors.Is(err, sql.ErrNoRows):
		v.Add(field, unknownKey, "code", province)
	case err != nil:
		return err
	case region != "" && got != region:
		v.Add(field, elsewhereKey, "code", province)
	}
	return v.Err()
}
