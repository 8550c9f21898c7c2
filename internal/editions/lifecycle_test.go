package editions_test

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
	"github.com/aswaq/aswaq/internal/selection"
)

// clock is a test clock that moves only when told.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time)     { c.mu.Lock(); c.now = t; c.mu.Unlock() }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }
func at(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, civil.Casablanca)
}

// lifeFixture is a 2027 mobile market (12–16 July) whose call opens on 1 June at 9:00 and
// closes on 20 June, with the clock on 1 June at 10:00.
type lifeFixture struct {
	d   *db.DB
	s   *editions.Service
	clk *clock
	id  int64
}

func newLife(t *testing.T, d *db.DB) *lifeFixture {
	t.Helper()
	f := &lifeFixture{d: d, s: editions.New(d), clk: &clock{now: at(2027, 6, 1, 10)}}
	d.SetClock(f.clk.Now)
	e := sefrou()
	e.StartsOn, e.EndsOn = civil.MustNew(2027, 7, 12), civil.MustNew(2027, 7, 16)
	if err := f.s.CreateEdition(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	f.id = e.ID
	return f
}

func (f *lifeFixture) saveCall(t *testing.T, withQuotas bool) {
	t.Helper()
	c := call.Call{EditionID: f.id, OpensAt: at(2027, 6, 1, 9), ClosesAt: at(2027, 6, 20, 18), Stands: 50,
		Criteria: []call.Criterion{{Code: "women", Weight: 100, Source: call.Computed, Rule: call.WomenLed}}}
	if withQuotas {
		c.Quotas = []selection.Quota{{Attr: "sector", Value: "*", Max: intp(30)}}
	}
	if err := f.s.SaveCall(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
}

func intp(n int) *int { return &n }

func (f *lifeFixture) take(t *testing.T, step editions.Step, in editions.StepInput) {
	t.Helper()
	if err := f.s.Take(context.Background(), f.id, step, in); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

func (f *lifeFixture) status(t *testing.T) fair.Status {
	t.Helper()
	e, err := f.s.Edition(context.Background(), f.id)
	if err != nil {
		t.Fatal(err)
	}
	return e.Status
}

// refused checks that err is a refusal with the given message key, on the form or whole.
func refused(t *testing.T, what string, err error, key string) {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("%s: got %v, want the refusal %s", what, err, key)
	}
	if e.Key == key {
		return
	}
	for _, fe := range e.Fields {
		if fe.Key == key {
			return
		}
	}
	t.Fatalf("%s: refused with %s %v, want %s", what, e.Key, e.Fields, key)
}

func TestOpeningTheCallNeedsACallWithQuotas(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newLife(t, d)
		ctx := context.Background()
		refused(t, "no call", f.s.Take(ctx, f.id, editions.OpenTheCall, editions.StepInput{}), "edition.error.open_needs_call")
		f.saveCall(t, false)
		refused(t, "no quotas", f.s.Take(ctx, f.id, editions.OpenTheCall, editions.StepInput{}), "edition.error.open_needs_quotas")
		f.saveCall(t, true)
		f.clk.Set(at(2027, 6, 21, 9)) // past the deadline
		refused(t, "deadline past", f.s.Take(ctx, f.id, editions.OpenTheCall, editions.StepInput{}), "edition.error.open_deadline_past")
		f.clk.Set(at(2027, 5, 31, 12)) // the day before it opens
		f.take(t, editions.OpenTheCall, editions.StepInput{})
		if f.status(t) != fair.CallOpen {
			t.Fatalf("status %s", f.status(t))
		}
		// Before anyone could apply, the call may go back to draft; once open, never.
		f.take(t, editions.BackToDraft, editions.StepInput{})
		f.take(t, editions.OpenTheCall, editions.StepInput{})
		f.clk.Set(at(2027, 6, 2, 9))
		refused(t, "back to draft after opening", f.s.Take(ctx, f.id, editions.BackToDraft, editions.StepInput{}), "edition.error.draft_after_opening")
	})
}

