package web_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/web"
)

// BenchmarkHomeArabic serves the Arabic home page over the demo data through the whole
// middleware chain, without the network, from the page cache and rendered every time:
//
//	go test -run '^$' -bench Home ./internal/web
func BenchmarkHomeArabic(b *testing.B) {
	for _, c := range []struct {
		name string
		ttl  time.Duration
	}{{"cached", 0}, {"rendered", -1}} {
		b.Run(c.name, func(b *testing.B) {
			st := storetest.SQLite(b)
			demo.Load(context.Background(), st)
			bundle, _ := i18n.Load()
			srv, err := web.New(context.Background(), web.Config{Store: st, Bundle: bundle, PageCacheTTL: c.ttl})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					rec := httptest.NewRecorder()
					srv.ServeHTTP(rec, httptest.NewRequest("GET", "/ar/", nil))
					if rec.Code != 200 {
						b.Fatal(rec.Code)
					}
				}
			})
		})
	}
}
