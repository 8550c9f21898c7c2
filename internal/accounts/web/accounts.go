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
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

func (h *Handlers) accountRoutes() []webkit.Route {
	return []webkit.Route{
		{Pattern: "GET /{lang}/login", Perm: authz.Public, Page: h.loginForm},
		{Pattern: "POST /{lang}/login", Perm: authz.Public, Page: h.login},
		{Pattern: "POST /{lang}/logout", Perm: authz.SignedIn, Page: h.logout},
		{Pattern: "GET /{lang}/password/forgot", Perm: authz.Public, Page: h.forgotForm},
		{Pattern: "POST /{lang}/password/forgot", Perm: authz.Public, Page: h.forgot},
		{Pattern: "GET /{lang}/password/reset/{token}", Perm: authz.Public, Page: h.resetForm},
		{Pattern: "POST /{lang}/password/reset/{token}", Perm: authz.Public, Page: h.reset},
		{Pattern: "GET /{lang}/invitation/{token}", Perm: authz.Public, Page: h.invitationForm},
		{Pattern: "POST /{lang}/invitation/{token}", Perm: authz.Public, Page: h.acceptInvitation},
		{Pattern: "GET /{lang}/account", Perm: authz.SignedIn, Page: h.accountPage},
		{Pattern: "POST /{lang}/account/language", Perm: authz.SignedIn, Page: h.changeLanguage},
		{Pattern: "POST /{lang}/account/password", Perm: authz.SignedIn, Page: h.changePassword},
	}
}

// Hash hashes a password, waiting for a slot so that a crowd signing in at once cannot
// exhaust memory (each hash takes 19 MiB).
func (h *Handlers) Hash(ctx context.Context, pw string) (string, error) {
	select {
	case h.hashes <- struct{}{}:
		defer func() { <-h.hashes }()
	case <-ctx.Done():
		return "", ctx.Err()
	}
	return password.Hash(pw, password.Default)
}

