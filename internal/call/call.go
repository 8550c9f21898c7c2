// Package call is the domain of a call for applications: when it is open, who may apply,
// what they must send, what they are asked, how they will be scored and what quotas the
// selection will respect. It is pure: no I/O.
package call

import (
	"slices"
	"strconv"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// Call is an edition's call for applications. Empty lists of legal forms and sectors mean
// any; provinces are always the edition's region's own plus InvitedProvinces.
type Call struct {
	EditionID int64
	OpensAt   time.Time
	ClosesAt  time.Time
	// AnnouncedClosesAt is the deadline first announced, kept when the organisers closed
	// the call before it (ClosesAt is then when they did); zero otherwise.
	AnnouncedClosesAt time.Time
	LegalForms        []org.LegalForm
	InvitedProvinces  []string
	Sectors           []taxonomy.Sector
	Documents         []DocumentRule
	Questions         []Question
	Criteria          []Criterion
	Quotas            []selection.Quota
	Stands            int // places to fill: the selection's seats
	ReviewersEach     int // reviewers per application; 2 by default
}

// DefaultReviewersEach is how many reviewers score each application unless the call says.
const DefaultReviewersEach = 2

// Context is what validating a call needs to know beyond the call itself.
type Context struct {
	// RegionProvinces are the provinces of the edition's region: with the call's invited
	// provinces, the only provinces an applicant (so a province quota) can have.
	RegionProvinces []string
}

// Validate checks a call before it is stored and reports every problem at once.
func (c *Call) Validate(cx Context) error {
	var v apperr.Validation
	v.Check(!c.OpensAt.IsZero(), "opens_at", "call.error.opens_required")
	v.Check(!c.ClosesAt.IsZero(), "closes_at", "call.error.closes_required")
	if !c.OpensAt.IsZero() && !c.ClosesAt.IsZero() {
		v.Check(c.ClosesAt.After(c.OpensAt), "closes_at", "call.error.closes_before_opens")
	}
	for _, f := range c.LegalForms {
		v.Check(slices.Contains(org.LegalForms, f), "legal_forms", "call.error.legal_form")
	}
	for _, s := range c.Sectors {
		v.Check(slices.Contains(taxonomy.Sectors, s), "sectors", "call.error.sector")
	}
	v.Check(c.Stands >= 0, "stands", "call.error.stands")
	if c.ReviewersEach == 0 {
		c.ReviewersEach = DefaultReviewersEach
	}
	v.Check(c.ReviewersEach >= 1 && c.ReviewersEach <= 9, "reviewers_each", "call.error.reviewers_each")
	for i, d := range c.Documents {
		v.Check(slices.Contains(DocKinds, d.Kind), "documents."+strconv.Itoa(i+1), "call.error.document_kind", "row", i+1)
	}
	c.validateQuestions(&v)
	c.validateCriteria(&v)
	c.validateQuotas(&v, cx)
	return v.Err()
}

func (c *Call) validateQuestions(v *apperr.Validation) {
	seen := map[string]bool{}
	for i := range c.Questions {
		q := &c.Questions[i]
		q.Label = q.Label.Trimmed()
		f := "questions." + strconv.Itoa(i+1)
		if q.Key == "" {
			q.Key = "q" + strconv.Itoa(i+1)
		}
		v.Check(!seen[q.Key], f, "call.error.question_duplicate", "row", i+1)
		seen[q.Key] = true
		v.Check(q.Label.AR != "" || q.Label.FR != "", f, "call.error.question_label", "row", i+1)
		v.Check(slices.Contains(QuestionKinds, q.Kind), f, "call.error.question_kind", "row", i+1)
	}
}

func (c *Call) validateCriteria(v *apperr.Validation) {
	seen := map[string]bool{}
	for i := range c.Criteria {
		cr := &c.Criteria[i]
		cr.Label = cr.Label.Trimmed()
		f := "criteria." + strconv.Itoa(i+1)
		if cr.Code == "" {
			cr.Code = "c" + strconv.Itoa(i+1)
		}
		v.Check(!seen[cr.Code], f, "call.error.criterion_duplicate", "row", i+1)
		seen[cr.Code] = true
		v.Check(cr.Weight > 0 && cr.Weight <= 100, f, "call.error.criterion_weight", "row", i+1)
		switch cr.Source {
		case ByReviewers:
			v.Check(cr.Label.AR != "" || cr.Label.FR != "", f, "call.error.criterion_label", "row", i+1)
			v.Check(cr.Max >= 1 && cr.Max <= 100, f, "call.error.criterion_scale", "row", i+1)
		case Computed:
			v.Check(slices.Contains(Rules, cr.Rule), f, "call.error.criterion_rule", "row", i+1)
		default:
			v.Add(f, "call.error.criterion_source", "row", i+1)
		}
	}
}

// validateQuotas checks the quotas the way the selection engine will, so an organiser
// learns of a bad quota when saving the call, not when running the selection. It also
// refuses a value its attribute cannot take (a province as a sector, a province of another
// region): the engine would accept it, and the quota would silently bound an empty group.
func (c *Call) validateQuotas(v *apperr.Validation, cx Context) {
	for i, q := range c.Quotas {
		f := "quotas." + strconv.Itoa(i+1)
		switch {
		case (q.Attr == "") == (q.Flag == ""):
			v.Add(f, "call.error.quota_subject", "row", i+1)
		case q.Attr != "" && !slices.Contains(QuotaAttrs, q.Attr):
			v.Add(f, "call.error.quota_subject", "row", i+1)
		case q.Flag != "" && !slices.Contains(Flags, q.Flag):
			v.Add(f, "call.error.quota_subject", "row", i+1)
		case q.Attr != "" && q.Value == "":
			v.Add(f, "call.error.quota_value", "row", i+1)
		case q.Attr != "" && q.Value != "*" && !c.quotaValueOK(q.Attr, q.Value, cx):
			switch q.Attr {
			case "sector":
				v.Add(f, "call.error.quota_value_sector", "row", i+1, "value", q.Value)
			case "province":
				v.Add(f, "call.error.quota_value_province", "row", i+1, "value", q.Value)
			default:
				v.Add(f, "call.error.quota_value_legal_form", "row", i+1, "value", q.Value)
			}
		case q.Min == nil && q.Max == nil:
			v.Add(f, "call.error.quota_bounds", "row", i+1)
		case (q.Min != nil && *q.Min < 0) || (q.Max != nil && *q.Max < 0):
			v.Add(f, "call.error.quota_negative", "row", i+1)
		case q.Min != nil && q.Max != nil && *q.Min > *q.Max:
			v.Add(f, "call.error.quota_min_max", "row", i+1, "min", *q.Min, "max", *q.Max)
		}
	}
}

// quotaValueOK reports whether attribute attr (one of QuotaAttrs) can take value: a sector
// of the taxonomy, a province of the region or invited by the call, a known legal form.
func (c *Call) quotaValueOK(attr, value string, cx Context) bool {
	switch attr {
	case "sector":
		return slices.Contains(taxonomy.Sectors, taxonomy.Sector(value))
	case "province":
		return slices.Contains(cx.RegionProvinces, value) || slices.Contains(c.InvitedProvinces, value)
	case "legal_form":
		return slices.Contains(org.LegalForms, org.LegalForm(value))
	}
	return false
}

// The attributes and flags quotas may name: what Aswaq knows of every applicant.
var (
	QuotaAttrs = []string{"sector", "province", "legal_form"}
	Flags      = []string{"women_led", "youth_led", "first_time"}
)

// Eligibility tells whether an organisation may apply, and if not, why: catalog keys with
// the field they concern. regionProvinces are the provinces of the edition's region.
func (c *Call) Eligibility(o *org.Organisation, regionProvinces []string) error {
	var v apperr.Validation
	if len(c.LegalForms) > 0 && !slices.Contains(c.LegalForms, o.LegalForm) {
		v.Add("legal_form", "call.error.not_eligible_form")
	}
	if !slices.Contains(regionProvinces, o.ProvinceCode) && !slices.Contains(c.InvitedProvinces, o.ProvinceCode) {
		v.Add("province", "call.error.not_eligible_province")
	}
	if len(c.Sectors) > 0 && !slices.Contains(c.Sectors, o.Sector) {
		v.Add("sector", "call.error.not_eligible_sector")
	}
	return v.Err()
}

// RequiredDocuments lists the documents an organisation of legal form f must send.
func (c *Call) RequiredDocuments(f org.LegalForm) []DocKind {
	var out []DocKind
	for _, d := range c.Documents {
		if (len(d.LegalForms) == 0 || slices.Contains(d.LegalForms, f)) && !slices.Contains(out, d.Kind) {
			out = append(out, d.Kind)
		}
	}
	return out
}

// Question is an extra question the call asks every applicant.
type Question struct {
	Key      string
	Label    mltext.Text
	Kind     QuestionKind
	Required bool
}

// QuestionKind is the kind of answer a question expects.
type QuestionKind string

// The kinds of answers.
const (
	ShortText QuestionKind = "text"
	LongText  QuestionKind = "long_text"
	YesNo     QuestionKind = "yes_no"
	Number    QuestionKind = "number"
)

// QuestionKinds lists the kinds in the order forms offer them.
var QuestionKinds = []QuestionKind{ShortText, LongText, YesNo, Number}
