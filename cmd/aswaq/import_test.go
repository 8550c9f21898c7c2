package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const arTitles = "../../internal/importer/testdata/ar-titles.csv"

func TestImportExportUsageErrors(t *testing.T) {
	data := t.TempDir()
	csv := filepath.Join(data, "r.csv")
	os.WriteFile(csv, []byte("Nom;Province;Secteur\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "say what to import"},
		{[]string{"import", "products", "x.csv"}, `unknown kind "products"`},
		{[]string{"import", "organisations"}, "give the file to import"},
		{[]string{"import", "organisations", "a.csv", "b.csv"}, `unexpected argument "b.csv"`},
		{[]string{"import", "organisations", csv, "--lang", "zgh"}, "--lang must be ar, fr or en"},
		{[]string{"import", "organisations", csv, "--rejected", "out.csv"}, "--rejected must name an .xlsx file"},
		{[]string{"import", "organisations", csv, "--fast"}, "flag provided but not defined: -fast"},
		{[]string{"import", "organisations", csv, "--data", data, "--region", "99"}, `--region "99" is not a region code`},
		{[]string{"export"}, "say what to export"},
		{[]string{"export", "organisations", "--format", "pdf"}, "--format must be csv or xlsx"},
		{[]string{"export", "organisations", "extra"}, `unexpected argument "extra"`},
		{[]string{"export", "organisations", "--data", data, "--region", "13"}, `--region "13" is not a region code`},
	} {
		code, _, stderr := call(t, nil, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("aswaq %v: exit %d, stderr %q; want exit 2 mentioning %q", c.args, code, stderr, c.want)
		}
	}
	code, out, _ := call(t, nil, "help", "import")
	if code != 0 || !strings.Contains(out, "import organisations FILE") {
		t.Errorf("help import: %d %q", code, out)
	}
	code, out, _ = call(t, nil, "import", "organisations", "--help")
	if code != 0 || !strings.Contains(out, "--dry-run") || !strings.Contains(out, "ASWAQ_REGION") {
		t.Errorf("import --help: %d %q", code, out)
	}
}

func TestImportRefusesFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	for _, c := range []struct {
		path, want string
	}{
		{write("scan.xlsx", "%PDF-1.7\n..."), "This file is a PDF, not a spreadsheet"},
		{write("empty.csv", ""), "The file is empty"},
		{write("noheader.csv", "a;b\n1;2\n"), "No header row was found in the first 30 rows"},
		{write("columns.csv", "Nom;Téléphone\nتعاونية;0612345678\n"), "No column was found for «Prefecture or province», «Sector»"},
		{filepath.Join(dir, "missing.csv"), "cannot open"},
	} {
		code, stdout, stderr := call(t, nil, "import", "organisations", c.path, "--data", filepath.Join(dir, "data"), "--lang", "en")
		if code != 1 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and one line with %q", filepath.Base(c.path), code, stdout, stderr, c.want)
		}
	}
	// In Arabic too.
	code, _, stderr := call(t, nil, "import", "organisations", filepath.Join(dir, "scan.xlsx"), "--data", filepath.Join(dir, "data"))
	if code != 1 || !strings.Contains(stderr, "هذا الملف بصيغة PDF") {
		t.Errorf("arabic refusal: %d %q", code, stderr)
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	rejected := filepath.Join(dir, "rejected.xlsx")
	args := []string{"import", "organisations", arTitles, "--data", data, "--lang", "en", "--rejected", rejected}

	code, stdout, stderr := call(t, nil, append(args, "--dry-run")...)
	if code != 0 || !strings.Contains(stdout, "Created: 3; updated: 0; unchanged: 0; rejected: 2.") ||
		!strings.Contains(stdout, "Dry run: nothing was stored.") {
		t.Fatalf("dry run: %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = call(t, nil, args...)
	for _, want := range []string{
		"File ar-titles.csv: CSV (utf-8, separator «;»), header on line 4.",
		"B اسم التعاونية → Name; C الإقليم → Prefecture or province;",
		"Rows read: 5; empty rows skipped: 1.",
		"Created: 3; updated: 0; unchanged: 0; rejected: 2.",
		"  Line 9, column F (رقم الهاتف): «0612» is not a Moroccan phone number: write it like 0612345678 or +212612345678.",
		"  Line 9, column J (عدد النساء): «x» is not a whole number.",
		"  Line 10, column C (الإقليم): «مدينة غير معروفة» is not a known prefecture or province",
		"The rejected rows (2) were written to " + rejected,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if code != 0 || strings.Contains(stdout, "Dry run") || !strings.Contains(stderr, "aswaq import: 100%") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	f, err := excelize.OpenFile(rejected)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetList()[0])
	f.Close()
	if len(rows) != 3 || rows[1][1] != "تعاونية الخير" || !strings.Contains(rows[1][len(rows[1])-1], "Column F (رقم الهاتف)") {
		t.Fatalf("rejected rows %q", rows)
	}

	// Importing the same file again changes nothing.
	code, stdout, _ = call(t, nil, args...)
	if code != 0 || !strings.Contains(stdout, "Created: 0; updated: 0; unchanged: 3; rejected: 2.") {
		t.Fatalf("again: %d\n%s", code, stdout)
	}
	// Flags before the file, from the environment, and a region that is not the file's.
	code, stdout, _ = call(t, map[string]string{"ASWAQ_DATA": data, "ASWAQ_LANG": "fr"}, "import", "organisations", "--region", "01", arTitles)
	if code != 0 || !strings.Contains(stdout, "rejetées : 5.") ||
		!strings.Contains(stdout, "La province 451 n'est pas dans la région 01, celle de cet import") {
		t.Fatalf("region: %d\n%s", code, stdout)
	}
}

func TestImportListsTwentyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("الاسم,الإقليم,القطاع,الهاتف\n")
	for i := range 25 {
		fmt.Fprintf(&b, "تعاونية %d,صفرو,الخدمات,06%d\n", i, i)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.csv")
	os.WriteFile(p, []byte(b.String()), 0o644)
	code, stdout, _ := call(t, nil, "import", "organisations", p, "--data", filepath.Join(dir, "data"), "--lang", "en")
	if code != 0 || strings.Count(stdout, "is not a Moroccan phone number") != 20 || !strings.Contains(stdout, "… and 5 more errors.") {
		t.Fatalf("%d\n%s", code, stdout)
	}
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if code, out, errOut := call(t, nil, "import", "organisations", arTitles, "--data", data); code != 0 {
		t.Fatalf("import: %s %s", out, errOut)
	}
	// CSV on standard output: UTF-8 with a byte-order mark, headers in French.
	code, stdout, stderr := call(t, nil, "export", "organisations", "--data", data, "--lang", "fr")
	if code != 0 || !strings.HasPrefix(stdout, "\ufeffNom en arabe;Nom en français;Forme juridique;Préfecture ou province;") ||
		!strings.Contains(stdout, "تعاونية الأمل للعسل;;Coopérative;Sefrou;Produits du terroir;Amlou, Miel;001561191000066;15/2019;") ||
		!strings.Contains(stderr, "3 organisations exportées dans -.") {
		t.Fatalf("csv export: %d\n%s\n%s", code, stdout, stderr)
	}
	// One region only.
	_, stdout, _ = call(t, nil, "export", "organisations", "--data", data, "--region", "03", "--lang", "en")
	if strings.Count(stdout, "\n") != 4 {
		t.Fatalf("region 03 export:\n%s", stdout)
	}
	// XLSX in Arabic, right to left, to a file; it imports back without a change.
	out := filepath.Join(dir, "registre.xlsx")
	code, stdout, _ = call(t, nil, "export", "organisations", "--data", data, "--output", out)
	if code != 0 || !strings.Contains(stdout, "عدد الهيئات المصدّرة إلى "+out+": 3.") {
		t.Fatalf("xlsx export: %d %q", code, stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	view, _ := f.GetSheetView(sheet, 0)
	header, _ := f.GetCellValue(sheet, "A1")
	f.Close()
	if view.RightToLeft == nil || !*view.RightToLeft || header != "الاسم بالعربية" {
		t.Fatalf("sheet %q: rtl %v, A1 %q", sheet, view.RightToLeft, header)
	}
	code, stdout, _ = call(t, nil, "import", "organisations", out, "--data", data, "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "Created: 0; updated: 0; unchanged: 3; rejected: 0.") {
		t.Fatalf("re-import: %d\n%s", code, stdout)
	}
}
