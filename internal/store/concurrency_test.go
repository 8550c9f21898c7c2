package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

// The tests below run the same workflow twice at once on the same record, as two organisers
// clicking together would. Each run is wrapped in a transaction that stays open a moment
// after the workflow's own statements (heldOpen), so that the other run makes its checks
// while the first has written but not yet committed: without a row lock, PostgreSQL's READ
// COMMITTED lets both pass their checks; SQLite's immediate transactions never do.

// holdFor is how long each run keeps its transaction open after its work.
const holdFor = 150 * time.Millisecond

// heldOpen runs fn in a transaction that stays open for holdFor after fn returns.
func heldOpen(ctx context.Context, s *store.Store, fn func(ctx context.Context) error) error {
	return heldOpenSignal(ctx, s, fn, nil)
}

// heldOpenSignal is heldOpen that closes written (when not nil) once fn has returned, its
// writes made but not committed.
func heldOpenSignal(ctx context.Context, s *store.Store, fn func(ctx context.Context) error, written chan struct{}) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		err := fn(ctx)
		if written != nil {
			close(written)
		}
		if err != nil {
			return err
		}
		time.Sleep(holdFor)
		return nil
	})
}

// together runs each fn in its own goroutine, released at the same instant, and returns
// their errors in order.
func together(fns ...func() error) []error {
	errs := make([]error, len(fns))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = fn()
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// oneWins checks that exactly one of errs is nil and the other is a conflict with key; it
// returns the winner's index.
func oneWins(t *testing.T, errs []error, key string) int {
	t.Helper()
	winner := -1
	for i, err := range errs {
		if err == nil {
			if winner >= 0 {
				t.Fatalf("both runs succeeded")
			}
			winner = i
			continue
		}
		if e, ok := apperr.As(err); !ok || e.Code != apperr.Conflict || e.Key != key {
			t.Fatalf("run %d: %v, want a conflict %q", i, err, key)
		}
	}
	if winner < 0 {
		t.Fatalf("no run succeeded: %v", errs)
	}
	return winner
}

// inReviewEdition stores an edition in review with n submitted applications, the call
// closed.
func inReviewEdition(t *testing.T, s *store.Store, n int) (int64, []int64) {
	t.Helper()
	fairID, _ := openSefrouCall(t, s)
	var apps []int64
	for i := range n {
		apps = append(apps, submitted(t, s, fairID, coop(fmt.Sprintf("تعاونية السباق %d", i), "451", "", "")))
	}
	closeCall(t, s)
	if err := s.Editions().Take(context.Background(), fairID, editions.CloseTheCall, editions.StepInput{}); err != nil {
		t.Fatal(err)
	}
	return fairID, apps
}

// publication selects the first two applications and waitlists the next two; the fifth was
// found ineligible.
func publication(t *testing.T, s *store.Store, apps []int64) store.Publication {
	t.Helper()
	if err := s.SetEligibility(context.Background(), apps[4], application.Ineligible, "Hors région"); err != nil {
		t.Fatal(err)
	}
	id := func(i int) string { return fmt.Sprint(apps[i]) }
	res := &selection.Result{Status: selection.StatusOptimal, Selected: []string{id(0), id(1)}, Count: 2,
		Waitlist: []string{id(2), id(3)}, Reasons: map[string]selection.Reason{
			id(0): {Decision: selection.DecisionSelected, Code: selection.CodeSelected},
			id(1): {Decision: selection.DecisionSelected, Code: selection.CodeSelected},
			id(2): {Decision: selection.DecisionWaitlisted, Code: selection.CodeScoreBelowCutoff},
			id(3): {Decision: selection.DecisionWaitlisted, Code: selection.CodeScoreBelowCutoff}}}
	return store.Publication{Seats: 2, Result: res, Justification: "Délibération du comité", Ineligible: []int64{apps[4]}}
}

// decisionMail is the one message each decision sends in these tests.
func decisionMail(appID int64, d application.Decision, _ selection.Reason) []outbox.Message {
	return []outbox.Message{{Channel: outbox.Email, Recipient: fmt.Sprintf("app-%d@test.ma", appID), Kind: "selection_decision",
		Lang: "fr", Subject: "Décision", Body: string(d)}}
}

// recipients counts the queued messages by recipient.
func recipients(t *testing.T, s *store.Store) map[string]int {
	t.Helper()
	msgs, err := s.Messages().OutboxMessages(context.Background(), outbox.Filter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, m := range msgs {
		out[m.Recipient]++
	}
	return out
}

// auditCountOf counts the audit entries of one action on the edition.
func auditCountOf(t *testing.T, s *store.Store, editionID int64, action string) int {
	t.Helper()
	entries, _, err := s.Audit().Entries(context.Background(), audit.Filter{AllRegions: true, RecordType: "edition",
		RecordID: fmt.Sprint(editionID), Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == action {
			n++
		}
	}
	return n
}

func TestPublishSelectionTwiceAtOnceQueuesEachMessageOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, apps := inReviewEdition(t, s, 5)
		pub := publication(t, s, apps)
		publish := func() error {
			return heldOpen(ctx, s, func(ctx context.Context) error { return s.PublishSelection(ctx, fairID, pub, decisionMail) })
		}
		oneWins(t, together(publish, publish), "selection.error.already_published")

		got := recipients(t, s)
		if len(got) != len(apps) {
			t.Fatalf("messages to %d applications, want %d: %v", len(got), len(apps), got)
		}
		for r, n := range got {
			if n != 1 {
				t.Errorf("%s: %d messages", r, n)
			}
		}
		if n := auditCountOf(t, s, fairID, audit.SelectionPublish); n != 1 {
			t.Errorf("%d publications audited", n)
		}
		want := []application.Decision{application.Selected, application.Selected, application.Waitlisted, application.Waitlisted, application.NotSelected}
		cands, _ := s.SelectionCandidates(ctx, fairID)
		for i, c := range cands {
			if c.ApplicationID != apps[i] || c.Decision != want[i] {
				t.Errorf("application %d: %s, want %s", c.ApplicationID, c.Decision, want[i])
			}
		}
		if e, _ := s.Editions().Edition(ctx, fairID); e.Status != fair.SelectionPublished {
			t.Errorf("edition status %s", e.Status)
		}
	})
}

