package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCatalogueOnAPhone opens the public catalogue and an organisation's page on a 360 px
// phone in every language: readable, right-to-left in Arabic, no sideways scrolling, no
// serious accessibility findings.
func TestCatalogueOnAPhone(t *testing.T) {
	base := startSite(t)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, dir string }{
		{"/ar/catalogue", "rtl"}, {"/fr/catalogue?q=miel", "ltr"}, {"/zgh/catalogue", "ltr"},
		{"/ar/catalogue/organisations/1", "rtl"}, {"/en/catalogue/organisations/2", "ltr"},
	} {
		navigate(t, ctx, base+c.path)
		if dir := eval[string](t, ctx, `getComputedStyle(document.body).direction`); dir != c.dir {
			t.Errorf("%s: direction %s", c.path, dir)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("%s: %d px wide on a 360 px phone", c.path, w)
		}
		if h1 := eval[string](t, ctx, `document.querySelector("h1").innerText`); h1 == "" {
			t.Errorf("%s: no heading", c.path)
		}
		checkAccessibility(t, ctx, c.path)
	}
}

// TestCatalogueFiltersOnAPhone uses the filters on a 360 px phone: they fold under the
// search box until opened, fit the screen when open, keep thumbnails in their cards, and
// pass axe-core with filters in use, in Arabic and in French.
func TestCatalogueFiltersOnAPhone(t *testing.T) {
	base := startSite(t)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+"/ar/catalogue")
	if open := eval[bool](t, ctx, `document.querySelector("details.filter-box").open`); open {
		t.Error("the filters are open before any is used")
	}
	if w := eval[int](t, ctx, `document.querySelector(".card-photo").getBoundingClientRect().width`); w == 0 || w > 120 {
		t.Errorf("card photo %d px wide", w)
	}
	// Open the filters and choose a region and women-led, as a visitor would, then search.
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("details.filter-box summary")),
		chromedp.SetValue(chromedp.CSS("#f-region"), "03"),
		chromedp.Click(chromedp.CSS(`input[name="women_led"]`)),
		chromedp.Click(chromedp.CSS(".filter-box button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".active-filters")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if u := eval[string](t, ctx, `location.search`); !strings.Contains(u, "region=03") || !strings.Contains(u, "women_led=1") {
		t.Errorf("the filters are not in the address: %s", u)
	}
	for _, path := range []string{"", "/fr/catalogue?kind=product&region=03&sector=local_products&category=honey&legal_form=cooperative&youth_led=1&women_led=1",
		"/fr/catalogue?province=999"} {
		if path != "" {
			navigate(t, ctx, base+path)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("%s: %d px wide on a 360 px phone", path, w)
		}
		checkAccessibility(t, ctx, "catalogue with filters "+path)
	}
}
