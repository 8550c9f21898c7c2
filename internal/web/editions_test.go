package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/store"
)

// mobileMarketForm is the form an organiser fills for a mobile market in Sefrou, with a
// partner, two spaces and a guest.
func mobileMarketForm() url.Values {
	return url.Values{
		"kind": {"mobile_market"}, "number": {"4"}, "province": {"451"},
		"city_ar": {"صفرو"}, "city_fr": {"Sefrou"}, "venue_ar": {"ساحة مساي"}, "venue_fr": {"Place Massay"},
		"title_ar": {"السوق المتنقل بصفرو"}, "title_fr": {"Marché itinérant de Sefrou"},
		"slogan_ar": {"في الإنتاج متعاونون"}, "slogan_fr": {"Coopératifs dans la production"},
		"starts_on": {"2027-07-03"}, "ends_on": {"2027-07-07"}, "opens_at": {"10:00"}, "closes_at": {"22:00"},
		"area_m2": {"1500"}, "target_visitors": {"10000"}, "target_organisations": {"52"}, "reps_per_stand": {"2"},
		"occasion_ar": {"اليوم العالمي للتعاونيات"}, "occasion_fr": {"Journée internationale des coopératives"},
		"partners.rows":      {"3"},
		"partners.1.name_ar": {"مجلس جهة فاس-مكناس"}, "partners.1.name_fr": {"Conseil régional Fès-Meknès"}, "partners.1.role": {"organiser"},
		"partners.2.name_fr": {"Ministère du Tourisme"}, "partners.2.role": {"partner"}, "partners.2.convention": {"Conv. 7/2027"},
		"spaces.rows":   {"3"},
		"spaces.1.kind": {"products"}, "spaces.1.stands": {"52"}, "spaces.1.area_m2": {"1000"},
		"spaces.2.kind": {"kids"}, "spaces.2.name_fr": {"Coin des enfants"},
		"guests.rows": {"2"}, "guests.1.kind": {"country"}, "guests.1.name_ar": {"السنغال"}, "guests.1.name_fr": {"Sénégal"},
	}
}

