package web

import (
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
)

// selectionProblem turns the competing candidates, the quotas, the seats and the pins into
// the engine's problem. Ids are application ids; attributes and flags are what quotas may
// name (call.QuotaAttrs, call.Flags).
func selectionProblem(cands []store.SelectionCandidate, quotas []selection.Quota, seats int, pins []store.SelectionPin) *selection.Problem {
	p := &selection.Problem{Seats: seats, Quotas: quotas}
	competing := map[int64]bool{}
	for _, c := range cands {
		if !c.Competing() {
			continue
		}
		competing[c.ApplicationID] = true
		sc := selection.Candidate{ID: strconv.FormatInt(c.ApplicationID, 10), Score: selection.Score(math.Round(c.Score.Total * 100)),
			Attrs: map[string]string{"sector": c.Sector, "province": c.Province, "legal_form": c.LegalForm}}
		for flag, on := range map[string]bool{"women_led": c.WomenLed, "youth_led": c.YouthLed, "first_time": c.FirstTime} {
			if on {
				sc.Flags = append(sc.Flags, flag)
			}
		}
		slices.Sort(sc.Flags)
		p.Candidates = append(p.Candidates, sc)
	}
	for _, pin := range pins {
		if competing[pin.ApplicationID] {
			p.Pins = append(p.Pins, selection.Pin{ID: strconv.FormatInt(pin.ApplicationID, 10), Side: pin.Side, Justification: pin.Justification})
		}
	}
	return p
}

// quotaGroup is one group a quota bounds (a "*" quota gives one per value), with how many
// of the selection fall in it.
type quotaGroup struct {
	Quota    int // index in the problem's quotas
	Attr     string
	Value    string
	Flag     string
	Min, Max *int
	Count    int
}

// Met reports whether the group's count is within its bounds.
func (g quotaGroup) Met() bool {
	return (g.Min == nil || g.Count >= *g.Min) && (g.Max == nil || g.Count <= *g.Max)
}

// quotaGroups expands the quotas into groups and counts the selected candidates in each.
func quotaGroups(p *selection.Problem, selected []string) []quotaGroup {
	in := map[string]bool{}
	for _, id := range selected {
		in[id] = true
	}
	var out []quotaGroup
	for qi, q := range p.Quotas {
		if q.Flag != "" {
			g := quotaGroup{Quota: qi, Flag: q.Flag, Min: q.Min, Max: q.Max}
			for _, c := range p.Candidates {
				if in[c.ID] && slices.Contains(c.Flags, q.Flag) {
					g.Count++
				}
			}
			out = append(out, g)
			continue
		}
		values := []string{q.Value}
		if q.Value == "*" {
			values = nil
			for _, c := range p.Candidates {
				if v := c.Attrs[q.Attr]; !slices.Contains(values, v) {
					values = append(values, v)
				}
			}
			sort.Strings(values)
		}
		for _, v := range values {
			g := quotaGroup{Quota: qi, Attr: q.Attr, Value: v, Min: q.Min, Max: q.Max}
			for _, c := range p.Candidates {
				if in[c.ID] && c.Attrs[q.Attr] == v {
					g.Count++
				}
			}
			out = append(out, g)
		}
	}
	return out
}

// refillFor proposes who takes a withdrawn selected organisation's place: the first on the
// waitlist, in rank order, whose entry keeps every quota group within its bounds. The
// engine orders its waitlist so that this rule is the right refill.
func refillFor(p *selection.Problem, selected []string, withdrawn string, waitlist []string) (string, bool) {
	rest := slices.DeleteFunc(slices.Clone(selected), func(id string) bool { return id == withdrawn })
	for _, id := range waitlist {
		trial := append(slices.Clone(rest), id)
		ok := true
		for _, g := range quotaGroups(p, trial) {
			if !g.Met() {
				ok = false
				break
			}
		}
		if ok {
			return id, true
		}
	}
	return "", false
}
