package web

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/venue"
	"github.com/xuri/excelize/v2"
)

// publishedEdition is selectionEdition with its selection published: Zarbia (handicraft)
// and Argan (local products) selected.
func publishedEdition(t *testing.T, f *fixture) (int64, map[string]int64) {
	t.Helper()
	eid, apps := selectionEdition(t, f)
	b := newBrowser(t, f.srv)
	b.cookies[sessionCookie] = f.cookie(t, "organiser03")
	page := "/fr/admin/editions/" + itoa64(eid) + "/selection"
	if code, _, _ := b.post(page, url.Values{"action": {"save"}, "stands": {"2"}}); code != http.StatusSeeOther {
		t.Fatalf("save seats: %d", code)
	}
	if code, _, _ := b.post(page+"/publish", url.Values{"justification": {"Délibération du comité du 2 juin"}, "confirm": {"1"}}); code != http.StatusSeeOther {
		t.Fatalf("publish: %d", code)
	}
	return eid, apps
}

// refused posts a form that must be refused with status and a message, and checks the plan
// stayed as it was.
func refused(t *testing.T, b *browser, st *store.Store, eid int64, target string, form url.Values, status int, message string) {
	t.Helper()
	before, beforeErr := st.Plan(context.Background(), eid)
	code, _, body := b.post(target, form)
	body = html.UnescapeString(body)
	if code != status || !strings.Contains(body, message) {
		i := strings.Index(body, "form-error")
		t.Fatalf("%s %v: %d, want %d with %q; %s", target, form, code, status, message, body[max(i, 0):min(len(body), max(i, 0)+600)])
	}
	after, afterErr := st.Plan(context.Background(), eid)
	if apperr.CodeOf(beforeErr) != apperr.CodeOf(afterErr) || len(before.Plan.Stands) != len(after.Plan.Stands) ||
		len(before.Plan.Zones) != len(after.Plan.Zones) || (len(after.Plan.Stands) > 0 && before.Plan.Stands[0] != after.Plan.Stands[0]) {
		t.Fatalf("%s: a refused change was saved", target)
	}
}

