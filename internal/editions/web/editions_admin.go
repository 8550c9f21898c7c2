package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

func (h *Handlers) editionRoutes() []webkit.Route {
	return []webkit.Route{
		{Pattern: "GET /{lang}/admin/editions", Perm: authz.ManageEditions, Page: h.editionsPage},
		{Pattern: "GET /{lang}/admin/editions/new", Perm: authz.ManageEditions, Page: h.newEditionForm},
		{Pattern: "POST /{lang}/admin/editions/new", Perm: authz.ManageEditions, Resource: h.PostedProvince, Page: h.createEdition},
		{Pattern: "GET /{lang}/admin/editions/{id}", Perm: authz.ManageEditions, Resource: h.EditionResource, Page: h.editionPage},
		{Pattern: "POST /{lang}/admin/editions/{id}", Perm: authz.ManageEditions, Resource: h.editionEditResource, Page: h.updateEdition},
		{Pattern: "POST /{lang}/admin/editions/{id}/status", Perm: authz.ManageEditions, Resource: h.EditionResource, Page: h.takeStep},
		{Pattern: "POST /{lang}/admin/editions/{id}/delete", Perm: authz.ManageEditions, Resource: h.EditionResource, Page: h.deleteEdition},
		{Pattern: "GET /{lang}/admin/tours", Perm: authz.ManageEditions, Page: h.toursPage},
		{Pattern: "POST /{lang}/admin/tours", Perm: authz.ManageEditions, Resource: h.PostedRegion, Page: h.createTour},
	}
}

// EditionResource is the region of the edition named in the path, for the guard of every
// page about one edition, whichever feature serves it.
func (h *Handlers) EditionResource(r *http.Request) (authz.Resource, error) {
	id, err := webkit.PathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	e, err := h.editions.Edition(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	return authz.Resource{Regions: []string{e.RegionCode}}, nil
}

// editionEditResource also covers the province the form moves the edition to: an
// organiser cannot move an edition out of their regions.
func (h *Handlers) editionEditResource(r *http.Request) (authz.Resource, error) {
	res, err := h.EditionResource(r)
	if err != nil {
		return res, err
	}
	moved, _ := h.PostedProvince(r)
	if len(moved.Regions) > 0 {
		res.And = []authz.Resource{moved}
	}
	return res, nil
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

func (h *Handlers) editionsPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	all, regions := authz.Scope(p.User, authz.ManageEditions)
	eds, err := h.editions.EditionsInRegions(r.Context(), all, regions)
	if err != nil {
		return "", err
	}
	var rows []editionRow
	for i := range eds {
		c := h.Card(p.L, &eds[i])
		rows = append(rows, editionRow{ID: c.ID, Title: c.Title, Kind: c.Kind, Dates: c.Dates, Place: c.Place,
			Status: p.L.T("edition.status." + string(eds[i].Status)), State: string(eds[i].Status)})
	}
	p.Title, p.Data = p.L.T("edition.list_title"), rows
	return "editions", nil
}

// editionFormData is what the edition form shows.
type editionFormData struct {
	ID        int64
	Form      *webkit.Form
	Choices   editionChoices
	Status    string
	Steps     []stepView // the steps of its life it may take from here
	Note      string     // what moves it on that is not a step taken here
	Deletable bool       // a draft, which may be deleted
	PublicURL string
	AuditURL  string
}

type editionChoices struct {
	Kinds        []webkit.Option
	Provinces    []webkit.OptionGroup
	Tours        []webkit.Option
	PartnerRoles []webkit.Option
	SpaceKinds   []webkit.Option
	GuestKinds   []webkit.Option
}

func (h *Handlers) editionChoices(ctx context.Context, p *webkit.Page) (editionChoices, error) {
	all, regions := authz.Scope(p.User, authz.ManageEditions)
	c := editionChoices{Provinces: h.ProvinceGroups(p.Code, webkit.ScopeRegions(all, regions))}
	for _, k := range fair.Kinds {
		c.Kinds = append(c.Kinds, webkit.Option{Value: string(k), Label: p.L.T("fairs.kind." + string(k))})
	}
	for _, r := range fair.PartnerRoles {
		c.PartnerRoles = append(c.PartnerRoles, webkit.Option{Value: string(r), Label: p.L.T("fairs.role." + string(r))})
	}
	for _, k := range fair.SpaceKinds {
		c.SpaceKinds = append(c.SpaceKinds, webkit.Option{Value: string(k), Label: p.L.T("fairs.space." + string(k))})
	}
	for _, k := range fair.GuestKinds {
		c.GuestKinds = append(c.GuestKinds, webkit.Option{Value: string(k), Label: p.L.T("fairs.guest." + string(k))})
	}
	tours, err := h.editions.Tours(ctx, all, regions)
	for _, t := range tours {
		c.Tours = append(c.Tours, webkit.Option{Value: strconv.FormatInt(t.ID, 10), Label: t.Title.In(p.Code) + " (" + h.RegionName(t.RegionCode, p.Code) + ")"})
	}
	return c, err
}

func (h *Handlers) renderEditionForm(ctx context.Context, p *webkit.Page, d editionFormData, titleKey string) (string, error) {
	c, err := h.editionChoices(ctx, p)
	if err != nil {
		return "", err
	}
	d.Choices = c
	p.Title, p.Data = p.L.T(titleKey), d
	return "edition_form", nil
}

func (h *Handlers) newEditionForm(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := editionValues(fair.Edition{RepsPerStand: fair.DefaultRepsPerStand})
	return h.renderEditionForm(r.Context(), p, editionFormData{Form: f}, "edition.new_title")
}

// createEdition stores a new edition, in draft. "Add rows" sends the form back with more
// empty rows and stores nothing.
func (h *Handlers) createEdition(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.FormFrom(r)
	e := h.editionFromForm(r, f, 0)
	d := editionFormData{Form: f}
	if f.Get("more") != "" {
		webkit.GrowRows(f, editionGroups)
		return h.renderEditionForm(r.Context(), p, d, "edition.new_title")
	}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return h.renderEditionForm(r.Context(), p, d, "edition.new_title")
	}
	if err := h.editions.CreateEdition(r.Context(), &e); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return h.renderEditionForm(r.Context(), p, d, "edition.new_title")
		}
		return "", err
	}
	h.Flash(r, "edition.flash.created")
	http.Redirect(w, r, h.EditionAdminURL(p, e.ID), http.StatusSeeOther)
	return "", nil
}

