package web

import (
	"context"
	"net/http"
	"sort"
	"strconv"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/placement"
	"github.com/aswaq/aswaq/internal/store"
)

// placedRow is a selected organisation in the editor's assignment table.
type placedRow struct {
	ID     int64
	Name   string
	Stand  string
	Pinned bool
}

// placedRows lists the selected organisations with their stands and fills titles (stand
// code → "P-014 · name") for the drawing; it also counts those without a stand.
func placedRows(p *page, placed []store.PlacedOrganisation, titles map[string]string) ([]placedRow, int) {
	rows := make([]placedRow, 0, len(placed))
	unplaced := 0
	for _, o := range placed {
		name := o.Name.In(p.Code)
		rows = append(rows, placedRow{ID: o.OrganisationID, Name: name, Stand: o.Stand, Pinned: o.Pinned})
		if o.Stand == "" {
			unplaced++
			continue
		}
		if t, ok := titles[o.Stand]; ok {
			titles[o.Stand] = t + " · " + name
		} else {
			titles[o.Stand] = o.Stand + " · " + name
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Stand < rows[j].Stand })
	return rows, unplaced
}

// classOf is the pole an organisation goes to: public bodies and partners (a council's
// entraide centres and prison workshops exhibit as institutions) to the institutional pole,
// foreign guests to the international one, the producers to the products pole.
func classOf(f org.LegalForm) placement.Class {
	switch f {
	case org.PublicBody, org.EntraideCentre, org.PrisonInstitution:
		return placement.Institutional
	case org.ForeignGuest:
		return placement.International
	}
	return placement.Product
}

// placementProblem builds the assignment's input from the plan and the published
// selection: every selected organisation, in selection order, with its pole, sector, main
// category and province, and the pins the organiser set. No needs are known yet (no form
// asks for power or water), so none are given.
func placementProblem(ep store.EditionPlan, placed []store.PlacedOrganisation) *placement.Problem {
	stands, edges := placement.FromPlan(ep.Plan)
	pr := &placement.Problem{Stands: stands, Edges: edges}
	for i, o := range placed {
		id := strconv.FormatInt(o.OrganisationID, 10)
		po := placement.Org{ID: id, Class: classOf(org.LegalForm(o.LegalForm)), Sector: o.Sector, Province: o.Province, Rank: i + 1,
			Power: o.Power, Water: o.Water, Access: o.Access}
		if len(o.Categories) > 0 {
			po.Category = o.Categories[0]
		}
		pr.Orgs = append(pr.Orgs, po)
		if o.Pinned && o.Stand != "" {
			pr.Pins = append(pr.Pins, placement.Pin{Org: id, Stand: o.Stand})
		}
	}
	return pr
}

// keepStands asks the assignment to keep every organisation on the stand it holds (pins
// apart, which are pins already): only newcomers, and those whose stand went, changed kind
// or no longer has room, are placed.
func keepStands(pr *placement.Problem, placed []store.PlacedOrganisation) {
	for _, o := range placed {
		if o.Stand != "" && !o.Pinned {
			pr.Keep = append(pr.Keep, placement.Pin{Org: strconv.FormatInt(o.OrganisationID, 10), Stand: o.Stand})
		}
	}
}

// sessionTold carries how many organisations a run told of a change of stand to the next
// page, whose message counts them.
const sessionTold = "plan_told"