func TestOrganiserLaysOutAssignsAndVisitorsFindStands(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid, apps := publishedEdition(t, f)
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		base := "/fr/admin/editions/" + itoa64(eid) + "/plan"

		code, body := b.get(base)
		if code != http.StatusOK || !strings.Contains(body, `action="`+base+`/start"`) {
			t.Fatalf("editor before a plan: %d", code)
		}
		// Nothing can be assigned or pinned before there is a plan.
		refused(t, b, st, eid, base+"/assign", url.Values{}, http.StatusConflict, "Créez d'abord le plan du lieu.")
		// An outline of zero width is refused; then a 40 × 20 m square with its entrance south.
		start := url.Values{"start_width": {"0"}, "start_depth": {"20"}, "start_entrance": {"s"}, "start_entrance_width": {"6"}, "start_clearance": {"3"}}
		refused(t, b, st, eid, base+"/start", start, http.StatusUnprocessableEntity, "contour")
		start.Set("start_width", "deux")
		refused(t, b, st, eid, base+"/start", start, http.StatusUnprocessableEntity, "Indiquez une longueur en mètres")
		start.Set("start_width", "40")
		if code, _, _ := b.post(base+"/start", start); code != http.StatusSeeOther {
			t.Fatalf("start: %d", code)
		}
		// A pole larger than the venue is refused; one that fits is added.
		zone := url.Values{"zone_space": {"kind:products"}, "zone_code": {"P"}, "zone_x": {"0"}, "zone_y": {"0"}, "zone_w": {"60"}, "zone_d": {"30"}}
		refused(t, b, st, eid, base+"/zones", zone, http.StatusUnprocessableEntity, "est plus grand que le lieu")
		zone.Set("zone_x", "1")
		zone.Set("zone_y", "1")
		zone.Set("zone_w", "38")
		zone.Set("zone_d", "13")
		if code, _, _ := b.post(base+"/zones", zone); code != http.StatusSeeOther {
			t.Fatalf("zone: %d", code)
		}
		// A stand size of zero is refused; 3 × 3 m stands with 3 m aisles fit and are counted.
		gen := url.Values{"gen_zone": {"P"}, "gen_w": {"0"}, "gen_d": {"3"}, "gen_aisle": {"3"}, "gen_run": {"10"}}
		refused(t, b, st, eid, base+"/generate", gen, http.StatusUnprocessableEntity, "Les stands doivent mesurer au moins")
		gen.Set("gen_w", "3")
		code, hdr, _ := b.post(base+"/generate", gen)
		if code != http.StatusSeeOther || !strings.Contains(hdr.Get("Location"), "fitted=") {
			t.Fatalf("generate: %d %s", code, hdr.Get("Location"))
		}
		_, body = b.get(hdr.Get("Location"))
		if !strings.Contains(html.UnescapeString(body), "stands placés") {
			t.Fatal("the editor does not say how many stands fitted")
		}
		ep, _ := st.Plan(ctx, eid)
		if len(ep.Plan.Stands) < 4 {
			t.Fatalf("%d stands generated", len(ep.Plan.Stands))
		}
		s0, s1 := ep.Plan.Stands[0], ep.Plan.Stands[1]
		// Moving a stand onto another, or out of the venue, is refused by name.
		move := standForm(s1)
		move.Set("st_x", venue.Metres(s0.Rect.X))
		move.Set("st_y", venue.Metres(s0.Rect.Y))
		refused(t, b, st, eid, base+"/stands", move, http.StatusUnprocessableEntity, "se chevauchent")
		move.Set("st_x", "39")
		refused(t, b, st, eid, base+"/stands", move, http.StatusUnprocessableEntity, s1.Code)
		// A good edit: water on the second stand.
		water := standForm(s1)
		water.Set("st_water", "1")
		if code, _, _ := b.post(base+"/stands", water); code != http.StatusSeeOther {
			t.Fatalf("edit stand: %d", code)
		}
		if ep, _ := st.Plan(ctx, eid); !ep.Plan.Stands[1].Water {
			t.Fatal("water not saved")
		}
		// The editor draws the plan inline, each stand linking to its form, with no inline style.
		_, body = b.get(base + "?stand=" + s1.Code)
		if !strings.Contains(body, `<a href="`+base+`?stand=`+s0.Code) || !strings.Contains(body, `id="stand-form"`) || strings.Contains(body, "<style") {
			t.Fatal("the editor's drawing has no stand links, no stand form, or an inline style")
		}

		// Assign: both selected organisations get a stand; a pin to a taken stand is refused.
		if code, _, _ := b.post(base+"/assign", url.Values{}); code != http.StatusSeeOther {
			t.Fatalf("assign: %d", code)
		}
		placed, _ := st.PlacedOrganisations(ctx, eid)
		if len(placed) != 2 || placed[0].Stand == "" || placed[1].Stand == "" {
			t.Fatalf("placed: %+v", placed)
		}
		_, body = b.get(base)
		if !strings.Contains(html.UnescapeString(body), "2 organisations placées") {
			t.Fatal("no score shown")
		}
		last := ep.Plan.Stands[len(ep.Plan.Stands)-1].Code
		if code, _, _ := b.post(base+"/pins", url.Values{"pin_org": {itoa64(placed[0].OrganisationID)}, "pin_stand": {last}}); code != http.StatusSeeOther {
			t.Fatalf("pin: %d", code)
		}
		refused(t, b, st, eid, base+"/pins", url.Values{"pin_org": {itoa64(placed[1].OrganisationID)}, "pin_stand": {last}},
			http.StatusConflict, "est déjà fixé pour "+placed[0].Name.FR)
		if code, _, _ := b.post(base+"/assign", url.Values{}); code != http.StatusSeeOther {
			t.Fatalf("assign again: %d", code)
		}
		placed, _ = st.PlacedOrganisations(ctx, eid)
		if placed[0].Stand != last || !placed[0].Pinned {
			t.Fatalf("the pin was not kept: %+v", placed[0])
		}

		// Public map: the search folds accents and Arabic spellings and marks the match.
		anon := newBrowser(t, f.srv)
		code, body = anon.get("/fr/fairs/" + itoa64(eid) + "/map?q=cooperative+zarbia")
		body = html.UnescapeString(body)
		if code != http.StatusOK || !strings.Contains(body, "1 stand correspond") || !strings.Contains(body, `class="match"`) || !strings.Contains(body, `mark" id="stand-`) {
			i := strings.Index(body, "role=\"status\"")
			t.Fatalf("map search: %d %s", code, body[max(i, 0):min(len(body), max(i, 0)+300)])
		}
		code, body = anon.get("/ar/fairs/" + itoa64(eid) + "/map?q=" + url.QueryEscape("الزربيه"))
		if code != http.StatusOK || !strings.Contains(body, `dir="rtl"`) || !strings.Contains(body, `mark" id="stand-`) || !strings.Contains(body, "/ar/catalogue/organisations/") {
			t.Fatalf("Arabic map search: %d", code)
		}
		if _, body = anon.get("/fr/fairs/" + itoa64(eid)); !strings.Contains(body, "/fr/fairs/"+itoa64(eid)+"/map") {
			t.Fatal("the fair page does not link to its map")
		}

		// The organisation's catalogue page points to its stand on the map.
		if _, body = anon.get("/fr/catalogue/organisations/" + itoa64(placed[0].OrganisationID)); !strings.Contains(html.UnescapeString(body),
			"/map?stand="+placed[0].Stand) {
			t.Fatal("the catalogue page does not show the stand")
		}

		// The exhibitor sees its stand, highlighted, with its neighbours and the practical word.
		if code, _, _ := b.post(base+"/practical", url.Values{"practical_fr": {"Montage le 11 juillet de 8 h à 18 h."}, "practical_ar": {"التجهيز يوم 11 يوليوز"}}); code != http.StatusSeeOther {
			t.Fatalf("practical: %d", code)
		}
		zarbia := placed[0]
		if zarbia.Name.FR != "Coopérative Zarbia" {
			zarbia = placed[1]
		}
		rep := newBrowser(t, f.srv)
		f.users["zarbia-stand"] = f.user(t, "zarbia-stand", account.Grant{Role: account.Exhibitor, OrganisationID: zarbia.OrganisationID})
		rep.cookies[sessionCookie] = f.cookie(t, "zarbia-stand")
		code, body = rep.get("/fr/applications/" + itoa64(apps["Coopérative Zarbia"]) + "/stand")
		body = html.UnescapeString(body)
		if code != http.StatusOK || !strings.Contains(body, "Votre stand est le "+zarbia.Stand) || !strings.Contains(body, "Montage le 11 juillet") ||
			!strings.Contains(body, `stand k-product hl`) {
			t.Fatalf("stand page: %d", code)
		}
		if _, body = rep.get("/fr/applications/" + itoa64(apps["Coopérative Zarbia"])); !strings.Contains(body, "/stand\"") {
			t.Fatal("the application does not link to the stand page")
		}

		// The stand list as a workbook, right to left in Arabic, with the people Zarbia named.
		person := application.StandPerson{ApplicationID: apps["Coopérative Zarbia"], Name: "فاطمة الزهراء", NationalID: "C456789",
			Phone: "0661234567", Gender: application.Female, Role: application.President}
		if err := st.AddStandPerson(ctx, &person); err != nil {
			t.Fatal(err)
		}
		ab := newBrowser(t, f.srv)
		ab.cookies[sessionCookie] = f.cookie(t, "organiser03")
		code, hdr, data := ab.do("GET", "/ar/admin/editions/"+itoa64(eid)+"/plan/stands.xlsx", nil, nil)
		if code != http.StatusOK || !strings.Contains(hdr.Get("Content-Type"), "spreadsheetml") {
			t.Fatalf("xlsx: %d", code)
		}
		x, err := excelize.OpenReader(bytes.NewReader([]byte(data)))
		if err != nil {
			t.Fatal(err)
		}
		sheet := x.GetSheetList()[0]
		rows, _ := x.GetRows(sheet)
		view, _ := x.GetSheetView(sheet, 0)
		found := false
		for _, r := range rows {
			found = found || (len(r) > 6 && r[0] == zarbia.Stand && r[2] == "تعاونية الزربية" && strings.HasPrefix(r[6], "فاطمة الزهراء 06"))
		}
		if !found || view.RightToLeft == nil || !*view.RightToLeft || len(rows) != len(ep.Plan.Stands)+1 {
			t.Fatalf("workbook: %d rows, rtl %v, found %v", len(rows), view.RightToLeft, found)
		}
		if code, body := ab.get("/ar/admin/editions/" + itoa64(eid) + "/plan/list"); code != http.StatusOK || !strings.Contains(body, "تعاونية الزربية") {
			t.Fatalf("printable list: %d", code)
		}
		if code, body := ab.get("/fr/admin/editions/" + itoa64(eid) + "/plan/print"); code != http.StatusOK || !strings.Contains(body, `width="420mm"`) || !strings.Contains(body, `class="legend"`) {
			t.Fatalf("print view: %d", code)
		}

		// More organisations than stands: one stand left, the other organisation is told why.
		small := ep.Plan.Clone()
		small.Stands = small.Stands[:1]
		if err := st.SavePlan(ctx, eid, small); err != nil {
			t.Fatal(err)
		}
		if code, _, _ := b.post(base+"/assign", url.Values{}); code != http.StatusSeeOther {
			t.Fatalf("assign on one stand: %d", code)
		}
		_, body = b.get(base)
		if !strings.Contains(html.UnescapeString(body), "Plus de stand libre : 2 organisations pour 1 places") {
			t.Fatal("an organisation without a stand is not explained")
		}
		if e, _ := st.Editions().Edition(ctx, eid); e.Status != fair.SelectionPublished {
			t.Fatalf("edition status changed: %s", e.Status)
		}
	})
}

// standForm is the edit form of a stand as the editor fills it.
func standForm(s venue.Stand) url.Values {
	v := url.Values{"action": {"save"}, "st_stand": {s.Code}, "st_code": {s.Code}, "st_x": {venue.Metres(s.Rect.X)}, "st_y": {venue.Metres(s.Rect.Y)},
		"st_w": {venue.Metres(s.Rect.W)}, "st_d": {venue.Metres(s.Rect.H)}, "st_facing": {string(s.Facing)}, "st_kind": {string(s.Kind)}, "st_capacity": {"1"}}
	return v
}
