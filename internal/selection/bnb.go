package selection

import (
	"math"
	"slices"
)

// Branch and bound over the aggregated type variables y_t (integers).
// Every pruning decision is exact: a node is discarded only if its exact
// Lagrangian bound (bound.go) is below what is still needed, or if an LP
// infeasibility ray is verified exactly (Farkas). When the floating-point
// LP fails to give either, the node is split on a type's range instead, so
// the search stays exhaustive and finite (a node whose types are all
// fixed is checked directly).

type bbStatus int

const (
	bbDone  bbStatus = iota // search finished (optimal, or infeasible if !found)
	bbLimit                 // node budget exhausted
)

type bbOpts struct {
	budget  *int    // remaining nodes, shared by all searches of one Solve
	initial []int32 // optional known feasible solution
	// stop: find any solution with value >= stopAt; prune nodes whose bound
	// is below it.
	stop   bool
	stopAt int64
	// root: record the root Lagrangian and LP basis.
	root bool
	// warm: an LP basis to start the root node from.
	warm *lpSnap
}

type bbResult struct {
	status bbStatus
	found  bool
	y      []int32
	val    int64
	root   *lagrangian // exact Lagrangian at the root (if opts.root)
	snap   *lpSnap     // optimal root LP basis (if opts.root)
	ray    []float64   // exact Farkas proof of the root LP's infeasibility
	nodes  int
}

type bbNode struct {
	lb, ub []int32
	snap   *lpSnap
}

func solveBB(md *model, obj objKind, lb, ub []int32, o bbOpts) bbResult {
	var res bbResult
	if md.bad {
		return res
	}
	T := len(md.types)
	if o.initial != nil && md.feasible(o.initial, lb, ub) {
		res.found, res.y, res.val = true, slices.Clone(o.initial), md.value(obj, o.initial)
		if o.stop && res.val >= o.stopAt {
			return res
		}
	}
	thr := func() int64 {
		t := int64(math.MinInt64)
		if res.found {
			t = res.val + 1
		}
		if o.stop {
			t = max(t, o.stopAt)
		}
		return t
	}
	offer := func(y []int32, nlb, nub []int32) bool {
		if !md.feasible(y, nlb, nub) {
			return false
		}
		v := md.value(obj, y)
		if !res.found || v > res.val {
			res.found, res.y, res.val = true, slices.Clone(y), v
		}
		return o.stop && res.val >= o.stopAt
	}
	lp := newLP(md, obj)
	maxIter := 20*(md.m+T) + 1000
	stack := []bbNode{{lb: slices.Clone(lb), ub: slices.Clone(ub), snap: o.warm}}
	yi := make([]int32, T)
	first := true
	for len(stack) > 0 {
		nd := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if *o.budget <= 0 {
			res.status = bbLimit
			return res
		}
		*o.budget--
		res.nodes++
		if nd.snap == nil || !lp.restore(nd.snap, nd.lb, nd.ub) {
			lp.coldStart(nd.lb, nd.ub)
		}
		st := lp.run(maxIter)
		isRoot := first
		first = false
		split := false
		switch st {
		case lpInfeasible:
			v := make([]float64, md.m)
			for i, x := range lp.ray {
				v[i] = -lp.raySgn * x
			}
			if md.farkas(nd.lb, nd.ub, v) {
				if isRoot {
					res.ray = v
				}
				continue
			}
			split = true
		case lpOptimal:
			lg, ok := md.lagrange(obj, nd.lb, nd.ub, lp.y)
			bound := int64(math.MaxInt64)
			if ok {
				if b, ok2 := lg.floor(); ok2 {
					bound = b
				}
			}
			if isRoot && o.root && ok {
				res.root = lg
				res.snap = lp.snapshot()
			}
			if bound < thr() {
				continue
			}
			// Integral solution and rounding heuristics.
			integral := true
			bt, bestFrac := -1, 2.0
			for t := 0; t < T; t++ {
				yi[t] = lp.k[t]
				if r := lp.brow[t]; r >= 0 {
					v := lp.xB[r]
					switch {
					case v < 1e-7:
					case v > 1-1e-7:
						yi[t]++
					default:
						integral = false
						if f := math.Abs(v - 0.5); f < bestFrac {
							bt, bestFrac = t, f
						}
					}
				}
			}
			if offer(yi, nd.lb, nd.ub) {
				return res
			}
			if !integral {
				// Round up every fractional type as a heuristic.
				for t := 0; t < T; t++ {
					if r := lp.brow[t]; r >= 0 && lp.xB[r] >= 1e-7 && lp.xB[r] <= 1-1e-7 {
						yi[t] = lp.k[t] + 1
					}
				}
				if offer(yi, nd.lb, nd.ub) {
					return res
				}
			}
			if bound < thr() {
				continue
			}
			if bt < 0 {
				split = true
				break
			}
			k := lp.k[bt]
			frac := lp.xB[lp.brow[bt]]
			snap := lp.snapshot()
			down := bbNode{lb: nd.lb, ub: slices.Clone(nd.ub), snap: snap}
			down.ub[bt] = k
			up := bbNode{lb: slices.Clone(nd.lb), ub: nd.ub, snap: snap}
			up.lb[bt] = k + 1
			if frac >= 0.5 {
				stack = append(stack, down, up)
			} else {
				stack = append(stack, up, down)
			}
		default:
			// The LP did not finish: the current multipliers still give a
			// valid bound.
			if lg, ok := md.lagrange(obj, nd.lb, nd.ub, lp.y); ok {
				if b, ok2 := lg.floor(); ok2 && b < thr() {
					continue
				}
			}
			split = true
		}
		if split {
			bt, w := -1, int32(0)
			for t := 0; t < T; t++ {
				if d := nd.ub[t] - nd.lb[t]; d > w {
					bt, w = t, d
				}
			}
			if bt < 0 {
				if offer(nd.lb, nd.lb, nd.ub) {
					return res
				}
				continue
			}
			mid := nd.lb[bt] + (w-1)/2
			a := bbNode{lb: nd.lb, ub: slices.Clone(nd.ub)}
			a.ub[bt] = mid
			b := bbNode{lb: slices.Clone(nd.lb), ub: nd.ub}
			b.lb[bt] = mid + 1
			stack = append(stack, a, b)
		}
	}
	return res
}