// assignStands runs the assignment on the published selection, keeping the pins, and
// stores its result: around the stands already given, or, when the organiser asks for it
// and confirms, everyone afresh. Every organisation whose stand changed is told, in its
// representatives' languages. The editor then shows the score, the changes, who has no
// stand and why, and what could not be satisfied.
func (s *Server) assignStands(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	ctx := r.Context()
	f := formFrom(r)
	ep, err := s.store.Plan(ctx, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		p.Status = http.StatusConflict
		return s.renderPlan(r, p, id, f, []string{p.L.T("plan.error.no_plan")}, "")
	}
	if err != nil {
		return "", err
	}
	placed, err := s.store.PlacedOrganisations(ctx, id)
	if err != nil {
		return "", err
	}
	if len(placed) == 0 {
		p.Status = http.StatusConflict
		return s.renderPlan(r, p, id, f, []string{p.L.T("plan.error.no_selection")}, "")
	}
	full := f.Get("mode") == "full"
	if full && f.Get("confirm_full") != "1" {
		f.Errors["confirm_full"] = p.L.T("plan.error.confirm_full")
		p.Status = http.StatusUnprocessableEntity
		return s.renderPlan(r, p, id, f, []string{f.Errors["confirm_full"]}, "")
	}
	pr := placementProblem(ep, placed)
	if !full {
		keepStands(pr, placed)
	}
	tell, err := s.standMessages(ctx, id, placed)
	if err != nil {
		return "", err
	}
	opts := placement.Options{}
	var changes []store.StandChange
	res, err := placement.Assign(pr, opts)
	if err == nil {
		changes, err = s.store.SaveAssignmentAndTell(ctx, id, res, opts, full, tell)
	}
	if err != nil {
		if _, ok := apperr.As(err); !ok {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderPlan(r, p, id, f, s.placementSentences(r.Context(), p, err, placed), "")
	}
	s.outboxNotify()
	s.sessions.Put(ctx, sessionTold, len(changes))
	http.Redirect(w, r, s.planURL(p, id)+"#assignment", http.StatusSeeOther)
	return "", nil
}

// standMessages composes, for a change of stand, the message each representative of the
// organisation receives in their own language: its new stand, its move, or the loss of its
// stand, with a link to its stand page (or its application, when it has no stand).
func (s *Server) standMessages(ctx context.Context, editionID int64, placed []store.PlacedOrganisation) (func(store.StandChange) []outbox.Message, error) {
	e, err := s.editions.Edition(ctx, editionID)
	if err != nil {
		return nil, err
	}
	users := map[int64][]account.User{}
	app := map[int64]int64{}
	for _, o := range placed {
		app[o.OrganisationID] = o.ApplicationID
		if users[o.OrganisationID], err = s.store.Representatives(ctx, o.OrganisationID); err != nil {
			return nil, err
		}
	}
	return func(c store.StandChange) []outbox.Message {
		base, path := "mail.stand_moved", "/applications/"+idText(app[c.OrganisationID])
		switch {
		case c.To == "":
			base = "mail.stand_lost"
		case c.From == "":
			base, path = "mail.stand_new", path+"/stand"
		default:
			path += "/stand"
		}
		var out []outbox.Message
		for _, u := range users[c.OrganisationID] {
			lang := string(u.Lang)
			out = append(out, *s.message(u, "stand_assignment", base, "fair", e.Title.In(lang), "stand", c.To, "old", c.From,
				"link", s.link(lang, path)))
		}
		return out
	}, nil
}

// pinStand puts an organisation on a stand by hand; a refusal names the organisations.
func (s *Server) pinStand(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	orgID, _ := strconv.ParseInt(f.Get("pin_org"), 10, 64)
	err := s.store.PinStand(r.Context(), id, orgID, f.Get("pin_stand"))
	if err != nil {
		if !userMistake(err) {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		if apperr.CodeOf(err) == apperr.Conflict {
			p.Status = http.StatusConflict
		}
		placed, perr := s.store.PlacedOrganisations(r.Context(), id)
		if perr != nil {
			return "", perr
		}
		return s.renderPlan(r, p, id, f, s.placementSentences(r.Context(), p, err, placed), "")
	}
	s.flash(r, "plan.flash.pinned")
	http.Redirect(w, r, s.planURL(p, id)+"#assignment", http.StatusSeeOther)
	return "", nil
}

// unpinStand lets the assignment choose an organisation's stand again.
func (s *Server) unpinStand(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	orgID, _ := strconv.ParseInt(f.Get("org"), 10, 64)
	if err := s.store.UnpinStand(r.Context(), id, orgID); err != nil {
		return "", err
	}
	s.flash(r, "plan.flash.unpinned")
	http.Redirect(w, r, s.planURL(p, id)+"#assignment", http.StatusSeeOther)
	return "", nil
}
