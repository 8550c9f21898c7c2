// Command placementbench measures the stand assignment on generated fairs (see package
// salon): a 700-organisation, 350-stand national salon and a 160-organisation regional
// fair. For each it prints the time and score of Assign with the default budget, the mean
// score of random assignments (same pools, same needs met, otherwise random), and the score
// of a much longer search (more iterations and restarts), so the quality gap is known.
//
//	go run ./bench/placementbench
//	go run ./bench/placementbench -long 20 -restarts 4 -random 20 -seeds 3
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"text/tabwriter"
	"time"

	"github.com/aswaq/aswaq/internal/placement"
	"github.com/aswaq/aswaq/internal/placement/salon"
)

func main() {
	long := flag.Int("long", 20, "the long search runs this many times the default iterations")
	restarts := flag.Int("restarts", 4, "restarts of the long search")
	random := flag.Int("random", 20, "random assignments to average")
	seeds := flag.Int("seeds", 3, "instances of each fair (organisations drawn with seeds 1..n)")
	flag.Parse()
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "fair\tseed\torgs\tstands\tplaced\tleft out\ttime\tscore\t(cat/prov/sector)\tside pairs same cat\tsplits\trandom mean\tlong score\tlong time\tgap\t")
	for _, sp := range []salon.Spec{salon.National, salon.Regional} {
		for seed := uint64(1); seed <= uint64(*seeds); seed++ {
			p, err := sp.Problem(seed)
			if err != nil {
				log.Fatal(err)
			}
			t0 := time.Now()
			res, err := placement.Assign(p, placement.Options{})
			if err != nil {
				log.Fatal(err)
			}
			took := time.Since(t0)
			var sum float64
			for k := range *random {
				r, _ := placement.Random(p, uint64(k+1))
				sum += float64(r.Score.Total)
			}
			t1 := time.Now()
			best, _ := placement.Assign(p, placement.Options{Iterations: *long * placement.DefaultIterations, Restarts: *restarts})
			longTook := time.Since(t1)
			s := res.Score
			gap := "0%"
			if best.Score.Total > 0 {
				gap = fmt.Sprintf("%+.1f%%", 100*float64(s.Total-best.Score.Total)/float64(best.Score.Total))
			}
			fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%v\t%d\t%d/%d/%d\t%d\t%d\t%.0f\t%d\t%v\t%s\t\n", sp.Name, seed, len(p.Orgs), len(p.Stands),
				len(res.Assigned), len(res.Unassigned), took.Round(time.Millisecond), s.Total, s.SameCategory, s.SameProvince, s.SectorBoundary,
				s.CategoryPairsSide, s.SectorSplits, sum/float64(*random), best.Score.Total, longTook.Round(time.Millisecond), gap)
		}
	}
	w.Flush()
}
