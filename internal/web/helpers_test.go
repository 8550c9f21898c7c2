package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/web"
)

// testNow is a fixed day (22 November 2026) so the demo fairs are all in the past.
var testNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// loadDemo fills a store with the demo's fairs and its hand-written registry; tests start
// from copies of a store it filled once (the same as the internal tests' loadDemo).
func loadDemo(ctx context.Context, st *store.Store) error {
	labels, _ := i18n.Load()
	st.Catalogue().SetSearchLabels(web.SearchLabels(labels))
	_, err := demo.LoadWith(ctx, st, demo.Options{})
	return err
}

// demoSQLite is a SQLite store holding the demo.
func demoSQLite(t testing.TB) *store.Store { return storetest.PreparedSQLite(t, "demo", loadDemo) }

// newServer returns the real handler over st, which holds the demo.
func newServer(t testing.TB, st *store.Store) *web.Server {
	t.Helper()
	ctx := context.Background()
	labels, _ := i18n.Load()
	st.Catalogue().SetSearchLabels(web.SearchLabels(labels))
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle, Version: "test", Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// response is what a scenario checks.
type response struct {
	status int
	header http.Header
	body   string
}

func do(t testing.TB, h http.Handler, method, target string, hdr map[string]string) response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return response{status: rec.Code, header: rec.Result().Header, body: string(body)}
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %q", what, w)
		}
	}
}

// TestMain removes the PostgreSQL templates the tests prepared.
func TestMain(m *testing.M) {
	code := m.Run()
	storetest.DropPrepared()
	os.Exit(code)
}
