package selection

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// groupOf maps a quota reference to the brute-force group index.
func (b *bprob) groupOf(ref ConstraintRef) int {
	for gi, g := range b.groups {
		if ref.Quota != nil && g.quota == *ref.Quota && g.value == ref.Value {
			return gi
		}
	}
	return -1
}

// activityOf activates exactly the constraints in refs.
func (b *bprob) activityOf(t *testing.T, refs []ConstraintRef) bact {
	a := bact{min: make([]bool, len(b.groups)), max: make([]bool, len(b.groups)), pin: make([]bool, len(b.p.Pins))}
	for _, r := range refs {
		switch r.Kind {
		case KindSeats:
			a.seats = true
		case KindQuotaMin:
			a.min[b.groupOf(r)] = true
		case KindQuotaMax:
			a.max[b.groupOf(r)] = true
		case KindPinIn, KindPinOut:
			i := slices.IndexFunc(b.p.Pins, func(p Pin) bool { return p.ID == r.ID })
			a.pin[i] = true
		default:
			t.Fatalf("bad ref %+v", r)
		}
	}
	return a
}

func setBact(a *bact, r ConstraintRef, b *bprob, on bool) {
	switch r.Kind {
	case KindSeats:
		a.seats = on
	case KindQuotaMin:
		a.min[b.groupOf(r)] = on
	case KindQuotaMax:
		a.max[b.groupOf(r)] = on
	default:
		i := slices.IndexFunc(b.p.Pins, func(p Pin) bool { return p.ID == r.ID })
		a.pin[i] = on
	}
}

