package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
)

// TestSelectionReasonSentencesTellOfPins: a displaced applicant's sentence says a pin took
// the place, with its justification, in every language; no placeholder is left unfilled.
func TestSelectionReasonSentencesTellOfPins(t *testing.T) {
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{}
	sc := func(v selection.Score) *selection.Score { return &v }
	rank, selected := 1, 1
	one := selection.Reason{Decision: selection.DecisionWaitlisted, Code: selection.CodeDisplacedByPin,
		Detail: &selection.Detail{Score: sc(5900), Cutoff: sc(7000), Rank: &rank,
			Pinned: []selection.PinnedIn{{ID: "7", Score: 5500, Justification: "قرار اللجنة: التعاونية الوحيدة من فجيج"}}}}
	two := one
	two.Detail = &selection.Detail{Score: sc(5900), Rank: &rank, Pinned: []selection.PinnedIn{
		{ID: "7", Score: 5500, Justification: "jury, 3 May"}, {ID: "9", Score: 4000, Justification: "host cooperative"}}}
	full := selection.Reason{Decision: selection.DecisionWaitlisted, Code: selection.CodeFlagMax,
		Detail: &selection.Detail{Score: sc(2000), Rank: &rank, Selected: &selected,
			Quota: &selection.ConstraintRef{Kind: selection.KindQuotaMax, Flag: "women_led"}}}
	want := map[i18n.Lang][3]string{
		i18n.AR: {"في لائحة الانتظار (الرتبة 1): كان ترشيحكم سينتقى بنقطتكم (59.00)، لكن المنظمين قرروا انتقاء ترشيح آخر (نقطته 55.00) بهذا التعليل: «قرار اللجنة: التعاونية الوحيدة من فجيج».",
			"بهذه التعليلات: «jury, 3 May» (النقطة 55.00)؛ «host cooperative» (النقطة 40.00).",
			"في لائحة الانتظار (الرتبة 1): بلغت «هيئات تسيرها نساء» حدها الأقصى (1). نقطتكم: 20.00."},
		i18n.FR: {"Liste d'attente (rang 1) : votre note (59.00) vous aurait valu une place, mais les organisateurs ont décidé de sélectionner une autre candidature (note 55.00) avec cette justification : « قرار اللجنة: التعاونية الوحيدة من فجيج ».",
			"avec ces justifications : « jury, 3 May » (note 55.00) ; « host cooperative » (note 40.00).",
			"Liste d'attente (rang 1) : « Organisations dirigées par des femmes » a atteint son maximum (1). Votre note : 20.00."},
		i18n.EN: {"Waitlist (rank 1): your score (59.00) would have earned you a place, but the organisers decided to select another applicant (score 55.00) with this justification: “قرار اللجنة: التعاونية الوحيدة من فجيج”.",
			"with these justifications: “jury, 3 May” (score 55.00); “host cooperative” (score 40.00).",
			"Waitlist (rank 1): “Women-led organisations” reached its maximum (1). Your score: 20.00."},
	}
	for lang, w := range want {
		l := bundle.For(lang)
		for i, r := range []selection.Reason{one, two, full} {
			got := s.reasonText(l, string(lang), r)
			if !strings.Contains(got, w[i]) || strings.ContainsAny(got, "{}") {
				t.Errorf("%s, reason %d:\n got %s\nwant %s", lang, i+1, got, w[i])
			}
		}
	}
}

// TestSelectionDisplacedApplicantIsToldOfThePin: with two stands, pinning Miel (30) in
// takes Poterie's place (54): the page and Poterie's message say so with the justification;
// Argan (42), who would have lost anyway, is told of the last selected without the pin.
func TestSelectionDisplacedApplicantIsToldOfThePin(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid, apps := selectionEdition(t, f)
		poterie, _ := st.Application(ctx, apps["Association Poterie"])
		f.user(t, "poterie-rep", account.Grant{Role: account.Exhibitor, OrganisationID: poterie.OrganisationID})
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		page := "/fr/admin/editions/" + itoa64(eid) + "/selection"
		if code, _, _ := b.post(page, url.Values{"action": {"save"}, "stands": {"2"}, "quotas.rows": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("save stands: %d", code)
		}
		const why = "Seule miellerie de la province, décision du jury du 2 juin"
		pin := url.Values{"application": {itoa64(apps["Coopérative Miel"])}, "side": {"in"}, "justification": {why}}
		if code, _, _ := b.post(page+"/pins", pin); code != http.StatusSeeOther {
			t.Fatalf("pin: %d", code)
		}
		displaced := "Liste d'attente (rang 1) : votre note (54.00) vous aurait valu une place, mais les organisateurs ont décidé de sélectionner une autre candidature (note 30.00) avec cette justification : « " + why + " »."
		_, body := b.get(page)
		body = html.UnescapeString(body)
		containsAll(t, "selection page", body, displaced, "Liste d'attente (rang 2) : tous les stands sont pris ; la dernière sélectionnée a obtenu 88.00. Votre note : 42.00.")
		if strings.Contains(body, "obtenu 30.00") {
			t.Error("the pinned score is given as the bar to reach")
		}
		publish := url.Values{"justification": {"Délibération du comité du 2 juin"}, "confirm": {"1"}}
		if code, _, _ := b.post(page+"/publish", publish); code != http.StatusSeeOther {
			t.Fatalf("publish: %d", code)
		}
		msgs, _ := st.Messages().OutboxMessages(ctx, outbox.Filter{})
		told := false
		for _, m := range msgs {
			if m.Kind == "selection_decision" && m.RecipientName == "poterie-rep" {
				told = strings.Contains(m.Body, displaced)
				if !told {
					t.Fatalf("Poterie's message does not say the pin took its place:\n%s", m.Body)
				}
			}
		}
		if !told {
			t.Fatal("no message to Poterie's representative")
		}
	})
}
