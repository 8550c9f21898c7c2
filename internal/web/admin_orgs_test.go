package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
)

func TestOrganiserRegistersAnOrganisation(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		ctx := context.Background()

		form := url.Values{"legal_form": {"cooperative"}, "name_ar": {"تعاونية الزيتونة"}, "name_fr": {"Coopérative Zitouna"},
			"province": {"451"}, "sector": {"local_products"}, "categories": {"olive_oil", "figs"}, "ice": {"001561191000065"},
			"phone": {"0612-345678"}, "members_women": {"douze"}, "founded_on": {"2019-02-30"}}
		code, _, body := b.post("/fr/admin/organisations/new", form)
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("bad form: %d", code)
		}
		containsAll(t, "errors", body, "Écrivez un nombre entier positif.", "Écrivez la date sous la forme", "تعاونية الزيتونة", `value="0612-345678"`)
		form.Set("members_women", "12")
		form.Set("founded_on", "2019-02-28")
		code, _, body = b.post("/fr/admin/organisations/new", form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "L&#39;ICE compte 15 chiffres") {
			t.Fatalf("invalid ICE: %d", code)
		}
		form.Set("ice", "001561191000066")
		code, hdr, _ := b.post("/fr/admin/organisations/new", form)
		if code != http.StatusSeeOther {
			t.Fatalf("create: %d", code)
		}
		// The same cooperative typed again with another spelling is caught.
		again := url.Values{"legal_form": {"cooperative"}, "name_ar": {"تعاونيه الزيتونه"}, "province": {"451"}, "sector": {"local_products"}}
		code, _, body = b.post("/fr/admin/organisations/new", again)
		if code != http.StatusConflict || !strings.Contains(body, "Coopérative Zitouna") {
			t.Fatalf("duplicate not flagged: %d", code)
		}
		again.Set("not_duplicate", "1")
		if code, _, _ = b.post("/fr/admin/organisations/new", again); code != http.StatusSeeOther {
			t.Fatalf("confirmed different organisation: %d", code)
		}
		// A Fès-Meknès organiser cannot register in Souss-Massa.
		away := url.Values{"legal_form": {"cooperative"}, "name_ar": {"تعاونية أركان"}, "province": {"541"}, "sector": {"local_products"}}
		if code, _, _ = b.post("/fr/admin/organisations/new", away); code != http.StatusNotFound {
			t.Fatalf("register in another region: %d", code)
		}
		_, list := b.get("/fr/admin/organisations?q=زيتونة")
		containsAll(t, "list", list, "Coopérative Zitouna")
		_ = hdr
		if n, _ := st.CountOrganisations(ctx); n < 40 {
			t.Fatalf("count %d", n)
		}
	})
}

func TestRepresentativeEditsOwnOrganisationOnly(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	ctx := context.Background()
	b := newBrowser(t, f.srv)
	b.cookies[sessionCookie] = f.cookie(t, "exhibitor03")
	code, body := b.get("/ar/admin/organisations/" + itoa64(f.coop))
	if code != 200 || !strings.Contains(body, "هيئتي") || strings.Contains(body, `name="status"`) {
		t.Fatalf("representative's page: %d", code)
	}
	form := f.orgForm(t)
	form.Set("description_ar", "نصنع العسل منذ 2010")
	form.Set("status", "pending")
	if code, _, _ := b.post("/ar/admin/organisations/"+itoa64(f.coop), form); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	o, _ := f.st.Organisation(ctx, f.coop)
	if o.Description.AR != "نصنع العسل منذ 2010" || o.Status != org.Validated {
		t.Fatalf("saved %q status %q", o.Description.AR, o.Status)
	}
	other := f.spareOrg(t)
	if code, _ := b.get("/ar/admin/organisations/" + itoa64(other)); code != http.StatusNotFound {
		t.Fatalf("another organisation: %d", code)
	}
	if code, _ := b.get("/ar/admin/organisations"); code != http.StatusNotFound {
		t.Fatalf("registry list for a representative: %d", code)
	}
}

func TestOrganiserOfAnotherRegionCannotReachTheRecord(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	b := newBrowser(t, f.srv)
	b.cookies[sessionCookie] = f.cookie(t, "organiser05")
	if code, _ := b.get("/fr/admin/organisations/" + itoa64(f.coop)); code != http.StatusNotFound {
		t.Fatalf("read: %d", code)
	}
	if code, _, _ := b.post("/fr/admin/organisations/"+itoa64(f.coop), f.orgForm(t)); code != http.StatusNotFound {
		t.Fatalf("change: %d", code)
	}
	if code, _, _ := b.post("/fr/admin/organisations/"+itoa64(f.coop)+"/merge", url.Values{"drop": {itoa64(f.spareOrg(t))}}); code != http.StatusNotFound {
		t.Fatalf("merge: %d", code)
	}
	_, list := b.get("/fr/admin/organisations")
	if strings.Contains(list, "Sefrou") || strings.Contains(list, "صفرو") {
		t.Fatal("the list shows another region's organisations")
	}
	// Moving one of its own organisations into another region is refused too.
	b.cookies[sessionCookie] = f.cookie(t, "organiser03")
	form := f.orgForm(t)
	form.Set("province", "301") // Khénifra, region 05
	if code, _, _ := b.post("/fr/admin/organisations/"+itoa64(f.coop), form); code != http.StatusNotFound {
		t.Fatalf("move to another region: %d", code)
	}
}

func containsAll(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %q", what, w)
		}
	}
}
