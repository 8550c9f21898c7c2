package web

import (
	"context"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/store"
)

// Each catalogue filter, alone and combined, through the real router on the demo's
// hand-written registry: what must be listed and what must not.
func TestCatalogueFilters(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		visitor := newBrowser(t, f.srv)
		const (
			sefrouHoney = "Coopérative Al Amal du miel"                      // Sefrou (Fès-Meknès), youth-led
			sefrouFigs  = "Coopérative des femmes de Sefrou pour les figues" // Sefrou, women-led
			tazaCactus  = "Coopérative du cactus de Taza"                    // Fès-Meknès, women- and youth-led
			ifraneHerbs = "Coopérative des plantes médicinales d&#39;Ifrane" // Fès-Meknès, natural cosmetics, women-led
			saffron     = "Coopérative du safran de Taliouine"               // Souss-Massa
			tislit      = "Coopérative Tislit des tapis"                     // handicraft
			safiPottery = "Association de la poterie traditionnelle de Safi" // an association
		)
		for _, c := range []struct {
			name, query string
			want, not   []string
		}{
			{"region", "kind=organisation&region=03", []string{sefrouHoney, sefrouFigs, tazaCactus}, []string{saffron, tislit}},
			{"province", "kind=organisation&province=541", []string{saffron}, []string{sefrouHoney}},
			{"sector", "kind=organisation&sector=handicraft", []string{tislit}, []string{sefrouHoney, saffron}},
			{"category", "category=saffron", []string{saffron, "Safran pur"}, []string{sefrouHoney, "Miel de thym"}},
			{"legal form", "kind=organisation&legal_form=association", []string{safiPottery}, []string{tislit}},
			{"women-led", "kind=organisation&women_led=1", []string{sefrouFigs}, []string{sefrouHoney}},
			{"youth-led", "kind=organisation&youth_led=1", []string{sefrouHoney}, []string{sefrouFigs}},
			{"kind", "kind=product&province=541", []string{"Safran pur"}, []string{`href="/fr/catalogue/organisations/`}},
			{"all together", "kind=organisation&region=03&sector=local_products&women_led=1",
				[]string{sefrouFigs, tazaCactus}, []string{sefrouHoney, ifraneHerbs, saffron}},
			{"with text", "q=miel&region=03", []string{sefrouHoney}, []string{"Coopérative du miel pur de Berkane"}},
		} {
			code, page := visitor.get("/fr/catalogue?" + c.query)
			if code != 200 {
				t.Errorf("%s: %d", c.name, code)
				continue
			}
			for _, w := range c.want {
				if !strings.Contains(page, w) {
					t.Errorf("%s: %q not listed", c.name, w)
				}
			}
			for _, n := range c.not {
				if strings.Contains(page, n) {
					t.Errorf("%s: %q listed", c.name, n)
				}
			}
		}

		// The form shows the filters in use, each removable, and a way to clear them all;
		// the address keeps them, so the page can be shared.
		_, page := visitor.get("/fr/catalogue?q=miel&region=03&province=451&women_led=1")
		page = html.UnescapeString(page)
		containsAll(t, "filters in use", page, `<details class="filter-box" open>`, `<optgroup label="Fès-Meknès">`,
			`<option value="03" selected>`, `<option value="451" selected>`, `name="women_led" value="1" checked`,
			`href="/fr/catalogue?province=451&q=miel&women_led=1"`, // without the region
			`href="/fr/catalogue?q=miel">Effacer les filtres</a>`, "Région : Fès-Meknès")
		_, plain := visitor.get("/fr/catalogue")
		if strings.Contains(plain, "filter-box\" open") || strings.Contains(plain, "Effacer les filtres") {
			t.Error("a catalogue without filters shows them as in use")
		}
	})
}

