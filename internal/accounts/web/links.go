package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/accounts"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/platform/webkit"
	"github.com/aswaq/aswaq/internal/token"
)

// How long one-time links stay valid: long enough for an invitation to reach a person who
// checks messages once a week, short for a password reset.
const (
	invitationLifetime = 14 * 24 * time.Hour
	resetLifetime      = 2 * time.Hour
)

// Message writes a message to u in u's language: an email when u has an address, an SMS
// otherwise. The catalog holds "<base>.subject", "<base>.body" and "<base>.sms".
func (h *Handlers) Message(u account.User, kind, base string, args ...any) *outbox.Message {
	l := h.I18n.For(u.Lang)
	m := &outbox.Message{Kind: kind, Lang: string(u.Lang), RecipientName: u.Name}
	if u.Email != "" {
		m.Channel, m.Recipient = outbox.Email, u.Email
		m.Subject, m.Body = l.T(base+".subject", args...), l.T(base+".body", args...)
	} else {
		m.Channel, m.Recipient = outbox.SMS, u.Phone
		m.Body = l.T(base+".sms", args...)
	}
	return m
}

// link is an absolute address on this site in language lang.
func (h *Handlers) link(lang, path string) string { return h.BaseURL + "/" + lang + path }

type linkSent struct{ Contact string }

func (h *Handlers) forgotForm(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	p.Title, p.Data = p.L.T("account.forgot_title"), webkit.NewForm()
	return "forgot", nil
}

// forgot sends a reset link when the account exists, and says the same thing when it does
// not, so the form does not reveal who has an account.
func (h *Handlers) forgot(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.FormFrom(r)
	p.Title, p.Data = p.L.T("account.forgot_title"), f
	identifier := strings.TrimSpace(f.Get("identifier"))
	if identifier == "" {
		f.Errors["identifier"], p.Status = p.L.T("account.error.identifier_required"), http.StatusUnprocessableEntity
		return "forgot", nil
	}
	if !h.logins.allow("reset:"+strings.ToLower(identifier), h.ClientIP(r), h.Now()) {
		f.Error, p.Status = p.L.T("account.error.too_many_attempts"), http.StatusTooManyRequests
		return "forgot", nil
	}
	u, _, err := h.accounts.UserForLogin(r.Context(), identifier)
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
	case err != nil:
		return "", err
	case u.Active:
		tok, hash := token.New()
		msg := h.Message(u, "password_reset", "mail.password_reset",
			"name", u.Name, "link", h.link(string(u.Lang), "/password/reset/"+tok), "hours", int(resetLifetime.Hours()))
		if err := h.accounts.CreateToken(r.Context(), u.ID, accounts.PurposePasswordReset, hash, h.Now().Add(resetLifetime), msg); err != nil {
			return "", err
		}
		h.notify()
	}
	p.Data = linkSent{Contact: identifier}
	return "forgot_sent", nil
}

// setPasswordData is the form that ends an invitation or a reset.
type setPasswordData struct {
	User       account.User
	Invitation bool
	Form       *webkit.Form
}

func (h *Handlers) resetForm(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	return h.setPasswordForm(r, p, accounts.PurposePasswordReset)
}

func (h *Handlers) invitationForm(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	return h.setPasswordForm(r, p, accounts.PurposeInvitation)
}

func (h *Handlers) setPasswordForm(r *http.Request, p *webkit.Page, purpose string) (string, error) {
	u, err := h.accounts.TokenUser(r.Context(), token.Hash(r.PathValue("token")), purpose)
	if err != nil {
		return h.linkInvalid(p, err)
	}
	p.Title = p.L.T("account.set_password_title")
	p.Data = setPasswordData{User: u, Invitation: purpose == accounts.PurposeInvitation, Form: webkit.NewForm()}
	return "set_password", nil
}

// linkInvalid explains an unusable link and offers a new one, rather than a bare 404.
func (h *Handlers) linkInvalid(p *webkit.Page, err error) (string, error) {
	if e, ok := apperr.As(err); !ok || e.Key != "account.error.link_invalid" {
		return "", err
	}
	p.Title, p.Status = p.L.T("account.link_invalid_title"), http.StatusNotFound
	return "link_invalid", nil
}

func (h *Handlers) reset(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	return h.setPassword(w, r, p, accounts.PurposePasswordReset)
}

func (h *Handlers) acceptInvitation(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	return h.setPassword(w, r, p, accounts.PurposeInvitation)
}

// setPassword ends an invitation or a reset: it checks the link again, sets the password,
// spends the link and signs the user in.
func (h *Handlers) setPassword(w http.ResponseWriter, r *http.Request, p *webkit.Page, purpose string) (string, error) {
	hash := token.Hash(r.PathValue("token"))
	u, err := h.accounts.TokenUser(r.Context(), hash, purpose)
	if err != nil {
		return h.linkInvalid(p, err)
	}
	f := webkit.FormFrom(r)
	pw, confirm := f.Get("password"), f.Get("confirm")
	f.Values = map[string]string{}
	if err := CheckNewPassword(pw, confirm); err != nil {
		f.Fail(p.L, err)
		p.Title, p.Status = p.L.T("account.set_password_title"), http.StatusUnprocessableEntity
		p.Data = setPasswordData{User: u, Invitation: purpose == accounts.PurposeInvitation, Form: f}
		return "set_password", nil
	}
	hashed, err := h.Hash(r.Context(), pw)
	if err != nil {
		return "", err
	}
	if u, err = h.accounts.RedeemToken(r.Context(), hash, purpose, hashed); err != nil {
		return h.linkInvalid(p, err)
	}
	if err := h.SignIn(r, u); err != nil {
		return "", err
	}
	h.Flash(r, "account.flash.password_set")
	http.Redirect(w, r, "/"+string(u.Lang)+"/account", http.StatusSeeOther)
	return "", nil
}
