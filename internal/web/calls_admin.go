package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
)

func (s *Server) callAdminRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/editions/{id}/call", perm: authz.ManageEditions, resource: s.editionResource, page: s.callPage},
		{pattern: "POST /{lang}/admin/editions/{id}/call", perm: authz.ManageEditions, resource: s.editionResource, page: s.saveCall},
	}
}

// callFormData is what the call form shows.
type callFormData struct {
	Edition   fairCard
	Form      *form
	Choices   callChoices
	New       bool // no call is stored yet: the form shows the usual template
	PublicURL string
}

type callChoices struct {
	LegalForms    []option
	Sectors       []option
	Provinces     []optionGroup // other regions' provinces, to invite
	DocKinds      []option
	DocWho        []option
	QuestionKinds []option
	Sources       []option
	Rules         []option
	QuotaSubjects []option
	QuotaValues   []optionGroup
}

func (s *Server) callChoices(p *page, e *fair.Edition) callChoices {
	c := callChoices{}
	oc := s.orgChoices(p, nil)
	c.LegalForms, c.Sectors = oc.LegalForms, oc.Sectors
	c.QuotaValues = append(c.QuotaValues, oc.Provinces...)
	others := s.orgChoices(p, otherRegions(s, e.RegionCode))
	c.Provinces = others.Provinces
	for _, k := range call.DocKinds {
		c.DocKinds = append(c.DocKinds, option{string(k), p.L.T("call.document." + string(k))})
	}
	c.DocWho = append([]option{{"all", p.L.T("call.doc_who_all")}}, oc.LegalForms...)
	for _, k := range call.QuestionKinds {
		c.QuestionKinds = append(c.QuestionKinds, option{string(k), p.L.T("call.question_kind." + string(k))})
	}
	for _, src := range []call.Source{call.ByReviewers, call.Computed} {
		c.Sources = append(c.Sources, option{string(src), p.L.T("call.source." + string(src))})
	}
	for _, r := range call.Rules {
		c.Rules = append(c.Rules, option{string(r), p.L.T("call.rule." + string(r))})
	}
	for _, a := range call.QuotaAttrs {
		c.QuotaSubjects = append(c.QuotaSubjects, option{a, p.L.T("call.quota_attr." + a)})
	}
	for _, fl := range call.Flags {
		c.QuotaSubjects = append(c.QuotaSubjects, option{fl, p.L.T("call.quota_flag." + fl)})
	}
	generic := optionGroup{Label: p.L.T("call.quota_any"), Options: []option{{"*", p.L.T("call.quota_each")}}}
	sectors := optionGroup{Label: p.L.T("catalogue.sector"), Options: oc.Sectors}
	forms := optionGroup{Label: p.L.T("registry.legal_form"), Options: oc.LegalForms}
	c.QuotaValues = append([]optionGroup{generic, sectors, forms}, c.QuotaValues...)
	return c
}

// otherRegions lists every region code but one.
func otherRegions(s *Server, except string) []string {
	var out []string
	for _, code := range scopeRegionCodes(s, true, nil) {
		if code != except {
			out = append(out, code)
		}
	}
	return out
}

func (s *Server) renderCallForm(ctx context.Context, p *page, e *fair.Edition, f *form, isNew bool) (string, error) {
	d := callFormData{Edition: s.fairCard(p.L, e), Form: f, Choices: s.callChoices(p, e), New: isNew,
		PublicURL: "/" + p.Code + "/fairs/" + strconv.FormatInt(e.ID, 10) + "/apply"}
	p.Title, p.Data = p.L.T("call.title"), d
	return "call_form", nil
}

func (s *Server) callPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	e, err := s.store.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	c, err := s.store.Call(r.Context(), id)
	isNew := apperr.CodeOf(err) == apperr.NotFound
	if isNew {
		c, err = callTemplate(&e, s.now()), nil
	}
	if err != nil {
		return "", err
	}
	return s.renderCallForm(r.Context(), p, &e, callValues(c), isNew)
}

// saveCall stores the call. "Add rows" sends the form back with more empty rows.
func (s *Server) saveCall(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	e, err := s.store.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := formFrom(r)
	c := s.callFromForm(r, f, id)
	_, stored := s.store.Call(r.Context(), id)
	isNew := apperr.CodeOf(stored) == apperr.NotFound
	if f.Get("more") != "" {
		growRows(f, callGroups)
		return s.renderCallForm(r.Context(), p, &e, f, isNew)
	}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return s.renderCallForm(r.Context(), p, &e, f, isNew)
	}
	if err := s.store.SaveCall(r.Context(), &c); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderCallForm(r.Context(), p, &e, f, isNew)
		}
		return "", err
	}
	s.flash(r, "call.flash.saved")
	http.Redirect(w, r, s.editionAdminURL(p, id)+"/call", http.StatusSeeOther)
	return "", nil
}
