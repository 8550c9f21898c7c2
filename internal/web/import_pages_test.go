package web

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
)

// arTitles is a council's list with a title above its Arabic headers: three good rows (one
// of them already in the demo registry), one with a bad phone, ICE, date and women count
// (line 9), one in an unknown province (line 10).
const arTitles = "../importer/testdata/ar-titles.csv"

func readTestFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sendFile posts a file in the "file" field of a multipart form, with other fields, as a
// browser sends the upload form.
func (b *browser) sendFile(target, name string, data []byte, fields map[string]string) (int, http.Header, string) {
	b.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	fw, _ := w.CreateFormFile("file", name)
	fw.Write(data)
	w.Close()
	req, _ := http.NewRequest("POST", "http://aswaq.test"+target, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	rec := newRecorder()
	b.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Result().Header, rec.Body.String()
}

var uploadPath = regexp.MustCompile(`^/(ar|fr|en)/admin/organisations/import/([0-9a-f]{32})/columns$`)

// uploadFile sends a file through the upload form and returns the address of its import.
func (b *browser) uploadFile(lang, name string, data []byte, fields map[string]string) string {
	b.t.Helper()
	code, hdr, body := b.sendFile("/"+lang+"/admin/organisations/import", name, data, fields)
	m := uploadPath.FindStringSubmatch(hdr.Get("Location"))
	if code != http.StatusSeeOther || m == nil {
		b.t.Fatalf("upload of %s: %d %q\n%s", name, code, hdr.Get("Location"), html.UnescapeString(body))
	}
	return "/admin/organisations/import/" + m[2]
}

// columnsForm is the columns form as the page fills it.
func columnsForm(t *testing.T, body string) url.Values {
	t.Helper()
	v := url.Values{}
	sel := regexp.MustCompile(`(?s)<select id="f-(col\d+)" name="col\d+"[^>]*>(.*?)</select>`)
	chosen := regexp.MustCompile(`<option value="([a-z0-9_]*)" selected>`)
	for _, m := range sel.FindAllStringSubmatch(body, -1) {
		c := chosen.FindStringSubmatch(m[2])
		if c == nil {
			v.Set(m[1], "")
			continue
		}
		v.Set(m[1], c[1])
	}
	if len(v) == 0 {
		t.Fatal("no columns on the page")
	}
	return v
}

// countOf reads a count of the preview or result page.
func countOf(t *testing.T, body, label string) string {
	t.Helper()
	m := regexp.MustCompile(`<dt>` + regexp.QuoteMeta(label) + `</dt><dd>([^<]*)</dd>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no count %q on the page", label)
	}
	return m[1]
}

// upload stores a file for a role directly, with its proposed mapping confirmed (for the
// authorization walk, which needs an upload of each user).
func (f *fixture) upload(t *testing.T, role, region string) string {
	t.Helper()
	if role == "anonymous" {
		return "0123456789abcdef0123456789abcdef"
	}
	ctx := context.Background()
	data := readTestFile(t, arTitles)
	u := store.Upload{UserID: f.users[role], FileName: "ar-titles.csv", Data: data, Region: region}
	if err := f.st.SaveUpload(ctx, &u); err != nil {
		t.Fatal(err)
	}
	tb, err := importer.Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	if err := f.st.SetUploadMapping(ctx, u.ID, f.users[role], tb.Propose()); err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func TestOrganiserImportsACouncilListThroughThePages(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		before, _ := st.CountOrganisations(ctx)

		_, list := b.get("/ar/admin/organisations")
		containsAll(t, "registry list", list, `href="/ar/admin/organisations/import"`, `href="/ar/admin/organisations/export?format=xlsx"`)
		code, form := b.get("/ar/admin/organisations/import")
		if code != 200 || strings.Contains(form, `name="region"`) || !strings.Contains(form, "تُستورد الأسطر في جهتك، فاس-مكناس") {
			t.Fatalf("upload form for an organiser of one region: %d", code)
		}

		imp := b.uploadFile("ar", "لائحة التعاونيات.csv", readTestFile(t, arTitles), nil)
		_, cols := b.get("/ar" + imp + "/columns")
		containsAll(t, "columns", cols, "العمود B: اسم التعاونية", "<bdi>تعاونية الأمل للعسل</bdi>",
			`<option value="province" selected>`, `<option value="members_women" selected>`, `aria-current="step"`)
		proposed := columnsForm(t, cols)

		// Two columns for one field, then no province: refused, with the columns named.
		wrong := url.Values{}
		for k, v := range proposed {
			wrong[k] = v
		}
		wrong.Set("col2", "name")
		code, _, body := b.post("/ar"+imp+"/columns", wrong)
		body = html.UnescapeString(body)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, `<a href="#f-col1">العمودان B (اسم التعاونية) وC (الإقليم) مربوطان معا`) ||
			!strings.Contains(body, `id="f-col2" name="col2" aria-describedby="s-col2 e-col2" aria-invalid="true"`) {
			t.Fatalf("a field given twice: %d\n%s", code, body)
		}
		wrong.Set("col2", "")
		code, _, body = b.post("/fr"+imp+"/columns", wrong)
		if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "Aucune colonne trouvée pour «Préfecture ou province»") {
			t.Fatalf("no province: %d", code)
		}

		// The proposed mapping reads line 9's women count "x" as an error; leaving that
		// column out is the organiser's correction.
		proposed.Set("col9", "")
		if code, hdr, _ := b.post("/ar"+imp+"/columns", proposed); code != http.StatusSeeOther || hdr.Get("Location") != "/ar"+imp+"/preview" {
			t.Fatalf("columns saved: %d %q", code, hdr.Get("Location"))
		}
		code, prev := b.get("/ar" + imp + "/preview")
		prev = html.UnescapeString(prev)
		if code != 200 || countOf(t, prev, "هيئات جديدة ستُسجَّل") != "2" || countOf(t, prev, "هيئات ستُحيَّن بطاقاتها") != "1" ||
			countOf(t, prev, "الأسطر المرفوضة") != "2" {
			t.Fatalf("arabic preview: %d\n%s", code, prev)
		}
		containsAll(t, "arabic preview", prev, `<th scope="row">9</th><td><bdi>F (رقم الهاتف)</bdi></td><td>«0612» ليس رقم هاتف مغربيا`,
			`<th scope="row">10</th><td><bdi>C (الإقليم)</bdi></td><td>«مدينة غير معروفة» ليس عمالة أو إقليما معروفا`,
			"استيراد مقصور على جهة فاس-مكناس", `<th scope="col">السطر</th>`)
		if strings.Contains(prev, "J (عدد النساء)") {
			t.Error("the column left out is still read")
		}
		_, prevFR := b.get("/fr" + imp + "/preview")
		containsAll(t, "french preview", html.UnescapeString(prevFR), `<th scope="row">9</th><td><bdi>F (رقم الهاتف)</bdi></td><td>«0612» n'est pas un numéro de téléphone marocain`,
			`<th scope="col">Ligne</th><th scope="col">Colonne</th>`)
		if n, _ := st.CountOrganisations(ctx); n != before {
			t.Fatalf("the preview stored %d organisations", n-before)
		}

		// The rejected rows, in Arabic, open again as a registry file with their errors.
		code, hdr, xlsx := b.do("GET", "/ar"+imp+"/rejected", nil, nil)
		if code != 200 || hdr.Get("Content-Type") != xlsxType || !strings.Contains(hdr.Get("Content-Disposition"), "aswaq-rejected-") {
			t.Fatalf("rejected rows: %d %v", code, hdr)
		}
		rt, err := importer.Open(strings.NewReader(xlsx), int64(len(xlsx)))
		if err != nil {
			t.Fatal(err)
		}
		headers := rt.Headers()
		sample := rt.Sample()
		rt.Close()
		if headers[len(headers)-1] != "الأخطاء الواجب تصحيحها" || len(sample) != 2 || sample[0][1] != "تعاونية الخير" ||
			!strings.Contains(sample[0][len(headers)-1], "العمود F (رقم الهاتف)") {
			t.Fatalf("rejected file: %q %q", headers, sample)
		}

		// Commit: two created and the one the demo registry has updated, once; the import
		// is audited as the command's is.
		code, hdr, _ = b.post("/ar"+imp+"/commit", url.Values{})
		if code != http.StatusSeeOther || hdr.Get("Location") != "/ar"+imp+"/done" {
			t.Fatalf("commit: %d %q", code, hdr.Get("Location"))
		}
		_, done := b.get("/ar" + imp + "/done")
		if countOf(t, done, "هيئات سُجّلت") != "2" || countOf(t, done, "هيئات حُيّنت بطاقاتها") != "1" || !strings.Contains(done, "انتهى الاستيراد.") {
			t.Fatalf("result page:\n%s", done)
		}
		if n, _ := st.CountOrganisations(ctx); n != before+2 {
			t.Fatalf("created %d organisations", n-before)
		}
		entries, _, err := st.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "import"})
		if err != nil || len(entries) != 1 || entries[0].RecordID != "لائحة التعاونيات.csv" || entries[0].Action != store.AuditOrganisationImport || entries[0].Actor.UserID != f.users["organiser03"] {
			t.Fatalf("audit: %v %+v", err, entries)
		}

		// The same file again, through every page: nothing changes.
		again := b.uploadFile("ar", "لائحة التعاونيات.csv", readTestFile(t, arTitles), nil)
		b.post("/ar"+again+"/columns", proposed)
		_, prev = b.get("/ar" + again + "/preview")
		if countOf(t, prev, "هيئات جديدة ستُسجَّل") != "0" || countOf(t, prev, "محيَّنة من قبل (دون تغيير)") != "3" ||
			!strings.Contains(prev, "لا شيء في هذا الملف سيغير السجل.") {
			t.Fatal("the second preview would change something")
		}
		b.post("/ar"+again+"/commit", url.Values{})
		_, done = b.get("/en" + again + "/done")
		if countOf(t, done, "Organisations registered") != "0" || countOf(t, done, "Organisations updated") != "0" ||
			countOf(t, done, "Already up to date (unchanged)") != "3" {
			t.Fatalf("second import:\n%s", done)
		}
		if n, _ := st.CountOrganisations(ctx); n != before+2 {
			t.Fatalf("the second import created %d organisations", n-before-2)
		}
		if entries, _, _ := st.Audit().Entries(ctx, audit.Filter{AllRegions: true, RecordType: "import"}); len(entries) != 1 {
			t.Fatalf("an import that changed nothing was audited: %d entries", len(entries))
		}
	})
}

