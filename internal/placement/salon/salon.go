// Package salon generates realistic fairs for the stand assignment's tests and benchmarks: a
// venue plan laid out by venue's generator, stands with facilities, and organisations with
// sectors, product categories, provinces and needs in the proportions the seeds describe.
// Everything is a function of a seed.
package salon

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/placement"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/venue"
)

// Spec describes a fair to generate.
type Spec struct {
	Name string
	// Hall and poles, in centimetres.
	Hall                 venue.Rect
	Products, Inst, Intl venue.Rect
	Stage                venue.Rect
	// Shared makes product and international stands hold two organisations each.
	Shared                    bool
	InstOrgs, IntlOrgs, Prods int // organisations per class
	Provinces                 int // how many provinces exhibitors come from
}

// National is a national salon: a 150 × 120 m hall (18,000 m²) with 350 stands of 3 × 3 m
// (294 products, 28 institutional, 28 international), product and international stands
// shared by two, and 700 organisations: 26 institutional, 54 foreign guests and 620
// producers, 32 more than the 588 product places.
var National = Spec{Name: "national", Hall: venue.Rect{W: 15000, H: 12000},
	Products: venue.Rect{X: 600, Y: 600, W: 6600, H: 6300}, Inst: venue.Rect{X: 7800, Y: 600, W: 2100, H: 1800},
	Intl: venue.Rect{X: 7800, Y: 3000, W: 2100, H: 1800}, Stage: venue.Rect{X: 10500, Y: 600, W: 3000, H: 2400},
	Shared: true, InstOrgs: 26, IntlOrgs: 54, Prods: 620, Provinces: 75}

// Regional is a regional fair: an 80 × 60 m tent (4,800 m²) with 179 stands (150 products,
// 21 institutional, 8 international), one organisation per stand, and 160 organisations
// from the 8 provinces of one region: 16 institutional, 8 guests, 136 producers.
var Regional = Spec{Name: "regional", Hall: venue.Rect{W: 8000, H: 6000},
	Products: venue.Rect{X: 300, Y: 300, W: 4800, H: 4800}, Inst: venue.Rect{X: 5400, Y: 300, W: 2100, H: 1500},
	Intl: venue.Rect{X: 5400, Y: 2100, W: 1200, H: 1200}, Stage: venue.Rect{X: 5400, Y: 3600, W: 2400, H: 1500},
	InstOrgs: 16, IntlOrgs: 8, Prods: 136, Provinces: 8}

// Plan lays out the spec's venue: a door in the middle of the south wall, a stage, the three poles
// filled with 3 × 3 m stands around 3 m aisles, cross aisles every 12 stands. Every fourth
// product stand has power, every tenth water (one in twenty both), and the stands at the
// ends of rows (a free
// side) are accessible.
func (sp Spec) Plan() (venue.Plan, error) {
	p := venue.Plan{
		Outline:   venue.RectOutline(sp.Hall),
		Entrances: []venue.Entrance{{Code: "A", At: venue.Point{X: sp.Hall.W / 2, Y: sp.Hall.H}, Width: 600, Clearance: 600}},
		Zones: []venue.Zone{
			{Code: "P", Kind: fair.ProductsPole, Rect: sp.Products},
			{Code: "I", Kind: fair.InstitutionalPole, Rect: sp.Inst},
			{Code: "C", Kind: fair.InternationalPole, Rect: sp.Intl},
			{Code: "S", Kind: fair.Stage, Rect: sp.Stage},
		},
	}
	for _, z := range []string{"P", "I", "C"} {
		var err error
		p, _, err = p.Generate(venue.Layout{Zone: z, StandWidth: 300, StandDepth: 300, Aisle: 300, MaxRun: 12, Power: z != "P"})
		if err != nil {
			return venue.Plan{}, err
		}
	}
	side := map[string]int{}
	for _, n := range p.Neighbours() {
		if n.Relation == venue.RelSide {
			side[n.A]++
			side[n.B]++
		}
	}
	for i := range p.Stands {
		s := &p.Stands[i]
		if s.Zone == "P" {
			s.Power = s.Power || i%4 == 0
			s.Water = i%10 == 4
		}
		s.Accessible = side[s.Code] < 2
		if sp.Shared && s.Zone != "I" {
			s.Capacity = 2
		}
	}
	return p, p.Validate()
}

// sectorShare is how producers split between sectors at the fairs the seeds describe.
var sectorShare = map[taxonomy.Sector]float64{taxonomy.Handicraft: 0.45, taxonomy.LocalProducts: 0.40,
	taxonomy.NaturalCosmetics: 0.10, taxonomy.Services: 0.05}

// Problem builds the assignment problem: the plan's stands and the spec's organisations.
// Categories within a sector follow a Zipf law (honey and olive oil are everywhere), and so
// do provinces (the host province sends the most).
func (sp Spec) Problem(seed uint64) (*placement.Problem, error) {
	p, err := sp.Plan()
	if err != nil {
		return nil, err
	}
	stands, edges := placement.FromPlan(p)
	r := rand.New(rand.NewPCG(seed, 0x5a1014))
	zipf := func(n int, s float64) int {
		var tot float64
		for i := range n {
			tot += 1 / math.Pow(float64(i+1), s)
		}
		x := r.Float64() * tot
		for i := range n {
			x -= 1 / math.Pow(float64(i+1), s)
			if x <= 0 {
				return i
			}
		}
		return n - 1
	}
	province := func() string { return fmt.Sprintf("P%02d", zipf(sp.Provinces, 0.8)) }
	var orgs []placement.Org
	add := func(class placement.Class, n int) {
		for range n {
			o := placement.Org{ID: fmt.Sprintf("O%04d", len(orgs)+1), Class: class, Province: province(), Rank: len(orgs)}
			if class == placement.Product {
				x := r.Float64()
				for _, s := range taxonomy.Sectors {
					if x -= sectorShare[s]; x <= 0 || s == taxonomy.Services {
						o.Sector = string(s)
						break
					}
				}
				cats := taxonomy.InSector(taxonomy.Sector(o.Sector))
				o.Category = cats[zipf(len(cats), 1.0)].Code
				o.Power = r.Float64() < 0.15
				o.Water = r.Float64() < 0.05
			}
			o.Access = r.Float64() < 0.04
			orgs = append(orgs, o)
		}
	}
	add(placement.Institutional, sp.InstOrgs)
	add(placement.International, sp.IntlOrgs)
	add(placement.Product, sp.Prods)
	return &placement.Problem{Stands: stands, Edges: edges, Orgs: orgs}, nil
}
