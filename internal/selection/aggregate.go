package selection

import (
	"cmp"
	"math"
	"slices"
)

// inf is the "no upper bound" row limit before clamping.
const inf = math.MaxInt64 / 4

// group is one expanded quota group: a quota on a flag, on one attribute
// value, or one value of a "*" quota.
type group struct {
	quota             int
	attr, value, flag string
	members           []int32 // candidate indices, ascending
	min, max          int64   // min 0 when absent
	hasMin, hasMax    bool
}

// instance is a validated problem with its groups expanded.
type instance struct {
	p          *Problem
	n          int
	groups     []group
	candGroups [][]int32 // per candidate, ascending group indices
	pinSide    []PinSide // per candidate, "" when not pinned
	pinOf      []int     // per candidate, pin index or -1
	byID       []int32   // candidate indices sorted by id
	rankOf     []int32   // position of each candidate in (score desc, id asc)
}

func newInstance(p *Problem) *instance {
	n := len(p.Candidates)
	in := &instance{p: p, n: n, candGroups: make([][]int32, n), pinSide: make([]PinSide, n), pinOf: make([]int, n)}
	idx := make(map[string]int32, n)
	for i, c := range p.Candidates {
		idx[c.ID] = int32(i)
		in.pinOf[i] = -1
	}
	for qi, q := range p.Quotas {
		mk := func(attr, value, flag string) group {
			g := group{quota: qi, attr: attr, value: value, flag: flag}
			if q.Min != nil {
				g.min, g.hasMin = int64(*q.Min), true
			}
			if q.Max != nil {
				g.max, g.hasMax = int64(*q.Max), true
			}
			return g
		}
		switch {
		case q.Flag != "":
			g := mk("", "", q.Flag)
			for i, c := range p.Candidates {
				if slices.Contains(c.Flags, q.Flag) {
					g.members = append(g.members, int32(i))
				}
			}
			in.groups = append(in.groups, g)
		case q.Value == "*":
			byVal := map[string][]int32{}
			for i, c := range p.Candidates {
				if v, ok := c.Attrs[q.Attr]; ok {
					byVal[v] = append(byVal[v], int32(i))
				}
			}
			vals := make([]string, 0, len(byVal))
			for v := range byVal {
				vals = append(vals, v)
			}
			slices.Sort(vals)
			for _, v := range vals {
				g := mk(q.Attr, v, "")
				g.members = byVal[v]
				in.groups = append(in.groups, g)
			}
		default:
			g := mk(q.Attr, q.Value, "")
			for i, c := range p.Candidates {
				if c.Attrs[q.Attr] == q.Value {
					g.members = append(g.members, int32(i))
				}
			}
			in.groups = append(in.groups, g)
		}
	}
	for gi, g := range in.groups {
		for _, c := range g.members {
			in.candGroups[c] = append(in.candGroups[c], int32(gi))
		}
	}
	for pi, pin := range p.Pins {
		c := idx[pin.ID]
		in.pinSide[c] = pin.Side
		in.pinOf[c] = pi
	}
	in.byID = make([]int32, n)
	rank := make([]int32, n)
	for i := range in.byID {
		in.byID[i] = int32(i)
		rank[i] = int32(i)
	}
	slices.SortFunc(in.byID, func(a, b int32) int { return cmp.Compare(p.Candidates[a].ID, p.Candidates[b].ID) })
	slices.SortFunc(rank, func(a, b int32) int { return in.better(a, b) })
	in.rankOf = make([]int32, n)
	for r, c := range rank {
		in.rankOf[c] = int32(r)
	}
	return in
}

// better orders candidates by score descending, then id ascending.
func (in *instance) better(a, b int32) int {
	ca, cb := &in.p.Candidates[a], &in.p.Candidates[b]
	if ca.Score != cb.Score {
		return cmp.Compare(cb.Score, ca.Score)
	}
	return cmp.Compare(ca.ID, cb.ID)
}

// activity says which constraints are enforced (all, except while
// analysing infeasibility).
type activity struct {
	seats    bool
	min, max []bool // per group
	pin      []bool // per pin
}

func (in *instance) fullActivity() activity {
	a := activity{seats: true, min: make([]bool, len(in.groups)), max: make([]bool, len(in.groups)), pin: make([]bool, len(in.p.Pins))}
	for g := range in.groups {
		a.min[g] = in.groups[g].hasMin && in.groups[g].min > 0
		a.max[g] = in.groups[g].hasMax
	}
	for i := range a.pin {
		a.pin[i] = true
	}
	return a
}

func (a activity) clone() activity {
	return activity{seats: a.seats, min: slices.Clone(a.min), max: slices.Clone(a.max), pin: slices.Clone(a.pin)}
}

// ctype is an aggregated candidate type: the free candidates that belong
// to exactly the same rows. They differ only by score, so choosing k of
// them means choosing the k best (score desc, id asc).
type ctype struct {
	rows  []int32 // ascending, always starting with row 0 (seats)
	cand  []int32 // candidate indices, best first
	score []int64
	pre   []int64 // pre[k] = sum of the k best scores
}

