package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/org"
)

func (s *Server) applyRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/fairs/{id}/apply", perm: authz.Public, page: s.callPublicPage},
		{pattern: "POST /{lang}/fairs/{id}/apply", perm: authz.EditOrganisation, resource: s.postedOrganisationResource, page: s.startApplication},
		{pattern: "GET /{lang}/fairs/{id}/apply/register", perm: authz.Public, page: s.registerApplicantForm},
		{pattern: "POST /{lang}/fairs/{id}/apply/register", perm: authz.Public, page: s.registerApplicant},
		{pattern: "GET /{lang}/applications", perm: authz.SignedIn, page: s.myApplications},
		{pattern: "GET /{lang}/applications/{id}", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.applicationPage},
		{pattern: "POST /{lang}/applications/{id}", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.saveApplication},
		{pattern: "POST /{lang}/applications/{id}/documents", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.uploadDocument},
		{pattern: "POST /{lang}/applications/{id}/documents/{doc}/delete", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.removeDocument},
		{pattern: "POST /{lang}/applications/{id}/submit", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.submitApplication},
		{pattern: "POST /{lang}/applications/{id}/withdraw", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.withdrawApplication},
	}
}

// postedOrganisationResource is the organisation a form names, for applying on its behalf.
func (s *Server) postedOrganisationResource(r *http.Request) (authz.Resource, error) {
	r.ParseForm()
	id, err := strconv.ParseInt(r.PostForm.Get("organisation"), 10, 64)
	if err != nil || id <= 0 {
		return authz.Resource{}, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	region, err := s.store.OrganisationRegion(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	return authz.Resource{Regions: []string{region}, Organisation: id}, nil
}

// applicantResource is the organisation an application belongs to: its representatives
// and the organisers of its region may work on it.
func (s *Server) applicantResource(r *http.Request) (authz.Resource, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	_, _, orgID, err := s.store.ApplicationRegion(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	region, err := s.store.OrganisationRegion(r.Context(), orgID)
	if err != nil {
		return authz.Resource{}, err
	}
	return authz.Resource{Regions: []string{region}, Organisation: orgID}, nil
}

// callView is a call as applicants read it, in their language.
type callView struct {
	Edition   fairCard
	State     string // an editions.CallState, for styling and the apply form
	StateText string // where the call stands, in words
	Opens     string
	Closes    string
	Who       []string
	Provinces string
	Documents []docRule
	Criteria  []criterionView
	Stands    int
}

type docRule struct {
	Name string
	Who  string
}

type criterionView struct {
	Label  string
	Weight int
	How    string
}

// moment writes an instant as a Moroccan date and time in the reader's language.
func moment(l *i18n.Localizer, t time.Time) string {
	local := t.In(casablanca)
	return l.T("call.moment", "date", local, "time", local.Format("15:04"))
}

func (s *Server) callView(l *i18n.Localizer, e *fair.Edition, c *call.Call) callView {
	v := callView{Edition: s.fairCard(l, e), Opens: moment(l, c.OpensAt), Closes: moment(l, c.ClosesAt), Stands: c.Stands}
	st := editions.Window(e, c, true, s.now())
	v.State, v.StateText = string(st), callStateText(l, st, c)
	for _, lf := range c.LegalForms {
		v.Who = append(v.Who, l.T("org.legal_form."+string(lf)))
	}
	for _, sec := range c.Sectors {
		v.Who = append(v.Who, l.T("taxonomy.sector."+string(sec)))
	}
	v.Provinces = v.Edition.Region
	for _, code := range c.InvitedProvinces {
		v.Provinces += "، " + s.provinceName(code, string(l.Lang()))
	}
	for _, d := range c.Documents {
		r := docRule{Name: l.T("call.document." + string(d.Kind)), Who: l.T("call.doc_who_all")}
		if len(d.LegalForms) > 0 {
			r.Who = l.T("org.legal_form." + string(d.LegalForms[0]))
		}
		v.Documents = append(v.Documents, r)
	}
	code := string(l.Lang())
	for _, cr := range c.Criteria {
		cv := criterionView{Label: cr.Label.In(code), Weight: cr.Weight, How: l.T("call.source." + string(cr.Source))}
		if cr.Source == call.Computed {
			cv.Label = l.T("call.rule." + string(cr.Rule))
		}
		v.Criteria = append(v.Criteria, cv)
	}
	return v
}

// callPublicData is the public call page.
type callPublicData struct {
	Call     callView
	Mine     []option // the organisations the reader represents, to apply for
	SignedIn bool
	LoginURL string
	Error    string // why an application could not be started
}

func (s *Server) callPublicPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.renderCallPublic(r, p, "")
}

func (s *Server) renderCallPublic(r *http.Request, p *page, problem string) (string, error) {
	e, err := s.publicEdition(r)
	if err != nil {
		return "", err
	}
	c, err := s.editions.Call(r.Context(), e.ID)
	if err != nil {
		return "", err
	}
	d := callPublicData{Call: s.callView(p.L, &e, &c), SignedIn: p.User != nil, Error: problem,
		LoginURL: "/" + p.Code + "/login?next=" + "/" + p.Code + "/fairs/" + strconv.FormatInt(e.ID, 10) + "/apply"}
	for _, id := range p.User.Organisations() {
		o, err := s.store.Organisation(r.Context(), id)
		if err != nil {
			return "", err
		}
		d.Mine = append(d.Mine, option{Value: strconv.FormatInt(id, 10), Label: o.Name.In(p.Code)})
	}
	p.Title, p.Data = p.L.T("apply.title", "fair", e.Title.In(p.Code)), d
	return "apply", nil
}

// startApplication opens (or reopens) the organisation's application to the edition.
func (s *Server) startApplication(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	editionID, err := pathID(r, "id")
	if err != nil {
		return "", err
	}
	orgID, _ := strconv.ParseInt(r.PostForm.Get("organisation"), 10, 64)
	// One application per organisation and edition: a second start leads to the first,
	// saying so.
	existing, err := s.store.ApplicationsOf(r.Context(), []int64{orgID})
	if err != nil {
		return "", err
	}
	for _, a := range existing {
		if a.EditionID == editionID {
			s.flash(r, "apply.flash.already")
			http.Redirect(w, r, s.applicationURL(p, a.ID), http.StatusSeeOther)
			return "", nil
		}
	}
	a, err := s.store.StartApplication(r.Context(), editionID, orgID)
	if err != nil {
		if code := apperr.CodeOf(err); code == apperr.Invalid || code == apperr.Conflict {
			p.Status = http.StatusConflict
			return s.renderCallPublic(r, p, strings.Join(problems(p.L, err), " "))
		}
		return "", err
	}
	http.Redirect(w, r, s.applicationURL(p, a.ID), http.StatusSeeOther)
	return "", nil
}

func (s *Server) applicationURL(p *page, id int64) string {
	return "/" + p.Code + "/applications/" + strconv.FormatInt(id, 10)
}

// myApplicationsData lists the reader's organisations' applications.
type myApplicationsData struct {
	Rows []myApplication
}

type myApplication struct {
	ID           int64
	Edition      string
	Organisation string
	Reference    string
	Status       string
	State        string
	Reason       string // why the decision, once published (or the organisers' reason for finding it not eligible)
}

func (s *Server) myApplications(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	apps, err := s.store.ApplicationsOf(r.Context(), p.User.Organisations())
	if err != nil {
		return "", err
	}
	ids := make([]int64, len(apps))
	for i, a := range apps {
		ids[i] = a.ID
	}
	decisions, err := s.store.DecisionsOf(r.Context(), ids)
	if err != nil {
		return "", err
	}
	var d myApplicationsData
	for _, a := range apps {
		e, err := s.editions.Edition(r.Context(), a.EditionID)
		if err != nil {
			return "", err
		}
		o, err := s.store.Organisation(r.Context(), a.OrganisationID)
		if err != nil {
			return "", err
		}
		row := myApplication{ID: a.ID, Edition: e.Title.In(p.Code), Organisation: o.Name.In(p.Code),
			Reference: a.Reference, Status: p.L.T("application.status." + string(a.Status)), State: string(a.Status)}
		if dv := s.applicantDecision(p.L, p.Code, &a, decisions[a.ID]); dv != nil {
			if dv.Published {
				row.Status, row.State = dv.Label, dv.State
			} else {
				row.Status += " · " + dv.Label
			}
			row.Reason = dv.Reason
		}
		d.Rows = append(d.Rows, row)
	}
	p.Title, p.Data = p.L.T("apply.mine_title"), d
	return "my_applications", nil
}

// applicationContext is an application with what its pages need around it.
type applicationContext struct {
	App     application.Application
	Edition fair.Edition
	Call    call.Call
	Org     org.Organisation
}

// applicationContext reads an application, its edition, call and organisation.
func (s *Server) applicationContext(ctx context.Context, id int64) (applicationContext, error) {
	var ac applicationContext
	a, err := s.store.Application(ctx, id)
	if err != nil {
		return ac, err
	}
	ac.App = a
	if ac.Edition, err = s.editions.Edition(ctx, a.EditionID); err != nil {
		return ac, err
	}
	if ac.Call, err = s.editions.Call(ctx, a.EditionID); err != nil {
		return ac, err
	}
	ac.Org, err = s.store.Organisation(ctx, a.OrganisationID)
	return ac, err
}

// callStateText says where a call stands, in the reader's language: when it opens or
// closed, and, for a call closed early, its announced deadline too.
func callStateText(l *i18n.Localizer, st editions.CallState, c *call.Call) string {
	switch st {
	case editions.Open:
		return l.T("fairs.call_open", "closes", moment(l, c.ClosesAt))
	case editions.NotYetOpen:
		return l.T("fairs.call_soon", "opens", moment(l, c.OpensAt))
	case editions.ClosedEarly:
		return l.T("fairs.call_closed_early", "closed", moment(l, c.ClosesAt), "announced", moment(l, c.AnnouncedClosesAt))
	case editions.Closed:
		return l.T("fairs.call_closed", "closed", moment(l, c.ClosesAt))
	case editions.CallOff:
		return l.T("fairs.call_cancelled")
	}
	return l.T("fairs.call_not_open")
}