func TestClosingTheCallEarlyRefusesApplicantsAndSaysSo(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newLife(t, d)
		ctx := context.Background()
		f.saveCall(t, true)
		f.take(t, editions.OpenTheCall, editions.StepInput{})
		if _, _, err := editions.OpenCall(ctx, d.Pool(), f.id, f.clk.Now()); err != nil {
			t.Fatalf("open call refused an applicant: %v", err)
		}
		f.clk.Set(at(2027, 6, 5, 11))
		f.take(t, editions.CloseTheCall, editions.StepInput{})
		e, _ := f.s.Edition(ctx, f.id)
		c, _ := f.s.Call(ctx, f.id)
		if e.Status != fair.InReview || !c.ClosesAt.Equal(at(2027, 6, 5, 11)) || !c.AnnouncedClosesAt.Equal(at(2027, 6, 20, 18)) {
			t.Fatalf("after closing early: %s, closes %v, announced %v", e.Status, c.ClosesAt, c.AnnouncedClosesAt)
		}
		if st := editions.Window(&e, &c, true, f.clk.Now()); st != editions.ClosedEarly {
			t.Fatalf("window %s, want closed early", st)
		}
		_, _, err := editions.OpenCall(ctx, d.Pool(), f.id, f.clk.Now())
		refused(t, "applying after an early close", err, "application.error.closed_early")
		// The deadline now moves only by reopening, which needs a new deadline.
		c.ClosesAt = at(2027, 6, 25, 18)
		refused(t, "moving the deadline in review", f.s.SaveCall(ctx, &c), "call.error.deadline_by_reopen")
		refused(t, "reopening without a deadline", f.s.Take(ctx, f.id, editions.ReopenTheCall, editions.StepInput{}), "edition.error.reopen_deadline_required")
		refused(t, "reopening into the past", f.s.Take(ctx, f.id, editions.ReopenTheCall, editions.StepInput{Deadline: at(2027, 6, 1, 0)}), "edition.error.reopen_deadline_future")
		f.take(t, editions.ReopenTheCall, editions.StepInput{Deadline: at(2027, 6, 25, 18)})
		e, _ = f.s.Edition(ctx, f.id)
		c, _ = f.s.Call(ctx, f.id)
		if st := editions.Window(&e, &c, true, f.clk.Now()); st != editions.Open || !c.AnnouncedClosesAt.IsZero() {
			t.Fatalf("after reopening: %s, announced %v", st, c.AnnouncedClosesAt)
		}
		// Closing at or after the deadline keeps it.
		f.clk.Set(at(2027, 6, 26, 9))
		f.take(t, editions.CloseTheCall, editions.StepInput{})
		c, _ = f.s.Call(ctx, f.id)
		e, _ = f.s.Edition(ctx, f.id)
		if !c.ClosesAt.Equal(at(2027, 6, 25, 18)) || editions.Window(&e, &c, true, f.clk.Now()) != editions.Closed {
			t.Fatalf("closing after the deadline moved it to %v", c.ClosesAt)
		}
	})
}

func TestTheFairRunsOnlyOnItsDaysAndPublicationIsNoStep(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newLife(t, d)
		ctx := context.Background()
		f.saveCall(t, true)
		f.take(t, editions.OpenTheCall, editions.StepInput{})
		f.clk.Set(at(2027, 6, 21, 9))
		f.take(t, editions.CloseTheCall, editions.StepInput{})
		// No step of the edition page publishes a selection or writes a report.
		e, _ := f.s.Edition(ctx, f.id)
		opts, err := f.s.Options(ctx, &e)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range opts {
			if o.To == fair.SelectionPublished || o.To == fair.Reported {
				t.Fatalf("the edition page offers %s", o.To)
			}
		}
		refused(t, "publishing by hand", f.s.Take(ctx, f.id, editions.Step("publish"), editions.StepInput{}), "fair.error.transition")
		// Publication moves it, inside the publication's transaction, and freezes the call.
		err = d.Tx(ctx, func(tx *sql.Tx) error {
			return f.s.RecordPublication(ctx, tx, f.id, []selection.Quota{{Attr: "sector", Value: "*", Max: intp(25)}}, 40)
		})
		if err != nil {
			t.Fatal(err)
		}
		c, _ := f.s.Call(ctx, f.id)
		if f.status(t) != fair.SelectionPublished || c.Stands != 40 || *c.Quotas[0].Max != 25 {
			t.Fatalf("after publication: %s, %d stands, quotas %v", f.status(t), c.Stands, c.Quotas)
		}
		c.Stands = 60
		refused(t, "editing a published call", f.s.SaveCall(ctx, &c), "call.error.frozen")
		err = d.Tx(ctx, func(tx *sql.Tx) error { return f.s.RecordPublication(ctx, tx, f.id, nil, 40) })
		refused(t, "publishing twice", err, "selection.error.not_in_review")
		f.clk.Set(at(2027, 7, 11, 20))
		refused(t, "starting the day before", f.s.Take(ctx, f.id, editions.StartTheFair, editions.StepInput{}), "edition.error.start_before_first_day")
		f.clk.Set(at(2027, 7, 12, 8))
		f.take(t, editions.StartTheFair, editions.StepInput{})
		refused(t, "closing before the last day", f.s.Take(ctx, f.id, editions.CloseTheFair, editions.StepInput{}), "edition.error.close_before_last_day")
		f.clk.Set(at(2027, 7, 16, 21))
		f.take(t, editions.CloseTheFair, editions.StepInput{})
		e, _ = f.s.Edition(ctx, f.id)
		if opts, _ := f.s.Options(ctx, &e); e.Status != fair.Closed || len(opts) != 0 {
			t.Fatalf("closed edition: %s, offers %v", e.Status, opts)
		}
		entries, _, err := auditlog.New(d).Entries(ctx, audit.Filter{RecordType: "edition", RecordID: strconv.FormatInt(f.id, 10), AllRegions: true, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		moves := 0
		for _, en := range entries {
			if en.Action == audit.EditionStatus {
				moves++
			}
		}
		if moves != 5 { // open, close call, publication, start, close
			t.Fatalf("%d status changes audited, want 5", moves)
		}
	})
}

