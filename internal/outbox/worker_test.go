package outbox_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/messages"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/outbox/smtptest"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
)

// clock is a test clock that moves only when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// rig is a worker over a real SQLite outbox and a real SMTP server on loopback.
type rig struct {
	store  *messages.Service
	srv    *smtptest.Server
	worker *outbox.Worker
	clock  *clock
	logs   *syncBuffer
}

func newRig(t *testing.T) *rig {
	t.Helper()
	st := messages.New(dbtest.SQLite(t))
	srv := smtptest.Start(t, smtptest.Options{})
	sender, err := outbox.NewSMTPSender(plainConfig(srv))
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	w := outbox.NewWorker(st, sender, slog.New(slog.NewTextHandler(logs, nil)))
	// The store stamps messages with the real time; start the worker's clock a little later
	// so they are due.
	clk := &clock{t: time.Now().Add(time.Second)}
	w.Now = clk.Now
	w.Rand = func() float64 { return 0.5 } // no jitter
	w.Policy = outbox.Policy{Delays: []time.Duration{time.Minute, 5 * time.Minute}, MaxAttempts: 3, Jitter: 0.2}
	return &rig{store: st, srv: srv, worker: w, clock: clk, logs: logs}
}

func (r *rig) enqueue(t *testing.T, m outbox.Message) outbox.Message {
	t.Helper()
	if err := r.store.Enqueue(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func (r *rig) process(t *testing.T, want int) {
	t.Helper()
	n, err := r.worker.ProcessDue(context.Background())
	if err != nil || n != want {
		t.Fatalf("ProcessDue = %d, %v; want %d", n, err, want)
	}
}

func (r *rig) message(t *testing.T, id int64) outbox.Message {
	t.Helper()
	m, err := r.store.OutboxMessage(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestWorkerDeliversArabicMailFromTheStore(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	m := arabicMessage()
	m.ID = 0
	m = r.enqueue(t, m)
	other := r.enqueue(t, outbox.Message{Channel: outbox.Email, Recipient: "bouchra@coop.ma", Lang: "fr", Kind: "test",
		Subject: "Essai", Body: "Bonjour"})
	sms := r.enqueue(t, outbox.Message{Channel: outbox.SMS, Recipient: "+212612345678", Lang: "ar", Kind: "reminder", Body: "تذكير"})

	r.process(t, 2)
	msgs := r.srv.Messages()
	if len(msgs) != 2 || msgs[0].To[0] != "amal@coop.ma" || msgs[1].To[0] != "bouchra@coop.ma" {
		t.Fatalf("delivered %+v", msgs)
	}
	p, err := msgs[0].Parse()
	if err != nil || p.Subject != arabicSubject || strings.TrimSpace(p.Text) != arabicBody {
		t.Fatalf("Arabic mangled: %q %q %v", p.Subject, p.Text, err)
	}
	for _, id := range []int64{m.ID, other.ID} {
		if got := r.message(t, id); got.Status() != outbox.Sent || got.Attempts != 1 || !got.SentAt.Equal(r.clock.Now().Truncate(time.Microsecond)) {
			t.Errorf("message %d after delivery: %+v", id, got)
		}
	}
	if got := r.message(t, sms.ID); got.Status() != outbox.Pending || got.Attempts != 0 {
		t.Errorf("the email worker touched an SMS: %+v", got)
	}
	r.process(t, 0) // nothing sent twice
	if n := len(r.srv.Messages()); n != 2 {
		t.Fatalf("%d deliveries", n)
	}
	if logs := r.logs.String(); strings.Contains(logs, "السلام") || strings.Contains(logs, "amal@") {
		t.Errorf("a body or an address was logged:\n%s", logs)
	}
}

func TestWorkerRetriesTemporaryFailuresThenGivesUp(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	m := r.enqueue(t, outbox.Message{Channel: outbox.Email, Recipient: "amal@coop.ma", Lang: "ar", Kind: "test", Subject: "s", Body: "b"})

	r.srv.FailNext(1, 451, "4.7.1 greylisted")
	r.process(t, 1)
	got := r.message(t, m.ID)
	if got.Status() != outbox.Pending || got.Attempts != 1 || !strings.Contains(got.LastError, "451") ||
		!got.NextAttemptAt.Equal(r.clock.Now().Add(time.Minute).Truncate(time.Microsecond)) {
		t.Fatalf("after a 451: %+v", got)
	}
	r.process(t, 0) // not due yet
	r.clock.Advance(time.Minute)
	r.process(t, 1)
	if got := r.message(t, m.ID); got.Status() != outbox.Sent || got.Attempts != 2 || len(r.srv.Messages()) != 1 {
		t.Fatalf("second attempt: %+v", got)
	}

	// A message that keeps failing is given up after MaxAttempts (3).
	m = r.enqueue(t, outbox.Message{Channel: outbox.Email, Recipient: "down@coop.ma", Lang: "ar", Kind: "test", Subject: "s", Body: "b"})
	r.srv.FailNext(3, 421, "4.3.2 shutting down")
	for _, wait := range []time.Duration{0, time.Minute, 5 * time.Minute} {
		r.clock.Advance(wait)
		r.process(t, 1)
	}
	got = r.message(t, m.ID)
	if got.Status() != outbox.Failed || got.Attempts != 3 || !strings.Contains(got.LastError, "421") {
		t.Fatalf("after 3 failures: %+v", got)
	}
	r.clock.Advance(24 * time.Hour)
	r.process(t, 0)
}

func TestWorkerGivesUpPermanentFailuresAtOnce(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	m := r.enqueue(t, outbox.Message{Channel: outbox.Email, Recipient: "nobody@coop.ma", Lang: "fr", Kind: "test", Subject: "s", Body: "b"})
	r.srv.FailNext(1, 550, "5.1.1 no such user")
	r.process(t, 1)
	if got := r.message(t, m.ID); got.Status() != outbox.Failed || got.Attempts != 1 || !strings.Contains(got.LastError, "550") {
		t.Fatalf("after a 550: %+v", got)
	}
}

func TestWorkerTakesOverACrashedWorkersMessage(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	m := r.enqueue(t, outbox.Message{Channel: outbox.Email, Recipient: "amal@coop.ma", Lang: "ar", Kind: "test", Subject: "s", Body: "b"})
	// Another process claimed the message and died.
	now := r.clock.Now()
	if _, ok, err := r.store.ClaimOutboxMessage(context.Background(), outbox.Email, now, now.Add(5*time.Minute)); !ok || err != nil {
		t.Fatal(ok, err)
	}
	r.process(t, 0)
	r.clock.Advance(5*time.Minute + time.Second)
	r.process(t, 1)
	if got := r.message(t, m.ID); got.Status() != outbox.Sent || got.Attempts != 2 || len(r.srv.Messages()) != 1 {
		t.Fatalf("after the lease: %+v", got)
	}

	// A message claimed more often than the policy allows without any outcome (it crashed
	// every worker that took it) is given up without another try.
	m = r.enqueue(t, outbox.Message{Channel: outbox.Email, Recipient: "poison@coop.ma", Lang: "ar", Kind: "test", Subject: "s", Body: "b"})
	for range 3 {
		now := r.clock.Now()
		if _, ok, err := r.store.ClaimOutboxMessage(context.Background(), outbox.Email, now, now.Add(time.Minute)); !ok || err != nil {
			t.Fatal(ok, err)
		}
		r.clock.Advance(time.Minute + time.Second)
	}
	r.process(t, 1)
	if got := r.message(t, m.ID); got.Status() != outbox.Failed || len(r.srv.Messages()) != 1 {
		t.Fatalf("poison message: %+v", got)
	}
}

func TestWorkerRunWakesOnNotifyAndStopsCleanly(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	r.worker.PollInterval = time.Hour // only Notify can wake it in time
	r.worker.Now = time.Now
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.worker.Run(ctx) }()

	r.enqueue(t, outbox.Message{Channel: outbox.Email, Recipient: "amal@coop.ma", Lang: "ar", Kind: "test", Subject: "s", Body: "b"})
	r.worker.Notify()
	deadline := time.Now().Add(5 * time.Second)
	for len(r.srv.Messages()) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("Notify did not wake the worker")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
}

func TestWorkerWithoutSenderLeavesMessagesPending(t *testing.T) {
	t.Parallel()
	st := messages.New(dbtest.SQLite(t))
	w := outbox.NewWorker(st, nil, nil)
	m := outbox.Message{Channel: outbox.Email, Recipient: "amal@coop.ma", Lang: "ar", Kind: "test", Subject: "s", Body: "b"}
	if err := st.Enqueue(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	w.Notify() // must not block
	if err := w.Run(context.Background()); err != nil || w.Enabled() {
		t.Fatalf("Run without sender = %v", err)
	}
	if n, err := w.ProcessDue(context.Background()); n != 0 || err != nil {
		t.Fatalf("ProcessDue = %d, %v", n, err)
	}
	var nilWorker *outbox.Worker
	nilWorker.Notify()
	if got, _ := st.OutboxMessage(context.Background(), m.ID); got.Status() != outbox.Pending || got.Attempts != 0 {
		t.Fatalf("%+v", got)
	}
}

// A sender that fails while the worker stops must not lose the message: the send finishes
// (or times out) and its outcome is recorded although the context has ended.
func TestWorkerRecordsTheOutcomeOfTheSendInFlightAtShutdown(t *testing.T) {
	t.Parallel()
	st := messages.New(dbtest.SQLite(t))
	ctx, cancel := context.WithCancel(context.Background())
	sender := outbox.SenderFunc(func(sendCtx context.Context, m outbox.Message) error {
		cancel() // the server is asked to stop mid-send
		if sendCtx.Err() != nil {
			return errors.New("send cut short by shutdown")
		}
		return nil
	})
	w := outbox.NewWorker(st, sender, nil)
	m := outbox.Message{Channel: outbox.Email, Recipient: "amal@coop.ma", Lang: "ar", Kind: "test", Subject: "s", Body: "b"}
	if err := st.Enqueue(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	w.Now = func() time.Time { return time.Now().Add(time.Second) }
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.OutboxMessage(context.Background(), m.ID); got.Status() != outbox.Sent {
		t.Fatalf("after shutdown: %+v", got)
	}
}
