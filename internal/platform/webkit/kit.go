// Package webkit is the page kit every feature's web package builds on: routes under a
// language prefix, the one authorisation guard, sessions and the signed-in user, rendering
// with the shared layout, forms that keep what the user typed, flashes, the pager, the
// page cache, middleware and the static files. It knows no feature: features hand it their
// routes and templates.
package webkit

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/i18n"
)

// Config is what the kit needs from the program that runs it.
type Config struct {
	Bundle  *i18n.Bundle
	Logger  *slog.Logger
	Version string
	Now     func() time.Time // the clock; tests set it to show upcoming, current and past fairs

	// Generation changes after every committed write (db.DB.Generation): the page cache
	// drops what was rendered before it.
	Generation func() uint64
	// Sessions keeps sessions in the database.
	Sessions scs.Store
	// Principal loads a signed-in user's roles and scopes.
	Principal func(ctx context.Context, userID int64) (*authz.Principal, error)
	// Regions and Provinces are the reference lists, loaded once.
	Regions   []geo.Region
	Provinces []geo.Prov
	// Nav lists the work areas of the signed-in navigation, each shown only to users who
	// hold its permission.
	Nav []NavEntry

	// PageCacheTTL bounds how long a rendered public page is reused (default 10 s; a
	// negative value turns the cache off). Writes in this process invalidate it at once.
	PageCacheTTL time.Duration
	// BaseURL is the public address of the site, used in the links messages carry.
	// Session cookies are marked Secure when it is https.
	BaseURL string
	// TrustProxy takes the client's address from X-Forwarded-For.
	TrustProxy bool
}

// NavEntry is one work area of the signed-in navigation.
type NavEntry struct {
	Path string // after the language prefix
	Key  string // catalog key of its label
	Perm authz.Permission
}

// Kit is the shared part of every page handler.
type Kit struct {
	I18n         *i18n.Bundle
	Log          *slog.Logger
	Version      string
	BaseURL      string
	Sessions     *scs.SessionManager
	Regions      map[string]geo.Region
	Provinces    map[string]geo.Prov
	ProvinceList []geo.Prov // ordered by region and code, for pickers

	now        func() time.Time
	assets     *assets
	templates  []fs.FS
	pages      map[string]*template.Template
	cache      *pageCache // nil when turned off
	trustProxy bool
	principal  func(ctx context.Context, userID int64) (*authz.Principal, error)
	nav        []NavEntry
}

// New prepares the kit: static files and reference data are loaded once. Templates are
// parsed by Build, once every feature has added its own.
func New(cfg Config) (*Kit, error) {
	k := &Kit{I18n: cfg.Bundle, Log: cfg.Logger, Version: cfg.Version, now: cfg.Now,
		BaseURL: strings.TrimRight(cfg.BaseURL, "/"), trustProxy: cfg.TrustProxy,
		principal: cfg.Principal, nav: cfg.Nav, ProvinceList: cfg.Provinces}
	if k.BaseURL == "" {
		k.BaseURL = "http://127.0.0.1:8080"
	}
	if k.now == nil {
		k.now = time.Now
	}
	if k.Log == nil {
		k.Log = slog.New(slog.DiscardHandler)
	}
	generation := cfg.Generation
	if generation == nil {
		generation = func() uint64 { return 0 }
	}
	switch ttl := cfg.PageCacheTTL; {
	case ttl == 0:
		k.cache = newPageCache(10*time.Second, 2048, generation, k.now)
	case ttl > 0:
		k.cache = newPageCache(ttl, 2048, generation, k.now)
	}
	k.Sessions = k.newSessions(cfg.Sessions, strings.HasPrefix(k.BaseURL, "https://"))
	var err error
	if k.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("loading static files: %w", err)
	}
	k.Regions = make(map[string]geo.Region, len(cfg.Regions))
	for _, r := range cfg.Regions {
		k.Regions[r.Code] = r
	}
	k.Provinces = make(map[string]geo.Prov, len(cfg.Provinces))
	for _, p := range cfg.Provinces {
		k.Provinces[p.Code] = p
	}
	k.templates = []fs.FS{mustSub(templateFS, "templates")}
	return k, nil
}

// AddTemplates adds a feature's page templates: every *.html file at the root of fsys is a
// page (defining "title" and "content"), named by its file name; files under partials/
// are shared by every page.
func (k *Kit) AddTemplates(fsys fs.FS) { k.templates = append(k.templates, fsys) }

// Now is the kit's clock.
func (k *Kit) Now() time.Time { return k.now() }

// Handler wraps the routes in the middleware every request goes through.
func (k *Kit) Handler(mux *http.ServeMux) http.Handler {
	var h http.Handler = mux
	h = k.crossOriginProtection(h)
	h = withSecurityHeaders(h)
	h = k.withRecovery(h)
	h = withLogging(k.Log, h)
	return withRequestID(h)
}

// crossOriginProtection refuses state-changing requests sent by other sites (CSRF), using
// the browser's Sec-Fetch-Site and Origin headers; refusals get a localized page.
func (k *Kit) crossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k.RenderError(w, r, LangOfPath(r.URL.Path), http.StatusForbidden)
	}))
	return cop.Handler(next)
}

// Assets serves the static files.
func (k *Kit) Assets() http.Handler { return k.assets }

// AssetURL is the content-hashed address of a static file.
func (k *Kit) AssetURL(name string) string { return k.assets.URL(name) }

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
