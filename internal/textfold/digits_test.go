package textfold

import (
	"strings"
	"testing"
	"unicode"
)

func TestASCIIDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"0612345678", "0612345678"},
		{"٠١٢٣٤٥٦٧٨٩", "0123456789"},       // Arabic-Indic
		{"۰۱۲۳۴۵۶۷۸۹", "0123456789"},       // Eastern Arabic-Indic (Persian, Urdu)
		{"٠٦ ١٢-۳۴ 56", "06 12-34 56"},     // scripts mixed in one number
		{"+٢١٢ ٦٦١", "+212 661"},           // punctuation is kept
		{"١٢٠٠٫٥٠ درهم", "1200٫50 درهم"},   // letters and the Arabic decimal separator are kept
		{"Coopérative ٣", "Coopérative 3"}, // as are accented letters
		{"١٢", "12"},
	} {
		if got := ASCIIDigits(c.in); got != c.want {
			t.Errorf("ASCIIDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Every rune that is a decimal digit in the Arabic block becomes the ASCII digit of the
// same value, and no other rune changes.
func TestASCIIDigitsEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not characters
		}
		s := string(r)
		got := ASCIIDigits(s)
		arabicDigit := unicode.IsDigit(r) && (unicode.In(r, unicode.Arabic) || r >= 0x0660 && r <= 0x0669)
		switch {
		case arabicDigit:
			want := string('0' + rune(arabicDigitValue(r)))
			if got != want {
				t.Errorf("ASCIIDigits(%U) = %q, want %q", r, got, want)
			}
		case got != s:
			t.Errorf("ASCIIDigits(%U) = %q, want it unchanged", r, got)
		}
	}
}

// arabicDigitValue is the value of an Arabic-script digit, from its position in its run
// of ten (both runs start at a zero whose code point ends in 0).
func arabicDigitValue(r rune) int { return int(r & 0xF) }

func TestASCIIDigitsDoesNotAllocateWithoutArabicDigits(t *testing.T) {
	s := strings.Repeat("تعاونية 0612 ", 4)
	if n := testing.AllocsPerRun(100, func() { ASCIIDigits(s) }); n != 0 {
		t.Errorf("ASCIIDigits allocated %v times on text without Arabic digits", n)
	}
}
