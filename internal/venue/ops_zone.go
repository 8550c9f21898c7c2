package venue

import (
	"slices"

	"github.com/aswaq/aswaq/internal/apperr"
)

// ReshapeZone returns the plan with a pole moved and resized to r. Its stands move with it
// (by the shift of its top-left corner), as a pole is moved with what stands in it; a pole
// made too small for its stands is refused, naming them.
func (p Plan) ReshapeZone(code string, r Rect) (Plan, error) {
	z, ok := p.Zone(code)
	if !ok {
		return Plan{}, zoneNotFound(code)
	}
	dx, dy := r.X-z.Rect.X, r.Y-z.Rect.Y
	q := p.Clone()
	for i := range q.Zones {
		if q.Zones[i].Code == code {
			q.Zones[i].Rect = r
		}
	}
	for i := range q.Stands {
		if q.Stands[i].Zone == code {
			q.Stands[i].Rect.X += dx
			q.Stands[i].Rect.Y += dy
		}
	}
	return p.checked(q)
}

// DeleteZone returns the plan without a pole and the stands in it.
func (p Plan) DeleteZone(code string) (Plan, error) {
	if _, ok := p.Zone(code); !ok {
		return Plan{}, zoneNotFound(code)
	}
	q := p.Clone()
	q.Zones = slices.DeleteFunc(q.Zones, func(z Zone) bool { return z.Code == code })
	q.Stands = slices.DeleteFunc(q.Stands, func(s Stand) bool { return s.Zone == code })
	return p.checked(q)
}

func zoneNotFound(code string) error {
	return apperr.New(apperr.NotFound, "venue.error.zone_not_found", "zone", code)
}
