package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

func alAmal() org.Organisation {
	return org.Organisation{
		LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونيةُ الأمل", FR: "Coopérative Al Amal"},
		Identifiers:  org.Identifiers{ICE: "001561191000066", RegisterNumber: "15/2019", RegisterCourt: "صفرو"},
		FoundedOn:    civil.MustNew(2019, 4, 2),
		ProvinceCode: "451", Sector: taxonomy.LocalProducts, Categories: []string{"honey", "figs"},
		Programmes: []taxonomy.Programme{taxonomy.INDH},
		Contact: org.Contact{Address: "حي المسيرة، صفرو", Phone: "0612345678", WhatsApp: true, Email: "alamal@coop.ma", PhonePublic: true,
			AddressPublic: true, Website: "https://alamal.ma", LinksPublic: true},
		Members: org.Members{Women: 14, Men: 2, Under35: 6}, WomenLed: true,
		FoodSafetyNo: "ONSSA-1234", Description: mltext.Text{AR: "عسل الجبل", FR: "Miel de montagne"},
	}
}

func TestOrganisationRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := alAmal()
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		got, err := s.Organisation(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := o
		want.Categories = []string{"figs", "honey"} // read back sorted
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("read back\n%+v\nwant\n%+v", got, want)
		}
		if got.Contact.Phone != "+212612345678" || got.Status != org.Validated {
			t.Fatalf("normalization lost: %+v", got.Contact)
		}
		if region, _ := s.OrganisationRegion(ctx, o.ID); region != "03" {
			t.Fatalf("region %q", region)
		}
		bad := alAmal()
		bad.ProvinceCode = "000"
		bad.Identifiers.ICE = ""
		if err := s.CreateOrganisation(ctx, &bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("unknown province accepted: %v", err)
		}
		if n, _ := s.CountOrganisations(ctx); n != 1 {
			t.Fatalf("count %d", n)
		}
	})
}

func TestUpdateOrganisationRecordsWhatChanged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "organiser"})
		o := alAmal()
		s.CreateOrganisation(ctx, &o)
		o.Contact.Phone = "0661112233"
		o.Categories = []string{"honey"}
		if err := s.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		entries, _, _ := s.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "organisation"})
		if len(entries) != 2 || entries[0].Action != audit.OrganisationUpdate || entries[0].RegionCode != "03" {
			t.Fatalf("audit: %+v", entries)
		}
		if entries[0].Before != `{"categories":"figs,honey","phone":"+212612345678"}` || entries[0].After != `{"categories":"honey","phone":"+212661112233"}` {
			t.Fatalf("before %s after %s", entries[0].Before, entries[0].After)
		}
		o.Members.Under35 = 99
		if err := s.UpdateOrganisation(ctx, &o); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("bad update accepted: %v", err)
		}
		got, _ := s.Organisation(ctx, o.ID)
		if got.Members.Under35 != 6 {
			t.Fatal("a refused update was stored")
		}
	})
}

func TestDuplicatesAndMerge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a := alAmal()
		s.CreateOrganisation(ctx, &a)
		// The same cooperative typed again: another spelling of its name, no ICE.
		b := alAmal()
		b.Name.AR, b.Identifiers = "تعاونية الامل", org.Identifiers{}
		b.Categories = []string{"dates"}
		s.CreateOrganisation(ctx, &b)
		other := alAmal()
		other.Name.AR, other.Identifiers, other.ProvinceCode = "تعاونية النور", org.Identifiers{}, "231"
		s.CreateOrganisation(ctx, &other)

		dups, err := s.PossibleDuplicates(ctx, &b)
		if err != nil || len(dups) != 1 || dups[0].ID != a.ID {
			t.Fatalf("duplicates of b: %v %v", dups, err)
		}
		probe := org.Organisation{ID: 0, LegalForm: org.Cooperative, Identifiers: org.Identifiers{ICE: "001 561 191 000 066"}, Name: mltext.Text{AR: "x"}}
		if dups, _ := s.PossibleDuplicates(ctx, &probe); len(dups) != 1 || dups[0].ID != a.ID {
			t.Fatalf("ICE duplicate not found: %v", dups)
		}
		if err := s.MergeOrganisations(ctx, a.ID, b.ID); err != nil {
			t.Fatal(err)
		}
		kept, _ := s.Organisation(ctx, a.ID)
		if !reflect.DeepEqual(kept.Categories, []string{"dates", "figs", "honey"}) {
			t.Fatalf("categories after merge: %v", kept.Categories)
		}
		gone, _ := s.Organisation(ctx, b.ID)
		if gone.MergedInto != a.ID {
			t.Fatal("the merged record does not point to the kept one")
		}
		if n, _ := s.CountOrganisations(ctx); n != 2 {
			t.Fatalf("count after merge %d", n)
		}
		if err := s.MergeOrganisations(ctx, a.ID, b.ID); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("merging twice: %v", err)
		}
		if err := s.UpdateOrganisation(ctx, &gone); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("editing a merged record: %v", err)
		}
		if err := s.MergeOrganisations(ctx, a.ID, a.ID); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("merging into itself: %v", err)
		}
	})
}
