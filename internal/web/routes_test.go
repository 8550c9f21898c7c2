package web

import (
	"testing"

	editionsweb "github.com/aswaq/aswaq/internal/editions/web"

	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// Every route must say who may use it; accounts and roles will add more kinds of access,
// and a route that forgets to declare one must not slip through.
func TestEveryRouteDeclaresItsAccess(t *testing.T) {
	k := &webkit.Kit{}
	s := &Server{Kit: k, editionsWeb: &editionsweb.Handlers{Kit: k}}
	for _, rt := range s.routes() {
		if rt.Perm == "" {
			t.Errorf("route %q declares no permission", rt.Pattern)
		}
		if (rt.Handler == nil) == (rt.Page == nil) {
			t.Errorf("route %q must have exactly one of handler and page", rt.Pattern)
		}
	}
}
