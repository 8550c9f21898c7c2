package selection

import (
	"fmt"
	"math"
	"slices"
)

// Infeasibility analysis.
//
// Constraints are numbered in a fixed order: the seat limit, then for each
// expanded quota group (quota order, "*" values in byte order) its minimum
// (if > 0) and its maximum (if any), then the pins in order.
//
// Conflict: the deletion filter. Starting from all constraints, each one in
// turn is dropped for good if the rest is still infeasible. What remains is
// infeasible and irreducible (dropping any one of its constraints makes
// it feasible), every test being an exact feasibility search.
//
// Relaxed: the smallest number k of group minimums whose removal makes the
// problem feasible, found by implicit hitting sets: every infeasible set
// of constraints ("core") must lose one of its minimums, so only sets H of
// k minimums hitting every known core are tried, level k = 1, 2, ...; a set
// that is still infeasible yields a new core (by the deletion filter with
// H dropped), disjoint from H. A level ends when every hitting set of size
// k has been tried; the first level with a feasible H gives the answer.
// Among feasible sets of that size the best is the one whose optimal
// selection has the most candidates, then the highest score, then the
// smallest list of constraint numbers.

// The relaxation search is exact but bounded so that an infeasible
// problem is answered quickly: beyond these limits "relaxed" is omitted
// and "relaxed_note" says why.
const (
	maxRelaxLevel  = 3      // minimums relaxed at most
	maxRelaxTests  = 40     // relaxed problems optimized
	maxRelaxSets   = 2000   // hitting sets enumerated at once
	maxRelaxBudget = 50_000 // branch-and-bound nodes
)

type constraint struct {
	kind  string
	group int // quota kinds
	pin   int // pin kinds
}

func (in *instance) constraints(full activity) []constraint {
	cs := []constraint{{kind: KindSeats}}
	for g := range in.groups {
		if full.min[g] {
			cs = append(cs, constraint{kind: KindQuotaMin, group: g})
		}
		if full.max[g] {
			cs = append(cs, constraint{kind: KindQuotaMax, group: g})
		}
	}
	for i, pin := range in.p.Pins {
		k := KindPinIn
		if pin.Side == PinOut {
			k = KindPinOut
		}
		cs = append(cs, constraint{kind: k, pin: i})
	}
	return cs
}

func setActive(a *activity, c constraint, on bool) {
	switch c.kind {
	case KindSeats:
		a.seats = on
	case KindQuotaMin:
		a.min[c.group] = on
	case KindQuotaMax:
		a.max[c.group] = on
	default:
		a.pin[c.pin] = on
	}
}

func (in *instance) ref(c constraint) ConstraintRef {
	switch c.kind {
	case KindSeats:
		return ConstraintRef{Kind: KindSeats, Limit: ptr(in.p.Seats)}
	case KindQuotaMin, KindQuotaMax:
		return *in.groupRef(c.group, c.kind)
	}
	return ConstraintRef{Kind: c.kind, ID: in.p.Pins[c.pin].ID}
}

// feasibleUnder reports whether some selection satisfies act (second
// result false: search limit). When infeasibility is proven by the LP at
// the root, used lists the constraints whose rows carry the exact Farkas
// proof: they are infeasible together with the pins.
func (in *instance) feasibleUnder(act activity, budget *int) (feasible, ok bool, used []constraint) {
	md := in.buildModel(act)
	if md.bad {
		return false, true, nil
	}
	lb := make([]int32, len(md.types))
	ub := make([]int32, len(md.types))
	for t := range md.types {
		ub[t] = int32(len(md.types[t].cand))
	}
	// The score objective guides the search to integer points faster than
	// a zero objective; any solution will do.
	r := solveBB(md, objScore, lb, ub, bbOpts{budget: budget, stop: true, stopAt: math.MinInt64})
	if r.status == bbLimit {
		return false, false, nil
	}
	if r.found || r.ray == nil {
		return r.found, true, nil
	}
	for row, v := range r.ray {
		if v == 0 {
			continue
		}
		g := md.rowGroup[row]
		switch {
		case g < 0 && v > 0:
			used = append(used, constraint{kind: KindSeats})
		case g >= 0 && v > 0 && act.max[g]:
			used = append(used, constraint{kind: KindQuotaMax, group: g})
		case g >= 0 && v < 0 && act.min[g]:
			used = append(used, constraint{kind: KindQuotaMin, group: g})
		}
	}
	return false, true, used
}

// core returns an irreducible infeasible subset (indices into cs) of the
// constraints active in act, which must be infeasible. Whenever a test is
// proven infeasible by an LP certificate, the constraints the certificate
// does not use (pins aside) are dropped at once, after checking that the
// rest is still infeasible.
func (in *instance) core(cs []constraint, act activity, budget *int) ([]int, bool) {
	cur := act.clone()
	shrink := func(used []constraint) bool {
		if used == nil {
			return true
		}
		next := cur.clone()
		for _, c := range cs {
			if c.kind != KindPinIn && c.kind != KindPinOut && !slices.Contains(used, c) {
				setActive(&next, c, false)
			}
		}
		feas, ok, _ := in.feasibleUnder(next, budget)
		if !ok {
			return false
		}
		if !feas {
			cur = next
		}
		return true
	}
	_, ok, used := in.feasibleUnder(cur, budget)
	if !ok || !shrink(used) {
		return nil, false
	}
	var keep []int
	for i, c := range cs {
		if !isActive(cur, c) {
			continue
		}
		setActive(&cur, c, false)
		feas, ok, used := in.feasibleUnder(cur, budget)
		if !ok {
			return nil, false
		}
		if feas {
			setActive(&cur, c, true)
			keep = append(keep, i)
		} else if !shrink(used) {
			return nil, false
		}
	}
	return keep, true
}

