package outbox

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
)

// Queue is the storage the worker needs; *messages.Service implements it. Every method takes the
// time from the worker, so tests control the clock.
type Queue interface {
	// ClaimOutboxMessage leases the due message of channel that has waited longest: it
	// sets its lease to until, counts one more attempt and returns it. ok is false when no
	// message is due. Two claimers never get the same message while its lease runs.
	ClaimOutboxMessage(ctx context.Context, channel Channel, now, until time.Time) (m Message, ok bool, err error)
	// MarkOutboxSent records that message id was delivered at at.
	MarkOutboxSent(ctx context.Context, id int64, at time.Time) error
	// RetryOutboxMessage releases the claim made by attempt number attempt and schedules
	// the next attempt at next. It returns a Conflict error when that claim was lost.
	RetryOutboxMessage(ctx context.Context, id int64, attempt int, next time.Time, lastErr string) error
	// FailOutboxMessage gives up message id after attempt number attempt. It returns a
	// Conflict error when that claim was lost.
	FailOutboxMessage(ctx context.Context, id int64, attempt int, at time.Time, lastErr string) error
}

// Worker delivers the messages of one channel, one at a time: it claims a due message,
// sends it, and records the outcome, until none is due; then it waits for Notify or the
// poll interval. Several workers, in one process or in several processes sharing a
// PostgreSQL database, may run at once: the claim's lease keeps them from sending a
// message twice.
//
// Set the exported fields before Run; their zero values mean the defaults.
type Worker struct {
	Channel      Channel          // default Email
	Policy       Policy           // default DefaultPolicy()
	PollInterval time.Duration    // how often to look for due messages unprompted; default 5 s
	SendTimeout  time.Duration    // bound on one delivery; default 1 min
	Lease        time.Duration    // how long a claim lasts; default 5 min, at least twice SendTimeout
	Now          func() time.Time // default time.Now
	Rand         func() float64   // jitter source in [0, 1); default math/rand/v2

	queue  Queue
	sender Sender
	log    *slog.Logger
	wake   chan struct{}
	once   sync.Once
}

// NewWorker returns a worker that takes messages from q and hands them to s. With a nil s
// the worker does nothing: messages stay pending in the outbox, readable on the admin page.
func NewWorker(q Queue, s Sender, log *slog.Logger) *Worker {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{queue: q, sender: s, log: log, wake: make(chan struct{}, 1)}
}

// Enabled reports whether the worker has a sender, that is whether Run delivers anything.
func (w *Worker) Enabled() bool { return w != nil && w.sender != nil }

// Notify wakes the worker at once, e.g. after a request of this process queued a message,
// so the message leaves without waiting for the next poll. It never blocks, and does
// nothing on a nil or disabled worker.
func (w *Worker) Notify() {
	if !w.Enabled() {
		return
	}
	select {
	case w.wake <- struct{}{}:
	default: // a wake-up is already pending; one is enough
	}
}

func (w *Worker) defaults() { w.once.Do(w.setDefaults) }

func (w *Worker) setDefaults() {
	if w.Channel == "" {
		w.Channel = Email
	}
	if w.Policy.MaxAttempts == 0 && len(w.Policy.Delays) == 0 {
		w.Policy = DefaultPolicy()
	}
	if w.PollInterval <= 0 {
		w.PollInterval = 5 * time.Second
	}
	if w.SendTimeout <= 0 {
		w.SendTimeout = time.Minute
	}
	if w.Lease <= 0 {
		w.Lease = 5 * time.Minute
	}
	// The lease must outlast a delivery, or another worker could claim the message while
	// it is still being sent.
	w.Lease = max(w.Lease, 2*w.SendTimeout)
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Rand == nil {
		w.Rand = rand.Float64
	}
}

