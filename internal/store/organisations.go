package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/aswaq/aswaq/internal/org"
)

const organisationColumns = `id, legal_form, name_ar, name_fr, name_zgh, province_code, sector, women_led, youth_led`

func scanOrganisation(sc interface{ Scan(...any) error }) (org.Organisation, error) {
	var o org.Organisation
	err := sc.Scan(&o.ID, &o.LegalForm, &o.Name.AR, &o.Name.FR, &o.Name.ZGH, &o.ProvinceCode, &o.Sector, &o.WomenLed, &o.YouthLed)
	return o, err
}

func scanOrganisations(rows *sql.Rows) ([]org.Organisation, error) {
	defer rows.Close()
	var out []org.Organisation
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// CreateOrganisation validates o and stores it, setting o.ID.
func (s *Store) CreateOrganisation(ctx context.Context, o *org.Organisation) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkProvinceInRegion(ctx, tx, o.ProvinceCode, "", "province", "org.error.province_unknown", ""); err != nil {
			return err
		}
		now := dbTime(s.now())
		return tx.QueryRowContext(ctx, `
			INSERT INTO organisations (legal_form, name_ar, name_fr, name_zgh, province_code, sector, women_led, youth_led, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
			o.LegalForm, o.Name.AR, o.Name.FR, o.Name.ZGH, o.ProvinceCode, o.Sector, o.WomenLed, o.YouthLed, now,
		).Scan(&o.ID)
	})
}

// Organisations returns organisations ordered by id, at most limit of them.
func (s *Store) Organisations(ctx context.Context, limit int) ([]org.Organisation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	return scanOrganisations(rows)
}

// CountOrganisations returns how many organisations the registry holds.
func (s *Store) CountOrganisations(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations`).Scan(&n)
	return n, err
}

// Organisation returns one organisation, or NotFound.
func (s *Store) Organisation(ctx context.Context, id int64) (org.Organisation, error) {
	o, err := scanOrganisation(s.db.QueryRowContext(ctx, `SELECT `+organisationColumns+` FROM organisations WHERE id = $1`, id))
	return o, notFoundIfNoRows(err)
}

// OrganisationsInRegions lists organisations of the given regions (every region when all
// is set) by Arabic name, at most limit of them, for pickers.
func (s *Store) OrganisationsInRegions(ctx context.Context, all bool, regions []string, limit int) ([]org.Organisation, error) {
	args := []any{limit}
	cond := ""
	if !all {
		if len(regions) == 0 {
			return nil, nil
		}
		ph := make([]string, len(regions))
		for i, r := range regions {
			args = append(args, r)
			ph[i] = "$" + itoa(len(args))
		}
		cond = ` WHERE province_code IN (SELECT code FROM provinces WHERE region_code IN (` + strings.Join(ph, ", ") + `))`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations`+cond+` ORDER BY name_ar, id LIMIT $1`, args...)
	if err != nil {
		return nil, err
	}
	return scanOrganisations(rows)
}
