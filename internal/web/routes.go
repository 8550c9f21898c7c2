package web

import (
	"net/http"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// route is one entry of this package's routing table, turned into a webkit.Route (see
// there for what each field means).
type route struct {
	pattern  string
	perm     authz.Permission
	resource resourceFunc // nil: a collection, or a page about no record
	handler  http.Handler // for routes outside the language prefix
	page     pageFunc     // for routes under /{lang}/
}

func (s *Server) routes() []webkit.Route {
	rs := []route{
		{pattern: "GET /{$}", perm: authz.Public, handler: http.HandlerFunc(s.ChooseLanguage)},
		{pattern: "GET /healthz", perm: authz.Public, handler: http.HandlerFunc(s.health)},
		{pattern: "GET /static/{dir}/{file}", perm: authz.Public, handler: s.Assets()},
		{pattern: "GET /media/{name}", perm: authz.Public, handler: http.HandlerFunc(s.media)},
		{pattern: "GET /{lang}/{$}", perm: authz.Public, page: s.home},
	}
	rs = append(rs, s.adminRoutes()...)
	rs = append(rs, s.registryRoutes()...)
	rs = append(rs, s.importRoutes()...)
	rs = append(rs, s.productRoutes()...)
	rs = append(rs, s.fairRoutes()...)
	rs = append(rs, s.applyRoutes()...)
	rs = append(rs, s.selectionRoutes()...)
	rs = append(rs, s.peopleRoutes()...)
	rs = append(rs, s.reviewRoutes()...)
	rs = append(rs, s.planRoutes()...)
	rs = append(rs, s.mapRoutes()...)
	rs = append(rs, route{pattern: "/", perm: authz.Public, handler: http.HandlerFunc(s.NotFound)})
	out := s.editionsWeb.Routes()
	out = append(out, s.messagesWeb.Routes()...)
	out = append(out, s.accountsWeb.Routes()...)
	out = append(out, s.catalogueWeb.Routes()...)
	out = append(out, make([]webkit.Route, len(rs))...)
	base := len(out) - len(rs)
	for i, rt := range rs {
		out[base+i] = webkit.Route{Pattern: rt.pattern, Perm: rt.perm, Resource: rt.resource, Handler: rt.handler, Page: rt.page}
	}
	return out
}
