package venue

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/fair"
)

func zonePlan(t *testing.T) Plan {
	t.Helper()
	p := Plan{Outline: RectOutline(Rect{W: 4000, H: 2000}),
		Zones: []Zone{{Code: "P", Kind: fair.ProductsPole, Rect: Rect{X: 100, Y: 100, W: 1800, H: 1800}},
			{Code: "I", Kind: fair.InstitutionalPole, Rect: Rect{X: 2100, Y: 100, W: 1800, H: 1800}}}}
	for _, z := range []string{"P", "I"} {
		var err error
		p, _, err = p.Generate(Layout{Zone: z, StandWidth: 300, StandDepth: 300, Aisle: 300})
		if err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestReshapeZoneCarriesItsStands(t *testing.T) {
	p := zonePlan(t)
	before, _, _ := p.Stand("P-01")
	q, err := p.ReshapeZone("P", Rect{X: 0, Y: 100, W: 1900, H: 1800})
	if err != nil {
		t.Fatal(err)
	}
	after, _, _ := q.Stand("P-01")
	if after.Rect.X != before.Rect.X-100 || after.Rect.Y != before.Rect.Y {
		t.Fatalf("P-01 %+v → %+v", before.Rect, after.Rect)
	}
	// Onto the other pole, or too small for its stands: refused, the plan given unchanged.
	for name, r := range map[string]Rect{"onto I": {X: 1500, Y: 100, W: 1800, H: 1800}, "too small": {X: 100, Y: 100, W: 500, H: 500}} {
		if _, err := p.ReshapeZone("P", r); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("%s: %v", name, err)
		}
	}
	if z, _ := p.Zone("P"); z.Rect.X != 100 {
		t.Fatal("a refused reshape changed the plan it was given")
	}
}

func TestDeleteZoneTakesItsStands(t *testing.T) {
	p := zonePlan(t)
	q, err := p.DeleteZone("I")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range q.Stands {
		if s.Zone == "I" {
			t.Fatalf("stand %s left without its pole", s.Code)
		}
	}
	if _, ok := q.Zone("I"); ok || len(q.Zones) != 1 {
		t.Fatal("pole not deleted")
	}
	if _, err := p.DeleteZone("X"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown pole: %v", err)
	}
}
