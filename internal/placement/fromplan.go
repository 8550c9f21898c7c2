package placement

import "github.com/aswaq/aswaq/internal/venue"

// FromPlan gives the stands and neighbour edges of a venue plan, in the engine's terms: the
// plan's order is the walking order (venue numbers stands that way), and Neighbours gives
// the edges.
func FromPlan(p venue.Plan) ([]Stand, []Edge) {
	stands := make([]Stand, len(p.Stands))
	for i, s := range p.Stands {
		stands[i] = Stand{ID: s.Code, Kind: string(s.Kind), Order: i, Power: s.Power, Water: s.Water,
			Accessible: s.Accessible, Capacity: s.Holds()}
	}
	ns := p.Neighbours()
	edges := make([]Edge, len(ns))
	for i, n := range ns {
		edges[i] = Edge{A: n.A, B: n.B, Relation: string(n.Relation)}
	}
	return stands, edges
}