// checkSelection verifies selected/waitlist/reasons against brute force.
func checkSelection(t *testing.T, b *bprob, a bact, S uint32, waitlist []string, reasons map[string]Reason) {
	t.Helper()
	if !b.ok(S, a) {
		t.Fatalf("selection violates a constraint")
	}
	cands := b.p.Candidates
	if len(reasons) != b.n {
		t.Fatalf("%d reasons for %d candidates", len(reasons), b.n)
	}
	pinnedOut := func(i int) bool {
		pi, ok := b.pinIdx[i]
		return ok && a.pin[pi] && b.pinOut&(1<<i) != 0
	}
	pinnedIn := func(i int) bool {
		pi, ok := b.pinIdx[i]
		return ok && a.pin[pi] && b.pinIn&(1<<i) != 0
	}
	// Waitlist: all unselected, not pinned out, by score desc then id.
	var want []int
	for i := 0; i < b.n; i++ {
		if S&(1<<i) == 0 && !pinnedOut(i) {
			want = append(want, i)
		}
	}
	slices.SortFunc(want, func(x, y int) int {
		if cands[x].Score != cands[y].Score {
			return int(cands[y].Score - cands[x].Score)
		}
		if cands[x].ID < cands[y].ID {
			return -1
		}
		return 1
	})
	if len(want) != len(waitlist) {
		t.Fatalf("waitlist %v, want %d entries", waitlist, len(want))
	}
	for k, i := range want {
		if waitlist[k] != cands[i].ID {
			t.Fatalf("waitlist %v: position %d want %s", waitlist, k, cands[i].ID)
		}
	}
	// Refill property, by brute force over all unselected candidates.
	for j := 0; j < b.n; j++ {
		if S&(1<<j) == 0 || pinnedIn(j) {
			continue
		}
		first := -1
		for _, id := range waitlist {
			c := slices.IndexFunc(cands, func(x Candidate) bool { return x.ID == id })
			if b.ok(S&^(1<<j)|1<<c, a) {
				first = c
				break
			}
		}
		bestC := -1
		for c := 0; c < b.n; c++ {
			if S&(1<<c) != 0 || !b.ok(S&^(1<<j)|1<<c, a) {
				continue
			}
			if bestC < 0 || cands[c].Score > cands[bestC].Score || (cands[c].Score == cands[bestC].Score && cands[c].ID < cands[bestC].ID) {
				bestC = c
			}
		}
		if first != bestC {
			t.Fatalf("refill for %s: waitlist gives %d, best is %d", cands[j].ID, first, bestC)
		}
	}
	// The selection without the pins in (the rest kept): a waitlisted
	// candidate in it was displaced by the pinned-in candidates selected
	// here but not there.
	a0 := bact{seats: a.seats, min: a.min, max: a.max, pin: slices.Clone(a.pin)}
	for i := 0; i < b.n; i++ {
		if pinnedIn(i) {
			a0.pin[b.pinIdx[i]] = false
		}
	}
	S0, ok := b.best(a0)
	if !ok {
		t.Fatalf("infeasible without the pins in")
	}
	var displacing []PinnedIn
	for _, i := range rankOrder(b, S&^S0) {
		if pinnedIn(i) {
			displacing = append(displacing, PinnedIn{ID: cands[i].ID, Score: cands[i].Score, Justification: b.p.Pins[b.pinIdx[i]].Justification})
		}
	}
	// lastFree is the lowest score among the selected candidates of mask
	// not pinned in, nil if none.
	lastFree := func(mask uint32) *Score {
		var low *Score
		for j := 0; j < b.n; j++ {
			if S&mask&(1<<j) != 0 && !pinnedIn(j) && (low == nil || cands[j].Score < *low) {
				low = ptr(cands[j].Score)
			}
		}
		return low
	}
	sameScore := func(x, y *Score) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	// Reasons.
	cnt := func(g int, T uint32) int { return bits.OnesCount32(T & b.groups[g].mask) }
	var bestWait Score = -1 << 62
	for _, i := range want {
		bestWait = max(bestWait, cands[i].Score)
	}
	for i := 0; i < b.n; i++ {
		r, ok := reasons[cands[i].ID]
		if !ok {
			t.Fatalf("no reason for %s", cands[i].ID)
		}
		sel := S&(1<<i) != 0
		if sel != (r.Decision == DecisionSelected) {
			t.Fatalf("%s: decision %s, selected=%v", cands[i].ID, r.Decision, sel)
		}
		swapCut := func() *Score {
			var cut *Score
			for j := 0; j < b.n; j++ {
				if S&(1<<j) != 0 && !pinnedIn(j) && b.ok(S&^(1<<j)|1<<i, a) {
					if cut == nil || cands[j].Score < *cut {
						cut = ptr(cands[j].Score)
					}
				}
			}
			return cut
		}
		switch r.Code {
		case CodeSelected, CodeSelectedPinned:
			if r.Code == CodeSelectedPinned != pinnedIn(i) {
				t.Fatalf("%s: %s but pinned=%v", cands[i].ID, r.Code, pinnedIn(i))
			}
		case CodeSelectedQuotaMin:
			g := b.groupOf(*r.Detail.Quota)
			if !a.min[g] || cnt(g, S) != b.groups[g].min || b.groups[g].mask&(1<<i) == 0 || !(cands[i].Score < bestWait) {
				t.Fatalf("%s: false %s", cands[i].ID, r.Code)
			}
		case CodePinnedOut:
			if !pinnedOut(i) {
				t.Fatalf("%s: not pinned out", cands[i].ID)
			}
		case CodeAttrMax, CodeFlagMax, CodeScoreBelowCutoff, CodeTieBreak, CodeHeldByQuotaMin, CodeDisplacedByPin:
			if r.Decision != DecisionWaitlisted {
				t.Fatalf("%s: %s with decision %s", cands[i].ID, r.Code, r.Decision)
			}
			if displaced := S0&(1<<i) != 0; displaced != (r.Code == CodeDisplacedByPin) {
				t.Fatalf("%s: %s, but selected without the pins in: %v", cands[i].ID, r.Code, displaced)
			}
			cut := swapCut()
			if (cut == nil) != (r.Detail.Cutoff == nil) || (cut != nil && *cut != *r.Detail.Cutoff) {
				t.Fatalf("%s: cutoff %v, want %v", cands[i].ID, r.Detail.Cutoff, cut)
			}
			if cut != nil && *cut < cands[i].Score {
				t.Fatalf("%s: a swap would improve", cands[i].ID)
			}
			// Adding the candidate is never possible.
			if b.ok(S|1<<i, a) {
				t.Fatalf("%s could be added", cands[i].ID)
			}
			switch r.Code {
			case CodeDisplacedByPin:
				if len(displacing) == 0 || !slices.Equal(r.Detail.Pinned, displacing) || r.Detail.LastSelectedScore != nil {
					t.Fatalf("%s: displaced by %+v, want %+v", cands[i].ID, r.Detail.Pinned, displacing)
				}
			case CodeAttrMax, CodeFlagMax:
				g := b.groupOf(*r.Detail.Quota)
				if !a.max[g] || cnt(g, S) != b.groups[g].max || b.groups[g].mask&(1<<i) == 0 {
					t.Fatalf("%s: false %s", cands[i].ID, r.Code)
				}
				if want := lastFree(b.groups[g].mask); !sameScore(r.Detail.LastSelectedScore, want) {
					t.Fatalf("%s: last selected %v, want %v", cands[i].ID, r.Detail.LastSelectedScore, want)
				}
			default:
				if want := lastFree(^uint32(0)); !sameScore(r.Detail.LastSelectedScore, want) {
					t.Fatalf("%s: last selected %v, want %v", cands[i].ID, r.Detail.LastSelectedScore, want)
				}
				if !a.seats || bits.OnesCount32(S) != b.p.Seats {
					t.Fatalf("%s: %s but seats not full", cands[i].ID, r.Code)
				}
				switch r.Code {
				case CodeHeldByQuotaMin:
					if cut != nil {
						t.Fatalf("%s: held but swappable", cands[i].ID)
					}
				case CodeTieBreak:
					if *cut != cands[i].Score {
						t.Fatalf("%s: tie_break without a tie", cands[i].ID)
					}
				case CodeScoreBelowCutoff:
					if !(*cut > cands[i].Score) {
						t.Fatalf("%s: score not below cutoff", cands[i].ID)
					}
				}
			}
		default:
			t.Fatalf("%s: unexpected code %s", cands[i].ID, r.Code)
		}
	}
}

