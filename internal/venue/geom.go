package venue

import (
	"strconv"
	"strings"
)

// MaxExtent is the largest coordinate or size a plan may hold, in centimetres (2 km): far
// beyond any fairground, small enough that areas and sums never overflow.
const MaxExtent = 200_000

// Point is a position in centimetres from the plan's origin, x to the right and y down (the
// way SVG and a printed plan read).
type Point struct {
	X, Y int
}

// Rect is an axis-aligned rectangle in centimetres: its top-left corner and its size. Its
// edges belong to it, but two rectangles that only share an edge do not overlap.
type Rect struct {
	X, Y, W, H int
}

// Right and Bottom are the coordinates of the far edges.
func (r Rect) Right() int  { return r.X + r.W }
func (r Rect) Bottom() int { return r.Y + r.H }

// Area is the area in square centimetres.
func (r Rect) Area() int64 { return int64(r.W) * int64(r.H) }

// Empty reports whether r has no area (a zero or negative size).
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Overlaps reports whether r and o share some area (touching edges is not overlapping).
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.Right() && o.X < r.Right() && r.Y < o.Bottom() && o.Y < r.Bottom()
}

// Contains reports whether o lies inside r, edges included.
func (r Rect) Contains(o Rect) bool {
	return o.X >= r.X && o.Y >= r.Y && o.Right() <= r.Right() && o.Bottom() <= r.Bottom()
}

// Metres writes a length in centimetres as metres, the way people write them on a plan:
// "3", "2.5", "12.75", "-0.4". The decimal point is a dot; the web layer localises it.
func Metres(cm int) string {
	sign := ""
	if cm < 0 {
		sign, cm = "-", -cm
	}
	s := sign + strconv.Itoa(cm/100)
	if f := cm % 100; f != 0 {
		frac := strconv.Itoa(100 + f)[1:]
		s += "." + strings.TrimRight(frac, "0")
	}
	return s
}

// SquareMetres writes an area in square centimetres as whole square metres, rounded.
func SquareMetres(cm2 int64) string {
	return strconv.FormatInt((cm2+5_000)/10_000, 10)
}

// ParseMetres reads a length in metres as typed in a form ("3", "2.5", "2,5", " 12.75 ") and
// returns centimetres. It refuses more than two decimals, signs, and anything over MaxExtent.
func ParseMetres(s string) (int, bool) {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 2 || len(whole) > 6 {
		return 0, false
	}
	digits := func(x string) bool {
		for _, c := range x {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	if !digits(whole) || !digits(frac) {
		return 0, false
	}
	m, _ := strconv.Atoi("0" + whole)
	f, _ := strconv.Atoi((frac + "00")[:2])
	cm := m*100 + f
	return cm, cm <= MaxExtent
}
