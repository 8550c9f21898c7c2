package web

import (
	"sort"
	"strconv"
	"strings"

	editionsweb "github.com/aswaq/aswaq/internal/editions/web"

	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
)

// selectionData is the selection page.
type selectionData struct {
	Edition     fairCard
	EditionID   int64
	Status      string
	CanPublish  bool // in review, and the result is proven optimal
	Published   bool
	Form        *form
	Choices     editionsweb.CallChoices
	Notice      string
	State       string // optimal, infeasible, limit
	Seats       int
	Count       int
	Total       string
	Groups      []groupView
	Conflict    []string
	Relaxed     []string
	Rows        []candidateRow
	LastIn      []candidateRow // the lowest-scored selected: who a change would push out
	FirstOut    []candidateRow // the first on the waitlist: who a change would bring in
	Incomplete  int            // competing applications whose reviews are not all in
	Ineligible  int
	Refills     []refillView
	Candidates  int
	Justified   string
	PinChoices  []option
	SideChoices []option
}

type groupView struct {
	Label string
	Count int
	Min   string
	Max   string
	Met   bool
	Scale int // the meter's top: the maximum, or enough to show the minimum
}

type candidateRow struct {
	ID         int64
	Reference  string
	Name       string
	Province   string
	Sector     string
	Score      string
	Incomplete bool
	Decision   string
	State      string
	Reason     string
	Pin        string // the pin's justification, when pinned
}

type refillView struct {
	Withdrawn   candidateRow
	Replacement candidateRow
	Found       bool
}

// renderSelection shows the published decisions, or runs the engine on the given quotas
// and seats (a dry run: nothing is stored).
func (s *Server) renderSelection(p *page, in *selectionInputs, f *form, quotas []selection.Quota, seats int, notice string) (string, error) {
	d := selectionData{Edition: s.fairCard(p.L, &in.Edition), EditionID: in.Edition.ID, Form: f, Notice: notice, Seats: seats,
		Status: p.L.T("edition.status." + string(in.Edition.Status)), Choices: s.callChoices(p, &in.Edition)}
	if d.Form.Get("quotas.rows") == "" {
		d.Form.Values["quotas.rows"] = strconv.Itoa(len(quotas) + spareRows)
	}
	if d.Form.Get("stands") == "" {
		d.Form.Values["stands"] = strconv.Itoa(seats)
	}
	for _, side := range []selection.PinSide{selection.PinIn, selection.PinOut} {
		d.SideChoices = append(d.SideChoices, option{Value: string(side), Label: p.L.T("selection.side." + string(side))})
	}
	pins := map[int64]string{}
	for _, pin := range in.Pins {
		pins[pin.ApplicationID] = p.L.T("selection.pinned."+string(pin.Side), "why", pin.Justification)
	}
	byID := map[string]*store.SelectionCandidate{}
	for i := range in.Cands {
		c := &in.Cands[i]
		byID[strconv.FormatInt(c.ApplicationID, 10)] = c
		if c.Status == application.Submitted && c.Eligibility == application.Ineligible {
			d.Ineligible++
		}
		if c.Competing() {
			d.Candidates++
			if !c.Score.Complete {
				d.Incomplete++
			}
			d.PinChoices = append(d.PinChoices, option{Value: strconv.FormatInt(c.ApplicationID, 10), Label: c.Reference + " — " + c.Name.In(p.Code)})
		}
		d.Published = d.Published || c.Decision != ""
	}
	prob := selectionProblem(in.Cands, quotas, seats, in.Pins)
	var selected, waitlist []string
	reasons := map[string]selection.Reason{}
	if d.Published {
		d.State = string(selection.StatusOptimal)
		type ranked struct {
			id   string
			rank int
		}
		var wl []ranked
		for id, c := range byID {
			reasons[id] = c.Reason
			switch {
			case c.Decision == application.Selected && c.Status == application.Submitted:
				selected = append(selected, id)
			case c.Decision == application.Waitlisted && c.Status == application.Submitted:
				wl = append(wl, ranked{id, c.WaitlistRank})
			}
		}
		sort.Slice(wl, func(i, j int) bool { return wl[i].rank < wl[j].rank })
		for _, w := range wl {
			waitlist = append(waitlist, w.id)
		}
		d.Refills = s.refills(p, prob, byID, selected, waitlist)
	} else {
		res, err := selection.Solve(prob, nil)
		if err != nil {
			return "", err
		}
		d.State = string(res.Status)
		selected, waitlist, reasons = res.Selected, res.Waitlist, res.Reasons
		d.Total = res.TotalScore.String()
		for _, c := range res.Conflict {
			d.Conflict = append(d.Conflict, s.constraintText(p.L, p.Code, c))
		}
		if res.Relaxed != nil {
			for _, c := range res.Relaxed.RelaxedMinimums {
				d.Relaxed = append(d.Relaxed, s.constraintText(p.L, p.Code, c))
			}
			selected, waitlist, reasons = res.Relaxed.Selected, res.Relaxed.Waitlist, res.Relaxed.Reasons
		}
		d.CanPublish = res.Status == selection.StatusOptimal && in.Edition.Status == fair.InReview
	}
	d.Count = len(selected)
	for _, g := range quotaGroups(prob, selected) {
		gv := groupView{Label: s.groupLabel(p.L, p.Code, g.Attr, g.Value, g.Flag), Count: g.Count, Met: g.Met(), Scale: max(g.Count, 1)}
		if g.Min != nil {
			gv.Min, gv.Scale = strconv.Itoa(*g.Min), max(gv.Scale, *g.Min)
		}
		if g.Max != nil {
			gv.Max, gv.Scale = strconv.Itoa(*g.Max), max(gv.Scale, *g.Max)
		}
		d.Groups = append(d.Groups, gv)
	}
	row := func(id string) candidateRow {
		c := byID[id]
		r := reasons[id]
		cr := candidateRow{ID: c.ApplicationID, Reference: c.Reference, Name: c.Name.In(p.Code), Province: s.provinceName(c.Province, p.Code),
			Sector: p.L.T("taxonomy.sector." + c.Sector), Score: strconv.FormatFloat(c.Score.Total, 'f', 2, 64),
			Incomplete: !c.Score.Complete, State: r.Decision, Reason: s.reasonText(p.L, p.Code, r), Pin: pins[c.ApplicationID]}
		cr.Decision = p.L.T("selection.decision." + r.Decision)
		return cr
	}
	for _, id := range selected {
		d.Rows = append(d.Rows, row(id))
	}
	for _, id := range waitlist {
		d.Rows = append(d.Rows, row(id))
	}
	for id, r := range reasons {
		if r.Decision == selection.DecisionExcluded && byID[id] != nil && byID[id].Competing() {
			d.Rows = append(d.Rows, row(id))
		}
	}
	for i := max(len(selected)-3, 0); i < len(selected); i++ {
		d.LastIn = append(d.LastIn, row(selected[i]))
	}
	for i := 0; i < min(3, len(waitlist)); i++ {
		d.FirstOut = append(d.FirstOut, row(waitlist[i]))
	}
	p.Title, p.Data = p.L.T("selection.title"), d
	return "selection", nil
}

