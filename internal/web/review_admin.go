package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/store"
)

// applicationsData is the organisers' list of an edition's applications.
type applicationsData struct {
	EditionID    int64
	EditionTitle string
	EditionURL   string
	HasCall      bool
	Form         *form // the filters, from the query string
	Filters      []appFilterField
	Counts       []countGroup
	Rows         []appListRow
	Pager        pager
	Reviewers    int // members of the edition's committee
	Needed       int // reviewers per application
	ExportCSV    string
	ExportXLSX   string
}

// appFilterField is one filter of the list: a select whose options carry their counts.
type appFilterField struct {
	Name    string
	Label   string
	All     string
	Options []option
}

// countGroup is one dimension of the counts, each value linking to the list filtered by it.
type countGroup struct {
	Label string
	Items []countItem
}

type countItem struct {
	Label string
	N     int
	Href  string
}

type appListRow struct {
	ID          int64
	Reference   string
	Name        string
	LegalForm   string
	Province    string
	Sector      string
	WomenLed    bool
	YouthLed    bool
	Status      string
	Eligibility string
	Ineligible  bool
	Decision    string // the published decision, with the waitlist rank; empty before
	DecState    string // on, wait or off: the colour of its badge
	Score       string
	Incomplete  bool
}

// appFilterNames are the query-string filters, in the order the form shows them.
var appFilterNames = []string{"province", "sector", "legal_form", "status", "eligibility", "decision"}

// appFilterFrom reads the list's filters from the query string.
func appFilterFrom(r *http.Request, editionID int64) (store.AppFilter, *form) {
	q := r.URL.Query()
	f := newForm()
	for _, k := range append([]string{"q"}, appFilterNames...) {
		f.Values[k] = strings.TrimSpace(q.Get(k))
	}
	return store.AppFilter{EditionID: editionID, Query: f.Get("q"), Province: f.Get("province"), Sector: f.Get("sector"),
		LegalForm: f.Get("legal_form"), Status: f.Get("status"), Eligibility: f.Get("eligibility"), Decision: f.Get("decision")}, f
}

func (s *Server) applicationsPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	e, err := s.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	if f := r.URL.Query().Get("format"); f != "" {
		return s.exportApplications(w, r, p, e, f)
	}
	c, err := s.editions.Call(r.Context(), id)
	hasCall := err == nil
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	filter, f := appFilterFrom(r, id)
	pg := newPager(r, 50)
	filter.Limit, filter.Offset = pg.Size, pg.Offset()
	rows, total, counts, err := s.store.ListApplications(r.Context(), filter)
	if err != nil {
		return "", err
	}
	d := applicationsData{EditionID: id, EditionTitle: e.Title.In(p.Code), EditionURL: s.editionAdminURL(p, id), HasCall: hasCall,
		Form: f, Pager: pg.WithTotal(total, r.URL), Needed: c.ReviewersEach}
	d.Filters, d.Counts = s.appFacets(p, r.URL, f, counts)
	export := r.URL.Query()
	export.Del("page")
	export.Set("format", "csv")
	d.ExportCSV = r.URL.Path + "?" + export.Encode()
	export.Set("format", "xlsx")
	d.ExportXLSX = r.URL.Path + "?" + export.Encode()
	committee, err := s.store.EditionReviewers(r.Context(), id)
	if err != nil {
		return "", err
	}
	d.Reviewers = len(committee)
	var scores map[int64]store.AppScore
	if hasCall {
		ids := make([]int64, len(rows))
		for i, row := range rows {
			ids[i] = row.ID
		}
		if scores, err = s.store.ScoresOf(r.Context(), &c, ids); err != nil {
			return "", err
		}
	}
	for _, row := range rows {
		lr := s.appListRow(p, row)
		if sc, ok := scores[row.ID]; ok && row.Status == application.Submitted {
			lr.Score, lr.Incomplete = scoreText(p.Lang, sc.Total), !sc.Complete
		}
		d.Rows = append(d.Rows, lr)
	}
	if s.sessions.Exists(r.Context(), sessionAssigned) {
		p.Flash = p.L.N("review.flash.assigned", s.sessions.PopInt(r.Context(), sessionAssigned))
	}
	p.Title, p.Data = p.L.T("review.list_title"), d
	return "applications", nil
}

