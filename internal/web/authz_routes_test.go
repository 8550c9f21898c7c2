package web

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/imaging"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// The roles the authorization test walks, each signed in as a real user (anonymous is no
// user). Region 03 is Fès-Meknès, where the records under test live; 05 is Béni
// Mellal-Khénifra.
var testRoles = []string{"anonymous", "admin", "organiser03", "organiser05", "partner03", "reviewer03", "agent03", "exhibitor03"}

// allowed says, for every route, which roles may use it on a record of region 03. A route
// missing from this table fails the test: every new route must be thought about here.
var allowed = map[string][]string{
	"GET /{$}":                                                     testRoles,
	"GET /healthz":                                                 testRoles,
	"GET /static/{dir}/{file}":                                     testRoles,
	"/":                                                            testRoles,
	"GET /{lang}/{$}":                                              testRoles,
	"GET /{lang}/login":                                            testRoles,
	"POST /{lang}/login":                                           testRoles,
	"GET /{lang}/password/forgot":                                  testRoles,
	"POST /{lang}/password/forgot":                                 testRoles,
	"GET /{lang}/password/reset/{token}":                           testRoles,
	"POST /{lang}/password/reset/{token}":                          testRoles,
	"GET /{lang}/invitation/{token}":                               testRoles,
	"POST /{lang}/invitation/{token}":                              testRoles,
	"POST /{lang}/logout":                                          signedIn,
	"GET /{lang}/account":                                          signedIn,
	"POST /{lang}/account/language":                                signedIn,
	"POST /{lang}/account/password":                                signedIn,
	"GET /{lang}/admin/users":                                      {"admin", "organiser03", "organiser05"},
	"GET /{lang}/admin/users/invite":                               {"admin", "organiser03", "organiser05"},
	"POST /{lang}/admin/users/invite":                              {"admin", "organiser03"},
	"GET /{lang}/admin/users/{id}":                                 {"admin", "organiser03"},
	"POST /{lang}/admin/users/{id}/active":                         {"admin", "organiser03"},
	"POST /{lang}/admin/users/{id}/invitation":                     {"admin", "organiser03"},
	"POST /{lang}/admin/users/{id}/grants":                         {"admin", "organiser03"},
	"POST /{lang}/admin/users/{id}/grants/{grant}/delete":          {"admin", "organiser03"},
	"GET /{lang}/admin/audit":                                      {"admin", "organiser03", "organiser05"},
	"GET /{lang}/admin/outbox":                                     {"admin"},
	"GET /{lang}/catalogue":                                        testRoles,
	"GET /media/{name}":                                            testRoles,
	"GET /sitemap.xml":                                             testRoles,
	"GET /robots.txt":                                              testRoles,
	"GET /{lang}/catalogue/products/{id}":                          testRoles,
	"GET /{lang}/admin/organisations/{id}/products/new":            {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/organisations/{id}/products/new":           {"admin", "organiser03", "exhibitor03"},
	"GET /{lang}/admin/products/{id}":                              {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/products/{id}":                             {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/products/{id}/delete":                      {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/products/{id}/photos":                      {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/products/{id}/photos/{photo}/delete":       {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/organisations/{id}/photos":                 {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/organisations/{id}/photos/{photo}/delete":  {"admin", "organiser03", "exhibitor03"},
	"GET /{lang}/catalogue/organisations/{id}":                     testRoles,
	"GET /{lang}/admin/organisations":                              {"admin", "organiser03", "organiser05"},
	"GET /{lang}/admin/organisations/new":                          {"admin", "organiser03", "organiser05"},
	"POST /{lang}/admin/organisations/new":                         {"admin", "organiser03"},
	"GET /{lang}/admin/organisations/{id}":                         {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/organisations/{id}":                        {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/organisations/{id}/merge":                  {"admin", "organiser03"},
	"GET /{lang}/fairs":                                            testRoles,
	"GET /{lang}/fairs/{id}":                                       testRoles,
	"GET /{lang}/fairs/{id}/calendar.ics":                          testRoles,
	"GET /{lang}/admin/editions":                                   {"admin", "organiser03", "organiser05"},
	"GET /{lang}/admin/editions/new":                               {"admin", "organiser03", "organiser05"},
	"POST /{lang}/admin/editions/new":                              {"admin", "organiser03"},
	"GET /{lang}/admin/editions/{id}":                              {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}":                             {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/status":                      {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/delete":                      {"admin", "organiser03"},
	"GET /{lang}/admin/tours":                                      {"admin", "organiser03", "organiser05"},
	"POST /{lang}/admin/tours":                                     {"admin", "organiser03"},
	"GET /{lang}/admin/editions/{id}/call":                         {"admin", "organiser03"},
	"GET /{lang}/fairs/{id}/apply":                                 testRoles,
	"GET /{lang}/admin/editions/{id}/selection":                    {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/selection":                   {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/selection/pins":              {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/selection/pins/{app}/delete": {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/selection/publish":           {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/selection/refill":            {"admin", "organiser03"},
	"GET /{lang}/admin/editions/{id}/fairness":                     {"admin", "organiser03"},
	"POST /{lang}/applications/{id}/people":                        {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/applications/{id}/people/{person}/delete":        {"admin", "organiser03", "exhibitor03"},
	"GET /{lang}/admin/editions/{id}/people":                       {"admin", "organiser03"},
	"POST /{lang}/fairs/{id}/apply":                                {"admin", "organiser03", "exhibitor03"},
	"GET /{lang}/fairs/{id}/apply/register":                        testRoles,
	"POST /{lang}/fairs/{id}/apply/register":                       testRoles,
	"GET /{lang}/applications":                                     signedIn,
	"GET /{lang}/applications/{id}":                                {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/applications/{id}":                               {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/applications/{id}/documents":                     {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/applications/{id}/documents/{doc}/delete":        {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/applications/{id}/submit":                        {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/applications/{id}/withdraw":                      {"admin", "organiser03", "exhibitor03"},
	"POST /{lang}/admin/editions/{id}/call":                        {"admin", "organiser03"},
	"GET /{lang}/admin/organisations/import":                       {"admin", "organiser03", "organiser05"},
	"POST /{lang}/admin/organisations/import":                      {"admin", "organiser03", "organiser05"},
	"GET /{lang}/admin/organisations/import/{upload}/columns":      {"admin", "organiser03"},
	"POST /{lang}/admin/organisations/import/{upload}/columns":     {"admin", "organiser03"},
	"GET /{lang}/admin/organisations/import/{upload}/preview":      {"admin", "organiser03"},
	"POST /{lang}/admin/organisations/import/{upload}/commit":      {"admin", "organiser03"},
	"GET /{lang}/admin/organisations/import/{upload}/done":         {"admin", "organiser03"},
	"GET /{lang}/admin/organisations/import/{upload}/rejected":     {"admin", "organiser03"},
	"GET /{lang}/admin/organisations/export":                       {"admin", "organiser03", "organiser05"},
	"GET /{lang}/admin/editions/{id}/applications":                 {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/reviewers/assign":            {"admin", "organiser03"},
	"GET /{lang}/admin/applications/{id}":                          {"admin", "organiser03"},
	"POST /{lang}/admin/applications/{id}/eligibility":             {"admin", "organiser03"},
	"GET /{lang}/documents/{id}/{doc}":                             {"admin", "organiser03", "reviewer03", "exhibitor03"},
	"GET /{lang}/review":                                           {"admin", "reviewer03"},
	"GET /{lang}/admin/editions/{id}/plan":                         {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/start":                  {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/zones":                  {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/zones/edit":             {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/outline":                {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/entrances":              {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/generate":               {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/stands":                 {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/renumber":               {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/practical":              {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/assign":                 {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/pins":                   {"admin", "organiser03"},
	"POST /{lang}/admin/editions/{id}/plan/pins/delete":            {"admin", "organiser03"},
	"GET /{lang}/admin/editions/{id}/plan/print":                   {"admin", "organiser03"},
	"GET /{lang}/admin/editions/{id}/plan/list":                    {"admin", "organiser03"},
	"GET /{lang}/admin/editions/{id}/plan/stands.xlsx":             {"admin", "organiser03"},
	"GET /{lang}/fairs/{id}/map":                                   testRoles,
	"GET /{lang}/fairs/{id}/map.svg":                               testRoles,
	"GET /{lang}/applications/{id}/stand":                          {"admin", "organiser03", "exhibitor03"},
	// Only the reviewers an application was given to read and score it (an admin too
	// passes the guard, but is no reviewer of it: 404).
	"GET /{lang}/review/{id}":           {"reviewer03"},
	"POST /{lang}/review/{id}":          {"reviewer03"},
	"POST /{lang}/review/{id}/conflict": {"reviewer03"},
}

var signedIn = testRoles[1:]

// fixture is a server with one user per role and a helper to sign requests in.
type fixture struct {
	srv     *Server
	st      *store.Store
	users   map[string]int64
	cookies map[string]*http.Cookie
	sefrou  int64 // an upcoming edition in region 03, its call open
	coop    int64 // an organisation in region 03
}

// loadDemo fills a store with the demo's fairs and its hand-written registry (the large
// generated one only slows tests). Tests start from copies of a store it filled once.
func loadDemo(ctx context.Context, st *store.Store) error {
	labels, _ := i18n.Load()
	st.Catalogue().SetSearchLabels(SearchLabels(labels))
	_, err := demo.LoadWith(ctx, st, demo.Options{})
	return err
}

// demoSQLite is a SQLite store holding the demo.
func demoSQLite(t *testing.T) *store.Store { return storetest.PreparedSQLite(t, "demo", loadDemo) }

// eachFixture runs fn on a fixture over the demo, once per engine, in parallel with the
// other tests.
func eachFixture(t *testing.T, fn func(t *testing.T, st *store.Store, f *fixture)) {
	storetest.EachPrepared(t, "demo", loadDemo, func(t *testing.T, st *store.Store) { fn(t, st, newFixture(t, st)) })
}

// newFixture serves st, which holds the demo, with one user per role.
func newFixture(t *testing.T, st *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	labels, _ := i18n.Load()
	st.Catalogue().SetSearchLabels(SearchLabels(labels))
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(ctx, Config{Store: st, Bundle: bundle, PageCacheTTL: -1, Logger: testLogger(t),
		LoginLimits: &LoginLimits{PerAccount: 1000, PerAccountBurst: 1000, PerAddress: 1000, PerAddressBurst: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{srv: srv, st: st, users: map[string]int64{}, cookies: map[string]*http.Cookie{}}
	f.sefrou = openEdition(t, st)
	orgs, _ := st.OrganisationsInRegions(ctx, false, []string{"03"}, 1)
	f.coop = orgs[0].ID
	grants := map[string]account.Grant{
		"admin":       {Role: account.Admin},
		"organiser03": {Role: account.Organiser, RegionCode: "03"},
		"organiser05": {Role: account.Organiser, RegionCode: "05"},
		"partner03":   {Role: account.Partner, RegionCode: "03"},
		"reviewer03":  {Role: account.Reviewer, EditionID: f.sefrou},
		"agent03":     {Role: account.FieldAgent, EditionID: f.sefrou},
		"exhibitor03": {Role: account.Exhibitor, OrganisationID: f.coop},
	}
	for _, role := range signedIn {
		f.users[role] = f.user(t, role, grants[role])
	}
	return f
}

// openEdition creates the 2027 mobile market of Sefrou and opens its call (from an hour
// ago to two days ahead) through the edition's own steps.
func openEdition(t *testing.T, st *store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	e := fair.Edition{Kind: fair.MobileMarket, Number: 6, RegionCode: "03", ProvinceCode: "451",
		City: mltext.Text{AR: "صفرو", FR: "Sefrou"}, Title: mltext.Text{AR: "السوق المتنقل السادس لجهة فاس-مكناس", FR: "Sixième marché itinérant de Fès-Meknès"},
		StartsOn: civil.MustNew(2027, 7, 12), EndsOn: civil.MustNew(2027, 7, 16)}
	if err := st.Editions().CreateEdition(ctx, &e); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	c := reviewCall(e.ID, now.Add(-time.Hour), now.Add(48*time.Hour))
	if err := st.Editions().SaveCall(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := st.Editions().Take(ctx, e.ID, editions.OpenTheCall, editions.StepInput{}); err != nil {
		t.Fatal(err)
	}
	return e.ID
}

// spareOrg creates an organisation of region 03 (Sefrou) and returns its id.
func (f *fixture) spareOrg(t *testing.T) int64 {
	t.Helper()
	o := org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: fmt.Sprintf("تعاونية %d", time.Now().UnixNano())},
		ProvinceCode: "451", Sector: taxonomy.Handicraft}
	if err := f.st.CreateOrganisation(context.Background(), &o); err != nil {
		t.Fatal(err)
	}
	return o.ID
}

// product adds a product to the organisation exhibitor03 represents and returns its id.
func (f *fixture) product(t *testing.T) int64 {
	t.Helper()
	p := org.Product{OrganisationID: f.coop, Name: mltext.Text{AR: "عسل السدر"}, Category: "honey", PriceMin: 25000, Unit: org.Kilogram, Available: true}
	if err := f.st.CreateProduct(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p.ID
}

// photo adds a photo to an organisation or a product and returns its id.
func (f *fixture) photo(t *testing.T, owner string, id int64) int64 {
	t.Helper()
	res, err := imaging.Process(bytes.NewReader(testJPEG(t, 640, 480)))
	if err != nil {
		t.Fatal(err)
	}
	ph, err := f.st.AddPhoto(context.Background(), owner, id, res)
	if err != nil {
		t.Fatal(err)
	}
	return ph.ID
}

// testJPEG makes a real JPEG photo of w×h pixels: a gradient, so it compresses like a photo.
func testJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// orgForm is the edit form of the organisation exhibitor03 represents, as the page fills it.
func (f *fixture) orgForm(t *testing.T) url.Values {
	t.Helper()
	o, err := f.st.Organisation(context.Background(), f.coop)
	if err != nil {
		t.Fatal(err)
	}
	v := url.Values{}
	fm := orgValues(o)
	for k, x := range fm.Values {
		v.Set(k, x)
	}
	for k, xs := range fm.Multi {
		v[k] = xs
	}
	return v
}

// user creates a user with one grant and returns its id.
func (f *fixture) user(t *testing.T, name string, g account.Grant) int64 {
	t.Helper()
	u := account.User{Name: name, Email: fmt.Sprintf("%s-%d@test.ma", name, time.Now().UnixNano()), Lang: i18n.FR}
	if err := f.st.Accounts().CreateUser(context.Background(), &u, "", []account.Grant{g}); err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// cookie returns a session cookie for a role, made by the real session manager and stored
// in the real session table.
func (f *fixture) cookie(t *testing.T, role string) *http.Cookie {
	t.Helper()
	if role == "anonymous" {
		return nil
	}
	h := f.srv.sessions.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.srv.sessions.Put(r.Context(), sessionUserID, f.users[role])
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	for _, c := range rec.Result().Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// request sends one request as a role, from the site itself (as a browser would).
func (f *fixture) request(t *testing.T, role, method, target string, form url.Values) *http.Response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if c := f.cookie(t, role); c != nil {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Result()
}

// TestEveryRouteAndRole walks every registered route with every role and checks that the
// route declares a permission and that exactly the expected roles get through.
func TestEveryRouteAndRole(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	ctx := context.Background()
	covered := 0
	for _, rt := range f.srv.routes() {
		if rt.Perm == "" {
			t.Errorf("route %q declares no permission", rt.Pattern)
			continue
		}
		want, ok := allowed[rt.Pattern]
		if !ok {
			t.Errorf("route %q is missing from the authorization table", rt.Pattern)
			continue
		}
		for _, role := range testRoles {
			// Fresh records of region 03 for each request, since requests change things.
			target := f.user(t, "target", account.Grant{Role: account.Partner, RegionCode: "03"})
			grants, _ := f.st.Accounts().Grants(ctx, target)
			rc := requestContext{user: target, grant: grants[0].ID, edition: f.sefrou, org: f.coop, spareOrg: f.spareOrg(t)}
			rc.orgForm = f.orgForm(t)
			if strings.Contains(rt.Pattern, "applications/{id}") || strings.Contains(rt.Pattern, "review/{id}") ||
				strings.Contains(rt.Pattern, "documents/{id}") || strings.HasSuffix(rt.Pattern, "/apply") ||
				strings.Contains(rt.Pattern, "/selection") || strings.Contains(rt.Pattern, "/fairness") ||
				strings.Contains(rt.Pattern, "/people") {
				rc.application, rc.doc = f.application(t)
			}
			if strings.Contains(rt.Pattern, "products") {
				rc.product = f.product(t)
			}
			if strings.Contains(rt.Pattern, "{photo}") {
				owner, id := store.PhotoOfOrganisation, f.coop
				if strings.Contains(rt.Pattern, "/products/") {
					owner, id = store.PhotoOfProduct, rc.product
				}
				rc.photo = f.photo(t, owner, id)
			}
			if strings.Contains(rt.Pattern, "{upload}") {
				// Each role's own upload of a region 03 file: only whose region it is may go on.
				rc.upload = f.upload(t, role, "03")
			}
			method, path, form := requestFor(rt.Pattern, rc)
			resp := f.request(t, role, method, path, form)
			resp.Body.Close()
			got := resp.StatusCode
			sentToLogin := got == http.StatusSeeOther && strings.Contains(resp.Header.Get("Location"), "/login?next=")
			denied := sentToLogin || (got == http.StatusNotFound && rt.Perm != authz.Public)
			shouldPass := contains(want, role)
			switch {
			case got >= 500:
				t.Errorf("%s %s as %s: status %d", method, path, role, got)
			case shouldPass && denied:
				t.Errorf("%s %s as %s: refused (%d %s), want allowed", method, path, role, got, resp.Header.Get("Location"))
			case !shouldPass && !denied:
				t.Errorf("%s %s as %s: allowed (%d), want refused", method, path, role, got)
			case !shouldPass && role == "anonymous" && !sentToLogin:
				t.Errorf("%s %s as anonymous: %d, want a redirect to sign in", method, path, got)
			}
			covered++
		}
	}
	t.Logf("authorization checked for %d route × role pairs", covered)
}

// requestContext holds the records of region 03 a request may be about.
type requestContext struct {
	user, grant, edition int64
	org                  int64  // the organisation exhibitor03 represents
	spareOrg             int64  // another organisation of region 03, for merges
	photo                int64  // a photo of org, or of product for product routes
	product              int64  // a product of org
	upload               string // an upload of the requesting user, limited to region 03
	application          int64  // org's application to the Sefrou edition
	doc                  int64  // a document of that application
	orgForm              url.Values
}

// requestFor builds a concrete request for a route pattern, with valid form data so that
// an allowed request succeeds.
func requestFor(pattern string, rc requestContext) (method, path string, form url.Values) {
	method, path, found := strings.Cut(pattern, " ")
	if !found {
		method, path = "GET", pattern
	}
	id := rc.user
	switch {
	case strings.Contains(pattern, "/organisations/{id}"):
		id = rc.org
	case strings.Contains(pattern, "/products/{id}"):
		id = rc.product
	case strings.Contains(pattern, "/editions/{id}"), strings.Contains(pattern, "/fairs/{id}"):
		id = rc.edition
	case strings.Contains(pattern, "applications/{id}"), strings.Contains(pattern, "review/{id}"), strings.Contains(pattern, "documents/{id}"):
		id = rc.application
	}
	r := strings.NewReplacer("{lang}", "fr", "{$}", "", "{id}", fmt.Sprint(id), "{grant}", fmt.Sprint(rc.grant),
		"{token}", "no-such-token", "{dir}", "css", "{file}", "missing.css",
		"{photo}", fmt.Sprint(rc.photo), "{doc}", fmt.Sprint(rc.doc), "{app}", fmt.Sprint(rc.application), "{person}", "1", "{name}", "0123456789abcdef-thumb.jpg", "{upload}", rc.upload)
	path = r.Replace(path)
	if path == "/" && pattern == "/" {
		path = "/nowhere"
	}
	if method != "POST" {
		return method, path, nil
	}
	form = url.Values{}
	switch {
	case strings.HasSuffix(pattern, "/products/new"), strings.HasSuffix(pattern, "/products/{id}"):
		form = url.Values{"name_ar": {"عسل الزعتر"}, "category": {"honey"}, "price_min": {"120"}, "unit": {"kg"}, "available": {"1"}}
	case strings.HasSuffix(pattern, "/organisations/new"), strings.HasSuffix(pattern, "/organisations/{id}"):
		form = rc.orgForm
		form.Set("not_duplicate", "1")
	case strings.HasSuffix(pattern, "/editions/new"), strings.HasSuffix(pattern, "/editions/{id}"):
		form = url.Values{"kind": {"mobile_market"}, "province": {"451"}, "city_ar": {"صفرو"}, "city_fr": {"Sefrou"},
			"title_ar": {"السوق المتنقل"}, "title_fr": {"Marché itinérant"}, "starts_on": {"2027-07-12"}, "ends_on": {"2027-07-16"}}
	case strings.HasSuffix(pattern, "/editions/{id}/call"):
		form = url.Values{"opens_at": {"2027-05-01T09:00"}, "closes_at": {"2027-05-21T23:59"}, "stands": {"52"}}
	case strings.HasSuffix(pattern, "/eligibility"):
		form = url.Values{"eligibility": {"eligible"}}
	case strings.HasSuffix(pattern, "/review/{id}"):
		form = url.Values{"score.quality": {"12"}, "comment": {"Bien"}}
	case strings.HasSuffix(pattern, "/conflict"):
		form = url.Values{"reason": {"Mon cousin"}}
	case strings.HasSuffix(pattern, "/fairs/{id}/apply"):
		form = url.Values{"organisation": {fmt.Sprint(rc.org)}}
	case strings.HasSuffix(pattern, "/applications/{id}"):
		form = url.Values{"answer.products": {"عسل"}}
	case strings.HasSuffix(pattern, "/status"):
		form = url.Values{"step": {"close_call"}} // the page that asks to confirm
	case strings.HasSuffix(pattern, "/tours"):
		form = url.Values{"region": {"03"}, "year": {"2027"}, "title_ar": {"جولة 2027"}, "title_fr": {"Tournée 2027"}}
	case strings.HasSuffix(pattern, "/merge"):
		form = url.Values{"drop": {fmt.Sprint(rc.spareOrg)}}
	case strings.HasSuffix(pattern, "/invite"):
		form = url.Values{"name": {"Invitée"}, "email": {fmt.Sprintf("inv-%d@test.ma", time.Now().UnixNano())}, "lang": {"fr"}, "role": {"organiser"}, "region": {"03"}}
	case strings.HasSuffix(pattern, "/grants"):
		form = url.Values{"role": {"reviewer"}, "edition": {fmt.Sprint(rc.edition)}}
	case strings.HasSuffix(pattern, "/active"):
		form = url.Values{"active": {"false"}}
	case strings.HasSuffix(pattern, "/language"):
		form = url.Values{"lang": {"fr"}}
	case strings.HasSuffix(pattern, "/login"), strings.HasSuffix(pattern, "/forgot"):
		form = url.Values{"identifier": {"nobody@test.ma"}, "password": {"wrong password"}}
	}
	return method, path, form
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// testLogger sends the server's log lines to the test's log, shown when a test fails.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}
