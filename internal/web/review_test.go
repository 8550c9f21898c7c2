package web

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

var testPDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

// reviewCall is a call asking for statutes and the number of members, scored on quality
// by the committee (out of 20, weight 60) and on women's leadership by computation (40).
func reviewCall(editionID int64, opens, closes time.Time) call.Call {
	return call.Call{EditionID: editionID, OpensAt: opens, ClosesAt: closes,
		Documents: []call.DocumentRule{{Kind: call.Statutes}},
		Questions: []call.Question{{Key: "members", Label: mltext.Text{AR: "عدد الأعضاء", FR: "Nombre de membres"}, Kind: call.Number, Required: true}},
		Criteria: []call.Criterion{{Code: "quality", Label: mltext.Text{AR: "جودة المنتوجات", FR: "Qualité des produits"}, Weight: 60, Source: call.ByReviewers, Max: 20},
			{Code: "women", Weight: 40, Source: call.Computed, Rule: call.WomenLed}},
		Quotas: []selection.Quota{{Attr: "sector", Value: "*", Max: &reviewQuotaMax}}, Stands: 4}
}

var reviewQuotaMax = 10

// setCall opens the edition's call now (the edition's "open the call" step the first
// time), or closes it (an hour ago) when open is false.
func (f *fixture) setCall(t *testing.T, editionID int64, open bool) {
	t.Helper()
	now := time.Now()
	c := reviewCall(editionID, now.Add(-time.Hour), now.Add(time.Hour))
	if !open {
		c.OpensAt, c.ClosesAt = now.Add(-3*time.Hour), now.Add(-time.Hour)
	}
	ctx := context.Background()
	if err := f.st.Editions().SaveCall(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if e, _ := f.st.Editions().Edition(ctx, editionID); open && e.Status == fair.Draft {
		if err := f.st.Editions().Take(ctx, editionID, editions.OpenTheCall, editions.StepInput{}); err != nil {
			t.Fatal(err)
		}
	}
}

// submitApp creates an organisation and its submitted application; it returns the
// application and its document.
func (f *fixture) submitApp(t *testing.T, editionID int64, o org.Organisation) (app, doc int64) {
	t.Helper()
	ctx := context.Background()
	if o.ID == 0 {
		if err := f.st.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
	}
	a, err := f.st.StartApplication(ctx, editionID, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.SaveAnswers(ctx, a.ID, map[string]string{"members": "14"}); err != nil {
		t.Fatal(err)
	}
	d, err := f.st.AddDocument(ctx, a.ID, call.Statutes, "النظام الأساسي.pdf", testPDF)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.SubmitApplication(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	return a.ID, d.ID
}

var fixtureApps sync.Map // *fixture → [2]int64

// application returns an application of the organisation exhibitor03 represents to the
// Sefrou edition, given to reviewer03 and a second reviewer, and its document.
func (f *fixture) application(t *testing.T) (int64, int64) {
	t.Helper()
	if v, ok := fixtureApps.Load(f); ok {
		ids := v.([2]int64)
		return ids[0], ids[1]
	}
	f.setCall(t, f.sefrou, true)
	app, doc := f.submitApp(t, f.sefrou, org.Organisation{ID: f.coop})
	f.setCall(t, f.sefrou, false)
	f.user(t, "reviewer03b", account.Grant{Role: account.Reviewer, EditionID: f.sefrou})
	if _, err := f.st.AssignReviewers(context.Background(), f.sefrou, []int64{f.users["reviewer03"], f.userID(t, "reviewer03b")}); err != nil {
		t.Fatal(err)
	}
	fixtureApps.Store(f, [2]int64{app, doc})
	return app, doc
}

// userID finds a user created by name.
func (f *fixture) userID(t *testing.T, name string) int64 {
	t.Helper()
	committee, err := f.st.EditionReviewers(context.Background(), f.sefrou)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range committee {
		if m.Name == name {
			return m.ID
		}
	}
	t.Fatalf("no user %s", name)
	return 0
}

// reviewEdition creates an edition of region 03 with a call, four submitted applications
// and its call closed; it returns the edition and the applications by name.
func reviewEdition(t *testing.T, f *fixture) (int64, map[string]int64, map[string]int64) {
	t.Helper()
	e := fair.Edition{Kind: fair.MobileMarket, RegionCode: "03", ProvinceCode: "451",
		City: mltext.Text{AR: "صفرو", FR: "Sefrou"}, Title: mltext.Text{AR: "السوق المتنقل 2027", FR: "Marché itinérant 2027"},
		StartsOn: civil.MustNew(2027, 7, 12), EndsOn: civil.MustNew(2027, 7, 16)}
	if err := f.st.Editions().CreateEdition(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	f.setCall(t, e.ID, true)
	apps, docs := map[string]int64{}, map[string]int64{}
	for _, o := range []org.Organisation{
		{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية الزربية", FR: "Coopérative Zarbia"}, ProvinceCode: "451", Sector: taxonomy.Handicraft, WomenLed: true},
		{LegalForm: org.Association, Name: mltext.Text{AR: "جمعية الخزف", FR: "Association Poterie"}, ProvinceCode: "451", Sector: taxonomy.Handicraft},
		{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية العسل", FR: "Coopérative Miel"}, ProvinceCode: "451", Sector: taxonomy.LocalProducts},
		{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية التين", FR: "Coopérative Figues"}, ProvinceCode: "561", Sector: taxonomy.LocalProducts},
	} {
		apps[o.Name.FR], docs[o.Name.FR] = f.submitApp(t, e.ID, o)
	}
	f.setCall(t, e.ID, false)
	return e.ID, apps, docs
}

func (f *fixture) reviewer(t *testing.T, name string, editionID int64) {
	t.Helper()
	f.users[name] = f.user(t, name, account.Grant{Role: account.Reviewer, EditionID: editionID})
}

func TestOrganiserChecksFiltersAssignsAndExports(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		ed, apps, docs := reviewEdition(t, f)
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		list := "/fr/admin/editions/" + idText(ed) + "/applications"

		code, body := b.get(list)
		body = html.UnescapeString(body)
		if code != http.StatusOK {
			t.Fatalf("list: %d", code)
		}
		containsAll(t, "list", body, "4 candidatures", "Coopérative Zarbia", "Coopérative Figues", "Sefrou (3)", "Taza (1)", "À vérifier")
		_, body = b.get(list + "?province=451&sector=handicraft")
		body = html.UnescapeString(body)
		containsAll(t, "filtered", body, "2 candidatures", "Coopérative Zarbia", "Association Poterie")
		if strings.Contains(body, "Coopérative Miel") || !strings.Contains(body, "Sefrou (2)") {
			t.Fatal("the filter lets other applications through, or the counts ignore the other filters")
		}

		// Eligibility: refusing needs a reason.
		miel := "/fr/admin/applications/" + idText(apps["Coopérative Miel"])
		code, _, body = b.post(miel+"/eligibility", url.Values{"eligibility": {"ineligible"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "Indiquez le motif") {
			t.Fatalf("ineligible without a reason: %d", code)
		}
		code, _, _ = b.post(miel+"/eligibility", url.Values{"eligibility": {"ineligible"}, "reason": {"Statuts non signés"}})
		if code != http.StatusSeeOther {
			t.Fatalf("ineligible with a reason: %d", code)
		}
		if a, _ := st.Application(ctx, apps["Coopérative Miel"]); a.Eligibility != application.Ineligible || a.EligibilityReason != "Statuts non signés" {
			t.Fatalf("stored: %+v", a)
		}

		// Assignment: one reviewer is too few for two each; three are enough.
		f.reviewer(t, "rev-a", ed)
		code, _, body = b.post("/fr/admin/editions/"+idText(ed)+"/reviewers/assign", url.Values{})
		if code != http.StatusConflict || !strings.Contains(html.UnescapeString(body), "Cette édition a 1 évaluateur(s) et chaque candidature en demande 2") {
			t.Fatalf("too few reviewers: %d", code)
		}
		f.reviewer(t, "rev-b", ed)
		f.reviewer(t, "rev-c", ed)
		if code, _, _ = b.post("/fr/admin/editions/"+idText(ed)+"/reviewers/assign", url.Values{}); code != http.StatusSeeOther {
			t.Fatalf("assign: %d", code)
		}
		_, body = b.get(list)
		containsAll(t, "after assigning", html.UnescapeString(body), "6 attributions faites.", "incomplète")

		// The organiser's view of one application, with its document to download.
		_, body = b.get("/fr/admin/applications/" + idText(apps["Coopérative Zarbia"]))
		containsAll(t, "application", html.UnescapeString(body), "Statuts", "Nombre de membres", "14", "rev-", "Qualité des produits", "Dirigée par des femmes")
		code, hdr, pdf := b.do("GET", "/fr/documents/"+idText(apps["Coopérative Zarbia"])+"/"+idText(docs["Coopérative Zarbia"]), nil, nil)
		if code != http.StatusOK || hdr.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(hdr.Get("Content-Disposition"), "attachment") || pdf != string(testPDF) {
			t.Fatalf("document: %d %v", code, hdr)
		}

		// Exports: CSV in UTF-8 with a BOM, XLSX right to left in Arabic.
		code, hdr, csv := b.do("GET", list+"?format=csv&province=451", nil, nil)
		if code != http.StatusOK || !strings.HasPrefix(csv, "\ufeffRéférence;Organisation;") || strings.Count(csv, "\n") != 4 ||
			!strings.Contains(csv, "Statuts non signés") || !strings.Contains(csv, "Qualité des produits") {
			t.Fatalf("csv: %d %v\n%s", code, hdr, csv)
		}
		code, _, xlsx := b.do("GET", strings.Replace(list, "/fr/", "/ar/", 1)+"?format=xlsx", nil, nil)
		book, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx)))
		if code != http.StatusOK || err != nil {
			t.Fatalf("xlsx: %d %v", code, err)
		}
		sheet := book.GetSheetList()[0]
		rows, _ := book.GetRows(sheet)
		view, _ := book.GetSheetView(sheet, -1)
		if sheet != "الترشيحات" || len(rows) != 5 || rows[0][0] != "المرجع" || view.RightToLeft == nil || !*view.RightToLeft {
			t.Fatalf("xlsx sheet %q, %d rows, %v", sheet, len(rows), rows[0])
		}
		_, audit := b.get("/fr/admin/audit?type=edition&id=" + idText(ed))
		containsAll(t, "audit", html.UnescapeString(audit), "Candidatures réparties entre les évaluateurs")
	})
}

func TestReviewerScoresAndDeclaresAConflict(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		ed, apps, _ := reviewEdition(t, f)
		for _, name := range []string{"rev-a", "rev-b", "rev-c"} {
			f.reviewer(t, name, ed)
		}
		if _, err := st.AssignReviewers(ctx, ed, []int64{f.users["rev-a"], f.users["rev-b"], f.users["rev-c"]}); err != nil {
			t.Fatal(err)
		}
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "rev-a")
		mine, _ := st.Assignments(ctx, f.users["rev-a"])
		if len(mine) < 2 {
			t.Fatalf("rev-a has %d applications", len(mine))
		}
		code, body := b.get("/fr/review")
		if code != http.StatusOK || !strings.Contains(html.UnescapeString(body), "À évaluer ("+fmt.Sprint(len(mine))+")") {
			t.Fatalf("my list: %d", code)
		}
		first := "/fr/review/" + idText(mine[0].ApplicationID)
		_, body = b.get(first)
		containsAll(t, "scoring page", body, `name="score.quality"`, `max="20"`, "Qualité des produits", "/fr/documents/")

		code, _, body = b.post(first, url.Values{"score.quality": {"25"}, "comment": {"Très bien"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "La note va de 0 à 20") || !strings.Contains(body, "Très bien") {
			t.Fatalf("out of scale: %d", code)
		}
		code, _, body = b.post(first, url.Values{"score.quality": {"dix"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Écrivez un nombre entier") {
			t.Fatalf("not a number: %d", code)
		}
		if code, _, _ = b.post(first, url.Values{"score.quality": {"١٥"}, "comment": {"Très bien"}}); code != http.StatusSeeOther {
			t.Fatalf("score: %d", code)
		}
		rv, _ := st.Review(ctx, mine[0].ApplicationID, f.users["rev-a"])
		if !rv.Done() || rv.Scores["quality"] != 15 {
			t.Fatalf("stored review: %+v", rv)
		}
		_, body = b.get("/fr/review")
		containsAll(t, "after scoring", html.UnescapeString(body), "Évaluées (1)")

		// A conflict: a reason is required, then the application goes to the third reviewer.
		second := "/fr/review/" + idText(mine[1].ApplicationID)
		if code, _, _ = b.post(second+"/conflict", url.Values{"reason": {" "}}); code != http.StatusUnprocessableEntity {
			t.Fatalf("conflict without a reason: %d", code)
		}
		code, hdr, _ := b.post(second+"/conflict", url.Values{"reason": {"La présidente est ma tante"}})
		if code != http.StatusSeeOther || hdr.Get("Location") != second {
			t.Fatalf("conflict: %d %s", code, hdr.Get("Location"))
		}
		_, body = b.get(second)
		containsAll(t, "conflict confirmed", html.UnescapeString(body), "Conflit d'intérêts déclaré", "confiée à un autre évaluateur")
		revs, _ := st.Reviews(ctx, mine[1].ApplicationID)
		if len(revs) != 3 {
			t.Fatalf("after the conflict: %d reviews", len(revs))
		}

		// Authorization: what is not one's own looks absent.
		var other int64
		for _, id := range apps {
			if _, err := st.Review(ctx, id, f.users["rev-a"]); err != nil {
				other = id
			}
		}
		if other != 0 {
			if code, _ := b.get("/fr/review/" + idText(other)); code != http.StatusNotFound {
				t.Fatalf("an application not given to the reviewer: %d", code)
			}
		}
		if code, _ := b.get("/fr/admin/editions/" + idText(ed) + "/applications"); code != http.StatusNotFound {
			t.Fatalf("a reviewer on the organisers' list: %d", code)
		}
		stranger := newBrowser(t, f.srv)
		stranger.cookies[sessionCookie] = f.cookie(t, "reviewer03") // a reviewer of another edition
		if code, _ := stranger.get(first); code != http.StatusNotFound {
			t.Fatalf("another edition's reviewer: %d", code)
		}
		doc := "/fr/documents/" + idText(mine[0].ApplicationID) + "/1"
		if code, _ := stranger.get(doc); code != http.StatusNotFound {
			t.Fatalf("another edition's reviewer downloads: %d", code)
		}
		o5 := newBrowser(t, f.srv)
		o5.cookies[sessionCookie] = f.cookie(t, "organiser05")
		for _, u := range []string{"/fr/admin/applications/" + idText(mine[0].ApplicationID), "/fr/admin/editions/" + idText(ed) + "/applications"} {
			if code, _ := o5.get(u); code != http.StatusNotFound {
				t.Fatalf("organiser05 on %s: %d", u, code)
			}
		}
	})
}
