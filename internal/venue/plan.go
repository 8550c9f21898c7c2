package venue

import (
	"slices"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
)

// Plan is the floor plan of one edition's venue.
type Plan struct {
	Outline   Outline
	Entrances []Entrance
	Zones     []Zone
	Stands    []Stand // in walking order within each zone (see Renumber)
}

// Entrance is a door or gate in the outline. At is the middle of the opening, on a wall;
// the opening is Width wide along that wall, and the floor in front of it, Clearance deep
// into the venue and as wide as the opening, must stay free of stands (visitors queue there
// and safety rules ask for it).
type Entrance struct {
	Code      string // short label on the plan: "A", "B", "Main"
	Name      mltext.Text
	At        Point
	Width     int
	Clearance int
}

// Zone is a pole or space of the venue (fair.SpaceKind): the products pole, the institutional
// pole, the kids area… It is a rectangle; a pole on an L-shaped floor is two zones of the
// same kind. Code is the short prefix of its stands' codes ("P" → P-001).
type Zone struct {
	Code string
	Kind fair.SpaceKind
	Name mltext.Text
	Rect Rect
}

// StandKind is what a stand is for; the assignment matches it with an organisation's class.
type StandKind string

// The kinds of stands.
const (
	ProductStand       StandKind = "product"       // a producer selling its goods
	InstitutionalStand StandKind = "institutional" // a partner or public body
	InternationalStand StandKind = "international" // a foreign guest
	DemoStand          StandKind = "demo"          // live production demonstrations; never assigned
	FoodStand          StandKind = "food"          // cooking and serving food on site
)

// StandKinds lists the kinds in the order forms offer them.
var StandKinds = []StandKind{ProductStand, InstitutionalStand, InternationalStand, DemoStand, FoodStand}

// Valid reports whether k is a known kind.
func (k StandKind) Valid() bool { return slices.Contains(StandKinds, k) }

// KindFor is the kind of the stands a generator puts in a zone of kind k.
func KindFor(k fair.SpaceKind) StandKind {
	switch k {
	case fair.InstitutionalPole:
		return InstitutionalStand
	case fair.InternationalPole:
		return InternationalStand
	case fair.DemoSpace:
		return DemoStand
	}
	return ProductStand
}

// Side is a side of a rectangle, as a compass direction with north at the top of the plan.
type Side string

// The four sides.
const (
	North Side = "n"
	East  Side = "e"
	South Side = "s"
	West  Side = "w"
)

// Valid reports whether s is a known side.
func (s Side) Valid() bool { return s == North || s == East || s == South || s == West }

// rowsEastWest reports whether a stand facing s stands in a row running east–west.
func (s Side) rowsEastWest() bool { return s == North || s == South }

// Stand is one stand (الرواق): its code, its floor rectangle, the side that opens on an
// aisle (visitors come from there), what it is for and what it offers.
type Stand struct {
	Code       string
	Rect       Rect
	Facing     Side
	Kind       StandKind
	Zone       string // the code of its zone
	Power      bool   // a power socket
	Water      bool   // a water point
	Accessible bool   // reachable in a wheelchair, with a level floor and a wide front
	Capacity   int    // organisations it holds: 1, or 2 when the organiser shares it; 0 means 1
}

// Holds is the number of organisations the stand takes.
func (s Stand) Holds() int { return max(s.Capacity, 1) }

// MaxCapacity is the most organisations one stand may be shared by.
const MaxCapacity = 2

// Zone returns the zone with a code.
func (p Plan) Zone(code string) (Zone, bool) {
	for _, z := range p.Zones {
		if z.Code == code {
			return z, true
		}
	}
	return Zone{}, false
}

// Stand returns the stand with a code and its index.
func (p Plan) Stand(code string) (Stand, int, bool) {
	for i, s := range p.Stands {
		if s.Code == code {
			return s, i, true
		}
	}
	return Stand{}, -1, false
}

// Clone returns a deep copy, so that an operation can change it and the caller's plan stays
// as it was whatever happens.
func (p Plan) Clone() Plan {
	return Plan{
		Outline:   slices.Clone(p.Outline),
		Entrances: slices.Clone(p.Entrances),
		Zones:     slices.Clone(p.Zones),
		Stands:    slices.Clone(p.Stands),
	}
}

// DefaultPrefix is the code a zone of kind k gets unless the organiser chooses another:
// P for products, I for institutional, C for international cooperation…
func DefaultPrefix(k fair.SpaceKind) string {
	switch k {
	case fair.ProductsPole:
		return "P"
	case fair.InstitutionalPole:
		return "I"
	case fair.InternationalPole:
		return "C"
	case fair.RegionsSpace:
		return "R"
	case fair.TrainingRoom:
		return "T"
	case fair.DemoSpace:
		return "D"
	case fair.KidsArea:
		return "K"
	case fair.HeritageSpace:
		return "H"
	case fair.Stage:
		return "S"
	}
	return "O"
}
