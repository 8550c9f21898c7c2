package accounts

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/aswaq/aswaq/internal/platform/db"
)

// SessionStore keeps web sessions in the database, so every aswaq process sharing it
// knows every session. It implements scs.CtxStore; the session manager hashes tokens
// before they reach it.
type SessionStore struct{ s *Service }

// Sessions returns the session store.
func (s *Service) Sessions() *SessionStore { return &SessionStore{s} }

// FindCtx returns the data of an unexpired session.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := ss.s.db.Q(ctx).QueryRowContext(ctx, `SELECT data FROM sessions WHERE token_hash = $1 AND expiry > $2`, token, db.TimeArg(ss.s.db.Now())).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	return data, err == nil, err
}

// CommitCtx saves a session, replacing its previous data.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, data []byte, expiry time.Time) error {
	_, err := ss.s.db.Q(ctx).ExecContext(ctx, `
		INSERT INTO sessions (token_hash, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`,
		token, data, db.TimeArg(expiry))
	return err
}

// DeleteCtx removes a session.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	_, err := ss.s.db.Q(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, token)
	return err
}

// Find, Commit and Delete are the context-free forms scs.Service requires.
func (ss *SessionStore) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// Commit is CommitCtx without a context.
func (ss *SessionStore) Commit(token string, data []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, data, expiry)
}

// Delete is DeleteCtx without a context.
func (ss *SessionStore) Delete(token string) error { return ss.DeleteCtx(context.Background(), token) }

// DeleteExpiredSessions removes sessions past their expiry and says how many.
func (s *Service) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := s.db.Q(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE expiry <= $1`, db.TimeArg(s.db.Now()))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
