package outbox

import (
	"context"
	"errors"
)

// Sender delivers one message. It returns nil once the message is accepted by the next hop
// (the mail server), an error wrapped by Permanent when trying again cannot help (the server
// refuses the address), and any other error for a failure worth retrying (the server is
// down). Send must honour ctx's deadline.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// permanentError marks a failure that retries cannot fix.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as a failure that retries cannot fix: the worker gives the message up
// at once instead of trying again for a day.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err, or an error it wraps, was marked by Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

// SenderFunc lets a function be a Sender, for tests and small adapters.
type SenderFunc func(ctx context.Context, m Message) error

// Send calls f.
func (f SenderFunc) Send(ctx context.Context, m Message) error { return f(ctx, m) }
