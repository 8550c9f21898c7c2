package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

// scenario is one request and what a user would see of its answer.
type scenario struct {
	name     string
	method   string
	target   string
	header   map[string]string
	status   int
	location string   // expected redirect target
	contains []string // expected in the body
	absent   []string // must not be in the body
}

func TestPublicScenarios(t *testing.T) {
	scenarios := []scenario{
		{name: "root without preferences opens Arabic", target: "/", status: 302, location: "/ar/"},
		{name: "root follows the browser language", target: "/", header: map[string]string{"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}, status: 302, location: "/fr/"},
		{name: "root prefers the remembered language", target: "/", header: map[string]string{"Cookie": "aswaq_lang=en", "Accept-Language": "fr"}, status: 302, location: "/en/"},
		{name: "a bad cookie falls back to the browser", target: "/", header: map[string]string{"Cookie": "aswaq_lang=xx", "Accept-Language": "fr"}, status: 302, location: "/fr/"},
		{name: "Tamazight speakers get Tamazight", target: "/", header: map[string]string{"Accept-Language": "zgh, ar;q=0.5"}, status: 302, location: "/zgh/"},
		{name: "language without slash", target: "/fr", status: 307, location: "/fr/"},
		{name: "Arabic home is right-to-left with Moroccan months", target: "/ar/", status: 200,
			contains: []string{`<html lang="ar" dir="rtl">`, "12 – 16 يوليوز 2022", "17 – 22 شتنبر 2025", "ساحة مساي", "اقتصاد اجتماعي وتضامني متنوع وسياحة مستدامة وواعدة", "1.500"}},
		{name: "French home", target: "/fr/", status: 200,
			contains: []string{`<html lang="fr" dir="ltr">`, "12 – 16 juillet 2022", "15 – 24 octobre 2022", "28 novembre – 3 décembre 2022", "Espace Al Moussalla", "Ouarzazate"}},
		{name: "English home", target: "/en/", status: 200,
			contains: []string{`<html lang="en" dir="ltr">`, "12 – 16 July 2022", "10 – 14 December 2022"}},
		{name: "Tamazight home", target: "/zgh/", status: 200,
			contains: []string{`<html lang="zgh" dir="ltr">`, "ⴰⵙⵡⴰⵇ", "ⵢⵓⵍⵢⵓⵣ"}},
		{name: "switcher keeps the page", target: "/fr/", status: 200,
			contains: []string{`href="/ar/" lang="ar"`, `href="/en/" lang="en"`, `href="/zgh/" lang="zgh"`, `aria-current="page">Français`}},
		{name: "unknown language prefix is a 404 in Arabic", target: "/xx/", status: 404,
			contains: []string{`<html lang="ar" dir="rtl">`, `href="/fr/"`}},
		{name: "unknown page is a 404 in its language", target: "/fr/nulle-part", status: 404,
			contains: []string{`<html lang="fr" dir="ltr">`, `href="/ar/nulle-part"`}, absent: []string{"Ouarzazate"}},
		{name: "health", target: "/healthz", status: 200, contains: []string{`"status":"ok"`, `"database":`}},
		{name: "cross-site POST is refused", method: "POST", target: "/fr/", header: map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, status: 403,
			contains: []string{`<html lang="fr"`}},
		{name: "same-origin POST to a page without a form is a 404, not a crash", method: "POST", target: "/fr/", header: map[string]string{"Sec-Fetch-Site": "same-origin"}, status: 404},
	}
	storetest.EachPrepared(t, "demo", loadDemo, func(t *testing.T, st *store.Store) {
		srv := newServer(t, st)
		for _, sc := range scenarios {
			t.Run(sc.name, func(t *testing.T) {
				method := sc.method
				if method == "" {
					method = "GET"
				}
				r := do(t, srv, method, sc.target, sc.header)
				if r.status != sc.status {
					t.Fatalf("%s %s: status %d, want %d\n%.300s", method, sc.target, r.status, sc.status, r.body)
				}
				if sc.location != "" && r.header.Get("Location") != sc.location {
					t.Errorf("Location %q, want %q", r.header.Get("Location"), sc.location)
				}
				mustContain(t, sc.target, r.body, sc.contains...)
				for _, a := range sc.absent {
					if strings.Contains(r.body, a) {
						t.Errorf("body contains %q", a)
					}
				}
			})
		}
	})
}

func TestEveryResponseCarriesSecurityHeaders(t *testing.T) {
	srv := newServer(t, demoSQLite(t))
	for _, target := range []string{"/ar/", "/nope", "/healthz"} {
		r := do(t, srv, "GET", target, nil)
		csp := r.header.Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: missing nosniff or frame options", target)
		}
		if len(r.header.Get("X-Request-Id")) != 16 {
			t.Errorf("%s: request id %q", target, r.header.Get("X-Request-Id"))
		}
	}
}

func TestVisitingALanguageIsRemembered(t *testing.T) {
	srv := newServer(t, demoSQLite(t))
	r := do(t, srv, "GET", "/en/", nil)
	if c := r.header.Get("Set-Cookie"); !strings.Contains(c, "aswaq_lang=en") || !strings.Contains(c, "HttpOnly") || !strings.Contains(c, "SameSite=Lax") {
		t.Fatalf("Set-Cookie %q", c)
	}
	// Already remembered: no new cookie on every page.
	if r := do(t, srv, "GET", "/en/", map[string]string{"Cookie": "aswaq_lang=en"}); r.header.Get("Set-Cookie") != "" {
		t.Fatalf("cookie set again: %q", r.header.Get("Set-Cookie"))
	}
}

func TestDatabaseFailureShowsALocalizedErrorPage(t *testing.T) {
	st := demoSQLite(t)
	srv := newServer(t, st)
	st.Close()
	r := do(t, srv, "GET", "/fr/", nil)
	if r.status != http.StatusInternalServerError {
		t.Fatalf("status %d", r.status)
	}
	mustContain(t, "500 page", r.body, `<html lang="fr"`, r.header.Get("X-Request-Id"))
	if h := do(t, srv, "GET", "/healthz", nil); h.status != http.StatusServiceUnavailable {
		t.Fatalf("healthz with a closed database: %d", h.status)
	}
}
