package web

import (
	"context"
	"strconv"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
)

// decisionView is what the selection decided for an application, in words.
type decisionView struct {
	Label     string // selected, on the waitlist with its rank, not selected, not eligible
	State     string // on, wait or off: the colour of its badge
	Reason    string // why, in a sentence; for an ineligible application, the organisers' own words
	Published bool   // false for an application found ineligible before the selection is published
}

// decisionLabel names an outcome (store.Outcomes), with the rank of a waitlisted one.
func decisionLabel(l *i18n.Localizer, outcome string, rank int) string {
	if outcome == string(application.Waitlisted) && rank > 0 {
		return l.T("application.decision.waitlist_rank", "rank", rank)
	}
	return l.T("application.decision." + outcome)
}

// decisionView puts a published decision into words; nil before publication.
func (s *Server) decisionView(l *i18n.Localizer, lang string, el application.Eligibility, elReason string, d store.AppDecision) *decisionView {
	if d.Decision == "" {
		return nil
	}
	outcome := d.Outcome(el)
	v := &decisionView{Label: decisionLabel(l, outcome, d.WaitlistRank), State: decisionState(outcome),
		Reason: s.reasonText(l, lang, d.Reason), Published: true}
	switch {
	case outcome == store.OutcomeIneligible && elReason != "":
		v.Reason = l.T("application.decision.ineligible_reason", "reason", elReason)
	case d.Decision != application.Selected && d.Reason.Decision == selection.DecisionSelected:
		// Selected, then withdrawn: a refill gave its place away and kept the old reason.
		v.Reason = l.T("application.decision.withdrawn_after_selection")
	}
	return v
}

// decisionState is the colour of an outcome's badge: on, wait or off ("" for none).
func decisionState(outcome string) string {
	switch outcome {
	case string(application.Selected):
		return "on"
	case string(application.Waitlisted):
		return "wait"
	case store.OutcomeNone:
		return ""
	}
	return "off"
}

// applicantDecision is what the applicant reads of the decision on a submitted application:
// the published decision, or, before publication, the organisers' finding that it is not
// eligible, with their reason (the applicant was told so by message). Nothing for a draft
// or a withdrawn application.
func (s *Server) applicantDecision(l *i18n.Localizer, lang string, a *application.Application, d store.AppDecision) *decisionView {
	if a.Status != application.Submitted {
		return nil
	}
	if v := s.decisionView(l, lang, a.Eligibility, a.EligibilityReason, d); v != nil {
		return v
	}
	if a.Eligibility == application.Ineligible {
		return &decisionView{Label: l.T("application.decision.ineligible"), State: "off",
			Reason: l.T("application.decision.ineligible_reason", "reason", a.EligibilityReason)}
	}
	return nil
}

// eligibilityMessages composes, for a change of an application's eligibility its applicant
// must hear of, the message each representative of the organisation receives in their own
// language: found not eligible, with the organisers' reason; or competing again.
func (s *Server) eligibilityMessages(ctx context.Context, appID int64) (func(*application.Application, bool) []outbox.Message, error) {
	_, editionID, orgID, err := s.store.ApplicationRegion(ctx, appID)
	if err != nil {
		return nil, err
	}
	e, err := s.editions.Edition(ctx, editionID)
	if err != nil {
		return nil, err
	}
	users, err := s.store.Representatives(ctx, orgID)
	if err != nil {
		return nil, err
	}
	return func(a *application.Application, restored bool) []outbox.Message {
		base := "mail.eligibility_ineligible"
		if restored {
			base = "mail.eligibility_restored"
		}
		var out []outbox.Message
		for _, u := range users {
			out = append(out, *s.eligibilityMessage(u, base, e.Title.In(string(u.Lang)), a))
		}
		return out
	}, nil
}

// smsReason is how much of the organisers' reason an SMS carries; the link gives the rest.
const smsReason = 160

func (s *Server) eligibilityMessage(u account.User, base, fair string, a *application.Application) *outbox.Message {
	lang := string(u.Lang)
	reason := a.EligibilityReason
	if u.Email == "" {
		if r := []rune(reason); len(r) > smsReason {
			reason = string(r[:smsReason-1]) + "…"
		}
	}
	return s.message(u, "eligibility", base, "fair", fair, "reference", a.Reference, "reason", reason,
		"link", s.link(lang, "/applications/"+strconv.FormatInt(a.ID, 10)))
}

// selectionPublished reports whether an edition in status st has published its selection.
func selectionPublished(st fair.Status) bool {
	return st == fair.SelectionPublished || st == fair.Running || st == fair.Closed || st == fair.Reported
}