// refills proposes a replacement for every selected organisation that withdrew.
func (s *Server) refills(p *page, prob *selection.Problem, byID map[string]*store.SelectionCandidate, selected, waitlist []string) []refillView {
	var out []refillView
	for id, c := range byID {
		if c.Decision != application.Selected || c.Status != application.Withdrawn {
			continue
		}
		rv := refillView{Withdrawn: candidateRow{ID: c.ApplicationID, Reference: c.Reference, Name: c.Name.In(p.Code)}}
		// The withdrawn one is no longer among the candidates; its place is free.
		if rep, ok := refillFor(prob, selected, id, waitlist); ok {
			r := byID[rep]
			rv.Found = true
			rv.Replacement = candidateRow{ID: r.ApplicationID, Reference: r.Reference, Name: r.Name.In(p.Code),
				Score: strconv.FormatFloat(r.Score.Total, 'f', 2, 64)}
		}
		out = append(out, rv)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Withdrawn.ID < out[j].Withdrawn.ID })
	return out
}

// groupLabel names a quota group in the reader's language: "Sector: handicraft", "Province:
// Sefrou", "Women-led organisations".
func (s *Server) groupLabel(l *i18n.Localizer, lang, attr, value, flag string) string {
	if flag != "" {
		return l.T("call.quota_flag." + flag)
	}
	v := value
	switch attr {
	case "sector":
		v = l.T("taxonomy.sector." + value)
	case "province":
		v = s.provinceName(value, lang)
	case "legal_form":
		v = l.T("org.legal_form." + value)
	}
	return l.T("selection.group", "attr", l.T("call.quota_attr."+attr), "value", v)
}

// constraintText says which constraint a conflict or a relaxation names.
func (s *Server) constraintText(l *i18n.Localizer, lang string, c selection.ConstraintRef) string {
	limit := 0
	if c.Limit != nil {
		limit = *c.Limit
	}
	switch c.Kind {
	case selection.KindSeats:
		return l.T("selection.constraint.seats", "n", limit)
	case selection.KindPinIn, selection.KindPinOut:
		return l.T("selection.constraint."+c.Kind, "id", c.ID)
	}
	return l.T("selection.constraint."+c.Kind, "group", s.groupLabel(l, lang, c.Attr, c.Value, c.Flag), "n", limit)
}

// reasonText turns an engine's reason into a sentence in the reader's language.
func (s *Server) reasonText(l *i18n.Localizer, lang string, r selection.Reason) string {
	args := []any{}
	if d := r.Detail; d != nil {
		if d.Score != nil {
			args = append(args, "score", d.Score.String())
		}
		if d.Quota != nil {
			args = append(args, "group", s.groupLabel(l, lang, d.Quota.Attr, d.Quota.Value, d.Quota.Flag))
		}
		if d.Selected != nil {
			args = append(args, "selected", *d.Selected)
		}
		if d.LastSelectedScore != nil {
			args = append(args, "last", d.LastSelectedScore.String())
		}
		if d.Cutoff != nil {
			args = append(args, "cutoff", d.Cutoff.String())
		}
		if d.Rank != nil {
			args = append(args, "rank", *d.Rank)
		}
		if d.Justification != "" {
			args = append(args, "why", d.Justification)
		}
		switch { // displaced by a pin: the pinned candidates' scores and justifications
		case len(d.Pinned) == 1:
			args = append(args, "pinned", d.Pinned[0].Score.String(), "why", d.Pinned[0].Justification)
		case len(d.Pinned) > 1:
			items := make([]string, len(d.Pinned))
			for i, pin := range d.Pinned {
				items[i] = l.T("selection.reason.pinned_item", "why", pin.Justification, "score", pin.Score.String())
			}
			return l.T("selection.reason.displaced_by_pins", append(args, "pins", strings.Join(items, l.T("selection.reason.pinned_separator")))...)
		}
		if (r.Code == selection.CodeAttrMax || r.Code == selection.CodeFlagMax) && d.LastSelectedScore == nil {
			return l.T("selection.reason."+r.Code+"_no_last", args...) // the group's selected are all pinned in, or none
		}
	}
	if r.Code == "" {
		return ""
	}
	return l.T("selection.reason."+r.Code, args...)
}
