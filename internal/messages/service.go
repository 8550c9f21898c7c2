// Package messages stores the outbox: the messages Aswaq sends (email, SMS), queued in the
// transaction of the change that causes them, claimed with a lease by the sender, retried,
// given up, and listed for the administrators. The messages themselves, the worker that
// sends them and the SMTP sender are internal/outbox.
package messages

import "github.com/aswaq/aswaq/internal/platform/db"

// Service is the messages feature.
type Service struct{ db *db.DB }

// New returns the messages service over d.
func New(d *db.DB) *Service { return &Service{db: d} }
