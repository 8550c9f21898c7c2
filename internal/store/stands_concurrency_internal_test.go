package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
)

// Two organisers pin two organisations to the same one-place stand at the same moment: the
// stand keeps one, the other pin is refused. Each pin's transaction stays open a moment
// after its work, so that without the edition's lock both would find the stand free on
// PostgreSQL.
func TestPinStandTwiceAtOnceKeepsOneOnTheStand(t *testing.T) {
	searchEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		eid, orgs, p := planFixture(t, s, 2)
		if err := s.SavePlan(ctx, eid, p); err != nil {
			t.Fatal(err)
		}
		stand := p.Stands[0].Code
		errs := make([]error, 2)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = s.InTx(ctx, func(ctx context.Context) error {
					if err := s.PinStand(ctx, eid, orgs[i], stand); err != nil {
						return err
					}
					time.Sleep(150 * time.Millisecond)
					return nil
				})
			}()
		}
		close(start)
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("pins: %v", errs)
		}
		for _, err := range errs {
			if e, ok := apperr.As(err); err != nil && (!ok || e.Key != "plan.error.stand_taken") {
				t.Fatalf("refused pin: %v", err)
			}
		}
		as, _ := s.StandAssignments(ctx, eid)
		if len(as) != 1 || as[0].Stand != stand || !as[0].Pinned {
			t.Fatalf("assignments: %+v", as)
		}
	})
}
