package fair

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/mltext"
)

func validEdition() Edition {
	return Edition{
		Kind: MobileMarket, Number: 2, RegionCode: "03", ProvinceCode: "561",
		City:     mltext.Text{AR: "تازة", FR: "Taza"},
		Venue:    mltext.Text{AR: "ساحة", FR: "Place"},
		Title:    mltext.Text{AR: "السوق المتنقل", FR: "Marché itinérant"},
		StartsOn: civil.MustNew(2022, 12, 10), EndsOn: civil.MustNew(2022, 12, 14),
	}
}

func TestValidateRefusesEndBeforeStart(t *testing.T) {
	e := validEdition()
	e.EndsOn = civil.MustNew(2022, 12, 5) // "from 10 to 5 December", as one seed announced it
	err := e.Validate()
	ae, ok := apperr.As(err)
	if !ok || ae.Code != apperr.Invalid || len(ae.Fields) != 1 || ae.Fields[0].Field != "ends_on" || ae.Fields[0].Key != "fair.error.ends_before_start" {
		t.Fatalf("got %v", err)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	e := Edition{Kind: "fete", AreaM2: -5, TargetVisitors: -1}
	ae, _ := apperr.As(e.Validate())
	got := map[string]bool{}
	for _, f := range ae.Fields {
		got[f.Field] = true
	}
	for _, want := range []string{"kind", "region", "province", "city", "title", "starts_on", "ends_on", "area_m2", "target_visitors"} {
		if !got[want] {
			t.Errorf("no error for %s in %v", want, ae)
		}
	}
}

func TestValidateAcceptsAndDefaults(t *testing.T) {
	e := validEdition()
	e.City.AR = "  تازة "
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	if e.Status != Draft || e.City.AR != "تازة" {
		t.Fatalf("status %q city %q", e.Status, e.City.AR)
	}
	if e.Days() != 5 {
		t.Fatalf("Days = %d", e.Days())
	}
}

func TestPhaseOn(t *testing.T) {
	e := validEdition()
	for day, want := range map[civil.Date]Phase{
		civil.MustNew(2022, 12, 9): Upcoming, civil.MustNew(2022, 12, 10): Current,
		civil.MustNew(2022, 12, 14): Current, civil.MustNew(2022, 12, 15): Past,
	} {
		if got := e.PhaseOn(day); got != want {
			t.Errorf("PhaseOn(%v) = %v, want %v", day, got, want)
		}
	}
}
