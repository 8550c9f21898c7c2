package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
)

func (s *Server) selectionRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/editions/{id}/selection", perm: authz.ManageEditions, resource: s.editionResource, page: s.selectionPage},
		{pattern: "POST /{lang}/admin/editions/{id}/selection", perm: authz.ManageEditions, resource: s.editionResource, page: s.runSelection},
		{pattern: "POST /{lang}/admin/editions/{id}/selection/pins", perm: authz.ManageEditions, resource: s.editionResource, page: s.pinCandidate},
		{pattern: "POST /{lang}/admin/editions/{id}/selection/pins/{app}/delete", perm: authz.ManageEditions, resource: s.editionResource, page: s.unpinCandidate},
		{pattern: "POST /{lang}/admin/editions/{id}/selection/publish", perm: authz.ManageEditions, resource: s.editionResource, page: s.publishSelection},
		{pattern: "POST /{lang}/admin/editions/{id}/selection/refill", perm: authz.ManageEditions, resource: s.editionResource, page: s.refill},
		{pattern: "GET /{lang}/admin/editions/{id}/fairness", perm: authz.ManageEditions, resource: s.editionResource, page: s.fairnessPage},
	}
}

// selectionInputs is everything a run of the selection reads.
type selectionInputs struct {
	Edition fair.Edition
	Call    call.Call
	Cands   []store.SelectionCandidate
	Pins    []store.SelectionPin
}

func (s *Server) selectionInputs(ctx context.Context, id int64) (selectionInputs, error) {
	var in selectionInputs
	var err error
	if in.Edition, err = s.editions.Edition(ctx, id); err != nil {
		return in, err
	}
	if in.Call, err = s.editions.Call(ctx, id); err != nil {
		return in, err
	}
	if in.Cands, err = s.store.SelectionCandidates(ctx, id); err != nil {
		return in, err
	}
	in.Pins, err = s.store.SelectionPins(ctx, id)
	return in, err
}

// selectionPage runs the selection with the call's quotas and shows the result: a dry run
// that changes nothing. After publication it shows the published decisions instead.
func (s *Server) selectionPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	in, err := s.selectionInputs(r.Context(), id)
	if err != nil {
		return "", err
	}
	return s.renderSelection(p, &in, callValues(in.Call), in.Call.Quotas, in.Call.Stands, "")
}

// runSelection reads quotas and seats from the form and either runs them (a dry run) or
// saves them in the call.
func (s *Server) runSelection(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	in, err := s.selectionInputs(r.Context(), id)
	if err != nil {
		return "", err
	}
	if in.Edition.Status.CallFrozen() {
		// Published: the page shows the stored decisions with the quotas they used, and
		// nothing posted changes them.
		p.Status = http.StatusConflict
		return s.renderSelection(p, &in, callValues(in.Call), in.Call.Quotas, in.Call.Stands, p.L.T("call.error.frozen"))
	}
	f := formFrom(r)
	posted := s.callFromForm(r, f, id)
	seats := formCount(f, "stands", f.Get("stands"))
	if f.Get("more") != "" {
		growRows(f, []string{"quotas"})
		return s.renderSelection(p, &in, f, in.Call.Quotas, in.Call.Stands, "")
	}
	c := in.Call
	c.Quotas, c.Stands = posted.Quotas, seats
	if f.ReadErrors(p.L) {
		f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
		return s.renderSelection(p, &in, f, in.Call.Quotas, in.Call.Stands, "")
	}
	if err := c.Validate(call.Context{RegionProvinces: s.regionProvinces(in.Edition.RegionCode)}); err != nil {
		f.Fail(p.L, err)
		p.Status = http.StatusUnprocessableEntity
		return s.renderSelection(p, &in, f, in.Call.Quotas, in.Call.Stands, "")
	}
	if f.Get("action") == "save" {
		if err := s.editions.SaveCall(r.Context(), &c); err != nil {
			if f.Fail(p.L, err) {
				p.Status = http.StatusUnprocessableEntity
				return s.renderSelection(p, &in, f, in.Call.Quotas, in.Call.Stands, "")
			}
			return "", err
		}
		s.flash(r, "selection.flash.saved")
		http.Redirect(w, r, s.editionAdminURL(p, id)+"/selection", http.StatusSeeOther)
		return "", nil
	}
	return s.renderSelection(p, &in, f, c.Quotas, c.Stands, p.L.T("selection.dry_run"))
}

// regionProvinces lists the codes of a region's provinces, which a call's validation needs.
func (s *Server) regionProvinces(region string) []string {
	var out []string
	for _, pr := range s.provinceList {
		if pr.RegionCode == region {
			out = append(out, pr.Code)
		}
	}
	return out
}

