package mltext

import "testing"

func TestInFallsBackSensibly(t *testing.T) {
	full := Text{AR: "صفرو", FR: "Sefrou", ZGH: "ⵙⴼⵔⵓ"}
	noZgh := Text{AR: "صفرو", FR: "Sefrou"}
	onlyAR := Text{AR: "صفرو"}
	for _, c := range []struct {
		t    Text
		lang string
		want string
	}{
		{full, "ar", "صفرو"}, {full, "fr", "Sefrou"}, {full, "en", "Sefrou"}, {full, "zgh", "ⵙⴼⵔⵓ"},
		{noZgh, "zgh", "Sefrou"}, {onlyAR, "fr", "صفرو"}, {onlyAR, "zgh", "صفرو"}, {Text{}, "ar", ""},
	} {
		if got := c.t.In(c.lang); got != c.want {
			t.Errorf("%+v.In(%q) = %q, want %q", c.t, c.lang, got, c.want)
		}
	}
}

func TestTrimmed(t *testing.T) {
	if got := (Text{AR: " أ ", FR: "\tb\n"}).Trimmed(); got != (Text{AR: "أ", FR: "b"}) {
		t.Fatalf("got %+v", got)
	}
	if !(Text{}).IsZero() || (Text{ZGH: "x"}).IsZero() {
		t.Fatal("IsZero wrong")
	}
}
