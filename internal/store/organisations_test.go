package store_test

import (
	"context"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

func TestOrganisationRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية الأمل", FR: "Coopérative Al Amal"},
			ProvinceCode: "451", Sector: org.LocalProducts, WomenLed: true}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		list, err := s.Organisations(ctx, 10)
		if err != nil || len(list) != 1 || list[0] != o {
			t.Fatalf("Organisations = %+v, %v", list, err)
		}
		bad := o
		bad.ProvinceCode = "000"
		if err := s.CreateOrganisation(ctx, &bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("unknown province accepted: %v", err)
		}
		if n, _ := s.CountOrganisations(ctx); n != 1 {
			t.Fatalf("count %d", n)
		}
	})
}
