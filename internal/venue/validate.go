package venue

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/aswaq/aswaq/internal/apperr"
)

// MaxStands bounds the stands of one plan (a national salon has a few hundred).
const MaxStands = 5000

// Validate checks the whole plan and reports every problem at once, as an apperr.Invalid
// error whose field errors carry venue.error.* catalog keys and their placeholders (stand
// and zone codes, lengths in metres as text). Fields are "outline", "entrances[i]",
// "zones[i]" and "stands[i]" (i counts from 0, in the plan's order).
//
// A valid plan has a rectilinear, non-crossing outline; entrances on its walls; zones of a
// known kind, inside the outline and not overlapping each other; stands with unique codes,
// a size, a known kind and facing, inside their zone (so inside the outline), clear of every
// entrance's clearance and not overlapping each other. Zones may overlap an entrance's
// clearance: the floor there is circulation inside a pole.
func (p Plan) Validate() error {
	var v apperr.Validation
	outlineOK := p.validateOutline(&v)
	clear := p.validateEntrances(&v, outlineOK)
	p.validateZones(&v, outlineOK)
	p.validateStands(&v, outlineOK, clear)
	return v.Err()
}

func (p Plan) validateOutline(v *apperr.Validation) bool {
	if key := p.Outline.problem(); key != "" {
		v.Add("outline", key)
		return false
	}
	return true
}

// validateEntrances returns the clearances of the entrances that are on the outline.
func (p Plan) validateEntrances(v *apperr.Validation, outlineOK bool) map[string]Rect {
	clear := map[string]Rect{}
	seen := map[string]bool{}
	for i, e := range p.Entrances {
		f := fmt.Sprintf("entrances[%d]", i)
		switch {
		case !validCode(e.Code):
			v.Add(f, "venue.error.entrance_code", "row", i+1)
			continue
		case seen[e.Code]:
			v.Add(f, "venue.error.entrance_duplicate", "entrance", e.Code)
			continue
		}
		seen[e.Code] = true
		if e.Width <= 0 || e.Width > MaxExtent || e.Clearance < 0 || e.Clearance > MaxExtent {
			v.Add(f, "venue.error.entrance_size", "entrance", e.Code)
			continue
		}
		if !outlineOK {
			continue
		}
		r, ok := p.Outline.Clearance(e)
		if !ok {
			v.Add(f, "venue.error.entrance_not_on_outline", "entrance", e.Code)
			continue
		}
		clear[e.Code] = r
	}
	return clear
}

func (p Plan) validateZones(v *apperr.Validation, outlineOK bool) {
	seen := map[string]bool{}
	for i, z := range p.Zones {
		f := fmt.Sprintf("zones[%d]", i)
		if !validPrefix(z.Code) {
			v.Add(f, "venue.error.zone_code", "row", i+1)
			continue
		}
		if seen[z.Code] {
			v.Add(f, "venue.error.zone_duplicate", "zone", z.Code)
			continue
		}
		seen[z.Code] = true
		v.Check(z.Kind.Valid(), f, "venue.error.zone_kind", "zone", z.Code)
		if z.Rect.Empty() {
			v.Add(f, "venue.error.zone_zero_size", "zone", z.Code)
			continue
		}
		if !outlineOK {
			continue
		}
		if venue := p.Outline.Area(); z.Rect.Area() > venue {
			v.Add(f, "venue.error.zone_larger_than_venue", "zone", z.Code,
				"area", SquareMetres(z.Rect.Area()), "venue_area", SquareMetres(venue))
		} else if !p.Outline.ContainsRect(z.Rect) {
			v.Add(f, "venue.error.zone_outside", "zone", z.Code)
		}
		for _, o := range p.Zones[:i] {
			if o.Code != z.Code && !o.Rect.Empty() && o.Rect.Overlaps(z.Rect) {
				v.Add(f, "venue.error.zone_overlap", "zone", z.Code, "other", o.Code)
			}
		}
	}
}

