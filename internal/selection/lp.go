package selection

import (
	"container/heap"
	"math"
)

// This file is the LP relaxation: a bounded dual simplex method with the
// bound-flipping ("long step") ratio test, working directly on aggregated
// types. The LP is
//
//	max  sum_t f_t(y_t)   subject to  lo <= A y <= hi,  lb <= y <= ub
//
// where f_t is the concave piecewise-linear function whose slope on
// [p, p+1] is the weight of the p-th best candidate of type t. It is the
// candidate-level LP with one column per candidate, columns of one type
// being identical. A basis contains at most one column per type (two equal
// columns would make it singular), and dual feasibility forces the
// candidates of a type above (below) the basic one to be at 1 (at 0), so
// the state of a type is just k (candidates at 1) and whether the next one
// is basic. Everything here is floating point; nothing decided from it is
// trusted: bounds and infeasibility are re-checked exactly (bound.go).

const (
	lsBasic int8 = iota
	lsLower
	lsUpper
)

type lpStatus int

const (
	lpOptimal lpStatus = iota
	lpInfeasible
	lpIterLimit
	lpNumerical
)

type lpState struct {
	md     *model
	obj    objKind
	lb, ub []int32

	k     []int32 // per type: number of candidates at 1 (positions 0..k-1)
	brow  []int32 // per type: basis row of position k, or -1
	head  []int32 // per row: basic variable, >= 0 type, < 0 logical -(g+1)
	lstat []int8  // per logical (row activity variable)

	binv []float64 // m*m dense inverse of the basis
	xB   []float64 // basic values
	y    []float64 // duals (max form: reduced cost of a candidate = w - y.a)
	D    []float64 // per type: y.a_t

	rho, col, alpha, delta []float64
	nflip                  []int32
	since                  int

	// infeasibility ray of the last lpInfeasible: y - sgn*t*rho
	rayRow int
	raySgn float64
	ray    []float64
}

type lpSnap struct {
	k, brow, head []int32
	lstat         []int8
}

func newLP(md *model, obj objKind) *lpState {
	m, T := md.m, len(md.types)
	return &lpState{md: md, obj: obj, k: make([]int32, T), brow: make([]int32, T), head: make([]int32, m), lstat: make([]int8, m),
		binv: make([]float64, m*m), xB: make([]float64, m), y: make([]float64, m), D: make([]float64, T),
		rho: make([]float64, m), col: make([]float64, m), alpha: make([]float64, T), delta: make([]float64, m),
		nflip: make([]int32, T), ray: make([]float64, m)}
}

func (s *lpState) snapshot() *lpSnap {
	return &lpSnap{k: append([]int32(nil), s.k...), brow: append([]int32(nil), s.brow...),
		head: append([]int32(nil), s.head...), lstat: append([]int8(nil), s.lstat...)}
}

// coldStart sets the slack basis, which is dual feasible for any weights.
func (s *lpState) coldStart(lb, ub []int32) {
	s.lb, s.ub = lb, ub
	m := s.md.m
	for i := 0; i < m; i++ {
		s.head[i] = int32(-(i + 1))
		s.lstat[i] = lsBasic
	}
	for t := range s.md.types {
		s.brow[t] = -1
		k := lb[t]
		for k < ub[t] && s.md.weight(s.obj, t, int(k)) > 0 {
			k++
		}
		s.k[t] = k
	}
	s.refactorOrCold()
}

// restore loads a snapshot taken under bounds that differ from lb, ub only
// in ways the snapshot can represent; it reports false otherwise.
func (s *lpState) restore(sn *lpSnap, lb, ub []int32) bool {
	s.lb, s.ub = lb, ub
	copy(s.k, sn.k)
	copy(s.brow, sn.brow)
	copy(s.head, sn.head)
	copy(s.lstat, sn.lstat)
	for t := range s.md.types {
		k := s.k[t]
		if s.brow[t] >= 0 {
			if k+1 < lb[t] || k > ub[t] || int(k) >= len(s.md.types[t].cand) {
				return false
			}
		} else {
			s.k[t] = min(max(k, lb[t]), ub[t])
		}
	}
	return s.refactor()
}

func (s *lpState) refactorOrCold() {
	if !s.refactor() {
		// The slack basis is always regular: B = -I.
		m := s.md.m
		for i := 0; i < m; i++ {
			s.head[i] = int32(-(i + 1))
			s.lstat[i] = lsBasic
		}
		for t := range s.md.types {
			if s.brow[t] >= 0 {
				s.brow[t] = -1
			}
		}
		s.refactor()
	}
}

