package browsertest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/i18n"
)

// TestImportOnAPhone walks an import from upload to result on a 360 px phone, in Arabic,
// without serious accessibility findings on any step.
func TestImportOnAPhone(t *testing.T) {
	base, invitation := startSiteWithInvitation(t, i18n.AR)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+invitation)
	fill(t, ctx, map[string]string{`#f-password`: "نخلة عالية في ورزازات", `#f-confirm`: "نخلة عالية في ورزازات"})
	submit(t, ctx, "main form", ".flash")

	file, err := filepath.Abs("../../importer/testdata/ar-titles.csv")
	if err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, base+"/ar/admin/organisations")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[href="/ar/admin/organisations/import"]`)), chromedp.WaitVisible(chromedp.CSS(`#f-file`))); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "upload")
	submit(t, ctx, "main form", ".form-error a[href='#f-file']") // no file chosen
	step(t, ctx, "upload with an error")
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`#f-file`), []string{file})); err != nil {
		t.Fatal(err)
	}
	submit(t, ctx, "main form", "#f-col1")
	step(t, ctx, "columns")
	if v := eval[string](t, ctx, `document.querySelector("#f-col2").value`); v != "province" {
		t.Fatalf("column C proposed as %q", v)
	}
	submit(t, ctx, "main form", `form[action$="/commit"]`)
	step(t, ctx, "preview")
	if body := eval[string](t, ctx, `document.querySelector("main").innerText`); !strings.Contains(body, "«0612» ليس رقم هاتف مغربيا") {
		t.Fatal("the preview does not list the bad phone")
	}
	submit(t, ctx, "main form", ".flash")
	step(t, ctx, "result")
	if h1 := eval[string](t, ctx, `document.querySelector("h1").innerText`); h1 != "انتهى الاستيراد" {
		t.Fatalf("after the commit: %q", h1)
	}
}

// step checks the open page of an import: right to left, no sideways scrolling on the
// phone, and axe-core.
func step(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	if dir := eval[string](t, ctx, `getComputedStyle(document.querySelector("main")).direction`); dir != "rtl" {
		t.Errorf("%s: direction %s", what, dir)
	}
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("%s: %d px wide on a 360 px phone", what, w)
	}
	checkAccessibility(t, ctx, what)
}
