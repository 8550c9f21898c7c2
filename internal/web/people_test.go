package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/store"
)

func TestSelectedOrganisationNamesItsRepresentatives(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid, apps := selectionEdition(t, f)
		orgr := newBrowser(t, f.srv)
		orgr.cookies[sessionCookie] = f.cookie(t, "organiser03")
		page := "/fr/admin/editions/" + itoa64(eid)
		if code, _, _ := orgr.post(page+"/selection", url.Values{"action": {"save"}, "stands": {"2"}}); code != http.StatusSeeOther {
			t.Fatalf("save seats: %d", code)
		}
		if code, _, _ := orgr.post(page+"/selection/publish", url.Values{"justification": {"Délibération du comité"}, "confirm": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("publish: %d", code)
		}

		rep := newBrowser(t, f.srv)
		rep.cookies[sessionCookie] = f.cookie(t, "zarbia-rep")
		app := "/ar/applications/" + itoa64(apps["Coopérative Zarbia"])
		_, body := rep.get(app)
		containsAll(t, "application page", html.UnescapeString(body), "الممثلون في الرواق", "2 أشخاص على الأكثر", "لم تسجلوا أي ممثل بعد")
		bad := url.Values{"name": {"فاطمة"}, "national_id": {"12"}, "phone": {"0661-234567"}, "gender": {"female"}, "role": {"president"}}
		code, _, body := rep.post(app+"/people", bad)
		if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "رقم البطاقة الوطنية غير صحيح") || !strings.Contains(body, `value="0661-234567"`) {
			t.Fatalf("bad national id: %d", code)
		}
		for _, p := range []url.Values{
			{"name": {"فاطمة الزهراء"}, "national_id": {"C456789"}, "phone": {"0661-234567"}, "gender": {"female"}, "role": {"president"}},
			{"name": {"خديجة"}, "national_id": {"CD12345"}, "phone": {"0662-345678"}, "gender": {"female"}, "role": {"member"}},
		} {
			if code, _, _ := rep.post(app+"/people", p); code != http.StatusSeeOther {
				t.Fatalf("add %s: %d", p.Get("name"), code)
			}
		}
		third := url.Values{"name": {"يوسف"}, "national_id": {"CB998877"}, "phone": {"0663-456789"}, "gender": {"male"}, "role": {"employee"}}
		if code, _, body := rep.post(app+"/people", third); code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "محدد في 2") {
			t.Fatalf("a third person: %d", code)
		}
		if people, _ := st.StandPeople(ctx, apps["Coopérative Zarbia"]); len(people) != 2 || people[0].Phone != "+212661234567" {
			t.Fatalf("stored people: %+v", people)
		}
		// A waitlisted organisation cannot name anyone.
		waiting := application.StandPerson{ApplicationID: apps["Coopérative Argan"], Name: "Karim", NationalID: "D123456",
			Phone: "0612345678", Gender: application.Male, Role: application.President}
		if err := st.AddStandPerson(ctx, &waiting); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("a waitlisted organisation named someone: %v", err)
		}
		// The organisers see who is complete and who is missing.
		_, list := orgr.get(page + "/people")
		containsAll(t, "people page", html.UnescapeString(list), "1 organisations sur 2 ont nommé leurs représentants (2 par stand)",
			"Femmes : 2, hommes : 0", "Association Poterie", "فاطمة الزهراء")
	})
}
