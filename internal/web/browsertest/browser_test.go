package browsertest

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/web"
)

// demoStore is a SQLite store with the (small) demo data set and the search labels.
func demoStore(t *testing.T) *store.Store {
	t.Helper()
	st := storetest.SQLite(t)
	labels, _ := i18n.Load()
	st.SetSearchLabels(web.SearchLabels(labels))
	if _, err := demo.LoadWith(context.Background(), st, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	return st
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
