package web

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/ics"
)

func (s *Server) fairRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/fairs", perm: authz.Public, page: s.fairsPage},
		{pattern: "GET /{lang}/fairs/{id}", perm: authz.Public, page: s.fairPage},
		{pattern: "GET /{lang}/fairs/{id}/calendar.ics", perm: authz.Public, page: s.fairCalendar},
	}
}

// publicEdition reads an edition the public may see: a draft is the council's work in
// progress and does not exist for visitors.
func (s *Server) publicEdition(r *http.Request) (fair.Edition, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return fair.Edition{}, err
	}
	e, err := s.editions.Edition(r.Context(), id)
	if err == nil && e.Status == fair.Draft {
		err = apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return e, err
}

// fairsPage lists the editions: those on now, those to come (the nearest first), and past
// ones (the latest first). Drafts are not shown.
func (s *Server) fairsPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	d, err := s.fairLists(r, p)
	if err != nil {
		return "", err
	}
	p.Title, p.Data = p.L.T("fairs.title"), d
	return "fairs", nil
}

// fairLists sorts the public editions into current, upcoming and past.
func (s *Server) fairLists(r *http.Request, p *page) (homeData, error) {
	editions, err := s.editions.Editions(r.Context())
	if err != nil {
		return homeData{}, err
	}
	today := s.today()
	var d homeData
	for i := range editions {
		e := &editions[i]
		if e.Status == fair.Draft {
			continue
		}
		d.Total++
		card := s.fairCard(p.L, e)
		switch e.PhaseOn(today) {
		case fair.Upcoming:
			d.Upcoming = append([]fairCard{card}, d.Upcoming...) // editions come latest first
		case fair.Current:
			d.Current = append(d.Current, card)
		default:
			d.Past = append(d.Past, card)
		}
	}
	return d, nil
}

// fairView is an edition's public page, in the reader's language.
type fairView struct {
	Card       fairCard
	URL        string
	ICS        string
	Days       int
	Hours      string
	Province   string
	Theme      string
	About      string
	Occasion   string
	Patronage  string
	LegalBasis string
	Targets    []option // label and figure
	Partners   []partnerGroup
	Spaces     []spaceView
	Guests     []string
	Tour       string
	TourStops  []fairCard
	Phase      string
	Call       string // where the call for applications stands, when there is one
	CallURL    string
	Exhibitors []option // link and name, once the selection is published
}

type partnerGroup struct {
	Label   string
	Members []partnerView
}

type partnerView struct {
	Name       string
	Convention string
}

type spaceView struct {
	Name   string
	Kind   string
	Area   string
	Stands int
}

func (s *Server) fairPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	e, err := s.publicEdition(r)
	if err != nil {
		return "", err
	}
	id := strconv.FormatInt(e.ID, 10)
	v := fairView{Card: s.fairCard(p.L, &e), URL: s.link(p.Code, "/fairs/"+id), ICS: "/" + p.Code + "/fairs/" + id + "/calendar.ics",
		Days: e.Days(), Province: s.provinceName(e.ProvinceCode, p.Code), Theme: e.Theme.In(p.Code), About: e.About.In(p.Code),
		Occasion: e.Occasion.In(p.Code), Patronage: e.Patronage.In(p.Code), LegalBasis: e.LegalBasis.In(p.Code),
		Phase: p.L.T("fairs.phase." + string(e.PhaseOn(s.today())))}
	if e.Status == fair.Cancelled {
		v.Phase = p.L.T("fairs.phase.cancelled")
	}
	if e.Hours.Set {
		v.Hours = p.L.T("fairs.hours_value", "opens", fair.Clock(e.Hours.Opens), "closes", fair.Clock(e.Hours.Closes))
	}
	for _, t := range []struct {
		key string
		n   int
	}{{"fairs.target.visitors", e.TargetVisitors}, {"fairs.target.exhibitors", e.TargetExhibitors},
		{"fairs.target.organisations", e.TargetOrgs}, {"fairs.target.stands", e.TargetStands}} {
		if t.n > 0 {
			v.Targets = append(v.Targets, option{Value: p.L.T(t.key), Label: p.L.Number(int64(t.n))})
		}
	}
	for _, role := range fair.PartnerRoles {
		g := partnerGroup{Label: p.L.T("fairs.role_heading." + string(role))}
		for _, pa := range e.Partners {
			if pa.Role == role {
				g.Members = append(g.Members, partnerView{Name: pa.Name.In(p.Code), Convention: pa.Convention})
			}
		}
		if len(g.Members) > 0 {
			v.Partners = append(v.Partners, g)
		}
	}
	for _, sp := range e.Spaces {
		view := spaceView{Name: sp.Name.In(p.Code), Kind: p.L.T("fairs.space." + string(sp.Kind)), Stands: sp.Stands}
		if view.Name == "" {
			view.Name, view.Kind = view.Kind, ""
		}
		if sp.AreaM2 > 0 {
			view.Area = p.L.T("fairs.area", "area", p.L.Number(int64(sp.AreaM2)))
		}
		v.Spaces = append(v.Spaces, view)
	}
	for _, g := range e.Guests {
		v.Guests = append(v.Guests, g.Name.In(p.Code))
	}
	if err := s.tourStops(r, p, &e, &v); err != nil {
		return "", err
	}
	exhibitors, err := s.store.Exhibitors(r.Context(), e.ID)
	if err != nil {
		return "", err
	}
	for _, x := range exhibitors {
		v.Exhibitors = append(v.Exhibitors, option{Value: "/" + p.Code + "/catalogue/organisations/" + strconv.FormatInt(x.OrganisationID, 10), Label: x.Name.In(p.Code) + " — " + s.provinceName(x.Province, p.Code)})
	}
	if c, err := s.editions.Call(r.Context(), e.ID); err == nil {
		v.Call = callStateText(p.L, editions.Window(&e, &c, true, s.now()), &c)
		v.CallURL = "/" + p.Code + "/fairs/" + id + "/apply"
	} else if apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	p.Title, p.Data = e.Title.In(p.Code), v
	return "fair", nil
}

