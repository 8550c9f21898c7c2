package web

import (
	"context"
	"slices"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/store"
)

// runView is the last assignment's report, in sentences.
type runView struct {
	Total, Needs, Category, Province, Sector int
	Assigned                                 int
	Full                                     bool // everyone was placed afresh
	Changes                                  []string
	Unassigned                               []string
	Violations                               []string
}

// runView writes the last run's report with the organisations' names, those that have
// left the selection since included: never their ids.
func (s *Server) runView(ctx context.Context, p *page, run *store.PlacementRun, placed []store.PlacedOrganisation) (*runView, error) {
	if run == nil {
		return nil, nil
	}
	var ids []string
	for _, u := range run.Unassigned {
		ids = append(ids, u.Org)
	}
	for _, x := range run.Violations {
		ids = append(ids, x.Orgs...)
	}
	for _, c := range run.Changes {
		ids = append(ids, strconv.FormatInt(c.OrganisationID, 10))
	}
	names, err := s.orgNames(ctx, p, placed, ids)
	if err != nil {
		return nil, err
	}
	v := &runView{Total: run.Score.Total, Needs: run.Score.NeedsUnmet, Category: run.Score.SameCategory,
		Province: run.Score.SameProvince, Sector: run.Score.SectorBoundary, Assigned: run.Assigned, Full: run.Full}
	for _, c := range run.Changes {
		name := orgName(p, names, strconv.FormatInt(c.OrganisationID, 10))
		switch {
		case c.To == "":
			v.Changes = append(v.Changes, p.L.T("plan.change.lost", "org", name, "old", c.From))
		case c.From == "":
			v.Changes = append(v.Changes, p.L.T("plan.change.new", "org", name, "stand", c.To))
		default:
			v.Changes = append(v.Changes, p.L.T("plan.change.moved", "org", name, "old", c.From, "stand", c.To))
		}
	}
	for _, u := range run.Unassigned {
		v.Unassigned = append(v.Unassigned, orgName(p, names, u.Org)+" — "+p.L.T(u.Reason, readable(p, u.Args, names)...))
	}
	for _, x := range run.Violations {
		v.Violations = append(v.Violations, p.L.T(x.Key, readable(p, x.Args, names)...))
	}
	return v, nil
}

// orgName is the name of the organisation with that id, or, for one the registry no
// longer has (merged away), words saying so: a report never shows a bare id.
func orgName(p *page, names map[string]string, id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	return p.L.T("plan.org_unknown")
}

// placementSentences translates a refused problem (a pin to a taken stand…) with names
// instead of organisation ids.
func (s *Server) placementSentences(ctx context.Context, p *page, err error, placed []store.PlacedOrganisation) []string {
	e, ok := apperr.As(err)
	if !ok {
		return nil
	}
	var ids []string
	for _, f := range append([]apperr.FieldError{{Args: e.Args}}, e.Fields...) {
		for i := 0; i+1 < len(f.Args); i += 2 {
			if v, ok := f.Args[i+1].(string); ok && (f.Args[i] == "org" || f.Args[i] == "other_org") {
				ids = append(ids, v)
			}
		}
	}
	names, _ := s.orgNames(ctx, p, placed, ids) // without the others' names, the refusal is still worth reading
	if len(e.Fields) == 0 {
		return []string{p.L.T(e.Key, readable(p, e.Args, names)...)}
	}
	out := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		out = append(out, p.L.T(f.Key, readable(p, f.Args, names)...))
	}
	return out
}

// orgNames names the selected organisations, and those among ids that are not (any
// more), by id.
func (s *Server) orgNames(ctx context.Context, p *page, placed []store.PlacedOrganisation, ids []string) (map[string]string, error) {
	names := map[string]string{}
	for _, o := range placed {
		names[strconv.FormatInt(o.OrganisationID, 10)] = o.Name.In(p.Code)
	}
	var missing []int64
	for _, id := range ids {
		if _, ok := names[id]; !ok {
			if n, err := strconv.ParseInt(id, 10, 64); err == nil && !slices.Contains(missing, n) {
				missing = append(missing, n)
			}
		}
	}
	if len(missing) == 0 {
		return names, nil
	}
	more, err := s.store.OrganisationNames(ctx, missing)
	for id, name := range more {
		names[strconv.FormatInt(id, 10)] = name.In(p.Code)
	}
	return names, err
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
			out[i+1] = orgName(p, names, v)
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
