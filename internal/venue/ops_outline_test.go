package venue

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
)

func TestResizeVenueKeepsEntrancesOnTheirWalls(t *testing.T) {
	p := zonePlan(t) // 40 × 20 m, poles up to x = 39 m
	p.Entrances = []Entrance{{Code: "E", At: Point{X: 4000, Y: 1000}, Width: 300}, {Code: "S", At: Point{X: 2000, Y: 2000}, Width: 300}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	q, err := p.ResizeVenue(4500, 2200)
	if err != nil {
		t.Fatal(err)
	}
	if q.Entrances[0].At != (Point{X: 4500, Y: 1000}) || q.Entrances[1].At != (Point{X: 2000, Y: 2200}) {
		t.Fatalf("entrances after resize: %+v", q.Entrances)
	}
	if _, err := p.ResizeVenue(3000, 2000); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("a venue too small for its poles: %v", err)
	}
	l := p.Clone()
	l.Outline = Outline{{0, 0}, {4000, 0}, {4000, 1000}, {2000, 1000}, {2000, 2000}, {0, 2000}}
	if _, err := l.ResizeVenue(5000, 2000); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("an L-shaped venue: %v", err)
	}
}

func TestEntrancesAddedAndDeleted(t *testing.T) {
	p := zonePlan(t)
	q, err := p.AddEntrance(Entrance{Code: "B", At: Point{X: 0, Y: 1000}, Width: 400, Clearance: 50})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.AddEntrance(Entrance{Code: "C", At: Point{X: 1000, Y: 1000}, Width: 400}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("an entrance off the walls: %v", err)
	}
	r, err := q.DeleteEntrance("B")
	if err != nil || len(r.Entrances) != 0 {
		t.Fatalf("%v %+v", err, r.Entrances)
	}
	if _, err := r.DeleteEntrance("B"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("deleting it twice: %v", err)
	}
}