func TestRefillTwiceAtOnceGivesThePlaceOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, apps := inReviewEdition(t, s, 5)
		if err := s.PublishSelection(ctx, fairID, publication(t, s, apps), nil); err != nil {
			t.Fatal(err)
		}
		if err := s.WithdrawApplication(ctx, apps[0]); err != nil {
			t.Fatal(err)
		}
		// Two organisers give the same withdrawn place, one to each waitlisted applicant.
		refill := func(replacement int64) func() error {
			return func() error {
				return heldOpen(ctx, s, func(ctx context.Context) error {
					return s.Refill(ctx, fairID, apps[0], replacement, "Désistement", func(appID int64) []outbox.Message {
						return decisionMail(appID, application.Selected, selection.Reason{})
					})
				})
			}
		}
		winner := oneWins(t, together(refill(apps[2]), refill(apps[3])), "selection.error.already_refilled")

		got := recipients(t, s)
		want := fmt.Sprintf("app-%d@test.ma", apps[2+winner])
		if len(got) != 1 || got[want] != 1 {
			t.Fatalf("messages %v, want one to %s", got, want)
		}
		if n := auditCountOf(t, s, fairID, audit.SelectionRefill); n != 1 {
			t.Errorf("%d refills audited", n)
		}
		selected := 0
		cands, _ := s.SelectionCandidates(ctx, fairID)
		for _, c := range cands {
			if c.Status == application.Submitted && c.Decision == application.Selected {
				selected++
			}
		}
		if selected != 2 {
			t.Errorf("%d selected for 2 stands", selected)
		}
	})
}

func TestAssignReviewersTwiceAtOnceAssignsOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, apps := inReviewEdition(t, s, 6)
		ids := reviewers(t, s, fairID, 3)
		made := make([]int, 2)
		assign := func(i int) func() error {
			return func() error {
				return heldOpen(ctx, s, func(ctx context.Context) error {
					var err error
					made[i], err = s.AssignReviewers(ctx, fairID, ids)
					return err
				})
			}
		}
		for i, err := range together(assign(0), assign(1)) {
			if err != nil {
				t.Fatalf("run %d: %v", i, err)
			}
		}
		// The second run finds every application assigned: it fills no gap.
		if made[0]+made[1] != 2*len(apps) || min(made[0], made[1]) != 0 {
			t.Fatalf("assignments made: %v", made)
		}
		committee, _ := s.EditionReviewers(ctx, fairID)
		for _, m := range committee {
			if m.Assigned != 4 {
				t.Errorf("%s reviews %d", m.Name, m.Assigned)
			}
		}
		if n := auditCountOf(t, s, fairID, audit.ReviewAssign); n != 1 {
			t.Errorf("%d assignments audited", n)
		}
	})
}

