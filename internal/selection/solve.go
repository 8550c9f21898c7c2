package selection

import (
	"errors"
	"fmt"
	"slices"
)

// DefaultNodeLimit is the default total number of branch-and-bound nodes
// one Solve may explore (over all its searches) before giving up with
// StatusLimit. It is a node count, not a time, so results are reproducible.
const DefaultNodeLimit = 200_000

// Options tune Solve. The zero value is the default.
type Options struct {
	// NodeLimit bounds the branch-and-bound nodes (0: DefaultNodeLimit).
	NodeLimit int
}

// ErrInternal reports a broken internal invariant (a bug); it is never
// returned for any valid problem.
var ErrInternal = errors.New("selection: internal error")

type solveStatus int

const (
	sOptimal solveStatus = iota
	sInfeasible
	sLimit
)

// solution is an optimal selection under some activity.
type solution struct {
	sel   []int32 // candidate indices, including pinned-in ones
	score int64
}

// Solve computes the optimal selection for p (see the package
// documentation for the objective, the tie-break rule and the guarantees).
// It returns an error wrapping ErrInvalid if p is malformed; for a valid
// problem it always returns a Result (status optimal, infeasible or limit).
func Solve(p *Problem, opts *Options) (*Result, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	budget := DefaultNodeLimit
	if opts != nil && opts.NodeLimit > 0 {
		budget = opts.NodeLimit
	}
	in := newInstance(p)
	act := in.fullActivity()
	sol, st := in.optimize(act, &budget)
	switch st {
	case sOptimal:
		// The reasons compare with the selection without the pins in; a
		// result whose reasons cannot all be established claims nothing.
		without, wst := in.withoutPinsIn(act, &budget)
		switch wst {
		case sLimit:
			return in.undecided(StatusLimit, CodeLimit), nil
		case sInfeasible:
			return nil, fmt.Errorf("%w: infeasible without the pins in", ErrInternal)
		}
		res := &Result{Version: FormatVersion, Status: StatusOptimal}
		if err := in.fill(res, sol, act, without); err != nil {
			return nil, err
		}
		return res, nil
	case sLimit:
		return in.undecided(StatusLimit, CodeLimit), nil
	}
	res := in.undecided(StatusInfeasible, CodeInfeasible)
	if err := in.analyseInfeasible(res, act, &budget); err != nil {
		return nil, err
	}
	return res, nil
}

func (in *instance) undecided(st Status, code string) *Result {
	res := &Result{Version: FormatVersion, Status: st, Selected: []string{}, Waitlist: []string{}, Reasons: map[string]Reason{}}
	for c := range in.p.Candidates {
		r := Reason{Decision: DecisionUndecided, Code: code}
		if in.pinSide[c] == PinOut {
			r = Reason{Decision: DecisionExcluded, Code: CodePinnedOut, Detail: &Detail{Justification: in.p.Pins[in.pinOf[c]].Justification}}
		}
		res.Reasons[in.p.Candidates[c].ID] = r
	}
	return res
}

