package taxonomy

import "testing"

func TestEveryCategoryBelongsToAKnownSectorOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Categories {
		if seen[c.Code] {
			t.Errorf("category %q listed twice", c.Code)
		}
		seen[c.Code] = true
		if !ValidSector(c.Sector) {
			t.Errorf("category %q has unknown sector %q", c.Code, c.Sector)
		}
		if got, ok := Lookup(c.Code); !ok || got != c {
			t.Errorf("Lookup(%q) = %v, %v", c.Code, got, ok)
		}
	}
	for _, s := range Sectors {
		if len(InSector(s)) == 0 {
			t.Errorf("sector %q has no category", s)
		}
	}
	if _, ok := Lookup("uranium"); ok {
		t.Error("unknown category found")
	}
	if !ValidProgramme(INDH) || ValidProgramme("lottery") {
		t.Error("ValidProgramme wrong")
	}
}
