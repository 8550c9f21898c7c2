package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// submitted creates an organisation and its complete, submitted application to the edition.
func submitted(t *testing.T, s *store.Store, editionID int64, o org.Organisation) int64 {
	t.Helper()
	ctx := context.Background()
	if err := s.CreateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	a, err := s.StartApplication(ctx, editionID, o.ID)
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
	if err := s.SubmitApplication(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// reviewers creates n reviewers of the edition and returns their ids.
func reviewers(t *testing.T, s *store.Store, editionID int64, n int) []int64 {
	t.Helper()
	var ids []int64
	for i := range n {
		u := account.User{Name: fmt.Sprintf("Évaluatrice %d", i+1), Email: fmt.Sprintf("rev%d-%d@test.ma", i, time.Now().UnixNano()), Lang: "fr"}
		if err := s.Accounts().CreateUser(context.Background(), &u, "", []account.Grant{{Role: account.Reviewer, EditionID: editionID}}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	return ids
}

// closeCall moves the call's deadline to the past, so reviews may start.
func closeCall(t *testing.T, s *store.Store) {
	t.Helper()
	if err := s.ExecForTest(context.Background(), "UPDATE calls SET opens_at = '2020-01-01 00:00:00', closes_at = '2020-02-01 00:00:00'"); err != nil {
		t.Fatal(err)
	}
}

func TestListApplicationsFiltersAndCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		provinces := []string{"451", "451", "451", "561", "561", "231"}
		for i, p := range provinces {
			o := coop(fmt.Sprintf("تعاونية رقم %d", i), p, "", "")
			if i%2 == 1 {
				o.Sector = taxonomy.Handicraft
			}
			if i == 0 {
				o.Name.FR = "Coopérative Al Amal"
			}
			submitted(t, s, fairID, o)
		}
		draft := coop("تعاونية المسودة", "451", "", "")
		if err := s.CreateOrganisation(ctx, &draft); err != nil {
			t.Fatal(err)
		}
		if _, err := s.StartApplication(ctx, fairID, draft.ID); err != nil {
			t.Fatal(err)
		}
		rows, total, counts, err := s.ListApplications(ctx, store.AppFilter{EditionID: fairID})
		if err != nil || total != 7 || len(rows) != 7 || counts.Province["451"] != 4 || counts.Status["draft"] != 1 || counts.Sector["handicraft"] != 3 {
			t.Fatalf("all: %d rows, total %d, %+v, %v", len(rows), total, counts, err)
		}
		rows, total, counts, _ = s.ListApplications(ctx, store.AppFilter{EditionID: fairID, Province: "451", Sector: "local_products", Limit: 1})
		// Sefrou's local products: rows 0, 2 and the draft. Each facet ignores its own filter.
		if total != 3 || len(rows) != 1 || rows[0].Province != "451" || counts.Province["561"] != 1 || counts.Province["451"] != 3 ||
			counts.Sector["handicraft"] != 1 || counts.Status["submitted"] != 2 {
			t.Fatalf("filtered: %d rows, total %d, %+v", len(rows), total, counts)
		}
		if _, total, _, _ = s.ListApplications(ctx, store.AppFilter{EditionID: fairID, Query: "AL AMAL"}); total != 1 {
			t.Fatalf("search by French name: %d", total)
		}
		if _, total, _, _ = s.ListApplications(ctx, store.AppFilter{EditionID: fairID, Query: "تعاونيه رقم"}); total != 6 {
			t.Fatalf("search by Arabic name: %d", total)
		}
		if _, total, _, _ = s.ListApplications(ctx, store.AppFilter{EditionID: fairID, Status: "submitted", Eligibility: "unchecked"}); total != 6 {
			t.Fatalf("submitted, unchecked: %d", total)
		}
	})
}

func TestEligibilityNeedsAReasonWhenRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		id := submitted(t, s, fairID, coop("تعاونية الزيتون", "451", "", ""))
		err := s.SetEligibility(ctx, id, application.Ineligible, "  ")
		if ae, _ := apperr.As(err); ae == nil || ae.Fields[0].Key != "review.error.reason_required" {
			t.Fatalf("no reason: %v", err)
		}
		if err := s.SetEligibility(ctx, id, "maybe", ""); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("unknown value: %v", err)
		}
		if err := s.SetEligibility(ctx, id, application.Ineligible, "Statuts non signés"); err != nil {
			t.Fatal(err)
		}
		a, _ := s.Application(ctx, id)
		if a.Eligibility != application.Ineligible || a.EligibilityReason != "Statuts non signés" {
			t.Fatalf("stored: %+v", a)
		}
		entries, _, _ := s.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "application", RecordID: fmt.Sprint(id)})
		if len(entries) == 0 || entries[0].Action != audit.EligibilitySet {
			t.Fatalf("audit: %+v", entries)
		}
	})
}

