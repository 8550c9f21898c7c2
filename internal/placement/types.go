package placement

// Class is what kind of stand an organisation goes to.
type Class string

// The classes, and the stand kind (venue.StandKind) each one takes.
const (
	Institutional Class = "institutional" // partners and public bodies → institutional stands
	International Class = "international" // foreign guests → international stands
	Product       Class = "product"       // the producers → product stands, grouped by sector
	Food          Class = "food"          // cooking and serving on site → food stands
)

// Classes lists the classes in the order the engine fills them.
var Classes = []Class{Institutional, International, Product, Food}

// StandKind is the kind of stand a class goes to.
func (c Class) StandKind() string {
	return string(c) // the names are the same as venue's stand kinds
}

// Valid reports whether c is a known class.
func (c Class) Valid() bool {
	for _, x := range Classes {
		if c == x {
			return true
		}
	}
	return false
}

// Stand is a stand as the engine sees it (see FromPlan).
type Stand struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`  // product, institutional, international, food; others (demo) take nobody
	Order      int    `json:"order"` // walking order: a run of consecutive orders is a contiguous block
	Power      bool   `json:"power,omitempty"`
	Water      bool   `json:"water,omitempty"`
	Accessible bool   `json:"accessible,omitempty"`
	Capacity   int    `json:"capacity,omitempty"` // organisations it holds; 0 means 1
}

// Edge says that two stands are neighbours, and how (venue.Relation: "side", "facing",
// "back", "across").
type Edge struct {
	A        string `json:"a"`
	B        string `json:"b"`
	Relation string `json:"relation"`
}

// Org is an organisation to place.
type Org struct {
	ID       string `json:"id"`
	Class    Class  `json:"class"`
	Sector   string `json:"sector,omitempty"`   // taxonomy.Sector; products are grouped by it
	Category string `json:"category,omitempty"` // its main product category (taxonomy code)
	Province string `json:"province,omitempty"`
	Power    bool   `json:"power,omitempty"`      // needs a socket
	Water    bool   `json:"water,omitempty"`      // needs a water point
	Access   bool   `json:"accessible,omitempty"` // needs an accessible stand
	// Rank orders organisations when a class has more of them than places: lower ranks are
	// placed first (the selection's order, say), then by id.
	Rank int `json:"rank,omitempty"`
}

// Pin puts an organisation on a stand by hand; the engine never moves it.
type Pin struct {
	Org   string `json:"org"`
	Stand string `json:"stand"`
}

// Problem is the input of Assign.
type Problem struct {
	Stands []Stand `json:"stands"`
	Edges  []Edge  `json:"edges"`
	Orgs   []Org   `json:"orgs"`
	Pins   []Pin   `json:"pins,omitempty"`
	// Keep is an earlier assignment to keep: each organisation stays on its stand when the
	// stand still takes it (it exists, is of its class's kind, offers what it needs, and has
	// room once the pins are in), and the others are placed around them. Unlike Pins, a
	// stale entry is no error: it is left out, and its organisation placed again.
	Keep []Pin `json:"keep,omitempty"`
}

// Options tune the search. The zero value is the default; results depend on them, so a
// saved assignment should record them.
type Options struct {
	Seed uint64 // 0 means DefaultSeed
	// Iterations of the local search per place to fill (0 means DefaultIterations).
	Iterations int
	// Restarts runs the local search this many times from the construction with different
	// seeds and keeps the best (0 means 1).
	Restarts int
}

// The defaults.
const (
	DefaultSeed       = 0x5157a9
	DefaultIterations = 3000
)

// Result is what Assign returns. Lists are sorted (assignments and unassigned by
// organisation id, violations by kind then stands), so the same problem gives the same
// result, byte for byte once encoded.
type Result struct {
	Assigned   []Assignment `json:"assigned"`
	Unassigned []Unassigned `json:"unassigned"`
	Score      Score        `json:"score"`
	Violations []Violation  `json:"violations"`
}

// Assignment is one organisation on one stand.
type Assignment struct {
	Org    string `json:"org"`
	Stand  string `json:"stand"`
	Pinned bool   `json:"pinned,omitempty"`
}

// Unassigned is an organisation left without a stand and why: Reason is a catalog key
// (placement.reason.*) and Args its placeholders.
type Unassigned struct {
	Org    string `json:"org"`
	Reason string `json:"reason"`
	Args   []any  `json:"args,omitempty"`
}

// Score is the penalty of an assignment (lower is better) and its parts, each already
// weighted (see the weights in doc.go). Counts are the raw numbers behind the parts.
type Score struct {
	Total          int `json:"total"`
	NeedsUnmet     int `json:"needs_unmet"`
	SameCategory   int `json:"same_category"`
	SameProvince   int `json:"same_province"`
	SectorBoundary int `json:"sector_boundary"`

	CategoryPairsSide int `json:"category_pairs_side"` // same category side by side (or sharing a stand)
	ProvincePairsSide int `json:"province_pairs_side"` // same province side by side (or sharing a stand)
	Needs             int `json:"needs_unmet_count"`   // needs not met
	SectorSplits      int `json:"sector_splits"`       // extra pieces of sectors (0 when every sector is one block)
}

// Violation is something the assignment could not satisfy, as a catalog key
// (placement.violation.*) with its placeholders, and the stands and organisations concerned.
type Violation struct {
	Key    string   `json:"key"`
	Args   []any    `json:"args,omitempty"`
	Stands []string `json:"stands,omitempty"`
	Orgs   []string `json:"orgs,omitempty"`
}
