package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/venue"
)

// The editor's changes. Each reads its form, applies one of venue's operations to the
// stored plan and saves the result; venue refuses a change that would add a problem and the
// store refuses a plan with any, so a refused change shows the editor again with every
// problem in the reader's language, and nothing is saved.

// changePlan applies edit to the stored plan and saves it, then goes to next.
func (s *Server) changePlan(w http.ResponseWriter, r *http.Request, p *page, f *form, edit func(venue.Plan) (venue.Plan, []string, error),
	flashKey string, next func(id int64) string) (string, error) {
	id, _ := pathID(r, "id")
	if f.ReadErrors(p.L) {
		p.Status = http.StatusUnprocessableEntity
		return s.renderPlan(r, p, id, f, []string{p.L.T("error.invalid_input")}, "")
	}
	err := s.store.ChangePlan(r.Context(), id, edit)
	if ae, ok := apperr.As(err); ok && ae.Code == apperr.NotFound && ae.Key == "error.not_found_title" { // the plan, not a stand
		p.Status = http.StatusConflict
		return s.renderPlan(r, p, id, f, []string{p.L.T("plan.error.no_plan")}, "")
	}
	if err != nil {
		if _, ok := apperr.As(err); !ok {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderPlan(r, p, id, f, problems(p.L, err), "")
	}
	s.flash(r, flashKey)
	http.Redirect(w, r, next(id), http.StatusSeeOther)
	return "", nil
}

func (s *Server) planURL(p *page, id int64) string { return s.editionAdminURL(p, id) + "/plan" }

// metres reads a length field in metres, recording a read error when it is not one.
func metres(f *form, name string) int {
	cm, ok := venue.ParseMetres(f.Get(name))
	if !ok {
		f.ReadError(name, "plan.error.metres")
	}
	return cm
}

// startPlan starts an edition's plan: a rectangular outline and its main entrance in the
// middle of one wall. Poles are added next.
func (s *Server) startPlan(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	if _, err := s.store.Plan(r.Context(), id); err == nil {
		p.Status = http.StatusConflict
		return s.renderPlan(r, p, id, f, []string{p.L.T("plan.error.exists")}, "")
	}
	wd, d := metres(f, "start_width"), metres(f, "start_depth")
	ew, clear := metres(f, "start_entrance_width"), metres(f, "start_clearance")
	if f.ReadErrors(p.L) {
		p.Status = http.StatusUnprocessableEntity
		return s.renderPlan(r, p, id, f, []string{p.L.T("error.invalid_input")}, "")
	}
	pl := venue.Plan{Outline: venue.RectOutline(venue.Rect{W: wd, H: d})}
	at := map[string]venue.Point{"n": {X: wd / 2}, "s": {X: wd / 2, Y: d}, "e": {X: wd, Y: d / 2}, "w": {Y: d / 2}}
	if pt, ok := at[f.Get("start_entrance")]; ok {
		pl.Entrances = []venue.Entrance{{Code: "A", At: pt, Width: ew, Clearance: clear}}
	}
	if err := s.store.SavePlan(r.Context(), id, pl); err != nil {
		if _, ok := apperr.As(err); !ok {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderPlan(r, p, id, f, problems(p.L, err), "")
	}
	s.flash(r, "plan.flash.started")
	http.Redirect(w, r, s.planURL(p, id), http.StatusSeeOther)
	return "", nil
}

// addZone adds a pole from the edition's poles (its kind and name) or of a kind, where the
// organiser puts it.
func (s *Server) addZone(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	e, err := s.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	z := venue.Zone{Code: strings.ToUpper(strings.TrimSpace(f.Get("zone_code")))}
	choice := f.Get("zone_space")
	if k, ok := strings.CutPrefix(choice, "kind:"); ok {
		z.Kind = fair.SpaceKind(k)
	} else if i, err := strconv.Atoi(choice); err == nil && i >= 0 && i < len(e.Spaces) {
		z.Kind, z.Name = e.Spaces[i].Kind, mltext.Text{AR: e.Spaces[i].Name.AR, FR: e.Spaces[i].Name.FR}
	} else {
		f.ReadError("zone_space", "plan.error.zone_space")
	}
	if z.Code == "" {
		z.Code = venue.DefaultPrefix(z.Kind)
	}
	z.Rect = venue.Rect{X: metres(f, "zone_x"), Y: metres(f, "zone_y"), W: metres(f, "zone_w"), H: metres(f, "zone_d")}
	return s.changePlan(w, r, p, f, func(pl venue.Plan) (venue.Plan, []string, error) {
		q := pl.Clone()
		q.Zones = append(q.Zones, z)
		return q, nil, nil
	}, "plan.flash.zone_added", func(id int64) string { return s.planURL(p, id) + "#zones" })
}

// resizeVenue changes a rectangular venue's width and depth; entrances keep their walls.
func (s *Server) resizeVenue(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	wd, d := metres(f, "venue_w"), metres(f, "venue_d")
	return s.changePlan(w, r, p, f, func(pl venue.Plan) (venue.Plan, []string, error) {
		q, err := pl.ResizeVenue(wd, d)
		return q, nil, err
	}, "plan.flash.venue_saved", func(id int64) string { return s.planURL(p, id) + "#venue" })
}

// editEntrances adds an entrance on a wall of a rectangular venue, or deletes one.
func (s *Server) editEntrances(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	if f.Get("action") == "delete" {
		code := f.Get("entrance")
		return s.changePlan(w, r, p, f, func(pl venue.Plan) (venue.Plan, []string, error) {
			q, err := pl.DeleteEntrance(code)
			return q, nil, err
		}, "plan.flash.entrance_deleted", func(id int64) string { return s.planURL(p, id) + "#venue" })
	}
	along, width, clearance := metres(f, "ent_along"), metres(f, "ent_width"), metres(f, "ent_clearance")
	e := venue.Entrance{Code: strings.ToUpper(strings.TrimSpace(f.Get("ent_code"))), Width: width, Clearance: clearance}
	side := venue.Side(f.Get("ent_side"))
	return s.changePlan(w, r, p, f, func(pl venue.Plan) (venue.Plan, []string, error) {
		b := pl.Outline.Bounds()
		switch side { // the place along the wall is measured from the wall's left or top end
		case venue.North:
			e.At = venue.Point{X: b.X + along, Y: b.Y}
		case venue.South:
			e.At = venue.Point{X: b.X + along, Y: b.Bottom()}
		case venue.West:
			e.At = venue.Point{X: b.X, Y: b.Y + along}
		default:
			e.At = venue.Point{X: b.Right(), Y: b.Y + along}
		}
		q, err := pl.AddEntrance(e)
		return q, nil, err
	}, "plan.flash.entrance_added", func(id int64) string { return s.planURL(p, id) + "#venue" })
}

// editZone moves and resizes a pole (its stands move with it) or deletes it with its stands.
func (s *Server) editZone(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	code := f.Get("zone")
	var edit func(venue.Plan) (venue.Plan, []string, error)
	flash := "plan.flash.zone_saved"
	if f.Get("action") == "delete" {
		flash = "plan.flash.zone_deleted"
		edit = func(pl venue.Plan) (venue.Plan, []string, error) { q, err := pl.DeleteZone(code); return q, nil, err }
	} else {
		rect := venue.Rect{X: metres(f, "ze_x"), Y: metres(f, "ze_y"), W: metres(f, "ze_w"), H: metres(f, "ze_d")}
		edit = func(pl venue.Plan) (venue.Plan, []string, error) {
			q, err := pl.ReshapeZone(code, rect)
			return q, nil, err
		}
	}
	return s.changePlan(w, r, p, f, edit, flash, func(id int64) string { return s.planURL(p, id) + "#zones" })
}

// generateZone fills a pole with stands of one size and reports how many fitted.
func (s *Server) generateZone(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	l := venue.Layout{Zone: f.Get("gen_zone"), StandWidth: metres(f, "gen_w"), StandDepth: metres(f, "gen_d"),
		Aisle: metres(f, "gen_aisle"), Rows: venue.Orientation(f.Get("gen_rows")), Power: f.Get("gen_power") == "1", Water: f.Get("gen_water") == "1"}
	if run := strings.TrimSpace(f.Get("gen_run")); run != "" {
		n, err := strconv.Atoi(run)
		if err != nil {
			f.ReadError("gen_run", "plan.error.count")
		}
		l.MaxRun = n
	}
	var g venue.Generated
	return s.changePlan(w, r, p, f, func(pl venue.Plan) (venue.Plan, []string, error) {
		var old []string
		for _, st := range pl.Stands {
			if st.Zone == l.Zone {
				old = append(old, st.Code)
			}
		}
		q, got, err := pl.Generate(l)
		g = got
		return q, old, err
	}, "plan.flash.generated", func(id int64) string {
		return s.planURL(p, id) + "?" + url.Values{"generated": {l.Zone}, "fitted": {strconv.Itoa(g.Fitted)},
			"skipped": {strconv.Itoa(g.Skipped)}}.Encode()
	})
}

// editStand saves one stand's form (its place, size, side, kind, facilities), deletes it,
// or adds a stand to a pole.
func (s *Server) editStand(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	code := f.Get("st_stand")
	back := code
	var edit func(venue.Plan) (venue.Plan, []string, error)
	switch f.Get("action") {
	case "move": // a stand dragged on the drawing: only its place changes
		to := venue.Point{X: metres(f, "mv_x"), Y: metres(f, "mv_y")}
		edit = func(pl venue.Plan) (venue.Plan, []string, error) { q, err := pl.Move(code, to); return q, nil, err }
	case "delete":
		back = ""
		edit = func(pl venue.Plan) (venue.Plan, []string, error) { q, err := pl.Delete(code); return q, nil, err }
	case "add":
		st := venue.Stand{Zone: f.Get("add_zone"), Facing: venue.Side(f.Get("add_facing")),
			Rect: venue.Rect{X: metres(f, "add_x"), Y: metres(f, "add_y"), W: metres(f, "add_w"), H: metres(f, "add_d")}}
		edit = func(pl venue.Plan) (venue.Plan, []string, error) {
			q, err := pl.Add(st)
			if err == nil {
				back = q.Stands[len(q.Stands)-1].Code
			}
			return q, nil, err
		}
	default:
		capacity, err := strconv.Atoi(f.Get("st_capacity"))
		if err != nil {
			f.ReadError("st_capacity", "plan.error.count")
		}
		st := venue.Stand{Code: strings.TrimSpace(f.Get("st_code")), Facing: venue.Side(f.Get("st_facing")), Kind: venue.StandKind(f.Get("st_kind")),
			Rect:  venue.Rect{X: metres(f, "st_x"), Y: metres(f, "st_y"), W: metres(f, "st_w"), H: metres(f, "st_d")},
			Power: f.Get("st_power") == "1", Water: f.Get("st_water") == "1", Accessible: f.Get("st_accessible") == "1", Capacity: capacity}
		back = st.Code
		edit = func(pl venue.Plan) (venue.Plan, []string, error) {
			old, _, ok := pl.Stand(code)
			if !ok {
				return venue.Plan{}, nil, apperr.New(apperr.NotFound, "venue.error.stand_not_found", "stand", code)
			}
			st.Zone = old.Zone
			var reset []string
			if st.Code != code {
				reset = []string{code}
			}
			q, err := pl.Replace(code, st)
			return q, reset, err
		}
	}
	return s.changePlan(w, r, p, f, edit, "plan.flash.stand_saved", func(id int64) string {
		if back == "" {
			return s.planURL(p, id)
		}
		return s.planURL(p, id) + "?stand=" + url.QueryEscape(back) + "#stand-form"
	})
}

// renumberZone numbers a pole's stands again in walking order; their assignments go, as
// their codes now name other places.
func (s *Server) renumberZone(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	zone := f.Get("zone")
	return s.changePlan(w, r, p, f, func(pl venue.Plan) (venue.Plan, []string, error) {
		var old []string
		for _, st := range pl.Stands {
			if st.Zone == zone {
				old = append(old, st.Code)
			}
		}
		q, err := pl.Renumber(zone)
		return q, old, err
	}, "plan.flash.renumbered", func(id int64) string { return s.planURL(p, id) + "#zones" })
}

// savePractical saves the practical information exhibitors read on their stand page.
func (s *Server) savePractical(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	err := s.store.SavePractical(r.Context(), id, mltext.Text{AR: f.Get("practical_ar"), FR: f.Get("practical_fr")})
	if err != nil {
		if !userMistake(err) {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderPlan(r, p, id, f, problems(p.L, err), "")
	}
	s.flash(r, "plan.flash.practical_saved")
	http.Redirect(w, r, s.planURL(p, id)+"#practical", http.StatusSeeOther)
	return "", nil
}
