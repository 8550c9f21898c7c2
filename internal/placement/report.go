package placement

import (
	"cmp"
	"slices"
)

// productKind is the index of Product in Classes.
const productKind = 2

// needKeys are the violation keys of the needs, in bit order.
var needKeys = []string{"placement.violation.need_power", "placement.violation.need_water", "placement.violation.need_accessible"}

// result turns a state into the Result: assignments, unassigned with reasons, the score with
// its parts, and the violations.
func (m *model) result(st *state, pools []pool) Result {
	r := Result{Assigned: []Assignment{}, Unassigned: []Unassigned{}, Violations: []Violation{}}
	for o, s := range st.where {
		if s >= 0 {
			r.Assigned = append(r.Assigned, Assignment{Org: m.orgs[o].ID, Stand: m.stands[m.slotStand[s]].ID, Pinned: m.pinSlot[o] >= 0 && !m.kept[o]})
		}
	}
	for _, pl := range pools {
		class := Classes[pl.class]
		// The figures are the pole's: every place of its kind, and every organisation
		// there or waiting for one, pinned and kept ones included.
		total, places := len(pl.orgs)+len(pl.overflow), 0
		for s, k := range m.slotKind {
			if int(k) == pl.class {
				places++
				if x := st.occ[s]; x >= 0 && m.pinSlot[x] == int32(s) {
					total++
				}
			}
		}
		for _, o := range pl.overflow {
			r.Unassigned = append(r.Unassigned, Unassigned{Org: m.orgs[o].ID, Reason: "placement.reason.no_stand_left",
				Args: []any{"class", string(class), "orgs", total, "places", places}})
		}
	}
	slices.SortFunc(r.Unassigned, func(a, b Unassigned) int { return cmp.Compare(a.Org, b.Org) })
	r.Score, r.Violations = m.assess(st)
	return r
}

// assess scores a state and lists what it could not satisfy.
func (m *model) assess(st *state) (Score, []Violation) {
	var sc Score
	var vs []Violation
	id := func(s int32) string { return m.stands[m.slotStand[s]].ID }
	catCount := map[[3]int32]int{}     // (stand kind, sector, category) → organisations placed
	catConflicts := map[[3]int32]int{} // (stand kind, sector, category) → pairs side by side
	type clash struct{ a, b, x, y int32 }
	var clashes []clash
	for s, x := range st.occ {
		if x < 0 {
			continue
		}
		s := int32(s)
		if m.oCat[x] >= 0 {
			catCount[[3]int32{int32(m.slotKind[s]), m.oSector[x], m.oCat[x]}]++
		}
		for bit, key := range needKeys {
			if m.oNeed[x]&^m.slotFac[s]&(1<<bit) != 0 {
				sc.Needs++
				vs = append(vs, Violation{Key: key, Args: []any{"org", m.orgs[x].ID, "stand", id(s)},
					Stands: []string{id(s)}, Orgs: []string{m.orgs[x].ID}})
			}
		}
		if k := m.slotKind[s]; k != m.oClass[x] {
			vs = append(vs, Violation{Key: "placement.violation.pin_kind", Args: []any{"org", m.orgs[x].ID, "stand", id(s)},
				Stands: []string{id(s)}, Orgs: []string{m.orgs[x].ID}})
		}
		for _, a := range m.adj[s] {
			y := st.occ[a.to]
			if y < 0 || a.to < s {
				continue
			}
			sameCat := m.oCat[x] >= 0 && m.oCat[x] == m.oCat[y]
			sameProv := m.oProv[x] >= 0 && m.oProv[x] == m.oProv[y]
			if sameCat {
				sc.SameCategory += wCategory[a.rel]
			}
			if sameProv {
				sc.SameProvince += wProvince[a.rel]
			}
			if m.oSector[x] >= 0 && m.oSector[y] >= 0 && m.oSector[x] != m.oSector[y] {
				sc.SectorBoundary += wSector[a.rel]
			}
			if a.rel == relSide || a.rel == relShared {
				if sameProv {
					sc.ProvincePairsSide++
				}
				if sameCat {
					sc.CategoryPairsSide++
					catConflicts[[3]int32{int32(m.slotKind[s]), m.oSector[x], m.oCat[x]}]++
					clashes = append(clashes, clash{s, a.to, x, y})
				}
			}
		}
	}
	sc.NeedsUnmet = wNeed * sc.Needs
	room := m.sideRoom(st)
	for _, c := range clashes {
		k := [3]int32{int32(m.slotKind[c.a]), m.oSector[c.x], m.oCat[c.x]}
		n, zr := catCount[k], room[[2]int32{k[0], k[1]}]
		key := "placement.violation.same_category"
		if catConflicts[k] <= zr.minPairs(n) { // no arrangement of the zone has fewer such pairs
			key = "placement.violation.same_category_unavoidable"
		}
		vs = append(vs, Violation{Key: key,
			Args:   []any{"category", m.orgs[c.x].Category, "stand", id(c.a), "other", id(c.b), "count", n, "room", zr.alpha},
			Stands: []string{id(c.a), id(c.b)}, Orgs: []string{m.orgs[c.x].ID, m.orgs[c.y].ID}})
	}
	for sector, parts := range m.sectorParts(st) {
		if parts > 1 {
			sc.SectorSplits += parts - 1
			vs = append(vs, Violation{Key: "placement.violation.sector_split", Args: []any{"sector", m.sectors[sector], "parts", parts}})
		}
	}
	sc.Total = sc.NeedsUnmet + sc.SameCategory + sc.SameProvince + sc.SectorBoundary
	slices.SortStableFunc(vs, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.Key, b.Key), slices.Compare(a.Stands, b.Stands), slices.Compare(a.Orgs, b.Orgs),
			cmp.Compare(argString(a, "sector"), argString(b, "sector")))
	})
	return sc, vs
}

