package messages

// These tests are inside package messages because the outbox's main API is Enqueue, called
// inside other features' transactions; they run on every engine dbtest gives.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
)

// t0 is the tests' clock: a fixed instant with sub-microsecond digits, which the service must
// drop the same way on both engines.
var outboxT0 = time.Date(2026, 3, 2, 9, 30, 0, 123456789, time.UTC)

func outboxEngines(t *testing.T, fn func(t *testing.T, s *Service)) {
	t.Helper()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		d.SetClock(func() time.Time { return outboxT0 })
		fn(t, New(d))
	})
}

func testMessage(to string) outbox.Message {
	return outbox.Message{
		Channel: outbox.Email, Recipient: to, RecipientName: "تعاونية الأمل", Lang: "ar",
		Kind: "invitation", Subject: "دعوة للانضمام إلى أسواق", Body: "مرحبا،\nافتحوا الرابط: https://aswaq.example/i/abc",
	}
}

func mustEnqueue(t *testing.T, s *Service, m outbox.Message) outbox.Message {
	t.Helper()
	if err := s.Enqueue(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func countOutbox(t *testing.T, s *Service) int {
	t.Helper()
	c, err := s.OutboxCounts(context.Background(), outbox.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Total()
}

func TestOutboxMessageExistsExactlyWhenItsTransactionCommits(t *testing.T) {
	outboxEngines(t, func(t *testing.T, s *Service) {
		ctx := context.Background()
		boom := errors.New("the invitation could not be stored")
		err := s.db.Tx(ctx, func(tx *sql.Tx) error {
			m := testMessage("amal@example.ma")
			if err := Enqueue(ctx, tx, s.db.Now(), &m); err != nil {
				return err
			}
			if m.ID == 0 {
				t.Error("no id set inside the transaction")
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("inTx = %v", err)
		}
		if n := countOutbox(t, s); n != 0 {
			t.Fatalf("%d messages left by a rolled-back transaction", n)
		}
		bad := testMessage("not an address")
		if err := s.Enqueue(ctx, &bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("bad recipient: %v", err)
		}
		if n := countOutbox(t, s); n != 0 {
			t.Fatalf("%d messages stored from bad input", n)
		}
		if err := s.db.Tx(ctx, func(tx *sql.Tx) error {
			m := testMessage("amal@example.ma")
			return Enqueue(ctx, tx, s.db.Now(), &m)
		}); err != nil {
			t.Fatal(err)
		}
		if n := countOutbox(t, s); n != 1 {
			t.Fatalf("%d messages after a commit, want 1", n)
		}
	})
}

func TestOutboxRoundTrip(t *testing.T) {
	outboxEngines(t, func(t *testing.T, s *Service) {
		m := mustEnqueue(t, s, testMessage(" amal@example.ma "))
		got, err := s.OutboxMessage(context.Background(), m.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := m
		want.Recipient = "amal@example.ma"
		want.CreatedAt = outboxT0.Truncate(time.Microsecond)
		want.NextAttemptAt = want.CreatedAt
		if got != want {
			t.Fatalf("read back\n%+v\nwant\n%+v", got, want)
		}
		if got.Status() != outbox.Pending {
			t.Fatalf("status %q", got.Status())
		}
		if _, err := s.OutboxMessage(context.Background(), m.ID+1); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("missing message: %v", err)
		}
	})
}

func TestOutboxClaimOrder(t *testing.T) {
	outboxEngines(t, func(t *testing.T, s *Service) {
		ctx := context.Background()
		later := testMessage("later@example.ma")
		later.NextAttemptAt = outboxT0.Add(time.Hour) // scheduled: not due yet
		later = mustEnqueue(t, s, later)
		first := mustEnqueue(t, s, testMessage("first@example.ma"))
		sms := mustEnqueue(t, s, outbox.Message{Channel: outbox.SMS, Recipient: "+212612345678", Lang: "ar", Kind: "reminder", Body: "تذكير"})
		second := mustEnqueue(t, s, testMessage("second@example.ma"))

		now := outboxT0.Add(time.Minute)
		lease := now.Add(5 * time.Minute)
		var got []int64
		for {
			m, ok, err := s.ClaimOutboxMessage(ctx, outbox.Email, now, lease)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			if m.Attempts != 1 {
				t.Errorf("message %d claimed with %d attempts, want 1", m.ID, m.Attempts)
			}
			got = append(got, m.ID)
			if err := s.MarkOutboxSent(ctx, m.ID, now); err != nil {
				t.Fatal(err)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint([]int64{first.ID, second.ID}) {
			t.Fatalf("claimed %v, want %v (oldest due email first; not the SMS, not the scheduled one)", got, []int64{first.ID, second.ID})
		}
		m, ok, err := s.ClaimOutboxMessage(ctx, outbox.SMS, now, lease)
		if err != nil || !ok || m.ID != sms.ID {
			t.Fatalf("SMS claim = %v %v %v", m.ID, ok, err)
		}
		m, ok, err = s.ClaimOutboxMessage(ctx, outbox.Email, outboxT0.Add(time.Hour), outboxT0.Add(2*time.Hour))
		if err != nil || !ok || m.ID != later.ID {
			t.Fatalf("at its time the scheduled message is claimed: %v %v %v", m.ID, ok, err)
		}
	})
}

func TestOutboxLeaseExpiryLetsAnotherWorkerTakeOver(t *testing.T) {
	outboxEngines(t, func(t *testing.T, s *Service) {
		ctx := context.Background()
		msg := mustEnqueue(t, s, testMessage("amal@example.ma"))
		now := outboxT0
		crashed, ok, err := s.ClaimOutboxMessage(ctx, outbox.Email, now, now.Add(time.Minute))
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
		// The first worker dies without recording anything. While its lease runs, nobody
		// else may take the message.
		if _, ok, err := s.ClaimOutboxMessage(ctx, outbox.Email, now.Add(59*time.Second), now.Add(2*time.Minute)); ok || err != nil {
			t.Fatalf("claimed during the lease: %v %v", ok, err)
		}
		next, ok, err := s.ClaimOutboxMessage(ctx, outbox.Email, now.Add(61*time.Second), now.Add(3*time.Minute))
		if err != nil || !ok || next.ID != msg.ID || next.Attempts != 2 {
			t.Fatalf("after the lease: %+v %v %v", next, ok, err)
		}
		// The first worker comes back to life: its claim is gone, its outcome refused.
		if err := s.RetryOutboxMessage(ctx, msg.ID, crashed.Attempts, now.Add(time.Hour), "late"); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("stale retry: %v", err)
		}
		if err := s.FailOutboxMessage(ctx, msg.ID, crashed.Attempts, now, "late"); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("stale failure: %v", err)
		}
		sentAt := now.Add(62 * time.Second)
		if err := s.MarkOutboxSent(ctx, msg.ID, sentAt); err != nil {
			t.Fatal(err)
		}
		got, _ := s.OutboxMessage(ctx, msg.ID)
		if got.Status() != outbox.Sent || !got.SentAt.Equal(sentAt.Truncate(time.Microsecond)) || got.Attempts != 2 {
			t.Fatalf("after sending: %+v", got)
		}
		if _, ok, _ := s.ClaimOutboxMessage(ctx, outbox.Email, now.Add(time.Hour), now.Add(2*time.Hour)); ok {
			t.Fatal("a sent message was claimed again")
		}
	})
}

func TestOutboxRetryThenGiveUpThenRequeue(t *testing.T) {
	outboxEngines(t, func(t *testing.T, s *Service) {
		ctx := context.Background()
		msg := mustEnqueue(t, s, testMessage("amal@example.ma"))
		now := outboxT0
		claim := func(at time.Time) (outbox.Message, bool) {
			t.Helper()
			m, ok, err := s.ClaimOutboxMessage(ctx, outbox.Email, at, at.Add(time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			return m, ok
		}
		m, _ := claim(now)
		if err := s.RetryOutboxMessage(ctx, m.ID, m.Attempts, now.Add(5*time.Minute), "451 try later"); err != nil {
			t.Fatal(err)
		}
		if _, ok := claim(now.Add(4 * time.Minute)); ok {
			t.Fatal("claimed before its next attempt")
		}
		m, ok := claim(now.Add(5 * time.Minute))
		if !ok || m.Attempts != 2 || m.LastError != "451 try later" || !m.NextAttemptAt.Equal(now.Add(5*time.Minute).Truncate(time.Microsecond)) {
			t.Fatalf("second attempt: %+v", m)
		}
		if err := s.FailOutboxMessage(ctx, m.ID, m.Attempts, now.Add(6*time.Minute), "550 no such user"); err != nil {
			t.Fatal(err)
		}
		if _, ok := claim(now.Add(24 * time.Hour)); ok {
			t.Fatal("a failed message was claimed")
		}
		got, _ := s.OutboxMessage(ctx, msg.ID)
		if got.Status() != outbox.Failed || got.LastError != "550 no such user" || got.FailedAt.IsZero() {
			t.Fatalf("after giving up: %+v", got)
		}

		s.db.SetClock(func() time.Time { return now.Add(time.Hour) })
		if err := s.RequeueOutboxMessage(ctx, msg.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.RequeueOutboxMessage(ctx, msg.ID); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("requeue of a pending message: %v", err)
		}
		if err := s.RequeueOutboxMessage(ctx, msg.ID+1); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("requeue of a missing message: %v", err)
		}
		m, ok = claim(now.Add(time.Hour))
		if !ok || m.Attempts != 1 || m.Status() != outbox.Pending {
			t.Fatalf("after requeue: %+v %v", m, ok)
		}
	})
}

// TestOutboxConcurrentClaimersNeverShareAMessage runs many claimers at once, as several
// aswaq processes on one PostgreSQL database would, and checks that every message is
// claimed exactly once.
func TestOutboxConcurrentClaimersNeverShareAMessage(t *testing.T) {
	outboxEngines(t, func(t *testing.T, s *Service) {
		ctx := context.Background()
		const messages, workers = 80, 16
		for i := range messages {
			mustEnqueue(t, s, testMessage(fmt.Sprintf("m%d@example.ma", i)))
		}
		now := outboxT0.Add(time.Second)
		var mu sync.Mutex
		claims := map[int64]int{}
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for range workers {
			wg.Go(func() {
				for {
					m, ok, err := s.ClaimOutboxMessage(ctx, outbox.Email, now, now.Add(time.Minute))
					if err != nil {
						errs <- err
						return
					}
					if !ok {
						return
					}
					mu.Lock()
					claims[m.ID]++
					mu.Unlock()
					if err := s.MarkOutboxSent(ctx, m.ID, now); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		for id, n := range claims {
			if n != 1 {
				t.Errorf("message %d claimed %d times", id, n)
			}
		}
		c, err := s.OutboxCounts(ctx, outbox.Filter{})
		if err != nil || len(claims) != messages || c.Sent != messages {
			t.Fatalf("%d messages claimed, counts %+v (%v); want all %d sent", len(claims), c, err, messages)
		}
	})
}

func TestOutboxListingAndFilters(t *testing.T) {
	outboxEngines(t, func(t *testing.T, s *Service) {
		ctx := context.Background()
		a := mustEnqueue(t, s, testMessage("amal@example.ma"))
		b := testMessage("bouchra_100%@example.ma")
		b.Kind, b.RecipientName, b.Lang = "password_reset", "Bouchra El Idrissi", "fr"
		b = mustEnqueue(t, s, b)
		c := mustEnqueue(t, s, testMessage("coop.atlas@example.ma"))
		d := mustEnqueue(t, s, outbox.Message{Channel: outbox.SMS, Recipient: "+212612345678", Lang: "ar", Kind: "reminder", Body: "تذكير"})

		// a is sent, c is given up, b and d wait.
		now := outboxT0.Add(time.Second)
		for range 2 {
			m, _, err := s.ClaimOutboxMessage(ctx, outbox.Email, now, now.Add(time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			switch m.ID {
			case a.ID:
				err = s.MarkOutboxSent(ctx, m.ID, now)
			case b.ID:
				err = s.RetryOutboxMessage(ctx, m.ID, m.Attempts, now.Add(time.Hour), "timeout")
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		m, _, _ := s.ClaimOutboxMessage(ctx, outbox.Email, now, now.Add(time.Minute))
		if m.ID != c.ID {
			t.Fatalf("claimed %d, want %d", m.ID, c.ID)
		}
		if err := s.FailOutboxMessage(ctx, c.ID, m.Attempts, now, "550"); err != nil {
			t.Fatal(err)
		}

		ids := func(f outbox.Filter) string {
			t.Helper()
			list, err := s.OutboxMessages(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			out := []int64{}
			for _, m := range list {
				out = append(out, m.ID)
			}
			return fmt.Sprint(out)
		}
		for _, tc := range []struct {
			name string
			f    outbox.Filter
			want []int64
		}{
			{"all, newest first", outbox.Filter{}, []int64{d.ID, c.ID, b.ID, a.ID}},
			{"pending", outbox.Filter{Status: outbox.Pending}, []int64{d.ID, b.ID}},
			{"sent", outbox.Filter{Status: outbox.Sent}, []int64{a.ID}},
			{"failed", outbox.Filter{Status: outbox.Failed}, []int64{c.ID}},
			{"kind", outbox.Filter{Kind: "invitation"}, []int64{c.ID, a.ID}},
			{"recipient substring, any case", outbox.Filter{Recipient: "ATLAS"}, []int64{c.ID}},
			{"recipient name", outbox.Filter{Recipient: "el idrissi"}, []int64{b.ID}},
			{"arabic name", outbox.Filter{Recipient: "الأمل", Status: outbox.Sent}, []int64{a.ID}},
			{"wildcards match literally", outbox.Filter{Recipient: "0%"}, []int64{b.ID}},
			{"underscore matches literally", outbox.Filter{Recipient: "a_"}, []int64{b.ID}},
			{"phone", outbox.Filter{Recipient: "+2126"}, []int64{d.ID}},
			{"page", outbox.Filter{Limit: 2, Offset: 1}, []int64{c.ID, b.ID}},
		} {
			if got := ids(tc.f); got != fmt.Sprint(tc.want) {
				t.Errorf("%s: got %s, want %v", tc.name, got, tc.want)
			}
		}
		if _, err := s.OutboxMessages(ctx, outbox.Filter{Status: "lost"}); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("unknown status: %v", err)
		}
		counts, err := s.OutboxCounts(ctx, outbox.Filter{Kind: "invitation", Status: outbox.Sent})
		if err != nil || counts != (outbox.Counts{Pending: 0, Sent: 1, Failed: 1}) {
			t.Errorf("counts of invitations = %+v, %v", counts, err)
		}
		counts, _ = s.OutboxCounts(ctx, outbox.Filter{})
		if counts != (outbox.Counts{Pending: 2, Sent: 1, Failed: 1}) {
			t.Errorf("counts = %+v", counts)
		}

		n, err := s.PurgeOutbox(ctx, now.Add(time.Second))
		if err != nil || n != 2 {
			t.Fatalf("purge = %d, %v; want the sent and the failed message gone", n, err)
		}
		if got := ids(outbox.Filter{}); got != fmt.Sprint([]int64{d.ID, b.ID}) {
			t.Fatalf("after purge: %s", got)
		}
	})
}
