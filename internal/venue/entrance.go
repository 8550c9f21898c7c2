package venue

// wall returns the outline edge the entrance opens in and whether the whole opening lies on
// it (not across a corner).
func (o Outline) wall(e Entrance) (edge, bool) {
	half := e.Width / 2
	for _, w := range o.edges() {
		lo, hi := w.span()
		if w.horizontal() && e.At.Y == w.a.Y && e.At.X-half >= lo && e.At.X-half+e.Width <= hi {
			return w, true
		}
		if !w.horizontal() && e.At.X == w.a.X && e.At.Y-half >= lo && e.At.Y-half+e.Width <= hi {
			return w, true
		}
	}
	return edge{}, false
}

// Clearance is the floor in front of the entrance that must stay free: as wide as the
// opening, Clearance deep into the venue. ok is false when the entrance is not on a wall.
func (o Outline) Clearance(e Entrance) (r Rect, ok bool) {
	w, ok := o.wall(e)
	if !ok {
		return Rect{}, false
	}
	half := e.Width / 2
	if w.horizontal() {
		r = Rect{X: e.At.X - half, W: e.Width, H: e.Clearance}
		if o.inside2(2*e.At.X, 2*e.At.Y+1) { // the venue is below the wall
			r.Y = e.At.Y
		} else {
			r.Y = e.At.Y - e.Clearance
		}
		return r, true
	}
	r = Rect{Y: e.At.Y - half, H: e.Width, W: e.Clearance}
	if o.inside2(2*e.At.X+1, 2*e.At.Y) { // the venue is to the right
		r.X = e.At.X
	} else {
		r.X = e.At.X - e.Clearance
	}
	return r, true
}
