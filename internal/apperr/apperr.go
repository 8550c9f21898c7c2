// Package apperr is the one error type that crosses layers: it carries a code the web layer
// maps to a status, and message keys the web layer translates, so the domain never writes a
// sentence in one language.
package apperr

import (
	"errors"
	"fmt"
	"strings"
)

// Code classifies an error for the caller.
type Code string

// The codes a caller can act on.
const (
	Invalid      Code = "invalid"
	NotFound     Code = "not_found"
	Conflict     Code = "conflict"
	Forbidden    Code = "forbidden"
	Unauthorized Code = "unauthorized"
	Internal     Code = "internal"
)

// FieldError is one problem with one input field, as a catalog key and its placeholders
// (name/value pairs, as i18n expects).
type FieldError struct {
	Field string
	Key   string
	Args  []any
}

// Error is an application error.
type Error struct {
	Code   Code
	Key    string // catalog key of the overall message
	Args   []any
	Fields []FieldError
	Err    error // the cause, for logs; never shown to users
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.Code, e.Key)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Key)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error with a code and a message key.
func New(code Code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Wrap returns an Internal error that keeps err for the logs.
func Wrap(err error, key string) *Error {
	return &Error{Code: Internal, Key: key, Err: err}
}

// CodeOf returns the code of err, Internal for errors that are not ours, "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// As returns err as an *Error if it is one.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Validation collects field errors so a form reports every problem at once.
type Validation struct {
	fields []FieldError
}

// Check records a field error when ok is false.
func (v *Validation) Check(ok bool, field, key string, args ...any) {
	if !ok {
		v.Add(field, key, args...)
	}
}

// Add records a field error.
func (v *Validation) Add(field, key string, args ...any) {
	v.fields = append(v.fields, FieldError{Field: field, Key: key, Args: args})
}

// Err returns nil when nothing was recorded, otherwise an Invalid error listing the fields.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Key: "error.invalid_input", Fields: v.fields}
}

// WithCode returns err with its code changed to code when it is one of ours (a validation that
// is really a conflict, say); other errors are returned unchanged.
func WithCode(err error, code Code) error {
	if e, ok := As(err); ok {
		c := *e
		c.Code = code
		return &c
	}
	return err
}
