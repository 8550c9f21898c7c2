package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/password"
)

func (s *Server) accountRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/login", perm: authz.Public, page: s.loginForm},
		{pattern: "POST /{lang}/login", perm: authz.Public, page: s.login},
		{pattern: "POST /{lang}/logout", perm: authz.SignedIn, page: s.logout},
		{pattern: "GET /{lang}/password/forgot", perm: authz.Public, page: s.forgotForm},
		{pattern: "POST /{lang}/password/forgot", perm: authz.Public, page: s.forgot},
		{pattern: "GET /{lang}/password/reset/{token}", perm: authz.Public, page: s.resetForm},
		{pattern: "POST /{lang}/password/reset/{token}", perm: authz.Public, page: s.reset},
		{pattern: "GET /{lang}/invitation/{token}", perm: authz.Public, page: s.invitationForm},
		{pattern: "POST /{lang}/invitation/{token}", perm: authz.Public, page: s.acceptInvitation},
		{pattern: "GET /{lang}/account", perm: authz.SignedIn, page: s.accountPage},
		{pattern: "POST /{lang}/account/language", perm: authz.SignedIn, page: s.changeLanguage},
		{pattern: "POST /{lang}/account/password", perm: authz.SignedIn, page: s.changePassword},
	}
}

// hash hashes a password, waiting for a slot so that a crowd signing in at once cannot
// exhaust memory (each hash takes 19 MiB).
func (s *Server) hash(ctx context.Context, pw string) (string, error) {
	select {
	case s.hashes <- struct{}{}:
		defer func() { <-s.hashes }()
	case <-ctx.Done():
		return "", ctx.Err()
	}
	return password.Hash(pw, password.Default)
}

// verify checks a password against a stored hash under the same bound; an empty hash (an
// invited user who has not chosen a password) spends the same time and fails.
func (s *Server) verify(ctx context.Context, pw, stored string) (ok, rehash bool) {
	select {
	case s.hashes <- struct{}{}:
		defer func() { <-s.hashes }()
	case <-ctx.Done():
		return false, false
	}
	if stored == "" {
		password.VerifyNothing(pw)
		return false, false
	}
	ok, rehash, err := password.Verify(pw, stored, password.Default)
	return ok && err == nil, rehash
}

// signIn starts a session for u under a new token (so a token planted before sign-in is
// worth nothing after it).
func (s *Server) signIn(r *http.Request, u account.User) error {
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionUserID, u.ID)
	return nil
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	if p.User != nil {
		http.Redirect(w, r, "/"+p.Code+"/account", http.StatusSeeOther)
		return "", nil
	}
	f := newForm()
	f.Values["next"] = r.URL.Query().Get("next")
	p.Title, p.Data = p.L.T("account.login_title"), f
	return "login", nil
}

// login signs a user in by email or phone. Every failure says the same thing and takes
// the same time, so the form does not tell which accounts exist.
func (s *Server) login(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	p.Title, p.Data = p.L.T("account.login_title"), f
	identifier, pw := strings.TrimSpace(f.Get("identifier")), f.Get("password")
	f.Values["password"] = "" // never sent back
	if identifier == "" || pw == "" {
		f.Error, p.Status = p.L.T("account.error.login_missing"), http.StatusUnprocessableEntity
		return "login", nil
	}
	if !s.logins.allow(strings.ToLower(identifier), s.clientIP(r), s.now()) {
		f.Error, p.Status = p.L.T("account.error.too_many_attempts"), http.StatusTooManyRequests
		return "login", nil
	}
	u, stored, err := s.store.Accounts().UserForLogin(r.Context(), identifier)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	ok, rehash := s.verify(r.Context(), pw, stored)
	if !ok || !u.Active {
		s.log.Info("sign-in refused", "id", requestID(r), "ip", s.clientIP(r))
		f.Error, p.Status = p.L.T("account.error.login_failed"), http.StatusUnauthorized
		return "login", nil
	}
	if rehash {
		if h, err := s.hash(r.Context(), pw); err == nil {
			s.store.Accounts().SetPassword(r.Context(), u.ID, h)
		}
	}
	if err := s.signIn(r, u); err != nil {
		return "", err
	}
	http.Redirect(w, r, safeNext(f.Get("next"), "/"+string(u.Lang)+"/account"), http.StatusSeeOther)
	return "", nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return "", err
	}
	http.Redirect(w, r, "/"+p.Code+"/", http.StatusSeeOther)
	return "", nil
}

// accountData is what the account page shows.
type accountData struct {
	User     account.User
	Grants   []grantView
	Language *form
	Password *form
}

func (s *Server) accountPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.renderAccount(r, p, newForm(), newForm())
}

func (s *Server) renderAccount(r *http.Request, p *page, lang, pw *form) (string, error) {
	u, err := s.store.Accounts().User(r.Context(), p.User.UserID)
	if err != nil {
		return "", err
	}
	if lang.Get("lang") == "" {
		lang.Values["lang"] = string(u.Lang)
	}
	views, err := s.grantViews(r.Context(), p, p.User.Grants)
	if err != nil {
		return "", err
	}
	p.Title = p.L.T("account.title")
	p.Data = accountData{User: u, Grants: views, Language: lang, Password: pw}
	return "account", nil
}

func (s *Server) changeLanguage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	l, ok := i18n.Parse(f.Get("lang"))
	if !ok {
		f.Errors["lang"] = p.L.T("account.error.lang_invalid")
		p.Status = http.StatusUnprocessableEntity
		return s.renderAccount(r, p, f, newForm())
	}
	if err := s.store.Accounts().SetUserLang(r.Context(), p.User.UserID, l); err != nil {
		return "", err
	}
	s.flash(r, "account.flash.language_saved")
	http.Redirect(w, r, "/"+string(l)+"/account", http.StatusSeeOther)
	return "", nil
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	current, next, confirm := f.Get("current"), f.Get("password"), f.Get("confirm")
	f.Values = map[string]string{} // passwords are never sent back
	_, stored, err := s.store.Accounts().UserForLoginByID(r.Context(), p.User.UserID)
	if err != nil {
		return "", err
	}
	if ok, _ := s.verify(r.Context(), current, stored); !ok {
		f.Errors["current"] = p.L.T("account.error.current_password_wrong")
	}
	if err := checkNewPassword(next, confirm); err != nil {
		f.Fail(p.L, err)
	}
	if f.HasErrors() {
		if f.Error == "" {
			f.Error = p.L.T("error.invalid_input")
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderAccount(r, p, newForm(), f)
	}
	h, err := s.hash(r.Context(), next)
	if err != nil {
		return "", err
	}
	if err := s.store.Accounts().SetPassword(r.Context(), p.User.UserID, h); err != nil {
		return "", err
	}
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return "", err
	}
	s.flash(r, "account.flash.password_changed")
	http.Redirect(w, r, "/"+p.Code+"/account", http.StatusSeeOther)
	return "", nil
}

// checkNewPassword applies the password rules and the confirmation.
func checkNewPassword(pw, confirm string) error {
	if err := account.CheckPassword(pw); err != nil {
		return err
	}
	var v apperr.Validation
	v.Check(pw == confirm, "confirm", "account.error.confirm_mismatch")
	return v.Err()
}
