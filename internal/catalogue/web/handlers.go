// Package web holds the public catalogue's pages: the search page with its filters, the
// public pages of an organisation and of a product, and the sitemap and robots.txt that
// lead search engines to them. They read the search index through the catalogue service,
// and the records themselves through the registry they are given.
package web

import (
	"context"
	"embed"
	"io/fs"
	"net/http"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

//go:embed templates
var templateFS embed.FS

// Registry is what the catalogue's pages read of the producers' registry: a record, its
// products and its photos.
type Registry interface {
	Organisation(ctx context.Context, id int64) (org.Organisation, error)
	Product(ctx context.Context, id int64) (org.Product, error)
	Products(ctx context.Context, organisationID int64) ([]org.Product, error)
	Photos(ctx context.Context, ownerType string, ownerID int64) ([]org.Photo, error)
}

// Exhibits gives the editions an organisation exhibited at (from published selections)
// and links to its stands at those not over yet, for its public page. The features that
// own selections and stands provide it.
type Exhibits func(ctx context.Context, p *webkit.Page, organisationID int64) (fairs []fair.Edition, stands []webkit.Option, err error)

// Handlers serves the catalogue's pages.
type Handlers struct {
	*webkit.Kit
	catalogue *catalogue.Service
	registry  Registry
	exhibits  Exhibits
}

// New prepares the catalogue's pages and gives the kit their templates.
func New(kit *webkit.Kit, svc *catalogue.Service, registry Registry, exhibits Exhibits) *Handlers {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err)
	}
	kit.AddTemplates(sub)
	return &Handlers{Kit: kit, catalogue: svc, registry: registry, exhibits: exhibits}
}

// Routes are the catalogue's pages.
func (h *Handlers) Routes() []webkit.Route {
	return []webkit.Route{
		{Pattern: "GET /sitemap.xml", Perm: authz.Public, Handler: http.HandlerFunc(h.sitemap)},
		{Pattern: "GET /robots.txt", Perm: authz.Public, Handler: http.HandlerFunc(h.robots)},
		{Pattern: "GET /{lang}/catalogue", Perm: authz.Public, Page: h.cataloguePage},
		{Pattern: "GET /{lang}/catalogue/organisations/{id}", Perm: authz.Public, Page: h.publicOrgPage},
		{Pattern: "GET /{lang}/catalogue/products/{id}", Perm: authz.Public, Page: h.publicProductPage},
	}
}

// link is an absolute address on this site in language lang.
func (h *Handlers) link(lang, path string) string { return h.BaseURL + "/" + lang + path }
