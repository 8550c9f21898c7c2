package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
)

func (s *Server) editionRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/editions", perm: authz.ManageEditions, page: s.editionsPage},
		{pattern: "GET /{lang}/admin/editions/new", perm: authz.ManageEditions, page: s.newEditionForm},
		{pattern: "POST /{lang}/admin/editions/new", perm: authz.ManageEditions, resource: s.postedProvinceResource, page: s.createEdition},
		{pattern: "GET /{lang}/admin/editions/{id}", perm: authz.ManageEditions, resource: s.editionResource, page: s.editionPage},
		{pattern: "POST /{lang}/admin/editions/{id}", perm: authz.ManageEditions, resource: s.editionEditResource, page: s.updateEdition},
		{pattern: "POST /{lang}/admin/editions/{id}/status", perm: authz.ManageEditions, resource: s.editionResource, page: s.moveEdition},
		{pattern: "GET /{lang}/admin/tours", perm: authz.ManageEditions, page: s.toursPage},
		{pattern: "POST /{lang}/admin/tours", perm: authz.ManageEditions, resource: s.postedRegionResource, page: s.createTour},
	}
}

// editionResource is the region of the edition named in the path.
func (s *Server) editionResource(r *http.Request) (authz.Resource, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	e, err := s.store.Edition(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	return authz.Resource{Regions: []string{e.RegionCode}}, nil
}

// editionEditResource also covers the province the form moves the edition to: an
// organiser cannot move an edition out of their regions.
func (s *Server) editionEditResource(r *http.Request) (authz.Resource, error) {
	res, err := s.editionResource(r)
	if err != nil {
		return res, err
	}
	moved, _ := s.postedProvinceResource(r)
	if len(moved.Regions) > 0 {
		res.And = []authz.Resource{moved}
	}
	return res, nil
}

func (s *Server) postedRegionResource(r *http.Request) (authz.Resource, error) {
	r.ParseForm()
	if code := r.PostForm.Get("region"); code != "" {
		return authz.Resource{Regions: []string{code}, Whole: true}, nil
	}
	return authz.Resource{}, nil
}

// editionRow is one line of the organiser's list of editions.
type editionRow struct {
	ID     int64
	Title  string
	Kind   string
	Dates  string
	Place  string
	Status string
	State  string // the raw status, for styling
}

func (s *Server) editionsPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	all, regions := authz.Scope(p.User, authz.ManageEditions)
	eds, err := s.store.EditionsInRegions(r.Context(), all, regions)
	if err != nil {
		return "", err
	}
	var rows []editionRow
	for i := range eds {
		c := s.fairCard(p.L, &eds[i])
		rows = append(rows, editionRow{ID: c.ID, Title: c.Title, Kind: c.Kind, Dates: c.Dates, Place: c.Place,
			Status: p.L.T("edition.status." + string(eds[i].Status)), State: string(eds[i].Status)})
	}
	p.Title, p.Data = p.L.T("edition.list_title"), rows
	return "editions", nil
}

// editionFormData is what the edition form shows.
type editionFormData struct {
	ID        int64
	Form      *form
	Choices   editionChoices
	Status    string
	Moves     []option // the statuses the edition may move to
	PublicURL string
	AuditURL  string
}

type editionChoices struct {
	Kinds        []option
	Provinces    []optionGroup
	Tours        []option
	PartnerRoles []option
	SpaceKinds   []option
	GuestKinds   []option
}

func (s *Server) editionChoices(ctx context.Context, p *page) (editionChoices, error) {
	all, regions := authz.Scope(p.User, authz.ManageEditions)
	c := editionChoices{Provinces: s.orgChoices(p, scopeRegions(all, regions)).Provinces}
	for _, k := range fair.Kinds {
		c.Kinds = append(c.Kinds, option{string(k), p.L.T("fairs.kind." + string(k))})
	}
	for _, r := range fair.PartnerRoles {
		c.PartnerRoles = append(c.PartnerRoles, option{string(r), p.L.T("fairs.role." + string(r))})
	}
	for _, k := range fair.SpaceKinds {
		c.SpaceKinds = append(c.SpaceKinds, option{string(k), p.L.T("fairs.space." + string(k))})
	}
	for _, k := range fair.GuestKinds {
		c.GuestKinds = append(c.GuestKinds, option{string(k), p.L.T("fairs.guest." + string(k))})
	}
	tours, err := s.store.Tours(ctx, all, regions)
	for _, t := range tours {
		c.Tours = append(c.Tours, option{strconv.FormatInt(t.ID, 10), t.Title.In(p.Code) + " (" + s.regionName(t.RegionCode, p.Code) + ")"})
	}
	return c, err
}

func (s *Server) renderEditionForm(ctx context.Context, p *page, d editionFormData, titleKey string) (string, error) {
	c, err := s.editionChoices(ctx, p)
	if err != nil {
		return "", err
	}
	d.Choices = c
	p.Title, p.Data = p.L.T(titleKey), d
	return "edition_form", nil
}

func (s *Server) newEditionForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := editionValues(fair.Edition{RepsPerStand: fair.DefaultRepsPerStand})
	return s.renderEditionForm(r.Context(), p, editionFormData{Form: f}, "edition.new_title")
}

