package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/textfold"
)

// reviewerPart is the reviewer's scoring form and conflict declaration.
type reviewerPart struct {
	Form     *form
	Criteria []criterionField
	Conflict bool // declared: the form is replaced by a confirmation
	Done     bool
	Comment  string
	ListURL  string
	Replaced bool // the application went to someone else
}

type criterionField struct {
	Name   string // the form field, "score.<code>"
	Label  string
	Max    int
	Weight int
}

// reviewRow is one application in the reviewer's list.
type reviewRow struct {
	ID        int64
	Reference string
	Name      string
	Province  string
	Sector    string
	Edition   string
}

type reviewListData struct {
	ToDo     []reviewRow
	Done     []reviewRow
	Conflict []reviewRow
}

func (s *Server) reviewListPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	list, err := s.store.Assignments(r.Context(), p.User.UserID)
	if err != nil {
		return "", err
	}
	var d reviewListData
	for _, a := range list {
		row := reviewRow{ID: a.ApplicationID, Reference: a.Reference, Name: a.Name.In(p.Code), Province: s.provinceName(a.Province, p.Code),
			Sector: p.L.T("taxonomy.sector." + string(a.Sector)), Edition: a.EditionTitle.In(p.Code)}
		switch {
		case a.Conflict:
			d.Conflict = append(d.Conflict, row)
		case !a.SubmittedAt.IsZero():
			d.Done = append(d.Done, row)
		default:
			d.ToDo = append(d.ToDo, row)
		}
	}
	p.Title, p.Data = p.L.T("review.my_title"), d
	return "review_list", nil
}

// reviewPage shows an application given to the signed-in reviewer with its scoring form.
// An application of their edition that was not given to them is not theirs to read here.
func (s *Server) reviewPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	rv, err := s.store.Review(r.Context(), id, p.User.UserID)
	if err != nil {
		return "", err
	}
	f := newForm()
	for code, n := range rv.Scores {
		f.Values["score."+code] = strconv.Itoa(n)
	}
	if !rv.Conflict {
		f.Values["comment"] = rv.Comment
	}
	return s.renderReview(r, p, id, f, newForm())
}

func (s *Server) renderReview(r *http.Request, p *page, id int64, f, cf *form) (string, error) {
	rv, err := s.store.Review(r.Context(), id, p.User.UserID)
	if err != nil {
		return "", err
	}
	ac, err := s.loadApplication(r.Context(), id)
	if err != nil {
		return "", err
	}
	v := s.applicationView(p, &ac)
	part := &reviewerPart{Form: f, Conflict: rv.Conflict, Done: rv.Done(), ListURL: "/" + p.Code + "/review"}
	if rv.Conflict {
		part.Comment = rv.Comment
	}
	for _, cr := range ac.call.Criteria {
		if cr.Source == call.ByReviewers {
			part.Criteria = append(part.Criteria, criterionField{Name: "score." + cr.Code, Label: criterionLabel(p.L, cr),
				Max: cr.Max, Weight: cr.Weight})
		}
	}
	v.Reviewer = part
	p.Title, p.Data = p.L.T("review.application_title", "name", v.Org.Name), reviewPageData{applicationView: v, ConflictForm: cf}
	return "application_view", nil
}

// reviewPageData adds the conflict form, which has its own errors.
type reviewPageData struct {
	applicationView
	ConflictForm *form
}

// saveReview stores the reviewer's scores. A score that is not a whole number is refused
// here, one out of the criterion's scale by the store: both come back on the form.
func (s *Server) saveReview(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	scores := map[string]int{}
	for name, v := range f.Values {
		code, ok := strings.CutPrefix(name, "score.")
		if !ok || strings.TrimSpace(v) == "" {
			continue
		}
		n, err := strconv.Atoi(textfold.ASCIIDigits(strings.TrimSpace(v)))
		if err != nil {
			f.ReadError(name, "review.error.score_number")
			continue
		}
		scores[code] = n
	}
	err := s.store.SaveReview(r.Context(), id, p.User.UserID, scores, f.Get("comment"))
	if f.ReadErrors(p.L) && err == nil {
		err = apperr.New(apperr.Invalid, "error.invalid_input")
	}
	if err != nil {
		if !f.Fail(p.L, err) {
			return "", err
		}
		if apperr.CodeOf(err) == apperr.NotFound {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		if apperr.CodeOf(err) == apperr.Conflict {
			p.Status = http.StatusConflict
		}
		return s.renderReview(r, p, id, f, newForm())
	}
	s.flash(r, "review.flash.saved")
	http.Redirect(w, r, "/"+p.Code+"/review", http.StatusSeeOther)
	return "", nil
}

// declareConflict records the reviewer's conflict of interest; the application goes to
// another member of the committee, and the reviewer sees it confirmed on the page.
func (s *Server) declareConflict(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	cf := formFrom(r)
	replacement, err := s.store.DeclareConflict(r.Context(), id, p.User.UserID, cf.Get("reason"))
	if err != nil {
		if !cf.Fail(p.L, err) || apperr.CodeOf(err) == apperr.NotFound {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		if apperr.CodeOf(err) == apperr.Conflict {
			p.Status = http.StatusConflict
		}
		return s.renderReview(r, p, id, newForm(), cf)
	}
	if replacement != 0 {
		s.flash(r, "review.flash.conflict_reassigned")
	} else {
		s.flash(r, "review.flash.conflict_nobody")
	}
	http.Redirect(w, r, "/"+p.Code+"/review/"+idText(id), http.StatusSeeOther)
	return "", nil
}
