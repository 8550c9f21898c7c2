package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/imaging"
	"github.com/aswaq/aswaq/internal/org"
)

// Photo is one photo of an organisation or a product (see org.Photo).
type Photo = org.Photo

// The kinds of owner a photo can have.
const (
	PhotoOfOrganisation = org.PhotoOfOrganisation
	PhotoOfProduct      = org.PhotoOfProduct
)

// MaxPhotos is how many photos one organisation or product may have: enough to show the
// work, few enough for a catalogue page to stay light on a phone.
const MaxPhotos = 8

// AddPhoto stores the renditions of a processed photo (once, however many records use the
// same file) and attaches it to its owner after the owner's other photos.
func (s *Store) AddPhoto(ctx context.Context, ownerType string, ownerID int64, res *imaging.Result) (Photo, error) {
	p := Photo{OwnerType: ownerType, OwnerID: ownerID, Width: res.Width, Height: res.Height,
		Thumb: res.FileName(res.Thumb), Medium: res.FileName(res.Medium), Large: res.FileName(res.Large)}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		region, err := s.photoOwnerRegion(ctx, tx, ownerType, ownerID)
		if err != nil {
			return err
		}
		var count, next int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(position), 0) + 1 FROM photos WHERE owner_type = $1 AND owner_id = $2`,
			ownerType, ownerID).Scan(&count, &next); err != nil {
			return err
		}
		if count >= MaxPhotos {
			var v apperr.Validation
			v.Add("photo", "imaging.error.too_many_photos", "max", MaxPhotos)
			return v.Err()
		}
		now := dbTime(s.now())
		for _, rd := range res.Renditions() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO media (name, content_type, data, created_at) VALUES ($1, $2, $3, $4)
				ON CONFLICT (name) DO NOTHING`, res.FileName(rd), rd.ContentType, rd.Data, now); err != nil {
				return err
			}
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO photos (owner_type, owner_id, position, hash, width, height, thumb, medium, large, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			ownerType, ownerID, next, res.Hash, p.Width, p.Height, p.Thumb, p.Medium, p.Large, now).Scan(&p.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.PhotoAdd, ownerType, ownerID, region, nil, map[string]string{"photo": p.Large})
	})
	return p, err
}

// photoOwnerRegion checks that the owner exists and returns its region.
func (s *Store) photoOwnerRegion(ctx context.Context, q querier, ownerType string, ownerID int64) (string, error) {
	var region string
	var err error
	switch ownerType {
	case PhotoOfOrganisation:
		err = q.QueryRowContext(ctx, `SELECT p.region_code FROM organisations o JOIN provinces p ON p.code = o.province_code WHERE o.id = $1`, ownerID).Scan(&region)
	case PhotoOfProduct:
		err = q.QueryRowContext(ctx, `SELECT p.region_code FROM products x JOIN organisations o ON o.id = x.organisation_id
			JOIN provinces p ON p.code = o.province_code WHERE x.id = $1`, ownerID).Scan(&region)
	default:
		return "", errors.New("store: unknown photo owner " + ownerType)
	}
	return region, notFoundIfNoRows(err)
}

// Photos lists an owner's photos in their order.
func (s *Store) Photos(ctx context.Context, ownerType string, ownerID int64) ([]Photo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, owner_type, owner_id, width, height, thumb, medium, large FROM photos
		WHERE owner_type = $1 AND owner_id = $2 ORDER BY position, id`, ownerType, ownerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Photo
	for rows.Next() {
		var p Photo
		if err := rows.Scan(&p.ID, &p.OwnerType, &p.OwnerID, &p.Width, &p.Height, &p.Thumb, &p.Medium, &p.Large); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// RemovePhoto detaches a photo from its owner. The image files stay in media while any
// photo still uses them.
func (s *Store) RemovePhoto(ctx context.Context, ownerType string, ownerID, photoID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var large string
		err := tx.QueryRowContext(ctx, `SELECT large FROM photos WHERE id = $1 AND owner_type = $2 AND owner_id = $3`, photoID, ownerType, ownerID).Scan(&large)
		if err != nil {
			return notFoundIfNoRows(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM photos WHERE id = $1`, photoID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM media WHERE name IN (SELECT m.name FROM media m
			WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.thumb = m.name OR p.medium = m.name OR p.large = m.name))`); err != nil {
			return err
		}
		region, _ := s.photoOwnerRegion(ctx, tx, ownerType, ownerID)
		return s.record(ctx, tx, audit.PhotoRemove, ownerType, ownerID, region, map[string]string{"photo": large}, nil)
	})
}

// Media returns a stored image file.
func (s *Store) Media(ctx context.Context, name string) (contentType string, data []byte, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT content_type, data FROM media WHERE name = $1`, name).Scan(&contentType, &data)
	return contentType, data, notFoundIfNoRows(err)
}
