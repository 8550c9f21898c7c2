package messages

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/platform/db"
)

const outboxColumns = `id, channel, recipient, recipient_name, lang, kind, subject, body,
	created_at, attempts, next_attempt_at, sent_at, failed_at, last_error`

func scanOutboxMessage(sc interface{ Scan(...any) error }) (outbox.Message, error) {
	var m outbox.Message
	err := sc.Scan(&m.ID, &m.Channel, &m.Recipient, &m.RecipientName, &m.Lang, &m.Kind, &m.Subject, &m.Body,
		db.ScanTime(&m.CreatedAt), &m.Attempts, db.ScanTime(&m.NextAttemptAt),
		db.ScanTime(&m.SentAt), db.ScanTime(&m.FailedAt), &m.LastError)
	return m, err
}

// Enqueue validates m and adds it to the outbox inside tx at now, setting m.ID. Features
// whose change causes a message call it in their own transaction, so the message exists
// exactly when the change does. The caller should then Notify the worker, after the commit.
func Enqueue(ctx context.Context, tx *sql.Tx, now time.Time, m *outbox.Message) error {
	if err := m.Validate(); err != nil {
		return err
	}
	now = db.TimeArg(now)
	m.CreatedAt, m.Attempts, m.SentAt, m.FailedAt, m.LastError = now, 0, time.Time{}, time.Time{}, ""
	if m.NextAttemptAt.Before(now) {
		m.NextAttemptAt = now
	}
	m.NextAttemptAt = db.TimeArg(m.NextAttemptAt)
	return tx.QueryRowContext(ctx, `
		INSERT INTO outbox (channel, recipient, recipient_name, lang, kind, subject, body, created_at, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		m.Channel, m.Recipient, m.RecipientName, m.Lang, m.Kind, m.Subject, m.Body, now, m.NextAttemptAt,
	).Scan(&m.ID)
}

// Enqueue adds a message that no other change goes with (a test email, a reminder) to the
// outbox, setting m.ID.
func (s *Service) Enqueue(ctx context.Context, m *outbox.Message) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error { return Enqueue(ctx, tx, s.db.Now(), m) })
}

// outboxDue is the condition of a message a worker may claim at $1 on channel $2.
const outboxDue = `channel = $2 AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
	AND (claimed_until IS NULL OR claimed_until < $1)`

// ClaimOutboxMessage leases the due message of channel that is due longest ago until until,
// counts one more attempt on it, and returns it; ok is false when nothing is due.
//
// The claim is one UPDATE, atomic on both engines without SELECT … FOR UPDATE SKIP LOCKED
// (which SQLite lacks). On SQLite, writers are serialised, so the statement sees no
// concurrent change. On PostgreSQL under READ COMMITTED, two workers can run the subquery at
// once and pick the same id; the second one's UPDATE then waits for the first to commit and
// re-evaluates only the outer WHERE on the new version of the row (the subquery is not run
// again). That is why the outer WHERE repeats every condition of the subquery: on the
// re-check, the row is now leased (or sent, or rescheduled) and the second worker updates
// nothing, instead of claiming the message a second time. The loser then finds nothing
// claimed although messages are due, and tries again for the next one.
func (s *Service) ClaimOutboxMessage(ctx context.Context, channel outbox.Channel, now, until time.Time) (outbox.Message, bool, error) {
	now, until = db.TimeArg(now), db.TimeArg(until)
	for range 5 {
		m, err := scanOutboxMessage(s.db.Q(ctx).QueryRowContext(ctx, `
			UPDATE outbox SET claimed_until = $3, attempts = attempts + 1
			WHERE id = (SELECT id FROM outbox WHERE `+outboxDue+` ORDER BY next_attempt_at, id LIMIT 1)
				AND `+outboxDue+`
			RETURNING `+outboxColumns, now, channel, until))
		if err == nil {
			return m, true, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return outbox.Message{}, false, err
		}
		// Nothing claimed: nothing is due, or another worker won the race for the row we
		// aimed at. Only in the second case is another try worth it.
		var due bool
		err = s.db.Q(ctx).QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM outbox WHERE `+outboxDue+`)`, now, channel).Scan(&due)
		if err != nil || !due {
			return outbox.Message{}, false, err
		}
	}
	return outbox.Message{}, false, nil
}

// MarkOutboxSent records that message id was delivered at at. It applies even when the
// worker's lease has run out meanwhile: the message did leave, and recording it stops any
// other worker from sending it again.
func (s *Service) MarkOutboxSent(ctx context.Context, id int64, at time.Time) error {
	_, err := s.db.Q(ctx).ExecContext(ctx, `
		UPDATE outbox SET sent_at = $2, claimed_until = NULL, failed_at = NULL, last_error = ''
		WHERE id = $1 AND sent_at IS NULL`, id, db.TimeArg(at))
	return err
}

// RetryOutboxMessage ends the claim of attempt number attempt on message id and schedules
// the next attempt at next, keeping lastErr for the admin page. The attempt number proves the
// claim is still the caller's: if the lease ran out and another worker claimed the message,
// the attempts no longer match, nothing changes, and a Conflict error says so.
func (s *Service) RetryOutboxMessage(ctx context.Context, id int64, attempt int, next time.Time, lastErr string) error {
	return s.endOutboxClaim(ctx, `next_attempt_at = $3`, id, attempt, db.TimeArg(next), lastErr)
}

