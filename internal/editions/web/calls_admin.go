package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

func (h *Handlers) callAdminRoutes() []webkit.Route {
	return []webkit.Route{
		{Pattern: "GET /{lang}/admin/editions/{id}/call", Perm: authz.ManageEditions, Resource: h.EditionResource, Page: h.callPage},
		{Pattern: "POST /{lang}/admin/editions/{id}/call", Perm: authz.ManageEditions, Resource: h.EditionResource, Page: h.saveCall},
	}
}

// callFormData is what the call form shows.
type callFormData struct {
	Edition   Card
	Form      *webkit.Form
	Choices   CallChoices
	New       bool // no call is stored yet: the form shows the usual template
	PublicURL string
	Frozen    string // why the call is read-only, once its selection is published
}

// CallChoices are the call editor's lists, in the reader's language.
type CallChoices struct {
	LegalForms    []webkit.Option
	Sectors       []webkit.Option
	Provinces     []webkit.OptionGroup // other regions' provinces, to invite
	DocKinds      []webkit.Option
	DocWho        []webkit.Option
	QuestionKinds []webkit.Option
	Sources       []webkit.Option
	Rules         []webkit.Option
	QuotaSubjects []webkit.Option
	QuotaValues   []webkit.OptionGroup
}

// CallChoices are the options of the call editor's lists (and of the quotas the selection
// page adjusts), in the reader's language.
func (h *Handlers) CallChoices(p *webkit.Page, e *fair.Edition) CallChoices {
	c := CallChoices{}
	c.LegalForms, c.Sectors = webkit.LegalFormOptions(p.L), webkit.SectorOptions(p.L)
	c.QuotaValues = append(c.QuotaValues, h.ProvinceGroups(p.Code, nil)...)
	c.Provinces = h.ProvinceGroups(p.Code, otherRegions(h, e.RegionCode))
	for _, k := range call.DocKinds {
		c.DocKinds = append(c.DocKinds, webkit.Option{Value: string(k), Label: p.L.T("call.document." + string(k))})
	}
	c.DocWho = append([]webkit.Option{{Value: "all", Label: p.L.T("call.doc_who_all")}}, c.LegalForms...)
	for _, k := range call.QuestionKinds {
		c.QuestionKinds = append(c.QuestionKinds, webkit.Option{Value: string(k), Label: p.L.T("call.question_kind." + string(k))})
	}
	for _, src := range []call.Source{call.ByReviewers, call.Computed} {
		c.Sources = append(c.Sources, webkit.Option{Value: string(src), Label: p.L.T("call.source." + string(src))})
	}
	for _, r := range call.Rules {
		c.Rules = append(c.Rules, webkit.Option{Value: string(r), Label: p.L.T("call.rule." + string(r))})
	}
	for _, a := range call.QuotaAttrs {
		c.QuotaSubjects = append(c.QuotaSubjects, webkit.Option{Value: a, Label: p.L.T("call.quota_attr." + a)})
	}
	for _, fl := range call.Flags {
		c.QuotaSubjects = append(c.QuotaSubjects, webkit.Option{Value: fl, Label: p.L.T("call.quota_flag." + fl)})
	}
	generic := webkit.OptionGroup{Label: p.L.T("call.quota_any"), Options: []webkit.Option{{Value: "*", Label: p.L.T("call.quota_each")}}}
	sectors := webkit.OptionGroup{Label: p.L.T("catalogue.sector"), Options: c.Sectors}
	forms := webkit.OptionGroup{Label: p.L.T("registry.legal_form"), Options: c.LegalForms}
	c.QuotaValues = append([]webkit.OptionGroup{generic, sectors, forms}, c.QuotaValues...)
	return c
}

// otherRegions lists every region code but one.
func otherRegions(h *Handlers, except string) []string {
	var out []string
	for _, code := range h.RegionCodes(true, nil) {
		if code != except {
			out = append(out, code)
		}
	}
	return out
}

func (h *Handlers) renderCallForm(ctx context.Context, p *webkit.Page, e *fair.Edition, f *webkit.Form, isNew bool) (string, error) {
	d := callFormData{Edition: h.Card(p.L, e), Form: f, Choices: h.CallChoices(p, e), New: isNew,
		PublicURL: "/" + p.Code + "/fairs/" + strconv.FormatInt(e.ID, 10) + "/apply"}
	if e.Status.CallFrozen() {
		d.Frozen = p.L.T("call.error.frozen")
	}
	p.Title, p.Data = p.L.T("call.title"), d
	return "call_form", nil
}

func (h *Handlers) callPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	e, err := h.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	c, err := h.editions.Call(r.Context(), id)
	isNew := apperr.CodeOf(err) == apperr.NotFound
	if isNew {
		c, err = callTemplate(&e, h.Now()), nil
	}
	if err != nil {
		return "", err
	}
	return h.renderCallForm(r.Context(), p, &e, CallValues(c), isNew)
}

// saveCall stores the call. "Add rows" sends the form back with more empty rows.
func (h *Handlers) saveCall(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	e, err := h.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := webkit.FormFrom(r)
	c := h.CallFromForm(r, f, id)
	_, stored := h.editions.Call(r.Context(), id)
	isNew := apperr.CodeOf(stored) == apperr.NotFound
	if f.Get("more") != "" {
		webkit.GrowRows(f, callGroups)
		return h.renderCallForm(r.Context(), p, &e, f, isNew)
	}
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return h.renderCallForm(r.Context(), p, &e, f, isNew)
	}
	if err := h.editions.SaveCall(r.Context(), &c); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return h.renderCallForm(r.Context(), p, &e, f, isNew)
		}
		return "", err
	}
	h.Flash(r, "call.flash.saved")
	http.Redirect(w, r, h.EditionAdminURL(p, id)+"/call", http.StatusSeeOther)
	return "", nil
}
