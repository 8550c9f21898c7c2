// Package placement is the stand assignment: it puts the selected organisations of an
// edition on the stands of its plan. It is pure Go (no I/O); FromPlan reads a venue.Plan,
// and the types carry JSON tags so a problem and its result can be stored or exchanged.
//
// # What it does
//
// Each organisation has a class, and each class its kind of stand: partners and public
// bodies go to institutional stands, foreign guests to international stands, producers to
// product stands, caterers to food stands (demo stands take nobody). Producers are grouped
// by sector into contiguous zones; within a zone, neighbours should not sell the same
// product, and provinces should mix. Needs (power, water, an accessible stand) are met;
// pins put an organisation on a stand by hand, and stay put when the assignment is run again.
//
// # One organisation, one stand; shared stands; too many organisations
//
// The councils give each organisation one stand, which its two representatives keep (the
// press counts "260 exhibitors on 130 stands": exhibitors are people). So a stand holds one
// organisation unless the organiser marks it shared (Capacity 2, venue.Stand.Capacity), which
// is an explicit decision on the plan, never something the engine does by itself. When a
// class has more organisations than places, the engine places them in Rank order (the
// selection's order; ties by id) and reports the rest as Unassigned with the reason
// placement.reason.no_stand_left and the figures (organisations, places): nobody is dropped
// silently, nobody is squeezed onto a stand the organiser did not share, and the organiser
// decides (share more stands, add stands, or leave them on the waitlist).
//
// # Running again
//
// Problem.Keep carries an earlier assignment, so that running again after the selection
// changed (a withdrawal refilled from the waitlist) or the plan did moves nobody needlessly:
// an organisation stays on its stand as if pinned there when the stand still takes it (it
// exists, is of its class's kind, has room once the pins are in, higher ranks first, and
// offers what it needs, or no free place would offer more). The others (newcomers, and
// those whose stand went) are then placed one by one in rank order, each on the free place
// of its kind where it costs least, beside its own sector on a tie, and the local search
// swaps them among themselves only. Kept stands are hard pins rather than a cost on moving:
// a cost would have to outweigh every gain of the objective to promise that nobody moves,
// and would then be a pin in all but name; filtering the stale ones out first keeps every
// kept stand valid, so the result never breaks a rule to honour one. Kept organisations are
// not reported as pinned.
//
// # Objective
//
// Hard: pins, and each organisation on a stand of its class's kind. Then a penalty, lower
// is better, summed over pairs of organisations that are neighbours, weighted by how close
// they are (relation: shared stand, side by side, facing across the aisle, back to back,
// across a cross aisle):
//
//	                         shared  side  facing  back  across
//	same product category      12     10     4      1      2
//	same province               3      3     1      0      0
//	different sectors           6      6     3      3      2
//	(products only)
//
// plus 1000 per need not met, more than any arrangement of neighbours can gain, so needs
// come first whenever they can be met at all. Two honey sellers side by side (10) is the
// thing to avoid; facing each other across the aisle (4) is less bad; back to back (1) a
// visitor does not notice. The sector term is what keeps sectors contiguous: a producer
// dropped inside another sector's zone pays 6 for each side neighbour and 3 for each facing
// or back neighbour, about 20, more than the category clashes it could avoid (10 each), so
// a zone only gives way where its own stands cannot avoid a clash and a neighbour's can; and
// a zone's border costs the same wherever it lies, so zones stay compact. Province mixing
// weighs less than products: two cooperatives of one province side by side is a missed
// chance for territorial mixing, not a commercial harm. Score reports the weighted parts and
// the raw counts behind them (pairs of the same category side by side, needs not met, extra
// pieces of sectors).
//
// # Method
//
// Construction: pins first; then per class, the organisations in rank order up to the
// number of places. In the products pool each sector gets a block of consecutive places in
// walking order (venue numbers stands so that consecutive stands are neighbours), sized by
// its count, sectors in name order; a small min-cost flow between groups of organisations
// (sector, needs) and groups of places (block, facilities) meets the most needs first and
// keeps the most organisations in their block second; within a group, organisations are
// laid out so that categories, then provinces, alternate.
//
// Local search: simulated annealing over swaps of two organisations of the same pool, among
// the places the construction filled (pinned ones never move; free places stay at the end of
// the walk rather than opening holes in the zones), half the time between places at most 24
// apart in walking order. The penalty change of a swap is computed from the two places'
// neighbours only. The budget is a number of proposals (Options.Iterations per place, 3,000
// by default) and the random numbers come from a PCG with a fixed seed, so the result is the
// same for the same problem on any machine, whatever the order of the input lists (they are
// sorted by id and walking order first). Options.Restarts runs several searches and keeps
// the best.
//
// # What is reported
//
// Violations, as catalog keys with placeholders: a need not met (need_power, need_water,
// need_accessible), a pin on a stand of another kind (pin_kind), a sector in more than one
// piece (sector_split), and two organisations of the same category side by side or sharing
// a stand, as same_category_unavoidable when no arrangement of that sector's zone has fewer
// such pairs (a lower bound from the zone's rows: k of one category in a row of n stands make
// at least 2k − n − 1 pairs) and as same_category otherwise, with the category's count and
// the zone's room.
//
// # Figures
//
// bench/placementbench and the benchmarks in bench_test.go run the generated fairs of package
// salon (a 700-organisation, 350-stand national salon with shared product and international
// stands, and a 160-organisation regional fair); the figures are in the README.
package placement
