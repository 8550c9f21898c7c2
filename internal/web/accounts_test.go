package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/password"
	"github.com/aswaq/aswaq/internal/store"
)

// browser is a client that keeps its cookies across requests, as a person's browser does.
type browser struct {
	t       *testing.T
	srv     http.Handler
	cookies map[string]*http.Cookie
}

func newBrowser(t *testing.T, srv http.Handler) *browser {
	return &browser{t: t, srv: srv, cookies: map[string]*http.Cookie{}}
}

func (b *browser) do(method, target string, form url.Values, header map[string]string) (int, http.Header, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, "http://aswaq.test"+target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.RemoteAddr = "192.0.2.10:4000"
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	rec := newRecorder()
	b.srv.ServeHTTP(rec, req)
	res := rec.Result()
	for _, c := range res.Cookies() {
		if c.MaxAge < 0 {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c
		}
	}
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, string(out)
}

func (b *browser) get(target string) (int, string) {
	code, _, body := b.do("GET", target, nil, nil)
	return code, body
}

func (b *browser) post(target string, form url.Values) (int, http.Header, string) {
	return b.do("POST", target, form, nil)
}

// setPassword gives a fixture user a real argon2id password.
func (f *fixture) setPassword(t *testing.T, role, pw string) string {
	t.Helper()
	h, err := password.Hash(pw, password.Default)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.Accounts().SetPassword(context.Background(), f.users[role], h); err != nil {
		t.Fatal(err)
	}
	u, _ := f.st.Accounts().User(context.Background(), f.users[role])
	return u.Email
}

func TestLoginLogoutAndUniformErrors(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		email := f.setPassword(t, "organiser03", "a long enough secret")
		b := newBrowser(t, f.srv)

		// Wrong password and unknown account say the same thing.
		code, _, wrong := b.post("/fr/login", url.Values{"identifier": {email}, "password": {"not the secret!"}})
		_, _, unknown := b.post("/fr/login", url.Values{"identifier": {"ghost@test.ma"}, "password": {"not the secret!"}})
		if code != http.StatusUnauthorized || !strings.Contains(wrong, "E-mail, téléphone ou mot de passe incorrect.") || !strings.Contains(unknown, "E-mail, téléphone ou mot de passe incorrect.") {
			t.Fatalf("wrong password: %d", code)
		}
		if strings.Contains(wrong, "not the secret") {
			t.Fatal("the password was sent back in the page")
		}
		if !strings.Contains(wrong, `value="`+email+`"`) {
			t.Fatal("the identifier typed was lost")
		}

		// The right password signs in, on a new session token, and goes where asked.
		before := b.cookies[sessionCookie]
		code, hdr, _ := b.post("/fr/login", url.Values{"identifier": {strings.ToUpper(email)}, "password": {"a long enough secret"}, "next": {"/fr/admin/users"}})
		if code != http.StatusSeeOther || hdr.Get("Location") != "/fr/admin/users" {
			t.Fatalf("login: %d %q", code, hdr.Get("Location"))
		}
		after := b.cookies[sessionCookie]
		if after == nil || (before != nil && before.Value == after.Value) || !after.HttpOnly || after.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie not renewed or not safe: %+v", after)
		}
		if code, body := b.get("/fr/admin/users"); code != 200 || !strings.Contains(body, "organiser03") {
			t.Fatalf("users page after login: %d", code)
		}
		// An outside address after sign-in is not followed.
		b2 := newBrowser(t, f.srv)
		_, hdr, _ = b2.post("/fr/login", url.Values{"identifier": {email}, "password": {"a long enough secret"}, "next": {"//evil.example/x"}})
		if loc := hdr.Get("Location"); loc != "/fr/account" {
			t.Fatalf("next=//evil.example followed to %q", loc)
		}

		// Signing out ends the session in the database, not only in the browser.
		stolen := *b.cookies[sessionCookie]
		b.post("/fr/logout", url.Values{})
		thief := newBrowser(t, f.srv)
		thief.cookies[sessionCookie] = &stolen
		if code, _, _ := thief.do("GET", "/fr/account", nil, nil); code != http.StatusSeeOther {
			t.Fatalf("a signed-out session still works: %d", code)
		}
	})
}

