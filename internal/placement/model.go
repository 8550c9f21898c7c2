package placement

import (
	"cmp"
	"slices"
)

// Relations between places, closest first. Two organisations sharing a stand are the
// closest neighbours of all.
const (
	relShared = iota
	relSide
	relFacing
	relBack
	relAcross
	nRel
)

var relations = map[string]int{"side": relSide, "facing": relFacing, "back": relBack, "across": relAcross}

// The weights of the objective, per relation (shared, side, facing, back, across); see
// doc.go for why.
var (
	wCategory = [nRel]int{12, 10, 4, 1, 2}
	wProvince = [nRel]int{3, 3, 1, 0, 0}
	wSector   = [nRel]int{6, 6, 3, 3, 2}
)

// wNeed is the penalty of one need not met: more than any arrangement of neighbours can
// gain, so the search never trades a need for a better mix.
const wNeed = 1000

// Facility bits, for stands (what they offer) and organisations (what they need).
const (
	needPower = 1 << iota
	needWater
	needAccess
)

type arc struct {
	to  int32
	rel uint8
}

// model is a problem in indices: stands in walking order, their places ("slots": one per
// organisation a stand holds), organisations by id, attributes as small integers.
type model struct {
	stands []Stand
	orgs   []Org

	slotStand []int32
	slotFac   []uint8
	slotKind  []int8 // index in Classes of the class the stand takes, -1 for none (demo)
	adj       [][]arc

	oCat, oProv, oSector []int32 // -1 when unknown; sector only for products
	oNeed                []uint8
	oClass               []int8
	sectors              []string // sector names by index

	pinSlot []int32 // organisation → pinned slot, -1
	pinned  []bool  // slot → holds a pinned organisation
	kept    []bool  // organisation → its pin is an earlier stand kept (Problem.Keep), not the organiser's
	keeping []bool  // class → some organisation of it keeps its stand
}

