package venue

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// front is the coordinate of the line a stand opens on, and along its position along that
// line: a row is the stands of a zone with the same facing and the same front line.
func front(s Stand) (line, along int) {
	switch s.Facing {
	case North:
		return s.Rect.Y, s.Rect.X
	case South:
		return s.Rect.Bottom(), s.Rect.X
	case West:
		return s.Rect.X, s.Rect.Y
	default:
		return s.Rect.Right(), s.Rect.Y
	}
}

// walkOrder sorts stands (of one zone) in walking order: rows by their front line (east–west
// rows top to bottom first, then north–south rows left to right), each row walked in the
// opposite direction to the one before. In a generated pole this goes along one side of an
// aisle and comes back along the other, then on to the next aisle, so consecutive numbers
// are always a few metres apart and a run of numbers is a contiguous block of stands.
func walkOrder(stands []Stand) []Stand {
	type key struct {
		ew   bool
		line int
		face Side
	}
	rows := map[key][]Stand{}
	for _, s := range stands {
		line, _ := front(s)
		k := key{s.Facing.rowsEastWest(), line, s.Facing}
		rows[k] = append(rows[k], s)
	}
	keys := make([]key, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.ew != b.ew {
			if a.ew {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.face, b.face))
	})
	out := make([]Stand, 0, len(stands))
	for i, k := range keys {
		row := rows[k]
		slices.SortFunc(row, func(a, b Stand) int {
			_, pa := front(a)
			_, pb := front(b)
			return cmp.Or(cmp.Compare(pa, pb), cmp.Compare(a.Code, b.Code))
		})
		if i%2 == 1 {
			slices.Reverse(row)
		}
		out = append(out, row...)
	}
	return out
}

// codeFor writes the n-th code (1-based) of a zone with count stands: the zone's prefix, a
// dash and the number padded to two digits, or three from 100 stands ("I-07", "P-014").
func codeFor(prefix string, n, count int) string {
	width := max(2, len(strconv.Itoa(count)))
	return fmt.Sprintf("%s-%0*d", prefix, width, n)
}

// nextCode is the first code after the highest number among a zone's stands.
func nextCode(p Plan, zone string) string {
	high, count := 0, 1
	for _, s := range p.Stands {
		if s.Zone != zone {
			continue
		}
		count++
		if n, err := strconv.Atoi(strings.TrimPrefix(s.Code, zone+"-")); err == nil && n > high {
			high = n
		}
	}
	return codeFor(zone, high+1, max(count, high+1))
}

// renumbered returns the plan with the stands of a zone in walking order, numbered from 1,
// and placed in the plan where the zone's first stand was (other zones keep their order).
func renumbered(p Plan, zone string) Plan {
	var mine []Stand
	at := -1
	rest := make([]Stand, 0, len(p.Stands))
	for _, s := range p.Stands {
		if s.Zone == zone {
			if at < 0 {
				at = len(rest)
			}
			mine = append(mine, s)
			continue
		}
		rest = append(rest, s)
	}
	if at < 0 {
		return p
	}
	mine = walkOrder(mine)
	for i := range mine {
		mine[i].Code = codeFor(zone, i+1, len(mine))
	}
	p.Stands = slices.Concat(rest[:at], mine, rest[at:])
	return p
}
