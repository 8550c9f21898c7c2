package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// selectionEdition is an edition in review with five scored applications (quality out of
// 20, weight 60; women-led 40): Zarbia 16 + women-led = 88, Poterie 18 = 54, Argan 14 = 42,
// Figues 12 = 36, Miel 10 = 30. Zarbia's representative reads French.
func selectionEdition(t *testing.T, f *fixture) (int64, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	eid, apps, _ := reviewEdition(t, f)
	f.setCall(t, eid, true)
	apps["Coopérative Argan"], _ = f.submitApp(t, eid, org.Organisation{LegalForm: org.Cooperative,
		Name: mltext.Text{AR: "تعاونية أركان", FR: "Coopérative Argan"}, ProvinceCode: "561", Sector: taxonomy.LocalProducts})
	f.setCall(t, eid, false)
	if err := f.st.Editions().Take(ctx, eid, editions.CloseTheCall, editions.StepInput{}); err != nil {
		t.Fatal(err)
	}
	r1 := f.user(t, "jury-1", account.Grant{Role: account.Reviewer, EditionID: eid})
	r2 := f.user(t, "jury-2", account.Grant{Role: account.Reviewer, EditionID: eid})
	if _, err := f.st.AssignReviewers(ctx, eid, []int64{r1, r2}); err != nil {
		t.Fatal(err)
	}
	quality := map[string]int{"Coopérative Zarbia": 16, "Association Poterie": 18, "Coopérative Argan": 14, "Coopérative Figues": 12, "Coopérative Miel": 10}
	for name, q := range quality {
		for _, r := range []int64{r1, r2} {
			if err := f.st.SaveReview(ctx, apps[name], r, map[string]int{"quality": q}, ""); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
	a, _ := f.st.Application(ctx, apps["Coopérative Zarbia"])
	f.users["zarbia-rep"] = f.user(t, "zarbia-rep", account.Grant{Role: account.Exhibitor, OrganisationID: a.OrganisationID})
	return eid, apps
}

func TestOrganiserRunsPinsPublishesAndRefills(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid, apps := selectionEdition(t, f)
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		page := "/fr/admin/editions/" + itoa64(eid) + "/selection"
		quotas := url.Values{"stands": {"2"}, "quotas.rows": {"1"}, "quotas.1.subject": {"sector"}, "quotas.1.value": {"local_products"}, "quotas.1.min": {"1"}}

		// A dry run shows the selection and each reason, and stores nothing.
		run := url.Values{"action": {"run"}}
		for k, v := range quotas {
			run[k] = v
		}
		code, _, body := b.post(page, run)
		body = html.UnescapeString(body)
		if code != http.StatusOK {
			t.Fatalf("dry run: %d", code)
		}
		containsAll(t, "dry run", body, "Essai : rien n'a été enregistré", "Sélection optimale, prouvée.", "2 organisations sélectionnées pour 2 stands",
			"Coopérative Zarbia", "Sélectionnée avec la note 88.00", "Coopérative Argan", "Liste d'attente (rang 1)", "Secteur : Produits du terroir")
		if c, _ := st.Editions().Call(ctx, eid); len(c.Quotas) != 1 || c.Quotas[0].Value != "*" || c.Stands != 4 {
			t.Fatal("a dry run saved the quotas")
		}
		// Impossible quotas are explained, not published.
		bad := url.Values{"action": {"run"}, "stands": {"2"}, "quotas.rows": {"1"}, "quotas.1.subject": {"women_led"}, "quotas.1.min": {"2"}}
		_, _, body = b.post(page, bad)
		containsAll(t, "infeasible", html.UnescapeString(body), "Les quotas ne peuvent pas tous être respectés ensemble", "au moins 2")

		save := url.Values{"action": {"save"}}
		for k, v := range quotas {
			save[k] = v
		}
		if code, _, _ := b.post(page, save); code != http.StatusSeeOther {
			t.Fatalf("save quotas: %d", code)
		}
		// A pin needs a written justification.
		pin := url.Values{"application": {itoa64(apps["Coopérative Miel"])}, "side": {"out"}}
		if code, _, body := b.post(page+"/pins", pin); code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "justification claire") {
			i := strings.Index(body, "error")
			t.Fatalf("pin without justification: %d %s", code, html.UnescapeString(body[max(i, 0):min(len(body), i+400)]))
		}
		pin.Set("justification", "Produits non conformes constatés en 2026")
		if code, _, _ := b.post(page+"/pins", pin); code != http.StatusSeeOther {
			t.Fatalf("pin: %d", code)
		}
		// Publishing needs a confirmation; then decisions, messages and audit follow.
		publish := url.Values{"justification": {"Délibération du comité du 2 juin"}}
		if code, _, _ := b.post(page+"/publish", publish); code != http.StatusUnprocessableEntity {
			t.Fatalf("publish without confirmation: %d", code)
		}
		publish.Set("confirm", "1")
		if code, _, _ := b.post(page+"/publish", publish); code != http.StatusSeeOther {
			t.Fatalf("publish: %d", code)
		}
		// A second publication (another organiser's page, sent a moment later) is refused in words.
		if code, _, body := b.post(page+"/publish", publish); code != http.StatusConflict ||
			!strings.Contains(html.UnescapeString(body), "La sélection de cette édition a déjà été publiée") {
			t.Fatalf("second publication: %d", code)
		}
		want := map[string]application.Decision{"Coopérative Zarbia": application.Selected, "Coopérative Argan": application.Selected,
			"Association Poterie": application.Waitlisted, "Coopérative Figues": application.Waitlisted, "Coopérative Miel": application.NotSelected}
		cands, _ := st.SelectionCandidates(ctx, eid)
		for _, c := range cands {
			if want[c.Name.FR] != c.Decision {
				t.Errorf("%s: %s, want %s", c.Name.FR, c.Decision, want[c.Name.FR])
			}
		}
		if e, _ := st.Editions().Edition(ctx, eid); e.Status != fair.SelectionPublished {
			t.Fatalf("edition status %s", e.Status)
		}
		// Published, the call and its quotas are read-only: the selection page keeps the
		// stored result whatever is posted, and the call editor says why it is closed.
		other := url.Values{"action": {"run"}, "stands": {"3"}, "quotas.rows": {"1"}, "quotas.1.subject": {"sector"}, "quotas.1.value": {"handicraft"}, "quotas.1.min": {"3"}}
		code, _, body = b.post(page, other)
		body = html.UnescapeString(body)
		if code != http.StatusConflict || !strings.Contains(body, "l'appel, ses critères et ses quotas ne se modifient plus") ||
			strings.Contains(body, "Essai : rien n'a été enregistré") || !strings.Contains(body, "Secteur : Produits du terroir") {
			t.Fatalf("a published selection redrawn with posted quotas: %d", code)
		}
		code, _, body = b.post("/fr/admin/editions/"+itoa64(eid)+"/reviewers/assign", url.Values{})
		if code != http.StatusConflict || !strings.Contains(html.UnescapeString(body), "La sélection est publiée : les évaluations ne changent plus.") {
			t.Fatalf("assigning reviewers after publication: %d", code)
		}
		_, callPage := b.get("/fr/admin/editions/" + itoa64(eid) + "/call")
		if !strings.Contains(html.UnescapeString(callPage), "l'appel, ses critères et ses quotas ne se modifient plus") || !strings.Contains(callPage, "disabled") {
			t.Fatal("the call editor of a published selection is not read-only")
		}
		if code, _, _ := b.post("/fr/admin/editions/"+itoa64(eid)+"/call", callForm(time.Now().Add(-time.Hour), time.Now().Add(time.Hour))); code != http.StatusUnprocessableEntity {
			t.Fatalf("saving a published call: %d", code)
		}
		msgs, _ := st.Messages().OutboxMessages(ctx, outbox.Filter{})
		found := false
		for _, m := range msgs {
			found = found || (m.Kind == "selection_decision" && strings.Contains(m.Subject, "vous êtes sélectionnés") && strings.Contains(m.Body, "88.00"))
		}
		if !found {
			t.Fatal("Zarbia's representative got no message in French with the reason")
		}
		// The organisation's public page now lists the fair among those it took part in.
		zarbia, _ := st.Application(ctx, apps["Coopérative Zarbia"])
		_, profile := newBrowser(t, f.srv).get("/fr/catalogue/organisations/" + itoa64(zarbia.OrganisationID))
		containsAll(t, "public profile", html.UnescapeString(profile), "Salons auxquels elle a participé", "Marché itinérant 2027")
		_, fairPage := newBrowser(t, f.srv).get("/fr/fairs/" + itoa64(eid))
		containsAll(t, "fair page", html.UnescapeString(fairPage), "2 exposants", "Coopérative Zarbia", "Coopérative Argan")
		entries, _, _ := st.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "edition", RecordID: itoa64(eid), Limit: 50})
		published := false
		for _, e := range entries {
			published = published || (e.Action == audit.SelectionPublish && strings.Contains(e.After, "Délibération du comité"))
		}
		if !published {
			t.Fatal("publication not audited with its justification")
		}

		// Argan withdraws: the refill skips Poterie (it would leave local products below
		// their minimum) and proposes Figues.
		if err := st.WithdrawApplication(ctx, apps["Coopérative Argan"]); err != nil {
			t.Fatal(err)
		}
		_, body = b.get(page)
		containsAll(t, "refill", html.UnescapeString(body), "Coopérative Argan", "Remplacement proposé par la liste d'attente : Coopérative Figues")
		refill := url.Values{"withdrawn": {itoa64(apps["Coopérative Argan"])}, "replacement": {itoa64(apps["Coopérative Figues"])}}
		if code, _, _ := b.post(page+"/refill", refill); code != http.StatusSeeOther {
			t.Fatalf("refill: %d", code)
		}
		refill.Set("replacement", itoa64(apps["Association Poterie"]))
		if code, _, body := b.post(page+"/refill", refill); code != http.StatusConflict ||
			!strings.Contains(html.UnescapeString(body), "Cette place a déjà été donnée") {
			t.Fatalf("second refill of the same place: %d", code)
		}
		if a, _ := st.Application(ctx, apps["Coopérative Figues"]); a.Status != application.Submitted {
			t.Fatalf("Figues: %+v", a)
		}
		cands, _ = st.SelectionCandidates(ctx, eid)
		for _, c := range cands {
			if c.Name.FR == "Coopérative Figues" && c.Decision != application.Selected {
				t.Fatalf("Figues after the refill: %s", c.Decision)
			}
		}
		// Fairness per province, in Arabic.
		code, fairness := b.get("/ar/admin/editions/" + itoa64(eid) + "/fairness")
		if code != http.StatusOK || !strings.Contains(fairness, "صفرو") || !strings.Contains(fairness, "تازة") {
			t.Fatalf("fairness page: %d", code)
		}
	})
}
