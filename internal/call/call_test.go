package call

import (
	"slices"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

func intp(n int) *int { return &n }

var opens = time.Date(2027, 5, 1, 9, 0, 0, 0, time.UTC)

func keys(err error) map[string]string {
	out := map[string]string{}
	if ae, ok := apperr.As(err); ok {
		for _, f := range ae.Fields {
			out[f.Field] = f.Key
		}
	}
	return out
}

func TestValidateReportsEveryProblemWithItsRow(t *testing.T) {
	c := Call{OpensAt: opens, ClosesAt: opens.Add(-time.Hour), Stands: -1,
		LegalForms: []org.LegalForm{"club"}, Sectors: []taxonomy.Sector{"mining"},
		Documents: []DocumentRule{{Kind: "passport"}},
		Questions: []Question{{Label: mltext.Text{FR: "A"}, Kind: ShortText}, {Key: "q1", Kind: "essay"}},
		Criteria: []Criterion{{Label: mltext.Text{FR: "Qualité"}, Weight: 0, Source: ByReviewers, Max: 20},
			{Weight: 10, Source: Computed, Rule: "lucky"}, {Weight: 10, Source: "jury"}, {Label: mltext.Text{AR: "ج"}, Weight: 5, Source: ByReviewers}},
		Quotas: []selection.Quota{{Attr: "sector", Value: "handicraft", Min: intp(80), Max: intp(60)},
			{Attr: "sector", Flag: "women_led", Min: intp(1)}, {Attr: "province", Value: "*"}, {Flag: "women_led", Min: intp(-1)},
			{Attr: "colour", Value: "red", Min: intp(1)}},
	}
	got := keys(c.Validate(Context{}))
	want := map[string]string{
		"closes_at": "call.error.closes_before_opens", "stands": "call.error.stands", "legal_forms": "call.error.legal_form",
		"sectors": "call.error.sector", "documents.1": "call.error.document_kind",
		"questions.2": "call.error.question_kind", // also a duplicate key and no label: the last found is kept
		"criteria.1":  "call.error.criterion_weight", "criteria.2": "call.error.criterion_rule",
		"criteria.3": "call.error.criterion_source", "criteria.4": "call.error.criterion_scale",
		"quotas.1": "call.error.quota_min_max", "quotas.2": "call.error.quota_subject", "quotas.3": "call.error.quota_bounds",
		"quotas.4": "call.error.quota_negative", "quotas.5": "call.error.quota_subject",
	}
	for f, k := range want {
		if got[f] != k {
			t.Errorf("%s: got %q, want %q", f, got[f], k)
		}
	}
	if _, ok := got["questions.1"]; ok {
		t.Error("a valid question was refused")
	}
}

// TestQuotaValues: a quota's value must be one its attribute can take, and the message
// names the row and the value.
func TestQuotaValues(t *testing.T) {
	cx := Context{RegionProvinces: []string{"451", "561"}} // Sefrou and Taza, region 03
	cases := []struct {
		attr, value string
		wantKey     string // "" when accepted
	}{
		{"sector", "handicraft", ""},
		{"sector", "services", ""},
		{"sector", "*", ""},
		{"sector", "Meknès", "call.error.quota_value_sector"},
		{"sector", "451", "call.error.quota_value_sector"},
		{"sector", "Handicraft", "call.error.quota_value_sector"},
		{"sector", "cooperative", "call.error.quota_value_sector"},
		{"province", "451", ""},
		{"province", "561", ""},
		{"province", "301", ""}, // invited by the call
		{"province", "*", ""},
		{"province", "401", "call.error.quota_value_province"}, // another region's, not invited
		{"province", "Meknès", "call.error.quota_value_province"},
		{"province", "handicraft", "call.error.quota_value_province"},
		{"province", " 451", "call.error.quota_value_province"},
		{"legal_form", "cooperative", ""},
		{"legal_form", "foreign_guest", ""},
		{"legal_form", "*", ""},
		{"legal_form", "club", "call.error.quota_value_legal_form"},
		{"legal_form", "handicraft", "call.error.quota_value_legal_form"},
		{"legal_form", "", "call.error.quota_value"},
	}
	for _, tc := range cases {
		c := Call{OpensAt: opens, ClosesAt: opens.Add(time.Hour), InvitedProvinces: []string{"301"},
			Quotas: []selection.Quota{{Flag: "women_led", Min: intp(1)}, {Attr: tc.attr, Value: tc.value, Min: intp(3)}}}
		err := c.Validate(cx)
		ae, _ := apperr.As(err)
		if tc.wantKey == "" {
			if err != nil {
				t.Errorf("%s = %q refused: %v", tc.attr, tc.value, err)
			}
			continue
		}
		if ae == nil || len(ae.Fields) != 1 {
			t.Errorf("%s = %q: got %v, want one error %s", tc.attr, tc.value, err, tc.wantKey)
			continue
		}
		fe := ae.Fields[0]
		if fe.Field != "quotas.2" || fe.Key != tc.wantKey {
			t.Errorf("%s = %q: %s %s, want quotas.2 %s", tc.attr, tc.value, fe.Field, fe.Key, tc.wantKey)
		}
		if tc.wantKey != "call.error.quota_value" && !slices.Equal(fe.Args, []any{"row", 2, "value", tc.value}) {
			t.Errorf("%s = %q: message arguments %v do not name the row and the value", tc.attr, tc.value, fe.Args)
		}
	}
	// Without the region's provinces only invited provinces are known: nothing is assumed.
	c := Call{OpensAt: opens, ClosesAt: opens.Add(time.Hour), Quotas: []selection.Quota{{Attr: "province", Value: "451", Max: intp(3)}}}
	if got := keys(c.Validate(Context{})); got["quotas.1"] != "call.error.quota_value_province" {
		t.Errorf("a province outside the known ones accepted: %v", got)
	}
	// Flags stay limited to the known ones.
	c.Quotas = []selection.Quota{{Flag: "rural", Min: intp(1)}}
	if got := keys(c.Validate(cx)); got["quotas.1"] != "call.error.quota_subject" {
		t.Errorf("unknown flag: %v", got)
	}
}

func TestEligibilityAndDocuments(t *testing.T) {
	c := Call{LegalForms: []org.LegalForm{org.Cooperative, org.Association}, InvitedProvinces: []string{"301"},
		Sectors:   []taxonomy.Sector{taxonomy.Handicraft, taxonomy.LocalProducts},
		Documents: []DocumentRule{{Kind: Statutes}, {Kind: ICECertificate, LegalForms: []org.LegalForm{org.Cooperative}}, {Kind: Statutes}}}
	region := []string{"451", "561"}
	ok := org.Organisation{LegalForm: org.Cooperative, ProvinceCode: "301", Sector: taxonomy.Handicraft}
	if err := c.Eligibility(&ok, region); err != nil {
		t.Fatalf("invited province refused: %v", err)
	}
	bad := org.Organisation{LegalForm: org.Mutual, ProvinceCode: "001", Sector: taxonomy.Services}
	if got := keys(c.Eligibility(&bad, region)); len(got) != 3 {
		t.Fatalf("ineligible: %v", got)
	}
	if docs := c.RequiredDocuments(org.Cooperative); len(docs) != 2 {
		t.Fatalf("cooperative documents: %v", docs)
	}
	if docs := c.RequiredDocuments(org.Association); len(docs) != 1 || docs[0] != Statutes {
		t.Fatalf("association documents: %v", docs)
	}
}