// verify checks a password against a stored hash under the same bound; an empty hash (an
// invited user who has not chosen a password) spends the same time and fails.
func (h *Handlers) verify(ctx context.Context, pw, stored string) (ok, rehash bool) {
	select {
	case h.hashes <- struct{}{}:
		defer func() { <-h.hashes }()
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

// SignIn starts a session for u under a new token (so a token planted before sign-in is
// worth nothing after it).
func (h *Handlers) SignIn(r *http.Request, u account.User) error {
	if err := h.Sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	h.Sessions.Put(r.Context(), webkit.SessionUserID, u.ID)
	return nil
}

func (h *Handlers) loginForm(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	if p.User != nil {
		http.Redirect(w, r, "/"+p.Code+"/account", http.StatusSeeOther)
		return "", nil
	}
	f := webkit.NewForm()
	f.Values["next"] = r.URL.Query().Get("next")
	p.Title, p.Data = p.L.T("account.login_title"), f
	return "login", nil
}

// login signs a user in by email or phone. Every failure says the same thing and takes
// the same time, so the form does not tell which accounts exist.
func (h *Handlers) login(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.FormFrom(r)
	p.Title, p.Data = p.L.T("account.login_title"), f
	identifier, pw := strings.TrimSpace(f.Get("identifier")), f.Get("password")
	f.Values["password"] = "" // never sent back
	if identifier == "" || pw == "" {
		f.Error, p.Status = p.L.T("account.error.login_missing"), http.StatusUnprocessableEntity
		return "login", nil
	}
	if !h.logins.allow(strings.ToLower(identifier), h.ClientIP(r), h.Now()) {
		f.Error, p.Status = p.L.T("account.error.too_many_attempts"), http.StatusTooManyRequests
		return "login", nil
	}
	u, stored, err := h.accounts.UserForLogin(r.Context(), identifier)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	ok, rehash := h.verify(r.Context(), pw, stored)
	if !ok || !u.Active {
		h.Log.Info("sign-in refused", "id", webkit.RequestID(r), "ip", h.ClientIP(r))
		f.Error, p.Status = p.L.T("account.error.login_failed"), http.StatusUnauthorized
		return "login", nil
	}
	if rehash {
		if hashed, err := h.Hash(r.Context(), pw); err == nil {
			h.accounts.SetPassword(r.Context(), u.ID, hashed)
		}
	}
	if err := h.SignIn(r, u); err != nil {
		return "", err
	}
	http.Redirect(w, r, webkit.SafeNext(f.Get("next"), "/"+string(u.Lang)+"/account"), http.StatusSeeOther)
	return "", nil
}

func (h *Handlers) logout(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	if err := h.Sessions.Destroy(r.Context()); err != nil {
		return "", err
	}
	http.Redirect(w, r, "/"+p.Code+"/", http.StatusSeeOther)
	return "", nil
}

// accountData is what the account page shows.
type accountData struct {
	User     account.User
	Grants   []grantView
	Language *webkit.Form
	Password *webkit.Form
}

func (h *Handlers) accountPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	return h.renderAccount(r, p, webkit.NewForm(), webkit.NewForm())
}

func (h *Handlers) renderAccount(r *http.Request, p *webkit.Page, lang, pw *webkit.Form) (string, error) {
	u, err := h.accounts.User(r.Context(), p.User.UserID)
	if err != nil {
		return "", err
	}
	if lang.Get("lang") == "" {
		lang.Values["lang"] = string(u.Lang)
	}
	views, err := h.grantViews(r.Context(), p, p.User.Grants)
	if err != nil {
		return "", err
	}
	p.Title = p.L.T("account.title")
	p.Data = accountData{User: u, Grants: views, Language: lang, Password: pw}
	return "account", nil
}

func (h *Handlers) changeLanguage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.FormFrom(r)
	l, ok := i18n.Parse(f.Get("lang"))
	if !ok {
		f.Errors["lang"] = p.L.T("account.error.lang_invalid")
		p.Status = http.StatusUnprocessableEntity
		return h.renderAccount(r, p, f, webkit.NewForm())
	}
	if err := h.accounts.SetUserLang(r.Context(), p.User.UserID, l); err != nil {
		return "", err
	}
	h.Flash(r, "account.flash.language_saved")
	http.Redirect(w, r, "/"+string(l)+"/account", http.StatusSeeOther)
	return "", nil
}

func (h *Handlers) changePassword(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.FormFrom(r)
	current, next, confirm := f.Get("current"), f.Get("password"), f.Get("confirm")
	f.Values = map[string]string{} // passwords are never sent back
	_, stored, err := h.accounts.UserForLoginByID(r.Context(), p.User.UserID)
	if err != nil {
		return "", err
	}
	if ok, _ := h.verify(r.Context(), current, stored); !ok {
		f.Errors["current"] = p.L.T("account.error.current_password_wrong")
	}
	if err := CheckNewPassword(next, confirm); err != nil {
		f.Fail(p.L, err)
	}
	if f.HasErrors() {
		if f.Error == "" {
			f.Error = p.L.T("error.invalid_input")
		}
		p.Status = http.StatusUnprocessableEntity
		return h.renderAccount(r, p, webkit.NewForm(), f)
	}
	hashed, err := h.Hash(r.Context(), next)
	if err != nil {
		return "", err
	}
	if err := h.accounts.SetPassword(r.Context(), p.User.UserID, hashed); err != nil {
		return "", err
	}
	if err := h.Sessions.RenewToken(r.Context()); err != nil {
		return "", err
	}
	h.Flash(r, "account.flash.password_changed")
	http.Redirect(w, r, "/"+p.Code+"/account", http.StatusSeeOther)
	return "", nil
}

// CheckNewPassword applies the password rules and the confirmation.
func CheckNewPassword(pw, confirm string) error {
	if err := account.CheckPassword(pw); err != nil {
		return err
	}
	var v apperr.Validation
	v.Check(pw == confirm, "confirm", "account.error.confirm_mismatch")
	return v.Err()
}
