// Package web holds the pages of the features that have not yet moved into a room of their
// own (internal/<feature>/web), and puts every feature's routes together into one server.
// Handlers call the store, the features' services and the domain packages; they never
// write SQL. The page kit they share is internal/platform/webkit.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	accountsweb "github.com/aswaq/aswaq/internal/accounts/web"
	catalogueweb "github.com/aswaq/aswaq/internal/catalogue/web"
	editionsweb "github.com/aswaq/aswaq/internal/editions/web"
	messagesweb "github.com/aswaq/aswaq/internal/messages/web"

	"github.com/alexedwards/scs/v2"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/platform/webkit"
	"github.com/aswaq/aswaq/internal/store"
)

// Config is what the web layer needs from the program that runs it.
type Config struct {
	Store   *store.Store
	Bundle  *i18n.Bundle
	Logger  *slog.Logger
	Version string
	Now     func() time.Time // the clock; tests set it to show upcoming, current and past fairs

	// PageCacheTTL bounds how long a rendered public page is reused (default 10 s; a
	// negative value turns the cache off). Writes in this process invalidate it at once.
	PageCacheTTL time.Duration

	// BaseURL is the public address of the site (https://aswaq.example.ma), used in the
	// links that messages carry. Session cookies are marked Secure when it is https.
	BaseURL string
	// TrustProxy takes the client's address from X-Forwarded-For, for a server behind a
	// reverse proxy or load balancer; never set it for a server reached directly.
	TrustProxy bool
	// LoginLimits overrides the sign-in rate limits (benchmarks raise them).
	LoginLimits *LoginLimits
	// OutboxNotify, when set, is called after a request queued a message, so the sender
	// wakes up at once instead of at its next poll.
	OutboxNotify func()
}

// Server serves Aswaq over HTTP.
type Server struct {
	*webkit.Kit
	store        *store.Store
	editions     *editions.Service
	editionsWeb  *editionsweb.Handlers
	accountsWeb  *accountsweb.Handlers
	messagesWeb  *messagesweb.Handlers
	catalogueWeb *catalogueweb.Handlers
	i18n         *i18n.Bundle
	log          *slog.Logger
	version      string
	now          func() time.Time
	regions      map[string]geo.Region
	provinces    map[string]geo.Prov
	provinceList []geo.Prov // ordered by region and code, for pickers
	handler      http.Handler

	sessions     *scs.SessionManager
	baseURL      string
	trustProxy   bool
	photoSlots   chan struct{} // bounds concurrent photo processing (30–100 MB each)
	importSlots  chan struct{} // bounds concurrent imports, each of which reads a whole file
	outboxNotify func()
}

// New prepares a server: it loads templates, static files and the reference data once, so
// that serving a page touches the database only for what changes.
func New(ctx context.Context, cfg Config) (*Server, error) {
	regions, err := cfg.Store.Reference().Regions(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading reference data: %w", err)
	}
	provinces, err := cfg.Store.Reference().Provinces(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("loading reference data: %w", err)
	}
	kit, err := webkit.New(webkit.Config{
		Bundle: cfg.Bundle, Logger: cfg.Logger, Version: cfg.Version, Now: cfg.Now,
		Generation: cfg.Store.Generation, Sessions: cfg.Store.Accounts().Sessions(), Principal: cfg.Store.Accounts().Principal,
		Regions: regions, Provinces: provinces, Nav: workAreas,
		PageCacheTTL: cfg.PageCacheTTL, BaseURL: cfg.BaseURL, TrustProxy: cfg.TrustProxy,
	})
	if err != nil {
		return nil, err
	}
	s := &Server{Kit: kit, store: cfg.Store, editions: cfg.Store.Editions(), i18n: kit.I18n, log: kit.Log, version: cfg.Version, now: kit.Now,
		regions: kit.Regions, provinces: kit.Provinces, provinceList: kit.ProvinceList,
		sessions: kit.Sessions, baseURL: kit.BaseURL, trustProxy: cfg.TrustProxy, outboxNotify: cfg.OutboxNotify}
	if s.outboxNotify == nil {
		s.outboxNotify = func() {}
	}
	s.photoSlots = make(chan struct{}, 2)
	s.importSlots = make(chan struct{}, 2)
	s.editionsWeb = editionsweb.New(kit, s.editions)
	s.messagesWeb = messagesweb.New(kit, cfg.Store.Messages())
	s.accountsWeb = accountsweb.New(kit, cfg.Store.Accounts(), accountScopes{s}, cfg.LoginLimits, s.outboxNotify)
	s.catalogueWeb = catalogueweb.New(kit, cfg.Store.Catalogue(), cfg.Store, s.orgExhibits)
	kit.AddTemplates(templatePages)
	if err := kit.Build(); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	kit.Register(mux, s.routes())
	s.handler = kit.Handler(mux)
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// workAreas are the signed-in navigation entries, each shown only to users who may use it.
var workAreas = []webkit.NavEntry{
	{Path: "/account", Key: "nav.account", Perm: authz.SignedIn},
	{Path: "/admin/editions", Key: "nav.editions", Perm: authz.ManageEditions},
	{Path: "/review", Key: "review.nav", Perm: authz.ReviewApplications},
	{Path: "/admin/organisations", Key: "nav.organisations", Perm: authz.ManageOrganisations},
	{Path: "/admin/users", Key: "nav.users", Perm: authz.ManageUsers},
	{Path: "/admin/audit", Key: "nav.audit", Perm: authz.ViewAudit},
	{Path: "/admin/outbox", Key: "nav.outbox", Perm: authz.ViewOutbox},
}
