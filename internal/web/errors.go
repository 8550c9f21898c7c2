package web

import (
	"bytes"
	"net/http"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// pageFunc handles a page in a known language. It fills p and names its template, or
// returns an error that becomes a localized error page.
type pageFunc func(w http.ResponseWriter, r *http.Request, p *page) (template string, err error)

// page adapts a pageFunc to a route registered under language l. Pages that are the same
// for every visitor (cacheable) are kept in the page cache.
func (s *Server) page(l i18n.Lang, fn pageFunc, cacheable bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Only visitors without a session share pages: a signed-in user's page shows their
		// name and their work areas.
		_, noCookie := r.Cookie(sessionCookie)
		useCache := cacheable && r.Method == http.MethodGet && noCookie != nil
		key := string(l) + " " + r.URL.RequestURI()
		if useCache {
			if body, ok := s.cache.get(key); ok {
				rememberLanguage(w, r, l)
				writeHTML(w, http.StatusOK, l, body)
				return
			}
		}
		generation := s.store.Generation() // before reading, so a write meanwhile invalidates
		p := s.newPage(r, l)
		name, err := fn(w, r, p)
		if err != nil {
			s.fail(w, r, l, err)
			return
		}
		if name == "" { // the handler answered itself (a redirect after a form)
			return
		}
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		defer bufPool.Put(buf)
		if err := s.execute(buf, name, p); err != nil {
			s.renderFailed(w, r, name, err)
			return
		}
		status := http.StatusOK
		if p.Status != 0 {
			status = p.Status
		}
		if useCache && status == http.StatusOK {
			s.cache.put(key, buf.Bytes(), generation)
		}
		rememberLanguage(w, r, l)
		if p.User != nil {
			w.Header().Set("Cache-Control", "private, no-store")
		}
		writeHTML(w, status, l, buf.Bytes())
	})
}

// fail turns an error into the matching localized error page, the one place where error
// codes become HTTP statuses.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, l i18n.Lang, err error) {
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
		s.log.Error("handler failed", "id", requestID(r), "path", r.URL.Path, "err", err)
	}
	s.renderError(w, r, l, status)
}

// errorPage is the data of the error template.
type errorPage struct {
	Status   int
	TitleKey string
	BodyKey  string
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, l i18n.Lang, status int) {
	p := s.newPage(r, l)
	e := errorPage{Status: status, TitleKey: "error.server_title", BodyKey: "error.server_body"}
	switch status {
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
	s.render(w, r, status, "error", p)
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, langOfPath(r.URL.Path), http.StatusInternalServerError)
}

// notFound answers every address no route claims, in the language of its prefix when it
// has one. ("/fr" without its slash never gets here: the mux sends it to "/fr/".)
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, langOfPath(r.URL.Path), http.StatusNotFound)
}