// model is the aggregated integer program over free (unpinned) candidates:
// choose y_t in [0, len(t.cand)] for each type t so that
// lo[r] <= sum_{t : r in t.rows} y_t <= hi[r] for every row r.
// Row 0 is the seat limit; the other rows are non-redundant quota groups.
type model struct {
	m        int
	lo, hi   []int64
	rowGroup []int // group of each row (-1 for row 0)
	types    []ctype
	fixedIn  []int32 // candidates pinned in (active pins)
	bad      bool    // some row has lo > hi: trivially infeasible
}

type objKind int

const (
	objZero objKind = iota
	objCount
	objScore
)

func (md *model) weight(obj objKind, t, p int) int64 {
	switch obj {
	case objCount:
		return 1
	case objScore:
		return md.types[t].score[p]
	}
	return 0
}

func (md *model) prefix(obj objKind, t, k int) int64 {
	switch obj {
	case objCount:
		return int64(k)
	case objScore:
		return md.types[t].pre[k]
	}
	return 0
}

// buildModel aggregates the free candidates by row signature.
func (in *instance) buildModel(act activity) *model {
	md := &model{}
	free := make([]bool, in.n)
	nFree := 0
	pinnedInGroup := make([]int64, len(in.groups))
	var pinnedIn int64
	for c := 0; c < in.n; c++ {
		pi := in.pinOf[c]
		switch {
		case pi >= 0 && act.pin[pi] && in.pinSide[c] == PinIn:
			md.fixedIn = append(md.fixedIn, int32(c))
			pinnedIn++
			for _, g := range in.candGroups[c] {
				pinnedInGroup[g]++
			}
		case pi >= 0 && act.pin[pi] && in.pinSide[c] == PinOut:
		default:
			free[c] = true
			nFree++
		}
	}
	seatsHi := int64(inf)
	if act.seats {
		seatsHi = int64(in.p.Seats)
	}
	md.lo = append(md.lo, 0)
	md.hi = append(md.hi, min(seatsHi-pinnedIn, int64(nFree)))
	md.rowGroup = append(md.rowGroup, -1)
	if md.hi[0] < 0 {
		md.bad = true
	}
	groupRow := make([]int32, len(in.groups))
	for gi, g := range in.groups {
		groupRow[gi] = -1
		var size int64
		for _, c := range g.members {
			if free[c] {
				size++
			}
		}
		lo, hi := int64(0), int64(inf)
		if act.min[gi] {
			lo = g.min
		}
		if act.max[gi] && g.hasMax {
			hi = g.max
		}
		lo -= pinnedInGroup[gi]
		hi -= pinnedInGroup[gi]
		lo = max(lo, 0)
		hi = min(hi, size)
		if lo > hi {
			md.bad = true
		}
		if lo <= 0 && hi >= size {
			continue // redundant
		}
		groupRow[gi] = int32(len(md.lo))
		md.lo = append(md.lo, lo)
		md.hi = append(md.hi, hi)
		md.rowGroup = append(md.rowGroup, gi)
	}
	md.m = len(md.lo)
	// Aggregate by signature, visiting candidates best first.
	order := make([]int32, 0, nFree)
	for c := 0; c < in.n; c++ {
		if free[c] {
			order = append(order, int32(c))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(in.rankOf[a], in.rankOf[b]) })
	byKey := map[string]int{}
	var key []byte
	rows := make([]int32, 0, 8)
	for _, c := range order {
		rows = append(rows[:0], 0)
		for _, g := range in.candGroups[c] {
			if r := groupRow[g]; r >= 0 {
				rows = append(rows, r)
			}
		}
		slices.Sort(rows)
		key = key[:0]
		for _, r := range rows {
			key = append(key, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
		t, ok := byKey[string(key)]
		if !ok {
			t = len(md.types)
			byKey[string(key)] = t
			md.types = append(md.types, ctype{rows: slices.Clone(rows), pre: []int64{0}})
		}
		ct := &md.types[t]
		s := int64(in.p.Candidates[c].Score)
		ct.cand = append(ct.cand, c)
		ct.score = append(ct.score, s)
		ct.pre = append(ct.pre, ct.pre[len(ct.pre)-1]+s)
	}
	slices.SortFunc(md.types, func(a, b ctype) int { return slices.Compare(a.rows, b.rows) })
	return md
}

// rowCounts returns, for integer y, the activity of every row.
func (md *model) rowCounts(y []int32) []int64 {
	cnt := make([]int64, md.m)
	for t := range md.types {
		if y[t] == 0 {
			continue
		}
		for _, r := range md.types[t].rows {
			cnt[r] += int64(y[t])
		}
	}
	return cnt
}

// feasible checks integer y exactly against every row and type bound.
func (md *model) feasible(y []int32, lb, ub []int32) bool {
	for t := range md.types {
		if y[t] < lb[t] || y[t] > ub[t] {
			return false
		}
	}
	cnt := md.rowCounts(y)
	for r := 0; r < md.m; r++ {
		if cnt[r] < md.lo[r] || cnt[r] > md.hi[r] {
			return false
		}
	}
	return true
}

func (md *model) value(obj objKind, y []int32) int64 {
	var v int64
	for t := range md.types {
		v += md.prefix(obj, t, int(y[t]))
	}
	return v
}
