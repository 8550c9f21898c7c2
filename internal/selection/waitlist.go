package selection

import "slices"

// waitlist returns the candidates that are neither selected nor pinned out
// (under act), best first: score descending, then id ascending.
//
// Guarantee (tested against exhaustive search): if a selected, unpinned
// candidate j withdraws, the first waitlisted candidate c such that
// selection - j + c satisfies every quota is the best one-for-one
// replacement: no other unselected candidate c' gives a selection
// - j + c' satisfying every quota with a higher score (or the same score
// and a smaller id). If no waitlisted candidate keeps every quota
// satisfied, no one-for-one replacement exists and the problem should be
// re-run without j (pin it out).
func (in *instance) waitlist(selected []bool, act activity) []int32 {
	var w []int32
	for c := 0; c < in.n; c++ {
		if selected[c] || in.pinnedOut(c, act) {
			continue
		}
		w = append(w, int32(c))
	}
	slices.SortFunc(w, func(a, b int32) int { return in.better(a, b) })
	return w
}

func (in *instance) pinnedOut(c int, act activity) bool {
	return in.pinOf[c] >= 0 && act.pin[in.pinOf[c]] && in.pinSide[c] == PinOut
}

func (in *instance) pinnedIn(c int, act activity) bool {
	return in.pinOf[c] >= 0 && act.pin[in.pinOf[c]] && in.pinSide[c] == PinIn
}
