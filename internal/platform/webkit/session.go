package webkit

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

// SessionCookie is the name of the session cookie; the page cache serves only requests
// that do not carry it.
const SessionCookie = "aswaq_session"

// Session keys.
const (
	SessionUserID = "user_id"
	sessionFlash  = "flash"
)

// newSessions configures sessions kept in the database. A cooperative member on a phone
// should not have to sign in every day: a session lasts two weeks and ends after two days
// without use.
func (k *Kit) newSessions(store scs.Store, secure bool) *scs.SessionManager {
	sm := scs.New()
	if store != nil {
		sm.Store = store
	}
	sm.HashTokenInStore = true
	sm.Lifetime = 14 * 24 * time.Hour
	sm.IdleTimeout = 48 * time.Hour
	sm.Cookie.Name = SessionCookie
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.Cookie.Persist = true
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		k.Log.Error("session", "id", RequestID(r), "err", err)
		k.ServerError(w, r)
	}
	return sm
}

// withSession loads the visitor's session and user for h. A visitor without a session
// cookie who only reads (GET, HEAD) has no session to load: skipping the session manager
// then keeps the busiest public pages as cheap as a static file. Such a request's context
// carries no session, which popFlash and withPrincipal's callers allow for.
func (k *Kit) withSession(h http.Handler) http.Handler {
	loaded := k.Sessions.LoadAndSave(k.withPrincipal(h))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie(SessionCookie); err != nil && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			h.ServeHTTP(w, r)
			return
		}
		loaded.ServeHTTP(w, r)
	})
}

type principalKey struct{}

// sessionLoadedKey marks a request whose session was loaded (routes under a language).
type sessionLoadedKey struct{}

// Principal returns the signed-in user of a request, or nil.
func Principal(r *http.Request) *authz.Principal {
	p, _ := r.Context().Value(principalKey{}).(*authz.Principal)
	return p
}

// withPrincipal loads the signed-in user, if any, for the rest of the request, and names
// them as the actor of any change the request makes. A user disabled since they signed in
// is signed out here.
func (k *Kit) withPrincipal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), sessionLoadedKey{}, true)
		actor := audit.Actor{IP: k.ClientIP(r)}
		if id := k.Sessions.GetInt64(ctx, SessionUserID); id != 0 {
			p, err := k.principal(ctx, id)
			switch {
			case apperr.CodeOf(err) == apperr.NotFound:
				k.Sessions.Destroy(ctx)
			case err != nil:
				k.Log.Error("loading the signed-in user", "id", RequestID(r), "err", err)
				k.ServerError(w, r)
				return
			default:
				ctx = context.WithValue(ctx, principalKey{}, p)
				actor.UserID, actor.Name = p.UserID, p.Name
			}
		}
		next.ServeHTTP(w, r.WithContext(audit.WithActor(ctx, actor)))
	})
}

// ClientIP is the address a request came from: the connection's peer, or, behind a
// trusted reverse proxy, the last address it appended to X-Forwarded-For.
func (k *Kit) ClientIP(r *http.Request) string {
	if k.trustProxy {
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

// guard is where every page's permission is checked, before its handler runs: a visitor
// who is not signed in is sent to the sign-in page; a signed-in user without the
// permission on the record gets the same 404 as for a record that does not exist, so
// nothing outside their scope is revealed.
func (k *Kit) guard(l i18n.Lang, rt Route, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := Principal(r)
		if rt.Perm != authz.Public && p == nil {
			http.Redirect(w, r, "/"+string(l)+"/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		var res authz.Resource
		if rt.Resource != nil {
			var err error
			if res, err = rt.Resource(r); err != nil {
				k.Fail(w, r, l, err)
				return
			}
		}
		if !authz.Can(p, rt.Perm, res) {
			k.RenderError(w, r, l, http.StatusNotFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Flash leaves a one-time message (a catalog key) for the next page the user sees.
func (k *Kit) Flash(r *http.Request, key string) { k.Sessions.Put(r.Context(), sessionFlash, key) }

// popFlash returns and forgets the pending message, if the request has a session.
func (k *Kit) popFlash(r *http.Request) string {
	if r.Context().Value(sessionLoadedKey{}) == nil {
		return ""
	}
	return k.Sessions.PopString(r.Context(), sessionFlash)
}
