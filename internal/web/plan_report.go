package web

import (
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/store"
)

// runView is the last assignment's report, in sentences.
type runView struct {
	Total, Needs, Category, Province, Sector int
	Assigned                                 int
	Unassigned                               []string
	Violations                               []string
}

func (s *Server) runView(p *page, run *store.PlacementRun, placed []store.PlacedOrganisation) *runView {
	if run == nil {
		return nil
	}
	names := orgNames(p, placed)
	v := &runView{Total: run.Score.Total, Needs: run.Score.NeedsUnmet, Category: run.Score.SameCategory,
		Province: run.Score.SameProvince, Sector: run.Score.SectorBoundary, Assigned: run.Assigned}
	for _, u := range run.Unassigned {
		v.Unassigned = append(v.Unassigned, names[u.Org]+" — "+p.L.T(u.Reason, readable(p, u.Args, names)...))
	}
	for _, x := range run.Violations {
		v.Violations = append(v.Violations, p.L.T(x.Key, readable(p, x.Args, names)...))
	}
	return v
}

// placementSentences translates a refused problem (a pin to a taken stand…) with names
// instead of organisation ids.
func (s *Server) placementSentences(p *page, err error, placed []store.PlacedOrganisation) []string {
	e, ok := apperr.As(err)
	if !ok {
		return nil
	}
	names := orgNames(p, placed)
	if len(e.Fields) == 0 {
		return []string{p.L.T(e.Key, readable(p, e.Args, names)...)}
	}
	out := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		out = append(out, p.L.T(f.Key, readable(p, f.Args, names)...))
	}
	return out
}

func orgNames(p *page, placed []store.PlacedOrganisation) map[string]string {
	names := map[string]string{}
	for _, o := range placed {
		names[strconv.FormatInt(o.OrganisationID, 10)] = o.Name.In(p.Code)
	}
	return names
}

// readable replaces the codes in a report's placeholders by words: organisation ids by
// names, category, sector and class codes by their labels.
func readable(p *page, args []any, names map[string]string) []any {
	out := make([]any, len(args))
	copy(out, args)
	for i := 0; i+1 < len(out); i += 2 {
		v, ok := out[i+1].(string)
		if !ok {
			continue
		}
		switch out[i] {
		case "org", "other_org":
			if n, ok := names[v]; ok {
				out[i+1] = n
			}
		case "category":
			out[i+1] = p.L.T("taxonomy.category." + v)
		case "sector":
			out[i+1] = p.L.T("taxonomy.sector." + v)
		case "class":
			out[i+1] = p.L.T("map.kind." + v)
		}
	}
	return out
}
