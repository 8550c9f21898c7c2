package store

import "context"

// ExecForTest runs a statement directly, for tests that prove the database itself refuses
// something (such as changing the audit log).
func (s *Store) ExecForTest(ctx context.Context, q string) error {
	_, err := s.db.ExecContext(ctx, q)
	return err
}
