package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

func (s *Server) registryRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/organisations", perm: authz.ManageOrganisations, page: s.orgsPage},
		{pattern: "GET /{lang}/admin/organisations/new", perm: authz.ManageOrganisations, page: s.newOrgForm},
		{pattern: "POST /{lang}/admin/organisations/new", perm: authz.ManageOrganisations, resource: s.postedProvinceResource, page: s.createOrg},
		{pattern: "GET /{lang}/admin/organisations/{id}", perm: authz.EditOrganisation, resource: s.orgResource, page: s.orgPage},
		{pattern: "POST /{lang}/admin/organisations/{id}", perm: authz.EditOrganisation, resource: s.orgEditResource, page: s.updateOrg},
		{pattern: "POST /{lang}/admin/organisations/{id}/merge", perm: authz.ManageOrganisations, resource: s.mergeResource, page: s.mergeOrg},
		{pattern: "POST /{lang}/admin/organisations/{id}/photos", perm: authz.EditOrganisation, resource: s.orgResource, page: s.addOrgPhoto},
		{pattern: "POST /{lang}/admin/organisations/{id}/photos/{photo}/delete", perm: authz.EditOrganisation, resource: s.orgResource, page: s.removeOrgPhoto},
	}
}

// provinceResource is the region of a province; an unknown province has none (admins
// only), and the form then reports it.
func (s *Server) provinceResource(code string) authz.Resource {
	if p, ok := s.provinces[code]; ok {
		return authz.Resource{Regions: []string{p.RegionCode}, Whole: true}
	}
	return authz.Resource{}
}

func (s *Server) postedProvinceResource(r *http.Request) (authz.Resource, error) {
	r.ParseForm()
	if code := r.PostForm.Get("province"); code != "" {
		return s.provinceResource(code), nil
	}
	return authz.Resource{}, nil // the form comes back asking for the province
}

