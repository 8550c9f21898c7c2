package i18n

import (
	"strconv"
	"time"
)

// Dates are written day, month name, year in every language, the way the
// councils' press releases write them: «12 يوليوز 2022», «12 juillet 2022»,
// «12 July 2022». Only the calendar date of t counts, in t's own location:
// convert to Africa/Casablanca before formatting an instant.

// rangeSep separates the two ends of a range: an en dash between spaces.
const rangeSep = " – "

// Date formats t as day, month name, year. French writes the first of the
// month "1er".
func (z *Localizer) Date(t time.Time) string {
	y, m, d := t.Date()
	return z.day(d) + " " + z.Month(m) + " " + itoa(y)
}

// DateRange formats the days from a to b, sharing what they share:
//
//	same day       12 يوليوز 2022
//	same month     12 – 16 يوليوز 2022
//	same year      28 نونبر – 3 دجنبر 2022
//	across years   28 دجنبر 2022 – 3 يناير 2023
//
// It formats what it is given: checking that a is not after b is the
// caller's validation, not the formatter's.
func (z *Localizer) DateRange(a, b time.Time) string {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	switch {
	case ya != yb:
		return z.Date(a) + rangeSep + z.Date(b)
	case ma != mb:
		return z.day(da) + " " + z.Month(ma) + rangeSep + z.day(db) + " " + z.Month(mb) + " " + itoa(yb)
	case da != db:
		return z.day(da) + rangeSep + z.day(db) + " " + z.Month(mb) + " " + itoa(yb)
	}
	return z.Date(a)
}

// day writes the day of the month.
func (z *Localizer) day(d int) string {
	if d == 1 && z.lang == FR {
		return "1er"
	}
	return itoa(d)
}

func itoa(n int) string { return strconv.Itoa(n) }