func newModel(p *Problem) *model {
	m := &model{stands: slices.Clone(p.Stands), orgs: slices.Clone(p.Orgs)}
	slices.SortFunc(m.stands, func(a, b Stand) int { return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID)) })
	slices.SortFunc(m.orgs, func(a, b Org) int { return cmp.Compare(a.ID, b.ID) })
	standIdx := map[string]int{}
	first := make([]int32, len(m.stands))
	for i, s := range m.stands {
		standIdx[s.ID] = i
		first[i] = int32(len(m.slotStand))
		var fac uint8
		if s.Power {
			fac |= needPower
		}
		if s.Water {
			fac |= needWater
		}
		if s.Accessible {
			fac |= needAccess
		}
		kind := int8(-1)
		for ci, c := range Classes {
			if c.StandKind() == s.Kind {
				kind = int8(ci)
			}
		}
		for range max(s.Capacity, 1) {
			m.slotStand = append(m.slotStand, int32(i))
			m.slotFac = append(m.slotFac, fac)
			m.slotKind = append(m.slotKind, kind)
		}
	}
	n := len(m.slotStand)
	m.adj = make([][]arc, n)
	link := func(a, b int32, rel int) {
		m.adj[a] = append(m.adj[a], arc{b, uint8(rel)})
		m.adj[b] = append(m.adj[b], arc{a, uint8(rel)})
	}
	slotsOf := func(i int) []int32 {
		var out []int32
		for s := first[i]; int(s) < n && m.slotStand[s] == int32(i); s++ {
			out = append(out, s)
		}
		return out
	}
	for i := range m.stands {
		sl := slotsOf(i)
		for a := range sl {
			for b := a + 1; b < len(sl); b++ {
				link(sl[a], sl[b], relShared)
			}
		}
	}
	seen := map[[2]int]bool{}
	edges := slices.Clone(p.Edges)
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(relations[a.Relation], relations[b.Relation]), cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	})
	for _, e := range edges {
		a, b := standIdx[e.A], standIdx[e.B]
		key := [2]int{min(a, b), max(a, b)}
		if seen[key] { // the closest relation given wins
			continue
		}
		seen[key] = true
		for _, x := range slotsOf(a) {
			for _, y := range slotsOf(b) {
				link(x, y, relations[e.Relation])
			}
		}
	}
	for i := range m.adj { // adjacency in a fixed order, whatever the input order
		slices.SortFunc(m.adj[i], func(a, b arc) int { return cmp.Or(cmp.Compare(a.to, b.to), cmp.Compare(a.rel, b.rel)) })
	}

	ids := func(get func(Org) string, only func(Org) bool) ([]int32, []string) {
		var names []string
		for _, o := range m.orgs {
			if v := get(o); v != "" && only(o) {
				names = append(names, v)
			}
		}
		slices.Sort(names)
		names = slices.Compact(names)
		out := make([]int32, len(m.orgs))
		for i, o := range m.orgs {
			out[i] = -1
			if v := get(o); v != "" && only(o) {
				j, _ := slices.BinarySearch(names, v)
				out[i] = int32(j)
			}
		}
		return out, names
	}
	all := func(Org) bool { return true }
	m.oCat, _ = ids(func(o Org) string { return o.Category }, all)
	m.oProv, _ = ids(func(o Org) string { return o.Province }, all)
	m.oSector, m.sectors = ids(func(o Org) string { return o.Sector }, func(o Org) bool { return o.Class == Product })
	m.oNeed = make([]uint8, len(m.orgs))
	m.oClass = make([]int8, len(m.orgs))
	orgIdx := map[string]int{}
	for i, o := range m.orgs {
		orgIdx[o.ID] = i
		if o.Power {
			m.oNeed[i] |= needPower
		}
		if o.Water {
			m.oNeed[i] |= needWater
		}
		if o.Access {
			m.oNeed[i] |= needAccess
		}
		m.oClass[i] = int8(slices.Index(Classes, o.Class))
	}

	m.pinSlot = make([]int32, len(m.orgs))
	for i := range m.pinSlot {
		m.pinSlot[i] = -1
	}
	m.pinned = make([]bool, n)
	for _, pin := range p.Pins {
		o := orgIdx[pin.Org]
		for _, s := range slotsOf(standIdx[pin.Stand]) {
			if !m.pinned[s] {
				m.pinned[s] = true
				m.pinSlot[o] = s
				break
			}
		}
	}
	m.keep(p.Keep, orgIdx, standIdx, slotsOf)
	return m
}

// keep pins the organisations of an earlier assignment to their stands where the stands
// still take them: the stand exists, is of the organisation's kind and has a place left
// once the pins are in. Higher-ranked organisations keep theirs first when a stand lost
// places. A stand that lacks something the organisation needs is kept only when no free
// place of its kind would meet more of its needs: moving would gain nothing.
func (m *model) keep(keep []Pin, orgIdx, standIdx map[string]int, slotsOf func(int) []int32) {
	m.kept = make([]bool, len(m.orgs))
	m.keeping = make([]bool, len(Classes))
	type entry struct{ o, stand int }
	var entries []entry
	for _, k := range keep {
		o, okOrg := orgIdx[k.Org]
		i, okStand := standIdx[k.Stand]
		if okOrg && okStand && m.pinSlot[o] < 0 && m.oClass[o] >= 0 {
			entries = append(entries, entry{o, i})
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(m.orgs[a.o].Rank, m.orgs[b.o].Rank), cmp.Compare(a.o, b.o), cmp.Compare(a.stand, b.stand))
	})
	take := func(e entry) {
		for _, s := range slotsOf(e.stand) {
			if !m.pinned[s] && m.slotKind[s] == m.oClass[e.o] && m.pinSlot[e.o] < 0 {
				m.pinned[s], m.pinSlot[e.o], m.kept[e.o] = true, s, true
				m.keeping[m.oClass[e.o]] = true
				return
			}
		}
	}
	var lacking []entry
	for _, e := range entries {
		if s := slotsOf(e.stand); len(s) > 0 && m.unmet(int32(e.o), s[0]) > 0 {
			lacking = append(lacking, e)
			continue
		}
		take(e)
	}
	for _, e := range lacking {
		if m.pinSlot[e.o] >= 0 {
			continue // kept twice: the first stand holds it
		}
		here := m.unmet(int32(e.o), slotsOf(e.stand)[0])
		better := false
		for s := range m.slotStand {
			if !m.pinned[s] && m.slotKind[s] == m.oClass[e.o] && m.unmet(int32(e.o), int32(s)) < here {
				better = true
				break
			}
		}
		if !better {
			take(e)
		}
	}
}

