package web

import (
	"context"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/venue"
	"github.com/aswaq/aswaq/internal/venue/svg"
)

func (s *Server) planRoutes() []route {
	const base = "/{lang}/admin/editions/{id}/plan"
	r := func(pattern string, page pageFunc) route {
		return route{pattern: pattern, perm: authz.ManageEditions, resource: s.editionResource, page: page}
	}
	return []route{
		r("GET "+base, s.planPage),
		r("POST "+base+"/start", s.startPlan),
		r("POST "+base+"/zones", s.addZone),
		r("POST "+base+"/zones/edit", s.editZone),
		r("POST "+base+"/outline", s.resizeVenue),
		r("POST "+base+"/entrances", s.editEntrances),
		r("POST "+base+"/generate", s.generateZone),
		r("POST "+base+"/stands", s.editStand),
		r("POST "+base+"/renumber", s.renumberZone),
		r("POST "+base+"/practical", s.savePractical),
		r("POST "+base+"/assign", s.assignStands),
		r("POST "+base+"/pins", s.pinStand),
		r("POST "+base+"/pins/delete", s.unpinStand),
		r("GET "+base+"/print", s.planPrint),
		r("GET "+base+"/list", s.standListPage),
		r("GET "+base+"/stands.xlsx", s.exportStands),
	}
}

// planView is what the plan editor shows.
type planView struct {
	Edition   fair.Edition
	EditionID int64
	Base      string // the editor's address
	HasPlan   bool
	Plan      venue.Plan
	SVG       template.HTML
	Summary   string
	Zones     []zoneRow
	Spaces    []option // the edition's poles a zone can be made from
	ZoneCodes []option
	StandList []option
	Selected  string // the stand whose form is open
	Sides     []option
	Entrances []entranceRow
	Width     string // the venue's size, in metres, for its form
	Depth     string
	Kinds     []option
	Rows      []option
	Form      *form
	Problems  []string
	Notice    string
	Run       *runView
	Orgs      []placedRow
	Unplaced  int
}

// entranceRow is one entrance in the editor's list.
type entranceRow struct {
	Code, Where string
}

type zoneRow struct {
	Code, Name, Kind, Size string
	Stands                 int
	X, Y, W, D             string // in metres, for the pole's form
}

// planInputs reads what the editor needs: the edition and its plan (zero when none).
func (s *Server) planInputs(ctx context.Context, id int64) (fair.Edition, store.EditionPlan, bool, error) {
	e, err := s.editions.Edition(ctx, id)
	if err != nil {
		return e, store.EditionPlan{}, false, err
	}
	ep, err := s.store.Plan(ctx, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		return e, ep, false, nil
	}
	return e, ep, err == nil, err
}

func (s *Server) planPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	q := r.URL.Query()
	notice := ""
	if z := q.Get("generated"); z != "" {
		fitted, _ := strconv.Atoi(q.Get("fitted"))
		skipped, _ := strconv.Atoi(q.Get("skipped"))
		notice = p.L.T("plan.generated", "zone", z, "fitted", fitted, "skipped", skipped)
	}
	if s.sessions.Exists(r.Context(), sessionTold) {
		if n := s.sessions.PopInt(r.Context(), sessionTold); n > 0 {
			p.Flash = p.L.N("plan.flash.assigned_told", n)
		} else {
			p.Flash = p.L.T("plan.flash.assigned_unchanged")
		}
	}
	return s.renderPlan(r, p, id, newForm(), nil, notice)
}