// registryXLSX is a French workbook with one row in region 03 (Sefrou) and one in region
// 05 (Khénifra).
func registryXLSX(t *testing.T) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	rows := [][]any{
		{"Nom", "Province", "Secteur", "Activité", "Téléphone"},
		{"تعاونية أمل صفرو", "Sefrou", "Produits du terroir", "Miel", "0612345670"},
		{"تعاونية تيغزة", "Khénifra", "Artisanat", "Tissage", "0612345671"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// An organiser's import never reaches another region: the page says so before the
// upload, and the row of the other region is rejected with the reason.
func TestImportStaysInTheOrganisersRegion(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		file := registryXLSX(t)

		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		imp := b.uploadFile("fr", "registre.xlsx", file, map[string]string{"region": "05"}) // a region not theirs is ignored
		_, cols := b.get("/fr" + imp + "/columns")
		containsAll(t, "xlsx columns", html.UnescapeString(cols), "Fichier registre.xlsx : feuille «Sheet1», en-tête à la ligne 1.")
		b.post("/fr"+imp+"/columns", columnsForm(t, cols))
		_, prev := b.get("/fr" + imp + "/preview")
		prev = html.UnescapeString(prev)
		if countOf(t, prev, "Nouvelles organisations à enregistrer") != "1" || countOf(t, prev, "Lignes rejetées") != "1" ||
			!strings.Contains(prev, `<th scope="row">3</th><td><bdi>B (Province)</bdi></td><td>La province 301 n'est pas dans la région 03, celle de cet import`) {
			t.Fatalf("region preview:\n%s", prev)
		}
		b.post("/fr"+imp+"/commit", nil)
		list, _, _ := st.ListOrganisations(ctx, store.OrgFilter{AllRegions: true, Query: "تيغزة", Limit: 5})
		if len(list) != 0 {
			t.Fatal("a row of another region was imported")
		}

		// An organiser of two regions chooses; an admin may import every region at once.
		u := account.User{Name: "organiser0305", Email: "two-regions@test.ma", Lang: i18n.FR}
		if err := st.Accounts().CreateUser(ctx, &u, "", []account.Grant{{Role: account.Organiser, RegionCode: "03"}, {Role: account.Organiser, RegionCode: "05"}}); err != nil {
			t.Fatal(err)
		}
		f.users["organiser0305"] = u.ID
		two := newBrowser(t, f.srv)
		two.cookies[sessionCookie] = f.cookie(t, "organiser0305")
		_, form := two.get("/fr/admin/organisations/import")
		containsAll(t, "two regions", form, `<select id="f-region" name="region" required`, `<option value="05">Béni Mellal-Khénifra</option>`)
		code, _, body := two.sendFile("/fr/admin/organisations/import", "registre.xlsx", file, nil)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, `<a href="#f-region">Choisissez la région de cet import.</a>`) {
			t.Fatalf("no region chosen: %d", code)
		}
		imp = two.uploadFile("fr", "registre.xlsx", file, map[string]string{"region": "05"})
		_, cols = two.get("/fr" + imp + "/columns")
		two.post("/fr"+imp+"/columns", columnsForm(t, cols))
		_, prev = two.get("/fr" + imp + "/preview")
		if countOf(t, prev, "Nouvelles organisations à enregistrer") != "1" || !strings.Contains(prev, "Import limité à la région Béni Mellal-Khénifra") {
			t.Fatalf("two regions, 05 chosen:\n%s", prev)
		}

		admin := newBrowser(t, f.srv)
		admin.cookies[sessionCookie] = f.cookie(t, "admin")
		imp = admin.uploadFile("fr", "registre.xlsx", file, map[string]string{"region": ""})
		_, cols = admin.get("/fr" + imp + "/columns")
		admin.post("/fr"+imp+"/columns", columnsForm(t, cols))
		_, prev = admin.get("/fr" + imp + "/preview")
		if countOf(t, prev, "Nouvelles organisations à enregistrer") != "1" || countOf(t, prev, "Déjà à jour (inchangées)") != "1" ||
			countOf(t, prev, "Lignes rejetées") != "0" {
			t.Fatalf("admin, every region:\n%s", prev)
		}
	})
}

