// Package accounts owns the people who use Aswaq: their accounts, their grants (roles in
// scopes), their sessions' storage, and the one-time links that invite them or reset
// their password. The pure rules are internal/account, internal/authz, internal/password
// and internal/token.
package accounts

import "github.com/aswaq/aswaq/internal/platform/db"

// Service is the accounts feature.
type Service struct{ db *db.DB }

// New returns the accounts service over d.
func New(d *db.DB) *Service { return &Service{db: d} }
