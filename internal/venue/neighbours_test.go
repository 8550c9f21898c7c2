package venue

import (
	"slices"
	"testing"
)

func TestNeighbours(t *testing.T) {
	st := func(code string, x, y int, f Side) Stand {
		return Stand{Code: code, Rect: Rect{x, y, 300, 300}, Facing: f, Kind: ProductStand, Zone: "P"}
	}
	p := Plan{Stands: []Stand{
		st("a", 0, 0, South), st("b", 300, 0, South), // side by side
		st("c", 900, 0, South),                           // across a 3 m cross aisle from b
		st("d", 150, 600, North),                         // faces a and b across a 3 m aisle (half over each)
		st("e", 150, 900, South),                         // back to back with d
		st("f", 2000, 0, East), st("g", 2000, 300, East), // a north–south row
		st("h", 2600, 0, West),                             // faces f across 3 m
		st("i", 2300, 1000, North),                         // perpendicular to g: not a neighbour
		st("j", 0, 2000, North), st("k", 400, 2000, South), // opposite facings side by side: nothing
	}}
	var got []string
	for _, n := range p.Neighbours() {
		got = append(got, n.A+n.B+":"+string(n.Relation))
	}
	want := []string{"ab:side", "ad:facing", "bc:across", "bd:facing", "de:back", "fg:side", "fh:facing"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
