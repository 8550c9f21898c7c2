// Package venue is the floor plan of an edition: the venue's outline with its entrances, the
// poles and spaces as rectangles, and the stands, with the checks, edits, the stand
// generator and the neighbour relation the stand assignment (package placement) works on.
// It is pure Go: no I/O, no HTTP, no SQL; the drawing is in venue/svg.
//
// # Units and coordinates
//
// Lengths are integer centimetres (int), positions are measured from the top-left of the
// plan with x to the right and y downwards, as SVG and a printed plan read; north is the
// top. Centimetres, not float metres, because the checks are equalities: two 3 m stands side
// by side touch exactly, a stand sits exactly on a zone's edge, 13 × 2.9 m is 37.7 m and not
// 37.699999. Every realistic measure (a 2.5 m stand, a 1.2 m aisle) is a whole number of
// centimetres; decimetres would not hold 2.25 m. Metres, SquareMetres and ParseMetres convert
// for people. MaxExtent (2 km) bounds every coordinate, so areas fit in an int64.
//
// # The model
//
// The outline is a polygon with horizontal and vertical edges (a rectangle, an L, a U), so
// that "inside" is exact. An entrance is a point on a wall with the width of its opening and
// a clearance: the floor in front of it, that deep, must stay free of stands. Zones are the
// poles and spaces (fair.SpaceKind), each a rectangle with a short code that prefixes its
// stands' codes (P-001 in the products pole, I-01 in the institutional pole). A stand has a
// code, a rectangle, the side it opens on (Facing), a kind (product, institutional,
// international, demo, food), its facilities (power, water), whether it is accessible in a
// wheelchair, and how many organisations it holds: one, as the councils do (one organisation,
// one stand, two representatives), or two when the organiser decides to share it.
//
// Validate reports every problem at once with venue.error.* catalog keys: overlapping stands
// (naming both), a stand outside the outline or its zone or in front of an entrance, a zone
// larger than the venue or outside it, zero sizes, duplicate codes. The edits (Add, Move,
// Resize, Replace, Delete, Renumber, Generate) return a new plan or an error, never a plan
// half changed, and refuse a result with a problem the plan did not already have.
//
// # Generator and walking order
//
// Generate fills a zone with stands of one size in rows, back to back in pairs, with an
// aisle between pairs so that every stand opens on an aisle, cross aisles every MaxRun
// stands, and entrance clearances left free; it reports how many fit. Stands are numbered in
// walking order: along one side of an aisle, back along the other side, then the next aisle.
// A run of consecutive numbers is therefore a contiguous block of the floor, which is what
// the assignment uses to keep a sector together.
//
// # Neighbours
//
// Neighbours derives from the geometry which stands are side by side in a row, facing across
// an aisle, back to back, or on both sides of a cross aisle. The assignment avoids putting
// the same product side by side or face to face, and measures a sector's contiguity on them.
package venue
