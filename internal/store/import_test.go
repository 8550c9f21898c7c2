package store_test

import (
	"bytes"
	"context"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// allGiven marks every field as given, as a file with every column filled would.
const allGiven = importer.FieldSet(^uint64(0))

// records turns organisations into the rows of a file, from line 2.
func records(orgs ...org.Organisation) iter.Seq2[importer.Record, error] {
	return func(yield func(importer.Record, error) bool) {
		for i, o := range orgs {
			if err := o.Validate(civil.MustNew(2025, 6, 1)); err != nil {
				panic(err)
			}
			if !yield(importer.Record{Line: i + 2, Org: o, Given: allGiven}, nil) {
				return
			}
		}
	}
}

func coop(name, province, ice, register string) org.Organisation {
	return org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: name}, ProvinceCode: province,
		Sector: taxonomy.LocalProducts, Categories: []string{"honey"},
		Identifiers: org.Identifiers{ICE: ice, RegisterNumber: register}, Contact: org.Contact{Phone: "0612345678"}}
}

func association(name, province, receipt string) org.Organisation {
	return org.Organisation{LegalForm: org.Association, Name: mltext.Text{AR: name}, ProvinceCode: province,
		Sector: taxonomy.Handicraft, Identifiers: org.Identifiers{ReceiptNumber: receipt}}
}

func auditCount(t *testing.T, s *store.Store) int {
	t.Helper()
	_, n, err := s.Audit().Entries(context.Background(), audit.Filter{AllRegions: true})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func importOrgs(t *testing.T, s *store.Store, opts store.ImportOptions, orgs ...org.Organisation) store.ImportSummary {
	t.Helper()
	sum, err := s.ImportOrganisations(context.Background(), records(orgs...), opts)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func keys(sum store.ImportSummary) []string {
	var out []string
	for _, e := range sum.Rejected {
		out = append(out, e.Key)
	}
	return out
}

func TestImportIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		rows := []org.Organisation{
			coop("تعاونية الأمل", "451", "001561191000066", "15/2019"),
			association("جمعية النور", "231", "77/2020"),
			coop("تعاونية الخير", "561", "", ""), // found again by its name and province
		}
		sum := importOrgs(t, s, store.ImportOptions{Source: "registre.xlsx"}, rows...)
		if sum.Created != 3 || sum.Rows != 3 || len(sum.Rejected) != 0 {
			t.Fatalf("first import: %+v", sum)
		}
		if n := auditCount(t, s); n != 1 {
			t.Fatalf("first import wrote %d audit entries, want 1 (the import's)", n)
		}
		entries, _, _ := s.Audit().Entries(ctx, audit.Filter{AllRegions: true})
		if e := entries[0]; e.Action != store.AuditOrganisationImport || e.RecordID != "registre.xlsx" || !bytes.Contains([]byte(e.After), []byte(`"created":3`)) {
			t.Errorf("import entry %+v", e)
		}
		before, _ := s.Organisations(ctx, 10)

		// The same file again changes nothing and writes nothing.
		sum = importOrgs(t, s, store.ImportOptions{}, rows...)
		if sum.Unchanged != 3 || sum.Created+sum.Updated != 0 {
			t.Fatalf("second import: %+v", sum)
		}
		if n := auditCount(t, s); n != 1 {
			t.Fatalf("second import wrote audit entries: %d", n)
		}
		after, _ := s.Organisations(ctx, 10)
		if !slices.EqualFunc(before, after, func(a, b org.Organisation) bool { return a.ID == b.ID && a.Contact == b.Contact }) {
			t.Fatal("records changed")
		}

		// A changed phone updates that record only, with its own audit entry.
		rows[0].Contact.Phone = "0661234567"
		sum = importOrgs(t, s, store.ImportOptions{}, rows...)
		if sum.Updated != 1 || sum.Unchanged != 2 {
			t.Fatalf("third import: %+v", sum)
		}
		if n := auditCount(t, s); n != 3 {
			t.Fatalf("audit entries %d, want 3 (import, update, import)", n)
		}
		got, _ := s.Organisation(ctx, before[0].ID)
		if got.Contact.Phone != "+212661234567" {
			t.Fatalf("phone %q", got.Contact.Phone)
		}
		if n, _ := s.CountOrganisations(ctx); n != 3 {
			t.Fatalf("%d organisations", n)
		}
	})
}

