package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/i18n"
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