// rankOrder lists the candidates of mask by score descending, then id.
func rankOrder(b *bprob, mask uint32) []int {
	var out []int
	for i := 0; i < b.n; i++ {
		if mask&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	cands := b.p.Candidates
	slices.SortFunc(out, func(x, y int) int {
		if cands[x].Score != cands[y].Score {
			return int(cands[y].Score - cands[x].Score)
		}
		return strings.Compare(cands[x].ID, cands[y].ID)
	})
	return out
}

func TestPropertyAgainstBruteForce(t *testing.T) {
	// ASWAQ_SELECT_PROPERTY_N=n and ASWAQ_SELECT_PROPERTY_SEED=s run more
	// (or other) instances; the default is fixed.
	N, seed := 600, uint64(1)
	if v, err := strconv.Atoi(os.Getenv("ASWAQ_SELECT_PROPERTY_N")); err == nil {
		N = v
	}
	if v, err := strconv.Atoi(os.Getenv("ASWAQ_SELECT_PROPERTY_SEED")); err == nil {
		seed = uint64(v)
	}
	r := rand.New(rand.NewPCG(seed, 2))
	var nOpt, nInf, nRelaxed, nBeyond int
	for it := 0; it < N; it++ {
		maxN := 12
		if it%5 == 0 {
			maxN = 20
		}
		p := randProblem(r, maxN)
		b := newBrute(p)
		res, err := Solve(p, nil)
		if err != nil {
			t.Fatalf("instance %d: %v", it, err)
		}
		full := b.full()
		S, feas := b.best(full)
		fail := func(format string, args ...any) {
			t.Helper()
			js, _ := p.MarshalJSON()
			var out bytes.Buffer
			Encode(&out, res)
			t.Fatalf("instance %d: "+format+"\nproblem: %s\nresult: %s", append(append([]any{it}, args...), js, out.String())...)
		}
		if !feas {
			nInf++
			if res.Status != StatusInfeasible {
				fail("status %s, want infeasible", res.Status)
			}
			// The conflict is infeasible and irreducible.
			ca := b.activityOf(t, res.Conflict)
			if b.feasible(ca) {
				fail("conflict is feasible")
			}
			for _, ref := range res.Conflict {
				a := b.activityOf(t, res.Conflict)
				setBact(&a, ref, b, false)
				if !b.feasible(a) {
					fail("conflict is reducible (%+v)", ref)
				}
			}
			// Relaxed: fewest minimums, then best selection.
			var mins []int
			for g := range b.groups {
				if full.min[g] {
					mins = append(mins, g)
				}
			}
			bestK := -1
			var bestSet []int
			var bestS uint32
			for k := 1; k <= len(mins) && bestK < 0; k++ {
				for m := uint32(0); m < 1<<len(mins); m++ {
					if bits.OnesCount32(m) != k {
						continue
					}
					a := b.full()
					var set []int
					for x, g := range mins {
						if m&(1<<x) != 0 {
							a.min[g] = false
							set = append(set, g)
						}
					}
					T, ok := b.best(a)
					if !ok {
						continue
					}
					better := bestK < 0
					if !better {
						c1, c2 := bits.OnesCount32(T), bits.OnesCount32(bestS)
						s1, s2 := b.sum(T), b.sum(bestS)
						better = c1 > c2 || (c1 == c2 && (s1 > s2 || (s1 == s2 && slices.Compare(set, bestSet) < 0)))
					}
					if better {
						bestK, bestSet, bestS = k, set, T
					}
				}
			}
			if bestK < 0 {
				if res.Relaxed != nil {
					fail("relaxed given but no relaxation is feasible")
				}
				continue
			}
			if res.Relaxed == nil {
				// Allowed only beyond the documented limits of the search.
				if bestK <= maxRelaxLevel && !strings.Contains(res.RelaxedNote, "stopped") {
					fail("no relaxed selection (%s), want one relaxing %v", res.RelaxedNote, bestSet)
				}
				nBeyond++
				continue
			}
			nRelaxed++
			var got []int
			for _, ref := range res.Relaxed.RelaxedMinimums {
				got = append(got, b.groupOf(ref))
			}
			if !slices.Equal(got, bestSet) {
				fail("relaxed minimums %v, want %v", got, bestSet)
			}
			if !slices.Equal(res.Relaxed.Selected, b.ids(bestS)) {
				fail("relaxed selection %v, want %v", res.Relaxed.Selected, b.ids(bestS))
			}
			a := b.full()
			for _, g := range bestSet {
				a.min[g] = false
			}
			checkSelection(t, b, a, bestS, res.Relaxed.Waitlist, res.Relaxed.Reasons)
			continue
		}
		nOpt++
		if res.Status != StatusOptimal {
			fail("status %s, want optimal", res.Status)
		}
		want := b.ids(S)
		if want == nil {
			want = []string{}
		}
		if !slices.Equal(res.Selected, want) {
			fail("selected %v (score %s), want %v (score %s)", res.Selected, res.TotalScore, want, Score(b.sum(S)))
		}
		if res.Count != len(want) || int64(res.TotalScore) != b.sum(S) {
			fail("count/score %d %s", res.Count, res.TotalScore)
		}
		checkSelection(t, b, full, S, res.Waitlist, res.Reasons)
		// Determinism: candidate order does not matter.
		if it%3 == 0 {
			q := *p
			q.Candidates = slices.Clone(p.Candidates)
			r.Shuffle(len(q.Candidates), func(i, j int) { q.Candidates[i], q.Candidates[j] = q.Candidates[j], q.Candidates[i] })
			res2, err := Solve(&q, nil)
			if err != nil {
				t.Fatal(err)
			}
			var b1, b2 bytes.Buffer
			Encode(&b1, res)
			Encode(&b2, res2)
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				fail("output depends on candidate order")
			}
		}
	}
	t.Logf("%d optimal, %d infeasible (%d with a relaxed selection, %d beyond the relaxation limits)", nOpt, nInf, nRelaxed, nBeyond)
}
