package web

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/store"
)

// messagesTo returns the outbox's messages to one address.
func messagesTo(t *testing.T, st *store.Store, addr string) []outbox.Message {
	t.Helper()
	msgs, err := st.Messages().OutboxMessages(context.Background(), outbox.Filter{Recipient: addr, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

// An application found ineligible is told so at once, with the organisers' reason, in its
// representative's language, and not again by the publication. Once the selection is
// published, each applicant reads its decision (and why) on its application and its list;
// the organisers' list shows, filters and counts decisions, their view of one application
// shows it, and both exports carry it with the waitlist rank.
func TestApplicantsReadTheirDecision(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid, apps := selectionEdition(t, f)
		// A representative for each organisation: Miel's reads Arabic, the others French.
		email := map[string]string{}
		for name, id := range apps {
			a, _ := st.Application(ctx, id)
			u := account.User{Name: "rep-" + itoa64(id), Email: "rep-" + itoa64(id) + "@test.ma", Lang: i18n.FR}
			if name == "Coopérative Miel" {
				u.Lang = i18n.AR
			}
			if err := st.Accounts().CreateUser(ctx, &u, "", []account.Grant{{Role: account.Exhibitor, OrganisationID: a.OrganisationID}}); err != nil {
				t.Fatal(err)
			}
			f.users[name] = u.ID
			email[name] = u.Email
		}
		rep := func(name string) *browser {
			b := newBrowser(t, f.srv)
			b.cookies[sessionCookie] = f.cookie(t, name)
			return b
		}
		org := newBrowser(t, f.srv)
		org.cookies[sessionCookie] = f.cookie(t, "organiser03")
		miel := "/fr/admin/applications/" + itoa64(apps["Coopérative Miel"])

		// Found ineligible: Miel's representative is told, in Arabic, with the reason.
		if code, _, _ := org.post(miel+"/eligibility", url.Values{"eligibility": {"ineligible"}, "reason": {"Statuts non signés"}}); code != http.StatusSeeOther {
			t.Fatalf("ineligible: %d", code)
		}
		told := messagesTo(t, st, email["Coopérative Miel"])
		if len(told) != 1 || told[0].Kind != "eligibility" || told[0].Lang != "ar" || !strings.Contains(told[0].Subject, "غير مؤهل") ||
			!strings.Contains(told[0].Body, "Statuts non signés") || !strings.Contains(told[0].Body, "/ar/applications/"+itoa64(apps["Coopérative Miel"])) {
			t.Fatalf("Miel's message: %+v", told)
		}
		// Saving the same again tells nothing more; taking it back tells, and so does
		// finding it ineligible again.
		org.post(miel+"/eligibility", url.Values{"eligibility": {"ineligible"}, "reason": {"Statuts non signés"}})
		org.post(miel+"/eligibility", url.Values{"eligibility": {"eligible"}})
		org.post(miel+"/eligibility", url.Values{"eligibility": {"ineligible"}, "reason": {"Statuts non signés"}})
		if told = messagesTo(t, st, email["Coopérative Miel"]); len(told) != 3 || !strings.Contains(told[1].Body, "يشارك من جديد") {
			t.Fatalf("Miel's messages after the changes: %d", len(told))
		}

		// Before publication the status stays; Miel reads the finding it was told of.
		_, page := rep("Coopérative Zarbia").get("/fr/applications/" + itoa64(apps["Coopérative Zarbia"]))
		page = html.UnescapeString(page)
		if !strings.Contains(page, "Déposée") || strings.Contains(page, `id="h-decision"`) {
			t.Fatal("a decision shows before publication")
		}
		_, page = rep("Coopérative Miel").get("/ar/applications/" + itoa64(apps["Coopérative Miel"]))
		containsAll(t, "Miel before publication", html.UnescapeString(page), "مودع", "غير مؤهل", "السبب الذي قدمه المنظمون: Statuts non signés")

		// Publication: two stands. Zarbia (88) and Poterie (54) are selected, Argan (42) and
		// Figues (36) wait in that order; Miel gets no second message.
		sel := "/fr/admin/editions/" + itoa64(eid) + "/selection"
		if code, _, _ := org.post(sel, url.Values{"action": {"save"}, "stands": {"2"}}); code != http.StatusSeeOther {
			t.Fatalf("save seats: %d", code)
		}
		if code, _, _ := org.post(sel+"/publish", url.Values{"justification": {"Délibération du comité du 2 juin"}, "confirm": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("publish: %d", code)
		}
		if n := len(messagesTo(t, st, email["Coopérative Miel"])); n != 3 {
			t.Fatalf("publication told the ineligible applicant again: %d messages", n)
		}
		if m := messagesTo(t, st, email["Coopérative Figues"]); len(m) != 1 || m[0].Kind != "selection_decision" {
			t.Fatalf("Figues' messages: %+v", m)
		}

		// Each applicant reads its decision, on its application and on its list.
		for _, c := range []struct {
			name, lang string
			wants      []string
		}{
			{"Coopérative Zarbia", "fr", []string{"Sélectionnée", "Sélectionnée avec la note 88.00"}},
			{"Coopérative Figues", "fr", []string{"En liste d'attente, rang 2", "Liste d'attente (rang 2)", "Votre note : 36.00"}},
			{"Coopérative Miel", "ar", []string{"غير مؤهل", "السبب الذي قدمه المنظمون: Statuts non signés"}},
		} {
			b := rep(c.name)
			code, page := b.get("/" + c.lang + "/applications/" + itoa64(apps[c.name]))
			page = html.UnescapeString(page)
			if code != http.StatusOK {
				t.Fatalf("%s's application: %d", c.name, code)
			}
			containsAll(t, c.name+"'s application", page, append(c.wants, `id="h-decision"`)...)
			if strings.Contains(page, `class="state submitted"`) {
				t.Errorf("%s's application still says submitted", c.name)
			}
			_, list := b.get("/" + c.lang + "/applications")
			containsAll(t, c.name+"'s list", html.UnescapeString(list), c.wants...)
		}

		// The organisers' list: a decision column, a filter in the address, counts that
		// honour the other filters.
		list := "/fr/admin/editions/" + itoa64(eid) + "/applications"
		_, body := org.get(list)
		body = html.UnescapeString(body)
		containsAll(t, "list", body, "<th scope=\"col\">Décision</th>", "En liste d'attente, rang 1", "En liste d'attente, rang 2",
			`name="decision"`, "Sélectionnée (2)", "En liste d'attente (2)", "Non éligible (1)")
		_, body = org.get(list + "?decision=waitlisted")
		body = html.UnescapeString(body)
		containsAll(t, "waitlisted", body, "2 candidatures", "Coopérative Argan", "Coopérative Figues")
		if strings.Contains(body, "Coopérative Zarbia") {
			t.Error("the decision filter lets a selected application through")
		}
		_, body = org.get(list + "?province=561")
		containsAll(t, "counts with a province", html.UnescapeString(body), "Sélectionnée (0)", "En liste d'attente (2)")
		_, body = org.get(list + "?decision=ineligible")
		containsAll(t, "ineligible", html.UnescapeString(body), "1 candidature", "Coopérative Miel")

		// The organisers' view of one application; its eligibility no longer changes.
		_, body = org.get("/fr/admin/applications/" + itoa64(apps["Coopérative Figues"]))
		containsAll(t, "organiser's view", html.UnescapeString(body), "Décision", "En liste d'attente, rang 2", "l'éligibilité ne change plus")
		if code, _, _ := org.post(miel+"/eligibility", url.Values{"eligibility": {"eligible"}}); code != http.StatusConflict {
			t.Fatalf("eligibility after publication: %d", code)
		}

		// Exports: the decision and the waitlist rank, in CSV and in Excel.
		_, _, csv := org.do("GET", list+"?format=csv", nil, nil)
		lines := strings.Split(strings.TrimSpace(csv), "\n")
		header := strings.Split(lines[0], ";")
		di, ri := slices.Index(header, "Décision"), slices.Index(header, "Rang en liste d'attente")
		if di < 0 || ri != di+1 {
			t.Fatalf("csv header: %v", header)
		}
		found := false
		for _, l := range lines[1:] {
			cells := strings.Split(l, ";")
			found = found || (strings.Contains(l, "Coopérative Figues") && cells[di] == "En liste d'attente" && cells[ri] == "2")
		}
		if !found {
			t.Fatalf("csv: no waitlisted Figues with its rank\n%s", csv)
		}
		_, _, xlsx := org.do("GET", strings.Replace(list, "/fr/", "/ar/", 1)+"?format=xlsx", nil, nil)
		book, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx)))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := book.GetRows(book.GetSheetList()[0])
		di = slices.Index(rows[0], "القرار")
		if di < 0 || rows[0][di+1] != "الرتبة في لائحة الانتظار" {
			t.Fatalf("xlsx header: %v", rows[0])
		}
		ranks := 0
		for _, r := range rows[1:] {
			if len(r) > di+1 && r[di] == "في لائحة الانتظار" && (r[di+1] == "1" || r[di+1] == "2") {
				ranks++
			}
		}
		if ranks != 2 {
			t.Fatalf("xlsx: %d waitlisted rows with a rank", ranks)
		}
	})
}
