package browsertest

import (
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
