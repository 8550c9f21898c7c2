package web

import (
	"context"

	catalogueweb "github.com/aswaq/aswaq/internal/catalogue/web"

	"github.com/aswaq/aswaq/internal/fair"
)

// SearchLabels gives the catalogue's search index the names of categories, sectors and
// legal forms in every language (see the catalogue's pages).
var SearchLabels = catalogueweb.SearchLabels

// nationalPhone shows a number as dialled in Morocco (see the catalogue's pages).
var nationalPhone = catalogueweb.NationalPhone

// orgExhibits gives the catalogue's organisation page the editions the organisation
// exhibited at (published selections) and its stands at those not over yet, until
// selections and stands have rooms of their own.
func (s *Server) orgExhibits(ctx context.Context, p *page, orgID int64) ([]fair.Edition, []option, error) {
	fairs, err := s.store.Participations(ctx, orgID)
	if err != nil {
		return nil, nil, err
	}
	stands, err := s.orgStandLinks(ctx, p, orgID, fairs)
	if err != nil {
		return nil, nil, err
	}
	return fairs, stands, nil
}
