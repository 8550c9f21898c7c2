//go:build milp

// The comparisons with external MILP solvers are built only with -tags milp: they need
// Debian's coinor-cbc and glpk-utils and minutes of time, so the ordinary test run
// neither builds nor skips them.

package selection

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestCompareMILP times general-purpose MILP solvers (CBC, GLPK) on the
// benchmark instances and cross-checks their optima against Solve. It
// needs `cbc` and/or `glpsol` (Debian packages coinor-cbc, glpk-utils):
//
//	go test -tags milp -run TestCompareMILP -v ./internal/selection
//
// The external solvers get the same lexicographic objective in two solves:
// the largest count, then the highest score (in hundredths) with that
// count fixed. Both times are added up.
func TestCompareMILP(t *testing.T) {
	tmlim := 300
	if v := os.Getenv("ASWAQ_SELECT_MILP_TIMELIMIT"); v != "" {
		tmlim, _ = strconv.Atoi(v)
	}
	cases := []struct {
		name  string
		n     int
		tight bool
	}{{"5000", 5000, false}, {"5000Tight", 5000, true}, {"50000", 50000, false}, {"50000Tight", 50000, true}}
	dir := t.TempDir()
	for _, c := range cases {
		p := genProblem(c.n, c.tight, 1)
		t0 := time.Now()
		res, err := Solve(p, nil)
		ours := time.Since(t0)
		if err != nil || res.Status != StatusOptimal {
			t.Fatalf("%s: %v %v", c.name, err, res.Status)
		}
		t.Logf("%-10s aswaq: count=%d score=%s in %v", c.name, res.Count, res.TotalScore, ours.Round(time.Millisecond))
		for _, solver := range []string{"cbc", "glpsol"} {
			if _, err := exec.LookPath(solver); err != nil {
				t.Logf("%-10s %s: not installed", c.name, solver)
				continue
			}
			in := newInstance(p)
			f1 := filepath.Join(dir, c.name+"_count.lp")
			writeLP(t, in, f1, false, 0)
			v1, d1, ok1 := runMILP(t, solver, f1, dir, tmlim)
			if !ok1 {
				t.Logf("%-10s %s: count phase not solved to optimality in %v", c.name, solver, d1.Round(time.Millisecond))
				continue
			}
			f2 := filepath.Join(dir, c.name+"_score.lp")
			writeLP(t, in, f2, true, int(v1+0.5))
			v2, d2, ok2 := runMILP(t, solver, f2, dir, tmlim)
			status := "optimal"
			if !ok2 {
				status = "NOT optimal (time limit)"
			}
			t.Logf("%-10s %s: count=%.0f score=%.2f %s in %v (%v + %v)", c.name, solver, v1, v2/100, status,
				(d1 + d2).Round(time.Millisecond), d1.Round(time.Millisecond), d2.Round(time.Millisecond))
			if int(v1+0.5) != res.Count {
				t.Errorf("%s %s: count %v, aswaq %d", c.name, solver, v1, res.Count)
			}
			if ok2 && int64(v2+0.5) != int64(res.TotalScore) {
				t.Errorf("%s %s: score %v, aswaq %d", c.name, solver, v2, int64(res.TotalScore))
			}
		}
	}
}