func TestImportRefusesFilesItCannotRead(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	b := newBrowser(t, f.srv)
	b.cookies[sessionCookie] = f.cookie(t, "organiser03")
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"registre.csv", []byte("%PDF-1.7\n1 0 obj"), "Ce fichier est un PDF, pas un tableur."},
		{"vide.csv", nil, "Le fichier est vide"},
		{"sans-titres.csv", []byte("a;b\n1;2\n"), "Aucune ligne d'en-tête trouvée dans les 30 premières lignes."},
		{"enorme.csv", bytes.Repeat([]byte("Nom;Province\n"), maxImportBytes/13+1), "Le fichier dépasse 20 Mo."},
	} {
		code, _, body := b.sendFile("/fr/admin/organisations/import", c.name, c.data, nil)
		body = html.UnescapeString(body)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) || !strings.Contains(body, `<a href="#f-file">`) ||
			!strings.Contains(body, `aria-invalid="true"`) {
			t.Errorf("%s: %d, want 422 with %q", c.name, code, c.want)
		}
	}
	code, _, body := b.post("/ar/admin/organisations/import", url.Values{})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "اختر ملف CSV أو Excel") {
		t.Errorf("no file: %d", code)
	}
	// A form from another site is refused before anything is read.
	code, _, _ = b.do("POST", "/fr/admin/organisations/import", url.Values{}, map[string]string{"Sec-Fetch-Site": "cross-site"})
	if code != http.StatusForbidden {
		t.Errorf("cross-site upload: %d", code)
	}
}

