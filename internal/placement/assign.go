package placement

import "math/rand/v2"

// Assign places the organisations of a problem on its stands (see the package comment). It
// refuses a faulty problem (see Validate) and otherwise always returns a result: what
// cannot be satisfied is in Unassigned and Violations, not an error. The result depends only
// on the problem's content and the options, not on the order of its lists.
func Assign(p *Problem, o Options) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	m := newModel(p)
	st, pools := m.construct()
	seed := o.Seed
	if seed == 0 {
		seed = DefaultSeed
	}
	iters := o.Iterations
	if iters <= 0 {
		iters = DefaultIterations
	}
	var best *state
	bestCost := 0
	for k := range max(o.Restarts, 1) {
		got, cost := m.anneal(st.clone(), pools, iters, seed+uint64(k))
		if best == nil || cost < bestCost {
			best, bestCost = got, cost
		}
	}
	return m.result(best, pools), nil
}

// Random is the baseline the benchmarks compare Assign with: the same organisations on the
// same pools, meeting the same needs as the construction, but at random otherwise (the
// construction's organisations shuffled among places offering the same facilities, so no
// sector blocks and no care for neighbours).
func Random(p *Problem, seed uint64) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	m := newModel(p)
	st, pools := m.construct()
	rng := rand.New(rand.NewPCG(seed, 0xbad5eed))
	for _, pl := range pools {
		byFac := map[uint8][]int32{}
		for _, s := range pl.slots {
			byFac[m.slotFac[s]] = append(byFac[m.slotFac[s]], s)
		}
		for _, fac := range sortedKeys(byFac, func(a, b uint8) int { return int(a) - int(b) }) {
			slots := byFac[fac]
			occ := make([]int32, len(slots))
			for i, s := range slots {
				occ[i] = st.occ[s]
			}
			rng.Shuffle(len(occ), func(i, j int) { occ[i], occ[j] = occ[j], occ[i] })
			for i, s := range slots {
				st.occ[s] = occ[i]
				if occ[i] >= 0 {
					st.where[occ[i]] = s
				}
			}
		}
	}
	return m.result(st, pools), nil
}
