// Package web holds the editions feature's pages: the organisers' list of editions, the
// edition form with the steps of its life, the mobile-market tours and the call editor.
package web

import (
	"embed"
	"io/fs"

	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

//go:embed templates
var templateFS embed.FS

// Handlers serves the editions feature's pages.
type Handlers struct {
	*webkit.Kit
	editions *editions.Service
	// provinceResource names the region a posted province lies in, for the guard.
	provinceResource webkit.ResourceFunc
}

// New prepares the feature's pages and gives the kit their templates.
func New(kit *webkit.Kit, svc *editions.Service) *Handlers {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err)
	}
	kit.AddTemplates(sub)
	return &Handlers{Kit: kit, editions: svc}
}

// Routes are the feature's pages.
func (h *Handlers) Routes() []webkit.Route {
	return append(h.editionRoutes(), h.callAdminRoutes()...)
}

// Card is an edition as the public lists it, already in the reader's language.
type Card struct {
	ID     int64
	Title  string
	Kind   string
	Number int
	Dates  string
	Place  string // venue and city, or the city alone when the venue is unknown
	Region string
	Slogan string
	AreaM2 string
	// Cancelled says the edition is cancelled, and why; empty otherwise.
	Cancelled string
}

// CardOf puts edition e in the reader's words, for every page that lists fairs.
func CardOf(k *webkit.Kit, l *i18n.Localizer, e *fair.Edition) Card {
	code := string(l.Lang())
	c := Card{
		ID:     e.ID,
		Title:  e.Title.In(code),
		Kind:   l.T("fairs.kind." + string(e.Kind)),
		Number: e.Number,
		Dates:  l.DateRange(e.StartsOn.In(civil.Casablanca), e.EndsOn.In(civil.Casablanca)),
		Place:  e.City.In(code),
		Slogan: e.Slogan.In(code),
	}
	if venue := e.Venue.In(code); venue != "" {
		c.Place = l.T("fairs.venue_in_city", "venue", venue, "city", c.Place)
	}
	if _, ok := k.Regions[e.RegionCode]; ok {
		c.Region = k.RegionName(e.RegionCode, code)
	}
	if e.AreaM2 > 0 {
		c.AreaM2 = l.Number(int64(e.AreaM2))
	}
	if e.Status == fair.Cancelled {
		c.Cancelled = l.T("fairs.cancelled", "reason", e.CancelReason)
	}
	return c
}

// Card is CardOf with this feature's kit.
func (h *Handlers) Card(l *i18n.Localizer, e *fair.Edition) Card { return CardOf(h.Kit, l, e) }
