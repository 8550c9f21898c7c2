package placement

import (
	"cmp"
	"slices"
)

// pool is one class's part of the problem: the places on stands of its kind that are not
// pinned, in walking order, and the organisations placed there.
type pool struct {
	class    int
	slots    []int32
	orgs     []int32 // placed ones, in construction order
	overflow []int32 // left out: more organisations than places
}

// construct builds the starting assignment: pins first, then for each class its
// organisations in rank order up to the number of places; in the products pool each sector
// gets a block of consecutive places (in walking order) as large as its count; a min-cost
// flow between (sector, needs) groups and (block, facilities) groups decides how many of
// each go where, meeting as many needs as possible first and keeping as many organisations
// in their sector's block as possible second; within a group, organisations are laid out
// so that categories and provinces alternate.
func (m *model) construct() (*state, []pool) {
	st := newState(m)
	for o, s := range m.pinSlot {
		if s >= 0 {
			st.put(int32(o), s)
		}
	}
	pools := make([]pool, len(Classes))
	for ci := range Classes {
		pl := &pools[ci]
		pl.class = ci
		for s := range m.slotStand {
			if m.slotKind[s] == int8(ci) && !m.pinned[s] {
				pl.slots = append(pl.slots, int32(s))
			}
		}
		var orgs []int32
		for o := range m.orgs {
			if m.oClass[o] == int8(ci) && m.pinSlot[o] < 0 {
				orgs = append(orgs, int32(o))
			}
		}
		slices.SortStableFunc(orgs, func(a, b int32) int { return cmp.Compare(m.orgs[a].Rank, m.orgs[b].Rank) })
		if len(orgs) > len(pl.slots) {
			pl.overflow = orgs[len(pl.slots):]
			orgs = orgs[:len(pl.slots)]
		}
		pl.orgs = orgs
		if m.keeping[ci] {
			m.fillAround(st, pl)
		} else {
			m.fill(st, pl)
		}
	}
	return st, pools
}

// fillAround places a pool's organisations around those that keep their stands: each in
// rank order takes the free place where it costs least given who is already there (needs
// first, then neighbours), preferring, among equal places, one beside organisations of its
// own sector (its zone) and then the earliest in walking order. Blocks are no use here: the
// zones are already drawn by the organisations that stay.
func (m *model) fillAround(st *state, pl *pool) {
	for _, o := range pl.orgs {
		best, bestCost, bestKin := int32(-1), 0, 0
		for _, s := range pl.slots {
			if st.occ[s] >= 0 {
				continue
			}
			cost, kin := m.local(st, s, o, -1), 0
			for _, a := range m.adj[s] {
				if y := st.occ[a.to]; y >= 0 && m.oSector[o] >= 0 && m.oSector[y] == m.oSector[o] {
					kin++
				}
			}
			if best < 0 || cost < bestCost || (cost == bestCost && kin > bestKin) {
				best, bestCost, bestKin = s, cost, kin
			}
		}
		st.put(o, best)
	}
}

