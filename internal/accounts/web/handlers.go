// Package web holds the accounts feature's pages: sign-in and sign-out, the forgotten
// password, the links that invite a person or reset a password, the account page, and the
// management of users and their grants.
package web

import (
	"context"
	"embed"
	"io/fs"
	"runtime"

	"github.com/aswaq/aswaq/internal/accounts"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

//go:embed templates
var templateFS embed.FS

// Scopes names and lists the editions and organisations a grant can be scoped to. Those
// features give them (the organisations have not moved into a room yet, so the legacy
// server implements it for now).
type Scopes interface {
	// EditionName is edition id's title in lang, "" when there is no such edition.
	EditionName(ctx context.Context, id int64, lang string) (string, error)
	// OrganisationName is organisation id's name in lang, "" when there is no such one.
	OrganisationName(ctx context.Context, id int64, lang string) (string, error)
	// EditionChoices are the editions a manager of regions (or of all) may scope a grant to.
	EditionChoices(ctx context.Context, l *i18n.Localizer, all bool, regions []string) ([]webkit.Option, error)
	// OrganisationChoices are the organisations a manager of regions (or of all) may scope a
	// grant to.
	OrganisationChoices(ctx context.Context, lang string, all bool, regions []string) ([]webkit.Option, error)
}

// Handlers serves the accounts feature's pages.
type Handlers struct {
	*webkit.Kit
	accounts *accounts.Service
	scopes   Scopes
	notify   func()        // wakes the outbox's sender after a message was queued
	logins   *loginLimiter // sign-in and reset attempts
	hashes   chan struct{} // bounds concurrent password hashing (19 MiB each)
}

// New prepares the feature's pages and gives the kit their templates. limits nil means
// DefaultLoginLimits; notify may be nil.
func New(kit *webkit.Kit, svc *accounts.Service, scopes Scopes, limits *LoginLimits, notify func()) *Handlers {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err)
	}
	kit.AddTemplates(sub)
	if notify == nil {
		notify = func() {}
	}
	h := &Handlers{Kit: kit, accounts: svc, scopes: scopes, notify: notify,
		hashes: make(chan struct{}, 2*runtime.GOMAXPROCS(0))}
	l := DefaultLoginLimits
	if limits != nil {
		l = *limits
	}
	h.SetLoginLimits(l)
	return h
}

// SetLoginLimits replaces the sign-in rate limits, forgetting every attempt counted so far.
func (h *Handlers) SetLoginLimits(l LoginLimits) { h.logins = newLoginLimiter(l) }

// Routes are the feature's pages.
func (h *Handlers) Routes() []webkit.Route {
	return append(h.accountRoutes(), h.userRoutes()...)
}
