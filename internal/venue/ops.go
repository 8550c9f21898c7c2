package venue

import (
	"fmt"
	"slices"

	"github.com/aswaq/aswaq/internal/apperr"
)

// The editing operations below never change the plan they are given: each returns a new plan,
// or an error and no plan. An operation is refused when its result has a problem the plan
// did not have before (a stand moved onto another, out of its zone, in front of an
// entrance…), with those problems only; problems the plan already had do not block it, so a
// plan imported with faults can be repaired one stand at a time.

// Add returns the plan with one more stand. A stand without a code gets the next number of
// its zone; one without a kind gets its zone's.
func (p Plan) Add(s Stand) (Plan, error) {
	q := p.Clone()
	if z, ok := p.Zone(s.Zone); ok {
		if s.Code == "" {
			s.Code = nextCode(p, z.Code)
		}
		if s.Kind == "" {
			s.Kind = KindFor(z.Kind)
		}
	}
	q.Stands = append(q.Stands, s)
	return p.checked(q)
}

// Move returns the plan with a stand's top-left corner at to (its size kept).
func (p Plan) Move(code string, to Point) (Plan, error) {
	return p.edit(code, func(s *Stand) { s.Rect.X, s.Rect.Y = to.X, to.Y })
}

// Resize returns the plan with a stand's width and height changed (its top-left corner kept).
func (p Plan) Resize(code string, w, h int) (Plan, error) {
	return p.edit(code, func(s *Stand) { s.Rect.W, s.Rect.H = w, h })
}

// Replace returns the plan with a stand's attributes replaced by s (code, rectangle, kind,
// facing, facilities, capacity, zone): the form of one stand saves through it.
func (p Plan) Replace(code string, s Stand) (Plan, error) {
	return p.edit(code, func(t *Stand) { *t = s })
}

// Delete returns the plan without a stand.
func (p Plan) Delete(code string) (Plan, error) {
	_, i, ok := p.Stand(code)
	if !ok {
		return Plan{}, notFound(code)
	}
	q := p.Clone()
	q.Stands = slices.Delete(q.Stands, i, i+1)
	return p.checked(q)
}

// Renumber returns the plan with the stands of a zone numbered again in walking order (see
// walkOrder), after stands were added, moved or deleted: P-001, P-002… Codes change, so an
// assignment made before must be made again (its pins name stands by code).
func (p Plan) Renumber(zone string) (Plan, error) {
	if _, ok := p.Zone(zone); !ok {
		return Plan{}, apperr.New(apperr.NotFound, "venue.error.zone_not_found", "zone", zone)
	}
	return p.checked(renumbered(p.Clone(), zone))
}

func (p Plan) edit(code string, f func(*Stand)) (Plan, error) {
	_, i, ok := p.Stand(code)
	if !ok {
		return Plan{}, notFound(code)
	}
	q := p.Clone()
	f(&q.Stands[i])
	return p.checked(q)
}

func notFound(code string) error {
	return apperr.New(apperr.NotFound, "venue.error.stand_not_found", "stand", code)
}

// checked returns q when it has no problem p lacked, otherwise an Invalid error listing the
// new problems.
func (p Plan) checked(q Plan) (Plan, error) {
	after := problems(q.Validate())
	if len(after) == 0 {
		return q, nil
	}
	before := map[string]int{}
	for _, f := range problems(p.Validate()) {
		before[problemID(f)]++
	}
	var v apperr.Validation
	for _, f := range after {
		if id := problemID(f); before[id] > 0 {
			before[id]--
			continue
		}
		v.Add(f.Field, f.Key, f.Args...)
	}
	if err := v.Err(); err != nil {
		return Plan{}, err
	}
	return q, nil
}

func problems(err error) []apperr.FieldError {
	if e, ok := apperr.As(err); ok {
		return e.Fields
	}
	return nil
}

// problemID identifies a problem without its field, whose index shifts when stands are
// added or deleted.
func problemID(f apperr.FieldError) string { return fmt.Sprint(f.Key, f.Args) }
