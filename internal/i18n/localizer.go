package i18n

import (
	"fmt"
	"strconv"
	"time"

	"golang.org/x/text/feature/plural"
)

// Localizer gives text and formats in one language. Get it from Bundle.For;
// it is immutable and safe for concurrent use.
//
// Its methods return plain text: html/template escapes it like any other
// string, so catalog text can never inject markup.
type Localizer struct {
	lang  Lang
	chain []*catalog // own catalog first, then its fallback
}

// Lang is the localizer's language.
func (z *Localizer) Lang() Lang { return z.lang }

// Has reports whether T finds text for key, in this language or its
// fallback (so for zgh, a French-only key counts).
func (z *Localizer) Has(key string) bool {
	_, _, ok := z.lookup(key)
	return ok
}

// T returns the message for key with its placeholders filled from args,
// which are name/value pairs: T("home.welcome", "name", "Sefrou") fills
// {name}. See formatArg for how values print. A placeholder without a value
// stays as {name}; a trailing name without a value and non-string names are
// ignored. A key found in no catalog returns the key itself, so a missing
// text is visible on the page and never a panic. T on a plural message uses
// its "other" form.
func (z *Localizer) T(key string, args ...any) string {
	m, _, ok := z.lookup(key)
	if !ok {
		return key
	}
	t := m.forms[plural.Other]
	if t.parts == nil {
		return t.text // most interface text: no placeholders, no allocation
	}
	return t.render(z.argFunc(args, "", false))
}

// N returns the plural message for key in the CLDR cardinal form for n, with
// {count} filled by Number(n) and other placeholders from args as in T.
// When the text comes from the fallback language, that language's plural
// rules choose the form. A form the message does not give falls back to
// "other"; a simple (non-plural) message is used as is.
func (z *Localizer) N(key string, n int, args ...any) string {
	m, l, ok := z.lookup(key)
	if !ok {
		return key
	}
	return m.form(cardinal(l, n)).render(z.argFunc(args, z.Number(int64(n)), true))
}

// lookup finds key along the fallback chain and says which language the
// message is in.
func (z *Localizer) lookup(key string) (*message, Lang, bool) {
	for _, c := range z.chain {
		if m, ok := c.msgs[key]; ok {
			return m, c.lang, true
		}
	}
	return nil, "", false
}

// argFunc returns the placeholder lookup for render. count, when hasCount,
// fills {count} and wins over an args pair of that name.
func (z *Localizer) argFunc(args []any, count string, hasCount bool) func(string) (string, bool) {
	return func(name string) (string, bool) {
		if hasCount && name == "count" {
			return count, true
		}
		for i := 0; i+1 < len(args); i += 2 {
			if k, ok := args[i].(string); ok && k == name {
				return z.formatArg(args[i+1]), true
			}
		}
		return "", false
	}
}

// calendarDay is a day without a time (civil.Date), known by its method so this package
// need not import the type.
type calendarDay interface {
	In(*time.Location) time.Time
}

// formatArg prints a placeholder value. Strings print as they are; integers
// print with Western digits and no grouping (years, codes and edition
// numbers must not read "2 022"; pass z.Number(n) for a grouped count);
// time.Time prints as Date, time.Month and time.Weekday by name, in the
// localizer's language; errors and fmt.Stringers by their text.
func (z *Localizer) formatArg(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case uint:
		return strconv.FormatUint(uint64(v), 10)
	case uint64:
		return strconv.FormatUint(v, 10)
	case uint32:
		return strconv.FormatUint(uint64(v), 10)
	case time.Time:
		return z.Date(v)
	case calendarDay: // a civil date: printed as a date in the language, like a time
		return z.Date(v.In(time.UTC))
	case time.Month:
		return z.Month(v)
	case time.Weekday:
		return z.Weekday(v)
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}
