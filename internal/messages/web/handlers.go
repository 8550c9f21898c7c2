// Package web holds the messages feature's pages: the administrators' view of the outbox.
package web

import (
	"embed"
	"io/fs"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/messages"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

//go:embed templates
var templateFS embed.FS

// Handlers serves the messages feature's pages.
type Handlers struct {
	*webkit.Kit
	messages *messages.Service
}

// New prepares the feature's pages and gives the kit their templates.
func New(kit *webkit.Kit, svc *messages.Service) *Handlers {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err)
	}
	kit.AddTemplates(sub)
	return &Handlers{Kit: kit, messages: svc}
}

// Routes are the feature's pages.
func (h *Handlers) Routes() []webkit.Route {
	return []webkit.Route{
		{Pattern: "GET /{lang}/admin/outbox", Perm: authz.ViewOutbox, Page: h.outboxPage},
	}
}