func (s *lpState) logicalValue(g int) float64 {
	if s.lstat[g] == lsUpper {
		return float64(s.md.hi[g])
	}
	return float64(s.md.lo[g])
}

// posBounds returns the bounds of position p of type t.
func (s *lpState) posBounds(t int, p int32) (float64, float64) {
	if p < s.lb[t] {
		return 1, 1
	}
	if p >= s.ub[t] {
		return 0, 0
	}
	return 0, 1
}

// refactor inverts the basis from scratch and recomputes xB, y and D.
func (s *lpState) refactor() bool {
	m := s.md.m
	a := make([]float64, m*m)
	for j := 0; j < m; j++ {
		h := s.head[j]
		if h >= 0 {
			for _, r := range s.md.types[h].rows {
				a[int(r)*m+j] = 1
			}
		} else {
			a[int(-h-1)*m+j] = -1
		}
	}
	inv := s.binv
	for i := range inv {
		inv[i] = 0
	}
	for i := 0; i < m; i++ {
		inv[i*m+i] = 1
	}
	// Gauss-Jordan with partial pivoting: A X = I.
	for c := 0; c < m; c++ {
		p, best := -1, 1e-9
		for r := c; r < m; r++ {
			if v := math.Abs(a[r*m+c]); v > best {
				p, best = r, v
			}
		}
		if p < 0 {
			return false
		}
		if p != c {
			for j := 0; j < m; j++ {
				a[p*m+j], a[c*m+j] = a[c*m+j], a[p*m+j]
				inv[p*m+j], inv[c*m+j] = inv[c*m+j], inv[p*m+j]
			}
		}
		piv := 1 / a[c*m+c]
		for j := 0; j < m; j++ {
			a[c*m+j] *= piv
			inv[c*m+j] *= piv
		}
		for r := 0; r < m; r++ {
			if r == c {
				continue
			}
			f := a[r*m+c]
			if f == 0 {
				continue
			}
			for j := 0; j < m; j++ {
				a[r*m+j] -= f * a[c*m+j]
				inv[r*m+j] -= f * inv[c*m+j]
			}
		}
	}
	for t := range s.md.types {
		s.brow[t] = -1
	}
	for i := 0; i < m; i++ {
		if h := s.head[i]; h >= 0 {
			s.brow[h] = int32(i)
		} else {
			s.lstat[-h-1] = lsBasic
		}
	}
	isBasic := make([]bool, m)
	for i := 0; i < m; i++ {
		if h := s.head[i]; h < 0 {
			isBasic[-h-1] = true
		}
	}
	for g := 0; g < m; g++ {
		if s.lstat[g] == lsBasic && !isBasic[g] {
			s.lstat[g] = lsLower
		}
	}
	s.computeXB()
	s.computeDuals()
	s.since = 0
	return true
}

func (s *lpState) computeXB() {
	m := s.md.m
	h := s.delta
	for i := range h {
		h[i] = 0
	}
	for t := range s.md.types {
		if k := float64(s.k[t]); k != 0 {
			for _, r := range s.md.types[t].rows {
				h[r] -= k
			}
		}
	}
	for g := 0; g < m; g++ {
		if s.lstat[g] != lsBasic {
			h[g] += s.logicalValue(g)
		}
	}
	for i := 0; i < m; i++ {
		var v float64
		row := s.binv[i*m : (i+1)*m]
		for j, x := range h {
			if x != 0 {
				v += row[j] * x
			}
		}
		s.xB[i] = v
	}
}

func (s *lpState) computeDuals() {
	m := s.md.m
	for j := range s.y {
		s.y[j] = 0
	}
	for i := 0; i < m; i++ {
		h := s.head[i]
		if h < 0 {
			continue
		}
		c := float64(s.md.weight(s.obj, int(h), int(s.k[h])))
		if c == 0 {
			continue
		}
		row := s.binv[i*m : (i+1)*m]
		for j := range s.y {
			s.y[j] += c * row[j]
		}
	}
	for t := range s.md.types {
		var d float64
		for _, r := range s.md.types[t].rows {
			d += s.y[r]
		}
		s.D[t] = d
	}
}

const (
	primalTol = 1e-9
	pivotTol  = 1e-9
)

