package venue

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/fair"
)

var threeByThree = Layout{Zone: "P", StandWidth: 300, StandDepth: 300, Aisle: 300}

// The 40 × 40 m products pole of hall() takes 8 rows of 13 stands of 3 × 3 m around 4 aisles
// of 3 m; the door's clearance (4 × 5 m at x = 28–32 m, y = 35–40 m) takes two places.
func TestGenerateCount(t *testing.T) {
	p, g, err := hall().Generate(threeByThree)
	if err != nil {
		t.Fatal(err)
	}
	want := Generated{Fitted: 102, Skipped: 2, Rows: 8, Aisles: 4, Orientation: RowsEastWest}
	if g != want {
		t.Errorf("got %+v, want %+v", g, want)
	}
	mustValid(t, p)
	at := func(code string) string {
		s, _, ok := p.Stand(code)
		if !ok {
			return "missing"
		}
		return fmt.Sprintf("%s,%s %s", Metres(s.Rect.X), Metres(s.Rect.Y), s.Facing)
	}
	// Along the north wall west to east, back along the south side of the first aisle, …
	for code, want := range map[string]string{"P-001": "0,0 s", "P-013": "36,0 s", "P-014": "36,6 n",
		"P-026": "0,6 n", "P-027": "0,9 s", "P-102": "0,33 n", "P-103": "missing"} {
		if got := at(code); got != want {
			t.Errorf("%s at %s, want %s", code, got, want)
		}
	}
	rel := map[[2]string]Relation{}
	for _, n := range p.Neighbours() {
		rel[[2]string{n.A, n.B}] = n.Relation
	}
	for pair, want := range map[[2]string]Relation{{"P-001", "P-002"}: RelSide, {"P-013", "P-014"}: RelFacing,
		{"P-026", "P-027"}: RelBack, {"P-001", "P-026"}: RelFacing, {"P-001", "P-003"}: ""} {
		if got := rel[pair]; got != want {
			t.Errorf("%v: %q, want %q", pair, got, want)
		}
	}
	// Consecutive numbers are neighbours all the way (the walk never jumps).
	for i := 1; i < len(p.Stands); i++ {
		a, b := p.Stands[i-1].Code, p.Stands[i].Code
		if a[0] == 'P' && b[0] == 'P' && rel[[2]string{a, b}] == "" {
			t.Errorf("%s and %s are consecutive but not neighbours", a, b)
		}
	}
}

func TestGenerateRefuses(t *testing.T) {
	p := hall()
	for _, l := range []Layout{
		{Zone: "P", StandWidth: 0, StandDepth: 300, Aisle: 300},
		{Zone: "P", StandWidth: 300, StandDepth: 300, Aisle: 50},
		{Zone: "P", StandWidth: 300, StandDepth: 300, Aisle: 300, MaxRun: -1},
		{Zone: "P", StandWidth: 300, StandDepth: 300, Aisle: 300, Rows: "diagonal"},
	} {
		if _, _, err := p.Generate(l); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("%+v accepted: %v", l, err)
		}
	}
	if _, _, err := p.Generate(Layout{Zone: "Q", StandWidth: 300, StandDepth: 300, Aisle: 300}); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("unknown zone: %v", err)
	}
}

// Generating a zone again replaces its stands and leaves the other zones alone; the rows run
// the way more stands fit (the 18 × 15 m institutional pole takes 4 rows of 5 north–south
// but 3 rows of 6 east–west); cross aisles cut the rows.
func TestGenerateAgain(t *testing.T) {
	p, _, err := hall().Generate(threeByThree)
	if err != nil {
		t.Fatal(err)
	}
	p, g, err := p.Generate(Layout{Zone: "I", StandWidth: 300, StandDepth: 300, Aisle: 300})
	if err != nil || g.Fitted != 20 || p.Stands[102].Code != "I-01" || p.Stands[102].Kind != InstitutionalStand {
		t.Fatalf("%+v %v", g, err)
	}
	l := threeByThree
	l.MaxRun, l.Rows = 5, RowsEastWest
	q, g, err := p.Generate(l)
	if err != nil {
		t.Fatal(err)
	}
	// 13 places in 40 m become 5 + 5 + 1 with two 3 m cross aisles.
	if g.Fitted != 8*11-2 || len(q.Stands) != g.Fitted+20 {
		t.Errorf("%+v, %d stands", g, len(q.Stands))
	}
	p.Zones = append(p.Zones, Zone{Code: "C", Kind: fair.InternationalPole, Rect: Rect{4200, 2000, 900, 1400}})
	q, g, err = p.Generate(Layout{Zone: "C", StandWidth: 300, StandDepth: 300, Aisle: 300})
	if err != nil || g.Orientation != RowsNorthSouth || g.Fitted != 8 {
		t.Errorf("narrow zone: %+v %v", g, err)
	}
	mustValid(t, q)
}

