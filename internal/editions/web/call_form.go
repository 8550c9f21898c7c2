package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/webkit"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// The call form's repeated rows use the edition form's scheme: numbered fields such as
// "criteria.2.weight", a rows count per group, spare empty rows, and "add rows".
var callGroups = []string{"documents", "questions", "criteria", "quotas"}

const localMinute = "2006-01-02T15:04" // the value of an <input type="datetime-local">

// CallFromForm reads the call form (the selection page's quota rows share its fields).
// Times are Moroccan wall-clock times.
func (h *Handlers) CallFromForm(r *http.Request, f *webkit.Form, editionID int64) call.Call {
	r.ParseForm()
	v := r.PostForm
	c := call.Call{EditionID: editionID}
	c.OpensAt = formMinute(f, "opens_at", v.Get("opens_at"))
	c.ClosesAt = formMinute(f, "closes_at", v.Get("closes_at"))
	c.Stands = webkit.ReadCount(f, "stands", v.Get("stands"))
	c.ReviewersEach = webkit.ReadCount(f, "reviewers_each", v.Get("reviewers_each"))
	for _, lf := range v["legal_forms"] {
		c.LegalForms = append(c.LegalForms, org.LegalForm(lf))
	}
	for _, sec := range v["sectors"] {
		c.Sectors = append(c.Sectors, taxonomy.Sector(sec))
	}
	c.InvitedProvinces = append(c.InvitedProvinces, v["invited_provinces"]...)
	for i := 1; i <= webkit.RowCount(v, "documents"); i++ {
		pre := "documents." + strconv.Itoa(i) + "."
		kind, who := v.Get(pre+"kind"), v.Get(pre+"who")
		if kind == "" {
			continue
		}
		rule := call.DocumentRule{Kind: call.DocKind(kind)}
		if who != "" && who != "all" {
			rule.LegalForms = []org.LegalForm{org.LegalForm(who)}
		}
		c.Documents = append(c.Documents, rule)
	}
	for i := 1; i <= webkit.RowCount(v, "questions"); i++ {
		pre := "questions." + strconv.Itoa(i) + "."
		q := call.Question{Key: v.Get(pre + "key"), Label: mltext.Text{AR: v.Get(pre + "label_ar"), FR: v.Get(pre + "label_fr")},
			Kind: call.QuestionKind(v.Get(pre + "kind")), Required: v.Get(pre+"required") == "1"}
		if !q.Label.Trimmed().IsZero() {
			c.Questions = append(c.Questions, q)
		}
	}
	for i := 1; i <= webkit.RowCount(v, "criteria"); i++ {
		pre := "criteria." + strconv.Itoa(i) + "."
		field := "criteria." + strconv.Itoa(i)
		cr := call.Criterion{Code: v.Get(pre + "code"), Label: mltext.Text{AR: v.Get(pre + "label_ar"), FR: v.Get(pre + "label_fr")},
			Source: call.Source(v.Get(pre + "source")), Rule: call.Rule(v.Get(pre + "rule"))}
		cr.Weight = webkit.ReadCount(f, field, v.Get(pre+"weight"))
		cr.Max = webkit.ReadCount(f, field, v.Get(pre+"max"))
		if cr.Source == call.Computed {
			cr.Max = 0
		} else {
			cr.Rule = ""
		}
		if cr.Source != "" || !cr.Label.Trimmed().IsZero() || cr.Weight != 0 {
			c.Criteria = append(c.Criteria, cr)
		}
	}
	for i := 1; i <= webkit.RowCount(v, "quotas"); i++ {
		pre := "quotas." + strconv.Itoa(i) + "."
		field := "quotas." + strconv.Itoa(i)
		subject := v.Get(pre + "subject")
		if subject == "" {
			continue
		}
		q := selection.Quota{Min: formBound(f, field, v.Get(pre+"min")), Max: formBound(f, field, v.Get(pre+"max"))}
		if slices.Contains(call.Flags, subject) {
			q.Flag = subject
		} else {
			q.Attr, q.Value = subject, strings.TrimSpace(v.Get(pre+"value"))
		}
		c.Quotas = append(c.Quotas, q)
	}
	return c
}

// formMinute reads a datetime-local value as a time in Morocco.
func formMinute(f *webkit.Form, field, s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation(localMinute, s, civil.Casablanca)
	if err != nil {
		f.ReadError(field, "call.error.time_format")
	}
	return t
}

// formBound reads an optional quota bound: empty is no bound.
func formBound(f *webkit.Form, field, s string) *int {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	n := webkit.ReadCount(f, field, s)
	return &n
}

