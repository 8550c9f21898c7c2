package selection

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
)

// An independent, exhaustive reference implementation for small problems.

type bgroup struct {
	quota    int
	value    string
	mask     uint32
	min, max int
	hasMin   bool
	hasMax   bool
}

type bprob struct {
	p      *Problem
	groups []bgroup
	pinIn  uint32
	pinOut uint32
	pinIdx map[int]int
	score  []int64
	n      int
}

func newBrute(p *Problem) *bprob {
	b := &bprob{p: p, n: len(p.Candidates), pinIdx: map[int]int{}}
	if b.n > 24 {
		panic("brute force: too many candidates")
	}
	for _, c := range p.Candidates {
		b.score = append(b.score, int64(c.Score))
	}
	for qi, q := range p.Quotas {
		var vals []string
		if q.Flag == "" {
			if q.Value == "*" {
				seen := map[string]bool{}
				for _, c := range p.Candidates {
					if v, ok := c.Attrs[q.Attr]; ok && !seen[v] {
						seen[v] = true
						vals = append(vals, v)
					}
				}
				sort.Strings(vals)
			} else {
				vals = []string{q.Value}
			}
		} else {
			vals = []string{""}
		}
		for _, v := range vals {
			g := bgroup{quota: qi, value: v}
			for i, c := range p.Candidates {
				in := false
				if q.Flag != "" {
					in = slices.Contains(c.Flags, q.Flag)
				} else {
					cv, ok := c.Attrs[q.Attr]
					in = ok && cv == v
				}
				if in {
					g.mask |= 1 << i
				}
			}
			if q.Min != nil && *q.Min > 0 {
				g.min, g.hasMin = *q.Min, true
			}
			if q.Max != nil {
				g.max, g.hasMax = *q.Max, true
			}
			b.groups = append(b.groups, g)
		}
	}
	ids := map[string]int{}
	for i, c := range p.Candidates {
		ids[c.ID] = i
	}
	for pi, pin := range p.Pins {
		i := ids[pin.ID]
		b.pinIdx[i] = pi
		if pin.Side == PinIn {
			b.pinIn |= 1 << i
		} else {
			b.pinOut |= 1 << i
		}
	}
	return b
}

// bact: which constraints are active; nil slices mean all.
type bact struct {
	seats    bool
	min, max []bool
	pin      []bool
}

func (b *bprob) full() bact {
	a := bact{seats: true, min: make([]bool, len(b.groups)), max: make([]bool, len(b.groups)), pin: make([]bool, len(b.p.Pins))}
	for g := range b.groups {
		a.min[g] = b.groups[g].hasMin
		a.max[g] = b.groups[g].hasMax
	}
	for i := range a.pin {
		a.pin[i] = true
	}
	return a
}

func (b *bprob) ok(S uint32, a bact) bool {
	if a.seats && bits.OnesCount32(S) > b.p.Seats {
		return false
	}
	for gi, g := range b.groups {
		k := bits.OnesCount32(S & g.mask)
		if a.min[gi] && k < g.min {
			return false
		}
		if a.max[gi] && k > g.max {
			return false
		}
	}
	for i, pi := range b.pinIdx {
		if !a.pin[pi] {
			continue
		}
		if b.pinIn&(1<<i) != 0 && S&(1<<i) == 0 {
			return false
		}
		if b.pinOut&(1<<i) != 0 && S&(1<<i) != 0 {
			return false
		}
	}
	return true
}

func (b *bprob) sum(S uint32) int64 {
	var s int64
	for i := 0; i < b.n; i++ {
		if S&(1<<i) != 0 {
			s += b.score[i]
		}
	}
	return s
}

func (b *bprob) ids(S uint32) []string {
	var out []string
	for i := 0; i < b.n; i++ {
		if S&(1<<i) != 0 {
			out = append(out, b.p.Candidates[i].ID)
		}
	}
	sort.Strings(out)
	return out
}

