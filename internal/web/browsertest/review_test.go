package browsertest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/token"
	"github.com/aswaq/aswaq/internal/web"
)

// startReviewSite serves the demo site with an edition whose call has closed, one
// submitted application, and an invited reviewer it was given to. It returns the site's
// address, the invitation path and the application's id.
func startReviewSite(t *testing.T) (base, invitation string, app int64) {
	t.Helper()
	ctx := context.Background()
	st := demoStore(t)
	e := fair.Edition{Kind: fair.MobileMarket, RegionCode: "03", ProvinceCode: "451", City: mltext.Text{AR: "صفرو", FR: "Sefrou"},
		Title: mltext.Text{AR: "السوق المتنقل بصفرو", FR: "Marché itinérant de Sefrou"}, StartsOn: civil.MustNew(2027, 7, 12), EndsOn: civil.MustNew(2027, 7, 16)}
	c := call.Call{OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour), ReviewersEach: 1,
		Documents: []call.DocumentRule{{Kind: call.Statutes}},
		Questions: []call.Question{{Key: "story", Label: mltext.Text{AR: "قصة التعاونية", FR: "Histoire"}, Kind: call.LongText}},
		Criteria: []call.Criterion{{Code: "quality", Label: mltext.Text{AR: "جودة المنتوجات", FR: "Qualité"}, Weight: 60, Source: call.ByReviewers, Max: 20},
			{Code: "story", Label: mltext.Text{AR: "وضوح المشروع", FR: "Clarté"}, Weight: 20, Source: call.ByReviewers, Max: 5},
			{Code: "women", Weight: 20, Source: call.Computed, Rule: call.WomenLed}}}
	openCall(t, st, &e, c)
	c, _ = st.Editions().Call(ctx, e.ID)
	o := org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية نساء صفرو للزرابي"}, ProvinceCode: "451", Sector: taxonomy.Handicraft, WomenLed: true}
	if err := st.CreateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	a, err := st.StartApplication(ctx, e.ID, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.SaveAnswers(ctx, a.ID, map[string]string{"story": "تأسست التعاونية سنة 2015 وتضم 24 امرأة من دواوير إقليم صفرو."})
	if _, err := st.AddDocument(ctx, a.ID, call.Statutes, "النظام الأساسي.pdf", []byte("%PDF-1.4\n%%EOF\n")); err != nil {
		t.Fatal(err)
	}
	if err := st.SubmitApplication(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	c.OpensAt, c.ClosesAt = time.Now().Add(-3*time.Hour), time.Now().Add(-time.Hour)
	if err := st.Editions().SaveCall(ctx, &c); err != nil {
		t.Fatal(err)
	}
	bundle, _ := i18n.Load()
	ts := httptest.NewUnstartedServer(nil)
	ts.Start()
	t.Cleanup(ts.Close)
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle, BaseURL: ts.URL})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	tok, hash := token.New()
	u := account.User{Name: "عضو لجنة الانتقاء", Email: "reviewer@aswaq.ma", Lang: i18n.AR}
	if err := st.Accounts().Invite(ctx, &u, account.Grant{Role: account.Reviewer, EditionID: e.ID}, hash, time.Now().Add(time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AssignReviewers(ctx, e.ID, []int64{u.ID}); err != nil {
		t.Fatal(err)
	}
	return ts.URL, "/ar/invitation/" + tok, a.ID
}

// TestReviewerScoresOnAPhone: a reviewer scores an application on a 360 px phone in
// Arabic, sees an out-of-scale score refused, and every step passes axe-core.
func TestReviewerScoresOnAPhone(t *testing.T) {
	base, invitation, app := startReviewSite(t)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+invitation)
	fill(t, ctx, map[string]string{`#f-password`: "زيتون صفرو الأخضر", `#f-confirm`: "زيتون صفرو الأخضر"})
	submit(t, ctx, "main form", ".flash")
	navigate(t, ctx, base+"/ar/review")
	step(t, ctx, "review list")
	navigate(t, ctx, base+fmt.Sprintf("/ar/review/%d", app))
	step(t, ctx, "scoring page")
	fill(t, ctx, map[string]string{`#f-score\.quality`: "25", `#f-score\.story`: "4"})
	// The browser's own range check would stop the form: the server's message is tested.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("form").forEach(f => f.noValidate = true)`)); err != nil {
		t.Fatal(err)
	}
	submit(t, ctx, `form[action$="/review/`+fmt.Sprint(app)+`"]`, "#e-score\\.quality")
	step(t, ctx, "score refused")
	if msg := eval[string](t, ctx, `document.querySelector("#e-score\\.quality").innerText`); !strings.Contains(msg, "تتراوح النقطة بين 0 و20") {
		t.Fatalf("out-of-scale message %q", msg)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#f-score\.quality`), "17")); err != nil {
		t.Fatal(err)
	}
	submit(t, ctx, `form[action$="/review/`+fmt.Sprint(app)+`"]`, ".flash")
	step(t, ctx, "after scoring")
}