func (p Plan) validateStands(v *apperr.Validation, outlineOK bool, clear map[string]Rect) {
	if len(p.Stands) > MaxStands {
		v.Add("stands", "venue.error.too_many_stands", "max", MaxStands)
		return
	}
	seen := map[string]bool{}
	var placed []int // stands with a sound rectangle, for the overlap sweep
	for i, s := range p.Stands {
		f := fmt.Sprintf("stands[%d]", i)
		if !validCode(s.Code) {
			v.Add(f, "venue.error.stand_code", "row", i+1)
			continue
		}
		if seen[s.Code] {
			v.Add(f, "venue.error.stand_duplicate", "stand", s.Code)
			continue
		}
		seen[s.Code] = true
		v.Check(s.Kind.Valid(), f, "venue.error.stand_kind", "stand", s.Code)
		v.Check(s.Facing.Valid(), f, "venue.error.stand_facing", "stand", s.Code)
		v.Check(s.Capacity >= 0 && s.Capacity <= MaxCapacity, f, "venue.error.stand_capacity",
			"stand", s.Code, "max", MaxCapacity)
		if s.Rect.Empty() {
			v.Add(f, "venue.error.stand_zero_size", "stand", s.Code)
			continue
		}
		if s.Rect.X < 0 || s.Rect.Y < 0 || s.Rect.Right() > MaxExtent || s.Rect.Bottom() > MaxExtent {
			v.Add(f, "venue.error.stand_outside", "stand", s.Code)
			continue
		}
		placed = append(placed, i)
		z, ok := p.Zone(s.Zone)
		switch {
		case !ok:
			v.Add(f, "venue.error.stand_zone_unknown", "stand", s.Code, "zone", s.Zone)
		case outlineOK && !p.Outline.ContainsRect(s.Rect):
			v.Add(f, "venue.error.stand_outside", "stand", s.Code)
		case !z.Rect.Contains(s.Rect):
			v.Add(f, "venue.error.stand_outside_zone", "stand", s.Code, "zone", z.Code)
		}
		for _, e := range p.Entrances {
			if r, ok := clear[e.Code]; ok && r.Overlaps(s.Rect) {
				v.Add(f, "venue.error.stand_blocks_entrance", "stand", s.Code, "entrance", e.Code,
					"clearance", Metres(e.Clearance))
			}
		}
	}
	for _, pair := range overlappingPairs(p.Stands, placed) {
		a, b := p.Stands[pair[0]], p.Stands[pair[1]]
		v.Add(fmt.Sprintf("stands[%d]", pair[1]), "venue.error.stand_overlap", "stand", b.Code, "other", a.Code)
	}
}

// overlappingPairs returns the pairs of stands (indices, plan order within a pair, pairs in
// order of their second stand then first) whose rectangles overlap, by a sweep along x.
func overlappingPairs(stands []Stand, idx []int) [][2]int {
	order := slices.Clone(idx)
	slices.SortStableFunc(order, func(a, b int) int { return stands[a].Rect.X - stands[b].Rect.X })
	var pairs [][2]int
	for k, i := range order {
		for _, j := range order[k+1:] {
			if stands[j].Rect.X >= stands[i].Rect.Right() {
				break
			}
			if stands[i].Rect.Overlaps(stands[j].Rect) {
				pairs = append(pairs, [2]int{min(i, j), max(i, j)})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int {
		if a[1] != b[1] {
			return a[1] - b[1]
		}
		return a[0] - b[0]
	})
	return pairs
}

// validCode reports whether s can be a stand or entrance code: 1 to 16 letters, digits,
// '-', '_' or '.', no spaces (codes are painted on stands and used in addresses).
func validCode(s string) bool {
	if s == "" || len([]rune(s)) > 16 || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// validPrefix reports whether s can be a zone code: 1 to 4 capital Latin letters or digits,
// starting with a letter ("P", "I", "C", "P2").
func validPrefix(s string) bool {
	if s == "" || len(s) > 4 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
