package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/outbox"
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

func (s *Store) insertToken(ctx context.Context, tx *sql.Tx, userID int64, purpose, tokenHash string, expires time.Time) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
		tokenHash, userID, purpose, dbTime(expires), dbTime(s.now()))
	return err
}

// Invite creates an invited user (who has no password yet) with one grant, the invitation
// token and the message that carries its link, all in one transaction: either the person
// is invited and the message will go, or nothing happened.
func (s *Store) Invite(ctx context.Context, u *account.User, g account.Grant, tokenHash string, expires time.Time, msg *outbox.Message) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		grants := []account.Grant{g}
		if err := s.createUser(ctx, tx, u, "", grants); err != nil {
			return err
		}
		if err := s.insertToken(ctx, tx, u.ID, PurposeInvitation, tokenHash, expires); err != nil {
			return err
		}
		if msg != nil { // nil when the link is handed over another way (the command line)
			if err := s.enqueue(ctx, tx, msg); err != nil {
				return err
			}
		}
		return s.record(ctx, tx, audit.UserInvite, "user", u.ID, grants[0].RegionCode, nil, userAudit(u, grants))
	})
}

// CreateToken stores a one-time link for an existing user together with the message that
// carries it (password resets, new invitations).
func (s *Store) CreateToken(ctx context.Context, userID int64, purpose, tokenHash string, expires time.Time, msg *outbox.Message) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.insertToken(ctx, tx, userID, purpose, tokenHash, expires); err != nil {
			return err
		}
		if msg == nil {
			return nil
		}
		return s.enqueue(ctx, tx, msg)
	})
}

// TokenUser returns the user a valid (known, unused, unexpired) link belongs to.
func (s *Store) TokenUser(ctx context.Context, tokenHash, purpose string) (account.User, error) {
	return s.tokenUser(ctx, s.db, tokenHash, purpose)
}

func (s *Store) tokenUser(ctx context.Context, q querier, tokenHash, purpose string) (account.User, error) {
	var stored string
	var userID int64
	var expires, used time.Time
	err := q.QueryRowContext(ctx, `SELECT token_hash, user_id, expires_at, used_at FROM user_tokens WHERE token_hash = $1 AND purpose = $2`,
		tokenHash, purpose).Scan(&stored, &userID, timeCol(&expires), timeCol(&used))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return account.User{}, errLinkInvalid()
	case err != nil:
		return account.User{}, err
	case !token.Equal(stored, tokenHash) || !used.IsZero() || !s.now().Before(expires):
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
func (s *Store) RedeemToken(ctx context.Context, tokenHash, purpose, passwordHash string) (account.User, error) {
	var u account.User
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if u, err = s.tokenUser(ctx, tx, tokenHash, purpose); err != nil {
			return err
		}
		now := dbTime(s.now())
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