func TestImportChangesOnlyTheFieldsGiven(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		full := coop("تعاونية الأمل", "451", "001561191000066", "15/2019")
		full.Contact.Email = "alamal@coop.ma"
		full.Description = mltext.Text{AR: "عسل الجبل"}
		if err := s.CreateOrganisation(ctx, &full); err != nil {
			t.Fatal(err)
		}
		// A file with only the ICE and a phone: the rest of the record stays.
		row := org.Organisation{Identifiers: org.Identifiers{ICE: "001561191000066"}, Contact: org.Contact{Phone: "+212661234567"},
			LegalForm: org.Cooperative, ProvinceCode: "451", Sector: taxonomy.LocalProducts, Name: mltext.Text{AR: "تعاونية الأمل"}}
		given := importer.FieldSet(0).With(importer.ICE).With(importer.Phone)
		seq := func(yield func(importer.Record, error) bool) {
			yield(importer.Record{Line: 2, Org: row, Given: given}, nil)
		}
		sum, err := s.ImportOrganisations(ctx, seq, store.ImportOptions{})
		if err != nil || sum.Updated != 1 {
			t.Fatalf("%+v %v", sum, err)
		}
		got, _ := s.Organisation(ctx, full.ID)
		if got.Contact.Phone != "+212661234567" || got.Contact.Email != "alamal@coop.ma" || got.Description.AR != "عسل الجبل" ||
			!slices.Equal(got.Categories, []string{"honey"}) {
			t.Fatalf("record after a partial import: %+v", got)
		}
	})
}

func TestImportDryRunStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sum := importOrgs(t, s, store.ImportOptions{DryRun: true},
			coop("تعاونية الأمل", "451", "001561191000066", "15/2019"), association("جمعية النور", "231", "77/2020"))
		if !sum.DryRun || sum.Created != 2 {
			t.Fatalf("%+v", sum)
		}
		if n, _ := s.CountOrganisations(ctx); n != 0 {
			t.Fatalf("dry run stored %d organisations", n)
		}
		if n := auditCount(t, s); n != 0 {
			t.Fatalf("dry run wrote %d audit entries", n)
		}
	})
}

func TestImportRegion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		casa := coop("تعاونية البيضاء", "141", "001561191000066", "") // region 06
		if err := s.CreateOrganisation(ctx, &casa); err != nil {
			t.Fatal(err)
		}
		sum := importOrgs(t, s, store.ImportOptions{Region: "03"},
			coop("تعاونية صفرو", "451", "", "1/2020"),             // Sefrou, region 03: imported
			coop("تعاونية المحمدية", "371", "", "2/2020"),         // Mohammédia, region 06: refused
			coop("تعاونية البيضاء", "451", "001561191000066", ""), // claims Sefrou, but is the Casablanca record
		)
		if sum.Created != 1 || !slices.Equal(keys(sum), []string{"importer.error.province_outside_region", "importer.error.record_outside_region"}) {
			t.Fatalf("%+v", sum)
		}
		if sum.Rejected[0].Line != 3 || sum.Rejected[0].Field != importer.Province || sum.Rejected[1].Line != 4 {
			t.Fatalf("rejections %+v", sum.Rejected)
		}
		got, _ := s.Organisation(ctx, casa.ID)
		if got.ProvinceCode != "141" {
			t.Fatal("a record of another region was moved")
		}
		if _, err := s.ImportOrganisations(ctx, records(), store.ImportOptions{Region: "99"}); err == nil {
			t.Fatal("unknown region accepted")
		}
	})
}

func TestImportDoesNotGuess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Two records with the same name in the same province, neither with identifiers.
		a, b := coop("تعاونية الأمل", "451", "", ""), coop("تعاونيةُ الأمل", "451", "", "")
		c := coop("تعاونية الخير", "451", "001561191000066", "")
		d := coop("تعاونية النور", "451", "", "9/2019")
		for _, o := range []*org.Organisation{&a, &b, &c, &d} {
			if err := s.CreateOrganisation(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		sum := importOrgs(t, s, store.ImportOptions{},
			coop("تعاونيه الامل", "451", "", ""),                      // the name of a and b: which?
			coop("تعاونية النور", "451", "001561191000066", "9/2019"), // ICE of c, register of d
		)
		if sum.Ambiguous != 2 || sum.Created+sum.Updated+sum.Unchanged != 0 ||
			!slices.Equal(keys(sum), []string{"importer.error.ambiguous", "importer.error.ambiguous"}) {
			t.Fatalf("%+v", sum)
		}
		if e := sum.Rejected[0]; e.Line != 2 || !slices.Contains(e.Args, any(2)) {
			t.Errorf("rejection %+v", e)
		}
		bundle, err := i18n.Load()
		if err != nil {
			t.Fatal(err)
		}
		z := bundle.For(i18n.EN)
		if msg := sum.Rejected[1].Message(z); msg != "Line 3: This row matches 2 records already in the registry (numbers "+
			itoa(c.ID)+", "+itoa(d.ID)+"): it was not imported. Merge those records first, or give this row its own ICE or register number." {
			t.Errorf("message %q", msg)
		}
	})
}

