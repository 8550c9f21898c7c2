package store

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/textfold"
)

// AppFilter narrows the organisers' list of an edition's applications.
type AppFilter struct {
	EditionID   int64
	Province    string
	Sector      string
	LegalForm   string
	Status      string
	Eligibility string
	Decision    string // one of Outcomes
	Query       string // a piece of the organisation's name, in any spelling variant
	Limit       int    // 0: 50; negative: every row (exports)
	Offset      int
}

// AppRow is one application in the organisers' list, with its organisation's facts.
type AppRow struct {
	ID                int64
	Reference         string
	Status            application.Status
	Eligibility       application.Eligibility
	EligibilityReason string
	SubmittedAt       time.Time
	OrganisationID    int64
	Name              mltext.Text
	Province          string
	Sector            taxonomy.Sector
	LegalForm         org.LegalForm
	WomenLed          bool
	YouthLed          bool
	Decision          application.Decision // empty until the selection is published
	DecisionReason    selection.Reason
	WaitlistRank      int
}

// Outcome is what the published selection made of an application, as the organisers'
// list filters and counts it: a decision, the application found ineligible (not selected
// for that reason), or no decision (before publication, or a draft).
func (r *AppRow) Outcome() string { return outcome(r.Decision, r.Eligibility) }

func outcome(d application.Decision, el application.Eligibility) string {
	switch {
	case d == "":
		return OutcomeNone
	case d == application.NotSelected && el == application.Ineligible:
		return OutcomeIneligible
	}
	return string(d)
}

// The outcomes beside the decisions.
const (
	OutcomeIneligible = "ineligible"
	OutcomeNone       = "none"
)

// Outcomes lists the values of the list's decision filter, in order.
var Outcomes = []string{string(application.Selected), string(application.Waitlisted), string(application.NotSelected),
	OutcomeIneligible, OutcomeNone}

// outcomeColumn computes an application's outcome in SQL, as outcome does.
const outcomeColumn = `(CASE WHEN a.decision IS NULL THEN 'none' WHEN a.decision = 'not_selected' AND a.eligibility = 'ineligible'
	THEN 'ineligible' ELSE a.decision END)`

// AppCounts are the list's facets: how many applications each value of a dimension holds.
// Each dimension's counts respect every filter but its own, so that choosing Sefrou still
// shows how many applications the other provinces hold (what one expects of facets: a
// count says what choosing that value would give).
type AppCounts struct {
	Province    map[string]int
	Sector      map[string]int
	LegalForm   map[string]int
	Status      map[string]int
	Eligibility map[string]int
	Decision    map[string]int // by outcome
}

// The dimensions of the list, each with its column.
var appDimensions = []struct{ name, column string }{
	{"province", "o.province_code"},
	{"sector", "o.sector"},
	{"legal_form", "o.legal_form"},
	{"status", "a.status"},
	{"eligibility", "a.eligibility"},
	{"decision", outcomeColumn},
}

func (f *AppFilter) value(dim string) string {
	switch dim {
	case "province":
		return f.Province
	case "sector":
		return f.Sector
	case "legal_form":
		return f.LegalForm
	case "status":
		return f.Status
	case "eligibility":
		return f.Eligibility
	case "decision":
		return f.Decision
	}
	return ""
}

// where builds the filter's condition, leaving out dimension skip ("" keeps them all).
func (f *AppFilter) where(skip string) (string, []any) {
	var args db.Args
	arg := args.Add
	conds := []string{"a.edition_id = " + arg(f.EditionID)}
	for _, d := range appDimensions {
		if v := f.value(d.name); v != "" && d.name != skip {
			conds = append(conds, d.column+" = "+arg(v))
		}
	}
	if q := textfold.Fold(f.Query); q != "" {
		like := arg("%" + q + "%")
		conds = append(conds, "(o.name_key LIKE "+like+" OR LOWER(o.name_fr) LIKE "+like+")")
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

const appFrom = ` FROM applications a JOIN organisations o ON o.id = a.organisation_id`

// ListApplications lists an edition's applications in the order they were started, with
// the total for paging and the counts of each dimension.
func (s *Store) ListApplications(ctx context.Context, f AppFilter) ([]AppRow, int, AppCounts, error) {
	counts := AppCounts{Province: map[string]int{}, Sector: map[string]int{}, LegalForm: map[string]int{},
		Status: map[string]int{}, Eligibility: map[string]int{}, Decision: map[string]int{}}
	into := map[string]map[string]int{"province": counts.Province, "sector": counts.Sector,
		"legal_form": counts.LegalForm, "status": counts.Status, "eligibility": counts.Eligibility, "decision": counts.Decision}
	for _, d := range appDimensions {
		cond, args := f.where(d.name)
		err := eachRow(ctx, s.db, `SELECT `+d.column+`, COUNT(*)`+appFrom+cond+` GROUP BY `+d.column, args,
			func(sc scanner) error {
				var v string
				var n int
				err := sc.Scan(&v, &n)
				into[d.name][v] = n
				return err
			})
		if err != nil {
			return nil, 0, counts, err
		}
	}
	cond, args := f.where("")
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+appFrom+cond, args...).Scan(&total); err != nil {
		return nil, 0, counts, err
	}
	q := `SELECT a.id, COALESCE(a.reference, ''), a.status, a.eligibility, a.eligibility_reason, a.submitted_at,
		o.id, o.name_ar, o.name_fr, o.name_zgh, o.province_code, o.sector, o.legal_form, o.women_led, o.youth_led,
		COALESCE(a.decision, ''), a.decision_reason, COALESCE(a.waitlist_rank, 0)` +
		appFrom + cond + ` ORDER BY a.id`
	switch {
	case f.Limit == 0 || f.Limit > 500:
		q += ` LIMIT 50 OFFSET ` + itoa(max(f.Offset, 0))
	case f.Limit > 0:
		q += ` LIMIT ` + itoa(f.Limit) + ` OFFSET ` + itoa(max(f.Offset, 0))
	}
	var rows []AppRow
	err := eachRow(ctx, s.db, q, args, func(sc scanner) error {
		var r AppRow
		var reason string
		err := sc.Scan(&r.ID, &r.Reference, &r.Status, &r.Eligibility, &r.EligibilityReason, timeCol(&r.SubmittedAt),
			&r.OrganisationID, &r.Name.AR, &r.Name.FR, &r.Name.ZGH, &r.Province, &r.Sector, &r.LegalForm, &r.WomenLed, &r.YouthLed,
			&r.Decision, &reason, &r.WaitlistRank)
		if err == nil && reason != "" {
			err = json.Unmarshal([]byte(reason), &r.DecisionReason)
		}
		rows = append(rows, r)
		return err
	})
	return rows, total, counts, err
}
