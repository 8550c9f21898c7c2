package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// applicationData is the applicant's page: what the call asks, what is done, what is
// missing, and the forms to complete it.
type applicationData struct {
	ID           int64
	Edition      fairCard
	Organisation string
	Reference    string
	Status       string
	State        string
	Decision     *decisionView // once published, or when found not eligible
	Closes       string
	Stand        string // its stand, once the organiser has placed it
	Editable     bool   // the call is open and the application not withdrawn
	Notice       string // why it cannot be changed, when it cannot
	Checklist    []checkItem
	Complete     bool
	Questions    []questionView
	Documents    []documentView
	DocKinds     []option
	Form         *form
	Submitted    bool
	People       standPeopleView
}

type checkItem struct {
	Label string
	Done  bool
}

type questionView struct {
	Name     string // the form field
	Label    string
	Kind     string
	Required bool
	Value    string
	Error    string
}

type documentView struct {
	ID   int64
	Kind string
	Name string
	Size string
}

func (s *Server) applicationPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	return s.renderApplication(r.Context(), p, id, nil)
}

// renderApplication shows the application; f carries what the user typed and its errors
// when a form comes back.
func (s *Server) renderApplication(ctx context.Context, p *page, id int64, f *form) (string, error) {
	ac, err := s.applicationContext(ctx, id)
	if err != nil {
		return "", err
	}
	a, c := &ac.App, &ac.Call
	d := applicationData{ID: a.ID, Edition: s.fairCard(p.L, &ac.Edition), Organisation: ac.Org.Name.In(p.Code),
		Reference: a.Reference, Status: p.L.T("application.status." + string(a.Status)), State: string(a.Status),
		Closes: moment(p.L, c.ClosesAt), Submitted: a.Status == application.Submitted, Form: f}
	decisions, err := s.store.DecisionsOf(ctx, []int64{a.ID})
	if err != nil {
		return "", err
	}
	if d.Decision = s.applicantDecision(p.L, p.Code, a, decisions[a.ID]); d.Decision != nil && d.Decision.Published {
		d.Status, d.State = d.Decision.Label, d.Decision.State
	}
	now := s.now()
	switch {
	case a.Status == application.Withdrawn:
		d.Notice = p.L.T("application.error.withdrawn")
	case editions.Window(&ac.Edition, c, true, now) != editions.Open:
		d.Notice = webkit.ErrorText(p.L, editions.Window(&ac.Edition, c, true, now).Refusal(c))
	default:
		d.Editable = true
	}
	if d.Form == nil {
		d.Form = newForm()
	}
	for k, v := range a.Answers { // what was typed and refused wins over what is stored
		if _, typed := d.Form.Values["answer."+k]; !typed {
			d.Form.Values["answer."+k] = v
		}
	}
	required := c.RequiredDocuments(ac.Org.LegalForm)
	for _, kind := range required {
		done := slices.ContainsFunc(a.Documents, func(doc application.Document) bool { return doc.Kind == kind })
		d.Checklist = append(d.Checklist, checkItem{Label: p.L.T("call.document." + string(kind)), Done: done})
	}
	for _, q := range c.Questions {
		name := "answer." + q.Key
		qv := questionView{Name: name, Label: q.Label.In(p.Code), Kind: string(q.Kind), Required: q.Required,
			Value: d.Form.Get(name), Error: d.Form.Errors[name]}
		d.Questions = append(d.Questions, qv)
		if q.Required {
			d.Checklist = append(d.Checklist, checkItem{Label: qv.Label, Done: a.Answers[q.Key] != ""})
		}
	}
	d.Complete = len(a.Missing(c, ac.Org.LegalForm)) == 0
	for _, doc := range a.Documents {
		d.Documents = append(d.Documents, documentView{ID: doc.ID, Kind: p.L.T("call.document." + string(doc.Kind)),
			Name: doc.Filename, Size: p.L.T("apply.kilobytes", "n", p.L.Number(int64((doc.Size+1023)/1024)))})
	}
	// The documents the call asks for come first in the list of kinds.
	for _, kind := range required {
		d.DocKinds = append(d.DocKinds, option{Value: string(kind), Label: p.L.T("call.document." + string(kind))})
	}
	for _, kind := range call.DocKinds {
		if !slices.Contains(required, kind) {
			d.DocKinds = append(d.DocKinds, option{Value: string(kind), Label: p.L.T("call.document." + string(kind))})
		}
	}
	if d.People, err = s.standPeople(ctx, p.L, a.ID, nil); err != nil {
		return "", err
	}
	// A selected organisation with a stand sees it here and opens its stand page.
	if a.Status == application.Submitted {
		stands, err := s.store.OrganisationStands(ctx, a.OrganisationID)
		if err != nil {
			return "", err
		}
		d.Stand = stands[a.EditionID]
	}
	p.Title, p.Data = p.L.T("apply.application_title"), d
	return "application", nil
}

// renderApplicationWithPeople shows the application with the people form f in error.
func (s *Server) renderApplicationWithPeople(ctx context.Context, p *page, id int64, f *form) (string, error) {
	name, err := s.renderApplication(ctx, p, id, nil)
	if err != nil {
		return name, err
	}
	d := p.Data.(applicationData)
	d.People.Form = f
	p.Data = d
	return name, nil
}