// For random zones, stand sizes, aisles, cross aisles and entrances, the generated plan is
// valid, every stand opens on an aisle at least as wide as asked and free of stands, and
// without entrances the count is what the row pattern predicts.
func TestGenerateProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for iter := range 300 {
		W, H := 1000+r.IntN(5000), 1000+r.IntN(5000)
		z := Rect{r.IntN(500), r.IntN(500), W, H}
		p := Plan{Outline: RectOutline(Rect{0, 0, z.Right() + r.IntN(500), z.Bottom() + r.IntN(500)}),
			Zones: []Zone{{Code: "P", Kind: fair.ProductsPole, Rect: z}}}
		doors := r.IntN(3)
		for k := range doors {
			p.Entrances = append(p.Entrances, Entrance{Code: fmt.Sprint(k), At: Point{250 + r.IntN(z.X+W-500), 0}, Width: 200 + r.IntN(300), Clearance: r.IntN(800)})
		}
		l := Layout{Zone: "P", StandWidth: 200 + r.IntN(300), StandDepth: 200 + r.IntN(300), Aisle: MinAisle + r.IntN(300),
			MaxRun: r.IntN(12), Rows: []Orientation{RowsAuto, RowsEastWest, RowsNorthSouth}[r.IntN(3)]}
		q, g, err := p.Generate(l)
		if err != nil {
			t.Fatalf("%d: %+v %+v: %v", iter, z, l, err)
		}
		mustValid(t, q)
		if len(q.Stands) != g.Fitted {
			t.Fatalf("%d: %d stands, reported %d", iter, len(q.Stands), g.Fitted)
		}
		for _, s := range q.Stands {
			aisle := frontStrip(s, l.Aisle)
			if !z.Contains(aisle) {
				t.Fatalf("%d: %s opens outside its zone (%+v, %+v)", iter, s.Code, s.Rect, l)
			}
			for _, o := range q.Stands {
				if o.Rect.Overlaps(aisle) {
					t.Fatalf("%d: %s stands in the aisle of %s", iter, o.Code, s.Code)
				}
			}
		}
		if doors == 0 && l.Rows != RowsAuto {
			along, across := W, H
			if l.Rows == RowsNorthSouth {
				along, across = H, W
			}
			if want := predicted(along, across, l); g.Fitted != want {
				t.Fatalf("%d: %d stands, predicted %d (%+v, %dx%d)", iter, g.Fitted, want, l, along, across)
			}
		}
	}
}

// frontStrip is the floor in front of a stand, depth deep.
func frontStrip(s Stand, depth int) Rect {
	r := s.Rect
	switch s.Facing {
	case North:
		return Rect{r.X, r.Y - depth, r.W, depth}
	case South:
		return Rect{r.X, r.Bottom(), r.W, depth}
	case West:
		return Rect{r.X - depth, r.Y, depth, r.H}
	}
	return Rect{r.Right(), r.Y, depth, r.H}
}

// predicted counts the stands of the pattern: rows × places per row.
func predicted(along, across int, l Layout) int {
	d, a, w := l.StandDepth, l.Aisle, l.StandWidth
	rows := 0
	if d+a <= across {
		rows = 1
		y := d
		for y+a+d <= across {
			rows++
			y += a + d
			if y+d+a > across {
				break
			}
			rows++
			y += d
		}
	}
	per, x := 0, 0
	for x+w <= along {
		per++
		x += w
		if l.MaxRun > 0 && per%l.MaxRun == 0 {
			x += a
		}
	}
	return rows * per
}
