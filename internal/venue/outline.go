package venue

// Outline is the boundary of the venue: a polygon whose edges are horizontal or vertical, as
// halls, tents and fenced squares are (a rectangle, an L, a U…). Its vertices are listed in
// order, in either direction, without repeating the first; the last joins the first.
//
// Rectilinear outlines keep every test exact in integers and cover the venues councils use;
// a slanted wall is drawn as the rectangle of the usable floor.
type Outline []Point

// RectOutline is the outline of a rectangular venue.
func RectOutline(r Rect) Outline {
	return Outline{{r.X, r.Y}, {r.Right(), r.Y}, {r.Right(), r.Bottom()}, {r.X, r.Bottom()}}
}

// edge is one side of an outline, from a to b.
type edge struct{ a, b Point }

func (o Outline) edges() []edge {
	es := make([]edge, len(o))
	for i := range o {
		es[i] = edge{o[i], o[(i+1)%len(o)]}
	}
	return es
}

func (e edge) horizontal() bool { return e.a.Y == e.b.Y }

// span returns the edge's extent along its own direction, low to high.
func (e edge) span() (lo, hi int) {
	if e.horizontal() {
		return min(e.a.X, e.b.X), max(e.a.X, e.b.X)
	}
	return min(e.a.Y, e.b.Y), max(e.a.Y, e.b.Y)
}

// outlineProblem is the catalog key of what is wrong with an outline's shape, or "".
func (o Outline) problem() string {
	if len(o) < 4 || len(o)%2 != 0 {
		return "venue.error.outline_points"
	}
	for _, p := range o {
		if p.X < 0 || p.Y < 0 || p.X > MaxExtent || p.Y > MaxExtent {
			return "venue.error.outline_extent"
		}
	}
	es := o.edges()
	for i, e := range es {
		next := es[(i+1)%len(es)]
		if e.a == e.b || (e.a.X != e.b.X && e.a.Y != e.b.Y) || e.horizontal() == next.horizontal() {
			return "venue.error.outline_not_rectilinear"
		}
	}
	for i := range es {
		for j := i + 2; j < len(es); j++ {
			if i == 0 && j == len(es)-1 {
				continue // they share the first vertex
			}
			if touch(es[i], es[j]) {
				return "venue.error.outline_crossing"
			}
		}
	}
	return ""
}

// touch reports whether two axis-aligned segments share a point.
func touch(e, f edge) bool {
	elo, ehi := e.span()
	flo, fhi := f.span()
	switch {
	case e.horizontal() && f.horizontal():
		return e.a.Y == f.a.Y && elo <= fhi && flo <= ehi
	case !e.horizontal() && !f.horizontal():
		return e.a.X == f.a.X && elo <= fhi && flo <= ehi
	case e.horizontal():
		return f.a.X >= elo && f.a.X <= ehi && e.a.Y >= flo && e.a.Y <= fhi
	default:
		return e.a.X >= flo && e.a.X <= fhi && f.a.Y >= elo && f.a.Y <= ehi
	}
}

// Area is the floor area inside the outline, in square centimetres.
func (o Outline) Area() int64 {
	var s int64
	for _, e := range o.edges() {
		s += int64(e.a.X)*int64(e.b.Y) - int64(e.b.X)*int64(e.a.Y)
	}
	if s < 0 {
		s = -s
	}
	return s / 2
}

// Bounds is the smallest rectangle around the outline.
func (o Outline) Bounds() Rect {
	if len(o) == 0 {
		return Rect{}
	}
	x0, y0, x1, y1 := o[0].X, o[0].Y, o[0].X, o[0].Y
	for _, p := range o[1:] {
		x0, y0, x1, y1 = min(x0, p.X), min(y0, p.Y), max(x1, p.X), max(y1, p.Y)
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// inside2 reports whether the point (x2/2, y2/2) is inside the outline (ray casting to the
// right). Doubled coordinates let callers test centres and half-centimetre offsets exactly.
func (o Outline) inside2(x2, y2 int) bool {
	in := false
	for _, e := range o.edges() {
		if e.horizontal() {
			continue
		}
		lo, hi := e.span()
		if 2*lo <= y2 && y2 < 2*hi && 2*e.a.X > x2 {
			in = !in
		}
	}
	return in
}

// ContainsRect reports whether the rectangle lies inside the outline (edges may touch the
// walls). No wall may pass through the rectangle's interior, and then its centre tells
// inside from outside.
func (o Outline) ContainsRect(r Rect) bool {
	if r.Empty() {
		return false
	}
	for _, e := range o.edges() {
		lo, hi := e.span()
		if e.horizontal() {
			if r.Y < e.a.Y && e.a.Y < r.Bottom() && lo < r.Right() && hi > r.X {
				return false
			}
		} else if r.X < e.a.X && e.a.X < r.Right() && lo < r.Bottom() && hi > r.Y {
			return false
		}
	}
	return o.inside2(2*r.X+r.W, 2*r.Y+r.H)
}
