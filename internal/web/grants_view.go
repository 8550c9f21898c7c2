package web

import (
	"context"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
)

// grantView is a grant as a person reads it: "Organiser — Fès-Meknès".
type grantView struct {
	ID    int64
	Role  string
	Scope string
}

func (s *Server) grantViews(ctx context.Context, p *page, gs []account.Grant) ([]grantView, error) {
	out := make([]grantView, 0, len(gs))
	for _, g := range gs {
		v := grantView{ID: g.ID, Role: p.L.T("role." + string(g.Role))}
		switch g.Role.Scope() {
		case account.ScopeRegion:
			v.Scope = s.regionName(g.RegionCode, p.Code)
		case account.ScopeEdition:
			e, err := s.editions.Edition(ctx, g.EditionID)
			if err != nil && apperr.CodeOf(err) != apperr.NotFound {
				return nil, err
			}
			v.Scope = e.Title.In(p.Code)
		case account.ScopeOrganisation:
			o, err := s.store.Organisation(ctx, g.OrganisationID)
			if err != nil && apperr.CodeOf(err) != apperr.NotFound {
				return nil, err
			}
			v.Scope = o.Name.In(p.Code)
		}
		out = append(out, v)
	}
	return out, nil
}
