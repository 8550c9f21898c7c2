package venue

import (
	"github.com/aswaq/aswaq/internal/apperr"
)

// Orientation says which way the generator runs the rows of stands.
type Orientation string

// The orientations: rows running east–west (aisles horizontal on the plan), north–south, or
// whichever fits more stands (east–west on a tie).
const (
	RowsAuto       Orientation = ""
	RowsEastWest   Orientation = "ew"
	RowsNorthSouth Orientation = "ns"
)

// The smallest stand side and aisle the generator accepts: below that nobody can stand in
// it or walk through.
const (
	MinStandSide = 100
	MinAisle     = 120
)

// Layout asks the generator to fill a zone.
type Layout struct {
	Zone       string
	StandWidth int // along the aisle, in centimetres (300 for 3 m)
	StandDepth int // from the aisle to the back (300 for 3 m)
	Aisle      int // width of the aisles between rows, and of the cross aisles
	// MaxRun is the number of stands side by side before a cross aisle cuts the row (fire
	// rules ask for a way through every 30 m or so); 0 means rows are never cut.
	MaxRun int
	Rows   Orientation
	// Facilities every generated stand gets; the organiser then edits single stands.
	Power, Water, Accessible bool
}

// Generated reports what the generator did.
type Generated struct {
	Fitted      int         // stands placed
	Skipped     int         // places left empty: in front of an entrance or outside the outline
	Rows        int         // rows of stands
	Aisles      int         // aisles along the rows
	Orientation Orientation // the way the rows run
}

// Generate returns the plan with the stands of a zone replaced by a fresh layout: rows of
// stands back to back in pairs, separated by aisles, each stand opening on an aisle, with
// single rows against the zone's two long edges (their backs to the zone's edge, often a
// wall). Across the zone, from one edge:
//
//	row facing the aisle | aisle | row, back to back with row | aisle | … | aisle | row
//
// Every aisle has stands on both sides; when a last aisle fits but not the row beyond it,
// the aisle is kept with stands on one side. Rows are cut by a cross aisle every MaxRun
// stands. A place whose stand would stand in an entrance's clearance or outside the outline
// is left empty and counted in Skipped. The stands get the zone's kind and are numbered in
// walking order (see Renumber). Stands of other zones are untouched.
//
// Generate refuses an unknown zone, a stand side or aisle below the minimum, and a layout
// whose result would have a problem the plan did not have; it never changes p.
func (p Plan) Generate(l Layout) (Plan, Generated, error) {
	z, ok := p.Zone(l.Zone)
	if !ok {
		return Plan{}, Generated{}, apperr.New(apperr.NotFound, "venue.error.zone_not_found", "zone", l.Zone)
	}
	var v apperr.Validation
	v.Check(l.StandWidth >= MinStandSide && l.StandDepth >= MinStandSide && l.StandWidth <= MaxExtent && l.StandDepth <= MaxExtent,
		"stand_size", "venue.error.generator_stand_size", "min", Metres(MinStandSide))
	v.Check(l.Aisle >= MinAisle && l.Aisle <= MaxExtent, "aisle", "venue.error.generator_aisle", "min", Metres(MinAisle))
	v.Check(l.MaxRun >= 0, "max_run", "venue.error.generator_max_run")
	v.Check(l.Rows == RowsAuto || l.Rows == RowsEastWest || l.Rows == RowsNorthSouth, "rows", "venue.error.generator_rows")
	if err := v.Err(); err != nil {
		return Plan{}, Generated{}, err
	}
	if z.Rect.Area()/(int64(l.StandWidth)*int64(l.StandDepth)) > MaxStands {
		return Plan{}, Generated{}, apperr.New(apperr.Invalid, "venue.error.too_many_stands", "max", MaxStands)
	}
	var stands []Stand
	var g Generated
	switch l.Rows {
	case RowsEastWest, RowsNorthSouth:
		stands, g = p.layout(z, l, l.Rows == RowsNorthSouth)
	default:
		stands, g = p.layout(z, l, false)
		if s2, g2 := p.layout(z, l, true); g2.Fitted > g.Fitted {
			stands, g = s2, g2
		}
	}
	q := p.Clone()
	q.Stands = q.Stands[:0]
	at := -1
	for _, s := range p.Stands {
		if s.Zone == z.Code {
			if at < 0 {
				at = len(q.Stands)
			}
			continue
		}
		q.Stands = append(q.Stands, s)
	}
	if at < 0 {
		at = len(q.Stands)
	}
	q.Stands = append(q.Stands[:at:at], append(stands, q.Stands[at:]...)...)
	q = renumbered(q, z.Code)
	q, err := p.checked(q)
	if err != nil {
		return Plan{}, Generated{}, err
	}
	return q, g, nil
}

// layout places the stands of a zone with rows east–west, or north–south when turned: then it
// works in a frame with x and y swapped and turns the stands back.
func (p Plan) layout(z Zone, l Layout, turned bool) ([]Stand, Generated) {
	r := z.Rect
	if turned {
		r = Rect{r.Y, r.X, r.H, r.W}
	}
	w, d, a := l.StandWidth, l.StandDepth, l.Aisle
	type row struct {
		y    int
		face Side // in the east–west frame: South opens downwards
	}
	var rows []row
	aisles := 0
	bottom := r.Bottom()
	if d+a <= r.H {
		rows = append(rows, row{r.Y, South})
		y := r.Y + d
		for {
			if y+a > bottom {
				break
			}
			aisles++
			if y+a+d > bottom {
				break
			}
			rows = append(rows, row{y + a, North})
			y += a + d
			if y+d+a > bottom {
				break
			}
			rows = append(rows, row{y, South})
			y += d
		}
	}
	clear := make([]Rect, 0, len(p.Entrances))
	for _, e := range p.Entrances {
		if c, ok := p.Outline.Clearance(e); ok && !c.Empty() {
			clear = append(clear, c)
		}
	}
	g := Generated{Rows: len(rows), Aisles: aisles, Orientation: RowsEastWest}
	if turned {
		g.Orientation = RowsNorthSouth
	}
	var out []Stand
	for _, rw := range rows {
		x := r.X
		for i := 0; x+w <= r.Right(); i++ {
			s := Stand{Rect: Rect{x, rw.y, w, d}, Facing: rw.face, Kind: KindFor(z.Kind), Zone: z.Code,
				Power: l.Power, Water: l.Water, Accessible: l.Accessible}
			if turned {
				s.Rect = Rect{s.Rect.Y, s.Rect.X, s.Rect.H, s.Rect.W}
				s.Facing = map[Side]Side{South: East, North: West}[s.Facing]
			}
			if p.Outline.ContainsRect(s.Rect) && !overlapsAny(s.Rect, clear) {
				out = append(out, s)
			} else {
				g.Skipped++
			}
			x += w
			if l.MaxRun > 0 && (i+1)%l.MaxRun == 0 {
				x += a
			}
		}
	}
	g.Fitted = len(out)
	return out, g
}

func overlapsAny(r Rect, rs []Rect) bool {
	for _, o := range rs {
		if o.Overlaps(r) {
			return true
		}
	}
	return false
}
