package webkit

import (
	"bytes"
	"net/http"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// PageFunc handles a page in a known language. It fills p and names its template, or
// returns an error that becomes a localized error page.
type PageFunc func(w http.ResponseWriter, r *http.Request, p *Page) (template string, err error)

// page adapts a PageFunc to a route registered under language l. Pages that are the same
// for every visitor (cacheable) are kept in the page cache.
func (k *Kit) page(l i18n.Lang, fn PageFunc, cacheable bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Only visitors without a session share pages: a signed-in user's page shows their
		// name and their work areas.
		_, noCookie := r.Cookie(SessionCookie)
		useCache := cacheable && r.Method == http.MethodGet && noCookie != nil
		key := string(l) + " " + r.URL.RequestURI()
		if useCache {
			if body, ok := k.cache.get(key); ok {
				rememberLanguage(w, r, l)
				WriteHTML(w, http.StatusOK, l, body)
				return
			}
		}
		generation := k.cache.currentGeneration() // before reading, so a write meanwhile invalidates
		p := k.NewPage(r, l)
		name, err := fn(w, r, p)
		if err != nil {
			k.Fail(w, r, l, err)
			return
		}
		if name == "" { // the handler answered itself (a redirect after a form)
			return
		}
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		defer bufPool.Put(buf)
		if err := k.execute(buf, name, p); err != nil {
			k.renderFailed(w, r, name, err)
			return
		}
		status := http.StatusOK
		if p.Status != 0 {
			status = p.Status
		}
		if useCache && status == http.StatusOK {
			k.cache.put(key, buf.Bytes(), generation)
		}
		rememberLanguage(w, r, l)
		if p.User != nil {
			w.Header().Set("Cache-Control", "private, no-store")
		}
		WriteHTML(w, status, l, buf.Bytes())
	})
}

// Fail turns an error into the matching localized error page, the one place where error
// codes become HTTP statuses.
func (k *Kit) Fail(w http.ResponseWriter, r *http.Request, l i18n.Lang, err error) {
	status := http.StatusInternalServerError
	switch apperr.CodeOf(err) {
	case apperr.NotFound, apperr.Forbidden: // outside the user's scope looks like absent
		status = http.StatusNotFound
	case apperr.Invalid:
		status = http.StatusBadRequest
	case apperr.Conflict:
		status = http.StatusConflict
	case apperr.Unauthorized:
		status = http.StatusUnauthorized
	}
	if status == http.StatusInternalServerError {
		k.Log.Error("handler failed", "id", RequestID(r), "path", r.URL.Path, "err", err)
	}
	message := ""
	if status == http.StatusConflict || status == http.StatusBadRequest {
		message = ErrorText(k.I18n.For(l), err) // what went wrong, in words, rather than a generic page
	}
	k.renderError(w, r, l, status, message)
}

// errorPage is the data of the error template.
type errorPage struct {
	Status   int
	TitleKey string
	BodyKey  string
	Message  string // the refusal itself, for a conflict or a bad request
}

// RenderError renders the localized error page for status.
func (k *Kit) RenderError(w http.ResponseWriter, r *http.Request, l i18n.Lang, status int) {
	k.renderError(w, r, l, status, "")
}

func (k *Kit) renderError(w http.ResponseWriter, r *http.Request, l i18n.Lang, status int, message string) {
	p := k.NewPage(r, l)
	e := errorPage{Status: status, TitleKey: "error.server_title", BodyKey: "error.server_body", Message: message}
	switch status {
	case http.StatusConflict:
		e.TitleKey, e.BodyKey = "error.conflict_title", "error.conflict_body"
	case http.StatusNotFound:
		e.TitleKey, e.BodyKey = "error.not_found_title", "error.not_found_body"
	case http.StatusForbidden:
		e.TitleKey, e.BodyKey = "error.forbidden_title", "error.forbidden_body"
	case http.StatusBadRequest:
		e.TitleKey, e.BodyKey = "error.bad_request_title", "error.bad_request_body"
	}
	p.Title = p.L.T(e.TitleKey)
	p.Data = e
	w.Header().Set("Cache-Control", "no-store")
	k.Render(w, r, status, "error", p)
}

// ServerError renders the localized 500 page.
func (k *Kit) ServerError(w http.ResponseWriter, r *http.Request) {
	k.RenderError(w, r, LangOfPath(r.URL.Path), http.StatusInternalServerError)
}

// NotFound answers every address no route claims, in the language of its prefix when it
// has one. ("/fr" without its slash never gets here: the mux sends it to "/fr/".)
func (k *Kit) NotFound(w http.ResponseWriter, r *http.Request) {
	k.RenderError(w, r, LangOfPath(r.URL.Path), http.StatusNotFound)
}