func TestImportRepeatedRowsAndPossibleDuplicates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		existing := coop("تعاونية الأمل", "451", "001561191000066", "")
		if err := s.CreateOrganisation(ctx, &existing); err != nil {
			t.Fatal(err)
		}
		repeat := coop("تعاونية الوفاء", "231", "", "5/2018")
		changedRepeat := repeat
		changedRepeat.Contact.Phone = "0661234567"
		namesake := coop("تعاونية الأمل", "451", "000000000000097", "") // same name and province, another ICE
		rows := []org.Organisation{repeat, changedRepeat, namesake}
		for round := range 2 {
			sum := importOrgs(t, s, store.ImportOptions{}, rows...)
			if !slices.Equal(keys(sum), []string{"importer.error.duplicate_in_file"}) || sum.Rejected[0].Line != 3 ||
				!slices.Contains(sum.Rejected[0].Args, any(2)) {
				t.Fatalf("round %d: %+v", round, sum)
			}
			if len(sum.Flagged) != 1 || sum.Flagged[0].Line != 4 || !slices.Equal(sum.Flagged[0].Others, []int64{existing.ID}) {
				t.Fatalf("round %d: flagged %+v", round, sum.Flagged)
			}
			if round == 0 && sum.Created != 2 || round == 1 && sum.Unchanged != 2 {
				t.Fatalf("round %d: %+v", round, sum)
			}
		}
		if n, _ := s.CountOrganisations(ctx); n != 3 {
			t.Fatalf("%d organisations", n)
		}
	})
}

func TestImportRefusesWhatWouldBreakARecord(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := coop("تعاونية الأمل", "451", "001561191000066", "15/2019")
		c.Identifiers.RegisterCourt = "صفرو"
		if err := s.CreateOrganisation(ctx, &c); err != nil {
			t.Fatal(err)
		}
		// The file says it is an association: with the register the record has, it cannot be.
		row := association("تعاونية الأمل", "451", "")
		row.Identifiers.ICE = "001561191000066"
		given := importer.FieldSet(0).With(importer.ICE).With(importer.LegalForm)
		seq := func(yield func(importer.Record, error) bool) {
			yield(importer.Record{Line: 7, Org: row, Given: given}, nil)
		}
		sum, err := s.ImportOrganisations(ctx, seq, store.ImportOptions{})
		if err != nil || !slices.Equal(keys(sum), []string{"org.error.register_not_for_association", "org.error.court_only_for_cooperatives"}) ||
			sum.Rejected[0].Line != 7 || sum.Rejected[0].Field != "register_number" {
			t.Fatalf("%+v %v", sum, err)
		}
		got, _ := s.Organisation(ctx, c.ID)
		if got.LegalForm != org.Cooperative {
			t.Fatal("record changed")
		}
	})
}

func TestImportIsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		broken := errors.New("the file ends in the middle of a row")
		seq := func(yield func(importer.Record, error) bool) {
			for i := range 1200 { // more than two batches are written before the failure
				o := coop("تعاونية رقم "+itoa(int64(i)), "451", "", "")
				o.Validate(civil.MustNew(2025, 6, 1))
				if !yield(importer.Record{Line: i + 2, Org: o, Given: allGiven}, nil) {
					return
				}
			}
			yield(importer.Record{}, broken)
		}
		if _, err := s.ImportOrganisations(ctx, seq, store.ImportOptions{}); !errors.Is(err, broken) {
			t.Fatalf("error %v", err)
		}
		if n, _ := s.CountOrganisations(ctx); n != 0 {
			t.Fatalf("%d organisations stored from a failed import", n)
		}
	})
}

func TestImportedRecordsAreSearchable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		rows := []org.Organisation{coop("تعاونية تيفاوت", "451", "", "1/2020"), coop("تعاونية الزيتونة", "561", "", "2/2020")}
		importOrgs(t, s, store.ImportOptions{}, rows...)
		res, err := s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: "تيفاوت"})
		if err != nil || res.Total != 1 || res.Hits[0].Name.AR != "تعاونية تيفاوت" {
			t.Fatalf("search after import: %+v %v", res, err)
		}
		rows[0].Name.AR = "تعاونية تيفاوت الجديدة"
		rows[0].Sector = taxonomy.Handicraft
		if sum := importOrgs(t, s, store.ImportOptions{}, rows...); sum.Updated != 1 {
			t.Fatalf("%+v", sum)
		}
		res, err = s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: "الجديدة"})
		if err != nil || res.Total != 1 || res.Hits[0].Sector != taxonomy.Handicraft {
			t.Fatalf("search after update: %+v %v", res, err)
		}
	})
}

