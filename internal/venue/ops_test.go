package venue

import (
	"reflect"
	"slices"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
)

func twoStands() Plan {
	p := hall()
	p.Stands = []Stand{stand("P-01", "P", 0, 0), stand("P-02", "P", 300, 0)}
	return p
}

// A refused edit returns no plan and leaves the caller's plan exactly as it was.
func TestEditsNeverHalfApply(t *testing.T) {
	p := twoStands()
	before := p.Clone()
	bad := []struct {
		name string
		op   func() (Plan, error)
		want string
	}{
		{"move onto another", func() (Plan, error) { return p.Move("P-02", Point{100, 0}) }, "venue.error.stand_overlap stand=P-02 other=P-01"},
		{"resize to zero", func() (Plan, error) { return p.Resize("P-01", 0, 300) }, "venue.error.stand_zero_size stand=P-01"},
		{"move out of the zone", func() (Plan, error) { return p.Move("P-01", Point{3900, 0}) }, "venue.error.stand_outside_zone stand=P-01 zone=P"},
		{"add a duplicate", func() (Plan, error) { return p.Add(stand("P-01", "P", 900, 900)) }, "venue.error.stand_duplicate stand=P-01"},
		{"rename onto another", func() (Plan, error) {
			s := p.Stands[1]
			s.Code = "P-01"
			return p.Replace("P-02", s)
		}, "venue.error.stand_duplicate stand=P-01"},
	}
	for _, c := range bad {
		q, err := c.op()
		if got := keys(t, err); !slices.Equal(got, []string{c.want}) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if q.Stands != nil || q.Outline != nil {
			t.Errorf("%s: returned a plan with the error", c.name)
		}
		if !reflect.DeepEqual(p, before) {
			t.Fatalf("%s: changed the caller's plan", c.name)
		}
	}
	for _, op := range []func() (Plan, error){
		func() (Plan, error) { return p.Delete("P-09") },
		func() (Plan, error) { return p.Move("nope", Point{}) },
		func() (Plan, error) { return p.Renumber("Q") },
	} {
		if _, err := op(); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("unknown stand or zone: %v", err)
		}
	}
}

func TestEdits(t *testing.T) {
	p := twoStands()
	q, err := p.Move("P-02", Point{900, 900})
	if err != nil {
		t.Fatal(err)
	}
	if s, _, _ := q.Stand("P-02"); s.Rect != (Rect{900, 900, 300, 300}) {
		t.Errorf("moved to %v", s.Rect)
	}
	if s, _, _ := p.Stand("P-02"); s.Rect.X != 300 {
		t.Error("Move changed the original")
	}
	q, err = q.Add(Stand{Zone: "P", Rect: Rect{0, 900, 250, 250}, Facing: North})
	if err != nil {
		t.Fatal(err)
	}
	if s := q.Stands[2]; s.Code != "P-03" || s.Kind != ProductStand {
		t.Errorf("added %+v", s)
	}
	q, err = q.Resize("P-03", 300, 300)
	if err != nil {
		t.Fatal(err)
	}
	q, err = q.Delete("P-01")
	if err != nil {
		t.Fatal(err)
	}
	q, err = q.Renumber("P")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, s := range q.Stands {
		codes = append(codes, s.Code+"@"+Metres(s.Rect.X)+","+Metres(s.Rect.Y))
	}
	// Walking order goes by front line: the old P-03 opens north at y = 9 m, the old P-02
	// south at y = 12 m.
	if want := []string{"P-01@0,9", "P-02@9,9"}; !slices.Equal(codes, want) {
		t.Errorf("renumbered %v, want %v", codes, want)
	}
}

// An edit is judged on the problems it adds: a plan with two faults can be repaired one
// stand at a time.
func TestEditsRepairOneAtATime(t *testing.T) {
	p := hall()
	p.Stands = []Stand{stand("P-01", "P", 0, 0), stand("P-02", "P", 100, 0), stand("P-03", "P", 900, 0), stand("P-04", "P", 1000, 0)}
	if n := len(keys(t, p.Validate())); n != 2 {
		t.Fatalf("%d problems", n)
	}
	q, err := p.Move("P-02", Point{300, 0})
	if err != nil {
		t.Fatalf("repairing one overlap refused: %v", err)
	}
	if _, err := q.Move("P-02", Point{200, 0}); err == nil {
		t.Error("a new overlap accepted because the plan had another")
	}
	if q, err = q.Move("P-04", Point{1200, 0}); err != nil || q.Validate() != nil {
		t.Fatalf("repair: %v / %v", err, q.Validate())
	}
}