func TestAssignmentIsBalancedIdempotentAndSurvivesConflicts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		var apps []int64
		for i := range 10 {
			apps = append(apps, submitted(t, s, fairID, coop(fmt.Sprintf("تعاونية %d", i), "451", "", "")))
		}
		if err := s.SetEligibility(ctx, apps[9], application.Ineligible, "Hors région"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetEligibility(ctx, apps[9], application.Eligible, ""); err != nil { // back after a second look
			t.Fatal(err)
		}
		ids := reviewers(t, s, fairID, 3)
		if _, err := s.AssignReviewers(ctx, fairID, ids[:1]); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("one reviewer for two each: %v", err)
		}
		if _, err := s.AssignReviewers(ctx, fairID, []int64{ids[0], ids[1], 999999}); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("not a reviewer of the edition: %v", err)
		}
		n, err := s.AssignReviewers(ctx, fairID, ids)
		if err != nil || n != 20 {
			t.Fatalf("assigned %d, %v", n, err)
		}
		loads := func() []int {
			committee, _ := s.EditionReviewers(ctx, fairID)
			var out []int
			for _, m := range committee {
				out = append(out, m.Assigned)
			}
			return out
		}
		if l := loads(); fmt.Sprint(l) != "[7 7 6]" {
			t.Fatalf("loads %v", l)
		}
		if n, err := s.AssignReviewers(ctx, fairID, ids); err != nil || n != 0 {
			t.Fatalf("re-run assigned %d, %v", n, err)
		}
		// A conflict sends the application to the one reviewer who has not had it.
		revs, _ := s.Reviews(ctx, apps[0])
		first := revs[0].ReviewerID
		if _, err := s.DeclareConflict(ctx, apps[0], first, " "); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("conflict without a reason: %v", err)
		}
		got, err := s.DeclareConflict(ctx, apps[0], first, "Ma sœur en est la présidente")
		if err != nil || got == 0 || got == first || got == revs[1].ReviewerID {
			t.Fatalf("replacement %d, %v", got, err)
		}
		revs, _ = s.Reviews(ctx, apps[0])
		if len(revs) != 3 || !revs[0].Conflict || revs[0].Comment != "Ma sœur en est la présidente" {
			t.Fatalf("after the conflict: %+v", revs)
		}
		// A second conflict on the same application: nobody is left.
		if got, err := s.DeclareConflict(ctx, apps[0], revs[2].ReviewerID, "Client"); err != nil || got != 0 {
			t.Fatalf("nobody left: %d, %v", got, err)
		}
		// Re-running cannot fill the gap (every reviewer has had it) and never gives it back.
		if n, err := s.AssignReviewers(ctx, fairID, ids); err != nil || n != 0 {
			t.Fatalf("re-run after conflicts: %d, %v", n, err)
		}
		// A new reviewer joins: the gap is filled with them.
		more := reviewers(t, s, fairID, 1)
		if n, err := s.AssignReviewers(ctx, fairID, append(ids, more...)); err != nil || n != 1 {
			t.Fatalf("new reviewer: %d, %v", n, err)
		}
		mine, _ := s.Assignments(ctx, more[0])
		if len(mine) != 1 || mine[0].ApplicationID != apps[0] {
			t.Fatalf("the new reviewer's list: %+v", mine)
		}
	})
}

