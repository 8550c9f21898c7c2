package placement

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
)

// row builds n stands of a kind side by side in one row, ids prefix-1…prefix-n.
func row(prefix, kind string, n int) ([]Stand, []Edge) {
	var ss []Stand
	var es []Edge
	for i := range n {
		ss = append(ss, Stand{ID: fmt.Sprintf("%s-%d", prefix, i+1), Kind: kind, Order: i})
		if i > 0 {
			es = append(es, Edge{A: ss[i-1].ID, B: ss[i].ID, Relation: "side"})
		}
	}
	return ss, es
}

func product(id, sector, cat, prov string) Org {
	return Org{ID: id, Class: Product, Sector: sector, Category: cat, Province: prov}
}

func assign(t *testing.T, p *Problem) Result {
	t.Helper()
	r, err := Assign(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func standOf(r Result) map[string]string {
	m := map[string]string{}
	for _, a := range r.Assigned {
		m[a.Org] = a.Stand
	}
	return m
}

func TestValidate(t *testing.T) {
	ss, es := row("P", "product", 3)
	ss = append(ss, Stand{ID: "P-1", Kind: "product"}, Stand{ID: "X", Kind: "shop", Capacity: 3}, Stand{})
	es = append(es, Edge{A: "P-1", B: "Q", Relation: "side"}, Edge{A: "P-2", B: "P-3", Relation: "near"}, Edge{A: "P-2", B: "P-2", Relation: "side"})
	p := &Problem{Stands: ss, Edges: es,
		Orgs: []Org{product("a", "", "", ""), product("b", "", "", ""), {ID: "a"}, {ID: "c", Class: "vip"}, {}},
		Pins: []Pin{{Org: "a", Stand: "P-1"}, {Org: "b", Stand: "P-1"}, {Org: "a", Stand: "P-2"}, {Org: "z", Stand: "P-1"}, {Org: "b", Stand: "Q"}}}
	e, ok := apperr.As(p.Validate())
	if !ok {
		t.Fatal("no error")
	}
	var got []string
	for _, f := range e.Fields {
		got = append(got, fmt.Sprint(f.Key, f.Args))
	}
	want := []string{
		"placement.error.stand_duplicate[stand P-1]", "placement.error.stand_kind[stand X]", "placement.error.stand_capacity[stand X]",
		"placement.error.stand_id[row 6]", "placement.error.edge_stand[stand Q]", "placement.error.edge_relation[relation near]",
		"placement.error.edge_loop[stand P-2]", "placement.error.org_duplicate[org a]", "placement.error.org_class[org c]",
		"placement.error.org_id[row 5]", "placement.error.pin_taken[stand P-1 org b other_org a]", "placement.error.pin_twice[org a]",
		"placement.error.pin_org[org z]", "placement.error.pin_stand[stand Q org b]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if _, err := Assign(p, Options{}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("Assign on a faulty problem: %v", err)
	}
}

// Each class goes to its stands; sectors form blocks; a need is met; the honey sellers are
// not side by side although the construction would put them so.
func TestPolesSectorsNeeds(t *testing.T) {
	ps, pe := row("P", "product", 8)
	is, ie := row("I", "institutional", 2)
	cs, ce := row("C", "international", 2)
	ps[6].Water = true
	p := &Problem{Stands: slices.Concat(ps, is, cs), Edges: slices.Concat(pe, ie, ce), Orgs: []Org{
		{ID: "wilaya", Class: Institutional}, {ID: "bank", Class: Institutional},
		{ID: "senegal", Class: International},
		product("h1", "handicraft", "pottery", "01"), product("h2", "handicraft", "pottery", "02"),
		product("h3", "handicraft", "weaving_carpets", "01"), product("h4", "handicraft", "weaving_carpets", "02"),
		product("l1", "local_products", "honey", "01"), product("l2", "local_products", "honey", "02"),
		product("l3", "local_products", "argan", "03"),
	}}
	dairy := product("l4", "local_products", "dairy", "03")
	dairy.Water = true
	p.Orgs = append(p.Orgs, dairy)
	r := assign(t, p)
	at := standOf(r)
	if len(r.Assigned) != 11 || len(r.Unassigned) != 0 {
		t.Fatalf("%+v", r)
	}
	for org, prefix := range map[string]string{"wilaya": "I-", "bank": "I-", "senegal": "C-", "h1": "P-", "l4": "P-7"} {
		if at[org][:len(prefix)] != prefix {
			t.Errorf("%s on %s", org, at[org])
		}
	}
	// The best possible: the two sectors meet once side by side (6), and the four craftsmen
	// (pottery and weaving from provinces 01 and 02) cannot alternate both category and
	// province in a row of four, so one pair shares a province (3).
	if r.Score.Total != 9 || r.Score.SectorBoundary != 6 || r.Score.SameProvince != 3 || len(r.Violations) != 0 {
		t.Errorf("score %+v, violations %+v", r.Score, r.Violations)
	}
	// Sectors in blocks: handicraft on P-1..P-4, local products on P-5..P-8.
	for _, a := range r.Assigned {
		if a.Stand[0] == 'P' && (a.Org[0] == 'h') != (a.Stand[2] <= '4') {
			t.Errorf("%s on %s breaks the sector blocks", a.Org, a.Stand)
		}
	}
}

// A pin holds on re-run; more organisations than places leaves the last ranked out with a
// reason; an unmet need and an unavoidable clash are reported, with their figures.
func TestPinsOverflowViolations(t *testing.T) {
	ss, es := row("P", "product", 3)
	p := &Problem{Stands: ss, Edges: es, Orgs: []Org{
		product("a", "local_products", "honey", "01"), product("b", "local_products", "honey", "02"),
		product("c", "local_products", "honey", "03"), product("d", "local_products", "honey", "04"),
	}, Pins: []Pin{{Org: "c", Stand: "P-2"}}}
	p.Orgs[0].Rank = 9 // placed last: left out
	p.Orgs[1].Water = true
	r := assign(t, p)
	at := standOf(r)
	if at["c"] != "P-2" || at["a"] != "" {
		t.Errorf("assigned %v", at)
	}
	// The figures are the pole's: 4 organisations (the pinned one too) for its 3 places.
	wantOut := Unassigned{Org: "a", Reason: "placement.reason.no_stand_left", Args: []any{"class", "product", "orgs", 4, "places", 3}}
	if len(r.Unassigned) != 1 || fmt.Sprint(r.Unassigned[0]) != fmt.Sprint(wantOut) {
		t.Errorf("unassigned %+v", r.Unassigned)
	}
	var keys []string
	for _, v := range r.Violations {
		keys = append(keys, fmt.Sprint(v.Key, v.Args))
	}
	want := []string{
		fmt.Sprintf("placement.violation.need_water[org b stand %s]", at["b"]),
		"placement.violation.same_category_unavoidable[category honey stand P-1 other P-2 count 3 room 2]",
		"placement.violation.same_category_unavoidable[category honey stand P-2 other P-3 count 3 room 2]",
	}
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("got  %q\nwant %q", keys, want)
	}
	if r.Score.Needs != 1 || r.Score.NeedsUnmet != wNeed || r.Score.CategoryPairsSide != 2 {
		t.Errorf("score %+v", r.Score)
	}
	// Re-run with everything pinned as it came out: nothing moves.
	for _, a := range r.Assigned {
		if !a.Pinned {
			p.Pins = append(p.Pins, Pin{Org: a.Org, Stand: a.Stand})
		}
	}
	if again := standOf(assign(t, p)); fmt.Sprint(again) != fmt.Sprint(at) {
		t.Errorf("pinned re-run moved: %v → %v", at, again)
	}
	// A pin on a stand of another kind is honoured and reported.
	p.Stands = append(p.Stands, Stand{ID: "D-1", Kind: "demo", Order: 9})
	p.Pins = []Pin{{Org: "d", Stand: "D-1"}}
	r = assign(t, p)
	found := map[string]int{}
	for _, v := range r.Violations {
		found[v.Key]++
	}
	if standOf(r)["d"] != "D-1" || found["placement.violation.pin_kind"] != 1 || found["placement.violation.sector_split"] != 0 {
		t.Errorf("pin on a demo stand: %+v", r)
	}
}

// Shared stands take two organisations, and two sellers of the same product on one stand
// count as the closest clash.
func TestSharedStands(t *testing.T) {
	ss, es := row("P", "product", 2)
	for i := range ss {
		ss[i].Capacity = 2
	}
	p := &Problem{Stands: ss, Edges: es, Orgs: []Org{
		product("a", "s", "honey", "1"), product("b", "s", "honey", "2"), product("c", "s", "argan", "3"), product("d", "s", "argan", "4"),
	}}
	r := assign(t, p)
	if len(r.Assigned) != 4 {
		t.Fatalf("%+v", r)
	}
	at := standOf(r)
	if at["a"] == at["b"] || at["c"] == at["d"] {
		t.Errorf("same product sharing a stand: %v", at)
	}
}

// The result is a function of the problem's content: shuffling every list gives the same
// bytes; a different seed may give another assignment of the same quality class.
func TestDeterministic(t *testing.T) {
	p := randomProblem(rand.New(rand.NewPCG(3, 3)), 40, 36)
	a, _ := json.Marshal(assign(t, p))
	r := rand.New(rand.NewPCG(4, 4))
	q := &Problem{Stands: slices.Clone(p.Stands), Edges: slices.Clone(p.Edges), Orgs: slices.Clone(p.Orgs), Pins: slices.Clone(p.Pins)}
	r.Shuffle(len(q.Stands), func(i, j int) { q.Stands[i], q.Stands[j] = q.Stands[j], q.Stands[i] })
	r.Shuffle(len(q.Edges), func(i, j int) { q.Edges[i], q.Edges[j] = q.Edges[j], q.Edges[i] })
	r.Shuffle(len(q.Orgs), func(i, j int) { q.Orgs[i], q.Orgs[j] = q.Orgs[j], q.Orgs[i] })
	for i := range q.Edges {
		if i%2 == 0 {
			q.Edges[i].A, q.Edges[i].B = q.Edges[i].B, q.Edges[i].A
		}
	}
	b, _ := json.Marshal(assign(t, q))
	if string(a) != string(b) {
		t.Errorf("input order changed the result:\n%s\n%s", a, b)
	}
}

// randomProblem is a small products pole: stands in rows of 6 (two rows facing, the next
// back to back…), orgs with 3 sectors, 5 categories, 4 provinces and a few needs.
func randomProblem(r *rand.Rand, stands, orgs int) *Problem {
	p := &Problem{}
	for i := range stands {
		s := Stand{ID: fmt.Sprintf("P-%02d", i+1), Kind: "product", Order: i, Power: r.IntN(3) == 0, Water: r.IntN(6) == 0, Accessible: r.IntN(5) == 0}
		p.Stands = append(p.Stands, s)
		if i%6 > 0 {
			p.Edges = append(p.Edges, Edge{A: p.Stands[i-1].ID, B: s.ID, Relation: "side"})
		}
		if i >= 6 {
			rel := []string{"facing", "back"}[(i/6-1)%2]
			p.Edges = append(p.Edges, Edge{A: p.Stands[i-6].ID, B: s.ID, Relation: rel})
		}
	}
	for i := range orgs {
		sec := r.IntN(3)
		o := product(fmt.Sprintf("o%02d", i), fmt.Sprint("sector", sec), fmt.Sprint("cat", sec, r.IntN(3)), fmt.Sprint(r.IntN(4)))
		o.Power, o.Water, o.Access = r.IntN(6) == 0, r.IntN(12) == 0, r.IntN(15) == 0
		o.Rank = r.IntN(3)
		p.Orgs = append(p.Orgs, o)
	}
	if orgs > 2 {
		p.Pins = []Pin{{Org: p.Orgs[0].ID, Stand: p.Stands[stands-1].ID}}
	}
	return p
}

// Keeping an earlier assignment: everyone whose stand still takes them stays; a newcomer
// takes a free place beside its own sector; an organisation whose stand is gone, changed
// kind, or no longer has room is placed again; a kept stand is not reported as a pin.
func TestKeep(t *testing.T) {
	ss, es := row("P", "product", 8)
	orgs := []Org{
		product("h1", "handicraft", "rugs", "01"), product("h2", "handicraft", "pottery", "02"), product("h3", "handicraft", "rugs", "03"),
		product("l1", "local", "honey", "01"), product("l2", "local", "argan", "02"), product("l3", "local", "honey", "03"),
	}
	p := &Problem{Stands: ss, Edges: es, Orgs: orgs}
	first := assign(t, p)
	at := standOf(first)
	// h2 leaves, l4 (local products) comes: everyone else stays where they were.
	var newcomer Org = product("l4", "local", "figs", "04")
	p.Orgs = append(slices.DeleteFunc(slices.Clone(orgs), func(o Org) bool { return o.ID == "h2" }), newcomer)
	for _, a := range first.Assigned {
		p.Keep = append(p.Keep, Pin{Org: a.Org, Stand: a.Stand})
	}
	r := assign(t, p)
	again := standOf(r)
	for org, stand := range at {
		if org != "h2" && again[org] != stand {
			t.Errorf("%s moved from %s to %s", org, stand, again[org])
		}
	}
	taken := map[string]bool{}
	for org, stand := range again {
		if taken[stand] {
			t.Errorf("two organisations on %s", stand)
		}
		taken[stand] = true
		if org == "l4" && stand == "" {
			t.Error("the newcomer has no stand")
		}
	}
	// Beside the local products, not on h2's place between handicrafts.
	i := slices.IndexFunc(ss, func(s Stand) bool { return s.ID == again["l4"] })
	beside := false
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(ss) {
			for org, stand := range again {
				beside = beside || (stand == ss[j].ID && org[0] == 'l' && org != "l4")
			}
		}
	}
	if !beside {
		t.Errorf("the newcomer is away from its sector: %v", again)
	}
	for _, a := range r.Assigned {
		if a.Pinned {
			t.Errorf("%s is reported pinned", a.Org)
		}
	}
	// l1's stand is gone, l3's became a food stand, and a pin takes h1's: those three are
	// placed again; a keep naming an unknown organisation is left out, not an error.
	gone, food, pinned := at["l1"], at["l3"], at["h1"]
	var stands []Stand
	for _, s := range ss {
		switch s.ID {
		case gone:
			continue
		case food:
			s.Kind = "food"
		}
		stands = append(stands, s)
	}
	var edges []Edge
	for _, e := range es {
		if e.A != gone && e.B != gone {
			edges = append(edges, e)
		}
	}
	p.Stands, p.Edges = stands, edges
	p.Orgs = append(p.Orgs, Org{ID: "x", Class: Food})
	p.Pins = []Pin{{Org: "x", Stand: food}, {Org: "l4", Stand: pinned}}
	p.Keep = append(p.Keep, Pin{Org: "zz", Stand: "P-1"})
	r = assign(t, p)
	after := standOf(r)
	for _, org := range []string{"h3", "l2"} {
		if after[org] != again[org] {
			t.Errorf("%s moved from %s to %s", org, again[org], after[org])
		}
	}
	if after["l1"] == "" || after["l1"] == gone || after["l3"] == food || after["l3"] == "" || after["h1"] == pinned || after["l4"] != pinned || after["x"] != food {
		t.Errorf("after the plan changed: %v (gone %s, food %s, pinned %s)", after, gone, food, pinned)
	}
}

// A kept stand lacking what its organisation needs is left when a free one has it, and
// kept when none has: moving would gain nothing.
func TestKeepNeeds(t *testing.T) {
	ss, es := row("P", "product", 3)
	o := product("a", "s", "honey", "1")
	o.Water = true
	p := &Problem{Stands: ss, Edges: es, Orgs: []Org{o}, Keep: []Pin{{Org: "a", Stand: "P-1"}}}
	if at := standOf(assign(t, p)); at["a"] != "P-1" {
		t.Errorf("no stand has water, yet a moved: %v", at)
	}
	p.Stands[2].Water = true
	if at := standOf(assign(t, p)); at["a"] != "P-3" {
		t.Errorf("a free stand has water, yet a stayed: %v", at)
	}
}