func (s *Server) appListRow(p *page, row store.AppRow) appListRow {
	return appListRow{ID: row.ID, Reference: row.Reference, Name: row.Name.In(p.Code),
		LegalForm: p.L.T("org.legal_form." + string(row.LegalForm)), Province: s.provinceName(row.Province, p.Code),
		Sector: p.L.T("taxonomy.sector." + string(row.Sector)), WomenLed: row.WomenLed, YouthLed: row.YouthLed,
		Status: p.L.T("review.status." + string(row.Status)), Eligibility: p.L.T("review.eligibility." + string(row.Eligibility)),
		Ineligible: row.Eligibility == application.Ineligible, Decision: rowDecision(p, row), DecState: decisionState(row.Outcome())}
}

// rowDecision names a row's published decision, with its waitlist rank; "" before
// publication.
func rowDecision(p *page, row store.AppRow) string {
	if row.Decision == "" {
		return ""
	}
	return decisionLabel(p.L, row.Outcome(), row.WaitlistRank)
}

// appFacets turns the counts into the filters' options and the counts' summary. Values
// nobody applied with are left out of both, except the fixed lists of statuses.
func (s *Server) appFacets(p *page, u *url.URL, f *form, c store.AppCounts) ([]appFilterField, []countGroup) {
	label := map[string]func(string) string{
		"province":    func(v string) string { return s.provinceName(v, p.Code) },
		"sector":      func(v string) string { return p.L.T("taxonomy.sector." + v) },
		"legal_form":  func(v string) string { return p.L.T("org.legal_form." + v) },
		"status":      func(v string) string { return p.L.T("review.status." + v) },
		"eligibility": func(v string) string { return p.L.T("review.eligibility." + v) },
		"decision":    func(v string) string { return decisionLabel(p.L, v, 0) },
	}
	byName := map[string]map[string]int{"province": c.Province, "sector": c.Sector, "legal_form": c.LegalForm,
		"status": c.Status, "eligibility": c.Eligibility, "decision": c.Decision}
	fixed := map[string][]string{"decision": store.Outcomes}
	for _, st := range application.Statuses {
		fixed["status"] = append(fixed["status"], string(st))
	}
	for _, el := range application.Eligibilities {
		fixed["eligibility"] = append(fixed["eligibility"], string(el))
	}
	var fields []appFilterField
	var groups []countGroup
	for _, name := range appFilterNames {
		values := fixed[name]
		if values == nil {
			for v := range byName[name] {
				values = append(values, v)
			}
			// The chosen value stays in the list even when the other filters leave it none.
			if cur := f.Get(name); cur != "" && byName[name][cur] == 0 {
				values = append(values, cur)
			}
			slices.SortFunc(values, func(a, b string) int { return strings.Compare(label[name](a), label[name](b)) })
		}
		field := appFilterField{Name: name, Label: p.L.T("review.filter." + name), All: p.L.T("review.filter.all")}
		group := countGroup{Label: field.Label}
		for _, v := range values {
			n := byName[name][v]
			field.Options = append(field.Options, option{Value: v, Label: p.L.T("review.option_count", "label", label[name](v), "count", n)})
			q := u.Query()
			q.Del("page")
			q.Set(name, v)
			group.Items = append(group.Items, countItem{Label: label[name](v), N: n, Href: u.Path + "?" + q.Encode()})
		}
		fields = append(fields, field)
		if name != "eligibility" {
			groups = append(groups, group)
		}
	}
	return fields, groups
}

// sessionAssigned carries how many assignments were made to the next page, whose message
// counts them (a flash holds a key only).
const sessionAssigned = "review_assigned"

// assignReviewers gives the edition's applications to its committee and says how many
// assignments that made, or why it could not.
func (s *Server) assignReviewers(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	committee, err := s.store.EditionReviewers(r.Context(), id)
	if err != nil {
		return "", err
	}
	ids := make([]int64, len(committee))
	for i, m := range committee {
		ids[i] = m.ID
	}
	n, err := s.store.AssignReviewers(r.Context(), id, ids)
	back := "/" + p.Code + "/admin/editions/" + idText(id) + "/applications"
	if e, ok := apperr.As(err); ok && (e.Code == apperr.Conflict || e.Code == apperr.Invalid) {
		// The message names the numbers: it is shown on this response, not as a flash.
		r.URL.RawQuery = ""
		p.Status = http.StatusConflict
		name, err := s.applicationsPage(w, r, p)
		if err == nil {
			p.Flash = p.L.T(e.Key, e.Args...)
		}
		return name, err
	}
	if err != nil {
		return "", err
	}
	s.sessions.Put(r.Context(), sessionAssigned, n)
	http.Redirect(w, r, back, http.StatusSeeOther)
	return "", nil
}
