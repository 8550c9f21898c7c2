package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/fair"
)

const editionColumns = `id, kind, number, region_code, province_code, city_ar, city_fr, venue_ar, venue_fr,
	title_ar, title_fr, title_zgh, slogan_ar, slogan_fr, slogan_zgh, starts_on, ends_on,
	area_m2, target_visitors, target_exhibitors, target_organisations, target_stands, status`

func scanEdition(sc interface{ Scan(...any) error }) (fair.Edition, error) {
	var e fair.Edition
	err := sc.Scan(&e.ID, &e.Kind, intCol{&e.Number}, &e.RegionCode, &e.ProvinceCode,
		&e.City.AR, &e.City.FR, &e.Venue.AR, &e.Venue.FR,
		&e.Title.AR, &e.Title.FR, &e.Title.ZGH, &e.Slogan.AR, &e.Slogan.FR, &e.Slogan.ZGH,
		dateCol{&e.StartsOn}, dateCol{&e.EndsOn},
		intCol{&e.AreaM2}, intCol{&e.TargetVisitors}, intCol{&e.TargetExhibitors}, intCol{&e.TargetOrgs}, intCol{&e.TargetStands}, &e.Status)
	return e, err
}

// CreateEdition validates e and stores it, setting e.ID. Nothing is stored when any check
// fails.
func (s *Store) CreateEdition(ctx context.Context, e *fair.Edition) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkProvinceInRegion(ctx, tx, e.ProvinceCode, e.RegionCode, "province",
			"fair.error.province_unknown", "fair.error.province_not_in_region"); err != nil {
			return err
		}
		now := dbTime(s.now())
		return tx.QueryRowContext(ctx, `
			INSERT INTO editions (kind, number, region_code, province_code, city_ar, city_fr, venue_ar, venue_fr,
				title_ar, title_fr, title_zgh, slogan_ar, slogan_fr, slogan_zgh, starts_on, ends_on,
				area_m2, target_visitors, target_exhibitors, target_organisations, target_stands, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23)
			RETURNING id`,
			e.Kind, optInt(e.Number), e.RegionCode, e.ProvinceCode, e.City.AR, e.City.FR, e.Venue.AR, e.Venue.FR,
			e.Title.AR, e.Title.FR, e.Title.ZGH, e.Slogan.AR, e.Slogan.FR, e.Slogan.ZGH,
			dateArg(e.StartsOn), dateArg(e.EndsOn), optInt(e.AreaM2), optInt(e.TargetVisitors),
			optInt(e.TargetExhibitors), optInt(e.TargetOrgs), optInt(e.TargetStands), e.Status, now,
		).Scan(&e.ID)
	})
}

// checkProvinceInRegion refuses an unknown province, or one outside the given region (when
// region is set), as a field error with the given message keys.
func checkProvinceInRegion(ctx context.Context, tx *sql.Tx, province, region, field, unknownKey, elsewhereKey string) error {
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

// Editions returns every edition, the most recent first.
func (s *Store) Editions(ctx context.Context) ([]fair.Edition, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+editionColumns+` FROM editions ORDER BY starts_on DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fair.Edition
	for rows.Next() {
		e, err := scanEdition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Edition returns one edition, or a NotFound error.
func (s *Store) Edition(ctx context.Context, id int64) (fair.Edition, error) {
	e, err := scanEdition(s.db.QueryRowContext(ctx, `SELECT `+editionColumns+` FROM editions WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return e, err
}

// CountEditions returns how many editions exist.
func (s *Store) CountEditions(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM editions`).Scan(&n)
	return n, err
}

// EditionsInRegions returns the editions of the given regions (all when regions is nil
// and all is true), most recent first, for pickers.
func (s *Store) EditionsInRegions(ctx context.Context, all bool, regions []string) ([]fair.Edition, error) {
	eds, err := s.Editions(ctx)
	if err != nil || all {
		return eds, err
	}
	out := eds[:0]
	for _, e := range eds {
		if slices.Contains(regions, e.RegionCode) {
			out = append(out, e)
		}
	}
	return out, nil
}