// optimize runs the three lexicographic phases under act.
func (in *instance) optimize(act activity, budget *int) (solution, solveStatus) {
	md := in.buildModel(act)
	if md.bad {
		return solution{}, sInfeasible
	}
	T := len(md.types)
	lb := make([]int32, T)
	ub := make([]int32, T)
	for t := range md.types {
		ub[t] = int32(len(md.types[t].cand))
	}
	// Phases 1 and 2. The count LP gives an exact upper bound K on the
	// number of selected candidates; for K, K-1, ... the highest total
	// score with exactly that many is searched (score-guided searches find
	// integer solutions much faster than the degenerate count objective).
	// The first K with a feasible selection is the largest count.
	// Full seats (the usual case) is tried first, without the count LP.
	if md.bad {
		return solution{}, sInfeasible
	}
	K, feasible := md.hi[0], true
	var r2 bbResult
	for first := true; K >= 0; first = false {
		md.lo[0], md.hi[0] = K, K
		r2 = solveBB(md, objScore, lb, ub, bbOpts{budget: budget, root: true})
		if r2.status == bbLimit {
			return solution{}, sLimit
		}
		if r2.found {
			break
		}
		if first {
			md.lo[0] = 0
			K, feasible = countBound(md, lb, ub)
			if !feasible {
				return solution{}, sInfeasible
			}
			K = min(K, md.hi[0]-1)
		} else {
			K--
		}
	}
	if K < 0 {
		return solution{}, sInfeasible
	}
	// Phase 3: the tie-break among the optimal selections.
	y, ok := in.tieBreak(md, lb, ub, r2.y, r2.val, r2.root, r2.snap, budget)
	if !ok {
		return solution{}, sLimit
	}
	sol := solution{sel: slices.Clone(md.fixedIn)}
	for t := range md.types {
		sol.sel = append(sol.sel, md.types[t].cand[:y[t]]...)
	}
	for _, c := range sol.sel {
		sol.score += int64(in.p.Candidates[c].Score)
	}
	return sol, sOptimal
}

// tieBreak returns, among the solutions of value S (with the phase 2 row
// bounds), the one whose sorted list of selected ids is lexicographically
// smallest. It decides the candidates in increasing id order: a candidate
// is taken if some optimal solution agrees with the decisions so far and
// takes it. Within a type the best-ranked candidates are always the ones
// taken, so "candidate at position p of type t is taken" is y_t >= p+1.
func (in *instance) tieBreak(md *model, lb0, ub0, y []int32, S int64, root *lagrangian, warm *lpSnap, budget *int) ([]int32, bool) {
	lb, ub := slices.Clone(lb0), slices.Clone(ub0)
	y = slices.Clone(y)
	candType := make([]int32, in.n)
	candPos := make([]int32, in.n)
	for i := range candType {
		candType[i] = -1
	}
	for t := range md.types {
		for p, c := range md.types[t].cand {
			candType[c], candPos[c] = int32(t), int32(p)
		}
	}
	for _, c := range in.byID {
		t := candType[c]
		if t < 0 {
			continue
		}
		p := candPos[c]
		if p < lb[t] || p >= ub[t] {
			continue
		}
		if y[t] > p {
			lb[t] = p + 1
			continue
		}
		if root != nil {
			// Exact reduced-cost test: forcing positions ..p of t in
			// lowers the root Lagrangian bound by an exactly known amount.
			tot := root.total.add(root.forceInDelta(md, objScore, int(t), lb0[t], ub0[t], p))
			if f, ok := tot.floorShift(dualShift); ok && f < S {
				ub[t] = p
				continue
			}
		}
		nlb := slices.Clone(lb)
		nlb[t] = p + 1
		r := solveBB(md, objScore, nlb, ub, bbOpts{budget: budget, stop: true, stopAt: S, warm: warm})
		if r.status == bbLimit {
			return nil, false
		}
		if r.found {
			y, lb = r.y, nlb
		} else {
			ub[t] = p
		}
	}
	return y, true
}

// countBound returns an exact upper bound on the number of selected free
// candidates (the floor of the exactly evaluated Lagrangian bound of the
// count LP), or false if the LP is proven infeasible.
func countBound(md *model, lb, ub []int32) (int64, bool) {
	if md.bad {
		return 0, false
	}
	lp := newLP(md, objCount)
	lp.coldStart(lb, ub)
	switch lp.run(20*(md.m+len(md.types)) + 1000) {
	case lpOptimal:
		if lg, ok := md.lagrange(objCount, lb, ub, lp.y); ok {
			if b, ok := lg.floor(); ok {
				return min(b, md.hi[0]), true
			}
		}
	case lpInfeasible:
		v := make([]float64, md.m)
		for i, x := range lp.ray {
			v[i] = -lp.raySgn * x
		}
		if md.farkas(lb, ub, v) {
			return 0, false
		}
	}
	return md.hi[0], true
}