func (s *Server) pinCandidate(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	app, _ := strconv.ParseInt(f.Get("application"), 10, 64)
	err := s.store.SetPin(r.Context(), id, store.SelectionPin{ApplicationID: app, Side: selection.PinSide(f.Get("side")), Justification: f.Get("justification")})
	if err != nil {
		if !f.Fail(p.L, err) || apperr.CodeOf(err) == apperr.NotFound {
			return "", err
		}
		in, err := s.selectionInputs(r.Context(), id)
		if err != nil {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderSelection(p, &in, withErrors(callValues(in.Call), f), in.Call.Quotas, in.Call.Stands, "")
	}
	s.flash(r, "selection.flash.pinned")
	http.Redirect(w, r, s.editionAdminURL(p, id)+"/selection", http.StatusSeeOther)
	return "", nil
}

func (s *Server) unpinCandidate(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	app, err := pathID(r, "app")
	if err != nil {
		return "", err
	}
	if err := s.store.RemovePin(r.Context(), id, app); err != nil {
		return "", err
	}
	s.flash(r, "selection.flash.unpinned")
	http.Redirect(w, r, s.editionAdminURL(p, id)+"/selection", http.StatusSeeOther)
	return "", nil
}

// publishSelection solves with the call's quotas and, when the result is proven optimal,
// publishes it: decisions, messages to every applicant, audit.
func (s *Server) publishSelection(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	in, err := s.selectionInputs(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := formFrom(r)
	fail := func(err error) (string, error) {
		if !f.Fail(p.L, err) {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		if apperr.CodeOf(err) == apperr.Conflict { // published meanwhile by another organiser, say
			p.Status = http.StatusConflict
		}
		return s.renderSelection(p, &in, withErrors(callValues(in.Call), f), in.Call.Quotas, in.Call.Stands, "")
	}
	if f.Get("confirm") != "1" {
		var v apperr.Validation
		v.Add("confirm", "selection.error.confirm")
		return fail(v.Err())
	}
	prob := selectionProblem(in.Cands, in.Call.Quotas, in.Call.Stands, in.Pins)
	res, err := selection.Solve(prob, nil)
	if err != nil {
		return "", err
	}
	var ineligible []int64
	orgOf := map[int64]int64{}
	for _, c := range in.Cands {
		orgOf[c.ApplicationID] = c.OrganisationID
		if c.Status == application.Submitted && c.Eligibility == application.Ineligible {
			ineligible = append(ineligible, c.ApplicationID)
		}
	}
	messages, err := s.decisionMessages(r.Context(), &in.Edition, orgOf)
	if err != nil {
		return "", err
	}
	// Applicants found ineligible were told so, with the organisers' reason, when it was
	// found: publication adds no second, vaguer message.
	notify := func(appID int64, d application.Decision, r selection.Reason) []outbox.Message {
		if r.Code == store.CodeIneligible {
			return nil
		}
		return messages(appID, d, r)
	}
	err = s.store.PublishSelection(r.Context(), id, store.Publication{Quotas: in.Call.Quotas, Seats: in.Call.Stands, Problem: prob,
		Result: res, Justification: f.Get("justification"), Ineligible: ineligible}, notify)
	if err != nil {
		return fail(err)
	}
	s.outboxNotify()
	s.flash(r, "selection.flash.published")
	http.Redirect(w, r, s.editionAdminURL(p, id)+"/selection", http.StatusSeeOther)
	return "", nil
}

// decisionMessages composes, for each application, the message its organisation's
// representatives receive, each in their own language, with the decision and its reason.
func (s *Server) decisionMessages(ctx context.Context, e *fair.Edition, orgOf map[int64]int64) (func(int64, application.Decision, selection.Reason) []outbox.Message, error) {
	users := map[int64][]account.User{}
	for _, orgID := range orgOf {
		if _, done := users[orgID]; done {
			continue
		}
		us, err := s.store.Representatives(ctx, orgID)
		if err != nil {
			return nil, err
		}
		users[orgID] = us
	}
	return func(appID int64, d application.Decision, reason selection.Reason) []outbox.Message {
		var out []outbox.Message
		for _, u := range users[orgOf[appID]] {
			l := s.i18n.For(u.Lang)
			m := s.message(u, "selection_decision", "mail.selection_"+string(d),
				"fair", e.Title.In(string(u.Lang)), "reason", s.reasonText(l, string(u.Lang), reason),
				"link", s.link(string(u.Lang), "/applications/"+strconv.FormatInt(appID, 10)))
			out = append(out, *m)
		}
		return out
	}, nil
}

// refill gives a withdrawn exhibitor's place to the proposed waitlisted candidate.
func (s *Server) refill(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	in, err := s.selectionInputs(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := formFrom(r)
	withdrawn, _ := strconv.ParseInt(f.Get("withdrawn"), 10, 64)
	replacement, _ := strconv.ParseInt(f.Get("replacement"), 10, 64)
	orgOf := map[int64]int64{}
	for _, c := range in.Cands {
		orgOf[c.ApplicationID] = c.OrganisationID
	}
	messages, err := s.decisionMessages(r.Context(), &in.Edition, orgOf)
	if err != nil {
		return "", err
	}
	notify := func(appID int64) []outbox.Message {
		return messages(appID, application.Selected, selection.Reason{Decision: selection.DecisionSelected, Code: store.CodeRefill})
	}
	if err := s.store.Refill(r.Context(), id, withdrawn, replacement, f.Get("justification"), notify); err != nil {
		if !f.Fail(p.L, err) {
			return "", err
		}
		p.Status = http.StatusConflict
		return s.renderSelection(p, &in, withErrors(callValues(in.Call), f), in.Call.Quotas, in.Call.Stands, "")
	}
	s.outboxNotify()
	s.flash(r, "selection.flash.refilled")
	http.Redirect(w, r, s.editionAdminURL(p, id)+"/selection", http.StatusSeeOther)
	return "", nil
}

// withErrors carries the errors (and the message) of a refused side form onto the page's
// main form, which holds the quotas.
func withErrors(main, side *form) *form {
	main.Error = side.Error
	for k, v := range side.Errors {
		main.Errors[k] = v
	}
	return main
}
