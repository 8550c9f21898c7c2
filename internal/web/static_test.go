package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"regexp"
	"strings"
	"testing"
)

func TestStaticFilesAreHashedCachedAndCompressed(t *testing.T) {
	srv := newServer(t, demoSQLite(t))
	page := do(t, srv, "GET", "/fr/", nil).body
	css := regexp.MustCompile(`href="(/static/css/app\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(page)
	js := regexp.MustCompile(`src="(/static/vendor/htmx\.min\.[0-9a-f]{10}\.js)"`).FindStringSubmatch(page)
	if css == nil || js == nil {
		t.Fatalf("page does not link hashed assets")
	}
	r := do(t, srv, "GET", css[1], nil)
	if r.status != 200 || !strings.Contains(r.header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Fatalf("css: %d %v", r.status, r.header)
	}
	// Fonts referenced by the stylesheet are rewritten to their hashed names and served.
	font := regexp.MustCompile(`/static/fonts/noto-naskh-arabic-400\.[0-9a-f]{10}\.woff2`).FindString(r.body)
	if font == "" {
		t.Fatal("stylesheet does not point to the hashed Arabic font")
	}
	if f := do(t, srv, "GET", font, nil); f.status != 200 || f.header.Get("Content-Type") != "font/woff2" {
		t.Fatalf("font: %d %q", f.status, f.header.Get("Content-Type"))
	}
	z := do(t, srv, "GET", js[1], map[string]string{"Accept-Encoding": "br, gzip"})
	if z.header.Get("Content-Encoding") != "gzip" {
		t.Fatal("htmx not gzipped")
	}
	zr, err := gzip.NewReader(bytes.NewReader([]byte(z.body)))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Contains(plain, []byte("htmx")) {
		t.Fatal("gzipped body is not htmx")
	}
	if r := do(t, srv, "GET", "/static/css/app.0000000000.css", nil); r.status != 404 {
		t.Fatalf("unknown hash: %d", r.status)
	}
}
