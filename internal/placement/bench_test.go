package placement_test

import (
	"testing"

	"github.com/aswaq/aswaq/internal/placement"
	"github.com/aswaq/aswaq/internal/placement/salon"
)

// On the generated regional fair, the assignment is far better than random ones, meets every
// need the plan can meet, and keeps each sector in one piece (or nearly).
func TestRegionalQuality(t *testing.T) {
	p, err := salon.Regional.Problem(1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := placement.Assign(p, placement.Options{Iterations: 1000})
	if err != nil {
		t.Fatal(err)
	}
	rnd, _ := placement.Random(p, 1)
	if len(res.Assigned) != 160 || len(res.Unassigned) != 0 {
		t.Fatalf("%d assigned, %d not", len(res.Assigned), len(res.Unassigned))
	}
	if res.Score.Needs > rnd.Score.Needs || 3*res.Score.Total > rnd.Score.Total || res.Score.SectorSplits > 4 {
		t.Errorf("score %+v, random %+v", res.Score, rnd.Score)
	}
}

// go test -bench Assign -run ^$ ./internal/placement/
func BenchmarkAssignNational(b *testing.B) { benchmarkAssign(b, salon.National) }
func BenchmarkAssignRegional(b *testing.B) { benchmarkAssign(b, salon.Regional) }

func benchmarkAssign(b *testing.B, sp salon.Spec) {
	p, err := sp.Problem(1)
	if err != nil {
		b.Fatal(err)
	}
	var res placement.Result
	for b.Loop() {
		res, _ = placement.Assign(p, placement.Options{})
	}
	b.ReportMetric(float64(res.Score.Total), "score")
	b.ReportMetric(float64(len(res.Assigned)), "placed")
}
