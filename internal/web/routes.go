package web

import (
	"net/http"
	"strings"

	"github.com/aswaq/aswaq/internal/i18n"
)

// access is what a route requires of its user. Every route declares one, and a test walks
// the table to make sure none is forgotten; accounts and roles extend this list.
type access string

const public access = "public"

// route is one entry of the routing table. Pages live under a language prefix: their
// pattern starts with /{lang}/ and is registered once per language (a literal prefix per
// language keeps the mux free of conflicts with /static/ and /healthz, and sends unknown
// prefixes to the localized 404).
type route struct {
	pattern string
	access  access
	handler http.Handler // for routes outside the language prefix
	page    pageFunc     // for routes under /{lang}/
}

func (s *Server) routes() []route {
	return []route{
		{pattern: "GET /{$}", access: public, handler: http.HandlerFunc(s.chooseLanguage)},
		{pattern: "GET /healthz", access: public, handler: http.HandlerFunc(s.health)},
		{pattern: "GET /static/{dir}/{file}", access: public, handler: s.assets},
		{pattern: "GET /{lang}/{$}", access: public, page: s.home},
		{pattern: "/", access: public, handler: http.HandlerFunc(s.notFound)},
	}
}

func (s *Server) register(mux *http.ServeMux) {
	for _, rt := range s.routes() {
		if rt.page == nil {
			mux.Handle(rt.pattern, rt.handler)
			continue
		}
		for _, l := range i18n.All {
			mux.Handle(strings.Replace(rt.pattern, "{lang}", string(l), 1), s.page(l, rt.page, rt.access == public))
		}
	}
}