func TestOrganiserPlansAnEditionAndOpensItsCall(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		ctx := context.Background()
		before, _ := st.Editions().CountEditions(ctx)

		// "Add rows" sends the form back with more empty rows and keeps what was typed.
		form := mobileMarketForm()
		form.Set("more", "1")
		code, _, body := b.post("/fr/admin/editions/new", form)
		if code != http.StatusOK || !strings.Contains(body, `name="partners.5.name_ar"`) || !strings.Contains(body, "Conv. 7/2027") {
			t.Fatalf("add rows: %d", code)
		}
		if n, _ := st.Editions().CountEditions(ctx); n != before {
			t.Fatal("adding rows stored the edition")
		}

		code, hdr, _ := b.post("/fr/admin/editions/new", mobileMarketForm())
		if code != http.StatusSeeOther {
			t.Fatalf("create: %d", code)
		}
		loc := hdr.Get("Location")
		id := strings.TrimPrefix(loc, "/fr/admin/editions/")
		eds, _ := st.Editions().Editions(ctx)
		var e fair.Edition
		for _, x := range eds {
			if x.Title.FR == "Marché itinérant de Sefrou" {
				e, _ = st.Editions().Edition(ctx, x.ID)
			}
		}
		if e.RegionCode != "03" || e.Status != fair.Draft || len(e.Partners) != 2 || len(e.Spaces) != 2 || len(e.Guests) != 1 ||
			!e.Hours.Set || e.Hours.Opens != 600 || e.Spaces[0].Stands != 52 || e.Partners[1].Convention != "Conv. 7/2027" {
			t.Fatalf("stored edition: %+v", e)
		}

		// A draft is the council's work in progress: the public does not see it.
		pub := newBrowser(t, f.srv)
		if code, _ := pub.get("/fr/fairs/" + id); code != http.StatusNotFound {
			t.Fatalf("draft public page: %d", code)
		}
		if _, list := pub.get("/fr/fairs"); strings.Contains(list, "Marché itinérant de Sefrou") {
			t.Fatal("draft listed publicly")
		}
		// Opening the call waits for a call with its quotas, and the page says so; a step
		// that skips the call is refused with a message.
		_, page := b.get(loc)
		containsAll(t, "draft page", html.UnescapeString(page), "Ouvrir l'appel à candidatures", "L'appel ne peut pas ouvrir avant d'être configuré", "Supprimer le brouillon")
		code, _, body = b.post(loc+"/status", url.Values{"step": {"start"}, "confirm": {"1"}})
		if code != http.StatusConflict || !strings.Contains(html.UnescapeString(body), "ne peut pas passer à cette étape") {
			t.Fatalf("skip to running: %d", code)
		}
		now := time.Now()
		if code, _, _ = b.post(loc+"/call", callForm(now.Add(-time.Hour), now.Add(72*time.Hour))); code != http.StatusSeeOther {
			t.Fatalf("save call: %d", code)
		}
		if code, _, _ = b.post(loc+"/status", url.Values{"step": {"open_call"}, "confirm": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("open call: %d", code)
		}
		_, page = b.get(loc)
		page = html.UnescapeString(page)
		containsAll(t, "edition page", page, "Appel à candidatures ouvert", "Clore l'appel et passer à l'examen",
			"Remettre l'édition en brouillon", "des candidats ont pu s'inscrire", "Annuler l'édition")
		if strings.Contains(page, "Supprimer le brouillon") || strings.Contains(page, "Sélection publiée") && strings.Contains(page, `name="step" value="publish`) {
			t.Fatal("an announced edition offers to be deleted or published by hand")
		}

		// Now the public sees it, in Arabic with Moroccan month names, and can add it to a calendar.
		code, ar := pub.get("/ar/fairs/" + id)
		if code != http.StatusOK {
			t.Fatalf("public page: %d", code)
		}
		containsAll(t, "public page", ar, "3 – 7 يوليوز 2027", "كل يوم من 10:00 إلى 22:00", "ساحة مساي", "1.500 متر مربع",
			"بشراكة مع", "Ministère du Tourisme", "السنغال", "اليوم العالمي للتعاونيات", "52 رواقا", `og:type" content="event"`)
		code, _, ics := pub.do("GET", "/fr/fairs/"+id+"/calendar.ics", nil, nil)
		if code != http.StatusOK || strings.Count(ics, "BEGIN:VEVENT") != 5 || !strings.Contains(ics, "DTSTART:20270703T090000Z") {
			t.Fatalf("calendar: %d\n%s", code, ics)
		}
		// Without opening hours, the calendar holds one event over whole days.
		_, _, allDay := pub.do("GET", "/ar/fairs/"+itoa64(f.sefrou)+"/calendar.ics", nil, nil)
		if !strings.Contains(allDay, "DTSTART;VALUE=DATE:20270712\r\n") || !strings.Contains(allDay, "DTEND;VALUE=DATE:20270717\r\n") ||
			!strings.Contains(allDay, "SUMMARY:السوق المتنقل") {
			t.Fatalf("all-day calendar:\n%s", allDay)
		}
		_, audit := b.get("/fr/admin/audit?type=edition&id=" + id)
		containsAll(t, "audit", audit, "Édition créée", "Étape d&#39;une édition changée")
	})
}

