package placement

import (
	"fmt"

	"github.com/aswaq/aswaq/internal/apperr"
)

// Validate checks a problem and reports every fault at once, as an apperr.Invalid error
// with placement.error.* keys: duplicate or empty ids, unknown classes, stand kinds or
// relations, capacities outside 0..2, edges naming unknown stands, pins naming unknown
// organisations or stands, an organisation pinned twice, and more pins on a stand than it
// holds (a pin to an occupied stand). Nothing is assigned from a faulty problem.
func (p *Problem) Validate() error {
	var v apperr.Validation
	stands := map[string]Stand{}
	for i, s := range p.Stands {
		f := fmt.Sprintf("stands[%d]", i)
		switch {
		case s.ID == "":
			v.Add(f, "placement.error.stand_id", "row", i+1)
			continue
		case stands[s.ID].ID != "":
			v.Add(f, "placement.error.stand_duplicate", "stand", s.ID)
			continue
		}
		stands[s.ID] = s
		v.Check(validKind(s.Kind), f, "placement.error.stand_kind", "stand", s.ID)
		v.Check(s.Capacity >= 0 && s.Capacity <= 2, f, "placement.error.stand_capacity", "stand", s.ID)
	}
	for i, e := range p.Edges {
		f := fmt.Sprintf("edges[%d]", i)
		for _, id := range []string{e.A, e.B} {
			v.Check(stands[id].ID != "", f, "placement.error.edge_stand", "stand", id)
		}
		v.Check(e.A != e.B, f, "placement.error.edge_loop", "stand", e.A)
		_, ok := relations[e.Relation]
		v.Check(ok, f, "placement.error.edge_relation", "relation", e.Relation)
	}
	orgs := map[string]bool{}
	for i, o := range p.Orgs {
		f := fmt.Sprintf("orgs[%d]", i)
		switch {
		case o.ID == "":
			v.Add(f, "placement.error.org_id", "row", i+1)
			continue
		case orgs[o.ID]:
			v.Add(f, "placement.error.org_duplicate", "org", o.ID)
			continue
		}
		orgs[o.ID] = true
		v.Check(o.Class.Valid(), f, "placement.error.org_class", "org", o.ID)
	}
	pinned := map[string]bool{}
	onStand := map[string][]string{}
	for i, pin := range p.Pins {
		f := fmt.Sprintf("pins[%d]", i)
		s, okStand := stands[pin.Stand]
		switch {
		case !orgs[pin.Org]:
			v.Add(f, "placement.error.pin_org", "org", pin.Org)
		case !okStand:
			v.Add(f, "placement.error.pin_stand", "stand", pin.Stand, "org", pin.Org)
		case pinned[pin.Org]:
			v.Add(f, "placement.error.pin_twice", "org", pin.Org)
		case len(onStand[pin.Stand]) >= max(s.Capacity, 1):
			v.Add(f, "placement.error.pin_taken", "stand", pin.Stand, "org", pin.Org, "other_org", onStand[pin.Stand][0])
		default:
			pinned[pin.Org] = true
			onStand[pin.Stand] = append(onStand[pin.Stand], pin.Org)
		}
	}
	return v.Err()
}

func validKind(k string) bool {
	switch k {
	case "product", "institutional", "international", "food", "demo":
		return true
	}
	return false
}
