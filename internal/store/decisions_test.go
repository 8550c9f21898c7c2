package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

// The published decisions reach the organisers' list (filtered and counted like the other
// dimensions, an ineligible application as such) and each application.
func TestDecisionsListedFilteredAndCounted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		var ids []int64
		for i, p := range []string{"451", "451", "561", "561", "231"} {
			ids = append(ids, submitted(t, s, fairID, coop(fmt.Sprintf("تعاونية القرار %d", i), p, "", "")))
		}
		if err := s.SetEligibility(ctx, ids[4], application.Ineligible, "Hors région"); err != nil {
			t.Fatal(err)
		}
		_, _, counts, err := s.ListApplications(ctx, store.AppFilter{EditionID: fairID})
		if err != nil || counts.Decision[store.OutcomeNone] != 5 || len(counts.Decision) != 1 {
			t.Fatalf("before publication: %v %v", counts.Decision, err)
		}
		if d, _ := s.DecisionsOf(ctx, ids); len(d) != 0 {
			t.Fatalf("decisions before publication: %+v", d)
		}
		// Published by hand: the selection's own tests cover how it gets there.
		set := func(id int64, d application.Decision, code string, rank string) {
			q := fmt.Sprintf(`UPDATE applications SET decision = '%s', decision_reason = '{"decision":"x","code":"%s"}', waitlist_rank = %s WHERE id = %d`,
				d, code, rank, id)
			if err := s.ExecForTest(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		set(ids[0], application.Selected, "selected", "NULL")
		set(ids[2], application.Selected, "selected", "NULL")
		set(ids[1], application.Waitlisted, "score_below_cutoff", "1")
		set(ids[3], application.NotSelected, "score_below_cutoff", "NULL")
		set(ids[4], application.NotSelected, store.CodeIneligible, "NULL")

		rows, total, _, err := s.ListApplications(ctx, store.AppFilter{EditionID: fairID, Decision: "waitlisted"})
		if err != nil || total != 1 || rows[0].ID != ids[1] || rows[0].WaitlistRank != 1 || rows[0].Outcome() != "waitlisted" ||
			rows[0].DecisionReason.Code != "score_below_cutoff" {
			t.Fatalf("waitlisted: %+v %v", rows, err)
		}
		rows, total, _, _ = s.ListApplications(ctx, store.AppFilter{EditionID: fairID, Decision: store.OutcomeIneligible})
		if total != 1 || rows[0].ID != ids[4] || rows[0].Decision != application.NotSelected {
			t.Fatalf("ineligible: %+v", rows)
		}
		// Counts honour the other filters, never their own.
		_, total, counts, _ = s.ListApplications(ctx, store.AppFilter{EditionID: fairID, Province: "451", Decision: "selected"})
		if total != 1 || counts.Decision["selected"] != 1 || counts.Decision["waitlisted"] != 1 || counts.Decision[store.OutcomeIneligible] != 0 ||
			counts.Province["561"] != 1 || counts.Province["231"] != 0 {
			t.Fatalf("counts: %d, %v, %v", total, counts.Decision, counts.Province)
		}
		d, err := s.DecisionsOf(ctx, ids)
		if err != nil || len(d) != 5 || d[ids[1]].WaitlistRank != 1 || d[ids[0]].Decision != application.Selected {
			t.Fatalf("decisions: %+v %v", d, err)
		}
		if x := d[ids[4]]; x.Outcome(application.Ineligible) != store.OutcomeIneligible || x.Reason.Code != store.CodeIneligible {
			t.Fatalf("ineligible decision: %+v", x)
		}
	})
}

// Finding an application ineligible tells its applicant once, with the reason; a new
// reason tells again, taking it back tells that too, and a message the outbox refuses
// leaves the eligibility as it was. Once the selection is published, eligibility is fixed.
func TestEligibilityToldToTheApplicant(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		id := submitted(t, s, fairID, coop("تعاونية الإخبار", "451", "", ""))
		recipient := "rep@test.ma"
		var restored []bool
		tell := func(a *application.Application, back bool) []outbox.Message {
			restored = append(restored, back)
			return []outbox.Message{{Channel: outbox.Email, Recipient: recipient, Lang: "fr", Kind: "eligibility",
				Subject: "Éligibilité", Body: string(a.Eligibility) + ": " + a.EligibilityReason}}
		}
		sent := func() []outbox.Message {
			m, _ := s.Messages().OutboxMessages(ctx, outbox.Filter{Kind: "eligibility", Limit: 100})
			return m
		}
		steps := []struct {
			el     application.Eligibility
			reason string
			told   int
		}{
			{application.Eligible, "", 0},
			{application.Ineligible, "Statuts non signés", 1},
			{application.Ineligible, "Statuts non signés", 1},
			{application.Ineligible, "Statuts non signés ni datés", 2},
			{application.Eligible, "", 3},
			{application.Unchecked, "", 3},
		}
		for i, st := range steps {
			if err := s.SetEligibilityAndTell(ctx, id, st.el, st.reason, tell); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			if n := len(sent()); n != st.told {
				t.Fatalf("step %d: %d messages, want %d", i, n, st.told)
			}
		}
		bodies := ""
		for _, m := range sent() {
			bodies += m.Body + "\n"
		}
		if fmt.Sprint(restored) != "[false false true]" || !strings.Contains(bodies, "ineligible: Statuts non signés ni datés") {
			t.Fatalf("told %v:\n%s", restored, bodies)
		}
		recipient = "not an address"
		if err := s.SetEligibilityAndTell(ctx, id, application.Ineligible, "Hors région", tell); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("a refused message: %v", err)
		}
		if a, _ := s.Application(ctx, id); a.Eligibility != application.Unchecked {
			t.Fatalf("stored although its message was refused: %+v", a)
		}
		if err := s.ExecForTest(ctx, fmt.Sprintf(`UPDATE editions SET status = 'selection_published' WHERE id = %d`, fairID)); err != nil {
			t.Fatal(err)
		}
		recipient = "rep@test.ma"
		if err := s.SetEligibilityAndTell(ctx, id, application.Ineligible, "Hors région", tell); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("after publication: %v", err)
		}
	})
}
