package importer

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

var today = civil.MustNew(2025, time.June, 1)

func testOptions() Options {
	_, provs := geo.Reference()
	return Options{Province: ProvinceIndex(provs), Today: today}
}

func localizer(t *testing.T, l i18n.Lang) *i18n.Localizer {
	t.Helper()
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b.For(l)
}

// openFile opens a file on disk as an upload handler or the command would.
func openFile(t *testing.T, path string) (*Table, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Open(f, info.Size())
	if tab != nil {
		t.Cleanup(func() { tab.Close() })
	}
	return tab, err
}

func mustOpen(t *testing.T, path string) *Table {
	t.Helper()
	tab, err := openFile(t, path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return tab
}

func openBytes(t *testing.T, b []byte) (*Table, error) {
	t.Helper()
	tab, err := Open(bytes.NewReader(b), int64(len(b)))
	if tab != nil {
		t.Cleanup(func() { tab.Close() })
	}
	return tab, err
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeXLSX writes rows to a new workbook on disk.
func writeXLSX(t *testing.T, rows [][]any, setup func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if setup != nil {
		setup(f)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "sheet.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

type errAt struct {
	line   int
	column string
	key    string
}

func errorsOf(p *Preview) []errAt {
	var out []errAt
	for _, e := range p.Errors() {
		out = append(out, errAt{e.Line, e.ColumnName(), e.Key})
	}
	return out
}

func TestArabicHeaderCSVWithTitleRows(t *testing.T) {
	tab := mustOpen(t, "testdata/ar-titles.csv")
	if tab.Format() != CSV || tab.Encoding() != "utf-8" || tab.Delimiter() != ';' || tab.HeaderLine() != 4 {
		t.Fatalf("read as %s %s %q, header on %d", tab.Format(), tab.Encoding(), tab.Delimiter(), tab.HeaderLine())
	}
	m := tab.Propose()
	want := []Field{Ignore, Name, Province, Sector, Categories, Phone, ICE, RegisterNumber, FoundedOn, MembersWomen, Ignore}
	if !slices.Equal(m.Columns, want) {
		t.Fatalf("mapping %q, want %q", m.Columns, want)
	}
	if err := m.Check(tab.Headers()); err != nil {
		t.Fatal(err)
	}
	if len(tab.Sample()) == 0 || tab.Sample()[0][1] != "تعاونية الأمل للعسل" {
		t.Fatalf("sample %q", tab.Sample())
	}
	p, err := tab.Preview(m, testOptions(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if p.Counts != (Counts{Read: 5, Valid: 3, Rejected: 2, Empty: 1}) {
		t.Fatalf("counts %+v", p.Counts)
	}
	amal := p.Valid[0]
	o := amal.Org
	if amal.Line != 5 || o.Name.AR != "تعاونية الأمل للعسل" || o.LegalForm != org.Cooperative || o.ProvinceCode != "451" ||
		o.Sector != taxonomy.LocalProducts || !slices.Equal(o.Categories, []string{"honey", "amlou"}) ||
		o.Contact.Phone != "+212612345678" || o.Identifiers.ICE != "001561191000066" || o.Identifiers.RegisterNumber != "15/2019" ||
		o.FoundedOn != civil.MustNew(2019, 4, 2) || o.Members.Women != 14 || o.Status != org.Validated {
		t.Errorf("line 5 read as %+v", o)
	}
	if !amal.Given.Has(Phone) || amal.Given.Has(LegalForm) || amal.Given.Has(Email) {
		t.Errorf("given %b: the legal form was deduced, not given", amal.Given)
	}
	nour := p.Valid[1].Org
	if nour.LegalForm != org.Association || nour.ProvinceCode != "231" || nour.Sector != taxonomy.Handicraft ||
		!slices.Equal(nour.Categories, []string{"sewing", "embroidery_caftan"}) || nour.FoundedOn != civil.MustNew(2019, 5, 12) {
		t.Errorf("line 6 read as %+v", nour)
	}
	tifawt := p.Valid[2]
	if tifawt.Line != 8 || tifawt.Org.ProvinceCode != "561" || tifawt.Org.Sector != taxonomy.LocalProducts ||
		tifawt.Org.FoundedOn != civil.MustNew(2018, 3, 12) || tifawt.Given.Has(Sector) {
		t.Errorf("line 8 read as %+v (sector from the activity, date in Arabic-Indic digits)", tifawt.Org)
	}
	wantErrs := []errAt{
		{9, "F", "importer.error.phone"}, {9, "G", "importer.error.ice"}, {9, "I", "importer.error.date"}, {9, "J", "importer.error.number"},
		{10, "C", "importer.error.province"},
	}
	if got := errorsOf(p); !slices.Equal(got, wantErrs) {
		t.Errorf("errors\n%v\nwant\n%v", got, wantErrs)
	}
	z := localizer(t, i18n.FR)
	if got, want := p.Rejected[0].Errors[0].Message(z), "Ligne 9, colonne F (رقم الهاتف) : «0612» n'est pas un numéro de téléphone marocain"; !strings.HasPrefix(got, want) {
		t.Errorf("message %q, want it to start with %q", got, want)
	}
}

func TestFrenchHeaderXLSXWithExtraColumns(t *testing.T) {
	tab := mustOpen(t, "testdata/fr-extra.xlsx")
	if tab.Format() != XLSX || tab.Sheet() != "Registre" || tab.HeaderLine() != 3 {
		t.Fatalf("read as %s sheet %q header %d", tab.Format(), tab.Sheet(), tab.HeaderLine())
	}
	m := tab.Propose()
	want := []Field{Ignore, Name, LegalForm, Province, Ignore, Sector, Categories, ICE, RegisterNumber, FoundedOn, Phone, Phone2,
		MembersTotal, MembersWomen, WomenLed, Ignore}
	if !slices.Equal(m.Columns, want) {
		t.Fatalf("mapping %q, want %q", m.Columns, want)
	}
	p, err := tab.Preview(m, testOptions(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if p.Counts != (Counts{Read: 4, Valid: 2, Rejected: 2, Empty: 1}) {
		t.Fatalf("counts %+v, errors %v", p.Counts, errorsOf(p))
	}
	amal := p.Valid[0]
	if amal.Line != 4 || amal.Org.Name.AR != "تعاونية الأمل" || amal.Org.Name.FR != "Coopérative Al Amal" {
		t.Errorf("line 4: a name in both scripts is split: %+v", amal.Org.Name)
	}
	nassij := p.Valid[1].Org
	if p.Valid[1].Line != 5 || nassij.Name.AR != "تعاونية النسيج" || nassij.Name.FR != "Coopérative Nassij" ||
		nassij.LegalForm != org.Cooperative || nassij.ProvinceCode != "231" || nassij.Sector != taxonomy.Handicraft ||
		!slices.Equal(nassij.Categories, []string{"weaving_carpets"}) || nassij.FoundedOn != civil.MustNew(2020, 3, 12) ||
		nassij.Contact.Phone != "+212612345679" || nassij.Contact.Phone2 != "+212535652020" ||
		nassij.Members != (org.Members{Women: 10, Men: 0}) || nassij.WomenLed {
		t.Errorf("line 5 read as %+v", nassij)
	}
	wantErrs := []errAt{
		{7, "B", "org.error.name_ar_required"},
		{8, "K", "importer.error.phone"}, {8, "B", "org.error.name_ar_required"}, {8, "J", "org.error.founded_on"},
	}
	if got := errorsOf(p); !slices.Equal(got, wantErrs) {
		t.Errorf("errors\n%v\nwant\n%v", got, wantErrs)
	}
}

func TestFrenchXLSXWithArabicNames(t *testing.T) {
	// The fixture's first row: numbers kept as numbers (ICE without its leading zeros, a
	// phone without its 0), a real date cell, a total from which the men are counted.
	tab := mustOpen(t, "testdata/fr-extra.xlsx")
	m := tab.Propose()
	var first *Row
	_, err := tab.Scan(m, testOptions(), func(r *Row) error {
		if r.Line == 4 {
			first = r
		}
		return nil
	})
	if err != nil || first == nil {
		t.Fatal(err)
	}
	o := first.Org
	if o.Name.FR != "Coopérative Al Amal" || o.Name.AR != "تعاونية الأمل" || o.Identifiers.ICE != "001561191000066" || o.Contact.Phone != "+212612345678" ||
		o.FoundedOn != civil.MustNew(2019, 4, 2) || o.Members != (org.Members{Women: 14, Men: 6}) || !o.WomenLed ||
		!slices.Equal(o.Categories, []string{"honey", "amlou"}) || o.ProvinceCode != "451" {
		t.Errorf("line 4 read as %+v", o)
	}
	if !first.Given.Has(MembersMen) {
		t.Error("men counted from the total are given")
	}
}

func TestHeaderSynonyms(t *testing.T) {
	for _, c := range []struct {
		header string
		want   Field
	}{
		{"اسم التعاونية", Name}, {"الاسم", Name}, {"Nom", Name}, {"Raison sociale", Name}, {"Dénomination", Name},
		{"الإقليم", Province}, {"العمالة", Province}, {"Province", Province}, {"رقم الهاتف", Phone}, {"الهاتف", Phone},
		{"Tél", Phone}, {"GSM", Phone}, {"Téléphone", Phone}, {"ICE", ICE}, {"التعريف الموحد", ICE}, {"N° ICE", ICE},
		{"رقم التسجيل", RegisterNumber}, {"N° d'inscription", RegisterNumber}, {"RC", RegisterNumber},
		{"تاريخ التأسيس", FoundedOn}, {"Date de création", FoundedOn}, {"سنة التأسيس", FoundedYear},
		{"عدد النساء", MembersWomen}, {"Nombre de femmes", MembersWomen}, {"القطاع", Sector}, {"Secteur", Sector},
		{"Secteur d'activité", Sector}, {"النشاط", Categories}, {"Activité", Categories}, {"Produits", Categories},
		{"الشكل القانوني", LegalForm}, {"Forme juridique", LegalForm}, {"  ICE  ", ICE}, {"TÉLÉPHONE", Phone},
		{"رقم هاتف الرئيس", Phone}, {"هاتف التعاونية", Phone}, {"عدد أعضاء التعاونية", MembersTotal},
		{"تاريخ تأسيس التعاونية", FoundedOn}, {"الهاتف 2", Phone2}, {"الاسم بالفرنسية", NameFR}, {"Nom (AR)", NameAR},
		{"Nom du président", Ignore}, {"Nom et prénom du président", Ignore}, {"الرقم الترتيبي", Ignore}, {"ملاحظات", Ignore},
		{"الجهة", Ignore}, {"", Ignore}, {"Colonne1", Ignore},
	} {
		if got := MatchHeader(c.header); got != c.want {
			t.Errorf("MatchHeader(%q) = %q, want %q", c.header, got, c.want)
		}
	}
	// Every word of the table, and every label of the catalogs, maps to its own field.
	for _, e := range headerWords {
		for _, w := range e.words {
			if got := MatchHeader(w); got != e.field {
				t.Errorf("synonym %q of %q maps to %q", w, e.field, got)
			}
		}
	}
	for _, f := range Fields {
		for _, l := range labels(f.LabelKey()) {
			if got := MatchHeader(l); got != f {
				t.Errorf("label %q of %q maps to %q", l, f, got)
			}
		}
	}
}

func TestMappingOverride(t *testing.T) {
	tab := mustOpen(t, "testdata/ar-titles.csv")
	m := tab.Propose()
	// The organiser says column J is not the women but the members under 35, and that the
	// remarks column holds the address.
	if err := m.Set(9, "members_under35"); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(10, "address"); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(3, "nonsense"); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("unknown field accepted: %v", err)
	}
	p, err := tab.Preview(m, testOptions(), 10)
	if err != nil {
		t.Fatal(err)
	}
	nour := p.Valid[1]
	if nour.Org.Members.Under35 != 8 || nour.Org.Members.Women != 0 || nour.Org.Contact.Address != "وصل نهائي" || !nour.Given.Has(Address) {
		t.Fatalf("override not applied: %+v", nour.Org)
	}
	// Ignoring the province column makes the mapping unusable, and says why.
	if err := m.Set(2, ""); err != nil {
		t.Fatal(err)
	}
	err = m.Check(tab.Headers())
	if e, ok := apperr.As(err); !ok || e.Key != "importer.error.missing_columns" {
		t.Fatalf("Check = %v", err)
	}
	if got := Describe(err, localizer(t, i18n.EN)); !strings.Contains(got, "«Prefecture or province»") {
		t.Errorf("described as %q", got)
	}
	m.Set(2, "province")
	m.Set(5, "province")
	err = m.Check(tab.Headers())
	if got := Describe(err, localizer(t, i18n.EN)); got != "Columns C (الإقليم) and F (رقم الهاتف) are both mapped to «Prefecture or province»: keep only one." {
		t.Errorf("duplicate described as %q", got)
	}
	// A generous mapping of more columns than the file has is fine.
	m2 := Mapping{}
	if err := m2.Set(40, "email"); err != nil || len(m2.Columns) != 41 || m2.Column(Email) != 40 {
		t.Fatalf("Set beyond the end: %v %d", err, len(m2.Columns))
	}
}

func TestConversions(t *testing.T) {
	t.Run("dates", func(t *testing.T) {
		for in, want := range map[string]string{
			"2019-04-02": "2019-04-02", "02/04/2019": "2019-04-02", "2/4/2019": "2019-04-02", "02-04-2019": "2019-04-02",
			"02.04.2019": "2019-04-02", "02/04/19": "2019-04-02", "02/04/98": "1998-04-02", "٠٢/٠٤/٢٠١٩": "2019-04-02",
			"2019/04/02": "2019-04-02", "43557": "2019-04-02", "43557.25": "2019-04-02", "2 أبريل 2019": "2019-04-02",
			"2 avril 2019": "2019-04-02", "12 يوليوز 2022": "2022-07-12", "02/04/2019 00:00:00": "2019-04-02",
			"2019-04-02T00:00:00": "2019-04-02",
		} {
			d, e := parseDate(in, false, today)
			if e != dateOK || d.String() != want {
				t.Errorf("parseDate(%q) = %v, %v; want %s", in, d, e, want)
			}
		}
		for in, want := range map[string]dateErr{"31/02/2019": dateBad, "2019": dateYearOnly, "٢٠١٩": dateYearOnly,
			"hier": dateBad, "13/13/2019": dateBad, "12": dateBad, "1/2/3/4": dateBad} {
			if _, e := parseDate(in, false, today); e != want {
				t.Errorf("parseDate(%q) = %v, want %v", in, e, want)
			}
		}
		if d, _ := parseDate("42095", true, today); d.String() != "2019-04-02" {
			t.Errorf("1904 serial read as %v", d)
		}
		if d, ok := parseYear("2019", false, today); !ok || d.String() != "2019-01-01" {
			t.Errorf("year read as %v", d)
		}
		if _, ok := parseYear("2030", false, today); ok {
			t.Error("a year after today accepted")
		}
	})
	t.Run("phones", func(t *testing.T) {
		for in, want := range map[string]string{
			"0612-345678": "+212612345678", "06 12 34 56 78": "+212612345678", "+212 6 12 34 56 78": "+212612345678",
			"00212612345678": "+212612345678", "٠٦١٢٣٤٥٦٧٨": "+212612345678", "612345678": "+212612345678",
			"6.12345678E8": "+212612345678", "0535652020": "+212535652020",
		} {
			if got, ok := normalizePhone(in); !ok || got != want {
				t.Errorf("normalizePhone(%q) = %q, %v; want %s", in, got, ok, want)
			}
		}
		for _, in := range []string{"0612", "123", "06123456789012"} {
			if _, ok := normalizePhone(in); ok {
				t.Errorf("normalizePhone(%q) accepted", in)
			}
		}
		if got := splitPhones("0612345678 / 0535652020"); !slices.Equal(got, []string{"0612345678", "0535652020"}) {
			t.Errorf("splitPhones = %q", got)
		}
		if got := splitPhones("0612-345678"); len(got) != 1 {
			t.Errorf("a dash split a number: %q", got)
		}
	})
	t.Run("ICE", func(t *testing.T) {
		for in, want := range map[string]string{
			"001561191000066": "001561191000066", "1561191000066": "001561191000066", "1.561191000066E+12": "001561191000066",
			"001 561 191 000 066": "001561191000066", "٠٠١٥٦١١٩١٠٠٠٠٦٦": "001561191000066",
		} {
			if got, ok := normalizeICE(in); !ok || got != want {
				t.Errorf("normalizeICE(%q) = %q, %v; want %s", in, got, ok, want)
			}
		}
		for _, in := range []string{"001561191000067", "123", "abc"} {
			if _, ok := normalizeICE(in); ok {
				t.Errorf("normalizeICE(%q) accepted", in)
			}
		}
	})
	t.Run("counts and booleans", func(t *testing.T) {
		for in, want := range map[string]int{"14": 14, "١٤": 14, "14.0": 14, " 7 ": 7, "14 امرأة": 14, "0": 0} {
			if got, ok := parseCount(in); !ok || got != want {
				t.Errorf("parseCount(%q) = %d, %v", in, got, ok)
			}
		}
		for _, in := range []string{"x", "-3", "1,5", "14-16", "beaucoup"} {
			if _, ok := parseCount(in); ok {
				t.Errorf("parseCount(%q) accepted", in)
			}
		}
		for in, want := range map[string]bool{"نعم": true, "لا": false, "oui": true, "Non": false, "x": true, "X": true,
			"1": true, "0": false, "yes": true, "✓": true, "vrai": true, "FAUX": false} {
			if got, ok := parseBool(in); !ok || got != want {
				t.Errorf("parseBool(%q) = %v, %v", in, got, ok)
			}
		}
		if _, ok := parseBool("peut-être"); ok {
			t.Error("parseBool(peut-être) accepted")
		}
		for _, s := range []string{"", "  ", "-", "—", "N/A", "néant", "لا يوجد"} {
			if !blank(s) {
				t.Errorf("blank(%q) = false", s)
			}
		}
	})
	t.Run("provinces", func(t *testing.T) {
		_, provs := geo.Reference()
		find := ProvinceIndex(provs)
		for in, want := range map[string]string{
			"فاس": "231", "Fès": "231", "Fes": "231", "FES": "231", "Fez": "231", "إقليم صفرو": "451", "اقليم صفرو": "451",
			"Province de Sefrou": "451", "Sefrou": "451", "451": "451", "51": "051", "٤٥١": "451", "451.0": "451",
			"Al Hoceima": "051", "الحسيمة": "051", "Tanger": "511", "طنجة": "511", "Casablanca": "141", "الدار البيضاء": "141",
			"El Jadida": "181", "Jadida": "181", "Kelaa des Sraghna": "191", "Laayoune": "321", "Dakhla": "391",
			"Préfecture de Meknès": "061", "عمالة مكناس": "061", "ݣلميم": "261", "Béni Mellal": "091", "Beni-Mellal": "091",
		} {
			if got, ok := find(in); !ok || got != want {
				t.Errorf("province %q = %q, %v; want %s", in, got, ok, want)
			}
		}
		for _, in := range []string{"Atlantis", "999", "Sahara", ""} {
			if code, ok := find(in); ok {
				t.Errorf("province %q found as %s", in, code)
			}
		}
	})
	t.Run("legal forms, sectors, categories", func(t *testing.T) {
		for in, want := range map[string]string{
			"تعاونية": "cooperative", "Coopérative": "cooperative", "coop": "cooperative", "جمعية": "association",
			"Association": "association", "GIE": "economic_interest_group", "مجموعة ذات نفع اقتصادي": "economic_interest_group",
			"اتحاد التعاونيات": "cooperative_union", "Union de coopératives": "cooperative_union", "تعاضدية": "mutual",
			"cooperative_union": "cooperative_union",
		} {
			if got, _ := vocabs().legalForms.find(in); len(got) == 0 || got[0] != want {
				t.Errorf("legal form %q = %q, want %s", in, got, want)
			}
		}
		for in, want := range map[string]string{
			"الصناعة التقليدية": "handicraft", "Artisanat": "handicraft", "المنتوجات المجالية": "local_products",
			"Produits du terroir": "local_products", "الخدمات": "services", "Cosmétiques naturels": "natural_cosmetics",
		} {
			if got, _ := vocabs().sectors.find(in); len(got) == 0 || got[0] != want {
				t.Errorf("sector %q = %q, want %s", in, got, want)
			}
		}
		for in, want := range map[string][]string{
			"العسل": {"honey"}, "عسل": {"honey"}, "Miel": {"honey"}, "زيت الزيتون": {"olive_oil"}, "Huile d'olive": {"olive_oil"},
			"التين الشوكي": {"prickly_pear_cactus"}, "التين": {"figs"}, "figue de barbarie": {"prickly_pear_cactus"},
			"النسيج والزرابي": {"weaving_carpets"}, "الخياطة والطرز": {"sewing", "embroidery_caftan"},
			"Plantes aromatiques et médicinales": {"aromatic_medicinal_herbs"}, "الصبار (الهندية)": {"prickly_pear_cactus"},
		} {
			if got, _ := vocabs().categories.find(in); !slices.Equal(got, want) {
				t.Errorf("categories %q = %q, want %q", in, got, want)
			}
		}
		for name, want := range map[string]org.LegalForm{"تعاونية الأمل": org.Cooperative, "جمعية النور للتنمية": org.Association,
			"Coopérative Al Amal": org.Cooperative, "Association des femmes": org.Association, "اتحاد تعاونيات الأركان": org.CooperativeUnion} {
			if got, ok := inferLegalForm(name); !ok || got != want {
				t.Errorf("inferLegalForm(%q) = %q", name, got)
			}
		}
		if lf, ok := inferLegalForm("الأمل"); ok {
			t.Errorf("legal form guessed from a bare name: %s", lf)
		}
	})
	t.Run("names in two scripts", func(t *testing.T) {
		for in, want := range map[string][2]string{
			"تعاونية الأمل - Coopérative Al Amal": {"تعاونية الأمل", "Coopérative Al Amal"},
			"Coopérative Al Amal (تعاونية الأمل)": {"تعاونية الأمل", "Coopérative Al Amal"},
			"تعاونية الأمل":                       {"تعاونية الأمل", ""},
			"Coopérative Al-Amal":                 {"", "Coopérative Al-Amal"},
		} {
			if ar, fr := splitScripts(in); ar != want[0] || fr != want[1] {
				t.Errorf("splitScripts(%q) = %q, %q", in, ar, fr)
			}
		}
	})
}

func TestRowRules(t *testing.T) {
	header := []any{"الاسم", "الشكل القانوني", "الإقليم", "القطاع", "النشاط", "الهاتف", "واتساب", "عدد الأعضاء", "عدد النساء", "سنة التأسيس"}
	p := writeXLSX(t, [][]any{header,
		{"تعاونية الأمل", "", "صفرو", "", "العسل", "0612345678 / 0535652020", "نعم", 20, 14, 2015},
		{"تعاونية النور", "", "صفرو", "", "تربية الماشية", "", "0661234567", 5, 8, "2015"},
		{"الأمل", "", "صفرو", "Artisanat", "", "", "", "", "", ""},
		{"تعاونية الزهرة", "شركة", "صفرو", "العسل", "", "", "", "", "", "قديمة"},
	}, nil)
	tab := mustOpen(t, p)
	var rows []*Row
	if _, err := tab.Scan(tab.Propose(), testOptions(), func(r *Row) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	a := rows[0].Org
	if a.Contact.Phone != "+212612345678" || a.Contact.Phone2 != "+212535652020" || !a.Contact.WhatsApp ||
		a.Members != (org.Members{Women: 14, Men: 6}) || a.FoundedOn != civil.MustNew(2015, 1, 1) || !rows[0].Valid() {
		t.Errorf("row 2: %+v %v", a, rows[0].Errors)
	}
	// An activity no category names becomes the sector's "other" category; the WhatsApp
	// column holds the phone itself; more women than members is refused.
	b := rows[1]
	if b.Org.Contact.Phone != "+212661234567" || !b.Org.Contact.WhatsApp || len(b.Errors) != 2 ||
		b.Errors[0].Key != "importer.error.sector_missing" || b.Errors[1].Key != "importer.error.members_total" {
		t.Errorf("row 3: %+v %v", b.Org, b.Errors)
	}
	// No legal form, and the name does not say it.
	if c := rows[2]; len(c.Errors) != 1 || c.Errors[0].Key != "importer.error.legal_form_missing" || c.Errors[0].ColumnName() != "B" {
		t.Errorf("row 4: %v", c.Errors)
	}
	// A category in the sector column gives the sector; an unknown legal form and a bad year
	// are reported.
	d := rows[3]
	if d.Org.Sector != taxonomy.LocalProducts || !slices.Equal(d.Org.Categories, []string{"honey"}) ||
		len(d.Errors) != 2 || d.Errors[0].Key != "importer.error.legal_form" || d.Errors[1].Key != "importer.error.year" {
		t.Errorf("row 5: %+v %v", d.Org, d.Errors)
	}
	// With a sector, an unknown activity is kept as "other".
	e := writeXLSX(t, [][]any{header, {"تعاونية النور", "", "صفرو", "المنتوجات المجالية", "تربية الماشية", "", "", "", "", ""}}, nil)
	tab = mustOpen(t, e)
	tab.Scan(tab.Propose(), testOptions(), func(r *Row) error {
		if !r.Valid() || !slices.Equal(r.Org.Categories, []string{"other_local_products"}) {
			t.Errorf("unknown activity: %+v %v", r.Org, r.Errors)
		}
		return nil
	})
}

func TestRefusals(t *testing.T) {
	odsZip := func() []byte {
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		f, _ := w.Create("mimetype")
		f.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
		w.Create("content.xml")
		w.Close()
		return b.Bytes()
	}()
	docxZip := func() []byte {
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		w.Create("word/document.xml")
		w.Close()
		return b.Bytes()
	}()
	emptySheet := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		b, _ := f.WriteToBuffer()
		return b.Bytes()
	}()
	noHeaderSheet, _ := os.ReadFile(writeXLSX(t, [][]any{{"a", "b", "c"}, {1, 2, 3}}, nil))
	for _, c := range []struct {
		name string
		data []byte
		key  string
	}{
		{"empty", nil, "importer.error.file_empty"},
		{"blank lines", []byte("\n\n  \n"), "importer.error.file_empty"},
		{"BOM only", []byte("\xef\xbb\xbf"), "importer.error.file_empty"},
		{"PDF renamed .xlsx", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), "importer.error.file_pdf"},
		{"old .xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "importer.error.file_xls"},
		{"ods", odsZip, "importer.error.file_ods"},
		{"docx", docxZip, "importer.error.file_unknown"},
		{"broken zip", []byte("PK\x03\x04garbage that is not a zip"), "importer.error.file_corrupt"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "importer.error.file_unknown"},
		{"html saved as xls", []byte("<html><body><table><tr><td>Nom</td></tr></table></body></html>"), "importer.error.file_unknown"},
		{"csv without header", []byte("a;b;c\n1;2;3\n4;5;6\n"), "importer.error.no_header"},
		{"csv with one known column", []byte("Nom;x;y\nA;1;2\n"), "importer.error.no_header"},
		{"workbook with an empty sheet", emptySheet, "importer.error.file_empty"},
		{"workbook without header", noHeaderSheet, "importer.error.no_header"},
		{"broken quotes", []byte("Nom;Province;Secteur\n\"تعاونية;صفرو;x\n"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := openBytes(t, c.data)
			if c.key == "" {
				return // LazyQuotes reads it; the row is then checked like any other
			}
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.Invalid || e.Key != c.key {
				t.Fatalf("Open = %v, want %s", err, c.key)
			}
			for _, l := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
				if msg := Describe(err, localizer(t, l)); msg == c.key || strings.Contains(msg, "{") {
					t.Errorf("%s: %q", l, msg)
				}
			}
		})
	}
}

func TestEncodingsAndDelimiters(t *testing.T) {
	arabic := "اسم التعاونية,الإقليم,القطاع\nتعاونية الأمل,صفرو,العسل\n"
	cp1256, err := charmap.Windows1256.NewEncoder().String(arabic)
	if err != nil {
		t.Fatal(err)
	}
	french := "Nom;Province;Secteur;Produits\nCoopérative Al Amal;Fès;Produits du terroir;Miel\n"
	cp1252, _ := charmap.Windows1252.NewEncoder().String(french)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(arabic, ",", "\t"))
	for _, c := range []struct {
		name, data, encoding string
		delim                rune
		wantName             string
	}{
		{"UTF-8 without BOM, commas", arabic, "utf-8", ',', "تعاونية الأمل"},
		{"UTF-8 with BOM, semicolons", "\ufeff" + french, "utf-8", ';', "Coopérative Al Amal"},
		{"Windows-1256 Arabic", cp1256, "windows-1256", ',', "تعاونية الأمل"},
		{"Windows-1252 French", cp1252, "windows-1252", ';', "Coopérative Al Amal"},
		{"UTF-16 with tabs (Excel's Unicode text)", utf16, "utf-16le", '\t', "تعاونية الأمل"},
		{"Excel's sep= line", "sep=|\n" + strings.ReplaceAll(arabic, ",", "|"), "utf-8", '|', "تعاونية الأمل"},
		{"CRLF and quotes", "\"Nom\";\"Province\";\"Secteur\"\r\n\"Coopérative Al Amal\";\"Fès\";\"Artisanat\"\r\n", "utf-8", ';', "Coopérative Al Amal"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab := mustOpen(t, writeTemp(t, "file.csv", []byte(c.data)))
			if tab.Encoding() != c.encoding || tab.Delimiter() != c.delim {
				t.Fatalf("read as %s %q", tab.Encoding(), tab.Delimiter())
			}
			var got string
			tab.Scan(tab.Propose(), testOptions(), func(r *Row) error {
				got = r.Org.Name.AR + r.Org.Name.FR
				return nil
			})
			if got != c.wantName {
				t.Errorf("name %q, want %q", got, c.wantName)
			}
		})
	}
}

func TestLineNumbersAcrossBlankAndMultilineRows(t *testing.T) {
	data := "Titre\n\nNom;Province;Secteur;Téléphone\n" + // header on line 3
		"تعاونية أ;Fès;Artisanat;0612\n" + // line 4
		"\n\n" + // lines 5, 6
		"\"تعاونية\nب\";Fès;Artisanat;0612\n" + // lines 7–8
		"تعاونية ج;Fès;Artisanat;0612\n" + // line 9
		"Nom;Province;Secteur;Téléphone\n" + // line 10: the header repeated
		"تعاونية د;Fès;Artisanat;0612\n" // line 11
	tab := mustOpen(t, writeTemp(t, "lines.csv", []byte(data)))
	p, err := tab.Preview(tab.Propose(), testOptions(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, r := range p.Rejected {
		lines = append(lines, r.Line)
		if e := r.Errors[len(r.Errors)-1]; e.ColumnName() != "D" || e.Header != "Téléphone" {
			t.Errorf("line %d: error at %s (%s)", r.Line, e.ColumnName(), e.Header)
		}
	}
	if !slices.Equal(lines, []int{4, 7, 9, 11}) || p.Counts.Empty != 3 {
		t.Fatalf("lines %v, counts %+v", lines, p.Counts)
	}
	// The same in a workbook: row numbers are the sheet's.
	x := writeXLSX(t, [][]any{{"Titre"}, {}, {"Nom", "Province", "Secteur", "Téléphone"}, {"تعاونية أ", "Fès", "Artisanat", "0612"},
		{}, {}, {"تعاونية ب", "Fès", "Artisanat", "0612"}}, nil)
	p, err = mustOpen(t, x).Preview(Propose([]string{"Nom", "Province", "Secteur", "Téléphone"}), testOptions(), 0)
	if err != nil || len(p.Rejected) != 2 || p.Rejected[0].Line != 4 || p.Rejected[1].Line != 7 || p.Counts.Empty != 2 {
		t.Fatalf("xlsx: %v %+v", err, p.Counts)
	}
}

func TestXLSXDetails(t *testing.T) {
	t.Run("first sheet with data, hidden sheets skipped", func(t *testing.T) {
		p := writeXLSX(t, nil, func(f *excelize.File) {
			f.NewSheet("Hidden")
			f.SetSheetRow("Hidden", "A1", &[]any{"Nom", "Province", "Secteur"})
			f.SetSheetVisible("Hidden", false)
			f.NewSheet("Données")
			f.SetSheetRow("Données", "B5", &[]any{"Nom", "Province", "Secteur"})
			f.SetSheetRow("Données", "B6", &[]any{"تعاونية الأمل", "Fès", "Artisanat"})
		})
		tab := mustOpen(t, p)
		if tab.Sheet() != "Données" || tab.HeaderLine() != 5 {
			t.Fatalf("sheet %q header %d", tab.Sheet(), tab.HeaderLine())
		}
		m := tab.Propose()
		if m.Column(Name) != 1 {
			t.Fatalf("mapping %q", m.Columns)
		}
	})
	t.Run("1904 date system", func(t *testing.T) {
		p := writeXLSX(t, [][]any{{"Nom", "Province", "Secteur", "Date de création"}, {"تعاونية الأمل", "Fès", "Artisanat", 42095}},
			func(f *excelize.File) {
				yes := true
				f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes})
			})
		tab := mustOpen(t, p)
		tab.Scan(tab.Propose(), testOptions(), func(r *Row) error {
			if r.Org.FoundedOn != civil.MustNew(2019, 4, 2) {
				t.Errorf("1904 date read as %v", r.Org.FoundedOn)
			}
			return nil
		})
	})
}

func TestRejectedRowsWorkbook(t *testing.T) {
	tab := mustOpen(t, "testdata/fr-extra.xlsx")
	m := tab.Propose()
	p, err := tab.Preview(m, testOptions(), 0)
	if err != nil {
		t.Fatal(err)
	}
	// A problem the store found (say, a row repeating another) joins those of the file: its
	// cells are read again from the file.
	rows := append(p.Rejected, RowsOf([]RowError{{Line: 5, Column: -1, Key: "importer.error.duplicate_in_file", Args: []any{"line", 4}}})...)
	for _, lang := range []i18n.Lang{i18n.AR, i18n.FR} {
		var buf bytes.Buffer
		n, err := tab.WriteRejected(&buf, m, rows, localizer(t, lang))
		if err != nil || n != 3 {
			t.Fatalf("%s: wrote %d rows: %v", lang, n, err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		view, _ := f.GetSheetView(sheet, 0)
		if rtl := view.RightToLeft != nil && *view.RightToLeft; rtl != (lang == i18n.AR) {
			t.Errorf("%s: right to left = %v", lang, rtl)
		}
		rows, _ := f.GetRows(sheet)
		if len(rows) != 4 || rows[0][1] != "Raison sociale" || len(rows[0]) != 17 {
			t.Fatalf("%s: rows %q", lang, rows)
		}
		if rows[1][1] != "تعاونية النسيج - Coopérative Nassij" || rows[2][1] != "Association Nour" || rows[3][1] != "Coopérative Atlas" {
			t.Errorf("%s: rejected rows %q", lang, rows)
		}
		errCol := rows[3][16]
		switch lang {
		case i18n.FR:
			if rows[0][16] != "Erreurs à corriger" || !strings.Contains(errCol, "Colonne K (Tél) : «0612» n'est pas un numéro") ||
				!strings.Contains(errCol, "Colonne J (Date de création) : La date de création") || !strings.Contains(rows[1][16], "ligne 4") {
				t.Errorf("fr error column %q / %q", rows[0][16], errCol)
			}
		case i18n.AR:
			if rows[0][16] != "الأخطاء الواجب تصحيحها" || !strings.Contains(errCol, "العمود K (Tél): «0612» ليس رقم هاتف مغربيا") {
				t.Errorf("ar error column %q", errCol)
			}
		}
		// The date of line 7 (a serial number in the sheet) goes back as a date cell.
		if typ, _ := f.GetCellType(sheet, "J3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			v, _ := f.GetCellValue(sheet, "J3")
			t.Errorf("%s: date written as text %q", lang, v)
		}
		f.Close()
		// The corrected file imports again: same header, errors column ignored.
		path := writeTemp(t, "rejected.xlsx", buf.Bytes())
		again := mustOpen(t, path)
		if got := again.Propose(); !slices.Equal(got.Columns[:16], m.Columns) || got.Field(16) != Ignore {
			t.Errorf("%s: rejected file maps as %q", lang, got.Columns)
		}
	}
}

func TestRecordsCanStopEarly(t *testing.T) {
	var b strings.Builder
	b.WriteString("Nom;Province;Secteur\n")
	for i := 0; i < 3000; i++ {
		b.WriteString("تعاونية الأمل;Fès;Artisanat\n")
	}
	tab := mustOpen(t, writeTemp(t, "many.csv", []byte(b.String())))
	n := 0
	var counts Counts
	for rec, err := range tab.Records(tab.Propose(), testOptions(), &counts, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if rec.Line != n+2 {
			t.Fatalf("record %d on line %d", n, rec.Line)
		}
		n++
		if n == 10 {
			break
		}
	}
	for _, err := range tab.Records(tab.Propose(), testOptions(), &counts, nil) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if counts.Read != 3000 || counts.Valid != 3000 {
		t.Fatalf("counts %+v", counts)
	}
}

// An export reads back, in every language and both formats, as the same organisations.
func TestExportReadsBack(t *testing.T) {
	_, provs := geo.Reference()
	full := org.Organisation{
		LegalForm: org.Cooperative, Name: nameText("تعاونيةُ الأمل", "Coopérative Al Amal, Sefrou"),
		Identifiers:  org.Identifiers{ICE: "001561191000066", RegisterNumber: "15/2019", RegisterCourt: "صفرو"},
		FoundedOn:    civil.MustNew(2019, 4, 2),
		ProvinceCode: "451", Sector: taxonomy.LocalProducts, Categories: []string{"honey", "prickly_pear_cactus", "aromatic_medicinal_herbs"},
		Programmes: []taxonomy.Programme{taxonomy.INDH, taxonomy.WomenArtisans},
		Contact: org.Contact{Address: "حي المسيرة، صفرو", Phone: "+212612345678", WhatsApp: true, Phone2: "+212535652020",
			Email: "alamal@coop.ma", Website: "https://alamal.ma", Facebook: "https://facebook.com/alamal", Instagram: "https://instagram.com/alamal"},
		Members: org.Members{Women: 14, Men: 2, Under35: 6}, WomenLed: true, YouthLed: false,
		FoodSafetyNo: "ONSSA-1234", Description: nameText("عسل الجبل\nوأملو", "Miel de montagne; amlou"),
	}
	assoc := org.Organisation{
		LegalForm: org.Association, Name: nameText("جمعية النور", ""), ProvinceCode: "051", Sector: taxonomy.Handicraft,
		Identifiers: org.Identifiers{ReceiptNumber: "77/2020", ReceiptDate: civil.MustNew(2020, 12, 31)},
		Categories:  []string{"weaving_carpets", "embroidery_caftan", "other_handicraft"}, YouthLed: true,
	}
	want := []org.Organisation{full, assoc}
	for i := range want {
		if err := want[i].Validate(today); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []Format{CSV, XLSX} {
		for _, lang := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
			t.Run(string(format)+"/"+string(lang), func(t *testing.T) {
				var buf bytes.Buffer
				exp, err := NewExporter(&buf, format, lang, provs)
				if err != nil {
					t.Fatal(err)
				}
				for i := range want {
					if err := exp.Write(&want[i]); err != nil {
						t.Fatal(err)
					}
				}
				if err := exp.Close(); err != nil || exp.Count() != 2 {
					t.Fatal(err)
				}
				if format == CSV && !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbf")) {
					t.Error("CSV without a byte-order mark")
				}
				tab := mustOpen(t, writeTemp(t, "export."+string(format), buf.Bytes()))
				m := tab.Propose()
				if !slices.Equal(m.Columns, ExportColumns) {
					t.Fatalf("headers map to %q", m.Columns)
				}
				p, err := tab.Preview(m, testOptions(), 10)
				if err != nil || p.Counts.Rejected != 0 {
					t.Fatalf("%v %v", err, p.Errors())
				}
				for i, r := range p.Valid {
					got, w := r.Org, want[i]
					slices.Sort(got.Categories)
					slices.Sort(w.Categories)
					if !reflect.DeepEqual(got, w) {
						t.Errorf("read back\n%+v\nwant\n%+v", got, w)
					}
				}
				if format == XLSX {
					f, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
					view, _ := f.GetSheetView(f.GetSheetList()[0], 0)
					if rtl := view.RightToLeft != nil && *view.RightToLeft; rtl != (lang == i18n.AR) {
						t.Errorf("right to left = %v", rtl)
					}
					panes, _ := f.GetPanes(f.GetSheetList()[0])
					if !panes.Freeze || panes.YSplit != 1 {
						t.Errorf("header row not frozen: %+v", panes)
					}
					f.Close()
				}
			})
		}
	}
}

func nameText(ar, fr string) mltext.Text { return mltext.Text{AR: ar, FR: fr} }
