package venue

import "testing"

func TestMetres(t *testing.T) {
	for cm, want := range map[int]string{0: "0", 300: "3", 250: "2.5", 1275: "12.75", 5: "0.05", -40: "-0.4", 377: "3.77"} {
		if got := Metres(cm); got != want {
			t.Errorf("Metres(%d) = %q, want %q", cm, got, want)
		}
	}
	if got := SquareMetres(4000 * 6000); got != "2400" {
		t.Errorf("SquareMetres = %q", got)
	}
}

func TestParseMetres(t *testing.T) {
	ok := map[string]int{"3": 300, "2.5": 250, "2,5": 250, " 12.75 ": 1275, ".5": 50, "0": 0, "2000": 200000}
	for s, want := range ok {
		if got, good := ParseMetres(s); !good || got != want {
			t.Errorf("ParseMetres(%q) = %d, %v; want %d", s, got, good, want)
		}
	}
	for _, s := range []string{"", ".", "-3", "+3", "1.234", "3 m", "2001", "1e3", "٣"} {
		if got, good := ParseMetres(s); good {
			t.Errorf("ParseMetres(%q) = %d, accepted", s, got)
		}
	}
}

func TestRect(t *testing.T) {
	a := Rect{0, 0, 300, 300}
	if a.Overlaps(Rect{300, 0, 300, 300}) {
		t.Error("touching rectangles overlap")
	}
	if !a.Overlaps(Rect{299, 299, 10, 10}) {
		t.Error("overlap missed")
	}
	if !a.Contains(a) || a.Contains(Rect{1, 1, 300, 1}) {
		t.Error("Contains")
	}
}
