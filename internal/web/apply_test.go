package web

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/store"
)

// document uploads a file with its kind, as the application page's form sends it.
func (b *browser) document(target, kind, name string, data []byte) (int, string) {
	b.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("kind", kind)
	part, _ := w.CreateFormFile("file", name)
	part.Write(data)
	w.Close()
	req, _ := http.NewRequest("POST", "http://aswaq.test"+target, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	rec := newRecorder()
	b.srv.ServeHTTP(rec, req)
	return rec.Code, html.UnescapeString(rec.Body.String())
}

// localMinute is how a datetime-local field sends a time.
const localMinute = "2006-01-02T15:04"

// callForm is the call editor's form for a call, asking for statutes (and cooperatives for
// their register extract) and one question, with a handicraft quota.
func callForm(opens, closes time.Time) url.Values {
	return url.Values{
		"opens_at": {opens.In(casablanca).Format(localMinute)}, "closes_at": {closes.In(casablanca).Format(localMinute)},
		"stands": {"52"}, "reviewers_each": {"2"},
		"documents.rows": {"2"}, "documents.1.kind": {"statutes"}, "documents.1.who": {"all"},
		"documents.2.kind": {"register_extract"}, "documents.2.who": {"cooperative"},
		"questions.rows": {"1"}, "questions.1.label_ar": {"ما المنتوجات التي ستعرضونها؟"}, "questions.1.label_fr": {"Vos produits ?"},
		"questions.1.kind": {"long_text"}, "questions.1.required": {"1"},
		"criteria.rows": {"2"}, "criteria.1.source": {"reviewers"}, "criteria.1.label_ar": {"الجودة"}, "criteria.1.label_fr": {"Qualité"},
		"criteria.1.weight": {"70"}, "criteria.1.max": {"20"}, "criteria.2.source": {"computed"}, "criteria.2.rule": {"women_led"}, "criteria.2.weight": {"30"},
		"quotas.rows": {"1"}, "quotas.1.subject": {"sector"}, "quotas.1.value": {"handicraft"}, "quotas.1.min": {"20"}, "quotas.1.max": {"30"},
	}
}

func TestOrganiserOpensACallTheRepresentativeApplies(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		eid := draftEdition(t, st)
		orgr := newBrowser(t, f.srv)
		orgr.cookies[sessionCookie] = f.cookie(t, "organiser03")
		callURL := "/ar/admin/editions/" + itoa64(eid) + "/call"
		now := time.Now()

		// The editor starts from the usual template; bad input is refused row by row.
		_, page := orgr.get(callURL)
		containsAll(t, "template", page, "جودة المنتوجات", `name="criteria.3.rule"`)
		bad := callForm(now.Add(time.Hour), now.Add(-time.Hour))
		bad.Set("quotas.1.min", "40")
		code, _, body := orgr.post(callURL, bad)
		body = html.UnescapeString(body)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "آخر أجل يسبق تاريخ فتح باب الترشيح") ||
			!strings.Contains(body, "الحصة 1: الحد الأدنى (40) أكبر من الحد الأقصى (30)") || !strings.Contains(body, "ما المنتوجات التي ستعرضونها؟") {
			t.Fatalf("bad call: %d", code)
		}
		if _, err := st.Editions().Call(ctx, eid); err == nil {
			t.Fatal("a refused call was stored")
		}
		if code, _, _ := orgr.post(callURL, callForm(now.Add(-time.Hour), now.Add(48*time.Hour))); code != http.StatusSeeOther {
			t.Fatalf("save call: %d", code)
		}
		// Saved, the call is still the council's draft: applying is refused until the
		// edition's "open the call" step, which first says what it will do.
		pub := newBrowser(t, f.srv)
		if code, _ := pub.get("/ar/fairs/" + itoa64(eid) + "/apply"); code != http.StatusNotFound {
			t.Fatalf("call page of a draft edition: %d", code)
		}
		step := "/fr/admin/editions/" + itoa64(eid) + "/status"
		code, _, body = orgr.post(step, url.Values{"step": {"open_call"}})
		if code != http.StatusOK || !strings.Contains(html.UnescapeString(body), "L'appel paraîtra sur la page publique") {
			t.Fatalf("open the call, before confirming: %d", code)
		}
		if e, _ := st.Editions().Edition(ctx, eid); e.Status != fair.Draft {
			t.Fatal("the step was taken before it was confirmed")
		}
		if code, _, _ := orgr.post(step, url.Values{"step": {"open_call"}, "confirm": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("open the call: %d", code)
		}

		// The public sees the call on the fair's page and the conditions on the call's page.
		_, fairPage := pub.get("/fr/fairs/" + itoa64(eid))
		containsAll(t, "fair page", fairPage, "Appel à candidatures ouvert jusqu", "/apply")
		_, callPage := pub.get("/ar/fairs/" + itoa64(eid) + "/apply")
		containsAll(t, "call page", html.UnescapeString(callPage), "طلب الترشيحات مفتوح إلى غاية", "النظام الأساسي", "شهادة التسجيل", "الجودة", "سجلوها وترشحوا")

		// The representative starts, is told what is missing, answers, uploads, submits.
		rep := newBrowser(t, f.srv)
		rep.cookies[sessionCookie] = f.cookie(t, "exhibitor03")
		code, hdr, body := rep.post("/ar/fairs/"+itoa64(eid)+"/apply", url.Values{"organisation": {itoa64(f.coop)}})
		if code != http.StatusSeeOther {
			t.Fatalf("start: %d %s", code, html.UnescapeString(body))
		}
		app := hdr.Get("Location")
		code, _, body = rep.post(app+"/submit", url.Values{})
		if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "الترشيح غير مكتمل") {
			t.Fatalf("incomplete submit: %d", code)
		}
		if code, body := rep.document(app+"/documents", "statutes", "statuts.pdf", []byte("\x89PNG\r\n\x1a\nxxxx")); code != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "لا يطابق اسمه") {
			t.Fatalf("disguised document: %d", code)
		}
		for _, kind := range []string{"statutes", "register_extract"} {
			if code, _ := rep.document(app+"/documents", kind, kind+".pdf", testPDF); code != http.StatusSeeOther {
				t.Fatalf("upload %s: %d", kind, code)
			}
		}
		code, _, _ = rep.post(app+"/submit", url.Values{"answer.q1": {"عسل الزعتر وزيت الزيتون"}})
		if code != http.StatusSeeOther {
			t.Fatalf("submit: %d", code)
		}
		_, page = rep.get(app)
		id := strings.TrimPrefix(app, "/ar/applications/")
		a, _ := st.Application(ctx, mustID(t, id))
		if a.Status != application.Submitted || a.Reference == "" || a.Answers["q1"] != "عسل الزعتر وزيت الزيتون" {
			t.Fatalf("stored application: %+v", a)
		}
		containsAll(t, "application page", html.UnescapeString(page), a.Reference, "مودع", "إيداع التعديلات")
		msgs, _ := st.Messages().OutboxMessages(ctx, outbox.Filter{})
		found := false
		for _, m := range msgs {
			found = found || (m.Kind == "application_receipt" && strings.Contains(m.Body, a.Reference))
		}
		if !found {
			t.Fatal("no receipt with the reference in the outbox")
		}
		// Applying again leads to the same application.
		_, hdr, _ = rep.post("/ar/fairs/"+itoa64(eid)+"/apply", url.Values{"organisation": {itoa64(f.coop)}})
		if hdr.Get("Location") != app {
			t.Fatalf("second application: %s", hdr.Get("Location"))
		}
		if _, again := rep.get(app); !strings.Contains(html.UnescapeString(again), "ولا يقبل إلا ترشيح واحد لكل هيئة") {
			t.Fatal("a second application is not refused with a message")
		}
		_, mine := rep.get("/ar/applications")
		containsAll(t, "my applications", mine, a.Reference)

		// After the deadline: a clear message, no change; withdrawal still works, once confirmed.
		if code, _, _ := orgr.post(callURL, callForm(now.Add(-72*time.Hour), now.Add(-time.Hour))); code != http.StatusSeeOther {
			t.Fatalf("close call: %d", code)
		}
		code, _, body = rep.post(app, url.Values{"answer.q1": {"شيء آخر"}})
		if code != http.StatusUnprocessableEntity && code != http.StatusConflict || !strings.Contains(html.UnescapeString(body), "انتهى آخر أجل") {
			t.Fatalf("edit after the deadline: %d", code)
		}
		if a, _ := st.Application(ctx, a.ID); a.Answers["q1"] != "عسل الزعتر وزيت الزيتون" {
			t.Fatal("answers changed after the deadline")
		}
		if code, _, _ := rep.post(app+"/withdraw", url.Values{}); code != http.StatusUnprocessableEntity {
			t.Fatalf("withdraw without confirmation: %d", code)
		}
		if code, _, _ := rep.post(app+"/withdraw", url.Values{"confirm": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("withdraw: %d", code)
		}
		if a, _ := st.Application(ctx, a.ID); a.Status != application.Withdrawn {
			t.Fatalf("status %s", a.Status)
		}
		// A submission sent after the withdrawal (from a page left open) says why it is refused.
		code, _, body = rep.post(app+"/submit", url.Values{})
		if body = html.UnescapeString(body); code != http.StatusConflict || !strings.Contains(body, "هذا الترشيح مسحوب") ||
			strings.Contains(body, "الترشيح غير مكتمل") {
			t.Fatalf("submission after the withdrawal: %d", code)
		}
	})
}

