package selection

import (
	"math"
	"math/bits"
)

// Exact bounds. For ANY vector of row multipliers y (the LP duals are just
// a good choice), weak Lagrangian duality gives
//
//	opt <= L(y) = sum_r max_{lo_r <= v <= hi_r} y_r v
//	            + sum_t sum_p max_{x in [l_tp, u_tp]} (w_tp - y.a_t) x
//
// (l, u are the 0/1 bounds of candidate position p of type t). We round y
// to multiples of 2^-dualShift and evaluate L exactly in 128-bit integers,
// so the bound is rigorous whatever the floating-point error of the LP.
// Likewise an LP infeasibility ray v is accepted only if, exactly,
// sum_r max v_r r + sum_t sum_p max (-v.a_t) x < 0 (Farkas).

const dualShift = 24

type i128 struct {
	hi int64
	lo uint64
}

func (a i128) add(b i128) i128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	return i128{a.hi + b.hi + int64(c), lo}
}

func (a i128) neg() i128 {
	lo := ^a.lo + 1
	hi := ^a.hi
	if lo == 0 {
		hi++
	}
	return i128{hi, lo}
}

func (a i128) less(b i128) bool {
	if a.hi != b.hi {
		return a.hi < b.hi
	}
	return a.lo < b.lo
}

func mul128(a, b int64) i128 {
	neg := (a < 0) != (b < 0)
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = uint64(-a)
	}
	if b < 0 {
		ub = uint64(-b)
	}
	hi, lo := bits.Mul64(ua, ub)
	r := i128{int64(hi), lo}
	if neg {
		r = r.neg()
	}
	return r
}

// floorShift returns floor(a / 2^n) if it fits in an int64.
func (a i128) floorShift(n uint) (int64, bool) {
	lo := a.lo>>n | uint64(a.hi)<<(64-n)
	hi := a.hi >> n
	if (hi == 0 && lo < 1<<63) || (hi == -1 && lo >= 1<<63) {
		return int64(lo), true
	}
	return 0, false
}

// lagrangian is an exactly evaluated Lagrangian bound.
type lagrangian struct {
	P     []int64 // rounded multipliers, in units of 2^-dualShift
	A     []int64 // per type: P . a_t
	total i128    // L(P) in units of 2^-dualShift
}

const maxScaled = 1 << 54

// scaleVec rounds v*scale to integers, failing on overflow or NaN.
func scaleVec(v []float64, scale float64) ([]int64, bool) {
	P := make([]int64, len(v))
	for i, x := range v {
		s := x * scale
		if !(math.Abs(s) <= maxScaled) {
			return nil, false
		}
		P[i] = int64(math.Round(s))
	}
	return P, true
}

// countAbove returns how many free positions p in [lb, ub) of type t have
// w_p * 2^dualShift > A (they form a prefix, weights being non-increasing).
func (md *model) countAbove(obj objKind, t int, lb, ub int32, A int64) int32 {
	switch obj {
	case objCount:
		if int64(1)<<dualShift > A {
			return ub - lb
		}
		return 0
	case objZero:
		if A < 0 {
			return ub - lb
		}
		return 0
	}
	sc := md.types[t].score
	lo, hi := lb, ub
	for lo < hi {
		mid := (lo + hi) / 2
		if sc[mid]<<dualShift > A {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - lb
}

// lagrange evaluates L(y) exactly under type bounds lb, ub.
func (md *model) lagrange(obj objKind, lb, ub []int32, y []float64) (*lagrangian, bool) {
	P, ok := scaleVec(y, 1<<dualShift)
	if !ok {
		return nil, false
	}
	l := &lagrangian{P: P, A: make([]int64, len(md.types))}
	for r, p := range P {
		if p > 0 {
			l.total = l.total.add(mul128(p, md.hi[r]))
		} else if p < 0 {
			l.total = l.total.add(mul128(p, md.lo[r]))
		}
	}
	for t := range md.types {
		var A int64
		for _, r := range md.types[t].rows {
			A += P[r]
		}
		l.A[t] = A
		e := lb[t] + md.countAbove(obj, t, lb[t], ub[t], A)
		l.total = l.total.add(mul128(md.prefix(obj, t, int(e)), 1<<dualShift)).add(mul128(-int64(e), A))
	}
	return l, true
}

func (l *lagrangian) floor() (int64, bool) { return l.total.floorShift(dualShift) }

// forceInDelta is the exact change of l.total when positions lbt..p of
// type t are forced to 1 (the bound was computed with lower bound lbt).
func (l *lagrangian) forceInDelta(md *model, obj objKind, t int, lbt, ubt, p int32) i128 {
	A := l.A[t]
	q0 := lbt + md.countAbove(obj, t, lbt, ubt, A)
	if p < q0 {
		return i128{}
	}
	d := mul128(md.prefix(obj, t, int(p+1))-md.prefix(obj, t, int(q0)), 1<<dualShift)
	return d.add(mul128(-int64(p+1-q0), A))
}

// farkas reports whether v proves, exactly, that no y within lb, ub
// satisfies the rows.
func (md *model) farkas(lb, ub []int32, v []float64) bool {
	var mx float64
	for _, x := range v {
		mx = max(mx, math.Abs(x))
	}
	if !(mx > 0) || math.IsInf(mx, 0) {
		return false
	}
	V, ok := scaleVec(v, float64(1<<30)/mx)
	if !ok {
		return false
	}
	var total i128
	for r, p := range V {
		if p > 0 {
			total = total.add(mul128(p, md.hi[r]))
		} else if p < 0 {
			total = total.add(mul128(p, md.lo[r]))
		}
	}
	for t := range md.types {
		var A int64
		for _, r := range md.types[t].rows {
			A += V[r]
		}
		total = total.add(mul128(-int64(lb[t]), A))
		if A < 0 {
			total = total.add(mul128(int64(ub[t]-lb[t]), -A))
		}
	}
	return total.less(i128{})
}