func (s *Server) orgResource(r *http.Request) (authz.Resource, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	region, err := s.store.OrganisationRegion(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	return authz.Resource{Regions: []string{region}, Organisation: id}, nil
}

// orgEditResource also covers the province the form moves the organisation to.
func (s *Server) orgEditResource(r *http.Request) (authz.Resource, error) {
	res, err := s.orgResource(r)
	if err != nil {
		return res, err
	}
	if code := r.PostFormValue("province"); code != "" {
		moved := s.provinceResource(code)
		moved.Organisation = res.Organisation
		res.And = []authz.Resource{moved}
	}
	return res, nil
}

func (s *Server) mergeResource(r *http.Request) (authz.Resource, error) {
	res, err := s.orgResource(r)
	if err != nil {
		return res, err
	}
	drop, err := strconv.ParseInt(r.PostFormValue("drop"), 10, 64)
	if err != nil {
		return res, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	region, err := s.store.OrganisationRegion(r.Context(), drop)
	if err != nil {
		return res, err
	}
	res.Whole = true
	res.And = []authz.Resource{{Regions: []string{region}, Whole: true}}
	return res, nil
}

// orgRow is an organisation in a list, in the reader's language.
type orgRow struct {
	ID        int64
	Name      string
	LegalForm string
	Province  string
	Sector    string
	Pending   bool
}

type orgsData struct {
	Rows    []orgRow
	Form    *form
	Choices orgChoices
	Pager   pager
}

func (s *Server) orgRow(p *page, o org.Organisation) orgRow {
	return orgRow{ID: o.ID, Name: o.Name.In(p.Code), LegalForm: p.L.T("org.legal_form." + string(o.LegalForm)),
		Province: s.provinceName(o.ProvinceCode, p.Code), Sector: p.L.T("taxonomy.sector." + string(o.Sector)), Pending: o.Status == org.Pending}
}

func (s *Server) orgsPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	q := r.URL.Query()
	f := newForm()
	for _, k := range []string{"q", "province", "sector", "status"} {
		f.Values[k] = strings.TrimSpace(q.Get(k))
	}
	all, regions := authz.Scope(p.User, authz.ManageOrganisations)
	pg := newPager(r, 50)
	list, total, err := s.store.ListOrganisations(r.Context(), store.OrgFilter{AllRegions: all, Regions: regions, Query: f.Get("q"),
		Province: f.Get("province"), Sector: f.Get("sector"), Status: org.Status(f.Get("status")), Limit: pg.Size, Offset: pg.Offset()})
	if err != nil {
		return "", err
	}
	d := orgsData{Form: f, Choices: s.orgChoices(p, scopeRegions(all, regions)), Pager: pg.WithTotal(total, r.URL)}
	for _, o := range list {
		d.Rows = append(d.Rows, s.orgRow(p, o))
	}
	p.Title, p.Data = p.L.T("registry.title"), d
	return "orgs", nil
}

// orgChoices are the options of the organisation form's lists, in the reader's language.
type orgChoices struct {
	LegalForms []option
	Provinces  []optionGroup
	Sectors    []option
	Categories []optionGroup
	Programmes []option
	Statuses   []option
}

// orgChoices lists the form's options; provinces are those of the given regions, or of
// every region when regions is nil.
func (s *Server) orgChoices(p *page, regions []string) orgChoices {
	var c orgChoices
	for _, f := range org.LegalForms {
		c.LegalForms = append(c.LegalForms, option{Value: string(f), Label: p.L.T("org.legal_form." + string(f))})
	}
	c.Provinces = s.ProvinceGroups(p.Code, regions)
	for _, sec := range taxonomy.Sectors {
		c.Sectors = append(c.Sectors, option{Value: string(sec), Label: p.L.T("taxonomy.sector." + string(sec))})
		g := optionGroup{Label: p.L.T("taxonomy.sector." + string(sec))}
		for _, cat := range taxonomy.InSector(sec) {
			g.Options = append(g.Options, option{Value: cat.Code, Label: p.L.T("taxonomy.category." + cat.Code)})
		}
		c.Categories = append(c.Categories, g)
	}
	for _, pr := range taxonomy.Programmes {
		c.Programmes = append(c.Programmes, option{Value: string(pr), Label: p.L.T("taxonomy.programme." + string(pr))})
	}
	for _, st := range []org.Status{org.Validated, org.Pending} {
		c.Statuses = append(c.Statuses, option{Value: string(st), Label: p.L.T("registry.status." + string(st))})
	}
	return c
}

type orgFormData struct {
	ID         int64
	Form       *form
	Choices    orgChoices
	Duplicates []orgRow
	CanManage  bool // may validate and merge (organisers and admins, not representatives)
	AuditURL   string
	Photos     []photoView
	Products   []productRow
}

func (s *Server) newOrgForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := newForm()
	f.Values["status"] = string(org.Validated)
	f.Values["links_public"] = "1" // a website or a page is there to be seen; the rest is private until chosen
	return s.renderOrgForm(p, orgFormData{Form: f, CanManage: true}, "registry.new_title")
}

func (s *Server) renderOrgForm(p *page, d orgFormData, titleKey string) (string, error) {
	var regions []string // representatives may name any province
	if d.CanManage {
		regions = scopeRegions(authz.Scope(p.User, authz.ManageOrganisations))
	}
	d.Choices = s.orgChoices(p, regions)
	if d.Form.Multi == nil {
		d.Form.Multi = map[string][]string{}
	}
	p.Title, p.Data = p.L.T(titleKey), d
	return "org_form", nil
}