// FailOutboxMessage gives up message id after attempt number attempt (see
// RetryOutboxMessage for the attempt check).
func (s *Service) FailOutboxMessage(ctx context.Context, id int64, attempt int, at time.Time, lastErr string) error {
	return s.endOutboxClaim(ctx, `failed_at = $3`, id, attempt, db.TimeArg(at), lastErr)
}

func (s *Service) endOutboxClaim(ctx context.Context, set string, id int64, attempt int, at time.Time, lastErr string) error {
	res, err := s.db.Q(ctx).ExecContext(ctx, `
		UPDATE outbox SET `+set+`, claimed_until = NULL, last_error = $4
		WHERE id = $1 AND attempts = $2 AND sent_at IS NULL AND failed_at IS NULL`,
		id, attempt, at, lastErr)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err == nil && n == 0 {
		err = apperr.New(apperr.Conflict, "outbox.error.claim_lost")
	}
	return err
}

// RequeueOutboxMessage gives a failed message a fresh set of attempts, starting now, e.g.
// once the administrator has fixed the mail settings. The last error stays until the next
// attempt replaces it.
func (s *Service) RequeueOutboxMessage(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = $2, claimed_until = NULL
			WHERE id = $1 AND failed_at IS NOT NULL`, id, db.TimeArg(s.db.Now()))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		var exists bool
		err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM outbox WHERE id = $1)`, id).Scan(&exists)
		switch {
		case err != nil:
			return err
		case !exists:
			return apperr.New(apperr.NotFound, "error.not_found_title")
		}
		return apperr.New(apperr.Conflict, "outbox.error.not_failed")
	})
}

// OutboxMessage returns one message, or a NotFound error.
func (s *Service) OutboxMessage(ctx context.Context, id int64) (outbox.Message, error) {
	m, err := scanOutboxMessage(s.db.Q(ctx).QueryRowContext(ctx, `SELECT `+outboxColumns+` FROM outbox WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return m, err
}

// OutboxMessages returns the messages f selects, newest first, for the admin page.
func (s *Service) OutboxMessages(ctx context.Context, f outbox.Filter) ([]outbox.Message, error) {
	var args db.Args
	where, err := outboxWhere(&args, f, true)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + outboxColumns + ` FROM outbox` + where +
		` ORDER BY id DESC LIMIT ` + args.Add(f.PageLimit()) + ` OFFSET ` + args.Add(max(f.Offset, 0))
	rows, err := s.db.Q(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []outbox.Message
	for rows.Next() {
		m, err := scanOutboxMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// OutboxCounts counts the messages of each status among those f selects, ignoring f's
// status and paging, for the tabs of the admin page.
func (s *Service) OutboxCounts(ctx context.Context, f outbox.Filter) (outbox.Counts, error) {
	var args db.Args
	where, err := outboxWhere(&args, f, false)
	if err != nil {
		return outbox.Counts{}, err
	}
	var c outbox.Counts
	err = s.db.Q(ctx).QueryRowContext(ctx, `
		SELECT COUNT(CASE WHEN `+outboxStatusCond[outbox.Pending]+` THEN 1 END),
			COUNT(CASE WHEN `+outboxStatusCond[outbox.Sent]+` THEN 1 END),
			COUNT(CASE WHEN `+outboxStatusCond[outbox.Failed]+` THEN 1 END)
		FROM outbox`+where, args...).Scan(&c.Pending, &c.Sent, &c.Failed)
	return c, err
}

// PurgeOutbox deletes the messages sent or given up before before and returns how many it
// deleted. Bodies may hold one-time links; keeping them no longer than needed limits what a
// copy of the database gives away.
func (s *Service) PurgeOutbox(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.Q(ctx).ExecContext(ctx, `DELETE FROM outbox WHERE sent_at < $1 OR failed_at < $1`, db.TimeArg(before))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

var outboxStatusCond = map[outbox.Status]string{
	outbox.Pending: `(sent_at IS NULL AND failed_at IS NULL)`,
	outbox.Sent:    `(sent_at IS NOT NULL)`,
	outbox.Failed:  `(failed_at IS NOT NULL)`,
}

// outboxWhere turns a filter into a WHERE clause (with its leading space), adding its
// arguments to args.
func outboxWhere(args *db.Args, f outbox.Filter, withStatus bool) (string, error) {
	var conds []string
	if withStatus && f.Status != "" {
		c, ok := outboxStatusCond[f.Status]
		if !ok {
			return "", apperr.New(apperr.Invalid, "outbox.error.status")
		}
		conds = append(conds, c)
	}
	if f.Kind != "" {
		conds = append(conds, `kind = `+args.Add(f.Kind))
	}
	if r := strings.TrimSpace(f.Recipient); r != "" {
		n := args.Add("%" + outboxLikeEscaper.Replace(strings.ToLower(r)) + "%")
		conds = append(conds, `(LOWER(recipient) LIKE `+n+` ESCAPE '\' OR LOWER(recipient_name) LIKE `+n+` ESCAPE '\')`)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), nil
}

// outboxLikeEscaper makes user input match literally in LIKE … ESCAPE '\'.
var outboxLikeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
