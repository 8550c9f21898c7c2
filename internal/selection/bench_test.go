package selection

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// genProblem generates a fair-sized instance deterministically: n
// candidates, 75 provinces of very unequal sizes, 4 sectors, 3 flags whose
// frequency depends on the sector and correlates with the score, so that
// picking greedily by score violates the quotas. seats = n/31 (161 for
// 5,000). tight makes every quota nearly binding: exact sector shares,
// province minimums covering 94% of the seats, a high women-led minimum
// and a low youth-led maximum.
func genProblem(n int, tight bool, seed uint64) *Problem {
	r := rand.New(rand.NewPCG(seed, 0x5e1ec7))
	sectors := []string{"handicraft", "agrifood", "services", "textile"}
	womenRate := []float64{0.65, 0.35, 0.25, 0.55}
	youthRate := []float64{0.20, 0.30, 0.45, 0.25}
	// Province weights: Zipf-like.
	const nProv = 75
	w := make([]float64, nProv)
	var tot float64
	for i := range w {
		w[i] = 1 / math.Pow(float64(i+1), 0.9)
		tot += w[i]
	}
	p := &Problem{Seats: n / 31}
	for i := 0; i < n; i++ {
		x := r.Float64() * tot
		prov := 0
		for prov < nProv-1 && x > w[prov] {
			x -= w[prov]
			prov++
		}
		s := r.IntN(4)
		score := 60 + 12*r.NormFloat64()
		c := Candidate{ID: fmt.Sprintf("C%06d", i), Attrs: map[string]string{"sector": sectors[s], "province": fmt.Sprintf("%d", 100+prov*3)}}
		if r.Float64() < womenRate[s] {
			c.Flags = append(c.Flags, "women_led")
			score -= 6
		}
		if r.Float64() < youthRate[s] {
			c.Flags = append(c.Flags, "youth_led")
			score += 5
		}
		if r.Float64() < 0.3 {
			c.Flags = append(c.Flags, "first_time")
			score -= 3
		}
		score = math.Max(0, math.Min(100, score))
		c.Score = Score(math.Round(score * 100))
		p.Candidates = append(p.Candidates, c)
	}
	S := p.Seats
	ip := func(v int) *int { return &v }
	if !tight {
		p.Quotas = []Quota{
			{Attr: "sector", Value: "handicraft", Min: ip(S * 30 / 100), Max: ip(S * 40 / 100)},
			{Attr: "sector", Value: "*", Min: ip(S * 15 / 100)},
			{Attr: "province", Value: "*", Min: ip(max(1, S/160)), Max: ip(max(2, S*4/160))},
			{Flag: "women_led", Min: ip(S * 45 / 100)},
			{Flag: "youth_led", Max: ip(S * 25 / 100)},
			{Flag: "first_time", Min: ip(S * 20 / 100)},
		}
	} else {
		per := S / 4
		pmin := S * 94 / 100 / nProv
		p.Quotas = []Quota{
			{Attr: "sector", Value: "*", Min: ip(per), Max: ip(per + 1)},
			{Attr: "province", Value: "*", Min: ip(pmin), Max: ip(pmin + 1 + pmin/4)},
			{Flag: "women_led", Min: ip(S * 55 / 100)},
			{Flag: "youth_led", Max: ip(S * 15 / 100)},
			{Flag: "first_time", Min: ip(S * 33 / 100)},
		}
	}
	return p
}

func benchSolve(b *testing.B, n int, tight bool) {
	p := genProblem(n, tight, 1)
	b.ResetTimer()
	var res *Result
	for i := 0; i < b.N; i++ {
		var err error
		res, err = Solve(p, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if res.Status != StatusOptimal {
		b.Fatalf("status %s", res.Status)
	}
	b.ReportMetric(float64(res.Count), "selected")
}

func BenchmarkSolve5000(b *testing.B)       { benchSolve(b, 5000, false) }
func BenchmarkSolve5000Tight(b *testing.B)  { benchSolve(b, 5000, true) }
func BenchmarkSolve50000(b *testing.B)      { benchSolve(b, 50000, false) }
func BenchmarkSolve50000Tight(b *testing.B) { benchSolve(b, 50000, true) }

// TestGreedyFails checks that the generated instances are not solved by
// picking candidates by score (skipping any that would exceed a maximum):
// greedy violates a minimum, so the benchmarks exercise the search.
func TestGreedyFails(t *testing.T) {
	for _, n := range []int{5000, 50000} {
		for _, tight := range []bool{false, true} {
			if testing.Short() && n > 5000 {
				continue
			}
			p := genProblem(n, tight, 1)
			in := newInstance(p)
			order := make([]int32, in.n)
			for i := range order {
				order[i] = int32(i)
			}
			slices.SortFunc(order, in.better)
			cnt := make([]int, len(in.groups))
			taken := 0
			for _, c := range order {
				if taken == p.Seats {
					break
				}
				ok := true
				for _, g := range in.candGroups[c] {
					if in.groups[g].hasMax && int64(cnt[g]+1) > in.groups[g].max {
						ok = false
					}
				}
				if !ok {
					continue
				}
				taken++
				for _, g := range in.candGroups[c] {
					cnt[g]++
				}
			}
			violated := 0
			for g := range in.groups {
				if int64(cnt[g]) < in.groups[g].min {
					violated++
				}
			}
			if violated == 0 {
				t.Errorf("n=%d tight=%v: greedy satisfies every minimum", n, tight)
			}
			t.Logf("n=%d tight=%v: greedy violates %d of %d group minimums", n, tight, violated, len(in.groups))
		}
	}
}
