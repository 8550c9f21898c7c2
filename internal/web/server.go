// Package web is Aswaq's HTTP interface: routes, middleware, handlers grouped by page
// area, templates and static files. Handlers call the store and the domain packages; they
// never write SQL.
package web

import (
	"context"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/i18n"
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
	store        *store.Store
	i18n         *i18n.Bundle
	log          *slog.Logger
	version      string
	now          func() time.Time
	assets       *assets
	pages        map[string]*template.Template
	regions      map[string]geo.Region
	provinces    map[string]geo.Prov
	provinceList []geo.Prov // ordered by region and code, for pickers
	handler      http.Handler
	cache        *pageCache // nil when turned off

	sessions     *scs.SessionManager
	baseURL      string
	trustProxy   bool
	logins       *loginLimiter
	hashes       chan struct{} // bounds concurrent password hashing (19 MiB each)
	photoSlots   chan struct{} // bounds concurrent photo processing (30–100 MB each)
	importSlots  chan struct{} // bounds concurrent imports, each of which reads a whole file
	outboxNotify func()
}

// New prepares a server: it loads templates, static files and the reference data once, so
// that serving a page touches the database only for what changes.
func New(ctx context.Context, cfg Config) (*Server, error) {
	s := &Server{store: cfg.Store, i18n: cfg.Bundle, log: cfg.Logger, version: cfg.Version, now: cfg.Now,
		baseURL: strings.TrimRight(cfg.BaseURL, "/"), trustProxy: cfg.TrustProxy, outboxNotify: cfg.OutboxNotify}
	if s.baseURL == "" {
		s.baseURL = "http://127.0.0.1:8080"
	}
	if s.outboxNotify == nil {
		s.outboxNotify = func() {}
	}
	limits := DefaultLoginLimits
	if cfg.LoginLimits != nil {
		limits = *cfg.LoginLimits
	}
	s.logins = newLoginLimiter(limits)
	s.hashes = make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	s.photoSlots = make(chan struct{}, 2)
	s.importSlots = make(chan struct{}, 2)
	s.sessions = s.newSessions(strings.HasPrefix(s.baseURL, "https://"))
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	switch ttl := cfg.PageCacheTTL; {
	case ttl == 0:
		s.cache = newPageCache(10*time.Second, 2048, s.store.Generation, s.now)
	case ttl > 0:
		s.cache = newPageCache(ttl, 2048, s.store.Generation, s.now)
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("loading static files: %w", err)
	}
	if s.pages, err = s.parseTemplates(); err != nil {
		return nil, fmt.Errorf("parsing templates: %w", err)
	}
	if err := s.loadReference(ctx); err != nil {
		return nil, fmt.Errorf("loading reference data: %w", err)
	}
	mux := http.NewServeMux()
	s.register(mux)
	var h http.Handler = mux
	h = s.crossOriginProtection(h)
	h = withSecurityHeaders(h)
	h = s.withRecovery(h)
	h = withLogging(s.log, h)
	h = withRequestID(h)
	s.handler = h
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) loadReference(ctx context.Context) error {
	regions, err := s.store.Regions(ctx)
	if err != nil {
		return err
	}
	provinces, err := s.store.Provinces(ctx, "")
	if err != nil {
		return err
	}
	s.regions = make(map[string]geo.Region, len(regions))
	for _, r := range regions {
		s.regions[r.Code] = r
	}
	s.provinceList = provinces
	s.provinces = make(map[string]geo.Prov, len(provinces))
	for _, p := range provinces {
		s.provinces[p.Code] = p
	}
	return nil
}

// crossOriginProtection refuses state-changing requests sent by other sites (CSRF), using
// the browser's Sec-Fetch-Site and Origin headers; refusals get a localized page.
func (s *Server) crossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, langOfPath(r.URL.Path), http.StatusForbidden)
	}))
	return cop.Handler(next)
}
