package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/web"
)

func TestPublicPagesAreCachedUntilTheDataChanges(t *testing.T) {
	st := demoSQLite(t)
	srv := newServer(t, st)
	if r := do(t, srv, "GET", "/fr/", nil); strings.Contains(r.body, "Ifrane") {
		t.Fatal("Ifrane listed before it exists")
	}
	e := demo.Fairs()[0]
	e.ProvinceCode, e.City.FR, e.City.AR = "271", "Ifrane", "إفران"
	e.StartsOn, e.EndsOn = civil.MustNew(2025, 7, 1), civil.MustNew(2025, 7, 5)
	if err := st.Editions().RecordPast(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	if r := do(t, srv, "GET", "/fr/", nil); !strings.Contains(r.body, "Ifrane") {
		t.Fatal("a new edition does not show: the cache served a stale page")
	}
	// With the database gone, the page still comes from memory.
	st.Close()
	if r := do(t, srv, "GET", "/fr/", nil); r.status != 200 || !strings.Contains(r.body, "Ifrane") {
		t.Fatalf("cached page not served: %d", r.status)
	}
}

func TestPageCacheExpires(t *testing.T) {
	st := demoSQLite(t)
	bundle, _ := i18n.Load()
	now := testNow
	srv, err := web.New(context.Background(), web.Config{Store: st, Bundle: bundle, Now: func() time.Time { return now }, PageCacheTTL: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	do(t, srv, "GET", "/en/", nil)
	st.Close()
	if r := do(t, srv, "GET", "/en/", nil); r.status != 200 {
		t.Fatalf("within the TTL: %d", r.status)
	}
	now = now.Add(2 * time.Minute)
	if r := do(t, srv, "GET", "/en/", nil); r.status != 500 {
		t.Fatalf("after the TTL the page must be rendered again (and fail on the closed database): %d", r.status)
	}
}