// EditionAdminURL is the address of an edition's page for organisers.
func (h *Handlers) EditionAdminURL(p *webkit.Page, id int64) string {
	return "/" + p.Code + "/admin/editions/" + strconv.FormatInt(id, 10)
}

func (h *Handlers) editionPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	e, err := h.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	return h.renderEditionEdit(r.Context(), p, e, editionValues(e))
}

func (h *Handlers) renderEditionEdit(ctx context.Context, p *webkit.Page, e fair.Edition, f *webkit.Form) (string, error) {
	d := editionFormData{ID: e.ID, Form: f, Status: p.L.T("edition.status." + string(e.Status)),
		PublicURL: "/" + p.Code + "/fairs/" + strconv.FormatInt(e.ID, 10),
		AuditURL:  "/" + p.Code + "/admin/audit?type=edition&id=" + strconv.FormatInt(e.ID, 10)}
	if err := h.fillSteps(ctx, p, &e, &d); err != nil {
		return "", err
	}
	return h.renderEditionForm(ctx, p, d, "edition.edit_title")
}

func (h *Handlers) updateEdition(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	stored, err := h.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := webkit.FormFrom(r)
	e := h.editionFromForm(r, f, id)
	if f.Get("more") != "" {
		webkit.GrowRows(f, editionGroups)
		return h.renderEditionEdit(r.Context(), p, stored, f)
	}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return h.renderEditionEdit(r.Context(), p, stored, f)
	}
	if err := h.editions.UpdateEdition(r.Context(), &e); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return h.renderEditionEdit(r.Context(), p, stored, f)
		}
		return "", err
	}
	h.Flash(r, "edition.flash.saved")
	http.Redirect(w, r, h.EditionAdminURL(p, id), http.StatusSeeOther)
	return "", nil
}

// toursData is the tours page: the list and a form to add one.
type toursData struct {
	Form    *webkit.Form
	Regions []webkit.Option
	Tours   []tourRow
}

type tourRow struct {
	Title  string
	Year   int
	Region string
	Stops  []Card
}

func (h *Handlers) toursPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	return h.renderTours(r.Context(), p, webkit.NewForm())
}

func (h *Handlers) renderTours(ctx context.Context, p *webkit.Page, f *webkit.Form) (string, error) {
	all, regions := authz.Scope(p.User, authz.ManageEditions)
	tours, err := h.editions.Tours(ctx, all, regions)
	if err != nil {
		return "", err
	}
	eds, err := h.editions.EditionsInRegions(ctx, all, regions)
	if err != nil {
		return "", err
	}
	d := toursData{Form: f}
	for _, code := range h.RegionCodes(all, regions) {
		d.Regions = append(d.Regions, webkit.Option{Value: code, Label: h.RegionName(code, p.Code)})
	}
	for _, t := range tours {
		row := tourRow{Title: t.Title.In(p.Code), Year: t.Year, Region: h.RegionName(t.RegionCode, p.Code)}
		for i := len(eds) - 1; i >= 0; i-- { // in date order
			if eds[i].TourID == t.ID {
				row.Stops = append(row.Stops, h.Card(p.L, &eds[i]))
			}
		}
		d.Tours = append(d.Tours, row)
	}
	p.Title, p.Data = p.L.T("edition.tours_title"), d
	return "tours", nil
}

func (h *Handlers) createTour(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.FormFrom(r)
	t := fair.Tour{RegionCode: f.Get("region"), Year: webkit.ReadCount(f, "year", f.Get("year")),
		Title: mltext.Text{AR: f.Get("title_ar"), FR: f.Get("title_fr")}}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return h.renderTours(r.Context(), p, f)
	}
	if err := h.editions.CreateTour(r.Context(), &t); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return h.renderTours(r.Context(), p, f)
		}
		return "", err
	}
	h.Flash(r, "edition.flash.tour_created")
	http.Redirect(w, r, "/"+p.Code+"/admin/tours", http.StatusSeeOther)
	return "", nil
}