func TestNewOrganisationRegistersOnTheWay(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		now := time.Now()
		orgr := newBrowser(t, f.srv)
		orgr.cookies[sessionCookie] = f.cookie(t, "organiser03")
		cf := callForm(now.Add(-time.Hour), now.Add(48*time.Hour))
		cf["legal_forms"] = []string{"cooperative", "association"}
		if code, _, _ := orgr.post("/fr/admin/editions/"+itoa64(f.sefrou)+"/call", cf); code != http.StatusSeeOther {
			t.Fatalf("save call: %d", code)
		}
		target := "/ar/fairs/" + itoa64(f.sefrou) + "/apply/register"
		form := url.Values{"name": {"فاطمة الزهراء"}, "phone": {"0661-234567"}, "password": {"كلمة سر طويلة"}, "confirm": {"كلمة سر أخرى"},
			"legal_form": {"cooperative"}, "name_ar": {"تعاونية الوردة"}, "province": {"451"}, "sector": {"handicraft"}}
		before, _ := st.CountOrganisations(ctx)
		pub := newBrowser(t, f.srv)
		code, _, body := pub.post(target, form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, `value="تعاونية الوردة"`) || strings.Contains(body, "كلمة سر طويلة") {
			t.Fatalf("mismatched passwords: %d", code)
		}
		// A mutual may not apply to this call: nothing is stored, not even the account.
		form.Set("confirm", "كلمة سر طويلة")
		form.Set("legal_form", "mutual")
		if code, _, body := pub.post(target, form); code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "لا يشمل الشكل القانوني") {
			t.Fatalf("ineligible form: %d", code)
		}
		if n, _ := st.CountOrganisations(ctx); n != before {
			t.Fatal("an organisation was stored from a refused registration")
		}
		form.Set("legal_form", "cooperative")
		code, hdr, _ := pub.post(target, form)
		if code != http.StatusSeeOther || !strings.HasPrefix(hdr.Get("Location"), "/ar/applications/") {
			t.Fatalf("register: %d %s", code, hdr.Get("Location"))
		}
		// Signed in on the way, the new representative sees the application; the record is pending.
		code, page := pub.get(hdr.Get("Location"))
		if code != http.StatusOK || !strings.Contains(page, "تعاونية الوردة") {
			t.Fatalf("application page after registering: %d", code)
		}
		a, _ := st.Application(ctx, mustID(t, strings.TrimPrefix(hdr.Get("Location"), "/ar/applications/")))
		o, _ := st.Organisation(ctx, a.OrganisationID)
		if o.Status != org.Pending || o.Contact.Phone != "+212661234567" {
			t.Fatalf("new organisation: %+v", o)
		}
	})
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("id %q: %v", s, err)
	}
	return id
}

