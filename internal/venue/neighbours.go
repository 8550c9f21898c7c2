package venue

import "slices"

// Relation is how two stands are neighbours, from the visitor's point of view.
type Relation string

// The relations, closest first.
const (
	// RelSide: in the same row, side by side (at most NearGap apart): a visitor sees both at
	// once, and two honey sellers there compete head to head.
	RelSide Relation = "side"
	// RelFacing: opening on the same aisle from its two sides, opposite each other.
	RelFacing Relation = "facing"
	// RelBack: back to back, each opening on its own aisle; close on the plan, not to a visitor.
	RelBack Relation = "back"
	// RelAcross: in the same row, on the two sides of a cross aisle.
	RelAcross Relation = "across"
)

// Tolerances for neighbours, in centimetres: a partition or a hand-placed gap is at most
// NearGap; an aisle is at most FarGap wide.
const (
	NearGap = 50
	FarGap  = 600
)

// Neighbour is one pair of neighbouring stands, A before B in the plan's order.
type Neighbour struct {
	A, B     string
	Relation Relation
}

// Neighbours returns every pair of neighbouring stands of the plan, found from the geometry
// (so hand edits count): ordered by the plan position of A, then of B. Stands of different
// zones can be neighbours; the assignment only looks within a pole. Two stands are:
//
//   - side by side when they face the same way, their front lines are within NearGap, and
//     the gap between them along the row is at most NearGap;
//   - across a cross aisle when, the same, the gap is larger but at most FarGap;
//   - facing when they face each other across a gap (the aisle) of at most FarGap;
//   - back to back when they face away from each other and their backs are within NearGap;
//
// and, for the last two, when they overlap along the aisle by at least half the narrower
// one. Stands at a corner, facing perpendicular ways, are not neighbours.
func (p Plan) Neighbours() []Neighbour {
	idx := make([]int, len(p.Stands))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return p.Stands[a].Rect.X - p.Stands[b].Rect.X })
	var out [][3]int
	for k, i := range idx {
		for _, j := range idx[k+1:] {
			if p.Stands[j].Rect.X > p.Stands[i].Rect.Right()+FarGap {
				break
			}
			if rel := relation(p.Stands[i], p.Stands[j]); rel >= 0 && !(rel == 3 && p.between(i, j)) {
				out = append(out, [3]int{min(i, j), max(i, j), rel})
			}
		}
	}
	slices.SortFunc(out, func(a, b [3]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	rels := []Relation{RelSide, RelFacing, RelBack, RelAcross}
	ns := make([]Neighbour, len(out))
	for k, o := range out {
		ns[k] = Neighbour{p.Stands[o[0]].Code, p.Stands[o[1]].Code, rels[o[2]]}
	}
	return ns
}

// between reports whether a stand of the same row as stands i and j stands between them
// (then i and j are not neighbours across a cross aisle: there is just a gap in the row).
func (p Plan) between(i, j int) bool {
	a, b := p.Stands[i], p.Stands[j]
	_, pa := front(a)
	_, pb := front(b)
	lo, hi := min(pa, pb), max(pa, pb)
	for k, s := range p.Stands {
		if k == i || k == j {
			continue
		}
		if rel := relation(a, s); rel == 0 || rel == 3 {
			if _, ps := front(s); ps > lo && ps < hi {
				return true
			}
		}
	}
	return false
}

// relation returns the index of a's relation with b in Side, Facing, Back, Across, or -1.
func relation(a, b Stand) int {
	if !a.Facing.Valid() || !b.Facing.Valid() || a.Facing.rowsEastWest() != b.Facing.rowsEastWest() {
		return -1
	}
	// Work in the frame where rows run east–west.
	ra, rb, fa, fb := a.Rect, b.Rect, a.Facing, b.Facing
	if !fa.rowsEastWest() {
		ra, rb = Rect{ra.Y, ra.X, ra.H, ra.W}, Rect{rb.Y, rb.X, rb.H, rb.W}
		turn := map[Side]Side{East: South, West: North}
		fa, fb = turn[fa], turn[fb]
	}
	overlapX := min(ra.Right(), rb.Right()) - max(ra.X, rb.X)
	if fa == fb {
		la, _ := front(Stand{Rect: ra, Facing: fa})
		lb, _ := front(Stand{Rect: rb, Facing: fb})
		gap := -overlapX
		switch {
		case abs(la-lb) > NearGap || gap < 0:
			return -1
		case gap <= NearGap:
			return 0
		case gap <= FarGap:
			return 3
		}
		return -1
	}
	if 2*overlapX < min(ra.W, rb.W) {
		return -1
	}
	top, bot, ftop := ra, rb, fa
	if rb.Y < ra.Y {
		top, bot, ftop = rb, ra, fb
	}
	gap := bot.Y - top.Bottom()
	switch {
	case gap < 0:
		return -1
	case ftop == South && gap <= FarGap:
		return 1
	case ftop == North && gap <= NearGap:
		return 2
	}
	return -1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