// saveApplication stores the answers; "submit" in the same form also submits.
func (s *Server) saveApplication(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	if err := s.store.SaveAnswers(r.Context(), id, answersIn(f)); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderApplication(r.Context(), p, id, f)
		}
		return "", err
	}
	s.flash(r, "apply.flash.saved")
	http.Redirect(w, r, s.applicationURL(p, id), http.StatusSeeOther)
	return "", nil
}

// answersIn picks the answers out of a posted form (fields "answer.<key>").
func answersIn(f *form) map[string]string {
	answers := map[string]string{}
	for k, v := range f.Values {
		if key, ok := strings.CutPrefix(k, "answer."); ok {
			answers[key] = v
		}
	}
	return answers
}

// uploadDocument attaches an uploaded document, checked by its content and size.
func (s *Server) uploadDocument(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := newForm()
	kind, name, data, err := readDocument(w, r)
	if err == nil {
		_, err = s.store.AddDocument(r.Context(), id, kind, name, data)
	}
	if err != nil {
		if !f.Fail(p.L, err) {
			return "", err
		}
		f.Errors["document"] = f.Error
		p.Status = http.StatusUnprocessableEntity
		return s.renderApplication(r.Context(), p, id, f)
	}
	s.flash(r, "apply.flash.document_added")
	http.Redirect(w, r, s.applicationURL(p, id)+"#documents", http.StatusSeeOther)
	return "", nil
}

// readDocument reads the upload form: the document's kind and the file, at most 5 MB.
func readDocument(w http.ResponseWriter, r *http.Request) (call.DocKind, string, []byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, call.MaxDocumentBytes+256<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return "", "", nil, apperr.New(apperr.Invalid, "application.error.document_too_large", "max", call.MaxDocumentBytes>>20)
		}
		return "", "", nil, apperr.New(apperr.Invalid, "application.error.document_empty")
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return "", "", nil, apperr.New(apperr.Invalid, "application.error.document_empty")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, call.MaxDocumentBytes+1))
	if err != nil {
		return "", "", nil, err
	}
	return call.DocKind(r.FormValue("kind")), hdr.Filename, data, nil
}

func (s *Server) removeDocument(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	doc, err := pathID(r, "doc")
	if err != nil {
		return "", err
	}
	if err := s.store.RemoveDocument(r.Context(), id, doc); err != nil {
		if f := newForm(); f.Fail(p.L, err) && apperr.CodeOf(err) != apperr.NotFound {
			p.Status = http.StatusConflict
			return s.renderApplication(r.Context(), p, id, f)
		}
		return "", err
	}
	s.flash(r, "apply.flash.document_removed")
	http.Redirect(w, r, s.applicationURL(p, id)+"#documents", http.StatusSeeOther)
	return "", nil
}

// submitApplication saves the answers sent with it, then submits; the receipt goes to the
// person who submits, by email or SMS, in their language.
func (s *Server) submitApplication(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	u, err := s.store.Accounts().User(r.Context(), p.User.UserID)
	if err != nil {
		return "", err
	}
	ac, err := s.applicationContext(r.Context(), id)
	if err != nil {
		return "", err
	}
	receipt := func(a *application.Application) []outbox.Message {
		l := s.i18n.For(u.Lang)
		m := s.message(u, "application_receipt", "mail.application_receipt",
			"reference", a.Reference, "fair", ac.Edition.Title.In(string(u.Lang)), "organisation", ac.Org.Name.In(string(u.Lang)),
			"deadline", moment(l, ac.Call.ClosesAt), "link", s.link(string(u.Lang), "/applications/"+strconv.FormatInt(a.ID, 10)))
		return []outbox.Message{*m}
	}
	// The submit button belongs to the answers' form, so what was just typed is kept.
	if answers := answersIn(f); len(answers) > 0 {
		if err := s.store.SaveAnswers(r.Context(), id, answers); err != nil {
			if f.Fail(p.L, err) {
				p.Status = http.StatusUnprocessableEntity
				return s.renderApplication(r.Context(), p, id, f)
			}
			return "", err
		}
	}
	if err := s.store.SubmitApplication(r.Context(), id, receipt); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			if apperr.CodeOf(err) == apperr.Conflict { // withdrawn or closed meanwhile: its own message
				p.Status = http.StatusConflict
			} else {
				f.Error = p.L.T("apply.incomplete")
			}
			return s.renderApplication(r.Context(), p, id, f)
		}
		return "", err
	}
	s.flash(r, "apply.flash.submitted")
	http.Redirect(w, r, s.applicationURL(p, id), http.StatusSeeOther)
	return "", nil
}

// withdrawApplication withdraws, once the applicant has ticked the confirmation.
func (s *Server) withdrawApplication(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	if f.Get("confirm") != "1" {
		f.Errors["confirm"] = p.L.T("apply.withdraw_confirm_needed")
		f.Error = f.Errors["confirm"]
		p.Status = http.StatusUnprocessableEntity
		return s.renderApplication(r.Context(), p, id, f)
	}
	if err := s.store.WithdrawApplication(r.Context(), id); err != nil {
		return "", err
	}
	s.flash(r, "apply.flash.withdrawn")
	http.Redirect(w, r, s.applicationURL(p, id), http.StatusSeeOther)
	return "", nil
}