// TestIneligibleOrganisationIsToldWhy: a representative whose organisation the call does
// not accept is told why on the call's page, and no application is started.
func TestIneligibleOrganisationIsToldWhy(t *testing.T) {
	st := demoSQLite(t)
	f := newFixture(t, st)
	ctx := context.Background()
	orgr := newBrowser(t, f.srv)
	orgr.cookies[sessionCookie] = f.cookie(t, "organiser03")
	cf := callForm(time.Now().Add(-time.Hour), time.Now().Add(48*time.Hour))
	cf["legal_forms"] = []string{"mutual"}
	if code, _, _ := orgr.post("/fr/admin/editions/"+itoa64(f.sefrou)+"/call", cf); code != http.StatusSeeOther {
		t.Fatalf("save call: %d", code)
	}
	rep := newBrowser(t, f.srv)
	rep.cookies[sessionCookie] = f.cookie(t, "exhibitor03")
	code, _, body := rep.post("/ar/fairs/"+itoa64(f.sefrou)+"/apply", url.Values{"organisation": {itoa64(f.coop)}})
	if code != http.StatusConflict || !strings.Contains(html.UnescapeString(body), "لا يشمل الشكل القانوني لهيئتكم") {
		t.Fatalf("ineligible organisation: %d", code)
	}
	if apps, _ := st.ApplicationsOf(ctx, []int64{f.coop}); len(apps) != 0 {
		t.Fatalf("an application was started: %+v", apps)
	}
}

