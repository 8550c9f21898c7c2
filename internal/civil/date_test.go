package civil

import (
	"testing"
	"time"
)

func TestNewRefusesImpossibleDates(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		ok      bool
	}{
		{2022, 7, 12, true}, {2024, 2, 29, true}, {2023, 2, 29, false}, {2022, 12, 32, false}, {2022, 13, 1, false}, {2022, 4, 0, false},
	} {
		_, err := New(c.y, time.Month(c.m), c.d)
		if (err == nil) != c.ok {
			t.Errorf("New(%d,%d,%d) error = %v, want ok=%v", c.y, c.m, c.d, err, c.ok)
		}
	}
}

func TestParseAndString(t *testing.T) {
	d, err := Parse("2022-12-10")
	if err != nil || d != (Date{2022, time.December, 10}) || d.String() != "2022-12-10" {
		t.Fatalf("Parse = %v, %v", d, err)
	}
	for _, bad := range []string{"", "10/12/2022", "2022-12-5", "2022-02-30"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestCompareAndArithmetic(t *testing.T) {
	a, b := MustNew(2022, 12, 10), MustNew(2022, 12, 5)
	if !b.Before(a) || !a.After(b) || a.Compare(a) != 0 {
		t.Fatal("ordering wrong")
	}
	if n := MustNew(2022, 7, 12).DaysUntil(MustNew(2022, 7, 16)); n != 4 {
		t.Fatalf("DaysUntil = %d", n)
	}
	if d := MustNew(2022, 12, 31).AddDays(1); d != MustNew(2023, 1, 1) {
		t.Fatalf("AddDays = %v", d)
	}
	if MustNew(2025, 3, 30).DaysUntil(MustNew(2025, 3, 31)) != 1 { // across a DST change elsewhere
		t.Fatal("DaysUntil across month end")
	}
}
