package venue

import (
	"slices"
	"testing"

	"github.com/aswaq/aswaq/internal/fair"
)

func TestValidateGoodPlan(t *testing.T) {
	p := hall()
	p.Stands = []Stand{stand("P-01", "P", 0, 0), stand("P-02", "P", 300, 0), stand("I-01", "I", 4200, 0)}
	p.Stands[2].Kind = InstitutionalStand
	mustValid(t, p)
}

// Each bad plan reports exactly the expected problems, naming the stands and zones involved.
func TestValidateBadPlans(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Plan)
		want []string
	}{
		{"overlap names both stands", func(p *Plan) {
			p.Stands = []Stand{stand("P-01", "P", 0, 0), stand("P-02", "P", 150, 100)}
		}, []string{"venue.error.stand_overlap stand=P-02 other=P-01"}},
		{"stand outside the outline", func(p *Plan) {
			p.Outline = lShape
			p.Zones = []Zone{{Code: "P", Kind: fair.ProductsPole, Rect: Rect{0, 0, 2000, 2000}}}
			p.Entrances = nil
			p.Stands = []Stand{stand("P-01", "P", 2100, 100)}
		}, []string{"venue.error.stand_outside stand=P-01"}},
		{"stand outside its zone", func(p *Plan) {
			p.Stands = []Stand{stand("P-01", "P", 3900, 0)}
		}, []string{"venue.error.stand_outside_zone stand=P-01 zone=P"}},
		{"stand in front of the door", func(p *Plan) {
			p.Zones[0].Rect = Rect{0, 0, 6000, 4000}
			p.Zones = p.Zones[:1]
			p.Stands = []Stand{stand("P-01", "P", 2900, 3600)}
		}, []string{"venue.error.stand_blocks_entrance stand=P-01 entrance=A clearance=5"}},
		{"zero size", func(p *Plan) {
			s := stand("P-01", "P", 0, 0)
			s.Rect.W = 0
			p.Stands = []Stand{s}
		}, []string{"venue.error.stand_zero_size stand=P-01"}},
		{"duplicate code", func(p *Plan) {
			p.Stands = []Stand{stand("P-01", "P", 0, 0), stand("P-01", "P", 300, 0)}
		}, []string{"venue.error.stand_duplicate stand=P-01"}},
		{"unknown zone, kind, facing, capacity", func(p *Plan) {
			s := stand("X-01", "X", 0, 0)
			s.Kind, s.Facing, s.Capacity = "shop", "up", 3
			p.Stands = []Stand{s}
		}, []string{"venue.error.stand_capacity stand=X-01 max=2", "venue.error.stand_facing stand=X-01",
			"venue.error.stand_kind stand=X-01", "venue.error.stand_zone_unknown stand=X-01 zone=X"}},
		{"bad code", func(p *Plan) { p.Stands = []Stand{stand("P 01", "P", 0, 0)} },
			[]string{"venue.error.stand_code row=1"}},
		{"zone larger than the venue", func(p *Plan) {
			p.Zones[0].Rect = Rect{0, 0, 7000, 4000}
		}, []string{"venue.error.zone_larger_than_venue zone=P area=2800 venue_area=2400",
			"venue.error.zone_overlap zone=I other=P"}},
		{"zone outside", func(p *Plan) {
			p.Zones[1].Rect = Rect{5000, 3500, 1800, 1500}
		}, []string{"venue.error.zone_outside zone=I"}},
		{"zones overlap, zone of zero size, bad kind", func(p *Plan) {
			p.Zones = append(p.Zones, Zone{Code: "C", Kind: fair.InternationalPole, Rect: Rect{3900, 0, 500, 500}},
				Zone{Code: "K", Kind: fair.KidsArea, Rect: Rect{5000, 3000, 0, 100}}, Zone{Code: "Z", Kind: "zoo", Rect: Rect{5000, 3000, 10, 10}})
		}, []string{"venue.error.zone_kind zone=Z", "venue.error.zone_overlap zone=C other=I",
			"venue.error.zone_overlap zone=C other=P", "venue.error.zone_zero_size zone=K"}},
		{"entrance off the walls", func(p *Plan) {
			p.Entrances = append(p.Entrances, Entrance{Code: "B", At: Point{100, 100}, Width: 200},
				Entrance{Code: "A", At: Point{0, 100}, Width: 200}, Entrance{Code: "C", At: Point{0, 100}})
		}, []string{"venue.error.entrance_duplicate entrance=A", "venue.error.entrance_not_on_outline entrance=B",
			"venue.error.entrance_size entrance=C"}},
		{"bad outline skips containment checks", func(p *Plan) {
			p.Outline = Outline{{0, 0}, {10, 0}}
			p.Stands = []Stand{stand("P-01", "P", 0, 0)}
		}, []string{"venue.error.outline_points"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := hall()
			c.edit(&p)
			got := keys(t, p.Validate())
			want := slices.Sorted(slices.Values(c.want))
			if !slices.Equal(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

func TestValidateManyOverlaps(t *testing.T) {
	p := hall()
	p.Zones[0].Rect = Rect{0, 0, 4000, 3000}
	for i := range 40 { // a diagonal staircase: each overlaps the next only
		p.Stands = append(p.Stands, Stand{Code: codeFor("P", i+1, 40), Zone: "P", Rect: Rect{i * 50, i * 50, 100, 100}, Facing: North, Kind: ProductStand})
	}
	if got := len(keys(t, p.Validate())); got != 39 {
		t.Errorf("%d overlaps, want 39", got)
	}
}
