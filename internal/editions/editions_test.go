package editions_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
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
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := editions.New(d)
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
		if !reflect.DeepEqual(got, e) {
			t.Fatalf("read back\n%+v\nwant\n%+v", got, e)
		}
		if got.Status != fair.Draft || got.TargetStands != 0 {
			t.Fatalf("defaults: status %q stands %d", got.Status, got.TargetStands)
		}
		list, err := s.Editions(ctx)
		if err != nil || len(list) != 1 || list[0].ID != e.ID || list[0].Title != e.Title {
			t.Fatalf("Editions = %v, %v", list, err)
		}
		if _, err := s.Edition(ctx, e.ID+100); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("missing edition: %v", err)
		}
	})
}

func TestCreateEditionRefusesBadInputAndStoresNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := editions.New(d)
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
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := editions.New(d)
		gen := d.Generation()
		err := d.InTx(ctx, func(ctx context.Context) error {
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
		if n, _ := s.CountEditions(ctx); n != 0 || d.Generation() != gen {
			t.Fatalf("%d editions kept from a failed transaction", n)
		}
		err = d.InTx(ctx, func(ctx context.Context) error {
			a, b := sefrou(), sefrou()
			if err := s.CreateEdition(ctx, &a); err != nil {
				return err
			}
			return d.InTx(ctx, func(ctx context.Context) error { return s.CreateEdition(ctx, &b) })
		})
		if n, _ := s.CountEditions(ctx); err != nil || n != 2 || d.Generation() != gen+1 {
			t.Fatalf("nested InTx: %v, %d editions, generation +%d", err, n, d.Generation()-gen)
		}
	})
}

// fesFair is the third regional fair of Fès-Meknès with every part a council records.
func fesFair() fair.Edition {
	e := sefrou()
	e.Kind, e.Number, e.ProvinceCode, e.AreaM2 = fair.RegionalFair, 3, "231", 4000
	e.Theme = mltext.Text{AR: "التسويق الرقمي", FR: "Le marketing numérique"}
	e.Hours = fair.Hours{Opens: 10 * 60, Closes: 22 * 60, Set: true}
	e.LegalBasis = mltext.Text{AR: "المادة 82 من القانون التنظيمي رقم 111.14", FR: "Article 82 de la loi organique n° 111.14"}
	e.Occasion = mltext.Text{AR: "اليوم العالمي للتعاونيات", FR: "Journée internationale des coopératives"}
	e.RepsPerStand = 2
	e.Partners = []fair.Partnership{
		{Name: mltext.Text{AR: "مجلس جهة فاس-مكناس", FR: "Conseil de la région Fès-Meknès"}, Role: fair.Organiser},
		{Name: mltext.Text{AR: "وزارة السياحة", FR: "Ministère du Tourisme"}, Role: fair.Partner, Convention: "Conv. 12/2022"},
	}
	e.Spaces = []fair.Space{
		{Kind: fair.ProductsPole, AreaM2: 2500, Stands: 130},
		{Kind: fair.InternationalPole, Name: mltext.Text{AR: "قطب التعاون الدولي", FR: "Pôle international"}},
	}
	e.Guests = []fair.Guest{{Kind: fair.GuestRegion, Name: mltext.Text{AR: "كورسيكا", FR: "Corse"}},
		{Kind: fair.GuestCountry, Name: mltext.Text{AR: "السنغال", FR: "Sénégal"}}}
	return e
}

func TestEditionPartsRoundTripAndUpdate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := editions.New(d)
		tour := fair.Tour{RegionCode: "03", Year: 2022, Title: mltext.Text{AR: "جولة 2022", FR: "Tournée 2022"}}
		if err := s.CreateTour(ctx, &tour); err != nil {
			t.Fatal(err)
		}
		e := fesFair()
		e.TourID = tour.ID
		if err := s.CreateEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
		got, err := s.Edition(ctx, e.ID)
		if err != nil || !reflect.DeepEqual(got, e) {
			t.Fatalf("read back %v\n%+v\nwant\n%+v", err, got, e)
		}
		// An update replaces the parts: one partner fewer, the guests gone, hours unknown.
		e.Partners, e.Guests, e.Hours, e.TourID = e.Partners[:1], nil, fair.Hours{}, 0
		e.Status = fair.Closed // ignored: status moves only through the life-cycle steps
		if err := s.UpdateEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Edition(ctx, e.ID)
		if len(got.Partners) != 1 || got.Guests != nil || got.Hours.Set || got.TourID != 0 || got.Status != fair.Draft {
			t.Fatalf("after update: %+v", got)
		}
		// A bad update changes nothing.
		bad := got
		bad.Spaces = append(bad.Spaces, fair.Space{Kind: fair.KidsArea, AreaM2: 9000})
		if err := s.UpdateEdition(ctx, &bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("space larger than the venue: %v", err)
		}
		again, _ := s.Edition(ctx, e.ID)
		if !reflect.DeepEqual(again, got) {
			t.Fatalf("refused update changed the edition:\n%+v", again)
		}
		// A tour of another region is refused.
		other := fair.Tour{RegionCode: "08", Year: 2025, Title: mltext.Text{AR: "جولة", FR: "Tournée"}}
		if err := s.CreateTour(ctx, &other); err != nil {
			t.Fatal(err)
		}
		got.TourID = other.ID
		if err := s.UpdateEdition(ctx, &got); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("tour elsewhere: %v", err)
		}
		tours, err := s.Tours(ctx, false, []string{"03"})
		if err != nil || len(tours) != 1 || tours[0].ID != tour.ID {
			t.Fatalf("Tours(03) = %v, %v", tours, err)
		}
	})
}
