package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/placement"
)

// Each run tells exactly the selected organisations whose stand is not the one they were
// last told of: a first stand, a move (by a run or by hand), a stand lost; nobody else,
// and nobody who left the selection. A refused message saves nothing.
func TestAssignmentTellsOnlyTheChanged(t *testing.T) {
	searchEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		eid, orgs, p := planFixture(t, s, 3)
		if err := s.SavePlan(ctx, eid, p); err != nil {
			t.Fatal(err)
		}
		code := func(i int) string { return p.Stands[i].Code }
		id := func(i int) string { return fmt.Sprint(orgs[i]) }
		result := func(stands ...string) placement.Result {
			var r placement.Result
			for i, st := range stands {
				if st != "" {
					r.Assigned = append(r.Assigned, placement.Assignment{Org: id(i), Stand: st})
				}
			}
			return r
		}
		recipient := "org-%d@test.ma"
		tell := func(c StandChange) []outbox.Message {
			return []outbox.Message{{Channel: outbox.Email, Recipient: fmt.Sprintf(recipient, c.OrganisationID), Lang: "fr",
				Kind: "stand_assignment", Subject: "Stand", Body: c.From + " → " + c.To}}
		}
		run := func(want []StandChange, stands ...string) {
			t.Helper()
			before, _ := s.Messages().OutboxMessages(ctx, outbox.Filter{Kind: "stand_assignment", Limit: 500})
			got, err := s.SaveAssignmentAndTell(ctx, eid, result(stands...), placement.Options{}, false, tell)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("changes %+v, want %+v", got, want)
			}
			after, _ := s.Messages().OutboxMessages(ctx, outbox.Filter{Kind: "stand_assignment", Limit: 500})
			if len(after)-len(before) != len(want) {
				t.Fatalf("%d messages for %d changes", len(after)-len(before), len(want))
			}
			ep, _ := s.Plan(ctx, eid)
			if !slices.Equal(ep.LastRun.Changes, want) {
				t.Fatalf("recorded changes %+v", ep.LastRun.Changes)
			}
		}
		// First run: everyone hears of their stand. The same again: nobody.
		run([]StandChange{{orgs[0], "", code(0)}, {orgs[1], "", code(1)}, {orgs[2], "", code(2)}}, code(0), code(1), code(2))
		run(nil, code(0), code(1), code(2))
		// Moved by hand between runs: told at the next run, which keeps it there.
		if err := s.PinStand(ctx, eid, orgs[0], code(5)); err != nil {
			t.Fatal(err)
		}
		run([]StandChange{{orgs[0], code(0), code(5)}}, code(5), code(1), code(2))
		// A run that moves one and leaves another without a stand.
		run([]StandChange{{orgs[1], code(1), code(3)}, {orgs[2], code(2), ""}}, code(5), code(3), "")
		// The third withdraws: it is not told, and a newcomer to its old stand would be.
		if _, err := s.db.ExecContext(ctx, `UPDATE applications SET status = 'withdrawn' WHERE organisation_id = $1`, orgs[2]); err != nil {
			t.Fatal(err)
		}
		run(nil, code(5), code(3))
		ep, _ := s.Plan(ctx, eid)
		if len(ep.LastRun.Told) != 2 || ep.LastRun.Told[id(0)] != code(5) || ep.LastRun.Told[id(1)] != code(3) {
			t.Fatalf("told %v", ep.LastRun.Told)
		}

		// A message the outbox refuses: neither the assignment nor the run changes.
		recipient = "not an address %d"
		if _, err := s.SaveAssignmentAndTell(ctx, eid, result(code(6), code(3)), placement.Options{}, false, tell); err == nil {
			t.Fatal("a refused message was accepted")
		}
		as, _ := s.StandAssignments(ctx, eid)
		if len(as) != 2 || as[0].Stand != code(3) && as[1].Stand != code(3) {
			t.Fatalf("assignments after a refused run: %+v", as)
		}
		if again, _ := s.Plan(ctx, eid); !slices.Equal(again.LastRun.Changes, ep.LastRun.Changes) || again.LastRun.Told[id(0)] != code(5) {
			t.Fatalf("run after a refused one: %+v", again.LastRun)
		}
		recipient = "org-%d@test.ma"

		// A run recorded before runs kept what was told: the assignment it made counts as told.
		if err := s.SaveAssignment(ctx, eid, result(code(5), code(4)), placement.Options{}); err != nil {
			t.Fatal(err)
		}
		run([]StandChange{{orgs[1], code(4), code(7)}}, code(5), code(7))
	})
}