// quickCore returns an infeasible (not necessarily irreducible) subset of
// the constraints active in act, which must be infeasible: the ones used
// by the root LP's Farkas proof plus the pins when there is one, else an
// irreducible core.
func (in *instance) quickCore(cs []constraint, act activity, budget *int) ([]int, bool) {
	_, ok, used := in.feasibleUnder(act, budget)
	if !ok {
		return nil, false
	}
	if used != nil {
		var co []int
		for i, c := range cs {
			if isActive(act, c) && (c.kind == KindPinIn || c.kind == KindPinOut || slices.Contains(used, c)) {
				co = append(co, i)
			}
		}
		return co, true
	}
	return in.core(cs, act, budget)
}

func isActive(a activity, c constraint) bool {
	switch c.kind {
	case KindSeats:
		return a.seats
	case KindQuotaMin:
		return a.min[c.group]
	case KindQuotaMax:
		return a.max[c.group]
	}
	return a.pin[c.pin]
}

func (in *instance) analyseInfeasible(res *Result, full activity, budget *int) error {
	cs := in.constraints(full)
	first, ok := in.core(cs, full, budget)
	if !ok {
		res.RelaxedNote = "search limit reached while analysing the conflict"
		return nil
	}
	for _, i := range first {
		res.Conflict = append(res.Conflict, in.ref(cs[i]))
	}
	cores := [][]int{first}
	rb := min(*budget, maxRelaxBudget)
	budget = &rb
	isMin := func(i int) bool { return cs[i].kind == KindQuotaMin }
	tested := map[string]bool{}
	type cand struct {
		h   []int
		sol solution
		act activity
	}
	var best *cand
	better := func(a *cand) bool {
		if best == nil {
			return true
		}
		if len(a.sol.sel) != len(best.sol.sel) {
			return len(a.sol.sel) > len(best.sol.sel)
		}
		if a.sol.score != best.sol.score {
			return a.sol.score > best.sol.score
		}
		return slices.Compare(a.h, best.h) < 0
	}
	tests := 0
	for k := 1; best == nil; k++ {
		if k > maxRelaxLevel {
			res.RelaxedNote = fmt.Sprintf("more than %d minimums would have to be relaxed", maxRelaxLevel)
			return nil
		}
		for {
			for _, co := range cores {
				if !slices.ContainsFunc(co, isMin) {
					res.RelaxedNote = "the conflict involves no minimum: relaxing minimums cannot restore feasibility"
					return nil
				}
			}
			// Enumerate hitting sets of size <= k of the known cores.
			var sets [][]int
			var rec func(h []int)
			rec = func(h []int) {
				if len(sets) > maxRelaxSets {
					return
				}
				for _, co := range cores {
					hit := false
					for _, i := range co {
						if slices.Contains(h, i) {
							hit = true
							break
						}
					}
					if !hit {
						if len(h) == k {
							return
						}
						for _, i := range co {
							if isMin(i) {
								rec(append(slices.Clone(h), i))
							}
						}
						return
					}
				}
				s := slices.Clone(h)
				slices.Sort(s)
				sets = append(sets, s)
			}
			rec(nil)
			if len(sets) > maxRelaxSets {
				res.RelaxedNote = fmt.Sprintf("relaxation search stopped: more than %d sets of %d minimums to try", maxRelaxSets, k)
				return nil
			}
			slices.SortFunc(sets, slices.Compare)
			sets = slices.CompactFunc(sets, slices.Equal)
			newCore := false
			for _, h := range sets {
				key := fmt.Sprint(h)
				if tested[key] {
					continue
				}
				tested[key] = true
				if tests++; tests > maxRelaxTests {
					res.RelaxedNote = fmt.Sprintf("relaxation search stopped after %d attempts", maxRelaxTests)
					return nil
				}
				act := full.clone()
				for _, i := range h {
					setActive(&act, cs[i], false)
				}
				sol, st := in.optimize(act, budget)
				switch st {
				case sLimit:
					res.RelaxedNote = "search limit reached while relaxing minimums"
					return nil
				case sOptimal:
					c := &cand{h: h, sol: sol, act: act}
					if better(c) {
						best = c
					}
					continue
				}
				co, ok := in.quickCore(cs, act, budget)
				if !ok {
					res.RelaxedNote = "search limit reached while relaxing minimums"
					return nil
				}
				cores = append(cores, co)
				newCore = true
				break
			}
			if !newCore {
				break
			}
		}
	}
	rel := &Relaxed{RelaxedMinimums: []ConstraintRef{}}
	for _, i := range best.h {
		rel.RelaxedMinimums = append(rel.RelaxedMinimums, in.ref(cs[i]))
	}
	without, st := in.withoutPinsIn(best.act, budget)
	switch st {
	case sLimit:
		res.RelaxedNote = "search limit reached while comparing with the selection without the pins in"
		return nil
	case sInfeasible:
		return fmt.Errorf("%w: relaxed problem infeasible without the pins in", ErrInternal)
	}
	sel, wait, reasons, err := in.explain(best.sol, best.act, without)
	if err != nil {
		return err
	}
	rel.Selected, rel.Waitlist, rel.Reasons = sel, wait, reasons
	rel.Count = len(sel)
	rel.TotalScore = Score(best.sol.score)
	res.Relaxed = rel
	return nil
}