func TestSubmitTwiceAtOnceGivesOneReference(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		o := coop("تعاونية النقرتين", "451", "", "")
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		a, err := s.StartApplication(ctx, fairID, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnswers(ctx, a.ID, map[string]string{"members": "12"}); err != nil {
			t.Fatal(err)
		}
		for _, k := range []call.DocKind{call.Statutes, call.ICECertificate} {
			if _, err := s.AddDocument(ctx, a.ID, k, string(k)+".pdf", pdf); err != nil {
				t.Fatal(err)
			}
		}
		receipt := func(a *application.Application) []outbox.Message {
			return []outbox.Message{{Channel: outbox.Email, Recipient: "coop@test.ma", Kind: "application_receipt", Lang: "fr",
				Subject: "Reçu", Body: "Référence " + a.Reference}}
		}
		submit := func() error {
			return heldOpen(ctx, s, func(ctx context.Context) error { return s.SubmitApplication(ctx, a.ID, receipt) })
		}
		// A double click: the second submission finds the first one's reference and keeps it.
		for i, err := range together(submit, submit) {
			if err != nil {
				t.Fatalf("run %d: %v", i, err)
			}
		}
		a, _ = s.Application(ctx, a.ID)
		if a.Status != application.Submitted || a.Reference != application.Reference(2027, fairID, 1) {
			t.Fatalf("submitted: %s %q", a.Status, a.Reference)
		}
		msgs, _ := s.Messages().OutboxMessages(ctx, outbox.Filter{})
		for _, m := range msgs {
			if !strings.HasSuffix(m.Body, a.Reference) {
				t.Errorf("a receipt quotes %q, the application's reference is %s", m.Body, a.Reference)
			}
		}
	})
}

func TestSubmitWhileWithdrawingStaysWithdrawn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		o := coop("تعاونية التراجع", "451", "", "")
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		a, err := s.StartApplication(ctx, fairID, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnswers(ctx, a.ID, map[string]string{"members": "12"}); err != nil {
			t.Fatal(err)
		}
		for _, k := range []call.DocKind{call.Statutes, call.ICECertificate} {
			if _, err := s.AddDocument(ctx, a.ID, k, string(k)+".pdf", pdf); err != nil {
				t.Fatal(err)
			}
		}
		// The withdrawal is made first; the submission arrives while it is still open.
		written := make(chan struct{})
		errs := together(
			func() error {
				return heldOpenSignal(ctx, s, func(ctx context.Context) error { return s.WithdrawApplication(ctx, a.ID) }, written)
			},
			func() error {
				<-written
				return s.SubmitApplication(ctx, a.ID, nil)
			})
		if errs[0] != nil {
			t.Fatalf("withdraw: %v", errs[0])
		}
		if e, ok := apperr.As(errs[1]); !ok || e.Key != "application.error.withdrawn" {
			t.Fatalf("submission after the withdrawal: %v", errs[1])
		}
		if a, _ = s.Application(ctx, a.ID); a.Status != application.Withdrawn || a.Reference != "" {
			t.Fatalf("after both: %s %q", a.Status, a.Reference)
		}
	})
}

func TestStartApplicationTwiceAtOnceGivesOneDraft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		o := coop("تعاونية البداية", "451", "", "")
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		ids := make([]int64, 2)
		start := func(i int) func() error {
			return func() error {
				return heldOpen(ctx, s, func(ctx context.Context) error {
					a, err := s.StartApplication(ctx, fairID, o.ID)
					ids[i] = a.ID
					return err
				})
			}
		}
		for i, err := range together(start(0), start(1)) {
			if err != nil {
				t.Fatalf("start %d: %v", i, err)
			}
		}
		if ids[0] == 0 || ids[0] != ids[1] {
			t.Fatalf("two starts gave %v", ids)
		}
	})
}

func TestReviewSavedWhileDeclaringAConflictIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, apps := inReviewEdition(t, s, 2)
		ids := reviewers(t, s, fairID, 3)
		if _, err := s.AssignReviewers(ctx, fairID, ids[:2]); err != nil {
			t.Fatal(err)
		}
		// The reviewer declares a conflict in one tab; the scores sent from another arrive
		// while the declaration is still open.
		written := make(chan struct{})
		errs := together(
			func() error {
				return heldOpenSignal(ctx, s, func(ctx context.Context) error {
					_, err := s.DeclareConflict(ctx, apps[0], ids[0], "Ma cousine la préside")
					return err
				}, written)
			},
			func() error {
				<-written
				return s.SaveReview(ctx, apps[0], ids[0], map[string]int{"quality": 18}, "")
			})
		if errs[0] != nil {
			t.Fatalf("conflict: %v", errs[0])
		}
		if e, ok := apperr.As(errs[1]); !ok || e.Key != "review.error.conflict_declared" {
			t.Fatalf("scores after the conflict: %v", errs[1])
		}
		r, err := s.Review(ctx, apps[0], ids[0])
		if err != nil || !r.Conflict || len(r.Scores) != 0 {
			t.Fatalf("review: %+v %v", r, err)
		}
	})
}
