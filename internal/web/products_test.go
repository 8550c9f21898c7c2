package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/store"
)

func TestRepresentativeAddsAProductThePublicSees(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		rep := newBrowser(t, f.srv)
		rep.cookies[sessionCookie] = f.cookie(t, "exhibitor03")
		newPath := "/ar/admin/organisations/" + itoa64(f.coop) + "/products/new"

		bad := url.Values{"name_ar": {""}, "category": {"honey"}, "price_min": {"غالي"}, "unit": {"kg"}}
		code, _, body := rep.post(newPath, bad)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, `value="غالي"`) {
			t.Fatalf("bad product: %d", code)
		}
		good := url.Values{"name_ar": {"عسل الزعتر"}, "name_fr": {"Miel de thym"}, "category": {"honey"},
			"price_min": {"١٢٠"}, "price_max": {"180,50"}, "unit": {"kg"}, "available": {"1"}}
		code, hdr, _ := rep.post(newPath, good)
		if code != http.StatusSeeOther || !regexp.MustCompile(`^/ar/admin/products/\d+$`).MatchString(hdr.Get("Location")) {
			t.Fatalf("create: %d %q", code, hdr.Get("Location"))
		}
		visitor := newBrowser(t, f.srv)
		_, page := visitor.get("/fr/catalogue/organisations/" + itoa64(f.coop))
		page = html.UnescapeString(page)
		if !strings.Contains(page, "Miel de thym") || !strings.Contains(page, "120,00\u00a0MAD – 180,50\u00a0MAD / kg") {
			i := strings.Index(page, "Miel de thym")
			t.Fatalf("the product is not on the public page as expected: %q", page[max(0, i):min(len(page), i+200)])
		}
		productPath := strings.Replace(hdr.Get("Location"), "/admin/products/", "/catalogue/products/", 1)
		if code, p := visitor.get(productPath); code != 200 || !strings.Contains(p, "عسل الزعتر") {
			t.Fatalf("product page: %d", code)
		}
		away := newBrowser(t, f.srv)
		away.cookies[sessionCookie] = f.cookie(t, "organiser05")
		if code, _, _ := away.post(hdr.Get("Location"), good); code != http.StatusNotFound {
			t.Fatalf("edit from another region: %d", code)
		}
		if code, _, _ := rep.post(hdr.Get("Location")+"/delete", nil); code != http.StatusSeeOther {
			t.Fatalf("delete: %d", code)
		}
		if code, _ := visitor.get(productPath); code != http.StatusNotFound {
			t.Fatalf("deleted product still public: %d", code)
		}
	})
}