// An upload belongs to whoever sent it: another organiser of the same region, one of
// another region, even an admin, find nothing at its address.
func TestAnUploadIsOnlyItsUploaders(t *testing.T) {
	f := newFixture(t, demoSQLite(t))
	owner := newBrowser(t, f.srv)
	owner.cookies[sessionCookie] = f.cookie(t, "organiser03")
	imp := owner.uploadFile("fr", "registre.csv", readTestFile(t, arTitles), nil)
	_, cols := owner.get("/fr" + imp + "/columns")
	owner.post("/fr"+imp+"/columns", columnsForm(t, cols))

	f.users["colleague03"] = f.user(t, "colleague03", account.Grant{Role: account.Organiser, RegionCode: "03"})
	for _, role := range []string{"colleague03", "organiser05", "admin"} {
		other := newBrowser(t, f.srv)
		other.cookies[sessionCookie] = f.cookie(t, role)
		for _, step := range []string{"/columns", "/preview", "/done", "/rejected"} {
			if code, _ := other.get("/fr" + imp + step); code != http.StatusNotFound {
				t.Errorf("%s opens %s: %d", role, step, code)
			}
		}
		if code, _, _ := other.post("/fr"+imp+"/commit", url.Values{}); code != http.StatusNotFound {
			t.Errorf("%s commits: %d", role, code)
		}
	}
	if code, _ := owner.get("/fr" + imp + "/preview"); code != 200 {
		t.Fatalf("the owner: %d", code)
	}
}