// fill places a pool's organisations on its slots.
func (m *model) fill(st *state, pl *pool) {
	if len(pl.orgs) == 0 {
		return
	}
	// Blocks: slot i belongs to the sector whose run covers it (-1 past the last run).
	block := make([]int32, len(pl.slots))
	count := map[int32]int{}
	for _, o := range pl.orgs {
		count[m.oSector[o]]++
	}
	sectors := make([]int32, 0, len(count))
	for s := range count {
		sectors = append(sectors, s)
	}
	slices.Sort(sectors) // by name; -1 (no sector) first
	i := 0
	for _, sec := range sectors {
		for range count[sec] {
			block[i] = sec
			i++
		}
	}
	for ; i < len(block); i++ {
		block[i] = -2
	}

	type ogKey struct {
		sector int32
		need   uint8
	}
	type sgKey struct {
		block int32
		fac   uint8
	}
	orgGroups := map[ogKey][]int32{}
	for _, o := range pl.orgs {
		k := ogKey{m.oSector[o], m.oNeed[o]}
		orgGroups[k] = append(orgGroups[k], o)
	}
	slotGroups := map[sgKey][]int32{}
	for i, s := range pl.slots {
		k := sgKey{block[i], m.slotFac[s]}
		slotGroups[k] = append(slotGroups[k], s)
	}
	ogs := sortedKeys(orgGroups, func(a, b ogKey) int { return cmp.Or(cmp.Compare(a.sector, b.sector), cmp.Compare(a.need, b.need)) })
	sgs := sortedKeys(slotGroups, func(a, b sgKey) int { return cmp.Or(cmp.Compare(a.block, b.block), cmp.Compare(a.fac, b.fac)) })

	// Source 0, organisation groups 1.., slot groups after, sink last.
	f := newFlowNet(2 + len(ogs) + len(sgs))
	sink := 1 + len(ogs) + len(sgs)
	arcs := make([][]int, len(ogs))
	for gi, g := range ogs {
		f.add(0, 1+gi, len(orgGroups[g]), 0)
		arcs[gi] = make([]int, len(sgs))
		for si, h := range sgs {
			cost := (len(pl.orgs) + 1) * popcount(g.need&^h.fac)
			if g.sector != h.block {
				cost++
			}
			arcs[gi][si] = f.add(1+gi, 1+len(ogs)+si, len(orgGroups[g]), cost)
		}
	}
	for si, h := range sgs {
		f.add(1+len(ogs)+si, sink, len(slotGroups[h]), 0)
	}
	f.run(0, sink)

	// Hand out: each slot group receives its organisations, laid out alternating.
	incoming := make([][]int32, len(sgs))
	for gi, g := range ogs {
		members := m.alternate(orgGroups[g])
		for si := range sgs {
			used := f.cap[arcs[gi][si]^1] // flow on the arc
			incoming[si] = append(incoming[si], members[:used]...)
			members = members[used:]
		}
	}
	for si, h := range sgs {
		for k, o := range m.alternate(incoming[si]) {
			st.put(o, slotGroups[h][k])
		}
	}
}

// alternate orders organisations so that, as far as possible, no two consecutive ones share
// a category, and within that provinces alternate: repeatedly take from the category with
// the most left that differs from the last one taken.
func (m *model) alternate(orgs []int32) []int32 {
	byCat := map[int32][]int32{}
	for _, o := range orgs {
		byCat[m.oCat[o]] = append(byCat[m.oCat[o]], o)
	}
	for c, list := range byCat {
		byCat[c] = m.byProvince(list)
	}
	return takeAlternating(byCat)
}

func (m *model) byProvince(orgs []int32) []int32 {
	byProv := map[int32][]int32{}
	for _, o := range orgs {
		byProv[m.oProv[o]] = append(byProv[m.oProv[o]], o)
	}
	return takeAlternating(byProv)
}

// takeAlternating merges lists, taking each time the first of the longest list (smallest
// key on ties) whose key differs from the previous one taken.
func takeAlternating(lists map[int32][]int32) []int32 {
	keys := sortedKeys(lists, cmp.Compare[int32])
	for _, k := range keys {
		slices.Sort(lists[k])
	}
	var out []int32
	last := int32(-3)
	for {
		best := -1
		for i, k := range keys {
			if len(lists[k]) == 0 || (k == last && hasOther(lists, keys, k)) {
				continue
			}
			if best < 0 || len(lists[k]) > len(lists[keys[best]]) {
				best = i
			}
		}
		if best < 0 {
			return out
		}
		k := keys[best]
		out = append(out, lists[k][0])
		lists[k] = lists[k][1:]
		last = k
	}
}

func hasOther(lists map[int32][]int32, keys []int32, not int32) bool {
	for _, k := range keys {
		if k != not && len(lists[k]) > 0 {
			return true
		}
	}
	return false
}

func sortedKeys[K comparable, V any](m map[K]V, cmpf func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmpf)
	return keys
}
