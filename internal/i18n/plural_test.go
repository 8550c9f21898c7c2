package i18n

import (
	"slices"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

func TestCardinal(t *testing.T) {
	type c = struct {
		n    int
		want plural.Form
	}
	tests := map[Lang][]c{
		AR: {
			{0, plural.Zero}, {1, plural.One}, {2, plural.Two},
			{3, plural.Few}, {10, plural.Few}, {11, plural.Many}, {99, plural.Many},
			{100, plural.Other}, {101, plural.Other}, {102, plural.Other},
			{103, plural.Few}, {111, plural.Many}, {1000, plural.Other},
			{-3, plural.Few},
		},
		FR: {
			{0, plural.One}, {1, plural.One}, {2, plural.Other}, {10, plural.Other},
			{100, plural.Other},
		},
		EN: {
			{0, plural.Other}, {1, plural.One}, {2, plural.Other}, {11, plural.Other},
			{101, plural.Other},
		},
		ZGH: {
			{0, plural.One}, {1, plural.One}, {2, plural.Other}, {10, plural.Other},
			{11, plural.One}, {50, plural.One}, {99, plural.One}, {100, plural.Other},
			{101, plural.Other}, {111, plural.Other},
		},
	}
	for l, cases := range tests {
		for _, tt := range cases {
			if got := cardinal(l, tt.n); got != tt.want {
				t.Errorf("cardinal(%s, %d) = %s, want %s", l, tt.n, formName(got), formName(tt.want))
			}
		}
	}
}

// Our hand-written zgh rule is CLDR's tzm rule; x/text has tzm, so check
// the two agree.
func TestZGHRuleMatchesCLDRTamazight(t *testing.T) {
	tzm := language.MustParse("tzm")
	for n := range 2000 {
		want := plural.Cardinal.MatchPlural(tzm, n, 0, 0, 0, 0)
		if got := cardinal(ZGH, n); got != want {
			t.Errorf("cardinal(zgh, %d) = %s, CLDR tzm says %s", n, formName(got), formName(want))
		}
	}
}

func TestCardinalExtremes(t *testing.T) {
	for _, l := range All {
		for _, n := range []int{-1 << 63, 1<<63 - 1, -1} {
			_ = cardinal(l, n) // must not panic
		}
	}
}

func TestRequiredForms(t *testing.T) {
	all := []plural.Form{plural.Other, plural.Zero, plural.One, plural.Two, plural.Few, plural.Many}
	tests := map[Lang][]plural.Form{
		AR:  all,
		FR:  {plural.Other, plural.One},
		EN:  {plural.Other, plural.One},
		ZGH: {plural.Other, plural.One},
	}
	for l, want := range tests {
		got := requiredForms(l)
		if l == FR && slices.Contains(got, plural.Many) {
			// Newer CLDR gives French "many" for exact millions; if x/text
			// picks it up, the French catalog must add it.
			want = append(want, plural.Many)
		}
		if !slices.Equal(got, want) {
			t.Errorf("requiredForms(%s) = %v, want %v", l, got, want)
		}
	}
}

func TestFormNames(t *testing.T) {
	for f := range plural.Form(numForms) {
		got, ok := parseForm(formName(f))
		if !ok || got != f {
			t.Errorf("parseForm(formName(%d)) = %d, %v", f, got, ok)
		}
	}
	if _, ok := parseForm("plenty"); ok {
		t.Error(`parseForm("plenty") succeeded`)
	}
}
