package webkit

import (
	"net/http"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// Form is what a form page shows: what the user typed (so nothing is lost when a form
// comes back with errors), one message per field in error, and one for the whole form.
type Form struct {
	Values map[string]string
	Multi  map[string][]string // fields with several values (checkboxes)
	Errors map[string]string
	Error  string
	keys   map[string]string // errors found while reading the form, as catalog keys
}

// NewForm is an empty form.
func NewForm() *Form { return &Form{Values: map[string]string{}, Errors: map[string]string{}} }

// FormFrom reads the posted fields (the first value of each).
func FormFrom(r *http.Request) *Form {
	f := NewForm()
	r.ParseForm()
	for k, v := range r.PostForm {
		if len(v) > 0 {
			f.Values[k] = v[0]
		}
	}
	f.Multi = r.PostForm
	return f
}

// Has reports whether a multi-valued field holds a value, for checkboxes.
func (f *Form) Has(name, value string) bool {
	for _, v := range f.Multi[name] {
		if v == value {
			return true
		}
	}
	return false
}

// ReadError records a value that could not be read (a date, a count) as a catalog key.
func (f *Form) ReadError(field, key string) {
	if f.keys == nil {
		f.keys = map[string]string{}
	}
	f.keys[field] = key
}

// ReadErrors turns the errors found while reading into sentences and says whether any.
func (f *Form) ReadErrors(l *i18n.Localizer) bool {
	for field, key := range f.keys {
		f.Errors[field] = l.T(key)
	}
	return len(f.keys) > 0
}

// Get returns a field's value, for templates.
func (f *Form) Get(name string) string { return f.Values[name] }

// HasErrors reports whether anything is in error.
func (f *Form) HasErrors() bool { return f.Error != "" || len(f.Errors) > 0 }

// Fail records err on the form in the user's language and reports whether it was a
// user's mistake (invalid input, conflict) rather than a failure of the system.
func (f *Form) Fail(l *i18n.Localizer, err error) bool {
	e, ok := apperr.As(err)
	if !ok || (e.Code != apperr.Invalid && e.Code != apperr.Conflict && e.Code != apperr.NotFound) {
		return false
	}
	for _, fe := range e.Fields {
		if _, taken := f.Errors[fe.Field]; !taken {
			f.Errors[fe.Field] = l.T(fe.Key, fe.Args...)
		}
	}
	if len(e.Fields) == 0 {
		f.Error = l.T(e.Key, e.Args...)
	} else {
		f.Error = l.T("error.invalid_input")
	}
	return true
}

// SafeNext keeps a post-sign-in destination only when it is a path on this site, so a
// crafted link cannot send a user elsewhere after they sign in.
func SafeNext(next, fallback string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return fallback
	}
	return next
}

// ErrorText is err in the reader's language: the message of an application error, or the
// generic one for a failure of the system.
func ErrorText(l *i18n.Localizer, err error) string {
	if e, ok := apperr.As(err); ok {
		return l.T(e.Key, e.Args...)
	}
	return l.T("error.server_body")
}
