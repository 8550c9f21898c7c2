package web

import (
	"net/http"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
)

// fairCard is an edition as the public lists it, already in the reader's language.
type fairCard struct {
	ID     int64
	Title  string
	Kind   string
	Number int
	Dates  string
	Place  string // venue and city, or the city alone when the venue is unknown
	Region string
	Slogan string
	AreaM2 string
}

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
	code := string(l.Lang())
	c := fairCard{
		ID:     e.ID,
		Title:  e.Title.In(code),
		Kind:   l.T("fairs.kind." + string(e.Kind)),
		Number: e.Number,
		Dates:  l.DateRange(e.StartsOn.In(casablanca), e.EndsOn.In(casablanca)),
		Place:  e.City.In(code),
		Slogan: e.Slogan.In(code),
	}
	if venue := e.Venue.In(code); venue != "" {
		c.Place = l.T("fairs.venue_in_city", "venue", venue, "city", c.Place)
	}
	if r, ok := s.regions[e.RegionCode]; ok {
		c.Region = mltext.Text{AR: r.NameAR, FR: r.NameFR}.In(code)
	}
	if e.AreaM2 > 0 {
		c.AreaM2 = l.Number(int64(e.AreaM2))
	}
	return c
}
