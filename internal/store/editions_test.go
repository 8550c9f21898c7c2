package store_test

import (
	"context"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

func sefrou() fair.Edition {
	return fair.Edition{
		Kind: fair.MobileMarket, Number: 1, RegionCode: "03", ProvinceCode: "451",
		City:     mltext.Text{AR: "صفرو", FR: "Sefrou"},
		Venue:    mltext.Text{AR: "ساحة مساي", FR: "Place Massay"},
		Title:    mltext.Text{AR: "السوق المتنقل للاقتصاد الاجتماعي والتضامني", FR: "Marché itinérant de l'ESS"},
		Slogan:   mltext.Text{AR: "اقتصاد اجتماعي وتضامني متنوع وسياحة مستدامة وواعدة"},
		StartsOn: civil.MustNew(2022, 7, 12), EndsOn: civil.MustNew(2022, 7, 16),
		AreaM2: 1500, TargetVisitors: 10000, TargetOrgs: 52,
	}
}

func TestEditionRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		e := sefrou()
		if err := s.CreateEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
		if e.ID == 0 {
			t.Fatal("no id set")
		}
		got, err := s.Edition(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got != e {
			t.Fatalf("read back\n%+v\nwant\n%+v", got, e)
		}
		if got.Status != fair.Draft || got.TargetStands != 0 {
			t.Fatalf("defaults: status %q stands %d", got.Status, got.TargetStands)
		}
		list, err := s.Editions(ctx)
		if err != nil || len(list) != 1 || list[0] != e {
			t.Fatalf("Editions = %v, %v", list, err)
		}
		if _, err := s.Edition(ctx, e.ID+100); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("missing edition: %v", err)
		}
	})
}

func TestCreateEditionRefusesBadInputAndStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		cases := map[string]func(e *fair.Edition){
			"ends before start":  func(e *fair.Edition) { e.StartsOn, e.EndsOn = civil.MustNew(2022, 12, 10), civil.MustNew(2022, 12, 5) },
			"negative area":      func(e *fair.Edition) { e.AreaM2 = -1500 },
			"unknown province":   func(e *fair.Edition) { e.ProvinceCode = "999" },
			"province elsewhere": func(e *fair.Edition) { e.ProvinceCode = "401" }, // Ouarzazate is not in Fès-Meknès
		}
		for name, spoil := range cases {
			e := sefrou()
			spoil(&e)
			err := s.CreateEdition(ctx, &e)
			if apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("%s: got %v, want an invalid-input error", name, err)
			}
		}
		if n, _ := s.CountEditions(ctx); n != 0 {
			t.Fatalf("%d editions stored from bad input", n)
		}
	})
}

func TestInTxStoresAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		gen := s.Generation()
		err := s.InTx(ctx, func(ctx context.Context) error {
			e := sefrou()
			if err := s.CreateEdition(ctx, &e); err != nil {
				return err
			}
			bad := sefrou()
			bad.AreaM2 = -1
			return s.CreateEdition(ctx, &bad) // fails: the first one must go too
		})
		if apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("InTx = %v", err)
		}
		if n, _ := s.CountEditions(ctx); n != 0 || s.Generation() != gen {
			t.Fatalf("%d editions kept from a failed transaction", n)
		}
		err = s.InTx(ctx, func(ctx context.Context) error {
			a, b := sefrou(), sefrou()
			if err := s.CreateEdition(ctx, &a); err != nil {
				return err
			}
			return s.InTx(ctx, func(ctx context.Context) error { return s.CreateEdition(ctx, &b) })
		})
		if n, _ := s.CountEditions(ctx); err != nil || n != 2 || s.Generation() != gen+1 {
			t.Fatalf("nested InTx: %v, %d editions, generation +%d", err, n, s.Generation()-gen)
		}
	})
}
