package browsertest

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/token"
	"github.com/aswaq/aswaq/internal/web"
)

// startSiteWithInvitation serves the demo site with one invited admin and returns the
// site's address and the path of the invitation link, as `aswaq user add` prints it.
func startSiteWithInvitation(t *testing.T, lang i18n.Lang) (base, invitation string) {
	t.Helper()
	ctx := context.Background()
	st := demoStore(t)
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
	u := account.User{Name: "مديرة المنصة", Email: "admin@aswaq.ma", Lang: lang}
	if err := st.Accounts().Invite(ctx, &u, account.Grant{Role: account.Admin}, hash, time.Now().Add(time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	return ts.URL, "/" + string(lang) + "/invitation/" + tok
}

func fill(t *testing.T, ctx context.Context, fields map[string]string) {
	t.Helper()
	for sel, v := range fields {
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(sel), v)); err != nil {
			t.Fatalf("typing into %s: %v", sel, err)
		}
	}
}

func submit(t *testing.T, ctx context.Context, form, waitFor string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(form+` button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS(waitFor))); err != nil {
		t.Fatalf("submitting %s: %v", form, err)
	}
}

// TestAdminJourneyInArabic: an admin invited from the command line opens the link, sets
// a password, invites an organiser and reads the audit log and outbox, all right-to-left
// and without serious accessibility findings.
func TestAdminJourneyInArabic(t *testing.T) {
	base, invitation := startSiteWithInvitation(t, i18n.AR)
	ctx := Browser(t)
	navigate(t, ctx, base+invitation)
	if dir := eval[string](t, ctx, `getComputedStyle(document.querySelector("form")).direction`); dir != "rtl" {
		t.Fatalf("the invitation form is %s", dir)
	}
	checkAccessibility(t, ctx, "invitation")
	fill(t, ctx, map[string]string{`#f-password`: "قصيرة"})
	fill(t, ctx, map[string]string{`#f-confirm`: "قصيرة"})
	submit(t, ctx, "main form", ".form-error")
	if msg := eval[string](t, ctx, `document.querySelector("#e-password").innerText`); !strings.Contains(msg, "كلمة المرور قصيرة") {
		t.Fatalf("short password message %q", msg)
	}
	checkAccessibility(t, ctx, "invitation with errors")
	fill(t, ctx, map[string]string{`#f-password`: "نخلة عالية في ورزازات", `#f-confirm`: "نخلة عالية في ورزازات"})
	submit(t, ctx, "main form", ".flash")
	if loc := eval[string](t, ctx, `location.pathname`); loc != "/ar/account" {
		t.Fatalf("after the invitation: %s", loc)
	}
	checkAccessibility(t, ctx, "account")

	navigate(t, ctx, base+"/ar/admin/users/invite")
	checkAccessibility(t, ctx, "invite form")
	fill(t, ctx, map[string]string{`#f-name`: "يوسف المنظم", `#f-email`: "youssef@region-fm.ma"})
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#f-role`), "organiser"), chromedp.SetValue(chromedp.CSS(`#f-region`), "03")); err != nil {
		t.Fatal(err)
	}
	submit(t, ctx, "main form", ".flash")
	if h1 := eval[string](t, ctx, `document.querySelector("h1").innerText`); h1 != "يوسف المنظم" {
		t.Fatalf("after inviting: %q", h1)
	}
	checkAccessibility(t, ctx, "user page")

	for _, page := range []string{"/ar/admin/users", "/ar/admin/audit", "/ar/admin/outbox", "/fr/admin/audit", "/en/admin/users", "/ar/admin/organisations", "/ar/admin/organisations/new", "/fr/admin/organisations/1"} {
		navigate(t, ctx, base+page)
		checkAccessibility(t, ctx, page)
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > eval[int](t, ctx, `window.innerWidth`) {
			t.Errorf("%s scrolls sideways", page)
		}
	}
	navigate(t, ctx, base+"/ar/admin/outbox")
	if body := eval[string](t, ctx, `document.querySelector("main").innerText`); !strings.Contains(body, "youssef@region-fm.ma") || !strings.Contains(body, "/invitation/") {
		t.Fatal("the outbox does not show the invitation waiting to be sent")
	}
	navigate(t, ctx, base+"/ar/admin/audit")
	if body := eval[string](t, ctx, `document.querySelector("main").innerText`); !strings.Contains(body, "دعوة") || !strings.Contains(body, "قبول دعوة") {
		t.Fatal("the audit log does not show the invitation and its acceptance")
	}
}

func TestSignInPagesInThreeLanguages(t *testing.T) {
	base, _ := startSiteWithInvitation(t, i18n.FR)
	ctx := Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, dir, wrong string }{
		{"ar", "rtl", "غير صحيح"}, {"fr", "ltr", "incorrect"}, {"en", "ltr", "Wrong"},
	} {
		navigate(t, ctx, base+"/"+c.lang+"/login")
		if dir := eval[string](t, ctx, `getComputedStyle(document.body).direction`); dir != c.dir {
			t.Errorf("%s: direction %s", c.lang, dir)
		}
		checkAccessibility(t, ctx, "/"+c.lang+"/login")
		fill(t, ctx, map[string]string{`#f-identifier`: "admin@aswaq.ma", `#f-password`: "not the password"})
		submit(t, ctx, "main form", ".form-error")
		if msg := eval[string](t, ctx, `document.querySelector(".form-error").innerText`); !strings.Contains(msg, c.wrong) {
			t.Errorf("%s: error %q", c.lang, msg)
		}
		if v := eval[string](t, ctx, `document.querySelector("#f-identifier").value`); v != "admin@aswaq.ma" {
			t.Errorf("%s: the identifier typed was lost (%q)", c.lang, v)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("%s: %d px wide on a 360 px phone", c.lang, w)
		}
		checkAccessibility(t, ctx, "/"+c.lang+"/login with an error")
	}
}