func TestLoginByPhoneAndRateLimit(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	f.srv.accountsWeb.SetLoginLimits(DefaultLoginLimits)
	ctx := context.Background()
	h, _ := password.Hash("phone holder's secret", password.Default)
	u := account.User{Name: "فاطمة", Phone: "0612-345678", Lang: "ar"}
	if err := f.st.Accounts().CreateUser(ctx, &u, h, []account.Grant{{Role: account.Exhibitor, OrganisationID: f.coop}}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, f.srv)
	if code, hdr, _ := b.post("/ar/login", url.Values{"identifier": {"٠٦ ١٢ ٣٤ ٥٦ ٧٨"}, "password": {"phone holder's secret"}}); code != http.StatusSeeOther || hdr.Get("Location") != "/ar/account" {
		t.Fatalf("phone login: %d %q", code, hdr.Get("Location"))
	}
	attacker := newBrowser(t, f.srv)
	var last int
	var body string
	for i := 0; i < 7; i++ {
		last, _, body = attacker.post("/ar/login", url.Values{"identifier": {"0612345678"}, "password": {"guess number " + string(rune('a'+i))}})
	}
	if last != http.StatusTooManyRequests || !strings.Contains(body, "محاولات كثيرة") {
		t.Fatalf("after 7 guesses: %d", last)
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	email := f.setPassword(t, "admin", "a long enough secret")
	b := newBrowser(t, f.srv)
	code, _, body := b.do("POST", "/en/login", url.Values{"identifier": {email}, "password": {"a long enough secret"}},
		map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"})
	if code != http.StatusForbidden || !strings.Contains(body, `lang="en"`) || b.cookies[sessionCookie] != nil {
		t.Fatalf("cross-site login: %d", code)
	}
	// Without Fetch metadata, an Origin that is not ours is refused too.
	code, _, _ = b.do("POST", "/en/login", url.Values{"identifier": {email}, "password": {"a long enough secret"}},
		map[string]string{"Sec-Fetch-Site": "", "Origin": "https://evil.example"})
	if code != http.StatusForbidden {
		t.Fatalf("foreign Origin: %d", code)
	}
}

var linkRe = regexp.MustCompile(`https?://\S+/(invitation|password/reset)/[A-Za-z0-9_-]{43}`)

// TestInvitationFromOrganiserToSignedIn follows an invitation from the organiser's form,
// through the outbox message in the invitee's language, to the invitee signed in.
func TestInvitationFromOrganiserToSignedIn(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		email := f.setPassword(t, "organiser03", "a long enough secret")
		org := newBrowser(t, f.srv)
		org.post("/fr/login", url.Values{"identifier": {email}, "password": {"a long enough secret"}})

		// Bad input comes back with every problem and what was typed.
		code, _, body := org.post("/fr/admin/users/invite", url.Values{"name": {"  "}, "email": {"pas-un-mail"}, "role": {"reviewer"}, "lang": {"ar"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Indiquez le nom complet.") || !strings.Contains(body, "pas-un-mail") || !strings.Contains(body, "Choisissez l&#39;édition pour ce rôle.") {
			t.Fatalf("bad invitation: %d", code)
		}
		// An organiser of Fès-Meknès cannot invite into Béni Mellal-Khénifra.
		if code, _, _ := org.post("/fr/admin/users/invite", url.Values{"name": {"X"}, "email": {"x@test.ma"}, "role": {"organiser"}, "region": {"05"}, "lang": {"fr"}}); code != http.StatusNotFound {
			t.Fatalf("invite into another region: %d", code)
		}
		code, hdr, _ := org.post("/fr/admin/users/invite", url.Values{"name": {"Khadija Alaoui"}, "email": {"khadija@region-fm.ma"}, "role": {"reviewer"}, "edition": {itoa64(f.sefrou)}, "lang": {"ar"}})
		if code != http.StatusSeeOther {
			t.Fatalf("invite: %d", code)
		}
		msgs, _ := st.Messages().OutboxMessages(ctx, outbox.Filter{Kind: "invitation"})
		var msg outbox.Message
		for _, m := range msgs {
			if m.Recipient == "khadija@region-fm.ma" {
				msg = m
			}
		}
		if msg.Lang != "ar" || msg.Subject != "دعوة إلى أسواق" || !strings.Contains(msg.Body, "عضو لجنة الانتقاء") || !strings.Contains(msg.Body, "organiser03") {
			t.Fatalf("invitation message: %+v", msg)
		}
		link := linkRe.FindString(msg.Body)
		if !strings.Contains(link, "/ar/invitation/") {
			t.Fatalf("no invitation link in %q", msg.Body)
		}
		path := link[strings.Index(link, "/ar/"):]

		invitee := newBrowser(t, f.srv)
		if code, body := invitee.get(path); code != 200 || !strings.Contains(body, "Khadija Alaoui") || !strings.Contains(body, `dir="rtl"`) {
			t.Fatalf("invitation page: %d", code)
		}
		if code, _, body := invitee.post(path, url.Values{"password": {"short"}, "confirm": {"short"}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "كلمة المرور قصيرة") {
			t.Fatalf("short password: %d", code)
		}
		if code, hdr, _ := invitee.post(path, url.Values{"password": {"شجرة الزيتون في صفرو"}, "confirm": {"شجرة الزيتون في صفرو"}}); code != http.StatusSeeOther || hdr.Get("Location") != "/ar/account" {
			t.Fatalf("accept: %d", code)
		}
		if code, body := invitee.get("/ar/account"); code != 200 || !strings.Contains(body, "عضو لجنة الانتقاء") || !strings.Contains(body, "تم حفظ كلمة المرور") {
			t.Fatalf("account after accepting: %d", code)
		}
		// The link works once.
		if code, body := newBrowser(t, f.srv).get(path); code != http.StatusNotFound || !strings.Contains(body, "الرابط غير صالح") {
			t.Fatalf("second use of the link: %d", code)
		}
		// Everything is on record, with the organiser as the actor.
		entries, _, _ := st.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "user"})
		var actions []string
		for _, e := range entries {
			actions = append(actions, e.Action+"/"+e.Actor.Name)
		}
		joined := strings.Join(actions, " ")
		if !strings.Contains(joined, "user.invite/organiser03") || !strings.Contains(joined, "user.invitation_accept/") {
			t.Fatalf("audit: %v", actions)
		}
		_ = hdr
	})
}

func TestPasswordResetSaysTheSameForUnknownAccounts(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	ctx := context.Background()
	email := f.setPassword(t, "partner03", "the old long secret")
	b := newBrowser(t, f.srv)
	_, _, known := b.post("/en/password/forgot", url.Values{"identifier": {email}})
	_, _, unknown := b.post("/en/password/forgot", url.Values{"identifier": {"nobody@test.ma"}})
	strip := func(s string) string { return strings.ReplaceAll(s, email, "X") }
	if strip(known) != strings.ReplaceAll(strip(unknown), "nobody@test.ma", "X") {
		t.Fatal("the answer differs for known and unknown accounts")
	}
	msgs, _ := f.st.Messages().OutboxMessages(ctx, outbox.Filter{Kind: "password_reset"})
	if len(msgs) != 1 || msgs[0].Recipient != email {
		t.Fatalf("reset messages: %+v", msgs)
	}
	link := linkRe.FindString(msgs[0].Body)
	path := link[strings.Index(link, "/fr/"):] // the partner reads French
	if code, _, body := b.post(path, url.Values{"password": {"a brand new secret"}, "confirm": {"a different one!!"}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "Les deux mots de passe ne sont pas identiques.") {
		t.Fatalf("mismatch: %d", code)
	}
	if code, _, _ := b.post(path, url.Values{"password": {"a brand new secret"}, "confirm": {"a brand new secret"}}); code != http.StatusSeeOther {
		t.Fatalf("reset: %d", code)
	}
	fresh := newBrowser(t, f.srv)
	if code, _, _ := fresh.post("/fr/login", url.Values{"identifier": {email}, "password": {"the old long secret"}}); code != http.StatusUnauthorized {
		t.Fatal("the old password still works")
	}
	if code, _, _ := fresh.post("/fr/login", url.Values{"identifier": {email}, "password": {"a brand new secret"}}); code != http.StatusSeeOther {
		t.Fatal("the new password does not work")
	}
}

func TestAccountLanguageAndPassword(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	email := f.setPassword(t, "agent03", "gate agent secret")
	b := newBrowser(t, f.srv)
	b.post("/fr/login", url.Values{"identifier": {email}, "password": {"gate agent secret"}})
	if code, hdr, _ := b.post("/fr/account/language", url.Values{"lang": {"ar"}}); code != http.StatusSeeOther || hdr.Get("Location") != "/ar/account" {
		t.Fatalf("language: %d", code)
	}
	if _, body := b.get("/ar/account"); !strings.Contains(body, "تم حفظ اللغة.") {
		t.Fatal("no confirmation in the new language")
	}
	if code, _, body := b.post("/ar/account/password", url.Values{"current": {"wrong one"}, "password": {"a new gate secret"}, "confirm": {"a new gate secret"}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "كلمة المرور الحالية غير صحيحة.") {
		t.Fatalf("wrong current password: %d", code)
	}
	if code, _, _ := b.post("/ar/account/password", url.Values{"current": {"gate agent secret"}, "password": {"a new gate secret"}, "confirm": {"a new gate secret"}}); code != http.StatusSeeOther {
		t.Fatalf("password change: %d", code)
	}
	u, _ := f.st.Accounts().User(context.Background(), f.users["agent03"])
	if u.Lang != "ar" {
		t.Fatalf("lang %q", u.Lang)
	}
}

// TestOrganiserSeesOnlyTheirRegion shows that an organiser of Béni Mellal-Khénifra can
// neither list, read nor change Fès-Meknès users and their history, by any URL.
func TestOrganiserSeesOnlyTheirRegion(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		fes := f.user(t, "fes-colleague", account.Grant{Role: account.Organiser, RegionCode: "03"})
		beni := f.user(t, "beni-colleague", account.Grant{Role: account.Partner, RegionCode: "05"})
		st.Accounts().SetUserActive(ctx, fes, false) // an audited change in region 03
		st.Accounts().SetUserActive(ctx, fes, true)
		gs, _ := st.Accounts().Grants(ctx, fes)

		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser05")
		_, list := b.get("/fr/admin/users")
		if strings.Contains(list, "fes-colleague") || !strings.Contains(list, "beni-colleague") {
			t.Fatal("the user list crosses regions")
		}
		if _, search := b.get("/fr/admin/users?q=fes"); strings.Contains(search, "fes-colleague") {
			t.Fatal("search crosses regions")
		}
		id := itoa64(fes)
		for _, c := range []struct{ method, path string }{
			{"GET", "/fr/admin/users/" + id},
			{"GET", "/ar/admin/users/" + id},
			{"POST", "/fr/admin/users/" + id + "/active"},
			{"POST", "/fr/admin/users/" + id + "/invitation"},
			{"POST", "/fr/admin/users/" + id + "/grants"},
			{"POST", "/fr/admin/users/" + id + "/grants/" + itoa64(gs[0].ID) + "/delete"},
		} {
			form := url.Values{"active": {"false"}, "role": {"partner"}, "region": {"05"}}
			if code, _, _ := b.do(c.method, c.path, form, nil); code != http.StatusNotFound {
				t.Errorf("%s %s: %d, want 404", c.method, c.path, code)
			}
		}
		if u, _ := st.Accounts().User(ctx, fes); !u.Active {
			t.Fatal("the Fès user was changed from Béni Mellal")
		}
		if gs2, _ := st.Accounts().Grants(ctx, fes); len(gs2) != 1 {
			t.Fatal("a grant was added or removed across regions")
		}
		_, auditPage := b.get("/fr/admin/audit?type=user&record=" + id)
		if strings.Contains(auditPage, "Désactivation") {
			t.Fatal("the audit log shows another region's entries")
		}
		// The organiser of the region does see them.
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		if _, auditPage := b.get("/fr/admin/audit?type=user&record=" + id); !strings.Contains(auditPage, "Désactivation d&#39;un compte") {
			t.Fatal("the region's organiser does not see its audit entries")
		}
		_ = beni
	})
}

func itoa64(n int64) string { return formatInt(n) }

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
