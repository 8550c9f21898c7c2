package web

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
)

// sessionCookie is the name of the session cookie; the page cache serves only requests
// that do not carry it.
const sessionCookie = "aswaq_session"

// Session keys.
const (
	sessionUserID = "user_id"
	sessionFlash  = "flash"
)

// newSessions configures sessions kept in the database. A cooperative member on a phone
// should not have to sign in every day: a session lasts two weeks and ends after two days
// without use.
func (s *Server) newSessions(secure bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = s.store.Sessions()
	sm.HashTokenInStore = true
	sm.Lifetime = 14 * 24 * time.Hour
	sm.IdleTimeout = 48 * time.Hour
	sm.Cookie.Name = sessionCookie
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.Cookie.Persist = true
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		s.log.Error("session", "id", requestID(r), "err", err)
		s.serverError(w, r)
	}
	return sm
}

// withSession loads the visitor's session and user for h. A visitor without a session
// cookie who only reads (GET, HEAD) has no session to load: skipping the session manager
// then keeps the busiest public pages as cheap as a static file. Such a request's context
// carries no session, which popFlash and withPrincipal's callers allow for.
func (s *Server) withSession(h http.Handler) http.Handler {
	loaded := s.sessions.LoadAndSave(s.withPrincipal(h))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie(sessionCookie); err != nil && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			h.ServeHTTP(w, r)
			return
		}
		loaded.ServeHTTP(w, r)
	})
}

type principalKey struct{}

// sessionLoadedKey marks a request whose session was loaded (routes under a language).
type sessionLoadedKey struct{}

// principal returns the signed-in user of a request, or nil.
func principal(r *http.Request) *authz.Principal {
	p, _ := r.Context().Value(principalKey{}).(*authz.Principal)
	return p
}

// withPrincipal loads the signed-in user, if any, for the rest of the request, and names
// them as the actor of any change the request makes. A user disabled since they signed in
// is signed out here.
func (s *Server) withPrincipal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), sessionLoadedKey{}, true)
		actor := audit.Actor{IP: s.clientIP(r)}
		if id := s.sessions.GetInt64(ctx, sessionUserID); id != 0 {
			p, err := s.store.Principal(ctx, id)
			switch {
			case apperr.CodeOf(err) == apperr.NotFound:
				s.sessions.Destroy(ctx)
			case err != nil:
				s.log.Error("loading the signed-in user", "id", requestID(r), "err", err)
				s.serverError(w, r)
				return
			default:
				ctx = context.WithValue(ctx, principalKey{}, p)
				actor.UserID, actor.Name = p.UserID, p.Name
			}
		}
		next.ServeHTTP(w, r.WithContext(audit.WithActor(ctx, actor)))
	})
}

// clientIP is the address a request came from: the connection's peer, or, behind a
// trusted reverse proxy, the last address it appended to X-Forwarded-For.
func (s *Server) clientIP(r *http.Request) string {
	if s.trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// resourceFunc finds the regions of the record a request is about.
type resourceFunc func(r *http.Request) (authz.Resource, error)

// guard is where every page's permission is checked, before its handler runs: a visitor
// who is not signed in is sent to the sign-in page; a signed-in user without the
// permission on the record gets the same 404 as for a record that does not exist, so
// nothing outside their scope is revealed.
func (s *Server) guard(l i18n.Lang, rt route, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := principal(r)
		if rt.perm != authz.Public && p == nil {
			http.Redirect(w, r, "/"+string(l)+"/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		var res authz.Resource
		if rt.resource != nil {
			var err error
			if res, err = rt.resource(r); err != nil {
				s.fail(w, r, l, err)
				return
			}
		}
		if !authz.Can(p, rt.perm, res) {
			s.renderError(w, r, l, http.StatusNotFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// flash leaves a one-time message (a catalog key) for the next page the user sees.
func (s *Server) flash(r *http.Request, key string) { s.sessions.Put(r.Context(), sessionFlash, key) }

// popFlash returns and forgets the pending message, if the request has a session.
func (s *Server) popFlash(r *http.Request) string {
	if r.Context().Value(sessionLoadedKey{}) == nil {
		return ""
	}
	return s.sessions.PopString(r.Context(), sessionFlash)
}