// A 2,000-row import crosses several batches: matches, creates and flags across them.
func TestImportAcrossBatches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var rows []org.Organisation
		for i := range 2000 {
			o := coop("تعاونية رقم "+itoa(int64(i)), []string{"451", "231", "561"}[i%3], "", itoa(int64(i))+"/2020")
			o.Categories = []string{"honey", "figs"}
			o.Programmes = []taxonomy.Programme{taxonomy.INDH}
			rows = append(rows, o)
		}
		rows = append(rows, rows[10]) // line 2002 repeats line 12
		sum := importOrgs(t, s, store.ImportOptions{}, rows...)
		if sum.Created != 2000 || len(sum.Rejected) != 1 || sum.Rejected[0].Line != 2002 || !slices.Contains(sum.Rejected[0].Args, any(12)) {
			t.Fatalf("%+v", sum.Rejected)
		}
		all, _ := s.Organisations(ctx, 3000)
		if len(all) != 2000 {
			t.Fatalf("%d stored", len(all))
		}
		for i, o := range all {
			if o.Name.AR != rows[i].Name.AR || !slices.Equal(o.Categories, []string{"figs", "honey"}) || len(o.Programmes) != 1 {
				t.Fatalf("record %d stored as %+v", i, o)
			}
		}
		sum = importOrgs(t, s, store.ImportOptions{}, rows...)
		if sum.Unchanged != 2000 || sum.Created+sum.Updated != 0 {
			t.Fatalf("again: %+v", sum)
		}
	})
}

// What aswaq export writes, aswaq import reads back without changing anything.
func TestExportImportRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		full := coop("تعاونيةُ الأمل", "451", "001561191000066", "15/2019")
		full.Name.FR = "Coopérative Al Amal"
		full.Identifiers.RegisterCourt = "صفرو"
		full.FoundedOn = civil.MustNew(2019, 4, 2)
		full.Categories = []string{"honey", "figs", "prickly_pear_cactus"}
		full.Programmes = []taxonomy.Programme{taxonomy.INDH}
		full.Contact = org.Contact{Address: "حي المسيرة، صفرو", Phone: "0612345678", WhatsApp: true, Phone2: "0535652020",
			Email: "alamal@coop.ma", Website: "alamal.ma", PhonePublic: true}
		full.Members = org.Members{Women: 14, Men: 2, Under35: 6}
		full.WomenLed = true
		full.FoodSafetyNo = "ONSSA-1234"
		full.Description = mltext.Text{AR: "عسل الجبل", FR: "Miel de montagne"}
		assoc := association("جمعية النور", "051", "77/2020")
		assoc.Identifiers.ReceiptDate = civil.MustNew(2020, 12, 31)
		casa := coop("تعاونية البيضاء", "141", "", "3/2017")
		for _, o := range []*org.Organisation{&full, &assoc, &casa} {
			if err := s.CreateOrganisation(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		provinces, _ := s.Reference().Provinces(ctx, "")
		dir := t.TempDir()
		for _, format := range []importer.Format{importer.CSV, importer.XLSX} {
			for _, lang := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
				var buf bytes.Buffer
				exp, err := importer.NewExporter(&buf, format, lang, provinces)
				if err != nil {
					t.Fatal(err)
				}
				if err := s.ExportOrganisations(ctx, true, nil, exp.Write); err != nil {
					t.Fatal(err)
				}
				if err := exp.Close(); err != nil || exp.Count() != 3 {
					t.Fatalf("%d exported: %v", exp.Count(), err)
				}
				path := filepath.Join(dir, "export-"+string(lang)+"."+string(format))
				os.WriteFile(path, buf.Bytes(), 0o644)
				f, _ := os.Open(path)
				tab, err := importer.Open(f, int64(buf.Len()))
				if err != nil {
					t.Fatal(err)
				}
				var counts importer.Counts
				var bad []importer.RowError
				sum, err := s.ImportOrganisations(ctx, tab.Records(tab.Propose(), importer.Options{Province: importer.ProvinceIndex(provinces)},
					&counts, func(r *importer.Row) { bad = append(bad, r.Errors...) }), store.ImportOptions{})
				tab.Close()
				f.Close()
				if err != nil || len(bad) > 0 || sum.Unchanged != 3 || sum.Created+sum.Updated != 0 || len(sum.Rejected) > 0 {
					t.Fatalf("%s %s: %+v %v %v", format, lang, sum, bad, err)
				}
			}
		}
		// An export of one region holds only that region's organisations.
		var names []string
		s.ExportOrganisations(ctx, false, []string{"03"}, func(o *org.Organisation) error {
			names = append(names, o.Name.AR)
			return nil
		})
		if !slices.Equal(names, []string{"تعاونيةُ الأمل"}) {
			t.Fatalf("region 03 exports %q", names)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
