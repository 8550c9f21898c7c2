package store

import (
	"context"
	"database/sql"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/org"
)

const productColumns = `p.id, p.organisation_id, p.name_ar, p.name_fr, p.category, p.description_ar, p.description_fr,
	COALESCE(p.price_min, 0), COALESCE(p.price_max, 0), p.unit, p.available`

func scanProduct(sc interface{ Scan(...any) error }) (org.Product, error) {
	var p org.Product
	err := sc.Scan(&p.ID, &p.OrganisationID, &p.Name.AR, &p.Name.FR, &p.Category, &p.Description.AR, &p.Description.FR,
		&p.PriceMin, &p.PriceMax, &p.Unit, &p.Available)
	return p, err
}

// optPrice stores "not given" (0) as NULL.
func optPrice(c int64) sql.NullInt64 { return sql.NullInt64{Int64: c, Valid: c != 0} }

// productOwnerRegion checks that an organisation may have products (it exists and is not
// merged into another) and returns its region, for the audit log.
func (s *Store) productOwnerRegion(ctx context.Context, tx *sql.Tx, orgID int64) (string, error) {
	var merged int64
	var region string
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(o.merged_into, 0), p.region_code FROM organisations o
		JOIN provinces p ON p.code = o.province_code WHERE o.id = $1`, orgID).Scan(&merged, &region)
	if err != nil {
		return "", notFoundIfNoRows(err)
	}
	if merged != 0 {
		return "", apperr.New(apperr.Conflict, "org.error.merged")
	}
	return region, nil
}

// CreateProduct validates p and stores it for its organisation, setting p.ID. An
// organisation merged into another cannot get products (Conflict); an unknown one is
// NotFound.
func (s *Store) CreateProduct(ctx context.Context, p *org.Product) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		region, err := s.productOwnerRegion(ctx, tx, p.OrganisationID)
		if err != nil {
			return err
		}
		now := dbTime(s.now())
		err = tx.QueryRowContext(ctx, `
			INSERT INTO products (organisation_id, name_ar, name_fr, category, description_ar, description_fr,
				price_min, price_max, unit, available, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
			RETURNING id`,
			p.OrganisationID, p.Name.AR, p.Name.FR, p.Category, p.Description.AR, p.Description.FR,
			optPrice(p.PriceMin), optPrice(p.PriceMax), string(p.Unit), p.Available, now).Scan(&p.ID)
		if err != nil {
			return err
		}
		if err := s.indexProduct(ctx, tx, p.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.ProductCreate, "product", p.ID, region, nil, productAudit(p))
	})
}

// UpdateProduct validates and saves p, recording in the audit log what changed. A
// product stays with its organisation: p.OrganisationID is taken from the stored record.
func (s *Store) UpdateProduct(ctx context.Context, p *org.Product) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanProduct(tx.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products p WHERE p.id = $1`, p.ID))
		if err != nil {
			return notFoundIfNoRows(err)
		}
		p.OrganisationID = before.OrganisationID
		region, err := s.productOwnerRegion(ctx, tx, p.OrganisationID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE products SET name_ar = $1, name_fr = $2, category = $3, description_ar = $4, description_fr = $5,
				price_min = $6, price_max = $7, unit = $8, available = $9, updated_at = $10
			WHERE id = $11`,
			p.Name.AR, p.Name.FR, p.Category, p.Description.AR, p.Description.FR,
			optPrice(p.PriceMin), optPrice(p.PriceMax), string(p.Unit), p.Available, dbTime(s.now()), p.ID); err != nil {
			return err
		}
		if err := s.indexProduct(ctx, tx, p.ID); err != nil {
			return err
		}
		b, a := changed(productAudit(&before), productAudit(p))
		if len(a) == 0 {
			return nil
		}
		return s.record(ctx, tx, audit.ProductUpdate, "product", p.ID, region, b, a)
	})
}

// DeleteProduct removes a product, its photo records and its search document. NotFound
// when there is no such product.
func (s *Store) DeleteProduct(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanProduct(tx.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products p WHERE p.id = $1`, id))
		if err != nil {
			return notFoundIfNoRows(err)
		}
		var region string
		if err := tx.QueryRowContext(ctx, `SELECT p.region_code FROM organisations o JOIN provinces p ON p.code = o.province_code
			WHERE o.id = $1`, before.OrganisationID).Scan(&region); err != nil {
			return err
		}
		// Photo rows go with the product: SQLite may give a later product the same id.
		for _, q := range []string{`DELETE FROM photos WHERE owner_type = 'product' AND owner_id = $1`, `DELETE FROM products WHERE id = $1`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		if err := s.indexProduct(ctx, tx, id); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.ProductDelete, "product", id, region, productAudit(&before), nil)
	})
}

// Product returns one product, or NotFound.
func (s *Store) Product(ctx context.Context, id int64) (org.Product, error) {
	p, err := scanProduct(s.db.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products p WHERE p.id = $1`, id))
	return p, notFoundIfNoRows(err)
}

// Products returns an organisation's products ordered by Arabic name.
func (s *Store) Products(ctx context.Context, organisationID int64) ([]org.Product, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+productColumns+` FROM products p WHERE p.organisation_id = $1
		ORDER BY p.name_ar, p.name_fr, p.id`, organisationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []org.Product
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ProductRegion returns the region of a product's organisation, for access checks.
func (s *Store) ProductRegion(ctx context.Context, id int64) (string, error) {
	var region string
	err := s.db.QueryRowContext(ctx, `SELECT pv.region_code FROM products p JOIN organisations o ON o.id = p.organisation_id
		JOIN provinces pv ON pv.code = o.province_code WHERE p.id = $1`, id).Scan(&region)
	return region, notFoundIfNoRows(err)
}

// CountProducts returns how many products the registry holds.
func (s *Store) CountProducts(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM products`).Scan(&n)
	return n, err
}

// productAudit is what the audit log shows of a product.
func productAudit(p *org.Product) map[string]any {
	return map[string]any{
		"organisation": p.OrganisationID, "name_ar": p.Name.AR, "name_fr": p.Name.FR, "category": p.Category,
		"price_min": p.PriceMin, "price_max": p.PriceMax, "unit": string(p.Unit), "available": p.Available,
	}
}
