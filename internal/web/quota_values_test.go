package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/store"
)

// TestCallFormRefusesAQuotaValueItsAttributeCannotTake: a quota naming a value its
// attribute cannot take (a city as a sector, a province of another region) sends the form
// back with a message naming the row and the value, and nothing is stored.
func TestCallFormRefusesAQuotaValueItsAttributeCannotTake(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		eid := draftEdition(t, st)
		callURL := "/fr/admin/editions/" + itoa64(eid) + "/call"
		now := time.Now()
		withQuota := func(subject, value string) url.Values {
			form := callForm(now.Add(-time.Hour), now.Add(48*time.Hour))
			form.Set("quotas.1.subject", subject)
			form.Set("quotas.1.value", value)
			return form
		}
		cases := []struct{ subject, value, want string }{
			{"sector", "Meknès", "Quota 1 : « Meknès » n'est pas un secteur."},
			{"province", "401", "Quota 1 : « 401 » n'est ni une préfecture ou province de la région, ni une province invitée."},
			{"legal_form", "handicraft", "Quota 1 : « handicraft » n'est pas une forme juridique."},
		}
		for _, c := range cases {
			code, _, body := b.post(callURL, withQuota(c.subject, c.value))
			body = html.UnescapeString(body)
			if code != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) {
				i := strings.Index(body, "Quota 1")
				t.Errorf("%s = %s: %d, message %q not shown: %s", c.subject, c.value, code, c.want, body[max(i, 0):min(len(body), max(i, 0)+300)])
			}
			if !strings.Contains(body, "Qualité") {
				t.Errorf("%s = %s: what was typed is lost", c.subject, c.value)
			}
			if _, err := st.Editions().Call(ctx, eid); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("%s = %s: a refused call was stored (%v)", c.subject, c.value, err)
			}
		}

		// A province of the region, or one the call invites, is a value a province quota can take.
		if code, _, _ := b.post(callURL, withQuota("province", "451")); code != http.StatusSeeOther {
			t.Fatalf("province of the region: %d", code)
		}
		invited := withQuota("province", "401")
		invited["invited_provinces"] = []string{"401"}
		if code, _, _ := b.post(callURL, invited); code != http.StatusSeeOther {
			t.Fatalf("invited province: %d", code)
		}
		// Refused over a stored call, the call is unchanged; the Arabic message names the value too.
		code, _, body := b.post(strings.Replace(callURL, "/fr/", "/ar/", 1), withQuota("sector", "451"))
		if want := "الحصة 1: «451» ليس قطاعا."; code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), want) {
			t.Fatalf("bad quota over a stored call: %d, %q not shown", code, want)
		}
		if c, _ := st.Editions().Call(ctx, eid); len(c.Quotas) != 1 || c.Quotas[0].Value != "401" || len(c.InvitedProvinces) != 1 {
			t.Fatalf("a refused call changed the stored one: %+v", c.Quotas)
		}
	})
}

// TestSelectionAdjustedQuotasRefuseAValueTheAttributeCannotTake: the quotas an organiser
// adjusts on the selection page, for a dry run or to save, pass the same check.
func TestSelectionAdjustedQuotasRefuseAValueTheAttributeCannotTake(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid, _, _ := reviewEdition(t, f)
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		page := "/en/admin/editions/" + itoa64(eid) + "/selection"
		for _, action := range []string{"run", "save"} {
			form := url.Values{"action": {action}, "stands": {"2"}, "quotas.rows": {"1"},
				"quotas.1.subject": {"province"}, "quotas.1.value": {"401"}, "quotas.1.max": {"1"}}
			code, _, body := b.post(page, form)
			want := "Quota 1: “401” is neither a prefecture or province of the region nor an invited province."
			if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), want) {
				t.Errorf("%s: %d, %q not shown", action, code, want)
			}
			if strings.Contains(body, "Dry run: nothing was saved") {
				t.Errorf("%s: the selection ran with a refused quota", action)
			}
		}
		if c, _ := st.Editions().Call(ctx, eid); len(c.Quotas) != 1 || c.Quotas[0].Attr != "sector" {
			t.Fatalf("refused quotas were saved: %+v", c.Quotas)
		}
		form := url.Values{"action": {"run"}, "stands": {"2"}, "quotas.rows": {"1"},
			"quotas.1.subject": {"province"}, "quotas.1.value": {"561"}, "quotas.1.max": {"1"}}
		if code, _, _ := b.post(page, form); code != http.StatusOK {
			t.Fatalf("a province of the region: %d", code)
		}
	})
}
