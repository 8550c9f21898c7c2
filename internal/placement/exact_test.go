package placement

import (
	"math/rand/v2"
	"testing"
)

// The incremental delta of a swap always equals the change of the whole penalty, and the
// reported score is that penalty.
func TestSwapDelta(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	for range 20 {
		p := randomProblem(r, 24, 18+r.IntN(10))
		for i := range p.Stands {
			p.Stands[i].Capacity = 1 + r.IntN(2)
		}
		if err := p.Validate(); err != nil {
			t.Fatal(err)
		}
		m := newModel(p)
		st, pools := m.construct()
		slots := pools[productKind].slots
		cur := m.total(st)
		for range 500 {
			a, b := slots[r.IntN(len(slots))], slots[r.IntN(len(slots))]
			if a == b {
				continue
			}
			d := m.swapDelta(st, a, b)
			st.swap(a, b)
			cur += d
			if got := m.total(st); got != cur {
				t.Fatalf("delta %d, but the total went to %d from %d", d, got, cur-d)
			}
		}
		if sc, _ := m.assess(st); sc.Total != cur {
			t.Fatalf("assess says %d, total %d", sc.Total, cur)
		}
	}
}

// On problems small enough to try every arrangement (8 places, 8! = 40,320 of them), the
// search finds the optimum.
func TestOptimalOnSmallProblems(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for iter := range 6 {
		p := randomProblem(r, 8, 8)
		p.Pins = nil
		// Two rows of four facing each other: rebuild the edges.
		p.Edges = nil
		for i := range 8 {
			if i%4 > 0 {
				p.Edges = append(p.Edges, Edge{A: p.Stands[i-1].ID, B: p.Stands[i].ID, Relation: "side"})
			}
			if i < 4 {
				p.Edges = append(p.Edges, Edge{A: p.Stands[i].ID, B: p.Stands[7-i].ID, Relation: "facing"})
			}
		}
		res, err := Assign(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := newModel(p)
		st := newState(m)
		perm := []int32{0, 1, 2, 3, 4, 5, 6, 7}
		best := -1
		var rec func(k int)
		rec = func(k int) {
			if k == len(perm) {
				for s, o := range perm {
					st.put(o, int32(s))
				}
				if c := m.total(st); best < 0 || c < best {
					best = c
				}
				return
			}
			for i := k; i < len(perm); i++ {
				perm[k], perm[i] = perm[i], perm[k]
				rec(k + 1)
				perm[k], perm[i] = perm[i], perm[k]
			}
		}
		rec(0)
		if res.Score.Total != best {
			t.Errorf("%d: score %d, optimum %d (%+v)", iter, res.Score.Total, best, res.Score)
		}
	}
}