// writeLP writes the problem in CPLEX LP format: binary x_i, seats, quota
// rows. With score, the objective is the score in hundredths and the count
// is fixed to k; otherwise the objective is the count.
func writeLP(t *testing.T, in *instance, path string, score bool, k int) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	sum := func(members []int32, coef func(int32) string) {
		for i, c := range members {
			if i%8 == 0 {
				w.WriteString("\n ")
			}
			fmt.Fprintf(w, " %s x%d", coef(c), c)
		}
	}
	all := make([]int32, in.n)
	for i := range all {
		all[i] = int32(i)
	}
	plus := func(int32) string { return "+" }
	w.WriteString("Maximize\n obj:")
	if score {
		sum(all, func(c int32) string {
			s := int64(in.p.Candidates[c].Score)
			if s < 0 {
				return fmt.Sprintf("- %d", -s)
			}
			return fmt.Sprintf("+ %d", s)
		})
	} else {
		sum(all, plus)
	}
	w.WriteString("\nSubject To\n seats:")
	sum(all, plus)
	if score {
		fmt.Fprintf(w, " = %d\n", k)
	} else {
		fmt.Fprintf(w, " <= %d\n", in.p.Seats)
	}
	for gi, g := range in.groups {
		if len(g.members) == 0 {
			if g.hasMin && g.min > 0 {
				// An empty group with a minimum: 0 >= min, infeasible.
				fmt.Fprintf(w, " g%d_min: 0 x0 >= %d\n", gi, g.min)
			}
			continue
		}
		if g.hasMin && g.min > 0 {
			fmt.Fprintf(w, " g%d_min:", gi)
			sum(g.members, plus)
			fmt.Fprintf(w, " >= %d\n", g.min)
		}
		if g.hasMax {
			fmt.Fprintf(w, " g%d_max:", gi)
			sum(g.members, plus)
			fmt.Fprintf(w, " <= %d\n", g.max)
		}
	}
	w.WriteString("Binary\n")
	for i := 0; i < in.n; i++ {
		fmt.Fprintf(w, " x%d\n", i)
	}
	w.WriteString("End\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

var (
	cbcObj  = regexp.MustCompile(`Objective value:\s+(-?[0-9.e+]+)`)
	glpkObj = regexp.MustCompile(`Objective:\s+obj = (-?[0-9.e+]+)`)
)

// runMILP runs one solver, returning the objective, the wall time and
// whether optimality was proven.
func runMILP(t *testing.T, solver, lp, dir string, tmlim int) (float64, time.Duration, bool) {
	var cmd *exec.Cmd
	out := lp + "." + solver + ".txt"
	if solver == "cbc" {
		cmd = exec.Command("cbc", lp, "sec", strconv.Itoa(tmlim), "threads", "1", "ratio", "0", "allow", "0", "solve")
	} else {
		cmd = exec.Command("glpsol", "--lp", lp, "--tmlim", strconv.Itoa(tmlim), "--mipgap", "0", "-o", out)
	}
	t0 := time.Now()
	b, err := cmd.CombinedOutput()
	d := time.Since(t0)
	if err != nil {
		t.Logf("%s: %v\n%s", solver, err, b)
		return 0, d, false
	}
	text := string(b)
	re := cbcObj
	optimal := strings.Contains(text, "Result - Optimal solution found")
	if solver == "glpsol" {
		ob, _ := os.ReadFile(out)
		text = string(ob)
		re = glpkObj
		optimal = strings.Contains(text, "INTEGER OPTIMAL")
	}
	m := re.FindStringSubmatch(text)
	if m == nil {
		t.Logf("%s: no objective in output:\n%s", solver, text[:min(len(text), 2000)])
		return 0, d, false
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v, d, optimal
}

// TestCrossCheckMILPRandom compares the optimal count and score of Solve
// with CBC on random problems of 30 to 400 candidates (beyond exhaustive
// search).
func TestCrossCheckMILPRandom(t *testing.T) {
	if _, err := exec.LookPath("cbc"); err != nil {
		t.Fatal("cbc is needed: apt-get install coinor-cbc")
	}
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(11, 12))
	var nOpt, nInf int
	for it := 0; it < 150; it++ {
		p := randProblem(r, 30+r.IntN(370))
		p.Pins = nil
		res, err := Solve(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		in := newInstance(p)
		f1 := filepath.Join(dir, "count.lp")
		writeLP(t, in, f1, false, 0)
		cmd := exec.Command("cbc", f1, "threads", "1", "ratio", "0", "allow", "0", "solve")
		out, _ := cmd.CombinedOutput()
		if strings.Contains(string(out), "infeasible") {
			nInf++
			if res.Status != StatusInfeasible {
				t.Fatalf("instance %d: cbc infeasible, aswaq %s", it, res.Status)
			}
			continue
		}
		v1, _, ok1 := runMILP(t, "cbc", f1, dir, 600)
		if !ok1 {
			t.Fatalf("instance %d: cbc failed", it)
		}
		f2 := filepath.Join(dir, "score.lp")
		writeLP(t, in, f2, true, int(v1+0.5))
		v2, _, ok2 := runMILP(t, "cbc", f2, dir, 600)
		if !ok2 {
			t.Fatalf("instance %d: cbc failed", it)
		}
		nOpt++
		if res.Status != StatusOptimal || res.Count != int(v1+0.5) || int64(res.TotalScore) != int64(math.Round(v2)) {
			b, _ := p.MarshalJSON()
			t.Fatalf("instance %d: aswaq %s %d %d, cbc %v %v\n%s", it, res.Status, res.Count, int64(res.TotalScore), v1, v2, b)
		}
	}
	t.Logf("%d optimal, %d infeasible, all agree with CBC", nOpt, nInf)
}
