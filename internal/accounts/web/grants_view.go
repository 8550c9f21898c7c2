package web

import (
	"context"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// grantView is a grant as a person reads it: "Organiser — Fès-Meknès".
type grantView struct {
	ID    int64
	Role  string
	Scope string
}

func (h *Handlers) grantViews(ctx context.Context, p *webkit.Page, gs []account.Grant) ([]grantView, error) {
	out := make([]grantView, 0, len(gs))
	for _, g := range gs {
		v := grantView{ID: g.ID, Role: p.L.T("role." + string(g.Role))}
		switch g.Role.Scope() {
		case account.ScopeRegion:
			v.Scope = h.RegionName(g.RegionCode, p.Code)
		case account.ScopeEdition:
			name, err := h.scopes.EditionName(ctx, g.EditionID, p.Code)
			if err != nil {
				return nil, err
			}
			v.Scope = name
		case account.ScopeOrganisation:
			name, err := h.scopes.OrganisationName(ctx, g.OrganisationID, p.Code)
			if err != nil {
				return nil, err
			}
			v.Scope = name
		}
		out = append(out, v)
	}
	return out, nil
}