func TestCancelKeepsThePageAndOnlyDraftsAreDeleted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newLife(t, d)
		ctx := context.Background()
		refused(t, "cancelling a draft", f.s.Take(ctx, f.id, editions.Cancel, editions.StepInput{Reason: "Intempéries annoncées"}), "fair.error.transition")
		f.saveCall(t, true)
		f.take(t, editions.OpenTheCall, editions.StepInput{})
		refused(t, "deleting an announced edition", f.s.Delete(ctx, f.id), "edition.error.delete_not_draft")
		refused(t, "cancelling without a reason", f.s.Take(ctx, f.id, editions.Cancel, editions.StepInput{Reason: " court "}), "edition.error.cancel_reason")
		f.take(t, editions.Cancel, editions.StepInput{Reason: "  La place est en travaux jusqu'en septembre.  "})
		e, err := f.s.Edition(ctx, f.id)
		if err != nil || e.Status != fair.Cancelled || e.CancelReason != "La place est en travaux jusqu'en septembre." {
			t.Fatalf("cancelled edition: %+v, %v", e, err)
		}
		c, _ := f.s.Call(ctx, f.id)
		if editions.Window(&e, &c, true, f.clk.Now()) != editions.CallOff {
			t.Fatal("a cancelled edition's call still takes applications")
		}
		draft := sefrou()
		if err := f.s.CreateEdition(ctx, &draft); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Delete(ctx, draft.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Edition(ctx, draft.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("deleted draft still there: %v", err)
		}
	})
}

// Two organisers closing the same call at once, again and again: each time one closes it,
// the other is told the edition has moved on, and the move is recorded once.
func TestConcurrentStepsOneWins(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newLife(t, d)
		ctx := context.Background()
		f.saveCall(t, true)
		f.take(t, editions.OpenTheCall, editions.StepInput{})
		const rounds = 15
		for round := range rounds {
			var wg sync.WaitGroup
			errs := make([]error, 4)
			start := make(chan struct{})
			for i := range errs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					errs[i] = f.s.Take(ctx, f.id, editions.CloseTheCall, editions.StepInput{})
				}()
			}
			close(start)
			wg.Wait()
			ok := 0
			for _, err := range errs {
				switch {
				case err == nil:
					ok++
				case apperr.CodeOf(err) != apperr.Conflict:
					t.Fatalf("round %d: a losing step failed with %v, want a conflict", round, err)
				}
			}
			if ok != 1 {
				t.Fatalf("round %d: %d of %d concurrent closings succeeded", round, ok, len(errs))
			}
			f.take(t, editions.ReopenTheCall, editions.StepInput{Deadline: at(2027, 6, 20, 18)})
		}
		entries, _, _ := auditlog.New(d).Entries(ctx, audit.Filter{RecordType: "edition", RecordID: strconv.FormatInt(f.id, 10), AllRegions: true, Limit: 100})
		closings := 0
		for _, en := range entries {
			if en.Action == audit.EditionStatus && strings.Contains(en.After, `"close_call"`) {
				closings++
			}
		}
		if closings != rounds {
			t.Fatalf("%d closings audited, want %d", closings, rounds)
		}
	})
}