// pair is the penalty of organisations x and y being neighbours by relation rel.
func (m *model) pair(x, y int32, rel uint8) int {
	c := 0
	if m.oCat[x] >= 0 && m.oCat[x] == m.oCat[y] {
		c += wCategory[rel]
	}
	if m.oProv[x] >= 0 && m.oProv[x] == m.oProv[y] {
		c += wProvince[rel]
	}
	if m.oSector[x] >= 0 && m.oSector[y] >= 0 && m.oSector[x] != m.oSector[y] {
		c += wSector[rel]
	}
	return c
}

// unmet counts the needs of organisation x that slot s does not meet.
func (m *model) unmet(x, s int32) int {
	return popcount(m.oNeed[x] &^ m.slotFac[s])
}

func popcount(b uint8) int {
	n := 0
	for ; b != 0; b &= b - 1 {
		n++
	}
	return n
}

// state is an assignment: who is in each slot and where each organisation is.
type state struct {
	occ   []int32 // slot → organisation, -1
	where []int32 // organisation → slot, -1
}

func newState(m *model) *state {
	st := &state{occ: make([]int32, len(m.slotStand)), where: make([]int32, len(m.orgs))}
	for i := range st.occ {
		st.occ[i] = -1
	}
	for i := range st.where {
		st.where[i] = -1
	}
	return st
}

func (st *state) put(o, s int32) {
	st.occ[s] = o
	st.where[o] = s
}

func (st *state) clone() *state {
	return &state{occ: slices.Clone(st.occ), where: slices.Clone(st.where)}
}

// local is the penalty attached to organisation x in slot s: its unmet needs and its pairs
// with the occupants of s's neighbours, leaving out slot skip.
func (m *model) local(st *state, s, x, skip int32) int {
	if x < 0 {
		return 0
	}
	c := wNeed * m.unmet(x, s)
	for _, a := range m.adj[s] {
		if a.to == skip {
			continue
		}
		if y := st.occ[a.to]; y >= 0 {
			c += m.pair(x, y, a.rel)
		}
	}
	return c
}

// swapDelta is the change of the total penalty if the occupants of slots a and b (either
// may be empty) swap. The pair between a and b, if any, is symmetric and does not change.
func (m *model) swapDelta(st *state, a, b int32) int {
	x, y := st.occ[a], st.occ[b]
	before := m.local(st, a, x, b) + m.local(st, b, y, a)
	after := m.local(st, a, y, b) + m.local(st, b, x, a)
	return after - before
}

func (st *state) swap(a, b int32) {
	x, y := st.occ[a], st.occ[b]
	st.occ[a], st.occ[b] = y, x
	if x >= 0 {
		st.where[x] = b
	}
	if y >= 0 {
		st.where[y] = a
	}
}

// total is the whole penalty of a state.
func (m *model) total(st *state) int {
	c := 0
	for s, x := range st.occ {
		if x < 0 {
			continue
		}
		c += wNeed * m.unmet(x, int32(s))
		for _, a := range m.adj[s] {
			if y := st.occ[a.to]; y >= 0 && a.to > int32(s) {
				c += m.pair(x, y, a.rel)
			}
		}
	}
	return c
}
