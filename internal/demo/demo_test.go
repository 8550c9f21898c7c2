package demo_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

func TestLoadStoresEverythingOnceOnEachEngine(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sum, err := demo.Load(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Editions != 5 || sum.Organisations < 30 {
			t.Fatalf("loaded %+v", sum)
		}
		eds, _ := s.Editions(ctx)
		cities := map[string]bool{}
		for _, e := range eds {
			cities[e.City.FR] = true
		}
		for _, c := range []string{"Sefrou", "Taza", "Fès", "Khénifra", "Ouarzazate"} {
			if !cities[c] {
				t.Errorf("no demo fair in %s", c)
			}
		}
		if _, err := demo.Load(ctx, s); !errors.Is(err, demo.ErrNotEmpty) {
			t.Fatalf("second load: %v", err)
		}
		if n, _ := s.CountEditions(ctx); n != 5 {
			t.Fatalf("%d editions after a refused second load", n)
		}
	})
}
