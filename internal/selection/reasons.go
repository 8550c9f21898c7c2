package selection

import (
	"cmp"
	"fmt"
	"slices"
)

func (in *instance) groupRef(g int, kind string) *ConstraintRef {
	gr := &in.groups[g]
	q := gr.quota
	lim := int(gr.max)
	if kind == KindQuotaMin {
		lim = int(gr.min)
	}
	return &ConstraintRef{Kind: kind, Quota: &q, Attr: gr.attr, Value: gr.value, Flag: gr.flag, Limit: &lim}
}

func ptr[T any](v T) *T { return &v }

// withoutPinsIn tells which candidates the engine would select under act
// with its pins in dropped (pins out, quotas and seats kept): the
// counterfactual behind displaced_by_pin. It is nil, with sOptimal, when act
// enforces no pin in. Dropping constraints of a feasible problem leaves it
// feasible, so the status is sOptimal or, when the budget runs out, sLimit.
func (in *instance) withoutPinsIn(act activity, budget *int) ([]bool, solveStatus) {
	free := act.clone()
	pinsIn := false
	for i, pin := range in.p.Pins {
		if pin.Side == PinIn && act.pin[i] {
			free.pin[i], pinsIn = false, true
		}
	}
	if !pinsIn {
		return nil, sOptimal
	}
	sol, st := in.optimize(free, budget)
	if st != sOptimal {
		return nil, st
	}
	out := make([]bool, in.n)
	for _, c := range sol.sel {
		out[c] = true
	}
	return out, sOptimal
}

