package civil

import (
	"testing"
	"time"
)

// Morocco leaves UTC+1 for UTC+0 during Ramadan: in 2026 from 15 February to 22 March
// (at 03:00 local time both ways), according to the zone database.
func TestCasablancaFollowsRamadan(t *testing.T) {
	for _, c := range []struct {
		at     time.Time
		offset time.Duration
	}{
		{time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC), time.Hour},
		{time.Date(2026, time.February, 15, 1, 59, 0, 0, time.UTC), time.Hour},
		{time.Date(2026, time.February, 15, 2, 0, 0, 0, time.UTC), 0},
		{time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC), 0},
		{time.Date(2026, time.March, 22, 1, 59, 0, 0, time.UTC), 0},
		{time.Date(2026, time.March, 22, 2, 0, 0, 0, time.UTC), time.Hour},
		{time.Date(2026, time.June, 1, 12, 0, 0, 0, time.UTC), time.Hour},
	} {
		_, off := c.at.In(Casablanca).Zone()
		if got := time.Duration(off) * time.Second; got != c.offset {
			t.Errorf("offset at %s = %v, want %v", c.at.Format(time.RFC3339), got, c.offset)
		}
	}
}

// The day in Morocco turns at local midnight: 23:30 UTC is already tomorrow in June, but
// still today during Ramadan.
func TestCasablancaDayTurnsAtLocalMidnight(t *testing.T) {
	june := time.Date(2026, time.June, 1, 23, 30, 0, 0, time.UTC)
	if got, want := Of(june.In(Casablanca)), MustNew(2026, time.June, 2); got != want {
		t.Errorf("date at %s = %s, want %s", june, got, want)
	}
	ramadan := time.Date(2026, time.March, 1, 23, 30, 0, 0, time.UTC)
	if got, want := Of(ramadan.In(Casablanca)), MustNew(2026, time.March, 1); got != want {
		t.Errorf("date at %s = %s, want %s", ramadan, got, want)
	}
	if Casablanca.String() != "Africa/Casablanca" {
		t.Errorf("zone name = %q", Casablanca.String())
	}
}
