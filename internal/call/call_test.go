package call

import (
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
	got := keys(c.Validate())
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
