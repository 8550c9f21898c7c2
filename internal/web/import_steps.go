package web

import (
	"slices"

	"github.com/aswaq/aswaq/internal/store"
)

// The steps of an import, in order.
const (
	stepUpload = iota
	stepColumns
	stepPreview
	stepDone
)

var importStepKeys = []string{"importpages.step_upload", "importpages.step_columns", "importpages.step_preview", "importpages.step_done"}

// importStep is one step in the list at the top of each import page: the steps already
// reached link back, so an organiser can correct the columns after seeing the preview.
type importStep struct {
	Label   string
	Href    string
	Current bool
}

// importSteps lists the steps for an upload (none yet on the upload form), linking those
// up to the furthest one the upload has reached: the preview once its columns are
// confirmed, the result once it is committed.
func importSteps(p *page, id string, current, reached int) []importStep {
	steps := []string{"", "columns", "preview", "done"}
	out := make([]importStep, len(importStepKeys))
	for i, key := range importStepKeys {
		out[i] = importStep{Label: p.L.T(key), Current: i == current}
		switch {
		case i == current, i > reached:
		case i == stepUpload:
			out[i].Href = importURL(p, "", "")
		case id != "":
			out[i].Href = importURL(p, id, steps[i])
		}
	}
	return out
}

// reachedStep is the furthest step an upload has reached.
func reachedStep(u store.Upload) int {
	switch {
	case u.Result != nil:
		return stepDone
	case u.Mapping.Columns != nil:
		return stepPreview
	}
	return stepColumns
}

// summaryError is one entry of the error summary at the top of a form: the message, and
// the id of the field it is about, which the entry links to.
type summaryError struct {
	Target  string // element id without "#"; "" for a problem with the form as a whole
	Message string
}

// summaryOf lists a form's errors for the summary, in the order of fields, then the
// form's own error.
func summaryOf(f *form, fields ...string) []summaryError {
	var out []summaryError
	for _, name := range fields {
		if msg, ok := f.Errors[name]; ok {
			out = append(out, summaryError{Target: "f-" + name, Message: msg})
		}
	}
	var rest []string
	for name := range f.Errors {
		if !slices.Contains(fields, name) {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	for _, name := range rest {
		out = append(out, summaryError{Target: "f-" + name, Message: f.Errors[name]})
	}
	if f.Error != "" {
		out = append(out, summaryError{Message: f.Error})
	}
	return out
}
