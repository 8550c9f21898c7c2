package org

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

var today = civil.MustNew(2026, 11, 22)

func fields(err error) map[string]string {
	out := map[string]string{}
	if e, ok := apperr.As(err); ok {
		for _, f := range e.Fields {
			out[f.Field] = f.Key
		}
	}
	return out
}

func TestValidICE(t *testing.T) {
	for ice, ok := range map[string]bool{
		"001561191000066": true, "002136093000040": true,
		"001561191000065": false, "00156119100006": false, "0015611910000660": false, "00156119100006a": false,
	} {
		if ValidICE(ice) != ok {
			t.Errorf("ValidICE(%q) != %v", ice, ok)
		}
	}
	if Digits("٠٠١ ٥٦١-١٩١ ٠٠٠ ٠٦٦") != "001561191000066" {
		t.Error("Arabic-Indic digits not read")
	}
}

func TestValidateNormalizesAndAccepts(t *testing.T) {
	o := Organisation{
		LegalForm: Cooperative, Name: mltext.Text{AR: " تعاونية الأمل ", FR: "Coopérative Al Amal"},
		Identifiers:  Identifiers{ICE: "001 561 191 000 066", RegisterNumber: "123/2015", RegisterCourt: "Sefrou"},
		ProvinceCode: "451", Sector: taxonomy.LocalProducts, Categories: []string{"honey", "honey", "figs"},
		Contact:   Contact{Phone: "0612-345678", WhatsApp: true, Email: "Contact@AlAmal.ma", Website: "alamal.ma"},
		Members:   Members{Women: 12, Men: 3, Under35: 5},
		FoundedOn: civil.MustNew(2015, 3, 1), Programmes: []taxonomy.Programme{taxonomy.INDH},
	}
	if err := o.Validate(today); err != nil {
		t.Fatal(err)
	}
	if o.Identifiers.ICE != "001561191000066" || o.Contact.Phone != "+212612345678" || o.Contact.Email != "contact@alamal.ma" ||
		o.Contact.Website != "https://alamal.ma" || len(o.Categories) != 2 || o.Status != Validated || !o.SellsFood() {
		t.Fatalf("normalized to %+v", o)
	}
}

func TestValidateRefusesWhatIsWrong(t *testing.T) {
	o := Organisation{
		LegalForm: Association, Name: mltext.Text{FR: "Sans nom arabe"}, Sector: "mining",
		Identifiers: Identifiers{ICE: "001561191000065", RegisterNumber: "RC 1"},
		Contact:     Contact{Phone: "12", Email: "nope", Website: "ftp://x"},
		Members:     Members{Women: 2, Men: 1, Under35: 9}, FoundedOn: civil.MustNew(2030, 1, 1),
		Categories: []string{"plutonium"},
	}
	got := fields(o.Validate(today))
	for field, key := range map[string]string{
		"name_ar": "org.error.name_ar_required", "province": "org.error.province_required", "sector": "org.error.sector",
		"ice": "org.error.ice_invalid", "register_number": "org.error.register_not_for_association",
		"phone": "org.error.phone_invalid", "email": "org.error.email_invalid", "website": "org.error.link_invalid",
		"members_under_35": "org.error.members_youth_exceeds", "founded_on": "org.error.founded_on",
		"categories": "org.error.category_unknown",
	} {
		if got[field] != key {
			t.Errorf("%s: got %q, want %q", field, got[field], key)
		}
	}
	coop := Organisation{LegalForm: Artisan, Name: mltext.Text{AR: "صانع"}, ProvinceCode: "231", Sector: taxonomy.Handicraft,
		Identifiers: Identifiers{ReceiptNumber: "12", RegisterCourt: "Fès"}}
	got = fields(coop.Validate(today))
	if got["receipt_number"] != "org.error.receipt_only_for_associations" || got["register_court"] != "org.error.court_only_for_cooperatives" {
		t.Errorf("identifiers of another form: %v", got)
	}
}
