package demo_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/catalogue"
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
		if sum.Editions != 5 || sum.Organisations < 400 || sum.Products < 2*sum.Organisations || sum.Photos < 100 {
			t.Fatalf("loaded %+v", sum)
		}
		// Every producer has something to sell, and the index found it all.
		if res, _ := s.Catalogue().Search(ctx, catalogue.SearchQuery{Kind: catalogue.KindProduct}); res.Total != min(sum.Products, catalogue.MaxSearchTotal) {
			t.Fatalf("%d products searchable", res.Total)
		}
		eds, _ := s.Editions().Editions(ctx)
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
		if n, _ := s.Editions().CountEditions(ctx); n != 5 {
			t.Fatalf("%d editions after a refused second load", n)
		}
	})
}

// The small registry tests use is the same every time, with products and photos.
func TestSmallRegistryIsRepeatable(t *testing.T) {
	ctx := context.Background()
	var sums []demo.Summary
	var names [][]string
	for range 2 {
		s := storetest.SQLite(t)
		sum, err := demo.LoadWith(ctx, s, demo.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, _ := s.Catalogue().Search(ctx, catalogue.SearchQuery{Kind: catalogue.KindProduct, Limit: 100})
		var n []string
		for _, h := range res.Hits {
			n = append(n, h.Name.AR+"|"+h.Cover.Thumb)
		}
		sums, names = append(sums, sum), append(names, n)
	}
	if sums[0] != sums[1] || len(names[0]) == 0 || strings.Join(names[0], ",") != strings.Join(names[1], ",") {
		t.Fatalf("two loads differ: %+v %+v", sums[0], sums[1])
	}
	if sums[0].Products < sums[0].Organisations || sums[0].Photos == 0 {
		t.Fatalf("small registry: %+v", sums[0])
	}
}