// chooseRow picks the basic variable with the largest bound violation.
func (s *lpState) chooseRow() (int, float64, float64) {
	best, bestR, sgn := 0.0, -1, 0.0
	for i := 0; i < s.md.m; i++ {
		var lo, hi float64
		if h := s.head[i]; h >= 0 {
			lo, hi = s.posBounds(int(h), s.k[h])
		} else {
			g := int(-h - 1)
			lo, hi = float64(s.md.lo[g]), float64(s.md.hi[g])
		}
		v := s.xB[i]
		tol := primalTol * (1 + math.Abs(v))
		if v < lo-tol && lo-v > best {
			best, bestR, sgn = lo-v, i, -1
		} else if v > hi+tol && v-hi > best {
			best, bestR, sgn = v-hi, i, 1
		}
	}
	return bestR, sgn, best
}

type breakpoint struct {
	ratio, absAlpha float64
	logical         bool
	idx, pos        int32
	up              bool // type: flipping positions from 0 to 1
}

type bpHeap []breakpoint

func (h bpHeap) Len() int { return len(h) }
func (h bpHeap) Less(i, j int) bool {
	a, b := &h[i], &h[j]
	if a.ratio != b.ratio {
		return a.ratio < b.ratio
	}
	if a.absAlpha != b.absAlpha {
		return a.absAlpha > b.absAlpha
	}
	if a.logical != b.logical {
		return a.logical
	}
	return a.idx < b.idx
}
func (h bpHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *bpHeap) Push(x any)   { *h = append(*h, x.(breakpoint)) }
func (h *bpHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// typeBreakpoint returns the next breakpoint of type t at position p.
func (s *lpState) typeBreakpoint(t int, p int32, up bool, at float64) (breakpoint, bool) {
	if up {
		if p >= s.ub[t] || int(p) >= len(s.md.types[t].cand) {
			return breakpoint{}, false
		}
		d := s.D[t] - float64(s.md.weight(s.obj, t, int(p)))
		return breakpoint{ratio: max(d, 0) / at, absAlpha: at, idx: int32(t), pos: p, up: true}, true
	}
	if p < s.lb[t] || p < 0 {
		return breakpoint{}, false
	}
	d := float64(s.md.weight(s.obj, t, int(p))) - s.D[t]
	return breakpoint{ratio: max(d, 0) / at, absAlpha: at, idx: int32(t), pos: p}, true
}

// run iterates the dual simplex until optimality, proven (in floating
// point) infeasibility, or the iteration limit.
func (s *lpState) run(maxIter int) lpStatus {
	md := s.md
	m := md.m
	var hp bpHeap
	for it := 0; ; it++ {
		if it >= maxIter {
			return lpIterLimit
		}
		if s.since >= 60 {
			if !s.refactor() {
				return lpNumerical
			}
		}
		r, sgn, infeas := s.chooseRow()
		if r < 0 {
			return lpOptimal
		}
		copy(s.rho, s.binv[r*m:(r+1)*m])
		for t := range md.types {
			if s.brow[t] >= 0 {
				s.alpha[t] = 0
				continue
			}
			var a float64
			for _, row := range md.types[t].rows {
				a += s.rho[row]
			}
			s.alpha[t] = a
		}
		// The leaving variable goes to its violated bound.
		lv := s.head[r]
		var target float64
		leavingLogical := int32(-1)
		if lv >= 0 {
			t0 := int(lv)
			p := s.k[t0]
			lo, hi := s.posBounds(t0, p)
			target = lo
			if sgn > 0 {
				target = hi
			}
			s.k[t0] = p + int32(target)
			s.brow[t0] = -1
			s.alpha[t0] = 1
		} else {
			g0 := -lv - 1
			leavingLogical = g0
			if sgn > 0 {
				target = float64(md.hi[g0])
				s.lstat[g0] = lsUpper
			} else {
				target = float64(md.lo[g0])
				s.lstat[g0] = lsLower
			}
		}
		// Bound-flipping ratio test.
		hp = hp[:0]
		for t := range md.types {
			a := sgn * s.alpha[t]
			if math.Abs(a) < pivotTol {
				continue
			}
			if a > 0 {
				if bp, ok := s.typeBreakpoint(t, s.k[t], true, a); ok {
					hp = append(hp, bp)
				}
			} else {
				if bp, ok := s.typeBreakpoint(t, s.k[t]-1, false, -a); ok {
					hp = append(hp, bp)
				}
			}
		}
		for g := 0; g < m; g++ {
			if s.lstat[g] == lsBasic || int32(g) == leavingLogical || md.lo[g] == md.hi[g] {
				continue
			}
			a := -sgn * s.rho[g]
			if s.lstat[g] == lsLower && a > pivotTol {
				hp = append(hp, breakpoint{ratio: max(-s.y[g], 0) / a, absAlpha: a, logical: true, idx: int32(g)})
			} else if s.lstat[g] == lsUpper && a < -pivotTol {
				hp = append(hp, breakpoint{ratio: max(s.y[g], 0) / -a, absAlpha: -a, logical: true, idx: int32(g)})
			}
		}
		heap.Init(&hp)
		slope := infeas
		var enter breakpoint
		found := false
		var flips []breakpoint
		for hp.Len() > 0 {
			b := heap.Pop(&hp).(breakpoint)
			rng := 1.0
			if b.logical {
				rng = float64(md.hi[b.idx] - md.lo[b.idx])
			}
			ns := slope - b.absAlpha*rng
			if ns <= primalTol*(1+infeas) {
				enter, found = b, true
				break
			}
			slope = ns
			flips = append(flips, b)
			if !b.logical {
				np := b.pos + 1
				if !b.up {
					np = b.pos - 1
				}
				if nb, ok := s.typeBreakpoint(int(b.idx), np, b.up, b.absAlpha); ok {
					heap.Push(&hp, nb)
				}
			}
		}
		if !found {
			s.rayRow, s.raySgn = r, sgn
			copy(s.ray, s.rho)
			return lpInfeasible
		}
		// Dual update.
		step := sgn * enter.ratio
		if step != 0 {
			for g := 0; g < m; g++ {
				s.y[g] -= step * s.rho[g]
			}
			for t := range md.types {
				if s.alpha[t] != 0 {
					s.D[t] -= step * s.alpha[t]
				}
			}
		}
		// Bound flips.
		if len(flips) > 0 {
			for i := range s.delta {
				s.delta[i] = 0
			}
			for _, b := range flips {
				if b.logical {
					g := b.idx
					rng := float64(md.hi[g] - md.lo[g])
					if s.lstat[g] == lsLower {
						s.lstat[g] = lsUpper
						s.delta[g] -= rng
					} else {
						s.lstat[g] = lsLower
						s.delta[g] += rng
					}
					continue
				}
				t := b.idx
				dir := 1.0
				if b.up {
					s.k[t]++
				} else {
					s.k[t]--
					dir = -1
				}
				for _, row := range md.types[t].rows {
					s.delta[row] += dir
				}
			}
			for i := 0; i < m; i++ {
				var v float64
				row := s.binv[i*m : (i+1)*m]
				for j, x := range s.delta {
					if x != 0 {
						v += row[j] * x
					}
				}
				s.xB[i] -= v
			}
		}
		// Entering column and primal pivot.
		var x0 float64
		if enter.logical {
			g := int(enter.idx)
			for i := 0; i < m; i++ {
				s.col[i] = -s.binv[i*m+g]
			}
			x0 = s.logicalValue(g)
		} else {
			t := int(enter.idx)
			rows := md.types[t].rows
			for i := 0; i < m; i++ {
				row := s.binv[i*m : (i+1)*m]
				var v float64
				for _, rr := range rows {
					v += row[rr]
				}
				s.col[i] = v
			}
			if !enter.up {
				x0 = 1
			}
		}
		piv := s.col[r]
		if math.Abs(piv) < 1e-11 {
			if !s.refactor() {
				return lpNumerical
			}
			continue
		}
		thetaP := (s.xB[r] - target) / piv
		for i := 0; i < m; i++ {
			s.xB[i] -= thetaP * s.col[i]
		}
		s.xB[r] = x0 + thetaP
		if enter.logical {
			s.lstat[enter.idx] = lsBasic
			s.head[r] = -(enter.idx + 1)
		} else {
			t := enter.idx
			if !enter.up {
				s.k[t]--
			}
			s.brow[t] = int32(r)
			s.head[r] = t
			s.D[t] = float64(md.weight(s.obj, int(t), int(s.k[t])))
		}
		// Update the inverse.
		pr := s.binv[r*m : (r+1)*m]
		inv := 1 / piv
		for j := range pr {
			pr[j] *= inv
		}
		for i := 0; i < m; i++ {
			if i == r {
				continue
			}
			f := s.col[i]
			if f == 0 {
				continue
			}
			row := s.binv[i*m : (i+1)*m]
			for j, v := range pr {
				if v != 0 {
					row[j] -= f * v
				}
			}
		}
		s.since++
	}
}