// best returns the optimal selection under a (count, score, lexicographically
// smallest sorted id list), or ok=false if infeasible.
func (b *bprob) best(a bact) (uint32, bool) {
	found := false
	var bestS uint32
	var bc int
	var bs int64
	var bids []string
	for S := uint32(0); S < 1<<b.n; S++ {
		if !b.ok(S, a) {
			continue
		}
		c := bits.OnesCount32(S)
		if found && c < bc {
			continue
		}
		s := b.sum(S)
		if found && c == bc && s < bs {
			continue
		}
		ids := b.ids(S)
		if found && c == bc && s == bs && slices.Compare(ids, bids) >= 0 {
			continue
		}
		found, bestS, bc, bs, bids = true, S, c, s, ids
	}
	return bestS, found
}

func (b *bprob) feasible(a bact) bool {
	for S := uint32(0); S < 1<<b.n; S++ {
		if b.ok(S, a) {
			return true
		}
	}
	return false
}

// randProblem draws a small random problem of many shapes.
func randProblem(r *rand.Rand, maxN int) *Problem {
	n := 1 + r.IntN(maxN)
	p := &Problem{}
	idPool := []string{"a", "b", "ab", "B", "c1", "c10", "c2", "z", "za", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "aa", "bb"}
	for len(idPool) < maxN {
		idPool = append(idPool, fmt.Sprintf("k%d", len(idPool)))
	}
	r.Shuffle(len(idPool), func(i, j int) { idPool[i], idPool[j] = idPool[j], idPool[i] })
	nSect := 1 + r.IntN(3+n/40)
	nProv := 1 + r.IntN(4+n/10)
	scoreMode := r.IntN(4)
	flags := []string{"women_led", "youth_led", "first_time"}
	for i := 0; i < n; i++ {
		c := Candidate{ID: idPool[i], Attrs: map[string]string{}}
		switch scoreMode {
		case 0:
			c.Score = Score(r.IntN(5) * 100)
		case 1:
			c.Score = Score(r.IntN(10001))
		case 2:
			c.Score = Score(r.IntN(7)*50 - 100)
		default:
			c.Score = Score(7000 + r.IntN(4)*25)
		}
		if r.IntN(10) > 0 {
			c.Attrs["sector"] = fmt.Sprintf("s%d", r.IntN(nSect))
		}
		if r.IntN(8) > 0 {
			c.Attrs["province"] = fmt.Sprintf("%d", 200+r.IntN(nProv))
		}
		for _, f := range flags {
			if r.IntN(3) == 0 {
				c.Flags = append(c.Flags, f)
			}
		}
		p.Candidates = append(p.Candidates, c)
	}
	p.Seats = r.IntN(n + 2)
	nq := r.IntN(6)
	for q := 0; q < nq; q++ {
		var qu Quota
		switch r.IntN(5) {
		case 0:
			qu = Quota{Attr: "sector", Value: fmt.Sprintf("s%d", r.IntN(nSect+1))}
		case 1:
			qu = Quota{Attr: "sector", Value: "*"}
		case 2:
			qu = Quota{Attr: "province", Value: "*"}
		case 3:
			qu = Quota{Attr: "province", Value: fmt.Sprintf("%d", 200+r.IntN(nProv))}
		default:
			qu = Quota{Flag: flags[r.IntN(3)]}
		}
		scale := 1 + n/20
		lo := r.IntN(4 * scale)
		if r.IntN(2) == 0 {
			lo = r.IntN(2)
		}
		hi := lo + r.IntN(4*scale)
		switch r.IntN(4) {
		case 0:
			qu.Min = &lo
		case 1:
			qu.Max = &hi
		case 2:
			qu.Min, qu.Max = &lo, &hi
		default:
			z := 0
			if r.IntN(2) == 0 {
				qu.Max = &z
			} else {
				qu.Min, qu.Max = &lo, &lo
			}
		}
		p.Quotas = append(p.Quotas, qu)
	}
	if r.IntN(4) == 0 {
		for k := r.IntN(3); k > 0; k-- {
			id := p.Candidates[r.IntN(n)].ID
			if slices.ContainsFunc(p.Pins, func(x Pin) bool { return x.ID == id }) {
				continue
			}
			side := PinIn
			if r.IntN(2) == 0 {
				side = PinOut
			}
			p.Pins = append(p.Pins, Pin{ID: id, Side: side, Justification: "test " + strings.ToUpper(id)})
		}
	}
	return p
}
