package webkit

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
)

// Route is one entry of the routing table. Every route declares the permission it needs
// and, for routes about one record, how to find the regions of that record; the guard
// checks them before the handler runs. Pages live under a language prefix: their pattern
// starts with /{lang}/ and is registered once per language (a literal prefix per language
// keeps the mux free of conflicts with /static/ and /healthz, and sends unknown prefixes
// to the localized 404).
type Route struct {
	Pattern  string
	Perm     authz.Permission
	Resource ResourceFunc // nil: a collection, or a page about no record
	Handler  http.Handler // for routes outside the language prefix
	Page     PageFunc     // for routes under /{lang}/
}

// ResourceFunc finds the regions (edition, organisation) of the record a request is about.
type ResourceFunc func(r *http.Request) (authz.Resource, error)

// Register adds routes to mux, each page behind the session loader and the guard.
func (k *Kit) Register(mux *http.ServeMux, routes []Route) {
	for _, rt := range routes {
		if rt.Page == nil { // static files, health, redirects: no session needed
			mux.Handle(rt.Pattern, rt.Handler)
			continue
		}
		for _, l := range i18n.All {
			h := k.page(l, rt.Page, rt.Perm == authz.Public && strings.HasPrefix(rt.Pattern, "GET "))
			h = k.guard(l, rt, h)
			h = k.withSession(h)
			mux.Handle(strings.Replace(rt.Pattern, "{lang}", string(l), 1), h)
		}
	}
}

// PathID reads a numeric id from the path; anything else is a page that does not exist.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return id, nil
}
