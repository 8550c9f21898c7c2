package browsertest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/selection"
)

// TestEditionAndCallFormsOnAPhone opens the organiser's edition form, an edition with its
// status panel, and its call editor on a 360 px phone in Arabic; each fits the screen and
// has no serious accessibility finding. Adding rows works without JavaScript's help.
func TestEditionAndCallFormsOnAPhone(t *testing.T) {
	base, invitation := startSiteWithInvitation(t, i18n.AR)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+invitation)
	fill(t, ctx, map[string]string{`#f-password`: "نخلة عالية في ورزازات", `#f-confirm`: "نخلة عالية في ورزازات"})
	submit(t, ctx, "main form", ".flash")

	navigate(t, ctx, base+"/ar/admin/editions")
	step(t, ctx, "editions")
	click(t, ctx, `a[href="/ar/admin/editions/new"]`, `#f-kind`)
	step(t, ctx, "new edition")
	click(t, ctx, `button[name="more"]`, `#f-partners\.4\.name_ar`)
	navigate(t, ctx, base+"/ar/admin/editions/1")
	step(t, ctx, "edition")
	navigate(t, ctx, base+"/ar/admin/editions/1/call")
	step(t, ctx, "call editor")
	navigate(t, ctx, base+"/ar/admin/tours")
	step(t, ctx, "tours")
}

// TestEditionStepsOnAPhone: an organiser opens the call of a draft edition and then closes
// it early, on a 360 px phone in Arabic. Each step first says what it will do and waits for
// confirmation; the early closing names the announced deadline. No serious accessibility
// finding on the way.
func TestEditionStepsOnAPhone(t *testing.T) {
	ctx0 := context.Background()
	st := demoStore(t)
	e := fair.Edition{Kind: fair.MobileMarket, RegionCode: "03", ProvinceCode: "561", City: mltext.Text{AR: "تازة", FR: "Taza"},
		Title: mltext.Text{AR: "السوق المتنقل بتازة", FR: "Marché itinérant de Taza"}, StartsOn: civil.MustNew(2027, 9, 6), EndsOn: civil.MustNew(2027, 9, 10)}
	if err := st.Editions().CreateEdition(ctx0, &e); err != nil {
		t.Fatal(err)
	}
	most := 30
	c := call.Call{EditionID: e.ID, OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(72 * time.Hour), Stands: 50,
		Criteria: []call.Criterion{{Code: "women", Weight: 100, Source: call.Computed, Rule: call.WomenLed}},
		Quotas:   []selection.Quota{{Attr: "sector", Value: "*", Max: &most}}}
	if err := st.Editions().SaveCall(ctx0, &c); err != nil {
		t.Fatal(err)
	}
	base, invitation := serveToOrganiser(t, st)

	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+invitation)
	fill(t, ctx, map[string]string{`#f-password`: "نخلة عالية في ورزازات", `#f-confirm`: "نخلة عالية في ورزازات"})
	submit(t, ctx, "main form", ".flash")
	page := base + "/ar/admin/editions/" + itoa(e.ID)
	navigate(t, ctx, page)
	step(t, ctx, "draft edition")
	click(t, ctx, `form[action$="/status"] button[type="submit"]`, `main p[role="note"]`)
	step(t, ctx, "confirm opening")
	body := eval[string](t, ctx, `document.querySelector("main").innerText`)
	if !strings.Contains(body, "سيظهر طلب الترشيحات على الصفحة العمومية") {
		t.Fatalf("the opening step does not say what it does:\n%s", body)
	}
	if got, _ := st.Editions().Edition(ctx0, e.ID); got.Status != fair.Draft {
		t.Fatal("the call opened before confirmation")
	}
	submit(t, ctx, "main form", ".flash")
	if got, _ := st.Editions().Edition(ctx0, e.ID); got.Status != fair.CallOpen {
		t.Fatalf("after confirming: %s", got.Status)
	}
	step(t, ctx, "call open")
	click(t, ctx, `form[action$="/status"] input[value="close_call"] ~ button`, `main p[role="note"]`)
	body = eval[string](t, ctx, `document.querySelector("main").innerText`)
	if !strings.Contains(body, "آخر أجل المعلن هو") {
		t.Fatalf("closing early does not name the announced deadline:\n%s", body)
	}
	submit(t, ctx, "main form", ".flash")
	if got, _ := st.Editions().Edition(ctx0, e.ID); got.Status != fair.InReview {
		t.Fatalf("after closing: %s", got.Status)
	}
	step(t, ctx, "in review")
}
