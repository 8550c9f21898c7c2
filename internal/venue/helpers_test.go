package venue

import (
	"slices"
	"strconv"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/fair"
)

// hall is a 60 × 40 m hall with a 4 m door in the middle of its south wall (5 m clearance),
// a products pole on the west and an institutional pole in the north-east corner.
func hall() Plan {
	return Plan{
		Outline:   RectOutline(Rect{0, 0, 6000, 4000}),
		Entrances: []Entrance{{Code: "A", At: Point{3000, 4000}, Width: 400, Clearance: 500}},
		Zones: []Zone{
			{Code: "P", Kind: fair.ProductsPole, Rect: Rect{0, 0, 4000, 4000}},
			{Code: "I", Kind: fair.InstitutionalPole, Rect: Rect{4200, 0, 1800, 1500}},
		},
	}
}

func stand(code, zone string, x, y int) Stand {
	return Stand{Code: code, Zone: zone, Rect: Rect{x, y, 300, 300}, Facing: South, Kind: ProductStand}
}

// keys returns the field errors of err as "key" or "key:arg=value,…" strings.
func keys(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("not an apperr: %v", err)
	}
	var out []string
	for _, f := range e.Fields {
		s := f.Key
		for i := 0; i+1 < len(f.Args); i += 2 {
			s += " " + f.Args[i].(string) + "=" + toString(f.Args[i+1])
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = append(out, e.Key)
	}
	slices.Sort(out)
	return out
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	}
	return "?"
}

func mustValid(t *testing.T, p Plan) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatalf("plan invalid: %v", keys(t, err))
	}
}
