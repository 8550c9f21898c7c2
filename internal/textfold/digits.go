package textfold

import "strings"

// ASCIIDigits returns s with every Arabic-Indic digit (٠-٩, U+0660–U+0669) and Eastern
// Arabic-Indic digit (۰-۹, U+06F0–U+06F9, the Persian and Urdu shapes) replaced by the
// ASCII digit of the same value; everything else is kept, so "٠٦ ١٢-۳۴" becomes
// "06 12-34". Moroccans type numbers in either script, and phone and tax numbers, counts
// and prices must read the same whichever was used. When s has no such digit it is
// returned as is, without allocating.
func ASCIIDigits(s string) string {
	return strings.Map(asciiDigitOrSelf, s)
}

func asciiDigitOrSelf(r rune) rune {
	if d, ok := asciiDigit(r); ok {
		return d
	}
	return r
}

// asciiDigit returns the ASCII digit that r is written as in Arabic script, and whether r
// is such a digit.
func asciiDigit(r rune) (rune, bool) {
	switch {
	case r >= 0x0660 && r <= 0x0669: // Arabic-Indic digits ٠-٩
		return '0' + r - 0x0660, true
	case r >= 0x06F0 && r <= 0x06F9: // Eastern Arabic-Indic digits ۰-۹
		return '0' + r - 0x06F0, true
	}
	return 0, false
}