// createOrg registers an organisation. When it looks like one already in the registry,
// the form comes back listing the look-alikes and asks the organiser to confirm.
func (s *Server) createOrg(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	o := orgFromForm(r, f, 0)
	d := orgFormData{Form: f, CanManage: true}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return s.renderOrgForm(p, d, "registry.new_title")
	}
	probe := o
	if probe.Validate(s.today()) == nil && f.Get("not_duplicate") != "1" {
		dups, err := s.store.PossibleDuplicates(r.Context(), &probe)
		if err != nil {
			return "", err
		}
		if len(dups) > 0 {
			for _, dup := range dups {
				d.Duplicates = append(d.Duplicates, s.orgRow(p, dup))
			}
			f.Error, p.Status = p.L.T("registry.duplicates_found"), http.StatusConflict
			return s.renderOrgForm(p, d, "registry.new_title")
		}
	}
	if err := s.store.CreateOrganisation(r.Context(), &o); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderOrgForm(p, d, "registry.new_title")
		}
		return "", err
	}
	s.flash(r, "registry.flash.created")
	http.Redirect(w, r, "/"+p.Code+"/admin/organisations/"+strconv.FormatInt(o.ID, 10), http.StatusSeeOther)
	return "", nil
}

func (s *Server) orgPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	o, err := s.store.Organisation(r.Context(), id)
	if err != nil {
		return "", err
	}
	return s.renderOrgEdit(r.Context(), p, o, orgValues(o))
}

func (s *Server) renderOrgEdit(ctx context.Context, p *page, o org.Organisation, f *form) (string, error) {
	region := ""
	if pr, ok := s.provinces[o.ProvinceCode]; ok {
		region = pr.RegionCode
	}
	d := orgFormData{ID: o.ID, Form: f,
		CanManage: authz.Can(p.User, authz.ManageOrganisations, authz.Resource{Regions: []string{region}, Whole: true}),
		AuditURL:  "/" + p.Code + "/admin/audit?type=organisation&record=" + strconv.FormatInt(o.ID, 10),
	}
	if d.CanManage {
		dups, err := s.store.PossibleDuplicates(ctx, &o)
		if err != nil {
			return "", err
		}
		for _, dup := range dups {
			d.Duplicates = append(d.Duplicates, s.orgRow(p, dup))
		}
	}
	if o.MergedInto != 0 {
		f.Error = p.L.T("org.error.merged")
	}
	photos, err := s.store.Photos(ctx, store.PhotoOfOrganisation, o.ID)
	if err != nil {
		return "", err
	}
	d.Photos = photoViews(photos)
	products, err := s.store.Products(ctx, o.ID)
	if err != nil {
		return "", err
	}
	for _, pr := range products {
		d.Products = append(d.Products, productRowOf(p, pr))
	}
	return s.renderOrgForm(p, d, "registry.edit_title")
}

func (s *Server) updateOrg(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	stored, err := s.store.Organisation(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := formFrom(r)
	o := orgFromForm(r, f, id)
	region := s.provinces[stored.ProvinceCode].RegionCode
	if !authz.Can(p.User, authz.ManageOrganisations, authz.Resource{Regions: []string{region}, Whole: true}) {
		o.Status = stored.Status // only organisers validate a record
	}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return s.renderOrgEdit(r.Context(), p, stored, f)
	}
	if err := s.store.UpdateOrganisation(r.Context(), &o); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderOrgEdit(r.Context(), p, stored, f)
		}
		return "", err
	}
	s.flash(r, "registry.flash.saved")
	http.Redirect(w, r, "/"+p.Code+"/admin/organisations/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return "", nil
}

func (s *Server) mergeOrg(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	drop, _ := strconv.ParseInt(r.PostFormValue("drop"), 10, 64)
	if err := s.store.MergeOrganisations(r.Context(), id, drop); err != nil {
		if e, ok := apperr.As(err); ok && e.Code != apperr.Internal && e.Code != apperr.NotFound {
			s.flash(r, e.Key)
			http.Redirect(w, r, "/"+p.Code+"/admin/organisations/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
			return "", nil
		}
		return "", err
	}
	s.flash(r, "registry.flash.merged")
	http.Redirect(w, r, "/"+p.Code+"/admin/organisations/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return "", nil
}
