// Package civil has a calendar date without a time of day or a zone: fairs run from one
// day to another in Morocco, and a date must not shift when a server runs in UTC.
package civil

import (
	"fmt"
	"time"
)

// Date is a day in the proleptic Gregorian calendar. The zero Date is "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Of returns the date of t in t's own location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// New returns the date, or an error if it does not exist (e.g. 31 February).
func New(year int, month time.Month, day int) (Date, error) {
	d := Date{year, month, day}
	if !d.valid() {
		return Date{}, fmt.Errorf("%04d-%02d-%02d is not a date", year, int(month), day)
	}
	return d, nil
}

// MustNew is New for literals known to be valid, such as demo data.
func MustNew(year int, month time.Month, day int) Date {
	d, err := New(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// Parse reads the ISO form YYYY-MM-DD.
func Parse(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Of(t), nil
}

func (d Date) valid() bool {
	t := d.In(time.UTC)
	return t.Year() == d.Year && t.Month() == d.Month && t.Day() == d.Day
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// String is the ISO form YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// In returns midnight at the start of d in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.In(time.UTC).Sub(d.In(time.UTC)).Hours() / 24)
}

// AddDays returns the date n days after d.
func (d Date) AddDays(n int) Date { return Of(d.In(time.UTC).AddDate(0, 0, n)) }

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