func TestScoresAreValidatedAndMakeTheFinalScore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, c := openSefrouCall(t, s)
		women := coop("تعاونية النساء", "451", "", "")
		women.WomenLed = true
		app := submitted(t, s, fairID, women)
		other := submitted(t, s, fairID, coop("تعاونية أخرى", "451", "", ""))
		ids := reviewers(t, s, fairID, 2)
		if _, err := s.AssignReviewers(ctx, fairID, ids); err != nil {
			t.Fatal(err)
		}
		// While the call is open, applicants may still change things: no scores yet.
		if err := s.SaveReview(ctx, app, ids[0], map[string]int{"quality": 10}, ""); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("score while the call is open: %v", err)
		}
		closeCall(t, s)
		err := s.SaveReview(ctx, app, ids[0], map[string]int{"quality": 21}, "")
		if ae, _ := apperr.As(err); ae == nil || ae.Fields[0].Field != "score.quality" || ae.Fields[0].Key != "review.error.score_range" {
			t.Fatalf("out of scale: %v", err)
		}
		if err := s.SaveReview(ctx, app, ids[0], map[string]int{}, ""); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("missing score: %v", err)
		}
		outsider := reviewers(t, s, fairID, 1)[0]
		if err := s.SaveReview(ctx, app, outsider, map[string]int{"quality": 5}, ""); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("not assigned: %v", err)
		}
		if err := s.SaveReview(ctx, app, ids[0], map[string]int{"quality": 16, "women": 3}, "Beau travail"); err != nil {
			t.Fatal(err)
		}
		scores, err := s.ApplicationScores(ctx, fairID)
		if err != nil {
			t.Fatal(err)
		}
		sc := scores[app]
		// 60 × 16/20 + 40 (women-led) = 88, but one review is still awaited.
		if sc.Total != 88 || sc.Complete || sc.Done != 1 || sc.Pending != 1 || sc.Parts[1].Points != 40 || sc.Parts[0].Reviews != 1 {
			t.Fatalf("one review: %+v", sc)
		}
		if err := s.SaveReview(ctx, app, ids[1], map[string]int{"quality": 12}, ""); err != nil {
			t.Fatal(err)
		}
		scores, _ = s.ApplicationScores(ctx, fairID)
		if sc := scores[app]; sc.Total != 82 || !sc.Complete || sc.Parts[0].Reviews != 2 {
			t.Fatalf("two reviews: %+v", sc)
		}
		if sc := scores[other]; sc.Total != 0 || sc.Complete {
			t.Fatalf("no review: %+v", sc)
		}
		page, _ := s.ScoresOf(ctx, &c, []int64{app})
		if len(page) != 1 || page[app].Total != 82 {
			t.Fatalf("a page's scores: %+v", page)
		}
		// A reviewer who declared a conflict can no longer score.
		if _, err := s.DeclareConflict(ctx, other, ids[0], "Voisin"); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveReview(ctx, other, ids[0], map[string]int{"quality": 3}, ""); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("score after a conflict: %v", err)
		}
		// Once the selection is published, scores are final.
		if err := s.ExecForTest(ctx, fmt.Sprintf("UPDATE editions SET status = '%s' WHERE id = %d", fair.SelectionPublished, fairID)); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveReview(ctx, app, ids[1], map[string]int{"quality": 20}, ""); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("score after the selection: %v", err)
		}
		facts, _ := s.ApplicationFacts(ctx, app)
		if !facts.WomenLed || !facts.FirstParticipation || facts.FoodSafety {
			t.Fatalf("facts: %+v", facts)
		}
	})
}
