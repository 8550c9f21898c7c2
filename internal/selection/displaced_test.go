package selection

import (
	"slices"
	"testing"
)

// TestDisplacedByPin: a candidate who would have been selected without the
// pins in, and is not with them, is told so with the pin's justification;
// one who would have lost anyway keeps the usual reason, and a pinned-in
// score is never given as the bar they failed to reach.
func TestDisplacedByPin(t *testing.T) {
	const why = "jury decision of 3 May: only applicant from Figuig"
	p := &Problem{Seats: 3,
		Candidates: []Candidate{{ID: "a", Score: 8000}, {ID: "b", Score: 7000}, {ID: "c", Score: 5900}, {ID: "d", Score: 4000}, {ID: "p", Score: 5500}},
		Pins:       []Pin{{ID: "p", Side: PinIn, Justification: why}}}
	res, err := Solve(p, nil)
	if err != nil || res.Status != StatusOptimal {
		t.Fatal(err, res.Status)
	}
	if !slices.Equal(res.Selected, []string{"a", "b", "p"}) {
		t.Fatalf("selected %v", res.Selected)
	}
	c := res.Reasons["c"]
	if c.Decision != DecisionWaitlisted || c.Code != CodeDisplacedByPin || *c.Detail.Score != 5900 || *c.Detail.Rank != 1 ||
		!slices.Equal(c.Detail.Pinned, []PinnedIn{{ID: "p", Score: 5500, Justification: why}}) {
		t.Fatalf("c: %+v %+v", c, c.Detail)
	}
	if c.Detail.LastSelectedScore != nil {
		t.Errorf("c is given the pinned score %s as a bar", *c.Detail.LastSelectedScore)
	}
	// d would not have been selected without the pin either.
	d := res.Reasons["d"]
	if d.Code != CodeScoreBelowCutoff || d.Detail.Pinned != nil || *d.Detail.LastSelectedScore != 7000 || *d.Detail.Cutoff != 7000 {
		t.Fatalf("d: %+v %+v", d, d.Detail)
	}
	if r := res.Reasons["p"]; r.Code != CodeSelectedPinned || r.Detail.Justification != why {
		t.Fatalf("p: %+v", r)
	}
}

// TestDisplacedByPinInAGroup: the pin takes a place in a group at its
// maximum. Only the pins that changed the selection are named.
func TestDisplacedByPinInAGroup(t *testing.T) {
	two, one := 2, 1
	x := map[string]string{"sector": "x"}
	y := map[string]string{"sector": "y"}
	z := map[string]string{"sector": "z"}
	p := &Problem{Seats: 5,
		Candidates: []Candidate{{ID: "x1", Score: 9000, Attrs: x}, {ID: "x2", Score: 8000, Attrs: x}, {ID: "x3", Score: 7500, Attrs: x},
			{ID: "x4", Score: 6500, Attrs: x}, {ID: "y1", Score: 6000, Attrs: y}, {ID: "y2", Score: 5000, Attrs: y},
			{ID: "z1", Score: 3000, Attrs: z}, {ID: "z2", Score: 2000, Attrs: z}},
		Quotas: []Quota{{Attr: "sector", Value: "x", Max: &two}, {Attr: "sector", Value: "z", Max: &one}},
		Pins:   []Pin{{ID: "z1", Side: PinIn, Justification: "z1: selected anyway"}, {ID: "x4", Side: PinIn, Justification: "x4: jury"}}}
	res, err := Solve(p, nil)
	if err != nil || res.Status != StatusOptimal {
		t.Fatal(err, res.Status)
	}
	if !slices.Equal(res.Selected, []string{"x1", "x4", "y1", "y2", "z1"}) {
		t.Fatalf("selected %v", res.Selected)
	}
	// Without the pins, x2 takes x4's place: z1 would have been selected anyway.
	x2 := res.Reasons["x2"]
	if x2.Code != CodeDisplacedByPin || !slices.Equal(x2.Detail.Pinned, []PinnedIn{{ID: "x4", Score: 6500, Justification: "x4: jury"}}) {
		t.Fatalf("x2: %+v %+v", x2, x2.Detail)
	}
	// x3 would have lost anyway: the group's last selected is x1, not the pinned x4.
	x3 := res.Reasons["x3"]
	if x3.Code != CodeAttrMax || *x3.Detail.LastSelectedScore != 9000 || x3.Detail.Pinned != nil {
		t.Fatalf("x3: %+v %+v", x3, x3.Detail)
	}
	// z2's group is full of a pinned candidate only: no last selected to give.
	z2 := res.Reasons["z2"]
	if z2.Code != CodeAttrMax || z2.Detail.LastSelectedScore != nil || *z2.Detail.Selected != 1 {
		t.Fatalf("z2: %+v %+v", z2, z2.Detail)
	}
}

// TestDisplacedByPinInARelaxedSelection: the relaxed selection of an
// infeasible problem explains pins the same way.
func TestDisplacedByPinInARelaxedSelection(t *testing.T) {
	three := 3
	w := []string{"women_led"}
	p := &Problem{Seats: 2,
		Candidates: []Candidate{{ID: "a", Score: 9000}, {ID: "b", Score: 8000}, {ID: "c", Score: 7000, Flags: w}, {ID: "p", Score: 1000}},
		Quotas:     []Quota{{Flag: "women_led", Min: &three}},
		Pins:       []Pin{{ID: "p", Side: PinIn, Justification: "host cooperative"}}}
	res, err := Solve(p, nil)
	if err != nil || res.Status != StatusInfeasible || res.Relaxed == nil {
		t.Fatal(err, res.Status, res.RelaxedNote)
	}
	if !slices.Equal(res.Relaxed.Selected, []string{"a", "p"}) {
		t.Fatalf("relaxed selection %v", res.Relaxed.Selected)
	}
	if b := res.Relaxed.Reasons["b"]; b.Code != CodeDisplacedByPin || len(b.Detail.Pinned) != 1 || b.Detail.Pinned[0].Justification != "host cooperative" {
		t.Fatalf("b: %+v", b)
	}
	if c := res.Relaxed.Reasons["c"]; c.Code != CodeScoreBelowCutoff || *c.Detail.LastSelectedScore != 9000 {
		t.Fatalf("c: %+v %+v", c, c.Detail)
	}
}
