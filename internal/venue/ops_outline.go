package venue

import (
	"slices"

	"github.com/aswaq/aswaq/internal/apperr"
)

// ResizeVenue returns the plan of a rectangular venue made w × h. Entrances keep their wall:
// one on the right or bottom wall moves with it, and its place along the wall is kept,
// within the new wall. A venue made too small for its poles or stands is refused, naming
// them; an outline that is not a rectangle is changed by a new plan, not here.
func (p Plan) ResizeVenue(w, h int) (Plan, error) {
	b := p.Outline.Bounds()
	if !slices.Equal(p.Outline, RectOutline(b)) || b.X != 0 || b.Y != 0 {
		return Plan{}, apperr.New(apperr.Conflict, "venue.error.outline_not_rect")
	}
	q := p.Clone()
	q.Outline = RectOutline(Rect{W: w, H: h})
	for i, e := range q.Entrances {
		switch {
		case e.At.X == b.W: // right wall
			q.Entrances[i].At = Point{X: w, Y: min(e.At.Y, h)}
		case e.At.Y == b.H: // bottom wall
			q.Entrances[i].At = Point{X: min(e.At.X, w), Y: h}
		case e.At.X == 0:
			q.Entrances[i].At.Y = min(e.At.Y, h)
		default: // top wall
			q.Entrances[i].At.X = min(e.At.X, w)
		}
	}
	return p.checked(q)
}

// AddEntrance returns the plan with one more entrance.
func (p Plan) AddEntrance(e Entrance) (Plan, error) {
	q := p.Clone()
	q.Entrances = append(q.Entrances, e)
	return p.checked(q)
}

// DeleteEntrance returns the plan without an entrance.
func (p Plan) DeleteEntrance(code string) (Plan, error) {
	i := slices.IndexFunc(p.Entrances, func(e Entrance) bool { return e.Code == code })
	if i < 0 {
		return Plan{}, apperr.New(apperr.NotFound, "venue.error.entrance_not_found", "entrance", code)
	}
	q := p.Clone()
	q.Entrances = slices.Delete(q.Entrances, i, i+1)
	return p.checked(q)
}