// tourStops fills in the tour an edition belongs to and the tour's other public stops.
func (s *Server) tourStops(r *http.Request, p *page, e *fair.Edition, v *fairView) error {
	if e.TourID == 0 {
		return nil
	}
	tours, err := s.editions.Tours(r.Context(), false, []string{e.RegionCode})
	if err != nil {
		return err
	}
	for _, t := range tours {
		if t.ID == e.TourID {
			v.Tour = t.Title.In(p.Code)
		}
	}
	eds, err := s.editions.EditionsInRegions(r.Context(), false, []string{e.RegionCode})
	for i := len(eds) - 1; i >= 0; i-- {
		if eds[i].TourID == e.TourID && eds[i].ID != e.ID && eds[i].Status != fair.Draft {
			v.TourStops = append(v.TourStops, s.fairCard(p.L, &eds[i]))
		}
	}
	return err
}

// fairCalendar sends the edition's dates as an iCalendar file: one event a day at the
// opening hours when they are known, otherwise one event over whole days.
func (s *Server) fairCalendar(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	e, err := s.publicEdition(r)
	if err != nil {
		return "", err
	}
	id := strconv.FormatInt(e.ID, 10)
	card := s.fairCard(p.L, &e)
	base := ics.Event{Summary: card.Title, Location: card.Place, Description: card.Slogan, URL: s.link(p.Code, "/fairs/"+id),
		Cancelled: e.Status == fair.Cancelled}
	if base.Cancelled {
		base.Description = card.Cancelled
	}
	var events []ics.Event
	if e.Hours.Set {
		for d := e.StartsOn; !d.After(e.EndsOn); d = d.AddDays(1) {
			ev := base
			ev.UID = "edition-" + id + "-" + d.String() + "@aswaq"
			ev.Start = clockOn(d, e.Hours.Opens)
			ev.End = clockOn(d, e.Hours.Closes)
			if e.Hours.Closes < e.Hours.Opens { // open past midnight
				ev.End = clockOn(d.AddDays(1), e.Hours.Closes)
			}
			events = append(events, ev)
		}
	} else {
		ev := base
		ev.UID, ev.AllDay = "edition-"+id+"@aswaq", true
		ev.Start, ev.End = e.StartsOn.In(time.UTC), e.EndsOn.AddDays(1).In(time.UTC)
		events = append(events, ev)
	}
	var buf bytes.Buffer
	if err := ics.Write(&buf, "-//Aswaq//Fairs//"+p.Code, s.now(), events); err != nil {
		return "", err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+ics.Filename("aswaq-"+id+"-"+e.City.FR)+`"`)
	w.Write(buf.Bytes())
	return "", nil
}

// clockOn is a time of day on a date, on Casablanca's wall clock (whose offset changes
// around Ramadan, so adding minutes to midnight would be wrong on those days).
func clockOn(d civil.Date, minutes int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, minutes/60, minutes%60, 0, 0, casablanca)
}
