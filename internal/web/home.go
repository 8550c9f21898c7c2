package web

import (
	"net/http"

	editionsweb "github.com/aswaq/aswaq/internal/editions/web"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
)

// fairCard is an edition as the public lists it (see the editions feature).
type fairCard = editionsweb.Card

type homeData struct {
	Total    int
	Upcoming []fairCard
	Current  []fairCard
	Past     []fairCard
}

// home says what Aswaq is and lists the fairs: current and upcoming first, then past ones.
func (s *Server) home(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	d, err := s.fairLists(r, p)
	if err != nil {
		return "", err
	}
	p.Title = p.L.T("home.title")
	p.Data = d
	return "home", nil
}

func (s *Server) fairCard(l *i18n.Localizer, e *fair.Edition) fairCard {
	return editionsweb.CardOf(s.Kit, l, e)
}
