package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

func TestProducts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := audit.WithActor(context.Background(), audit.Actor{Name: "representative"})
		o := alAmal()
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		thyme := org.Product{OrganisationID: o.ID, Name: mltext.Text{AR: "عسل الزعتر", FR: "Miel de thym"}, Category: "honey",
			Description: mltext.Text{AR: "من جبال صفرو"}, PriceMin: 15000, PriceMax: 20000, Unit: org.Kilogram, Available: true}
		figs := org.Product{OrganisationID: o.ID, Name: mltext.Text{AR: "تين مجفف"}, Category: "figs"}
		for _, p := range []*org.Product{&thyme, &figs} {
			if err := s.CreateProduct(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Product(ctx, thyme.ID)
		if err != nil || !reflect.DeepEqual(got, thyme) {
			t.Fatalf("read back\n%+v\nwant\n%+v (%v)", got, thyme, err)
		}
		if got, _ := s.Product(ctx, figs.ID); got.PriceMin != 0 || got.PriceMax != 0 || got.Unit != "" || got.Available {
			t.Fatalf("no price read back as %+v", got)
		}
		list, err := s.Products(ctx, o.ID)
		if err != nil || len(list) != 2 || list[0].ID != figs.ID || list[1].ID != thyme.ID {
			t.Fatalf("products by name: %+v %v", list, err)
		}
		if region, err := s.ProductRegion(ctx, thyme.ID); region != "03" || err != nil {
			t.Fatalf("region %q %v", region, err)
		}
		if n, _ := s.CountProducts(ctx); n != 2 {
			t.Fatalf("count %d", n)
		}

		// An update keeps the product with its organisation and logs what changed.
		thyme.OrganisationID = 999
		thyme.PriceMax = 0
		thyme.Available = false
		if err := s.UpdateProduct(ctx, &thyme); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Product(ctx, thyme.ID); got.OrganisationID != o.ID || got.PriceMax != 0 || got.Available {
			t.Fatalf("after update %+v", got)
		}
		entries, _, _ := s.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "product"})
		if len(entries) != 3 || entries[0].Action != audit.ProductUpdate || entries[0].RegionCode != "03" ||
			entries[0].Before != `{"available":true,"price_max":20000}` || entries[0].After != `{"available":false,"price_max":0}` {
			t.Fatalf("audit %+v", entries)
		}
		// A refused update stores nothing.
		bad := thyme
		bad.Category = "plutonium"
		if err := s.UpdateProduct(ctx, &bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("bad update: %v", err)
		}
		if got, _ := s.Product(ctx, thyme.ID); got.Category != "honey" {
			t.Fatal("refused update stored")
		}

		if err := s.DeleteProduct(ctx, figs.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Product(ctx, figs.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("deleted product: %v", err)
		}
		entries, _, _ = s.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "product"})
		if entries[0].Action != audit.ProductDelete || entries[0].RegionCode != "03" || entries[0].After != "" {
			t.Fatalf("delete audit %+v", entries[0])
		}
	})
}

func TestProductRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		keep, drop := alAmal(), alAmal()
		drop.Identifiers = org.Identifiers{}
		for _, o := range []*org.Organisation{&keep, &drop} {
			if err := s.CreateOrganisation(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		p := org.Product{OrganisationID: drop.ID, Name: mltext.Text{AR: "تين"}, Category: "figs"}
		if err := s.CreateProduct(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if err := s.MergeOrganisations(ctx, keep.ID, drop.ID); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			err  error
			code apperr.Code
		}{
			{"merged organisation", s.CreateProduct(ctx, &org.Product{OrganisationID: drop.ID, Name: mltext.Text{AR: "تين"}, Category: "figs"}), apperr.Conflict},
			{"unknown organisation", s.CreateProduct(ctx, &org.Product{OrganisationID: 9999, Name: mltext.Text{AR: "تين"}, Category: "figs"}), apperr.NotFound},
			{"invalid product", s.CreateProduct(ctx, &org.Product{OrganisationID: keep.ID, Category: "figs"}), apperr.Invalid},
			{"update of an unknown product", s.UpdateProduct(ctx, &org.Product{ID: 9999, Name: mltext.Text{AR: "تين"}, Category: "figs"}), apperr.NotFound},
			{"delete of an unknown product", s.DeleteProduct(ctx, 9999), apperr.NotFound},
		} {
			if apperr.CodeOf(c.err) != c.code {
				t.Errorf("%s: %v, want %s", c.name, c.err, c.code)
			}
		}
		// The merged organisation's product moved to the kept one.
		if list, _ := s.Products(ctx, keep.ID); len(list) != 1 || list[0].ID != p.ID {
			t.Fatalf("kept organisation's products: %+v", list)
		}
		if _, err := s.ProductRegion(ctx, 9999); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("region of unknown product: %v", err)
		}
		if n, _ := s.CountProducts(ctx); n != 1 {
			t.Fatalf("count %d", n)
		}
	})
}