// draftEdition creates a draft of the 2027 Taza mobile market (region 03), with no call.
func draftEdition(t *testing.T, st *store.Store) int64 {
	t.Helper()
	e := fair.Edition{Kind: fair.MobileMarket, RegionCode: "03", ProvinceCode: "561",
		City: mltext.Text{AR: "تازة", FR: "Taza"}, Title: mltext.Text{AR: "السوق المتنقل بتازة 2027", FR: "Marché itinérant de Taza 2027"},
		StartsOn: civil.MustNew(2027, 9, 6), EndsOn: civil.MustNew(2027, 9, 10)}
	if err := st.Editions().CreateEdition(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	return e.ID
}

// TestClosedCallRefusesEveryApplicantChange: once the organisers close the call early, a
// new cooperative cannot register and apply (nothing is stored, not even the account),
// and a submitted application can no longer be changed or submitted again, only withdrawn.
// The public call page says the call closed before its announced deadline.
func TestClosedCallRefusesEveryApplicantChange(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		app, _ := f.submitApp(t, f.sefrou, org.Organisation{ID: f.coop})
		orgr := newBrowser(t, f.srv)
		orgr.cookies[sessionCookie] = f.cookie(t, "organiser03")
		if code, _, _ := orgr.post("/fr/admin/editions/"+itoa64(f.sefrou)+"/status", url.Values{"step": {"close_call"}, "confirm": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("closing the call: %d", code)
		}
		pub := newBrowser(t, f.srv)
		_, page := pub.get("/fr/fairs/" + itoa64(f.sefrou) + "/apply")
		if !strings.Contains(html.UnescapeString(page), "avant la date limite annoncée") {
			t.Fatal("the call page does not say the call closed early")
		}
		before, _ := st.CountOrganisations(ctx)
		form := url.Values{"name": {"فاطمة الزهراء"}, "phone": {"0661-234568"}, "password": {"كلمة سر طويلة"}, "confirm": {"كلمة سر طويلة"},
			"legal_form": {"cooperative"}, "name_ar": {"تعاونية الياسمين"}, "province": {"451"}, "sector": {"handicraft"}}
		code, _, body := pub.post("/ar/fairs/"+itoa64(f.sefrou)+"/apply/register", form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "أغلق المنظمون باب الترشيح") {
			t.Fatalf("registering after the call closed: %d", code)
		}
		if after, _ := st.CountOrganisations(ctx); after != before {
			t.Fatal("a refused registration stored the organisation")
		}
		if err := st.SaveAnswers(ctx, app, map[string]string{"members": "20"}); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("changing an application in review: %v", err)
		}
		if err := st.SubmitApplication(ctx, app, nil); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("submitting again in review: %v", err)
		}
		if err := st.WithdrawApplication(ctx, app); err != nil {
			t.Fatalf("withdrawing in review: %v", err)
		}
	})
}