func TestRegistryDownload(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		ctx := context.Background()
		mine, n03, _ := st.ListOrganisations(ctx, store.OrgFilter{Regions: []string{"03"}, Limit: 1000})
		_, all, _ := st.ListOrganisations(ctx, store.OrgFilter{AllRegions: true, Limit: 1})
		if n03 == 0 || all <= n03 {
			t.Fatalf("demo registry: %d in region 03 of %d", n03, all)
		}
		b := newBrowser(t, f.srv)
		b.cookies[sessionCookie] = f.cookie(t, "organiser03")
		code, hdr, body := b.do("GET", "/fr/admin/organisations/export?format=csv", nil, nil)
		if code != 200 || hdr.Get("Content-Type") != csvType || !strings.HasPrefix(body, "\ufeffNom en arabe;") ||
			!regexp.MustCompile(`attachment; filename=aswaq-organisations-\d{4}-\d\d-\d\d\.csv`).MatchString(hdr.Get("Content-Disposition")) {
			t.Fatalf("csv: %d %v %.80q", code, hdr, body)
		}
		if lines := strings.Count(body, "\n"); lines != n03+1 {
			t.Fatalf("the organiser's export has %d lines for %d organisations of region 03", lines, n03)
		}
		for _, o := range mine {
			if !strings.Contains(body, o.Name.AR) {
				t.Errorf("%s is missing", o.Name.AR)
			}
		}
		// The admin gets every region, in Arabic a right-to-left sheet.
		admin := newBrowser(t, f.srv)
		admin.cookies[sessionCookie] = f.cookie(t, "admin")
		code, hdr, body = admin.do("GET", "/ar/admin/organisations/export?format=xlsx", nil, nil)
		if code != 200 || hdr.Get("Content-Type") != xlsxType {
			t.Fatalf("xlsx: %d %v", code, hdr)
		}
		x, err := excelize.OpenReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		sheet := x.GetSheetList()[0]
		view, _ := x.GetSheetView(sheet, 0)
		rows, _ := x.GetRows(sheet)
		if view.RightToLeft == nil || !*view.RightToLeft || rows[0][0] != "الاسم بالعربية" || len(rows) != all+1 {
			t.Fatalf("xlsx: rtl %v, %d rows for %d organisations, A1 %q", view.RightToLeft, len(rows), all, rows[0][0])
		}
		if code, _, _ := admin.do("GET", "/fr/admin/organisations/export?format=pdf", nil, nil); code != http.StatusBadRequest {
			t.Fatalf("pdf export: %d", code)
		}
	})
}
