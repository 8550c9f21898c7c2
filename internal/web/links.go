package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/accounts"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/token"
)

// How long one-time links stay valid: long enough for an invitation to reach a person who
// checks messages once a week, short for a password reset.
const (
	invitationLifetime = 14 * 24 * time.Hour
	resetLifetime      = 2 * time.Hour
)

// message writes a message to u in u's language: an email when u has an address, an SMS
// otherwise. The catalog holds "<base>.subject", "<base>.body" and "<base>.sms".
func (s *Server) message(u account.User, kind, base string, args ...any) *outbox.Message {
	l := s.i18n.For(u.Lang)
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
func (s *Server) link(lang, path string) string { return s.baseURL + "/" + lang + path }

type linkSent struct{ Contact string }

func (s *Server) forgotForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	p.Title, p.Data = p.L.T("account.forgot_title"), newForm()
	return "forgot", nil
}

// forgot sends a reset link when the account exists, and says the same thing when it does
// not, so the form does not reveal who has an account.
func (s *Server) forgot(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
	p.Title, p.Data = p.L.T("account.forgot_title"), f
	identifier := strings.TrimSpace(f.Get("identifier"))
	if identifier == "" {
		f.Errors["identifier"], p.Status = p.L.T("account.error.identifier_required"), http.StatusUnprocessableEntity
		return "forgot", nil
	}
	if !s.logins.allow("reset:"+strings.ToLower(identifier), s.clientIP(r), s.now()) {
		f.Error, p.Status = p.L.T("account.error.too_many_attempts"), http.StatusTooManyRequests
		return "forgot", nil
	}
	u, _, err := s.store.Accounts().UserForLogin(r.Context(), identifier)
	switch {
	case apperr.CodeOf(err) == apperr.NotFound:
	case err != nil:
		return "", err
	case u.Active:
		tok, hash := token.New()
		msg := s.message(u, "password_reset", "mail.password_reset",
			"name", u.Name, "link", s.link(string(u.Lang), "/password/reset/"+tok), "hours", int(resetLifetime.Hours()))
		if err := s.store.Accounts().CreateToken(r.Context(), u.ID, accounts.PurposePasswordReset, hash, s.now().Add(resetLifetime), msg); err != nil {
			return "", err
		}
		s.outboxNotify()
	}
	p.Data = linkSent{Contact: identifier}
	return "forgot_sent", nil
}

// setPasswordData is the form that ends an invitation or a reset.
type setPasswordData struct {
	User       account.User
	Invitation bool
	Form       *form
}

func (s *Server) resetForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.setPasswordForm(r, p, accounts.PurposePasswordReset)
}

func (s *Server) invitationForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.setPasswordForm(r, p, accounts.PurposeInvitation)
}

func (s *Server) setPasswordForm(r *http.Request, p *page, purpose string) (string, error) {
	u, err := s.store.Accounts().TokenUser(r.Context(), token.Hash(r.PathValue("token")), purpose)
	if err != nil {
		return s.linkInvalid(p, err)
	}
	p.Title = p.L.T("account.set_password_title")
	p.Data = setPasswordData{User: u, Invitation: purpose == accounts.PurposeInvitation, Form: newForm()}
	return "set_password", nil
}

// linkInvalid explains an unusable link and offers a new one, rather than a bare 404.
func (s *Server) linkInvalid(p *page, err error) (string, error) {
	if e, ok := apperr.As(err); !ok || e.Key != "account.error.link_invalid" {
		return "", err
	}
	p.Title, p.Status = p.L.T("account.link_invalid_title"), http.StatusNotFound
	return "link_invalid", nil
}

func (s *Server) reset(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.setPassword(w, r, p, accounts.PurposePasswordReset)
}

func (s *Server) acceptInvitation(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.setPassword(w, r, p, accounts.PurposeInvitation)
}

// setPassword ends an invitation or a reset: it checks the link again, sets the password,
// spends the link and signs the user in.
func (s *Server) setPassword(w http.ResponseWriter, r *http.Request, p *page, purpose string) (string, error) {
	hash := token.Hash(r.PathValue("token"))
	u, err := s.store.Accounts().TokenUser(r.Context(), hash, purpose)
	if err != nil {
		return s.linkInvalid(p, err)
	}
	f := formFrom(r)
	pw, confirm := f.Get("password"), f.Get("confirm")
	f.Values = map[string]string{}
	if err := checkNewPassword(pw, confirm); err != nil {
		f.Fail(p.L, err)
		p.Title, p.Status = p.L.T("account.set_password_title"), http.StatusUnprocessableEntity
		p.Data = setPasswordData{User: u, Invitation: purpose == accounts.PurposeInvitation, Form: f}
		return "set_password", nil
	}
	h, err := s.hash(r.Context(), pw)
	if err != nil {
		return "", err
	}
	if u, err = s.store.Accounts().RedeemToken(r.Context(), hash, purpose, h); err != nil {
		return s.linkInvalid(p, err)
	}
	if err := s.signIn(r, u); err != nil {
		return "", err
	}
	s.flash(r, "account.flash.password_set")
	http.Redirect(w, r, "/"+string(u.Lang)+"/account", http.StatusSeeOther)
	return "", nil
}
