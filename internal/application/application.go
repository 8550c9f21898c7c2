// Package application is the domain of an organisation's application to an edition: its
// draft, its documents, the completeness check, submission and withdrawal, eligibility, and
// the reviews that score it. It is pure: no I/O.
package application

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/textfold"
)

// Status is where an application stands.
type Status string

// The life of an application. Selection (a later step) adds its decision beside it.
const (
	Draft     Status = "draft"
	Submitted Status = "submitted"
	Withdrawn Status = "withdrawn"
)

// Statuses lists them in order.
var Statuses = []Status{Draft, Submitted, Withdrawn}

// Eligibility is the organisers' decision on whether an application may compete.
type Eligibility string

// Eligibility values; Unchecked until an organiser decides.
const (
	Unchecked  Eligibility = "unchecked"
	Eligible   Eligibility = "eligible"
	Ineligible Eligibility = "ineligible"
)

// Eligibilities lists them in order.
var Eligibilities = []Eligibility{Unchecked, Eligible, Ineligible}

// Application is one organisation's application to one edition.
type Application struct {
	ID                int64
	EditionID         int64
	OrganisationID    int64
	Reference         string // given at first submission, e.g. "2027-12-0042"
	Status            Status
	Answers           map[string]string
	Documents         []Document
	Eligibility       Eligibility
	EligibilityReason string
	SubmittedAt       time.Time
	WithdrawnAt       time.Time
	UpdatedAt         time.Time
}

// Document is an uploaded supporting document; its bytes live in the store.
type Document struct {
	ID          int64
	Kind        call.DocKind
	Filename    string
	ContentType string
	Size        int
}

// Missing is one thing an application lacks before it can be submitted: a document kind or
// a question's key, with a catalog key that says it.
type Missing struct {
	Field string
	Key   string
	Args  []any
}

// Missing lists what the application lacks for the call, for an organisation of legal form
// f: required documents not uploaded and required questions not answered.
func (a *Application) Missing(c *call.Call, f org.LegalForm) []Missing {
	var out []Missing
	for _, kind := range c.RequiredDocuments(f) {
		if !slices.ContainsFunc(a.Documents, func(d Document) bool { return d.Kind == kind }) {
			out = append(out, Missing{Field: "document." + string(kind), Key: "application.missing.document",
				Args: []any{"document", string(kind)}})
		}
	}
	for _, q := range c.Questions {
		if q.Required && strings.TrimSpace(a.Answers[q.Key]) == "" {
			out = append(out, Missing{Field: "answer." + q.Key, Key: "application.missing.answer", Args: []any{"n", q.Key}})
		}
	}
	return out
}

// CheckAnswers refuses answers that do not fit their question: a number that is not one, a
// yes/no that is neither. Unknown keys are dropped.
func CheckAnswers(c *call.Call, answers map[string]string) (map[string]string, []Missing) {
	clean := map[string]string{}
	var bad []Missing
	for _, q := range c.Questions {
		v := strings.TrimSpace(answers[q.Key])
		if v == "" {
			continue
		}
		switch q.Kind {
		case call.Number:
			if _, err := strconv.Atoi(textfold.ASCIIDigits(v)); err != nil {
				bad = append(bad, Missing{Field: "answer." + q.Key, Key: "application.error.answer_number"})
				continue
			}
			v = textfold.ASCIIDigits(v)
		case call.YesNo:
			if v != "yes" && v != "no" {
				bad = append(bad, Missing{Field: "answer." + q.Key, Key: "application.error.answer_yes_no"})
				continue
			}
		}
		if len(v) > 4000 {
			bad = append(bad, Missing{Field: "answer." + q.Key, Key: "application.error.answer_long"})
			continue
		}
		clean[q.Key] = v
	}
	return clean, bad
}

// Reference is an application's reference: the edition's year, the edition, and the
// application's rank in it, short enough to read over the phone.
func Reference(year int, editionID int64, rank int) string {
	return fmt.Sprintf("%d-%d-%04d", year, editionID, rank)
}