// Run delivers messages until ctx ends, then returns nil once the delivery in flight, if
// any, has finished and been recorded (at most SendTimeout later). Without a sender it
// returns at once.
func (w *Worker) Run(ctx context.Context) error {
	if !w.Enabled() {
		if w != nil {
			w.log.Info("outbox: no sender configured; messages stay in the outbox")
		}
		return nil
	}
	w.defaults()
	w.log.Info("outbox worker started", "channel", w.Channel, "poll", w.PollInterval)
	timer := time.NewTimer(w.PollInterval)
	defer timer.Stop()
	for {
		if _, err := w.ProcessDue(ctx); err != nil && ctx.Err() == nil {
			w.log.Error("outbox: cannot claim messages", "channel", w.Channel, "err", err)
		}
		timer.Reset(w.PollInterval)
		select {
		case <-ctx.Done():
			w.log.Info("outbox worker stopped", "channel", w.Channel)
			return nil
		case <-w.wake:
		case <-timer.C:
		}
	}
}

// ProcessDue delivers every message due now, one after the other, and returns how many it
// handled (sent, rescheduled or given up). It stops early when ctx ends. Tests and one-shot
// commands call it directly.
func (w *Worker) ProcessDue(ctx context.Context) (int, error) {
	if !w.Enabled() {
		return 0, nil
	}
	w.defaults()
	n := 0
	for ctx.Err() == nil {
		now := w.Now()
		m, ok, err := w.queue.ClaimOutboxMessage(ctx, w.Channel, now, now.Add(w.Lease))
		if err != nil || !ok {
			return n, err
		}
		w.deliver(ctx, m)
		n++
	}
	return n, nil
}

// deliver sends one claimed message and records the outcome. The delivery and its record
// are shielded from ctx's cancellation: stopping the server must not cut an SMTP
// conversation in half (the message could arrive and still be retried) nor lose the record
// that it was sent.
func (w *Worker) deliver(ctx context.Context, m Message) {
	log := w.log.With("id", m.ID, "kind", m.Kind, "channel", m.Channel, "attempt", m.Attempts)
	calm := context.WithoutCancel(ctx)
	if w.Policy.MaxAttempts > 0 && m.Attempts > w.Policy.MaxAttempts {
		// Claimed more often than allowed without an outcome being recorded: earlier
		// attempts crashed or lost their lease. Stop before it crashes again.
		w.record(calm, log, func(ctx context.Context) error {
			return w.queue.FailOutboxMessage(ctx, m.ID, m.Attempts, w.Now(), "too many interrupted attempts")
		})
		log.Warn("outbox: message given up after interrupted attempts")
		return
	}

	sendCtx, cancel := context.WithTimeout(calm, w.SendTimeout)
	err := w.sender.Send(sendCtx, m)
	cancel()
	now := w.Now()
	switch {
	case err == nil:
		w.record(calm, log, func(ctx context.Context) error { return w.queue.MarkOutboxSent(ctx, m.ID, now) })
		log.Info("outbox: message sent")
	case IsPermanent(err) || w.Policy.GiveUp(m.Attempts):
		msg := errorText(err)
		w.record(calm, log, func(ctx context.Context) error {
			return w.queue.FailOutboxMessage(ctx, m.ID, m.Attempts, now, msg)
		})
		log.Warn("outbox: message given up", "permanent", IsPermanent(err), "err", msg)
	default:
		msg := errorText(err)
		next := now.Add(w.Policy.Delay(m.Attempts, w.Rand()))
		w.record(calm, log, func(ctx context.Context) error {
			return w.queue.RetryOutboxMessage(ctx, m.ID, m.Attempts, next, msg)
		})
		log.Warn("outbox: delivery failed, will retry", "next", next, "err", msg)
	}
}

// record runs one bookkeeping write with its own short deadline and logs its failure. A
// lost record is not a lost message: the claim's lease expires and the message is tried
// again (so it may arrive twice, which beats not at all).
func (w *Worker) record(ctx context.Context, log *slog.Logger, write func(context.Context) error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	switch err := write(ctx); {
	case err == nil:
	case apperr.CodeOf(err) == apperr.Conflict:
		log.Warn("outbox: claim lost before the outcome was recorded (lease too short?)")
	default:
		log.Error("outbox: cannot record delivery outcome", "err", err)
	}
}

// errorText keeps an error short enough for the admin page and the logs.
func errorText(err error) string {
	s := err.Error()
	if len(s) > 500 {
		s = strings.ToValidUTF8(s[:500], "") + "…"
	}
	return s
}
