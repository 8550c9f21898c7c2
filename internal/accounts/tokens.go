package accounts

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/messages"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/token"
)

// Purposes of one-time links.
const (
	PurposeInvitation    = "invitation"
	PurposePasswordReset = "password_reset"
)

// errLinkInvalid is what any unusable link gives: unknown, used or expired alike, so a
// guess learns nothing.
func errLinkInvalid() error { return apperr.New(apperr.NotFound, "account.error.link_invalid") }

func (s *Service) insertToken(ctx context.Context, tx *sql.Tx, userID int64, purpose, tokenHash string, expires time.Time) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
		tokenHash, userID, purpose, db.TimeArg(expires), db.TimeArg(s.db.Now()))
	return err
}

// Invite creates an invited user (who has no password yet) with one grant, the invitation
// token and the message that carries its link, all in one transaction: either the person
// is invited and the message will go, or nothing happened.
func (s *Service) Invite(ctx context.Context, u *account.User, g account.Grant, tokenHash string, expires time.Time, msg *outbox.Message) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		grants := []account.Grant{g}
		if err := s.createUser(ctx, tx, u, "", grants); err != nil {
			return err
		}
		if err := s.insertToken(ctx, tx, u.ID, PurposeInvitation, tokenHash, expires); err != nil {
			return err
		}
		if msg != nil { // nil when the link is handed over another way (the command line)
			if err := messages.Enqueue(ctx, tx, s.db.Now(), msg); err != nil {
				return err
			}
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.UserInvite, "user", u.ID, grants[0].RegionCode, nil, userAudit(u, grants))
	})
}

// CreateToken stores a one-time link for an existing user together with the message that
// carries it (password resets, new invitations).
func (s *Service) CreateToken(ctx context.Context, userID int64, purpose, tokenHash string, expires time.Time, msg *outbox.Message) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.insertToken(ctx, tx, userID, purpose, tokenHash, expires); err != nil {
			return err
		}
		if msg == nil {
			return nil
		}
		return messages.Enqueue(ctx, tx, s.db.Now(), msg)
	})
}

// TokenUser returns the user a valid (known, unused, unexpired) link belongs to.
func (s *Service) TokenUser(ctx context.Context, tokenHash, purpose string) (account.User, error) {
	return s.tokenUser(ctx, s.db.Q(ctx), tokenHash, purpose)
}

func (s *Service) tokenUser(ctx context.Context, q db.Querier, tokenHash, purpose string) (account.User, error) {
	var stored string
	var userID int64
	var expires, used time.Time
	err := q.QueryRowContext(ctx, `SELECT token_hash, user_id, expires_at, used_at FROM user_tokens WHERE token_hash = $1 AND purpose = $2`,
		tokenHash, purpose).Scan(&stored, &userID, db.ScanTime(&expires), db.ScanTime(&used))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return account.User{}, errLinkInvalid()
	case err != nil:
		return account.User{}, err
	case !token.Equal(stored, tokenHash) || !used.IsZero() || !s.db.Now().Before(expires):
		return account.User{}, errLinkInvalid()
	}
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, userID))
	if err != nil {
		return u, notFoundIfNoRows(err)
	}
	if !u.Active {
		return u, errLinkInvalid()
	}
	return u, nil
}

// RedeemToken uses a link once: it sets the user's password and marks the link, and every
// other link of the same purpose for that user, as used.
func (s *Service) RedeemToken(ctx context.Context, tokenHash, purpose, passwordHash string) (account.User, error) {
	var u account.User
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if u, err = s.tokenUser(ctx, tx, tokenHash, purpose); err != nil {
			return err
		}
		now := db.TimeArg(s.db.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE user_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL`, now, u.ID, purpose); err != nil {
			return err
		}
		action := audit.UserPasswordReset
		if purpose == PurposeInvitation {
			action = audit.UserInvitationAccept
		}
		u.HasPassword = true
		return s.setPassword(ctx, tx, u.ID, passwordHash, action)
	})
	return u, err
}
