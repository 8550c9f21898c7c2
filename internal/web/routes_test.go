package web

import (
	"testing"

	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// Every route must say who may use it; accounts and roles will add more kinds of access,
// and a route that forgets to declare one must not slip through.
func TestEveryRouteDeclaresItsAccess(t *testing.T) {
	s := &Server{Kit: &webkit.Kit{}}
	for _, rt := range s.routes() {
		if rt.Perm == "" {
			t.Errorf("route %q declares no permission", rt.Pattern)
		}
		if (rt.Handler == nil) == (rt.Page == nil) {
			t.Errorf("route %q must have exactly one of handler and page", rt.Pattern)
		}
	}
}
