package apperr

import (
	"errors"
	"fmt"
	"testing"
)

func TestValidationCollectsEveryField(t *testing.T) {
	var v Validation
	v.Check(true, "city", "x")
	if v.Err() != nil {
		t.Fatal("no failed check must give no error")
	}
	v.Check(false, "ends_on", "fair.error.ends_before_start")
	v.Add("area_m2", "fair.error.area_positive")
	err := v.Err()
	e, ok := As(fmt.Errorf("saving: %w", err))
	if !ok || e.Code != Invalid || len(e.Fields) != 2 || e.Fields[0].Field != "ends_on" {
		t.Fatalf("got %#v", err)
	}
}

func TestCodeOf(t *testing.T) {
	if CodeOf(nil) != "" || CodeOf(errors.New("x")) != Internal || CodeOf(New(NotFound, "k")) != NotFound {
		t.Fatal("CodeOf wrong")
	}
	cause := errors.New("disk full")
	if w := Wrap(cause, "k"); !errors.Is(w, cause) || w.Code != Internal {
		t.Fatal("Wrap must keep the cause")
	}
}
