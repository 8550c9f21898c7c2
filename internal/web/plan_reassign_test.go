package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/store"
)

// standMessages returns the stand messages in the outbox, by recipient.
func standMessages(t *testing.T, st *store.Store) map[string][]outbox.Message {
	t.Helper()
	msgs, err := st.Messages().OutboxMessages(context.Background(), outbox.Filter{Kind: "stand_assignment", Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]outbox.Message{}
	for _, m := range msgs {
		out[m.Recipient] = append(out[m.Recipient], m)
	}
	return out
}

// runReport is the text of the last run's report on the editor, after the page's message
// (the flash left by the run).
func runReport(t *testing.T, b *browser, base string) string {
	t.Helper()
	code, body := b.get(base)
	if code != http.StatusOK {
		t.Fatalf("editor: %d", code)
	}
	body = html.UnescapeString(body)
	i := strings.Index(body, `id="h-assign"`)
	j := strings.Index(body[max(i, 0):], "</section>")
	if i < 0 || j < 0 {
		t.Fatal("no assignment section")
	}
	flash := regexp.MustCompile(`(?s)class="flash"[^>]*>(.*?)<`).FindStringSubmatch(body)
	if flash != nil {
		return flash[1] + "\n" + body[i:i+j]
	}
	return body[i : i+j]
}

// Running the assignment again after a withdrawal refilled from the waitlist keeps every
// placed organisation on its stand, gives the newcomer a free one, and tells only the
// newcomer; redoing everything needs a confirmation; the report names organisations, the
// one that left included, never by id.
func TestReassignmentKeepsStandsAndTellsOnlyTheChanged(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid, apps := selectionEdition(t, f)
		email := map[string]string{} // organisation (French name) → its representative's address
		for name, id := range apps {
			a, _ := st.Application(ctx, id)
			uid := f.user(t, "rep-"+itoa64(id), account.Grant{Role: account.Exhibitor, OrganisationID: a.OrganisationID})
			u, _ := st.Accounts().User(ctx, uid)
			email[name] = u.Email
		}
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		selPage := "/fr/admin/editions/" + itoa64(eid) + "/selection"
		if code, _, _ := b.post(selPage, url.Values{"action": {"save"}, "stands": {"4"}}); code != http.StatusSeeOther {
			t.Fatalf("save seats: %d", code)
		}
		if code, _, _ := b.post(selPage+"/publish", url.Values{"justification": {"Délibération du comité du 2 juin"}, "confirm": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("publish: %d", code)
		}
		// Poterie (selected) needs water, which no stand has.
		if _, err := st.Handle().Pool().ExecContext(ctx, `UPDATE applications SET answers = $1 WHERE id = $2`,
			`{"members":"14","water":"yes"}`, apps["Association Poterie"]); err != nil {
			t.Fatal(err)
		}

		base := "/fr/admin/editions/" + itoa64(eid) + "/plan"
		for _, step := range []struct {
			path string
			form url.Values
		}{
			{"/start", url.Values{"start_width": {"40"}, "start_depth": {"20"}, "start_entrance": {"s"}, "start_entrance_width": {"6"}, "start_clearance": {"3"}}},
			{"/zones", url.Values{"zone_space": {"kind:products"}, "zone_code": {"P"}, "zone_x": {"1"}, "zone_y": {"1"}, "zone_w": {"38"}, "zone_d": {"13"}}},
			{"/generate", url.Values{"gen_zone": {"P"}, "gen_w": {"3"}, "gen_d": {"3"}, "gen_aisle": {"3"}, "gen_run": {"10"}}},
		} {
			if code, _, _ := b.post(base+step.path, step.form); code != http.StatusSeeOther {
				t.Fatalf("%s: %d", step.path, code)
			}
		}
		if ep, _ := st.Plan(ctx, eid); len(ep.Plan.Stands) < 6 {
			t.Fatalf("%d stands", len(ep.Plan.Stands))
		}

		// The first run places the four selected and tells each of them its stand.
		if code, _, _ := b.post(base+"/assign", url.Values{}); code != http.StatusSeeOther {
			t.Fatalf("assign: %d", code)
		}
		first := map[string]string{}
		placed, _ := st.PlacedOrganisations(ctx, eid)
		for _, o := range placed {
			first[o.Name.FR] = o.Stand
		}
		if len(first) != 4 || first["Association Poterie"] == "" {
			t.Fatalf("first run: %v", first)
		}
		told := standMessages(t, st)
		for name, stand := range first {
			m := told[email[name]]
			if len(m) != 1 || !strings.Contains(m[0].Subject, stand) || !strings.Contains(m[0].Body, "Votre organisation a un stand") {
				t.Errorf("%s after the first run: %+v", name, m)
			}
		}
		report := runReport(t, b, base)
		containsAll(t, "first report", report, "4 organisations ont été informées", "Association Poterie a besoin d'eau")

		// Poterie withdraws: until the next run, the report still names it, never by its id.
		poterie, _ := st.Application(ctx, apps["Association Poterie"])
		if err := st.WithdrawApplication(ctx, poterie.ID); err != nil {
			t.Fatal(err)
		}
		report = runReport(t, b, base)
		bareID := regexp.MustCompile(`(^|[^0-9])` + itoa64(poterie.OrganisationID) + `([^0-9]|$)`)
		if !strings.Contains(report, "Association Poterie a besoin d'eau") || bareID.MatchString(report) {
			t.Fatalf("the report after the withdrawal: %s", report)
		}
		// Miel takes its place from the waitlist; the assignment runs again.
		refill := url.Values{"withdrawn": {itoa64(apps["Association Poterie"])}, "replacement": {itoa64(apps["Coopérative Miel"])}}
		if code, _, _ := b.post(selPage+"/refill", refill); code != http.StatusSeeOther {
			t.Fatalf("refill: %d", code)
		}
		// The organisers' view of the application that left says what became of it.
		_, withdrawn := b.get("/fr/admin/applications/" + itoa64(poterie.ID))
		containsAll(t, "withdrawn application", html.UnescapeString(withdrawn), "Non retenue", "Sélectionnée, puis retirée")
		if code, _, _ := b.post(base+"/assign", url.Values{}); code != http.StatusSeeOther {
			t.Fatalf("assign again: %d", code)
		}
		again := map[string]string{}
		placed, _ = st.PlacedOrganisations(ctx, eid)
		for _, o := range placed {
			again[o.Name.FR] = o.Stand
		}
		for name, stand := range first {
			if name != "Association Poterie" && again[name] != stand {
				t.Errorf("%s moved from %s to %s", name, stand, again[name])
			}
		}
		miel := again["Coopérative Miel"]
		if miel == "" || len(again) != 4 {
			t.Fatalf("after the refill: %v", again)
		}
		for name, stand := range again {
			if name != "Coopérative Miel" && stand == miel {
				t.Fatalf("Miel shares %s with %s", miel, name)
			}
		}
		now := standMessages(t, st)
		for name, addr := range email {
			want := len(told[addr])
			if name == "Coopérative Miel" {
				want++
			}
			if len(now[addr]) != want {
				t.Errorf("%s: %d stand messages, want %d", name, len(now[addr]), want)
			}
		}
		if m := now[email["Coopérative Miel"]]; len(m) != 1 || !strings.Contains(m[0].Body, miel) || m[0].Lang != "fr" {
			t.Fatalf("Miel's message: %+v", m)
		}
		report = runReport(t, b, base)
		containsAll(t, "second report", report, "1 organisation a été informée", "Les organisations placées ont gardé leur stand",
			"Coopérative Miel : stand "+miel)
		if strings.Contains(report, "Association Poterie") {
			t.Error("the report still names the organisation that left")
		}

		// Redoing everything needs the box ticked; then it runs and says so.
		code, _, body := b.post(base+"/assign", url.Values{"mode": {"full"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "Cochez la case pour confirmer") {
			t.Fatalf("full run without confirmation: %d", code)
		}
		if code, _, _ := b.post(base+"/assign", url.Values{"mode": {"full"}, "confirm_full": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("full run: %d", code)
		}
		containsAll(t, "full report", runReport(t, b, base), "Toutes les organisations ont été placées à nouveau")
		placed, _ = st.PlacedOrganisations(ctx, eid)
		after := standMessages(t, st)
		for _, o := range placed {
			if o.Stand == "" {
				t.Errorf("%s has no stand after the full run", o.Name.FR)
			}
			moved := o.Stand != again[o.Name.FR]
			if got := len(after[email[o.Name.FR]]) - len(now[email[o.Name.FR]]); (got == 1) != moved || got > 1 {
				t.Errorf("full run: %s moved %v, %d messages", o.Name.FR, moved, got)
			}
		}
	})
}