func TestEditionFormRefusesBadInputAndKeepsIt(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		ctx := context.Background()
		before, _ := st.Editions().CountEditions(ctx)
		cases := []struct {
			name  string
			spoil func(url.Values)
			want  string
		}{
			{"from 10 to 5 December", func(v url.Values) { v.Set("starts_on", "2022-12-10"); v.Set("ends_on", "2022-12-05") },
				"تاريخ النهاية (5 دجنبر 2022) يسبق تاريخ البداية (10 دجنبر 2022)"},
			{"negative area", func(v url.Values) { v.Set("area_m2", "-1500") }, "اكتب عددا صحيحا"},
			{"target not a number", func(v url.Values) { v.Set("target_visitors", "عشرة آلاف") }, "اكتب عددا صحيحا"},
			{"half the hours", func(v url.Values) { v.Del("closes_at") }, "اكتب ساعة الفتح وساعة الإغلاق معا"},
			{"space larger than the venue", func(v url.Values) { v.Set("spaces.2.area_m2", "2000") }, "الفضاء 2: مساحته (2000 م²) أكبر من مساحة المعرض كله (1500 م²)"},
			{"partner without a role", func(v url.Values) { v.Del("partners.2.role") }, "الشريك 2: اختر الصفة من اللائحة"},
			{"province elsewhere", func(v url.Values) { v.Set("province", "999") }, ""},
		}
		for _, c := range cases {
			form := mobileMarketForm()
			c.spoil(form)
			code, _, body := b.post("/ar/admin/editions/new", form)
			body = html.UnescapeString(body)
			if c.want == "" {
				if code != http.StatusUnprocessableEntity && code != http.StatusNotFound {
					t.Errorf("%s: %d", c.name, code)
				}
				continue
			}
			if code != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) {
				i := strings.Index(body, `class="error"`)
				t.Errorf("%s: %d, message %q not shown: %s", c.name, code, c.want, body[max(i, 0):min(len(body), max(i, 0)+300)])
			}
			if !strings.Contains(body, "Conv. 7/2027") || !strings.Contains(body, `value="ساحة مساي"`) {
				t.Errorf("%s: what was typed is lost", c.name)
			}
		}
		if n, _ := st.Editions().CountEditions(ctx); n != before {
			t.Fatalf("%d editions stored from bad input", n-before)
		}
		// An organiser cannot move an edition of their region to another region.
		form := mobileMarketForm()
		form.Set("province", "401") // Ouarzazate, Drâa-Tafilalet
		if code, _, _ := b.post("/ar/admin/editions/"+itoa64(f.sefrou), form); code != http.StatusNotFound {
			t.Fatalf("move to another region: %d", code)
		}
		if e, _ := st.Editions().Edition(ctx, f.sefrou); e.RegionCode != "03" {
			t.Fatal("edition moved out of the organiser's region")
		}
	})
}

// TestCancelledEditionSaysSoEverywhere: an organiser cancels an edition whose call is open,
// through its step and a reason; its public page, the fair lists and its calendar file say
// it is called off, and the call takes no application.
func TestCancelledEditionSaysSoEverywhere(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		step := "/fr/admin/editions/" + itoa64(f.sefrou) + "/status"
		code, _, body := b.post(step, url.Values{"step": {"cancel"}, "confirm": {"1"}, "reason": {"court"}})
		if code != http.StatusConflict || !strings.Contains(html.UnescapeString(body), "Écrivez la raison de l'annulation") {
			t.Fatalf("cancelling without a reason: %d", code)
		}
		reason := "La place Massay est en travaux jusqu'en septembre."
		if code, _, _ := b.post(step, url.Values{"step": {"cancel"}, "confirm": {"1"}, "reason": {reason}}); code != http.StatusSeeOther {
			t.Fatalf("cancel: %d", code)
		}
		pub := newBrowser(t, f.srv)
		code, page := pub.get("/fr/fairs/" + itoa64(f.sefrou))
		page = html.UnescapeString(page)
		if code != http.StatusOK || !strings.Contains(page, "Cette édition est annulée. "+reason) || !strings.Contains(page, "Cette édition est annulée ; aucune candidature") {
			t.Fatalf("public page of a cancelled edition: %d", code)
		}
		if _, list := pub.get("/fr/fairs"); !strings.Contains(html.UnescapeString(list), "Cette édition est annulée. "+reason) {
			t.Fatal("the fair list does not say the edition is cancelled")
		}
		if _, _, ics := pub.do("GET", "/fr/fairs/"+itoa64(f.sefrou)+"/calendar.ics", nil, nil); !strings.Contains(ics, "STATUS:CANCELLED") {
			t.Fatal("the calendar file does not mark the event cancelled")
		}
		rep := newBrowser(t, f.srv)
		rep.cookies[sessionCookie] = f.cookie(t, "exhibitor03")
		code, _, body = rep.post("/fr/fairs/"+itoa64(f.sefrou)+"/apply", url.Values{"organisation": {itoa64(f.coop)}})
		if code == http.StatusSeeOther || !strings.Contains(html.UnescapeString(body), "Cette édition est annulée") {
			t.Fatalf("applying to a cancelled edition: %d", code)
		}
	})
}
