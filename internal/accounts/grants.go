package accounts

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// grantRegionsQuery lists every grant with the region it falls in: its own region, its
// edition's region, or the region of its organisation's province.
const grantRegionsQuery = `
	SELECT g.id, g.user_id, g.role, COALESCE(g.region_code, e.region_code, p.region_code, '') AS region,
		COALESCE(g.edition_id, 0) AS edition_id, COALESCE(g.organisation_id, 0) AS organisation_id
	FROM grants g
	LEFT JOIN editions e ON e.id = g.edition_id
	LEFT JOIN organisations o ON o.id = g.organisation_id
	LEFT JOIN provinces p ON p.code = o.province_code`

// Grants returns a user's grants with their regions.
func (s *Service) Grants(ctx context.Context, userID int64) ([]account.Grant, error) {
	return s.grants(ctx, s.db.Q(ctx), userID)
}

func (s *Service) grants(ctx context.Context, q db.Querier, userID int64) ([]account.Grant, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM (`+grantRegionsQuery+`) g WHERE g.user_id = $1 ORDER BY g.id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []account.Grant
	for rows.Next() {
		var g account.Grant
		if err := rows.Scan(&g.ID, &g.UserID, &g.Role, &g.RegionCode, &g.EditionID, &g.OrganisationID); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// GrantRegion returns the region a grant would fall in, checking that its edition,
// organisation or region exists. An admin grant has no region.
func (s *Service) GrantRegion(ctx context.Context, g account.Grant) (string, error) {
	return grantRegion(ctx, s.db.Q(ctx), g)
}

func grantRegion(ctx context.Context, q db.Querier, g account.Grant) (string, error) {
	var region string
	var err error
	switch g.Role.Scope() {
	case account.ScopeNone:
		return "", nil
	case account.ScopeRegion:
		err = q.QueryRowContext(ctx, `SELECT code FROM regions WHERE code = $1`, g.RegionCode).Scan(&region)
	case account.ScopeEdition:
		err = q.QueryRowContext(ctx, `SELECT region_code FROM editions WHERE id = $1`, g.EditionID).Scan(&region)
	case account.ScopeOrganisation:
		err = q.QueryRowContext(ctx, `SELECT p.region_code FROM organisations o JOIN provinces p ON p.code = o.province_code WHERE o.id = $1`, g.OrganisationID).Scan(&region)
	}
	if errors.Is(err, sql.ErrNoRows) {
		var v apperr.Validation
		v.Add("scope", "account.error.scope_unknown")
		return "", v.Err()
	}
	return region, err
}

func (s *Service) addGrant(ctx context.Context, tx *sql.Tx, g *account.Grant) error {
	if err := g.Validate(); err != nil {
		return err
	}
	region, err := grantRegion(ctx, tx, *g)
	if err != nil {
		return err
	}
	existing, err := s.grants(ctx, tx, g.UserID)
	if err != nil {
		return err
	}
	for _, e := range existing {
		if e.Role == g.Role && (e.Role.Scope() == account.ScopeNone ||
			(e.Role.Scope() == account.ScopeRegion && e.RegionCode == g.RegionCode) ||
			(e.Role.Scope() == account.ScopeEdition && e.EditionID == g.EditionID) ||
			(e.Role.Scope() == account.ScopeOrganisation && e.OrganisationID == g.OrganisationID)) {
			return apperr.New(apperr.Conflict, "account.error.grant_exists")
		}
	}
	err = tx.QueryRowContext(ctx, `
		INSERT INTO grants (user_id, role, region_code, edition_id, organisation_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		g.UserID, g.Role, nullIfEmpty(g.RegionCode), nullIfZero(g.EditionID), nullIfZero(g.OrganisationID), db.TimeArg(s.db.Now())).Scan(&g.ID)
	if err != nil {
		return err
	}
	if g.RegionCode == "" {
		g.RegionCode = region
	}
	return nil
}

func nullIfZero(n int64) sql.NullInt64 { return sql.NullInt64{Int64: n, Valid: n != 0} }

// AddGrant gives a user a role in a scope.
func (s *Service) AddGrant(ctx context.Context, g *account.Grant) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.addGrant(ctx, tx, g); err != nil {
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.GrantAdd, "user", g.UserID, g.RegionCode, nil, map[string]string{"grant": grantLabel(*g)})
	})
}

// RemoveGrant takes a grant away from a user.
func (s *Service) RemoveGrant(ctx context.Context, userID, grantID int64) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		gs, err := s.grants(ctx, tx, userID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(gs, func(g account.Grant) bool { return g.ID == grantID })
		if i < 0 {
			return apperr.New(apperr.NotFound, "error.not_found_title")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM grants WHERE id = $1`, grantID); err != nil {
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.GrantRemove, "user", userID, gs[i].RegionCode, map[string]string{"grant": grantLabel(gs[i])}, nil)
	})
}

// UserRegions returns the regions a user's grants fall in, sorted: what decides which
// organisers may see and manage the user.
func (s *Service) UserRegions(ctx context.Context, userID int64) ([]string, error) {
	gs, err := s.Grants(ctx, userID)
	return grantsRegions(gs), err
}

func grantsRegions(gs []account.Grant) []string {
	var out []string
	for _, g := range gs {
		if g.RegionCode != "" && !slices.Contains(out, g.RegionCode) {
			out = append(out, g.RegionCode)
		}
	}
	slices.Sort(out)
	return out
}

// userRegion is the one region of a user's grants, or "" when they have none or several;
// it files the user's audit entries under that region.
func (s *Service) userRegion(ctx context.Context, tx *sql.Tx, userID int64) (string, error) {
	gs, err := s.grants(ctx, tx, userID)
	if err != nil {
		return "", err
	}
	return singleRegion(gs), nil
}

func singleRegion(gs []account.Grant) string {
	if rs := grantsRegions(gs); len(rs) == 1 {
		return rs[0]
	}
	return ""
}

// grantLabel is how the audit log shows a grant: "organiser@region:03".
func grantLabel(g account.Grant) string {
	switch g.Role.Scope() {
	case account.ScopeRegion:
		return fmt.Sprintf("%s@region:%s", g.Role, g.RegionCode)
	case account.ScopeEdition:
		return fmt.Sprintf("%s@edition:%d", g.Role, g.EditionID)
	case account.ScopeOrganisation:
		return fmt.Sprintf("%s@organisation:%d", g.Role, g.OrganisationID)
	}
	return string(g.Role)
}

// Principal loads an active user and their grants for a request. A disabled or deleted
// user is NotFound, which signs them out.
func (s *Service) Principal(ctx context.Context, userID int64) (*authz.Principal, error) {
	u, err := s.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	if !u.Active {
		return nil, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	gs, err := s.Grants(ctx, userID)
	if err != nil {
		return nil, err
	}
	return &authz.Principal{UserID: u.ID, Name: u.Name, Lang: u.Lang, Grants: gs}, nil
}
