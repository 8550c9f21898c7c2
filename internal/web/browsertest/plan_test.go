package browsertest

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/token"
	"github.com/aswaq/aswaq/internal/web"
)

// startPlanSite serves the demo site, whose Ouarzazate 2025 edition has a plan, with an
// invitation for an organiser of its region (Drâa-Tafilalet, 08). It returns the site, the
// invitation and the edition's id.
func startPlanSite(t *testing.T) (base, invitation string, edition int64) {
	t.Helper()
	ctx := context.Background()
	st := storetest.SQLite(t)
	labels, _ := i18n.Load()
	st.Catalogue().SetSearchLabels(web.SearchLabels(labels))
	if _, err := demo.LoadWith(ctx, st, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	editions, err := st.Editions().Editions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range editions {
		if _, err := st.Plan(ctx, e.ID); err == nil {
			edition = e.ID
		}
	}
	if edition == 0 {
		t.Fatal("the demo has no plan")
	}
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: labels})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	tok, hash := token.New()
	u := account.User{Name: "منظم جهة درعة تافيلالت", Email: "plan@aswaq.ma", Lang: i18n.AR}
	if err := st.Invite(ctx, &u, account.Grant{Role: account.Organiser, RegionCode: "08"}, hash, time.Now().Add(time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	return ts.URL, "/ar/invitation/" + tok, edition
}

// TestPlanOnAPhone: a visitor reads the public map of the Ouarzazate fair on a 360 px phone
// in Arabic and searches it; an organiser opens the plan editor and a stand's form from the
// drawing. Right to left, no sideways scrolling, no serious accessibility finding.
func TestPlanOnAPhone(t *testing.T) {
	base, invitation, edition := startPlanSite(t)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+"/ar/fairs/"+itoa(edition)+"/map")
	step(t, ctx, "public map")
	if n := eval[int](t, ctx, `document.querySelectorAll(".plan-map svg [id^='stand-']").length`); n != 175 {
		t.Fatalf("%d stands drawn, want 175", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".stand-list li").length`); n != 175 {
		t.Fatalf("%d stands listed, want 175", n)
	}
	fill(t, ctx, map[string]string{`#f-q`: "تعاونية"})
	submit(t, ctx, "form.map-search", `p[role="status"]`)
	step(t, ctx, "map search")
	// The zoom button is the script's; the drawing stays inside its frame.
	click(t, ctx, `button.plan-zoom`, `.plan-map.zoomed`)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("zoomed map: page %d px wide", w)
	}

	navigate(t, ctx, base+invitation)
	fill(t, ctx, map[string]string{`#f-password`: "نخلة عالية في ورزازات", `#f-confirm`: "نخلة عالية في ورزازات"})
	submit(t, ctx, "main form", ".flash")
	navigate(t, ctx, base+"/ar/admin/editions/"+itoa(edition)+"/plan")
	step(t, ctx, "plan editor")
	body := eval[string](t, ctx, `document.querySelector("main").innerText`)
	if !strings.Contains(body, "175") {
		t.Fatalf("plan editor:\n%s", body[:min(len(body), 600)])
	}
	click(t, ctx, `a[href*="stand=P-001"]`, `#stand-form`)
	step(t, ctx, "stand form")
}

// TestDragAStandWithTheMouse: on a desktop screen, an organiser frees the place next to
// stand P-001 (deleting P-002 through its form), then drags P-001 on the drawing towards
// it; on release the move goes through the same checks as the forms and is saved. Dragged
// onto a neighbour, the move is refused with a message naming the stand.
func TestDragAStandWithTheMouse(t *testing.T) {
	base, invitation, edition := startPlanSite(t)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+invitation)
	fill(t, ctx, map[string]string{`#f-password`: "نخلة عالية في ورزازات", `#f-confirm`: "نخلة عالية في ورزازات"})
	submit(t, ctx, "main form", ".flash")
	navigate(t, ctx, base+"/ar/admin/editions/"+itoa(edition)+"/plan?stand=P-002")
	click(t, ctx, `button[name="action"][value="delete"]`, ".flash")
	if n := eval[int](t, ctx, `document.querySelectorAll("#stand-P-002").length`); n != 0 {
		t.Fatal("P-002 still drawn after its deletion")
	}
	before := eval[string](t, ctx, `document.querySelector("#stand-P-001 rect").getAttribute("x") + "," + document.querySelector("#stand-P-001 rect").getAttribute("y")`)
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector("#stand-P-001 rect").getBoundingClientRect();
		return [r.x + r.width / 2, r.y + r.height / 2, r.width]; })()`)
	// Towards P-002's place: along the row, whichever way the row runs.
	dir := eval[[]float64](t, ctx, `(() => { const a = document.querySelector("#stand-P-001 rect").getBoundingClientRect();
		const b = document.querySelector("#stand-P-003 rect").getBoundingClientRect();
		return [Math.sign(b.x - a.x), Math.sign(b.y - a.y)]; })()`)
	x, y, step := box[0], box[1], box[2]*0.5
	buttons := func(p *input.DispatchMouseEventParams) { p.Buttons = 1 }
	// The page before the drag carries a mark, so the wait below is for the next page (the
	// previous one showed a message too).
	eval[bool](t, ctx, `(document.body.dataset.beforeDrag = "1") === "1"`)
	if err := chromedp.Do(ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, x, y),
		chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, x+dir[0]*step/2, y+dir[1]*step/2, chromedp.ButtonLeft, buttons),
		chromedp.MouseEvent(chromedp.MouseMoved, x+dir[0]*step, y+dir[1]*step, chromedp.ButtonLeft, buttons),
		chromedp.MouseEvent(chromedp.MouseReleased, x+dir[0]*step, y+dir[1]*step, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.WaitNotPresent(chromedp.CSS(`body[data-before-drag]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash, .form-error`)),
	); err != nil {
		t.Fatalf("dragging P-001: %v", err)
	}
	main := eval[string](t, ctx, `document.querySelector("main").innerText`)
	after := eval[string](t, ctx, `document.querySelector("#stand-P-001 rect").getAttribute("x") + "," + document.querySelector("#stand-P-001 rect").getAttribute("y")`)
	if eval[bool](t, ctx, `!!document.querySelector(".form-error")`) || after == before {
		t.Fatalf("the drag was not saved: %s → %s (direction %v)\n%s", before, after, dir, main[:min(len(main), 1200)])
	}
	t.Logf("P-001 dragged from %s to %s", before, after)
}
