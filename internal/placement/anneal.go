package placement

import (
	"math"
	"math/rand/v2"
)

// Annealing temperatures, in penalty points: at the start a swap that costs a sector
// boundary side by side (6) is taken about half the time, so sector blocks can still change
// shape; at the end nothing that costs is taken.
const (
	tStart = 8.0
	tEnd   = 0.05
)

// near is how far in walking order a "nearby" swap looks: about two rows of a pole.
const near = 24

// anneal improves st by simulated annealing: it proposes swapping the occupants of two places
// of the same pool, half the time two places at most near apart in walking order, (pinned places never move), takes every swap that
// does not worsen the penalty and a worsening one with probability exp(-delta/T), T falling
// geometrically from tStart to tEnd over the budget, and returns the best state met. The
// random numbers come from a PCG seeded with seed, and the budget is a number of proposals,
// not a time: the same input gives the same result on any machine.
func (m *model) anneal(st *state, pools []pool, iterations int, seed uint64) (*state, int) {
	rng := rand.New(rand.NewPCG(seed, 0xa55e))
	cur := m.total(st)
	best, bestState := cur, st.clone()
	var movable [][]int32
	places := 0
	for _, pl := range pools {
		// Only the places the construction filled: free places stay at the end of the walk
		// (or where a need sent someone) instead of opening holes in the sector blocks.
		var used []int32
		for _, s := range pl.slots {
			if st.occ[s] >= 0 {
				used = append(used, s)
			}
		}
		if len(used) >= 2 {
			movable = append(movable, used)
			places += len(used)
		}
	}
	if places == 0 {
		return bestState, best
	}
	steps := iterations * places
	cool := math.Pow(tEnd/tStart, 1/float64(max(steps, 1)))
	t := tStart
	for range steps {
		t *= cool
		k := rng.IntN(places)
		var slots []int32
		for _, sl := range movable {
			if k < len(sl) {
				slots = sl
				break
			}
			k -= len(sl)
		}
		a := slots[k]
		var b int32
		if rng.IntN(2) == 0 { // half the time, a place nearby in walking order
			b = slots[min(max(k+rng.IntN(2*near+1)-near, 0), len(slots)-1)]
		} else {
			b = slots[rng.IntN(len(slots))]
		}
		if a == b {
			continue
		}
		d := m.swapDelta(st, a, b)
		if d > 0 && rng.Float64() >= math.Exp(-float64(d)/t) {
			continue
		}
		st.swap(a, b)
		cur += d
		if cur < best {
			best = cur
			copy(bestState.occ, st.occ)
			copy(bestState.where, st.where)
		}
	}
	return bestState, best
}
