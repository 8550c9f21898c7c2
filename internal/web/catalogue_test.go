package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
)

func TestPublicCatalogue(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		visitor := newBrowser(t, f.srv)

		code, list := visitor.get("/fr/catalogue?sector=local_products&province=451")
		if code != 200 || !strings.Contains(list, "Coopérative des femmes de Sefrou pour les figues") || strings.Contains(list, "Coopérative du safran de Taliouine") || strings.Contains(list, "Coopérative des boutons de Sefrou") {
			t.Fatalf("filtered list: %d", code)
		}
		// One search box, tolerant of spelling: the hamza, the ta marbuta, French accents.
		_, found := visitor.get("/ar/catalogue?q=" + url.QueryEscape("تعاونيه الامل للعسل"))
		if !strings.Contains(found, "تعاونية الأمل للعسل") {
			t.Fatal("an Arabic spelling variant does not find the cooperative")
		}
		_, found = visitor.get("/fr/catalogue?q=cooperative+tislit")
		if !strings.Contains(found, "Coopérative Tislit des tapis") {
			t.Fatal("a search without accents does not find the cooperative")
		}
		honey := org.Product{OrganisationID: f.coop, Name: mltext.Text{AR: "عسل الزعتر الجبلي"}, Category: "honey", PriceMin: 15000, Unit: org.Kilogram, Available: true}
		if err := st.CreateProduct(ctx, &honey); err != nil {
			t.Fatal(err)
		}
		_, found = visitor.get("/ar/catalogue?kind=product&q=" + url.QueryEscape("عسل الزعتر"))
		if !strings.Contains(found, "عسل الزعتر الجبلي") || !strings.Contains(found, "150,00") {
			t.Fatal("the product is not found by its name with its price")
		}
		o, _ := st.Organisation(ctx, f.coop)
		o.Contact.Phone, o.Contact.PhonePublic, o.Contact.WhatsApp = "+212612345678", true, true
		o.Contact.Email, o.Contact.EmailPublic = "hidden@coop.ma", false
		if err := st.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		path := "/ar/catalogue/organisations/" + itoa64(f.coop)
		code, page := visitor.get(path)
		page = html.UnescapeString(page) // html/template writes "+" in an href as &#43;
		if code != 200 {
			t.Fatalf("organisation page: %d", code)
		}
		containsAll(t, "public page", page, `href="tel:+212612345678"`, "06 12 34 56 78", `href="https://wa.me/212612345678"`,
			`property="og:title"`, `rel="canonical"`, o.Name.AR)
		if strings.Contains(page, "hidden@coop.ma") {
			t.Fatal("an email its representatives keep private is shown")
		}
		if code, zgh := visitor.get("/zgh/catalogue/organisations/" + itoa64(f.coop)); code != 200 || !strings.Contains(zgh, "ⵖⵔ") {
			t.Fatalf("Tamazight page: %d", code)
		}
		// A pending record is not public; a merged one leads to the record kept.
		o.Status = org.Pending
		st.UpdateOrganisation(ctx, &o)
		if code, _ := visitor.get(path); code != http.StatusNotFound {
			t.Fatalf("pending record: %d", code)
		}
		o.Status = org.Validated
		st.UpdateOrganisation(ctx, &o)
		spare := f.spareOrg(t)
		st.MergeOrganisations(ctx, f.coop, spare)
		code, hdr, _ := visitor.do("GET", "/fr/catalogue/organisations/"+itoa64(spare), nil, nil)
		if code != http.StatusMovedPermanently || hdr.Get("Location") != "/fr/catalogue/organisations/"+itoa64(f.coop) {
			t.Fatalf("merged record: %d %q", code, hdr.Get("Location"))
		}
	})
}

func TestSitemapListsPublicPagesInEveryLanguage(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	b := newBrowser(t, f.srv)
	code, hdr, body := b.do("GET", "/sitemap.xml", nil, nil)
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/xml") {
		t.Fatalf("sitemap: %d", code)
	}
	containsAll(t, "sitemap", body, "<loc>http://127.0.0.1:8080/ar/catalogue/organisations/"+itoa64(f.coop)+"</loc>",
		`hreflang="zgh" href="http://127.0.0.1:8080/zgh/catalogue/organisations/`+itoa64(f.coop)+`"`)
	if n := strings.Count(body, "<url>"); n < 30 {
		t.Fatalf("only %d addresses", n)
	}
	_, robots := b.get("/robots.txt")
	containsAll(t, "robots", robots, "Disallow: /ar/admin/", "Sitemap: http://127.0.0.1:8080/sitemap.xml")
}
