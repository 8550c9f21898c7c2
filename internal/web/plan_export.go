package web

import (
	"bufio"
	"html/template"
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/venue/svg"
)

// standLine is one line of the set-up team's list: a stand and who is on it (a shared stand
// has a line per organisation, an empty stand one line with no organisation).
type standLine struct {
	Stand, Pole, Name, Province, Sector, Phone, Representatives string
	OrgID                                                       int64
}

// standLines walks the plan in its order (the walking order) and puts each organisation on
// its stand, with the people it named for the stand (name and phone), or the organisation's
// phone while it has named nobody.
func (s *Server) standLines(r *http.Request, p *page, id int64) ([]standLine, store.EditionPlan, error) {
	ep, err := s.store.Plan(r.Context(), id)
	if err != nil {
		return nil, ep, err
	}
	placed, err := s.store.PlacedOrganisations(r.Context(), id)
	if err != nil {
		return nil, ep, err
	}
	people, err := s.store.EditionPeopleByOrganisation(r.Context(), id)
	if err != nil {
		return nil, ep, err
	}
	on := map[string][]store.PlacedOrganisation{}
	for _, o := range placed {
		if o.Stand != "" {
			on[o.Stand] = append(on[o.Stand], o)
		}
	}
	poles := map[string]string{}
	for _, z := range ep.Plan.Zones {
		poles[z.Code] = zoneName(p, z)
	}
	var out []standLine
	for _, st := range ep.Plan.Stands {
		if len(on[st.Code]) == 0 {
			out = append(out, standLine{Stand: st.Code, Pole: poles[st.Zone]})
		}
		for _, o := range on[st.Code] {
			phone := nationalPhone(o.Phone)
			reps := phone
			if named := people[o.OrganisationID]; len(named) > 0 {
				reps = ""
				for i, x := range named {
					if i > 0 {
						reps += " · "
					}
					reps += x.Name + " " + nationalPhone(x.Phone)
				}
			}
			out = append(out, standLine{Stand: st.Code, Pole: poles[st.Zone], Name: o.Name.In(p.Code), OrgID: o.OrganisationID,
				Province: s.provinceName(o.Province, p.Code), Sector: p.L.T("taxonomy.sector." + o.Sector), Phone: phone, Representatives: reps})
		}
	}
	return out, ep, nil
}

// planHeader is the list's header, in the page's language.
func planHeader(p *page) []string {
	return []string{p.L.T("plan.col.stand"), p.L.T("plan.col.pole"), p.L.T("plan.col.organisation"), p.L.T("plan.col.province"),
		p.L.T("plan.col.sector"), p.L.T("plan.col.phone"), p.L.T("plan.col.representatives")}
}

// exportStands downloads the stand list as a workbook, right to left in Arabic.
func (s *Server) exportStands(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	lines, _, err := s.standLines(r, p, id)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound { // no plan yet: the list is empty
		return "", err
	}
	z := s.i18n.For(fileLang(p.Lang))
	download(w, "aswaq-stands-"+strconv.FormatInt(id, 10)+".xlsx", xlsxType)
	bw := bufio.NewWriter(w)
	out, err := importer.NewRowWriter(bw, importer.XLSX, z, "plan.export.sheet", planHeader(p), map[int]float64{2: 40, 3: 20, 4: 24})
	if err != nil {
		return "", err
	}
	for _, l := range lines {
		if err := out.Write([]any{l.Stand, l.Pole, l.Name, l.Province, l.Sector, l.Phone, l.Representatives}); err != nil {
			return "", err
		}
	}
	if err := out.Close(); err != nil {
		return "", err
	}
	return "", bw.Flush()
}

// standListView is the printable list and the printable plan.
type standListView struct {
	EditionID int64
	Edition   string
	Header    []string
	Lines     []standLine
	SVG       template.HTML
	Base      string
}

// standListPage is the stand list as a page to print for the set-up team.
func (s *Server) standListPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	lines, _, err := s.standLines(r, p, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		lines, err = nil, nil
	}
	if err != nil {
		return "", err
	}
	e, err := s.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	p.Title = p.L.T("plan.list_title")
	p.Data = standListView{EditionID: id, Edition: e.Title.In(p.Code), Header: planHeader(p), Lines: lines, Base: s.planURL(p, id)}
	return "plan_list", nil
}

// planPrint is the plan on an A3 sheet with its legend, every stand titled with its
// organisation.
func (s *Server) planPrint(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	e, ep, has, err := s.planInputs(r.Context(), id)
	if err != nil {
		return "", err
	}
	v := standListView{EditionID: id, Edition: e.Title.In(p.Code), Base: s.planURL(p, id)}
	if has {
		placed, err := s.store.PlacedOrganisations(r.Context(), id)
		if err != nil {
			return "", err
		}
		titles := map[string]string{}
		placedRows(p, placed, titles)
		v.SVG = drawPlan(ep.Plan, planLabels(p, &e, ep.Plan, titles), svg.Options{Legend: true, Page: svg.PageA3})
	}
	p.Title = p.L.T("plan.print_title")
	p.Data = v
	return "plan_print", nil
}