// renderPlan shows the editor with f's values (a form that came back keeps what was typed)
// and the problems of a refused change.
func (s *Server) renderPlan(r *http.Request, p *page, id int64, f *form, probs []string, notice string) (string, error) {
	ctx := r.Context()
	e, ep, has, err := s.planInputs(ctx, id)
	if err != nil {
		return "", err
	}
	v := &planView{Edition: e, EditionID: id, Base: s.editionAdminURL(p, id) + "/plan", HasPlan: has, Plan: ep.Plan,
		Form: f, Problems: probs, Notice: notice, Selected: r.URL.Query().Get("stand")}
	if f.Get("st_stand") != "" {
		v.Selected = f.Get("st_stand")
	}
	for i, sp := range e.Spaces {
		label := sp.Name.In(p.Code)
		if label == "" {
			label = p.L.T("fairs.space." + string(sp.Kind))
		}
		if sp.AreaM2 > 0 {
			label += " — " + p.L.T("plan.area_value", "area", sp.AreaM2)
		}
		v.Spaces = append(v.Spaces, option{Value: strconv.Itoa(i), Label: label})
	}
	for _, k := range fair.SpaceKinds {
		v.Spaces = append(v.Spaces, option{Value: "kind:" + string(k), Label: p.L.T("fairs.space." + string(k))})
	}
	for _, side := range []venue.Side{venue.North, venue.East, venue.South, venue.West} {
		v.Sides = append(v.Sides, option{Value: string(side), Label: p.L.T("plan.side." + string(side))})
	}
	for _, k := range venue.StandKinds {
		v.Kinds = append(v.Kinds, option{Value: string(k), Label: p.L.T("map.kind." + string(k))})
	}
	v.Rows = []option{{Value: string(venue.RowsEastWest), Label: p.L.T("plan.rows.ew")}, {Value: string(venue.RowsNorthSouth), Label: p.L.T("plan.rows.ns")}}
	p.Title = p.L.T("plan.title")
	if !has {
		w, d := defaultOutline(e.AreaM2)
		defaults(f, map[string]string{"start_width": venue.Metres(w), "start_depth": venue.Metres(d), "start_entrance": "s",
			"start_entrance_width": "6", "start_clearance": "4"})
		p.Data = v
		return "plan", nil
	}
	pl := ep.Plan
	if _, _, ok := pl.Stand(v.Selected); !ok {
		v.Selected = "" // a stale link to a stand since deleted or renumbered
	}
	b := pl.Outline.Bounds()
	v.Summary = p.L.T("plan.summary", "width", venue.Metres(b.W), "depth", venue.Metres(b.H),
		"area", venue.SquareMetres(pl.Outline.Area()), "stands", len(pl.Stands))
	count := map[string]int{}
	for _, st := range pl.Stands {
		count[st.Zone]++
		v.StandList = append(v.StandList, option{Value: st.Code, Label: st.Code})
	}
	v.Width, v.Depth = venue.Metres(b.W), venue.Metres(b.H)
	for _, e := range pl.Entrances {
		v.Entrances = append(v.Entrances, entranceRow{Code: e.Code, Where: p.L.T("plan.entrance_at", "x", venue.Metres(e.At.X),
			"y", venue.Metres(e.At.Y), "width", venue.Metres(e.Width))})
	}
	for _, z := range pl.Zones {
		v.Zones = append(v.Zones, zoneRow{Code: z.Code, Name: zoneName(p, z), Kind: p.L.T("fairs.space." + string(z.Kind)),
			Size:   p.L.T("plan.zone_size", "width", venue.Metres(z.Rect.W), "depth", venue.Metres(z.Rect.H), "x", venue.Metres(z.Rect.X), "y", venue.Metres(z.Rect.Y)),
			Stands: count[z.Code], X: venue.Metres(z.Rect.X), Y: venue.Metres(z.Rect.Y), W: venue.Metres(z.Rect.W), D: venue.Metres(z.Rect.H)})
		v.ZoneCodes = append(v.ZoneCodes, option{Value: z.Code, Label: z.Code + " — " + zoneName(p, z)})
	}
	placed, err := s.store.PlacedOrganisations(ctx, id)
	if err != nil {
		return "", err
	}
	titles := map[string]string{}
	v.Orgs, v.Unplaced = placedRows(p, placed, titles)
	link := func(code string) string { return v.Base + "?stand=" + url.QueryEscape(code) + "#stand-form" }
	v.SVG = drawPlan(pl, planLabels(p, &e, pl, titles), svg.Options{Highlight: v.Selected, Link: link})
	if v.Run, err = s.runView(ctx, p, ep.LastRun, placed); err != nil {
		return "", err
	}
	s.planDefaults(f, pl, v.Selected)
	defaults(f, map[string]string{"practical_ar": ep.Practical.AR, "practical_fr": ep.Practical.FR})
	p.Data = v
	return "plan", nil
}

// planDefaults fills the forms' fields the user has not typed: the next zone under the last
// one, a 3 × 3 m stand with a 3 m aisle, the selected stand's values.
func (s *Server) planDefaults(f *form, pl venue.Plan, selected string) {
	b := pl.Outline.Bounds()
	y := b.Y
	for _, z := range pl.Zones {
		y = max(y, z.Rect.Bottom())
	}
	defaults(f, map[string]string{"zone_x": venue.Metres(b.X), "zone_y": venue.Metres(y), "zone_w": venue.Metres(b.W),
		"zone_d": venue.Metres(max(b.Bottom()-y, 0)), "gen_w": "3", "gen_d": "3", "gen_aisle": "3", "gen_run": "10",
		"add_w": "3", "add_d": "3", "add_facing": "s"})
	if st, _, ok := pl.Stand(selected); ok {
		b := func(v bool) string {
			if v {
				return "1"
			}
			return ""
		}
		defaults(f, map[string]string{"st_stand": st.Code, "st_code": st.Code, "st_x": venue.Metres(st.Rect.X), "st_y": venue.Metres(st.Rect.Y),
			"st_w": venue.Metres(st.Rect.W), "st_d": venue.Metres(st.Rect.H), "st_facing": string(st.Facing), "st_kind": string(st.Kind),
			"st_power": b(st.Power), "st_water": b(st.Water), "st_accessible": b(st.Accessible), "st_capacity": strconv.Itoa(st.Holds())})
	}
}

// defaults sets the fields f does not hold yet.
func defaults(f *form, vals map[string]string) {
	for k, v := range vals {
		if _, ok := f.Values[k]; !ok {
			f.Values[k] = v
		}
	}
}

// defaultOutline proposes a rectangle of the edition's area, half again as wide as deep
// (a square or an esplanade is rarely square); 40 × 30 m when the area is unknown.
func defaultOutline(areaM2 int) (w, d int) {
	if areaM2 <= 0 {
		return 4000, 3000
	}
	wm := math.Round(math.Sqrt(float64(areaM2) * 1.5))
	dm := math.Round(float64(areaM2) / wm)
	return int(wm) * 100, int(dm) * 100
}
