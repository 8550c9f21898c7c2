package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/importer"
)

// UploadsKept is how long an uploaded registry file waits for its import to be finished.
// The hourly maintenance deletes older ones (DeleteUploadsBefore): the file holds personal
// data (phones, addresses), and a day is enough to correct a mapping and commit.
const UploadsKept = 24 * time.Hour

// Upload is a registry file uploaded through the import pages, kept between the steps of
// its import. It belongs to the user who uploaded it: every read and change names that
// user, and another user's upload is not found.
type Upload struct {
	ID       string
	UserID   int64
	FileName string
	Size     int64
	Data     []byte // nil unless asked for
	// Region limits the import to one region (ImportOptions.Region); "" for every region.
	Region string
	// Mapping is the mapping the user confirmed; its Columns are nil until then.
	Mapping importer.Mapping
	// Result is what committing the import did; nil until then.
	Result    *UploadResult
	CreatedAt time.Time
}

// UploadResult is what committing an upload did, kept for the page that shows it.
type UploadResult struct {
	Rows      int `json:"rows"` // data rows read from the file
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Rejected  int `json:"rejected"`
	Flagged   int `json:"flagged"` // possible duplicates
}

// SaveUpload stores an uploaded file for u.UserID and sets u.ID and u.CreatedAt.
func (s *Store) SaveUpload(ctx context.Context, u *Upload) error {
	b := make([]byte, 16)
	rand.Read(b)
	u.ID = hex.EncodeToString(b)
	u.Size = int64(len(u.Data))
	u.CreatedAt = dbTime(s.now())
	_, err := s.db.ExecContext(ctx, `INSERT INTO import_uploads (id, user_id, file_name, size, data, region, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, u.ID, u.UserID, u.FileName, u.Size, u.Data, u.Region, u.CreatedAt)
	return err
}

// Upload returns the upload id of user userID, with its file when withData is set. An
// upload of someone else, or one deleted since, is apperr.NotFound.
func (s *Store) Upload(ctx context.Context, id string, userID int64, withData bool) (Upload, error) {
	u := Upload{ID: id}
	var mapping, result string
	cols := `user_id, file_name, size, region, mapping, result, created_at`
	dest := []any{&u.UserID, &u.FileName, &u.Size, &u.Region, &mapping, &result, timeCol(&u.CreatedAt)}
	if withData {
		cols += `, data`
		dest = append(dest, &u.Data)
	}
	err := s.db.QueryRowContext(ctx, `SELECT `+cols+` FROM import_uploads WHERE id = $1 AND user_id = $2`, id, userID).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return u, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	if err != nil {
		return u, err
	}
	if mapping != "" {
		for i, code := range strings.Split(mapping, ",") {
			if err := u.Mapping.Set(i, code); err != nil {
				return u, err
			}
		}
	}
	if result != "" {
		u.Result = new(UploadResult)
		if err := json.Unmarshal([]byte(result), u.Result); err != nil {
			return u, err
		}
	}
	return u, nil
}

// SetUploadMapping keeps the mapping the user confirmed for their upload.
func (s *Store) SetUploadMapping(ctx context.Context, id string, userID int64, m importer.Mapping) error {
	codes := make([]string, len(m.Columns))
	for i, f := range m.Columns {
		codes[i] = string(f)
	}
	return s.updateUpload(ctx, `mapping`, strings.Join(codes, ","), id, userID)
}

// SetUploadResult keeps what committing the upload did.
func (s *Store) SetUploadResult(ctx context.Context, id string, userID int64, r UploadResult) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.updateUpload(ctx, `result`, string(b), id, userID)
}

func (s *Store) updateUpload(ctx context.Context, column, value, id string, userID int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE import_uploads SET `+column+` = $1 WHERE id = $2 AND user_id = $3`, value, id, userID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = apperr.New(apperr.NotFound, "error.not_found_title")
		}
		return err
	}
	return nil
}

// DeleteUploadsBefore removes the uploads made before t and says how many.
func (s *Store) DeleteUploadsBefore(ctx context.Context, t time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM import_uploads WHERE created_at < $1`, dbTime(t))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
