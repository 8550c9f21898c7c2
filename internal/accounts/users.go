package accounts

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/platform/db"
)

const userColumns = `id, name, COALESCE(email, ''), COALESCE(phone, ''), lang, password_hash <> '', active, created_at`

func scanUser(sc interface{ Scan(...any) error }) (account.User, error) {
	var u account.User
	err := sc.Scan(&u.ID, &u.Name, &u.Email, &u.Phone, &u.Lang, &u.HasPassword, &u.Active, db.ScanTime(&u.CreatedAt))
	return u, err
}

func nullIfEmpty(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// createUser inserts a normalized user and its grants inside tx, refusing an email or phone
// that another account already uses.
func (s *Service) createUser(ctx context.Context, tx *sql.Tx, u *account.User, passwordHash string, grants []account.Grant) error {
	if err := u.Normalize(); err != nil {
		return err
	}
	var v apperr.Validation
	for _, c := range []struct{ field, value, key string }{
		{"email", u.Email, "account.error.email_taken"}, {"phone", u.Phone, "account.error.phone_taken"},
	} {
		if c.value == "" {
			continue
		}
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM users WHERE `+c.field+` = $1`, c.value).Scan(&one)
		switch {
		case err == nil:
			v.Add(c.field, c.key)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	if err := v.Err(); err != nil {
		return apperr.WithCode(err, apperr.Conflict)
	}
	now := db.TimeArg(s.db.Now())
	u.Active, u.HasPassword, u.CreatedAt = true, passwordHash != "", now
	err := tx.QueryRowContext(ctx, `
		INSERT INTO users (name, email, phone, lang, password_hash, active, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, TRUE, $6, $6) RETURNING id`,
		u.Name, nullIfEmpty(u.Email), nullIfEmpty(u.Phone), string(u.Lang), passwordHash, now).Scan(&u.ID)
	if err != nil {
		return err
	}
	for i := range grants {
		grants[i].UserID = u.ID
		if err := s.addGrant(ctx, tx, &grants[i]); err != nil {
			return err
		}
	}
	return nil
}

// CreateUser stores a user with a password already hashed (or none) and grants, as the
// command line does for the first admin.
func (s *Service) CreateUser(ctx context.Context, u *account.User, passwordHash string, grants []account.Grant) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.createUser(ctx, tx, u, passwordHash, grants); err != nil {
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.UserCreate, "user", u.ID, singleRegion(grants), nil, userAudit(u, grants))
	})
}

// User returns one user, or NotFound.
func (s *Service) User(ctx context.Context, id int64) (account.User, error) {
	u, err := scanUser(s.db.Q(ctx).QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return u, err
}

// UserForLogin finds an active or disabled user by email or phone and returns its password
// hash. The identifier is normalized as the sign-up forms do, so "0612-345678" finds
// "+212612345678". A user that does not exist is NotFound.
func (s *Service) UserForLogin(ctx context.Context, identifier string) (account.User, string, error) {
	var col, value string
	var err error
	if account.LooksLikeEmail(identifier) {
		col = "email"
		value, err = account.NormalizeEmail(identifier)
	} else {
		col = "phone"
		value, err = account.NormalizePhone(identifier)
	}
	if err != nil {
		return account.User{}, "", apperr.New(apperr.NotFound, "account.error.login_failed")
	}
	var hash string
	row := s.db.Q(ctx).QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE `+col+` = $1`, value)
	var u account.User
	err = row.Scan(&u.ID, &u.Name, &u.Email, &u.Phone, &u.Lang, &u.HasPassword, &u.Active, db.ScanTime(&u.CreatedAt), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", apperr.New(apperr.NotFound, "account.error.login_failed")
	}
	return u, hash, err
}

// UserFilter narrows a listing of users to what a viewer may see.
type UserFilter struct {
	AllRegions bool
	Regions    []string // users holding a grant in one of these regions
	Query      string   // a piece of name, email or phone
	Limit      int
	Offset     int
}

// Users lists users by name within the filter, with the total count for paging.
func (s *Service) Users(ctx context.Context, f UserFilter) ([]account.User, int, error) {
	var where []string
	var args db.Args
	if !f.AllRegions {
		if len(f.Regions) == 0 {
			return nil, 0, nil
		}
		where = append(where, `id IN (SELECT g.user_id FROM (`+grantRegionsQuery+`) g WHERE `+db.RegionIn(&args, "g.region", f.Regions)+`)`)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		p := args.Add("%" + strings.ToLower(q) + "%")
		where = append(where, `(LOWER(name) LIKE `+p+` OR LOWER(COALESCE(email, '')) LIKE `+p+` OR COALESCE(phone, '') LIKE `+p+`)`)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := s.db.Q(ctx).QueryRowContext(ctx, `SELECT COUNT(*) FROM users`+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	rows, err := s.db.Q(ctx).QueryContext(ctx, `SELECT `+userColumns+` FROM users`+cond+` ORDER BY name, id LIMIT `+args.Add(limit)+` OFFSET `+args.Add(max(f.Offset, 0)), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []account.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, u)
	}
	return out, total, rows.Err()
}

// SetUserActive enables or disables a user; a disabled user cannot sign in and their
// sessions stop working at their next request.
func (s *Service) SetUserActive(ctx context.Context, id int64, active bool) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		var was bool
		if err := tx.QueryRowContext(ctx, `SELECT active FROM users WHERE id = $1`, id).Scan(&was); err != nil {
			return notFoundIfNoRows(err)
		}
		if was == active {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET active = $1, updated_at = $2 WHERE id = $3`, active, db.TimeArg(s.db.Now()), id); err != nil {
			return err
		}
		action := audit.UserDeactivate
		if active {
			action = audit.UserActivate
		}
		region, err := s.userRegion(ctx, tx, id)
		if err != nil {
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), action, "user", id, region, map[string]bool{"active": was}, map[string]bool{"active": active})
	})
}

// SetPassword replaces a user's password hash.
func (s *Service) SetPassword(ctx context.Context, id int64, hash string) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.setPassword(ctx, tx, id, hash, audit.UserPasswordChange)
	})
}

func (s *Service) setPassword(ctx context.Context, tx *sql.Tx, id int64, hash, action string) error {
	res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, hash, db.TimeArg(s.db.Now()), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apperr.New(apperr.NotFound, "error.not_found_title")
	}
	region, err := s.userRegion(ctx, tx, id)
	if err != nil {
		return err
	}
	return auditlog.Record(ctx, tx, s.db.Now(), action, "user", id, region, nil, nil)
}

// SetUserLang records the language a user reads and receives messages in.
func (s *Service) SetUserLang(ctx context.Context, id int64, l i18n.Lang) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE users SET lang = $1, updated_at = $2 WHERE id = $3`, string(l), db.TimeArg(s.db.Now()), id)
		return err
	})
}

func notFoundIfNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return err
}

// userAudit is what the audit log shows of a new user.
func userAudit(u *account.User, grants []account.Grant) map[string]any {
	roles := make([]string, len(grants))
	for i, g := range grants {
		roles[i] = grantLabel(g)
	}
	return map[string]any{"name": u.Name, "email": u.Email, "phone": u.Phone, "lang": u.Lang, "grants": roles}
}

// UserForLoginByID returns a user and their password hash, to check the current password
// before it is changed.
func (s *Service) UserForLoginByID(ctx context.Context, id int64) (account.User, string, error) {
	var u account.User
	var hash string
	err := s.db.Q(ctx).QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE id = $1`, id).
		Scan(&u.ID, &u.Name, &u.Email, &u.Phone, &u.Lang, &u.HasPassword, &u.Active, db.ScanTime(&u.CreatedAt), &hash)
	return u, hash, notFoundIfNoRows(err)
}

// Representatives returns the active users who represent organisation orgID (hold its
// exhibitor grant), read through q: the people a decision about it is sent to.
func Representatives(ctx context.Context, q db.Querier, orgID int64) ([]account.User, error) {
	var out []account.User
	err := db.Each(ctx, q, `SELECT `+userColumns+` FROM users WHERE active AND id IN
		(SELECT user_id FROM grants WHERE role = 'exhibitor' AND organisation_id = $1) ORDER BY id`, []any{orgID},
		func(sc db.Scanner) error {
			u, err := scanUser(sc)
			out = append(out, u)
			return err
		})
	return out, err
}
