package web

import "testing"

// Every route must say who may use it; accounts and roles will add more kinds of access,
// and a route that forgets to declare one must not slip through.
func TestEveryRouteDeclaresItsAccess(t *testing.T) {
	s := &Server{assets: &assets{}}
	for _, rt := range s.routes() {
		if rt.perm == "" {
			t.Errorf("route %q declares no permission", rt.pattern)
		}
		if (rt.handler == nil) == (rt.page == nil) {
			t.Errorf("route %q must have exactly one of handler and page", rt.pattern)
		}
	}
}
