package webkit

import (
	"errors"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// A refusal no form catches still says what was refused, in the reader's language, with
// the status that matches it; a failure of the system says nothing of its cause.
func TestErrorPagesSayWhatWasRefused(t *testing.T) {
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	k, err := New(Config{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Build(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		err    error
		status int
		want   string
		not    string
	}{
		{apperr.New(apperr.Conflict, "call.error.frozen"), http.StatusConflict, "l'appel, ses critères et ses quotas ne se modifient plus", ""},
		{apperr.New(apperr.NotFound, "call.error.frozen"), http.StatusNotFound, "", "ses quotas"},
		{errServer, http.StatusInternalServerError, "", "disk full"},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		k.Fail(rec, httptest.NewRequest("POST", "/fr/admin/editions/1/call", nil), i18n.FR, c.err)
		body := html.UnescapeString(rec.Body.String())
		if rec.Code != c.status || (c.want != "" && !strings.Contains(body, c.want)) || (c.not != "" && strings.Contains(body, c.not)) {
			t.Errorf("%v: %d, want %d with %q", c.err, rec.Code, c.status, c.want)
		}
	}
}

var errServer = errors.New("disk full")
