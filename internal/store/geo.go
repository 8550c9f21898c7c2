package store

import (
	"context"

	"github.com/aswaq/aswaq/internal/geo"
)

// Regions returns the twelve regions ordered by code.
func (s *Store) Regions(ctx context.Context) ([]geo.Region, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT code, name_ar, name_fr FROM regions ORDER BY code`)
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
func (s *Store) Provinces(ctx context.Context, regionCode string) ([]geo.Prov, error) {
	rows, err := s.db.QueryContext(ctx, `
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