func argString(v Violation, name string) string {
	for i := 0; i+1 < len(v.Args); i += 2 {
		if v.Args[i] == name {
			s, _ := v.Args[i+1].(string)
			return s
		}
	}
	return ""
}

// zoneRoom is what sideRoom knows of a zone: alpha, the most organisations of one category
// it takes with no two side by side, and cheap, how many organisations beyond alpha can
// come at the cost of one such pair each; every further one costs at least two.
type zoneRoom struct{ alpha, cheap int }

// minPairs is the fewest side-by-side pairs n organisations of one category make in the zone.
func (z zoneRoom) minPairs(n int) int {
	extra := max(0, n-z.alpha)
	return min(extra, z.cheap) + 2*max(0, extra-z.cheap)
}

// sideRoom bounds, for each zone (the stands of one kind holding organisations of one
// sector; the sector is -1 outside products), how the organisations of one category can
// avoid standing side by side. The zone's stands side by side form rows: in a row of n
// stands, k of them make at least max(0, 2k − n − 1) pairs (a ring: 2k − n), which the
// row's alpha = ⌈n/2⌉ (ring: ⌊n/2⌋) and cheap = 1 for an even row (odd ring) express. For
// a pattern that is not a plain row, or with shared stands, the bound is weaker but true:
// alpha is its number of stands and every organisation beyond costs at least one pair.
func (m *model) sideRoom(st *state) map[[2]int32]zoneRoom {
	type group = [2]int32
	member := make([][]group, len(m.stands))
	for s, x := range st.occ {
		if x < 0 {
			continue
		}
		i := m.slotStand[s]
		g := group{int32(m.slotKind[s]), m.oSector[x]}
		if !slices.Contains(member[i], g) {
			member[i] = append(member[i], g)
		}
	}
	nbr := make([][]int, len(m.stands))
	for s, arcs := range m.adj {
		for _, a := range arcs {
			i, j := int(m.slotStand[s]), int(m.slotStand[a.to])
			if a.rel == relSide && i < j && !slices.Contains(nbr[i], j) {
				nbr[i] = append(nbr[i], j)
				nbr[j] = append(nbr[j], i)
			}
		}
	}
	room := map[group]zoneRoom{}
	seen := map[[3]int32]bool{}
	for start := range m.stands {
		for _, g := range member[start] {
			if seen[[3]int32{g[0], g[1], int32(start)}] {
				continue
			}
			seen[[3]int32{g[0], g[1], int32(start)}] = true
			comp, edges, maxDeg, shared := []int{start}, 0, 0, false
			for k := 0; k < len(comp); k++ {
				shared = shared || m.stands[comp[k]].Capacity > 1
				deg := 0
				for _, v := range nbr[comp[k]] {
					if !slices.Contains(member[v], g) {
						continue
					}
					deg++
					if key := [3]int32{g[0], g[1], int32(v)}; !seen[key] {
						seen[key] = true
						comp = append(comp, v)
					}
				}
				edges += deg
				maxDeg = max(maxDeg, deg)
			}
			edges /= 2
			n := len(comp)
			r := room[g]
			switch {
			case !shared && maxDeg <= 2 && edges == n-1: // a row
				r.alpha += (n + 1) / 2
				r.cheap += 1 - n%2
			case !shared && maxDeg <= 2 && edges == n: // a ring
				r.alpha += n / 2
				r.cheap += n % 2
			default:
				r.alpha += n
				r.cheap += n
			}
			room[g] = r
		}
	}
	return room
}

// sectorParts counts, for each sector, the connected pieces its organisations form on the
// product stands (every relation counts as touching, across a cross aisle included).
func (m *model) sectorParts(st *state) map[int32]int {
	parts := map[int32]int{}
	seen := make([]bool, len(st.occ))
	for s, x := range st.occ {
		if x < 0 || seen[s] || m.oSector[x] < 0 || m.slotKind[s] != productKind {
			continue
		}
		sec := m.oSector[x]
		parts[sec]++
		stack := []int32{int32(s)}
		seen[s] = true
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, a := range m.adj[u] {
				if y := st.occ[a.to]; y >= 0 && !seen[a.to] && m.oSector[y] == sec && m.slotKind[a.to] == productKind {
					seen[a.to] = true
					stack = append(stack, a.to)
				}
			}
		}
	}
	return parts
}
