package fair

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
)

func TestParseClock(t *testing.T) {
	good := map[string]int{"10:00": 600, "9:30": 570, " 22:15 ": 1335, "00:00": 0, "23:59": 1439}
	for in, want := range good {
		if got, ok := ParseClock(in); !ok || got != want {
			t.Errorf("ParseClock(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "10", "24:00", "10:60", "10:5", "-1:00", "ab:cd", "100:00", "10h00"} {
		if _, ok := ParseClock(in); ok {
			t.Errorf("ParseClock(%q) accepted", in)
		}
	}
	if Clock(570) != "09:30" {
		t.Errorf("Clock(570) = %s", Clock(570))
	}
}

func TestStatusTransitions(t *testing.T) {
	forward := []Status{Draft, CallOpen, InReview, SelectionPublished, Running, Closed, Reported}
	for i := 0; i+1 < len(forward); i++ {
		if !forward[i].CanMoveTo(forward[i+1]) {
			t.Errorf("%s → %s refused", forward[i], forward[i+1])
		}
		if i+2 < len(forward) && forward[i].CanMoveTo(forward[i+2]) {
			t.Errorf("%s → %s skips a step", forward[i], forward[i+2])
		}
	}
	for _, back := range [][2]Status{{SelectionPublished, InReview}, {Running, Draft}, {Reported, Closed}, {Closed, Running}} {
		if back[0].CanMoveTo(back[1]) {
			t.Errorf("%s → %s allowed", back[0], back[1])
		}
	}
	if !CallOpen.CanMoveTo(Draft) || !InReview.CanMoveTo(CallOpen) {
		t.Error("a call opened by mistake, or closed too early, cannot be taken back")
	}
}

func fieldKeys(err error) map[string]string {
	out := map[string]string{}
	if ae, ok := apperr.As(err); ok {
		for _, f := range ae.Fields {
			out[f.Field] = f.Key
		}
	}
	return out
}

func TestValidatePartsNamesTheRow(t *testing.T) {
	e := validEdition()
	e.AreaM2 = 1500
	e.Partners = []Partnership{{Name: mltext.Text{FR: "Wilaya"}, Role: Partner}, {Role: "sponsor"}}
	e.Spaces = []Space{{Kind: ProductsPole, AreaM2: 1000}, {Kind: KidsArea, AreaM2: 2000}, {Kind: "garage"}}
	e.Guests = []Guest{{Kind: GuestCountry}}
	e.RepsPerStand = 40
	e.Hours = Hours{Opens: 600, Closes: 600, Set: true}
	got := fieldKeys(e.Validate())
	want := map[string]string{
		"partners.2": "fair.error.partner_role", "spaces.2": "fair.error.space_larger_than_venue",
		"spaces.3": "fair.error.space_kind", "spaces": "fair.error.spaces_exceed_venue",
		"guests.1": "fair.error.guest_name", "reps_per_stand": "fair.error.reps_per_stand", "hours": "fair.error.hours_empty",
	}
	for f, k := range want {
		if got[f] != k {
			t.Errorf("field %s: got %q, want %q", f, got[f], k)
		}
	}
	if _, ok := got["partners.1"]; ok {
		t.Error("a partner with a French name only was refused")
	}
}

func TestValidateDefaultsRepsPerStand(t *testing.T) {
	e := validEdition()
	if err := e.Validate(); err != nil || e.RepsPerStand != 2 || e.Status != Draft {
		t.Fatalf("%v: reps %d status %s", err, e.RepsPerStand, e.Status)
	}
}
