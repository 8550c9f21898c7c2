package venue

import "testing"

// lShape is a 30 × 20 m hall missing its north-east 10 × 10 m corner.
var lShape = Outline{{0, 0}, {2000, 0}, {2000, 1000}, {3000, 1000}, {3000, 2000}, {0, 2000}}

func TestOutlineShape(t *testing.T) {
	if k := lShape.problem(); k != "" {
		t.Fatal(k)
	}
	if a := lShape.Area(); a != 3000*2000-1000*1000 {
		t.Errorf("area %d", a)
	}
	if b := lShape.Bounds(); b != (Rect{0, 0, 3000, 2000}) {
		t.Errorf("bounds %v", b)
	}
	bad := map[string]Outline{
		"venue.error.outline_points":          {{0, 0}, {10, 0}, {10, 10}},
		"venue.error.outline_not_rectilinear": {{0, 0}, {10, 0}, {20, 10}, {0, 10}},
		"venue.error.outline_crossing":        {{10, 10}, {100, 10}, {100, 100}, {50, 100}, {50, 0}, {10, 0}},
		"venue.error.outline_extent":          {{0, 0}, {MaxExtent + 1, 0}, {MaxExtent + 1, 10}, {0, 10}},
	}
	for want, o := range bad {
		if got := o.problem(); got != want {
			t.Errorf("%v: %q, want %q", o, got, want)
		}
	}
	// Two collinear edges in a row are not rectilinear in our sense (a useless vertex).
	if got := (Outline{{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5}}).problem(); got == "" {
		t.Error("collinear vertices accepted")
	}
}

func TestOutlineContainsRect(t *testing.T) {
	cases := []struct {
		r    Rect
		want bool
	}{
		{Rect{0, 0, 2000, 2000}, true},       // the west part, touching walls
		{Rect{2000, 1000, 1000, 1000}, true}, // the south-east square
		{Rect{1900, 900, 200, 200}, false},   // across the inner corner
		{Rect{2100, 100, 100, 100}, false},   // in the missing corner
		{Rect{0, 0, 3000, 2000}, false},      // the bounding box
		{Rect{-1, 0, 10, 10}, false},
		{Rect{10, 10, 0, 10}, false}, // empty
	}
	for _, c := range cases {
		if got := lShape.ContainsRect(c.r); got != c.want {
			t.Errorf("ContainsRect(%v) = %v", c.r, got)
		}
	}
}

func TestClearance(t *testing.T) {
	cases := []struct {
		e    Entrance
		want Rect
		ok   bool
	}{
		{Entrance{At: Point{1000, 2000}, Width: 400, Clearance: 500}, Rect{800, 1500, 400, 500}, true}, // south wall
		{Entrance{At: Point{1000, 0}, Width: 400, Clearance: 500}, Rect{800, 0, 400, 500}, true},       // north wall
		{Entrance{At: Point{0, 1000}, Width: 200, Clearance: 300}, Rect{0, 900, 300, 200}, true},       // west wall
		{Entrance{At: Point{3000, 1500}, Width: 200, Clearance: 300}, Rect{2700, 1400, 300, 200}, true},
		{Entrance{At: Point{2500, 1000}, Width: 200, Clearance: 300}, Rect{2400, 1000, 200, 300}, true}, // inner wall
		{Entrance{At: Point{1000, 1000}, Width: 200, Clearance: 300}, Rect{}, false},                    // mid-floor
		{Entrance{At: Point{1950, 0}, Width: 200, Clearance: 300}, Rect{}, false},                       // across a corner
	}
	for _, c := range cases {
		got, ok := lShape.Clearance(c.e)
		if ok != c.ok || got != c.want {
			t.Errorf("Clearance(%v) = %v, %v; want %v, %v", c.e.At, got, ok, c.want, c.ok)
		}
	}
}