// Addresses with values no filter knows (old links, typos, hand-made addresses) get the
// page with those filters left out and a word saying so, never an error.
func TestCatalogueBadFilterValues(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	visitor := newBrowser(t, f.srv)
	for _, q := range []string{
		"province=999", "region=99", "sector=mining", "category=%3Cscript%3E", "legal_form=bank", "kind=edition",
		"women_led=yes", "youth_led=%00", "province=451%27%20OR%201=1", "page=-3&sector=%E2%80%AE", "page=999999",
		"q=%22%29%28*%3A%5E&region=03", "province=451&province=999",
	} {
		code, page := visitor.get("/fr/catalogue?" + q)
		if code != 200 {
			t.Errorf("%s: %d", q, code)
			continue
		}
		if strings.HasPrefix(q, "province=451&") || strings.HasPrefix(q, "q=") || q == "page=999999" {
			continue // the first value counts and is good; odd text is text; a page past the end is empty
		}
		if !strings.Contains(html.UnescapeString(page), "n’ont pas été compris") {
			t.Errorf("%s: no word about the filter left out", q)
		}
		if strings.Contains(page, "<script>") {
			t.Errorf("%s: a value is written back unescaped", q)
		}
	}
	// What is left out does not filter: the unknown province gives the whole catalogue.
	_, all := visitor.get("/fr/catalogue")
	_, bad := visitor.get("/fr/catalogue?province=999")
	count := regexp.MustCompile(`\d+ résultats`)
	if count.FindString(all) == "" || count.FindString(all) != count.FindString(bad) {
		t.Errorf("unknown province: %q, whole catalogue %q", count.FindString(bad), count.FindString(all))
	}
}

// Cards show the record's thumbnail, small and lazy, or a drawn placeholder that costs no
// request.
func TestCatalogueCardsShowThumbnails(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	visitor := newBrowser(t, f.srv)
	_, page := visitor.get("/ar/catalogue?kind=organisation")
	img := regexp.MustCompile(`<img class="card-photo" src="(/media/[0-9a-f]{16}-thumb\.jpg)" width="(\d+)" height="(\d+)" alt="صورة من [^"]+" loading="lazy" decoding="async">`)
	m := img.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no card with a thumbnail, its size and lazy loading")
	}
	if !strings.Contains(page, `<span class="card-photo placeholder" aria-hidden="true"></span>`) {
		t.Error("no card with a placeholder")
	}
	code, hdr, body := visitor.do("GET", m[1], nil, nil)
	if code != 200 || hdr.Get("Content-Type") != "image/jpeg" || len(body) > 30<<10 {
		t.Errorf("thumbnail: %d %s, %d bytes", code, hdr.Get("Content-Type"), len(body))
	}
	if n := strings.Count(page, "<img"); n > 24 {
		t.Errorf("%d images on a page of 24 cards", n)
	}
}

// Representatives choose what of their contact details the public page shows: the phone
// (and WhatsApp with it), the email, the address, the links.
func TestPublicPageShowsOnlyChosenContacts(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	ctx := context.Background()
	visitor := newBrowser(t, f.srv)
	o, _ := f.st.Organisation(ctx, f.coop)
	o.Contact.Phone, o.Contact.WhatsApp, o.Contact.Email = "+212612345678", true, "contact@alamal.ma"
	o.Contact.Address, o.Contact.Website, o.Contact.Facebook = "حي المسيرة، صفرو", "https://alamal.ma", "https://facebook.com/alamal"
	secrets := []string{"06 12 34 56 78", "wa.me/212612345678", "contact@alamal.ma", "حي المسيرة، صفرو", "https://alamal.ma", "facebook.com/alamal"}
	path := "/ar/catalogue/organisations/" + itoa64(f.coop)
	for _, public := range []bool{false, true} {
		c := &o.Contact
		c.PhonePublic, c.EmailPublic, c.AddressPublic, c.LinksPublic = public, public, public, public
		if err := f.st.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		_, page := visitor.get(path)
		page = html.UnescapeString(page)
		for _, s := range secrets {
			if strings.Contains(page, s) != public {
				t.Errorf("public=%v: %q shown=%v", public, s, !public)
			}
		}
	}
	// Each choice is on the form the representatives fill in, and kept.
	rep := newBrowser(t, f.srv)
	rep.cookies[sessionCookie] = f.cookie(t, "exhibitor03")
	code, form := rep.get("/fr/admin/organisations/" + itoa64(f.coop))
	if code != http.StatusOK {
		t.Fatalf("form: %d", code)
	}
	for _, name := range []string{"phone_public", "email_public", "address_public", "links_public"} {
		if !regexp.MustCompile(`name="` + name + `" value="1" checked`).MatchString(form) {
			t.Errorf("form: %s not offered or not checked", name)
		}
	}
}
