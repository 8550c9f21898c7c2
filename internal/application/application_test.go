package application

import (
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/org"
)

func testCall() *call.Call {
	return &call.Call{
		Documents: []call.DocumentRule{{Kind: call.Statutes}, {Kind: call.FoodSafetyDoc, LegalForms: []org.LegalForm{org.Cooperative}}},
		Questions: []call.Question{{Key: "members", Kind: call.Number, Required: true}, {Key: "story", Kind: call.LongText},
			{Key: "export", Kind: call.YesNo}},
		Criteria: []call.Criterion{
			{Code: "quality", Weight: 50, Source: call.ByReviewers, Max: 20},
			{Code: "story", Weight: 20, Source: call.ByReviewers, Max: 5},
			{Code: "first", Weight: 30, Source: call.Computed, Rule: call.FirstParticipation},
		},
	}
}

func TestMissingDependsOnLegalForm(t *testing.T) {
	a := Application{Documents: []Document{{Kind: call.Statutes}}, Answers: map[string]string{"members": " "}}
	coop := a.Missing(testCall(), org.Cooperative)
	if len(coop) != 2 || coop[0].Field != "document.food_safety" || coop[1].Field != "answer.members" {
		t.Fatalf("cooperative: %+v", coop)
	}
	if assoc := a.Missing(testCall(), org.Association); len(assoc) != 1 {
		t.Fatalf("association: %+v", assoc)
	}
}

func TestCheckAnswers(t *testing.T) {
	clean, bad := CheckAnswers(testCall(), map[string]string{"members": "٤٢", "export": "maybe", "other": "x", "story": " hi "})
	if clean["members"] != "42" || clean["story"] != "hi" || len(clean) != 2 || len(bad) != 1 || bad[0].Field != "answer.export" {
		t.Fatalf("clean %v bad %v", clean, bad)
	}
}

var at = time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)

func TestFinalIsTheWeightedMeanOfReviewsAndComputedCriteria(t *testing.T) {
	reviews := []Review{
		{Scores: map[string]int{"quality": 16, "story": 5}, SubmittedAt: at},
		{Scores: map[string]int{"quality": 12, "story": 3}, SubmittedAt: at},
		{Conflict: true, SubmittedAt: at},                                          // a declared conflict does not count
		{Scores: map[string]int{"quality": 0}},                                     // assigned, not submitted: does not count
		{Scores: map[string]int{"quality": 99}, SubmittedAt: at, ApplicationID: 0}, // above the scale: capped
	}
	s := Final(testCall(), reviews, Facts{FirstParticipation: true})
	// quality: (16/20 + 12/20 + 20/20) / 3 = 0.8 → 40 points; story: (1 + 0.6)/2 = 0.8 → 16; first: 30.
	if !s.Complete || s.Total != 86 || s.Parts[0].Reviews != 3 || s.Parts[2].Points != 30 {
		t.Fatalf("%+v", s)
	}
	if s := Final(testCall(), nil, Facts{}); s.Complete || s.Total != 0 {
		t.Fatalf("no reviews: %+v", s)
	}
}

func TestCheckDocument(t *testing.T) {
	pdf := []byte("%PDF-1.7 ...")
	jpeg := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0}
	good := map[string][]byte{"statuts.pdf": pdf, "scan.JPG": jpeg, "photo": jpeg, "carte.png": []byte("\x89PNG\r\n\x1a\nxx")}
	for name, data := range good {
		if _, err := CheckDocument(name, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	bad := map[string][]byte{
		"statuts.pdf": jpeg, "virus.jpg": []byte("MZ\x90\x00"), "doc.docx": []byte("PK\x03\x04"), "empty.pdf": nil,
		"huge.pdf": append([]byte("%PDF-"), make([]byte, call.MaxDocumentBytes)...),
	}
	for name, data := range bad {
		if _, err := CheckDocument(name, data); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("%s accepted: %v", name, err)
		}
	}
}

func TestReference(t *testing.T) {
	if got := Reference(2027, 12, 42); got != "2027-12-0042" {
		t.Fatal(got)
	}
}