// CallValues fills the call form from a stored call, with spare rows.
func CallValues(c call.Call) *webkit.Form {
	f := webkit.NewForm()
	f.Multi = map[string][]string{}
	set := func(k, v string) { f.Values[k] = v }
	if !c.OpensAt.IsZero() {
		set("opens_at", c.OpensAt.In(civil.Casablanca).Format(localMinute))
	}
	if !c.ClosesAt.IsZero() {
		set("closes_at", c.ClosesAt.In(civil.Casablanca).Format(localMinute))
	}
	set("stands", strconv.Itoa(c.Stands))
	set("reviewers_each", strconv.Itoa(max(c.ReviewersEach, call.DefaultReviewersEach)))
	for _, lf := range c.LegalForms {
		f.Multi["legal_forms"] = append(f.Multi["legal_forms"], string(lf))
	}
	for _, sec := range c.Sectors {
		f.Multi["sectors"] = append(f.Multi["sectors"], string(sec))
	}
	f.Multi["invited_provinces"] = c.InvitedProvinces
	for i, d := range c.Documents {
		pre := "documents." + strconv.Itoa(i+1) + "."
		set(pre+"kind", string(d.Kind))
		set(pre+"who", "all")
		if len(d.LegalForms) > 0 {
			set(pre+"who", string(d.LegalForms[0]))
		}
	}
	for i, q := range c.Questions {
		pre := "questions." + strconv.Itoa(i+1) + "."
		set(pre+"key", q.Key)
		set(pre+"label_ar", q.Label.AR)
		set(pre+"label_fr", q.Label.FR)
		set(pre+"kind", string(q.Kind))
		if q.Required {
			set(pre+"required", "1")
		}
	}
	for i, cr := range c.Criteria {
		pre := "criteria." + strconv.Itoa(i+1) + "."
		set(pre+"code", cr.Code)
		set(pre+"label_ar", cr.Label.AR)
		set(pre+"label_fr", cr.Label.FR)
		set(pre+"weight", strconv.Itoa(cr.Weight))
		set(pre+"source", string(cr.Source))
		set(pre+"rule", string(cr.Rule))
		if cr.Max > 0 {
			set(pre+"max", strconv.Itoa(cr.Max))
		}
	}
	for i, q := range c.Quotas {
		pre := "quotas." + strconv.Itoa(i+1) + "."
		set(pre+"subject", q.Attr+q.Flag)
		set(pre+"value", q.Value)
		if q.Min != nil {
			set(pre+"min", strconv.Itoa(*q.Min))
		}
		if q.Max != nil {
			set(pre+"max", strconv.Itoa(*q.Max))
		}
	}
	rows := map[string]int{"documents": len(c.Documents), "questions": len(c.Questions), "criteria": len(c.Criteria), "quotas": len(c.Quotas)}
	for g, n := range rows {
		set(g+".rows", strconv.Itoa(n+webkit.SpareRows))
	}
	return f
}

// callTemplate is the call a new edition starts from: what Moroccan councils usually ask,
// for the organiser to adjust. The questions keyed power, water and accessibility are the
// needs the stand assignment meets. It opens tomorrow morning and closes three weeks later.
func callTemplate(e *fair.Edition, now time.Time) call.Call {
	day := now.In(civil.Casablanca).AddDate(0, 0, 1)
	opens := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, civil.Casablanca)
	stands := e.TargetOrgs
	if stands == 0 {
		stands = e.TargetStands
	}
	label := func(ar, fr string) mltext.Text { return mltext.Text{AR: ar, FR: fr} }
	return call.Call{EditionID: e.ID, OpensAt: opens, ClosesAt: opens.AddDate(0, 0, 21).Add(15*time.Hour - time.Minute),
		Stands: stands, ReviewersEach: call.DefaultReviewersEach,
		Documents: []call.DocumentRule{{Kind: call.Statutes},
			{Kind: call.RegisterExtract, LegalForms: []org.LegalForm{org.Cooperative}},
			{Kind: call.AssociationReceipt, LegalForms: []org.LegalForm{org.Association}},
			{Kind: call.PresidentID}, {Kind: call.ProductPhotos}},
		Questions: []call.Question{
			{Key: "products", Label: label("ما المنتوجات التي ستعرضونها؟", "Quels produits exposerez-vous ?"), Kind: call.LongText, Required: true},
			{Key: "power", Label: label("هل تحتاجون إلى الكهرباء في الرواق؟", "Avez-vous besoin d'électricité sur le stand ?"), Kind: call.YesNo},
			{Key: "water", Label: label("هل تحتاجون إلى نقطة ماء قرب الرواق؟", "Avez-vous besoin d'un point d'eau près du stand ?"), Kind: call.YesNo},
			{Key: "accessibility", Label: label("هل يحتاج أحد ممثليكم إلى رواق يسهل الوصول إليه (دون درج)؟", "Un de vos représentants a-t-il besoin d'un stand accessible (sans marche) ?"), Kind: call.YesNo},
		},
		Criteria: []call.Criterion{
			{Code: "quality", Label: label("جودة المنتوجات", "Qualité des produits"), Weight: 40, Source: call.ByReviewers, Max: 20},
			{Code: "presentation", Label: label("التلفيف والتقديم", "Emballage et présentation"), Weight: 20, Source: call.ByReviewers, Max: 10},
			{Code: "first", Weight: 15, Source: call.Computed, Rule: call.FirstParticipation},
			{Code: "women", Weight: 15, Source: call.Computed, Rule: call.WomenLed},
			{Code: "youth", Weight: 10, Source: call.Computed, Rule: call.YouthLed},
		}}
}
