package web

import (
	"context"
	"strings"

	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/org"
)

// applicationView is one application as the organisers and the reviewers read it; the
// page adds the organisers' or the reviewer's part.
type applicationView struct {
	ID           int64
	Reference    string
	EditionTitle string
	Status       string
	Eligibility  string
	Reason       string
	Org          orgFacts
	Answers      []answerView
	Documents    []docView

	Admin    *adminPart    // the organisers' part
	Reviewer *reviewerPart // the reviewer's part
}

type orgFacts struct {
	Name        string
	LegalForm   string
	Province    string
	Sector      string
	WomenLed    bool
	YouthLed    bool
	FoodSafety  string
	Members     int
	Description string
}

type answerView struct {
	Label string
	Value string
}

type docView struct {
	Kind     string
	Filename string
	Size     string
	Href     string
}

// appContext is what both views read: the application, its organisation, its call and
// its edition.
type appContext struct {
	app     application.Application
	org     org.Organisation
	call    call.Call
	edition fair.Edition
}

func (s *Server) loadApplication(ctx context.Context, id int64) (appContext, error) {
	var ac appContext
	var err error
	if ac.app, err = s.store.Application(ctx, id); err != nil {
		return ac, err
	}
	if ac.org, err = s.store.Organisation(ctx, ac.app.OrganisationID); err != nil {
		return ac, err
	}
	if ac.edition, err = s.editions.Edition(ctx, ac.app.EditionID); err != nil {
		return ac, err
	}
	ac.call, err = s.editions.Call(ctx, ac.app.EditionID)
	return ac, err
}

func (s *Server) applicationView(p *page, ac *appContext) applicationView {
	a, o := &ac.app, &ac.org
	v := applicationView{ID: a.ID, Reference: a.Reference, EditionTitle: ac.edition.Title.In(p.Code),
		Status: p.L.T("review.status." + string(a.Status)), Eligibility: p.L.T("review.eligibility." + string(a.Eligibility)),
		Reason: a.EligibilityReason,
		Org: orgFacts{Name: o.Name.In(p.Code), LegalForm: p.L.T("org.legal_form." + string(o.LegalForm)),
			Province: s.provinceName(o.ProvinceCode, p.Code), Sector: p.L.T("taxonomy.sector." + string(o.Sector)),
			WomenLed: o.WomenLed, YouthLed: o.YouthLed, FoodSafety: o.FoodSafetyNo,
			Members: o.Members.Total(), Description: o.Description.In(p.Code)}}
	for _, q := range ac.call.Questions {
		ans := strings.TrimSpace(a.Answers[q.Key])
		if q.Kind == call.YesNo && ans != "" {
			ans = p.L.T("review." + ans)
		}
		if ans == "" {
			ans = p.L.T("review.no_answer")
		}
		v.Answers = append(v.Answers, answerView{Label: q.Label.In(p.Code), Value: ans})
	}
	for _, d := range a.Documents {
		v.Documents = append(v.Documents, docView{Kind: p.L.T("review.document." + string(d.Kind)), Filename: d.Filename,
			Size: p.L.T("review.document_size", "kb", max(1, (d.Size+512)/1024)),
			Href: "/" + p.Code + "/documents/" + idText(a.ID) + "/" + idText(d.ID)})
	}
	return v
}
