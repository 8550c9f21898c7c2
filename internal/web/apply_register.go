package web

import (
	"context"
	"net/http"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// registerData is the form a new organisation fills to apply: who is applying, and the
// organisation, whose record stays pending until an organiser validates it.
type registerData struct {
	Call    callView
	Form    *form
	Choices orgChoices
}

func (s *Server) registerApplicantForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.renderRegister(r, p, newForm())
}

func (s *Server) renderRegister(r *http.Request, p *page, f *form) (string, error) {
	e, err := s.publicEdition(r)
	if err != nil {
		return "", err
	}
	c, err := s.editions.Call(r.Context(), e.ID)
	if err != nil {
		return "", err
	}
	if f.Multi == nil {
		f.Multi = map[string][]string{}
	}
	d := registerData{Call: s.callView(p.L, &e, &c), Form: f, Choices: s.orgChoices(p, nil)}
	p.Title, p.Data = p.L.T("apply.register_title"), d
	return "apply_register", nil
}

// registerApplicant creates the applicant's account, the organisation (pending) and the
// draft application together: if any of them is refused, none is stored, and the form
// comes back with everything typed except the passwords.
func (s *Server) registerApplicant(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	editionID, err := pathID(r, "id")
	if err != nil {
		return "", err
	}
	if _, err := s.publicEdition(r); err != nil {
		return "", err
	}
	f := formFrom(r)
	u := account.User{Name: f.Get("name"), Email: f.Get("email"), Phone: f.Get("phone"), Lang: p.Lang}
	o := org.Organisation{LegalForm: org.LegalForm(f.Get("legal_form")), ProvinceCode: f.Get("province"),
		Name:   mltext.Text{AR: f.Get("name_ar"), FR: f.Get("name_fr")},
		Sector: taxonomy.Sector(f.Get("sector")), Status: org.Pending,
		Contact: org.Contact{Phone: f.Get("phone"), Email: f.Get("email")}}
	fail := func(err error) (string, error) {
		delete(f.Values, "password")
		delete(f.Values, "confirm")
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderRegister(r, p, f)
		}
		return "", err
	}
	if err := u.Normalize(); err != nil {
		return fail(err)
	}
	if err := checkNewPassword(f.Get("password"), f.Get("confirm")); err != nil {
		return fail(err)
	}
	hash, err := s.hash(r.Context(), f.Get("password"))
	if err != nil {
		return "", err
	}
	var app application.Application
	err = s.store.InTx(r.Context(), func(ctx context.Context) error {
		if err := s.store.CreateOrganisation(ctx, &o); err != nil {
			return err
		}
		if err := s.store.Accounts().CreateUser(ctx, &u, hash, []account.Grant{{Role: account.Exhibitor, OrganisationID: o.ID}}); err != nil {
			return err
		}
		app, err = s.store.StartApplication(ctx, editionID, o.ID)
		return err
	})
	if err != nil {
		return fail(err)
	}
	if err := s.signIn(r, u); err != nil {
		return "", err
	}
	s.flash(r, "apply.flash.registered")
	http.Redirect(w, r, s.applicationURL(p, app.ID), http.StatusSeeOther)
	return "", nil
}
