package web

import (
	"net/http"
	"strings"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
)

// route is one entry of the routing table. Every route declares the permission it needs
// and, for routes about one record, how to find the regions of that record; guard checks
// them before the handler runs. Pages live under a language prefix: their pattern starts
// with /{lang}/ and is registered once per language (a literal prefix per language keeps
// the mux free of conflicts with /static/ and /healthz, and sends unknown prefixes to the
// localized 404).
type route struct {
	pattern  string
	perm     authz.Permission
	resource resourceFunc // nil: a collection, or a page about no record
	handler  http.Handler // for routes outside the language prefix
	page     pageFunc     // for routes under /{lang}/
}

func (s *Server) routes() []route {
	rs := []route{
		{pattern: "GET /{$}", perm: authz.Public, handler: http.HandlerFunc(s.chooseLanguage)},
		{pattern: "GET /healthz", perm: authz.Public, handler: http.HandlerFunc(s.health)},
		{pattern: "GET /static/{dir}/{file}", perm: authz.Public, handler: s.assets},
		{pattern: "GET /media/{name}", perm: authz.Public, handler: http.HandlerFunc(s.media)},
		{pattern: "GET /sitemap.xml", perm: authz.Public, handler: http.HandlerFunc(s.sitemap)},
		{pattern: "GET /robots.txt", perm: authz.Public, handler: http.HandlerFunc(s.robots)},
		{pattern: "GET /{lang}/{$}", perm: authz.Public, page: s.home},
	}
	rs = append(rs, s.accountRoutes()...)
	rs = append(rs, s.adminRoutes()...)
	rs = append(rs, s.registryRoutes()...)
	rs = append(rs, s.importRoutes()...)
	rs = append(rs, s.productRoutes()...)
	rs = append(rs, s.catalogueRoutes()...)
	rs = append(rs, s.editionRoutes()...)
	rs = append(rs, s.fairRoutes()...)
	rs = append(rs, s.callAdminRoutes()...)
	rs = append(rs, s.applyRoutes()...)
	rs = append(rs, s.selectionRoutes()...)
	rs = append(rs, s.peopleRoutes()...)
	rs = append(rs, s.reviewRoutes()...)
	rs = append(rs, s.planRoutes()...)
	rs = append(rs, s.mapRoutes()...)
	return append(rs, route{pattern: "/", perm: authz.Public, handler: http.HandlerFunc(s.notFound)})
}

func (s *Server) register(mux *http.ServeMux) {
	for _, rt := range s.routes() {
		if rt.page == nil { // static files, health, redirects: no session needed
			mux.Handle(rt.pattern, rt.handler)
			continue
		}
		for _, l := range i18n.All {
			h := s.page(l, rt.page, rt.perm == authz.Public && strings.HasPrefix(rt.pattern, "GET "))
			h = s.guard(l, rt, h)
			h = s.withSession(h)
			mux.Handle(strings.Replace(rt.pattern, "{lang}", string(l), 1), h)
		}
	}
}
