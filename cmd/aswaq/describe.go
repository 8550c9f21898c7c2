package main

import (
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// describe turns an application error into sentences from the catalogs, so the command
// line says what to fix as clearly as the web forms do.
func describe(err error, l i18n.Lang) string {
	e, ok := apperr.As(err)
	if !ok {
		return err.Error()
	}
	bundle, berr := i18n.Load()
	if berr != nil {
		return err.Error()
	}
	z := bundle.For(l)
	if len(e.Fields) == 0 {
		return z.T(e.Key, e.Args...)
	}
	msgs := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		msgs[i] = "--" + f.Field + ": " + z.T(f.Key, f.Args...)
	}
	return strings.Join(msgs, "; ")
}
