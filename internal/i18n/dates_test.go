package i18n

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }

func TestMonth(t *testing.T) {
	b := testBundle(t)
	want := map[Lang][12]string{
		AR:  {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"},
		FR:  {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		EN:  {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		ZGH: {"ⵉⵏⵏⴰⵢⵔ", "ⴱⵕⴰⵢⵕ", "ⵎⴰⵕⵚ", "ⵉⴱⵔⵉⵔ", "ⵎⴰⵢⵢⵓ", "ⵢⵓⵏⵢⵓ", "ⵢⵓⵍⵢⵓⵣ", "ⵖⵓⵛⵜ", "ⵛⵓⵜⴰⵏⴱⵉⵔ", "ⴽⵜⵓⴱⵔ", "ⵏⵓⵡⴰⵏⴱⵉⵔ", "ⴷⵓⵊⴰⵏⴱⵉⵔ"},
	}
	for l, names := range want {
		for i, name := range names {
			if got := b.For(l).Month(time.Month(i + 1)); got != name {
				t.Errorf("%s Month(%d) = %q, want %q", l, i+1, got, name)
			}
		}
		if got := b.For(l).Month(13); got != "13" {
			t.Errorf("%s Month(13) = %q, want \"13\"", l, got)
		}
		if got := b.For(l).Month(0); got != "0" {
			t.Errorf("%s Month(0) = %q, want \"0\"", l, got)
		}
	}
}

func TestWeekday(t *testing.T) {
	b := testBundle(t)
	tests := []struct {
		l    Lang
		d    time.Weekday
		want string
	}{
		{AR, time.Sunday, "الأحد"},
		{AR, time.Monday, "الاثنين"},
		{AR, time.Friday, "الجمعة"},
		{AR, time.Saturday, "السبت"},
		{FR, time.Monday, "lundi"},
		{FR, time.Saturday, "samedi"},
		{EN, time.Wednesday, "Wednesday"},
		{ZGH, time.Sunday, "ⴰⵙⴰⵎⴰⵙ"},
		{ZGH, time.Saturday, "ⴰⵙⵉⴹⵢⴰⵙ"},
		{EN, 7, "7"},
		{EN, -1, "-1"},
	}
	for _, tt := range tests {
		if got := b.For(tt.l).Weekday(tt.d); got != tt.want {
			t.Errorf("%s Weekday(%d) = %q, want %q", tt.l, tt.d, got, tt.want)
		}
	}
	// The first Saturday of July 2022, International Day of Cooperatives.
	if got := b.For(AR).Weekday(day(2022, 7, 2).Weekday()); got != "السبت" {
		t.Errorf("2 July 2022 in Arabic = %q, want السبت", got)
	}
}

func TestDate(t *testing.T) {
	b := testBundle(t)
	tests := []struct {
		l    Lang
		t    time.Time
		want string
	}{
		{AR, day(2022, 7, 12), "12 يوليوز 2022"},
		{FR, day(2022, 7, 12), "12 juillet 2022"},
		{EN, day(2022, 7, 12), "12 July 2022"},
		{ZGH, day(2022, 7, 12), "12 ⵢⵓⵍⵢⵓⵣ 2022"},
		{FR, day(2022, 7, 1), "1er juillet 2022"},
		{AR, day(2022, 7, 1), "1 يوليوز 2022"},
		{EN, day(2022, 7, 1), "1 July 2022"},
		{AR, day(2023, 8, 31), "31 غشت 2023"},
		{FR, day(2023, 8, 31), "31 août 2023"},
		// Only the calendar date in t's own location counts.
		{EN, time.Date(2022, 12, 31, 23, 30, 0, 0, time.UTC).In(time.FixedZone("+01", 3600)), "1 January 2023"},
	}
	for _, tt := range tests {
		if got := b.For(tt.l).Date(tt.t); got != tt.want {
			t.Errorf("%s Date(%v) = %q, want %q", tt.l, tt.t, got, tt.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	b := testBundle(t)
	type rng struct{ a, b time.Time }
	var (
		sameMonth = rng{day(2022, 7, 12), day(2022, 7, 16)}
		fromFirst = rng{day(2022, 7, 1), day(2022, 7, 5)}
		crossMon  = rng{day(2022, 11, 28), day(2022, 12, 3)}
		crossYear = rng{day(2022, 12, 28), day(2023, 1, 3)}
		sameDay   = rng{day(2022, 7, 12), time.Date(2022, 7, 12, 18, 0, 0, 0, time.UTC)}
	)
	tests := []struct {
		l    Lang
		r    rng
		want string
	}{
		{AR, sameMonth, "12 – 16 يوليوز 2022"},
		{AR, crossMon, "28 نونبر – 3 دجنبر 2022"},
		{AR, crossYear, "28 دجنبر 2022 – 3 يناير 2023"},
		{AR, sameDay, "12 يوليوز 2022"},
		{FR, sameMonth, "12 – 16 juillet 2022"},
		{FR, fromFirst, "1er – 5 juillet 2022"},
		{FR, crossMon, "28 novembre – 3 décembre 2022"},
		{FR, crossYear, "28 décembre 2022 – 3 janvier 2023"},
		{FR, sameDay, "12 juillet 2022"},
		{EN, sameMonth, "12 – 16 July 2022"},
		{EN, crossMon, "28 November – 3 December 2022"},
		{EN, crossYear, "28 December 2022 – 3 January 2023"},
		{EN, sameDay, "12 July 2022"},
		{ZGH, sameMonth, "12 – 16 ⵢⵓⵍⵢⵓⵣ 2022"},
		{ZGH, crossMon, "28 ⵏⵓⵡⴰⵏⴱⵉⵔ – 3 ⴷⵓⵊⴰⵏⴱⵉⵔ 2022"},
		{ZGH, crossYear, "28 ⴷⵓⵊⴰⵏⴱⵉⵔ 2022 – 3 ⵉⵏⵏⴰⵢⵔ 2023"},
		{ZGH, sameDay, "12 ⵢⵓⵍⵢⵓⵣ 2022"},
		// Same day and month in different years is a cross-year range.
		{EN, rng{day(2022, 7, 12), day(2023, 7, 12)}, "12 July 2022 – 12 July 2023"},
		// Reversed input is formatted as given; validation is elsewhere.
		{AR, rng{day(2022, 12, 10), day(2022, 12, 5)}, "10 – 5 دجنبر 2022"},
	}
	for _, tt := range tests {
		if got := b.For(tt.l).DateRange(tt.r.a, tt.r.b); got != tt.want {
			t.Errorf("%s DateRange(%v, %v) = %q, want %q", tt.l, tt.r.a, tt.r.b, got, tt.want)
		}
	}
}
