package web

import (
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/store"
)

// adminPart is what the organisers see beyond the application itself: the eligibility
// form, the reviews and the final score with its parts.
type adminPart struct {
	Form         *form
	Choices      []option
	CanDecide    bool // only submitted applications are checked, until the selection is published
	Published    bool // the selection is published: eligibility no longer changes
	Decision     *decisionView
	Reviews      []reviewView
	Score        *scoreView
	ListURL      string
	AuditURL     string
	Incomplete   bool
	ReviewsEach  int
	HasReviewers bool
}

type reviewView struct {
	Name     string
	State    string
	Scores   []string
	Comment  string
	Conflict bool
}

type scoreView struct {
	Total    string
	Complete bool
	Parts    []partView
}

type partView struct {
	Label  string
	Weight int
	Points string
	Detail string
}

func (s *Server) applicationAdminPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	ac, err := s.loadApplication(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := newForm()
	f.Values["eligibility"], f.Values["reason"] = string(ac.app.Eligibility), ac.app.EligibilityReason
	return s.renderApplicationAdmin(r, p, &ac, f)
}

func (s *Server) renderApplicationAdmin(r *http.Request, p *page, ac *appContext, f *form) (string, error) {
	v := s.applicationView(p, ac)
	decisions, err := s.store.DecisionsOf(r.Context(), []int64{ac.app.ID})
	if err != nil {
		return "", err
	}
	published := selectionPublished(ac.edition.Status)
	part := &adminPart{Form: f, CanDecide: ac.app.Status == application.Submitted && !published, ReviewsEach: ac.call.ReviewersEach,
		ListURL:  "/" + p.Code + "/admin/editions/" + idText(ac.app.EditionID) + "/applications",
		AuditURL: "/" + p.Code + "/admin/audit?type=application&id=" + idText(ac.app.ID)}
	part.Published = published
	part.Decision = s.decisionView(p.L, p.Code, ac.app.Eligibility, ac.app.EligibilityReason, decisions[ac.app.ID])
	for _, el := range application.Eligibilities {
		part.Choices = append(part.Choices, option{Value: string(el), Label: p.L.T("review.eligibility." + string(el))})
	}
	reviews, err := s.store.Reviews(r.Context(), ac.app.ID)
	if err != nil {
		return "", err
	}
	var plain []application.Review
	for _, rv := range reviews {
		plain = append(plain, rv.Review)
		view := reviewView{Name: rv.ReviewerName, Comment: rv.Comment, Conflict: rv.Conflict, State: p.L.T(reviewStateKey(rv.Review))}
		for _, cr := range ac.call.Criteria {
			if n, ok := rv.Scores[cr.Code]; ok && cr.Source == call.ByReviewers && rv.Done() {
				view.Scores = append(view.Scores, p.L.T("review.score_of", "label", criterionLabel(p.L, cr), "score", n, "max", cr.Max))
			}
		}
		part.Reviews = append(part.Reviews, view)
	}
	facts, err := s.store.ApplicationFacts(r.Context(), ac.app.ID)
	if err != nil {
		return "", err
	}
	if ac.app.Status == application.Submitted && len(ac.call.Criteria) > 0 {
		sc := store.FinalScore(&ac.call, plain, facts)
		view := &scoreView{Total: scoreText(p.Lang, sc.Total), Complete: sc.Complete}
		for i, pt := range sc.Parts {
			cr := ac.call.Criteria[i]
			pv := partView{Label: criterionLabel(p.L, cr), Weight: pt.Weight, Points: scoreText(p.Lang, pt.Points)}
			if cr.Source == call.Computed {
				pv.Detail = p.L.T("review.part.computed_no")
				if pt.Value == 1 {
					pv.Detail = p.L.T("review.part.computed_yes")
				}
			} else {
				pv.Detail = p.L.N("review.part.reviews", pt.Reviews, "mean", scoreText(p.Lang, pt.Value*float64(cr.Max)), "max", cr.Max)
			}
			view.Parts = append(view.Parts, pv)
		}
		part.Score = view
	}
	v.Admin = part
	p.Title, p.Data = p.L.T("review.application_title", "name", v.Org.Name), reviewPageData{applicationView: v}
	return "application_view", nil
}

// reviewStateKey names where a review stands.
func reviewStateKey(r application.Review) string {
	switch {
	case r.Conflict:
		return "review.state.conflict"
	case r.Done():
		return "review.state.done"
	}
	return "review.state.todo"
}

// setEligibility records the organisers' decision on an application's eligibility; the
// applicant's representatives are told when it is found not eligible (with the reason),
// and again if that is taken back.
func (s *Server) setEligibility(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	tell, err := s.eligibilityMessages(r.Context(), id)
	if err != nil {
		return "", err
	}
	err = s.store.SetEligibilityAndTell(r.Context(), id, application.Eligibility(f.Get("eligibility")), f.Get("reason"), tell)
	if err == nil {
		s.outboxNotify()
	}
	if err != nil {
		if !f.Fail(p.L, err) {
			return "", err
		}
		ac, err2 := s.loadApplication(r.Context(), id)
		if err2 != nil {
			return "", err2
		}
		p.Status = http.StatusUnprocessableEntity
		if apperr.CodeOf(err) == apperr.Conflict {
			p.Status = http.StatusConflict
		}
		return s.renderApplicationAdmin(r, p, &ac, f)
	}
	s.flash(r, "review.flash.eligibility")
	http.Redirect(w, r, "/"+p.Code+"/admin/applications/"+idText(id), http.StatusSeeOther)
	return "", nil
}

// downloadDocument sends one supporting document as a file to save, never shown inline:
// the bytes came from an applicant, and a browser must not run them as a page.
func (s *Server) downloadDocument(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	docID, err := strconv.ParseInt(r.PathValue("doc"), 10, 64)
	if err != nil {
		return "", apperr.New(apperr.NotFound, "error.not_found_title")
	}
	d, data, err := s.store.Document(r.Context(), id, docID)
	if err != nil {
		return "", err
	}
	download(w, d.Filename, d.ContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
	return "", nil
}
