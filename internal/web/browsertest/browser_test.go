package browsertest

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/web"
)

// demoStore is a SQLite store with the (small) demo data set and the search labels: a copy
// of one loaded once for every test.
func demoStore(t *testing.T) *store.Store {
	t.Helper()
	st := storetest.PreparedSQLite(t, "demo", func(ctx context.Context, st *store.Store) error {
		st.Catalogue().SetSearchLabels(searchLabels())
		_, err := demo.LoadWith(ctx, st, demo.Options{})
		return err
	})
	st.Catalogue().SetSearchLabels(searchLabels())
	return st
}

func searchLabels() catalogue.SearchLabels {
	labels, _ := i18n.Load()
	return web.SearchLabels(labels)
}

// openCall saves c as the call of an upcoming edition (the 2027 Sefrou mobile market when
// e is nil) and opens it through the edition's step, as an organiser does. A call without
// quotas gets one (at most 30 per sector) and 50 stands, which opening needs.
func openCall(t *testing.T, st *store.Store, e *fair.Edition, c call.Call) int64 {
	t.Helper()
	ctx := context.Background()
	if e == nil {
		e = &fair.Edition{Kind: fair.MobileMarket, RegionCode: "03", ProvinceCode: "451", City: mltext.Text{AR: "صفرو", FR: "Sefrou"},
			Title: mltext.Text{AR: "السوق المتنقل بصفرو", FR: "Marché itinérant de Sefrou"}, StartsOn: civil.MustNew(2027, 7, 12), EndsOn: civil.MustNew(2027, 7, 16)}
	}
	if e.ID == 0 {
		if err := st.Editions().CreateEdition(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	c.EditionID = e.ID
	if len(c.Quotas) == 0 {
		most := 30
		c.Quotas = []selection.Quota{{Attr: "sector", Value: "*", Max: &most}}
	}
	if c.Stands == 0 {
		c.Stands = 50
	}
	if err := st.Editions().SaveCall(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := st.Editions().Take(ctx, e.ID, editions.OpenTheCall, editions.StepInput{}); err != nil {
		t.Fatal(err)
	}
	return e.ID
}

// startSite serves the demo site over real HTTP on a loopback port.
func startSite(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	st := demoStore(t)
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts.URL
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %q: %v", js, err)
	}
	return v
}

func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
}

// axeFinding is one accessibility rule broken on a page.
type axeFinding struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkAccessibility runs axe-core on the open page and fails on serious or critical
// findings. DevTools evaluation is not subject to the page's CSP, so axe runs even though
// the site allows no inline script.
func checkAccessibility(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	findings, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeFinding](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))})))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	for _, f := range findings {
		if f.Impact == "serious" || f.Impact == "critical" {
			t.Errorf("%s: axe %s (%s): %s at %v", what, f.ID, f.Impact, f.Help, f.Nodes)
		} else {
			t.Logf("%s: axe %s (%s): %s", what, f.ID, f.Impact, f.Help)
		}
	}
}

func TestHomeInEveryLanguage(t *testing.T) {
	base := startSite(t)
	ctx := Browser(t)
	for _, c := range []struct {
		lang, dir, heading string
	}{
		{"ar", "rtl", "أسواق"}, {"fr", "ltr", "Aswaq"}, {"en", "ltr", "Aswaq"}, {"zgh", "ltr", "ⴰⵙⵡⴰⵇ"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			navigate(t, ctx, base+"/"+c.lang+"/")
			if got := eval[string](t, ctx, `getComputedStyle(document.documentElement).direction`); got != c.dir {
				t.Errorf("computed direction %q, want %q", got, c.dir)
			}
			if got := eval[string](t, ctx, `document.documentElement.lang`); got != c.lang {
				t.Errorf("lang %q", got)
			}
			if got := eval[string](t, ctx, `document.querySelector("h1").innerText`); !strings.Contains(got, c.heading) {
				t.Errorf("h1 %q, want %q", got, c.heading)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll(".card").length`); n != 5 {
				t.Errorf("%d fairs listed, want the 5 demo fairs", n)
			}
			checkAccessibility(t, ctx, "/"+c.lang+"/")
		})
	}
	navigate(t, ctx, base+"/fr/nulle-part")
	checkAccessibility(t, ctx, "404 page")
}

func TestSwitchingLanguageIsRemembered(t *testing.T) {
	base := startSite(t)
	ctx := Browser(t)
	navigate(t, ctx, base+"/")
	if loc := eval[string](t, ctx, `location.pathname`); loc != "/ar/" {
		t.Fatalf("a browser that prefers Arabic opened %s", loc)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.lang-switch a[hreflang="fr"]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="fr"] h1`))); err != nil {
		t.Fatal(err)
	}
	if dir := eval[string](t, ctx, `getComputedStyle(document.body).direction`); dir != "ltr" {
		t.Fatalf("French page direction %q", dir)
	}
	navigate(t, ctx, base+"/")
	if loc := eval[string](t, ctx, `location.pathname`); loc != "/fr/" {
		t.Fatalf("after choosing French, / opened %s", loc)
	}
}

func TestPhoneWidthWithoutJavaScript(t *testing.T) {
	base := startSite(t)
	ctx := Browser(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
	); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range i18n.All {
		navigate(t, ctx, base+"/"+string(lang)+"/")
		// Scripts are off: the evaluation below still runs (DevTools is exempt), the page's
		// own scripts do not. The content must be there and fit the screen.
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("/%s/ is %d px wide on a 360 px phone", lang, w)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".card h4").length`); n != 5 {
			t.Errorf("/%s/ shows %d fairs without JavaScript", lang, n)
		}
		if htmx := eval[bool](t, ctx, `typeof window.htmx !== "undefined"`); htmx {
			t.Errorf("/%s/: page scripts ran although disabled", lang)
		}
	}
}
