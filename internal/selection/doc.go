// Package selection is the selection engine behind `aswaq select`: given
// candidates with scores, attributes and flags, a number of seats and
// quotas, it chooses the exhibitors of a fair, proves the choice optimal,
// explains every decision and orders a waitlist. It is pure Go (standard
// library only) and does no I/O apart from Decode and Encode on the
// reader/writer it is given.
//
// # Contract (version 1)
//
// The JSON problem and result formats are a public contract. They are
// versioned by FormatVersion; a problem may carry "version": 1 and every
// result carries "version": 1. Any incompatible change must bump it.
//
// Problem:
//
//	{"version": 1,                       // optional; only 1 is accepted
//	 "seats": 160,                       // required, >= 0
//	 "candidates": [
//	   {"id": "A1",                      // required, non-empty, unique
//	    "score": 71.25,                  // required, at most two decimals, |score| <= 1000000
//	    "attrs": {"sector": "handicraft", "province": "231"},  // one value each; "" and "*" are not values
//	    "flags": ["women_led", "first_time"]}],                // free, non-empty, no duplicates
//	 "quotas": [
//	   {"attr": "sector", "value": "handicraft", "min": 80, "max": 80},
//	   {"attr": "province", "value": "*", "min": 2, "max": 25},
//	   {"flag": "women_led", "min": 60},
//	   {"flag": "youth_led", "max": 40}],
//	 "pins": [                                                   // optional
//	   {"id": "B7", "pin": "in", "justification": "jury decision of 3 May"},
//	   {"id": "C2", "pin": "out", "justification": "incomplete file"}]}
//
// A quota names either an attribute and a value, or a flag, with "min",
// "max" or both (integers >= 0, min <= max), counting selected candidates.
// "value": "*" applies the quota separately to every value of the attribute
// occurring among the candidates (pinned or not); a candidate without the
// attribute is in none of those groups. A pin forces a candidate in
// (selected whatever its score) or out (never selected) and must carry a
// written justification, echoed in the candidate's reason.
//
// Decode rejects, with an error wrapping ErrInvalid and naming the place:
// malformed JSON, unknown fields, duplicate keys, trailing data, wrong
// types, a missing "seats", negative seats, empty or duplicate ids, a score
// that is not a whole number of hundredths (71.255; "71.250" is accepted),
// out-of-range scores, quotas naming both or neither of attribute and flag,
// quotas without min and max, negative limits, min > max, pins naming an
// unknown or already pinned candidate, a pin other than "in"/"out", a pin
// without justification, and an unsupported version. The command prints
// the message on standard error and exits with code 2, writing nothing on
// standard output.
//
// Result:
//
//	{"version": 1,
//	 "status": "optimal",                // "optimal" | "infeasible" | "limit"
//	 "selected": ["A1", ...],            // sorted ids (byte order)
//	 "count": 160,
//	 "total_score": 12345.67,            // always two decimals
//	 "waitlist": ["A9", ...],
//	 "reasons": {"A7": {"decision": "waitlisted", "code": "attr_max",
//	                    "detail": {...}}},
//	 "conflict": [...],                  // infeasible only
//	 "relaxed": {...},                   // infeasible only, when possible
//	 "relaxed_note": "..."}              // infeasible only, when relaxed is absent
//
// Status "optimal" is a proof: no selection satisfying every quota, pin and
// the seat limit has more candidates, or as many with a higher total
// score, and among the selections with that count and score, this one has
// the lexicographically smallest sorted list of ids (ids compared as byte
// strings). The output is a function of the problem only: the order of the
// candidates in the input does not matter, and the same problem gives
// byte-identical output.
//
// Status "infeasible": no selection satisfies everything. "conflict" lists
// constraints that cannot hold together and is irreducible: dropping any
// one of them makes the rest satisfiable. A constraint is {"kind":
// "seats", "limit": 160}, {"kind": "quota_min" | "quota_max", "quota": 1
// (index in "quotas"), "attr"/"value" or "flag", "limit": 2} (for a "*"
// quota, "value" is the value of the group concerned), or {"kind": "pin_in"
// | "pin_out", "id": "B7"}. "relaxed" is {"relaxed_minimums": [quota_min
// constraints], "selected", "count", "total_score", "waitlist", "reasons"}:
// the best selection (same objective and tie-break, then the smallest list
// of relaxed minimums in constraint order: quotas in order, "*" values in
// byte order) after removing the fewest group minimums (each value of a
// "*" quota counts as one). It is absent when no removal of minimums helps
// (pins, maximums and seats conflict by themselves) or when its search,
// exact but bounded, hits a limit: more than 3 minimums to relax, more than
// 40 relaxed problems to solve or 50,000 search nodes (for instance 75
// province minimums of 3 with 161 seats need 22 of them relaxed);
// "relaxed_note" then says which. Top-level lists are empty and
// every candidate's decision is "undecided" with code "infeasible" (or
// "excluded"/"pinned_out").
//
// Status "limit": the search budget (Options.NodeLimit, a node count so
// that results are reproducible) ran out before a proof, or before the
// comparison with the selection without the pins in that the reasons need
// (see Pins and displaced candidates). Nothing is claimed: lists are empty,
// decisions "undecided", code "limit". The
// benchmark instances (5,000 and 50,000 candidates) need a few dozen
// nodes; the default budget is 200,000.
//
// # Reasons
//
// Every candidate gets {"decision", "code", "detail"}. Decisions are
// "selected", "waitlisted", "excluded" (pinned out) and "undecided". Codes
// and their details (detail.score is always the candidate's own score):
//
//   - selected: selected; nothing more to say.
//   - selected_quota_min: selected although a waitlisted candidate has a
//     higher score, and in a group whose minimum is exactly met (detail.quota
//     is that quota_min constraint, detail.selected the group's count): it
//     holds that minimum.
//   - selected_pinned: pinned in (detail.justification).
//   - attr_max / flag_max: waitlisted; adding the candidate would exceed
//     the maximum of an attribute (flag) group it belongs to, which is
//     reached: detail.quota (quota_max constraint), detail.selected (=
//     the limit), detail.last_selected_score (lowest score among the
//     group's selected candidates not pinned in; absent if there is
//     none). The group is the first such in constraint order.
//   - score_below_cutoff: waitlisted; no maximum blocks it but all seats
//     are taken, and every selected candidate it could replace one for one
//     with every quota still satisfied scores at least detail.cutoff >
//     its score.
//   - tie_break: as score_below_cutoff, with detail.cutoff equal to its
//     score: the tie-break rule (ids) decided.
//   - held_by_quota_min: waitlisted; seats are full and no one-for-one
//     replacement keeps every quota satisfied (every selected candidate it
//     could replace is needed by a minimum it is part of, or pinned in).
//   - displaced_by_pin: waitlisted; the candidate would have been selected
//     without the pins in, and is not with them (see Pins and displaced
//     candidates). detail.pinned lists the pinned-in candidates who took a
//     place: [{"id", "score", "justification"}], best first (score
//     descending, then id). This code takes precedence over the four
//     above; it carries no detail.last_selected_score.
//   - pinned_out: excluded by a pin (detail.justification).
//   - infeasible, limit: undecided (see statuses).
//
// For every waitlisted code, detail.rank is the 1-based waitlist position
// and detail.cutoff, when present, is the lowest score among the selected
// candidates not pinned in that it could replace one for one keeping every
// quota satisfied; by optimality it is never below the candidate's score.
// For score_below_cutoff, tie_break and held_by_quota_min,
// detail.last_selected_score is the lowest score among the selected
// candidates not pinned in (absent if every selected candidate is pinned
// in). A pinned-in candidate's score is never reported as a bar: the
// candidate did not have to reach it. These facts are checked against
// exhaustive search in the tests.
//
// # Pins and displaced candidates
//
// A pin in can cost another candidate their place, and the reason says so.
// Let S be the selection (under the constraints in force: all of them, or
// all but the relaxed minimums for "relaxed") and S0 the selection the
// engine would make under the same constraints without the pins in (pins
// out, quotas and seats kept; same objective and tie-break). A waitlisted
// candidate gets displaced_by_pin exactly when it is in S0 and not in S:
// it would have been selected had the organisers not forced anyone in.
// detail.pinned names the pinned-in candidates in S but not in S0; a
// pinned-in candidate selected in S0 too would have been selected anyway,
// and its pin displaced no one. The list is never empty for a displaced
// candidate: if every pinned-in candidate were in S0, S0 would satisfy
// the pins and be the selection. A candidate not in S0 would have lost
// anyway and keeps its usual code, whatever the pins' scores.
//
// Why this rule and not a cheaper test: a local test ("it scores above a
// pinned-in candidate it could replace one for one") also names
// candidates who would have lost anyway, when a better-placed candidate
// would have taken the freed place first; with minimums, maximums and
// the tie-break, who gets a freed place is only known by solving. S0 is
// exact and costs one more solve, only when pins in exist (about the
// time of the first). It shares the node budget; if the budget runs out,
// the status is "limit" (or, for the relaxed selection, "relaxed" is
// absent and "relaxed_note" says why) rather than reasons that might hide
// a pin.
//
// # Waitlist
//
// The waitlist holds every candidate neither selected nor pinned out, by
// score descending then id ascending. Guarantee: when a selected, unpinned
// candidate withdraws, the first waitlisted candidate whose entry keeps
// every quota satisfied is the best refill that keeps everybody else
// selected: among all selections made of the remaining selected
// candidates plus one more, it has the highest score (then the smallest
// id); no selection without the withdrawn one can have more candidates.
// If no waitlisted candidate fits, no such refill exists and the problem
// should be re-run with the withdrawn candidate pinned out (which may move
// other candidates).
//
// # Algorithm and why it is exact
//
// The problem is the integer program max sum w_i x_i, x_i in {0,1},
// sum x_i <= seats, min_g <= sum_{i in g} x_i <= max_g for every group g
// (pins fix variables). Aggregation: the rows a candidate belongs to (seat
// limit plus non-redundant quota groups) form its type; candidates of one
// type are interchangeable but for the score, so an optimal selection takes
// the best y_t of type t, and the problem becomes an integer program in the
// y_t with a concave piecewise-linear objective (prefix sums of sorted
// scores). With 75 provinces, 4 sectors and 3 flags there are at most a
// few thousand types and about 85 rows, whatever the number of candidates.
//
// The objective is lexicographic and solved in phases, all in exact
// integers (hundredths): (1+2) the highest score with exactly K selected,
// for K = the largest possible count first: K = min(seats, free
// candidates) is tried; if infeasible, K starts from the exact bound of
// the count LP and decreases; the first K with a feasible selection is the
// maximum count, since every larger K was proven infeasible. (3) the
// tie-break: candidates are decided in id order; each is taken iff some
// selection with the optimal count and score agrees with the decisions
// so far and takes it (a reduced-cost test on the exact root bound rules
// most candidates out without search). Taking a candidate of type t at
// position p means y_t >= p+1 because, within a type, the best-ranked
// (score, then id) candidates are always preferred by the tie-break too.
// This greedy yields the lexicographically smallest sorted id list, since
// for sets of equal size that is the lexicographically largest
// membership vector in id order.
//
// Each phase is LP-based branch and bound over y: the LP relaxation is
// solved by a bounded dual simplex with bound flipping written for this
// structure (the candidate-level LP, with at most one basic candidate per
// type; lp.go), warm-started in every node. Floating point is used only
// to guide the search: a node is pruned only if its Lagrangian bound,
// evaluated exactly in 128-bit integers for the rounded LP duals (any
// multipliers give a valid bound by weak duality), is below what is
// needed, or if its LP infeasibility ray passes an exact Farkas check.
// Integer solutions are checked exactly. If the LP fails to give a proof,
// the node is split on a type's range instead, so the search is always a
// complete enumeration of the y space, pruned only by exact arguments:
// the returned solution is optimal. The infeasibility analysis (conflict
// and relaxation, see infeasible.go) uses the same exact feasibility
// search.
//
// Cost: the LP has about m = 85 rows whatever the number of candidates;
// an iteration costs O(m^2 + number of types). On this machine (one core)
// the generated 5,000-candidate instances solve in about 20-40 ms and the
// 50,000-candidate ones in about 0.15-0.25 s, including the reasons (with
// pins in, one more solve gives the selection without them; see
// bench_test.go and TestCompareMILP for a comparison with CBC and GLPK).
package selection
