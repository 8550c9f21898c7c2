package store

import (
	"context"
	"sync"
	"testing"

	"github.com/aswaq/aswaq/internal/venue"
)

// TestConcurrentPlanChangesAreAllKept: eight organisers each delete a different stand at the
// same moment; every deletion is in the saved plan (none overwrites another's).
func TestConcurrentPlanChangesAreAllKept(t *testing.T) {
	searchEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		eid, _, p := planFixture(t, s, 0)
		if err := s.SavePlan(ctx, eid, p); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for i := range 8 {
			code := p.Stands[i].Code
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- s.ChangePlan(ctx, eid, func(pl venue.Plan) (venue.Plan, []string, error) {
					q, err := pl.Delete(code)
					return q, nil, err
				})
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Plan(ctx, eid)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Plan.Stands) != len(p.Stands)-8 {
			t.Fatalf("%d stands left, want %d: a concurrent change was lost", len(got.Plan.Stands), len(p.Stands)-8)
		}
	})
}
