package selection

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.result.json")

// TestGolden: testdata/NAME.problem.json gives testdata/NAME.result.json
// (decode, solve, encode). These pairs document the contract; regenerate
// with `go test -run TestGolden -update` and review the diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.problem.json")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".problem.json")
		t.Run(name, func(t *testing.T) {
			in, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			p, err := Decode(in)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Solve(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := Encode(&out, res); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".result.json")
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("result differs from %s:\n%s", golden, out.String())
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	cand := `{"id":"a","score":1}`
	cases := []struct{ name, in, want string }{
		{"bad json", `{"seats": 1,`, "malformed JSON"},
		{"bad json token", `{"seats": 1 "x"}`, "malformed JSON at line 1"},
		{"empty", ``, "malformed JSON: unexpected end of input"},
		{"not an object", `[1]`, "the problem must not be a JSON array"},
		{"unknown field", `{"seats":1,"foo":2}`, `unknown field "foo"`},
		{"unknown candidate field", `{"seats":1,"candidates":[{"id":"a","score":1,"name":"x"}]}`, `unknown field "name"`},
		{"unknown quota field", `{"seats":1,"quotas":[{"flag":"w","min":1,"minimum":2}]}`, `unknown field "minimum"`},
		{"duplicate key", `{"seats":1,"seats":2}`, `duplicate key "seats" at line 1`},
		{"duplicate nested key", `{"seats":1,"candidates":[{"id":"a","id":"b","score":1}]}`, `duplicate key "id"`},
		{"trailing data", `{"seats":1} {"seats":2}`, "unexpected data after the problem object"},
		{"missing seats", `{"candidates":[]}`, `missing "seats"`},
		{"negative seats", `{"seats":-1}`, "seats must be >= 0, got -1"},
		{"fractional seats", `{"seats":1.5}`, "seats must not be a JSON number 1.5"},
		{"string seats", `{"seats":"3"}`, "seats must not be a JSON string"},
		{"three decimals", `{"seats":1,"candidates":[{"id":"a","score":71.255}]}`, `candidate 0 (id "a"): score 71.255 has more than two decimals`},
		{"tiny exponent", `{"seats":1,"candidates":[{"id":"a","score":1e-3}]}`, "score 1e-3 has more than two decimals"},
		{"string score", `{"seats":1,"candidates":[{"id":"a","score":"71.25"}]}`, `score "71.25" is not a JSON number`},
		{"missing score", `{"seats":1,"candidates":[{"id":"a"}]}`, `candidate 0 (id "a"): missing "score"`},
		{"huge score", `{"seats":1,"candidates":[{"id":"a","score":1e7}]}`, "score 1e7 is out of range"},
		{"huge exponent", `{"seats":1,"candidates":[{"id":"a","score":1e999999999}]}`, "out of range"},
		{"empty id", `{"seats":1,"candidates":[{"id":"","score":1}]}`, "candidate 0: empty id"},
		{"duplicate ids", `{"seats":1,"candidates":[` + cand + `,` + cand + `]}`, `duplicate candidate id "a" (candidates 0 and 1)`},
		{"star attribute value", `{"seats":1,"candidates":[{"id":"a","score":1,"attrs":{"sector":"*"}}]}`, `attribute "sector" has invalid value "*"`},
		{"duplicate flag", `{"seats":1,"candidates":[{"id":"a","score":1,"flags":["w","w"]}]}`, `duplicate flag "w"`},
		{"min > max", `{"seats":1,"quotas":[{"attr":"sector","value":"x","min":3,"max":2}]}`, "quota 0: min 3 > max 2"},
		{"negative min", `{"seats":1,"quotas":[{"flag":"w","min":-1}]}`, "quota 0: min must be >= 0, got -1"},
		{"no bounds", `{"seats":1,"quotas":[{"flag":"w"}]}`, "quota 0: needs a min, a max or both"},
		{"flag and attr", `{"seats":1,"quotas":[{"flag":"w","attr":"sector","value":"x","min":1}]}`, "quota 0: names both a flag and an attribute"},
		{"neither", `{"seats":1,"quotas":[{"min":1}]}`, "quota 0: must name either an attribute and a value, or a flag"},
		{"attr without value", `{"seats":1,"quotas":[{"attr":"sector","min":1}]}`, `quota 0: attribute "sector" without a value`},
		{"pin unknown", `{"seats":1,"candidates":[` + cand + `],"pins":[{"id":"b","pin":"in","justification":"j"}]}`, `pin 0: unknown candidate id "b"`},
		{"pin side", `{"seats":1,"candidates":[` + cand + `],"pins":[{"id":"a","pin":"maybe","justification":"j"}]}`, `pin must be "in" or "out"`},
		{"pin justification", `{"seats":1,"candidates":[` + cand + `],"pins":[{"id":"a","pin":"in"}]}`, "a written justification is required"},
		{"pin twice", `{"seats":1,"candidates":[` + cand + `],"pins":[{"id":"a","pin":"in","justification":"j"},{"id":"a","pin":"out","justification":"j"}]}`, "already pinned by pin 0"},
		{"version", `{"version":2,"seats":1}`, "unsupported version 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Decode(strings.NewReader(c.in))
			if err == nil {
				t.Fatalf("no error, got %+v", p)
			}
			if p != nil {
				t.Errorf("partial problem returned")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

func TestDecodeValid(t *testing.T) {
	in := `{"version":1,"seats":2,"candidates":[
	  {"id":"a","score":71.250,"attrs":{"sector":"x"},"flags":["w"]},
	  {"id":"b","score":7125e-2},{"id":"c","score":-0.5},{"id":"d","score":1E2},{"id":"e","score":0.001e1},{"id":"f","score":0}],
	  "quotas":[{"attr":"sector","value":"*","min":0,"max":1},{"flag":"w","min":1}],
	  "pins":[{"id":"f","pin":"out","justification":"late"}]}`
	p, err := Decode(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []Score
	for _, c := range p.Candidates {
		got = append(got, c.Score)
	}
	if want := []Score{7125, 7125, -50, 10000, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("scores %v, want %v", got, want)
	}
	if len(p.Quotas) != 2 || *p.Quotas[0].Max != 1 || p.Quotas[1].Max != nil || p.Pins[0].Side != PinOut {
		t.Errorf("bad decode: %+v", p)
	}
	// Round trip through MarshalJSON.
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	q, err := Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	r1, _ := Solve(p, nil)
	r2, _ := Solve(q, nil)
	var o1, o2 bytes.Buffer
	Encode(&o1, r1)
	Encode(&o2, r2)
	if !bytes.Equal(o1.Bytes(), o2.Bytes()) {
		t.Errorf("round trip changed the result")
	}
}

func TestScoreFormat(t *testing.T) {
	for s, want := range map[Score]string{0: "0.00", 5: "0.05", -50: "-0.50", 7125: "71.25", 1234567: "12345.67", -100: "-1.00", MaxAbsScore: "1000000.00"} {
		if got := s.String(); got != want {
			t.Errorf("%d: %q, want %q", int64(s), got, want)
		}
		back, err := ParseScore(s.String())
		if err != nil || back != s {
			t.Errorf("%d: parse back %v %v", int64(s), back, err)
		}
	}
}

func TestSolveRejectsInvalid(t *testing.T) {
	mn, mx := 3, 1
	_, err := Solve(&Problem{Seats: 1, Quotas: []Quota{{Flag: "w", Min: &mn, Max: &mx}}}, nil)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("got %v", err)
	}
}

// TestDeterminism: the generated 5,000-candidate instance gives the same
// bytes whatever the order of candidates and repeated runs.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the 5,000-candidate instance several times")
	}
	for _, tight := range []bool{false, true} {
		p := genProblem(5000, tight, 7)
		r1, err := Solve(p, nil)
		if err != nil || r1.Status != StatusOptimal {
			t.Fatal(err, r1.Status)
		}
		q := *p
		q.Candidates = slices.Clone(p.Candidates)
		slices.Reverse(q.Candidates)
		r2, err := Solve(&q, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b1, b2 bytes.Buffer
		Encode(&b1, r1)
		Encode(&b2, r2)
		if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
			t.Fatal("output depends on candidate order")
		}
	}
}

func TestEdgeCases(t *testing.T) {
	one := 1
	zero := 0
	cases := []struct {
		name   string
		p      Problem
		status Status
		count  int
	}{
		{"empty", Problem{Seats: 3}, StatusOptimal, 0},
		{"no seats", Problem{Seats: 0, Candidates: []Candidate{{ID: "a", Score: 5}}}, StatusOptimal, 0},
		{"min with no seats", Problem{Seats: 0, Candidates: []Candidate{{ID: "a", Score: 5, Flags: []string{"w"}}}, Quotas: []Quota{{Flag: "w", Min: &one}}}, StatusInfeasible, 0},
		{"min on absent value", Problem{Seats: 2, Candidates: []Candidate{{ID: "a", Score: 5}}, Quotas: []Quota{{Attr: "sector", Value: "x", Min: &one}}}, StatusInfeasible, 0},
		{"max zero", Problem{Seats: 2, Candidates: []Candidate{{ID: "a", Score: 5, Flags: []string{"w"}}, {ID: "b", Score: -5}}, Quotas: []Quota{{Flag: "w", Max: &zero}}}, StatusOptimal, 1},
		{"negative scores fill seats", Problem{Seats: 2, Candidates: []Candidate{{ID: "a", Score: -5}, {ID: "b", Score: -7}, {ID: "c", Score: -6}}}, StatusOptimal, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Solve(&c.p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != c.status || res.Count != c.count {
				t.Fatalf("status %s count %d", res.Status, res.Count)
			}
			if len(res.Reasons) != len(c.p.Candidates) {
				t.Fatalf("reasons %v", res.Reasons)
			}
		})
	}
}

// TestNodeLimit: a tiny budget gives status limit, never a false claim.
func TestNodeLimit(t *testing.T) {
	p := genProblem(2000, true, 3)
	res, err := Solve(p, &Options{NodeLimit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusLimit && res.Status != StatusOptimal {
		t.Fatalf("status %s", res.Status)
	}
	if res.Status == StatusLimit && (len(res.Selected) != 0 || res.Reasons[p.Candidates[0].ID].Code != CodeLimit) {
		t.Fatalf("limit result claims a selection")
	}
}