// explain builds the selected list, waitlist and reasons of a selection
// that is optimal under act. without is the selection without the pins in
// (withoutPinsIn), nil when act enforces none.
func (in *instance) explain(sol solution, act activity, without []bool) (sel, wait []string, reasons map[string]Reason, err error) {
	cands := in.p.Candidates
	selected := make([]bool, in.n)
	for _, c := range sol.sel {
		selected[c] = true
	}
	// Counts of selected candidates per group, and the lowest score of the
	// selected ones not pinned in (the "last selected"), per group and
	// overall: a pinned-in score is never given as a bar to reach.
	cnt := make([]int64, len(in.groups))
	freeCnt := make([]int64, len(in.groups))
	minSel := make([]Score, len(in.groups))
	for g := range in.groups {
		for _, c := range in.groups[g].members {
			if selected[c] {
				cnt[g]++
				if in.pinnedIn(int(c), act) {
					continue
				}
				if freeCnt[g] == 0 || cands[c].Score < minSel[g] {
					minSel[g] = cands[c].Score
				}
				freeCnt[g]++
			}
		}
	}
	count := len(sol.sel)
	var lowest *Score
	for _, c := range sol.sel {
		if !in.pinnedIn(int(c), act) && (lowest == nil || cands[c].Score < *lowest) {
			lowest = ptr(cands[c].Score)
		}
	}
	// The pinned-in candidates who took a place they would not have had
	// without the pins, best first: what a displaced candidate is told.
	var pinned []PinnedIn
	if without != nil {
		var ps []int32
		for _, c := range sol.sel {
			if in.pinnedIn(int(c), act) && !without[c] {
				ps = append(ps, c)
			}
		}
		slices.SortFunc(ps, in.better)
		for _, c := range ps {
			pinned = append(pinned, PinnedIn{ID: cands[c].ID, Score: cands[c].Score, Justification: in.p.Pins[in.pinOf[c]].Justification})
		}
	}
	sel = make([]string, 0, count)
	for _, c := range sol.sel {
		sel = append(sel, cands[c].ID)
	}
	slices.Sort(sel)
	wl := in.waitlist(selected, act)
	wait = make([]string, 0, len(wl))
	rank := make([]int, in.n)
	for i, c := range wl {
		wait = append(wait, cands[c].ID)
		rank[c] = i + 1
	}
	var bestWait Score
	if len(wl) > 0 {
		bestWait = cands[wl[0]].Score
	}

	// Classes of selected, unpinned candidates by group membership, with
	// their lowest score, sorted by that score: a waitlisted candidate's
	// cutoff is the lowest score of a class it can be swapped with.
	type class struct {
		groups []int32
		low    Score
	}
	classIdx := map[string]int{}
	var classes []class
	var kb []byte
	key := func(gs []int32) string {
		kb = kb[:0]
		for _, g := range gs {
			kb = append(kb, byte(g), byte(g>>8), byte(g>>16), byte(g>>24))
		}
		return string(kb)
	}
	for _, c := range sol.sel {
		if in.pinnedIn(int(c), act) {
			continue
		}
		k := key(in.candGroups[c])
		i, ok := classIdx[k]
		if !ok {
			i = len(classes)
			classIdx[k] = i
			classes = append(classes, class{groups: in.candGroups[c], low: cands[c].Score})
		}
		classes[i].low = min(classes[i].low, cands[c].Score)
	}
	slices.SortStableFunc(classes, func(a, b class) int {
		if a.low != b.low {
			return cmp.Compare(a.low, b.low)
		}
		return slices.Compare(a.groups, b.groups)
	})
	// swapOK: a selected candidate with groups out replaced by an
	// unselected one with groups inn keeps every active quota satisfied.
	swapOK := func(inn, out []int32) bool {
		i, j := 0, 0
		for i < len(inn) || j < len(out) {
			switch {
			case j == len(out) || (i < len(inn) && inn[i] < out[j]):
				g := inn[i]
				if act.max[g] && cnt[g]+1 > in.groups[g].max {
					return false
				}
				i++
			case i == len(inn) || out[j] < inn[i]:
				g := out[j]
				if act.min[g] && cnt[g]-1 < in.groups[g].min {
					return false
				}
				j++
			default:
				i++
				j++
			}
		}
		return true
	}
	cutoffCache := map[string]*Score{}
	cutoff := func(c int32) *Score {
		k := key(in.candGroups[c])
		if v, ok := cutoffCache[k]; ok {
			return v
		}
		var res *Score
		for _, cl := range classes {
			if swapOK(in.candGroups[c], cl.groups) {
				res = ptr(cl.low)
				break
			}
		}
		cutoffCache[k] = res
		return res
	}
	seatsFull := act.seats && count == in.p.Seats

	reasons = make(map[string]Reason, in.n)
	for c := 0; c < in.n; c++ {
		cd := &cands[c]
		switch {
		case in.pinnedOut(c, act):
			reasons[cd.ID] = Reason{Decision: DecisionExcluded, Code: CodePinnedOut, Detail: &Detail{Justification: in.p.Pins[in.pinOf[c]].Justification}}
		case selected[c] && in.pinnedIn(c, act):
			reasons[cd.ID] = Reason{Decision: DecisionSelected, Code: CodeSelectedPinned, Detail: &Detail{Score: ptr(cd.Score), Justification: in.p.Pins[in.pinOf[c]].Justification}}
		case selected[c]:
			r := Reason{Decision: DecisionSelected, Code: CodeSelected, Detail: &Detail{Score: ptr(cd.Score)}}
			if len(wl) > 0 && cd.Score < bestWait {
				for _, g := range in.candGroups[c] {
					if act.min[g] && cnt[g] == in.groups[g].min {
						r.Code = CodeSelectedQuotaMin
						r.Detail.Quota = in.groupRef(int(g), KindQuotaMin)
						r.Detail.Selected = ptr(int(cnt[g]))
						break
					}
				}
			}
			reasons[cd.ID] = r
		default:
			d := &Detail{Score: ptr(cd.Score), Rank: ptr(rank[c]), Cutoff: cutoff(int32(c))}
			if d.Cutoff != nil && *d.Cutoff < cd.Score {
				return nil, nil, nil, fmt.Errorf("%w: %s could replace a selected candidate scoring %s", ErrInternal, cd.ID, *d.Cutoff)
			}
			if without != nil && without[c] {
				// Selected without the pins in, not with them: displaced.
				// Some pinned-in candidate then is not selected without the
				// pins (else that selection would satisfy them and be chosen).
				if len(pinned) == 0 {
					return nil, nil, nil, fmt.Errorf("%w: %s displaced but no pin took a place", ErrInternal, cd.ID)
				}
				d.Pinned = slices.Clone(pinned)
				reasons[cd.ID] = Reason{Decision: DecisionWaitlisted, Code: CodeDisplacedByPin, Detail: d}
				continue
			}
			r := Reason{Decision: DecisionWaitlisted, Detail: d}
			for _, g := range in.candGroups[c] {
				if act.max[g] && cnt[g] >= in.groups[g].max {
					r.Code = CodeAttrMax
					if in.groups[g].flag != "" {
						r.Code = CodeFlagMax
					}
					d.Quota = in.groupRef(int(g), KindQuotaMax)
					d.Selected = ptr(int(cnt[g]))
					if freeCnt[g] > 0 {
						d.LastSelectedScore = ptr(minSel[g])
					}
					break
				}
			}
			if r.Code == "" {
				if !seatsFull {
					return nil, nil, nil, fmt.Errorf("%w: %s could be added", ErrInternal, cd.ID)
				}
				d.LastSelectedScore = lowest
				switch {
				case d.Cutoff == nil:
					r.Code = CodeHeldByQuotaMin
				case *d.Cutoff == cd.Score:
					r.Code = CodeTieBreak
				default:
					r.Code = CodeScoreBelowCutoff
				}
			}
			reasons[cd.ID] = r
		}
	}
	return sel, wait, reasons, nil
}

// fill completes an optimal result; without is as for explain.
func (in *instance) fill(res *Result, sol solution, act activity, without []bool) error {
	sel, wait, reasons, err := in.explain(sol, act, without)
	if err != nil {
		return err
	}
	res.Selected, res.Waitlist, res.Reasons = sel, wait, reasons
	res.Count = len(sel)
	res.TotalScore = Score(sol.score)
	return nil
}