// createEdition stores a new edition, in draft. "Add rows" sends the form back with more
// empty rows and stores nothing.
func (s *Server) createEdition(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	e := s.editionFromForm(r, f, 0)
	d := editionFormData{Form: f}
	if f.Get("more") != "" {
		growRows(f, editionGroups)
		return s.renderEditionForm(r.Context(), p, d, "edition.new_title")
	}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return s.renderEditionForm(r.Context(), p, d, "edition.new_title")
	}
	if err := s.store.CreateEdition(r.Context(), &e); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderEditionForm(r.Context(), p, d, "edition.new_title")
		}
		return "", err
	}
	s.flash(r, "edition.flash.created")
	http.Redirect(w, r, s.editionAdminURL(p, e.ID), http.StatusSeeOther)
	return "", nil
}

func (s *Server) editionAdminURL(p *page, id int64) string {
	return "/" + p.Code + "/admin/editions/" + strconv.FormatInt(id, 10)
}

func (s *Server) editionPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	e, err := s.store.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	return s.renderEditionEdit(r.Context(), p, e, editionValues(e))
}

func (s *Server) renderEditionEdit(ctx context.Context, p *page, e fair.Edition, f *form) (string, error) {
	d := editionFormData{ID: e.ID, Form: f, Status: p.L.T("edition.status." + string(e.Status)),
		PublicURL: "/" + p.Code + "/fairs/" + strconv.FormatInt(e.ID, 10),
		AuditURL:  "/" + p.Code + "/admin/audit?type=edition&id=" + strconv.FormatInt(e.ID, 10)}
	for _, st := range e.Status.Next() {
		d.Moves = append(d.Moves, option{string(st), p.L.T("edition.move." + string(st))})
	}
	return s.renderEditionForm(ctx, p, d, "edition.edit_title")
}

func (s *Server) updateEdition(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	stored, err := s.store.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := formFrom(r)
	e := s.editionFromForm(r, f, id)
	if f.Get("more") != "" {
		growRows(f, editionGroups)
		return s.renderEditionEdit(r.Context(), p, stored, f)
	}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return s.renderEditionEdit(r.Context(), p, stored, f)
	}
	if err := s.store.UpdateEdition(r.Context(), &e); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderEditionEdit(r.Context(), p, stored, f)
		}
		return "", err
	}
	s.flash(r, "edition.flash.saved")
	http.Redirect(w, r, s.editionAdminURL(p, id), http.StatusSeeOther)
	return "", nil
}

// moveEdition moves an edition to the next step of its life (or back, where allowed).
func (s *Server) moveEdition(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	r.ParseForm()
	to := fair.Status(r.PostForm.Get("to"))
	if err := s.store.MoveEdition(r.Context(), id, to); err != nil {
		e, err2 := s.store.Edition(r.Context(), id)
		if err2 != nil {
			return "", err2
		}
		f := editionValues(e)
		if !f.Fail(p.L, err) {
			return "", err
		}
		p.Status = http.StatusConflict
		return s.renderEditionEdit(r.Context(), p, e, f)
	}
	s.flash(r, "edition.flash.moved")
	http.Redirect(w, r, s.editionAdminURL(p, id), http.StatusSeeOther)
	return "", nil
}

// toursData is the tours page: the list and a form to add one.
type toursData struct {
	Form    *form
	Regions []option
	Tours   []tourRow
}

type tourRow struct {
	Title  string
	Year   int
	Region string
	Stops  []fairCard
}

func (s *Server) toursPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.renderTours(r.Context(), p, newForm())
}

func (s *Server) renderTours(ctx context.Context, p *page, f *form) (string, error) {
	all, regions := authz.Scope(p.User, authz.ManageEditions)
	tours, err := s.store.Tours(ctx, all, regions)
	if err != nil {
		return "", err
	}
	eds, err := s.store.EditionsInRegions(ctx, all, regions)
	if err != nil {
		return "", err
	}
	d := toursData{Form: f}
	for _, code := range scopeRegionCodes(s, all, regions) {
		d.Regions = append(d.Regions, option{code, s.regionName(code, p.Code)})
	}
	for _, t := range tours {
		row := tourRow{Title: t.Title.In(p.Code), Year: t.Year, Region: s.regionName(t.RegionCode, p.Code)}
		for i := len(eds) - 1; i >= 0; i-- { // in date order
			if eds[i].TourID == t.ID {
				row.Stops = append(row.Stops, s.fairCard(p.L, &eds[i]))
			}
		}
		d.Tours = append(d.Tours, row)
	}
	p.Title, p.Data = p.L.T("edition.tours_title"), d
	return "tours", nil
}

func (s *Server) createTour(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	t := fair.Tour{RegionCode: f.Get("region"), Year: formCount(f, "year", f.Get("year")),
		Title: mltext.Text{AR: f.Get("title_ar"), FR: f.Get("title_fr")}}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return s.renderTours(r.Context(), p, f)
	}
	if err := s.store.CreateTour(r.Context(), &t); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderTours(r.Context(), p, f)
		}
		return "", err
	}
	s.flash(r, "edition.flash.tour_created")
	http.Redirect(w, r, "/"+p.Code+"/admin/tours", http.StatusSeeOther)
	return "", nil
}

// scopeRegionCodes lists the region codes a scope covers, sorted.
func scopeRegionCodes(s *Server, all bool, regions []string) []string {
	if !all {
		return regions
	}
	codes := make([]string, 0, len(s.regions))
	for c := range s.regions {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}
