package web

import (
	"context"
	"net/http"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// stepView is a step of an edition's life as its page offers it: a button, or, when the
// step cannot be taken yet, why not.
type stepView struct {
	Step    string
	Label   string
	Blocked string
}

// fillSteps lists the steps the edition may take from where it stands, and says what
// moves it on otherwise (publication of the selection, the report).
func (h *Handlers) fillSteps(ctx context.Context, p *webkit.Page, e *fair.Edition, d *editionFormData) error {
	opts, err := h.editions.Options(ctx, e)
	if err != nil {
		return err
	}
	for _, o := range opts {
		v := stepView{Step: string(o.Step), Label: p.L.T("edition.step." + string(o.Step))}
		if o.Blocked != nil {
			v.Blocked = webkit.ErrorText(p.L, o.Blocked)
		}
		d.Steps = append(d.Steps, v)
	}
	switch e.Status {
	case fair.InReview:
		d.Note = p.L.T("edition.note.publish_on_selection")
	case fair.Closed:
		d.Note = p.L.T("edition.note.reported_by_report")
	case fair.Cancelled:
		d.Note = p.L.T("edition.note.cancelled", "reason", e.CancelReason)
	}
	d.Deletable = e.Status == fair.Draft
	return nil
}

// confirmData is the page that says what a step will do and asks to confirm it.
type confirmData struct {
	ID       int64
	Title    string // the edition's
	Step     string
	Action   string // the form's address
	Effect   string
	Form     *webkit.Form
	Deadline bool // the step asks for a new deadline
	Reason   bool // the step asks for a reason
	Back     string
}

// takeStep answers the step buttons of the edition page: first a page that says what the
// step will do (and asks what it needs), then, once confirmed, the step itself.
func (h *Handlers) takeStep(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	e, err := h.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := webkit.FormFrom(r)
	step := editions.Step(f.Get("step"))
	if step.Target() == "" {
		return "", apperr.New(apperr.NotFound, "error.not_found_title")
	}
	d := confirmData{ID: id, Title: e.Title.In(p.Code), Step: string(step), Form: f,
		Action: h.EditionAdminURL(p, id) + "/status", Back: h.EditionAdminURL(p, id),
		Deadline: step == editions.ReopenTheCall, Reason: step == editions.Cancel}
	d.Effect = h.effect(r.Context(), p, &e, step)
	if f.Get("confirm") == "" {
		return h.renderConfirm(p, d, "edition.step."+string(step))
	}
	in := editions.StepInput{Reason: f.Get("reason")}
	if d.Deadline {
		in.Deadline = formMinute(f, "deadline", f.Get("deadline"))
		if f.ReadErrors(p.L) {
			f.Error, p.Status = p.L.T("error.invalid_input"), http.StatusUnprocessableEntity
			return h.renderConfirm(p, d, "edition.step."+string(step))
		}
	}
	if err := h.editions.Take(r.Context(), id, step, in); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusConflict
			return h.renderConfirm(p, d, "edition.step."+string(step))
		}
		return "", err
	}
	h.Flash(r, "edition.flash.step."+string(step))
	http.Redirect(w, r, h.EditionAdminURL(p, id), http.StatusSeeOther)
	return "", nil
}

// effect says, in the reader's language, what a step will do to this edition.
func (h *Handlers) effect(ctx context.Context, p *webkit.Page, e *fair.Edition, step editions.Step) string {
	key := "edition.effect." + string(step)
	if step == editions.CloseTheCall {
		if st, c, err := h.editions.CallState(ctx, e); err == nil && st == editions.Open {
			return p.L.T("edition.effect.close_call_early", "deadline", c.ClosesAt.In(civil.Casablanca))
		}
	}
	return p.L.T(key)
}

func (h *Handlers) renderConfirm(p *webkit.Page, d confirmData, titleKey string) (string, error) {
	p.Title, p.Data = p.L.T(titleKey), d
	return "edition_step", nil
}

// deleteEdition deletes a draft, after a page that asks to confirm.
func (h *Handlers) deleteEdition(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	e, err := h.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := webkit.FormFrom(r)
	d := confirmData{ID: id, Title: e.Title.In(p.Code), Step: "delete", Form: f,
		Action: h.EditionAdminURL(p, id) + "/delete", Back: h.EditionAdminURL(p, id), Effect: p.L.T("edition.effect.delete")}
	if f.Get("confirm") == "" {
		return h.renderConfirm(p, d, "edition.step.delete")
	}
	if err := h.editions.Delete(r.Context(), id); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusConflict
			return h.renderConfirm(p, d, "edition.step.delete")
		}
		return "", err
	}
	h.Flash(r, "edition.flash.deleted")
	http.Redirect(w, r, "/"+p.Code+"/admin/editions", http.StatusSeeOther)
	return "", nil
}
