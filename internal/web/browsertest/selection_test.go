package browsertest

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/token"
	"github.com/aswaq/aswaq/internal/web"
)

// startSelectionSite serves the demo site with an edition in review: six submitted
// applications from three provinces, 4 stands, at most 2 per province. It returns the
// site, an admin's invitation and the selection page's path.
func startSelectionSite(t *testing.T) (base, invitation, page string) {
	t.Helper()
	ctx := context.Background()
	st := demoStore(t)
	e := fair.Edition{Kind: fair.RegionalFair, RegionCode: "03", ProvinceCode: "231", City: mltext.Text{AR: "فاس", FR: "Fès"},
		Title: mltext.Text{AR: "المعرض الجهوي الرابع", FR: "4e salon régional"}, StartsOn: civil.MustNew(2027, 10, 15), EndsOn: civil.MustNew(2027, 10, 24)}
	if err := st.Editions().CreateEdition(ctx, &e); err != nil {
		t.Fatal(err)
	}
	two := 2
	c := call.Call{EditionID: e.ID, OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour), Stands: 4,
		Criteria: []call.Criterion{{Code: "women", Weight: 100, Source: call.Computed, Rule: call.WomenLed}},
		Quotas:   []selection.Quota{{Attr: "province", Value: "*", Max: &two}}}
	if err := st.Editions().SaveCall(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := st.Editions().Take(ctx, e.ID, editions.OpenTheCall, editions.StepInput{}); err != nil {
		t.Fatal(err)
	}
	for i, p := range []string{"451", "451", "451", "561", "561", "231"} {
		o := org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية رقم " + string(rune('١'+i))}, ProvinceCode: p,
			Sector: taxonomy.Handicraft, WomenLed: i%2 == 0}
		if err := st.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		a, err := st.StartApplication(ctx, e.ID, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SubmitApplication(ctx, a.ID, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Editions().Take(ctx, e.ID, editions.CloseTheCall, editions.StepInput{}); err != nil {
		t.Fatal(err)
	}
	base, invitation = serveToOrganiser(t, st)
	return base, invitation, "/ar/admin/editions/" + itoa(e.ID) + "/selection"
}

// serveToOrganiser serves st over real HTTP with one organiser of region 03 invited, reading
// Arabic, and returns the site's address and the invitation's path.
func serveToOrganiser(t *testing.T, st *store.Store) (base, invitation string) {
	t.Helper()
	ctx := context.Background()
	bundle, _ := i18n.Load()
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	tok, hash := token.New()
	u := account.User{Name: "منظمة الجهة", Email: "organiser@aswaq.ma", Lang: i18n.AR}
	if err := st.Accounts().Invite(ctx, &u, account.Grant{Role: account.Organiser, RegionCode: "03"}, hash, time.Now().Add(time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	return ts.URL, "/ar/invitation/" + tok
}

// TestSelectionOnAPhone: an organiser opens the selection of an edition in review on a
// 360 px phone in Arabic, reads the proven result with the quota fill, runs it again, and
// opens the fairness page; no serious accessibility finding on the way.
func TestSelectionOnAPhone(t *testing.T) {
	base, invitation, page := startSelectionSite(t)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+invitation)
	fill(t, ctx, map[string]string{`#f-password`: "نخلة عالية في ورزازات", `#f-confirm`: "نخلة عالية في ورزازات"})
	submit(t, ctx, "main form", ".flash")
	navigate(t, ctx, base+page)
	step(t, ctx, "selection")
	body := eval[string](t, ctx, `document.querySelector("main").innerText`)
	if !strings.Contains(body, "انتقاء أمثل مثبت") || !strings.Contains(body, "عدد الهيئات المنتقاة: 4، من أصل 4 من الأروقة المتاحة") {
		t.Fatalf("selection page:\n%s", body)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("meter").length`); n != 3 {
		t.Fatalf("%d quota meters, want one per province", n)
	}
	click(t, ctx, `details summary`, `button[value="run"]`)
	click(t, ctx, `button[value="run"]`, `.dry-run`)
	step(t, ctx, "dry run")
	navigate(t, ctx, base+strings.Replace(page, "/selection", "/fairness", 1))
	step(t, ctx, "fairness")
}
