// Package i18n holds Aswaq's interface text in Arabic, French, English and
// Standard Moroccan Tamazight, and formats numbers, money and dates the way
// Moroccan institutions write them.
//
// It is our own small package on golang.org/x/text (tag parsing, CLDR
// plural rules) because the usual libraries cannot load Tamazight (zgh),
// which is not in their plural tables. Catalogs are flat JSON files embedded
// from locales/; month, weekday and currency names are Go tables (see
// calendar.go, number.go) so the catalogs hold only interface text.
package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Lang is one of the interface languages Aswaq ships. Its value is the
// BCP 47 code used in URLs, cookies and the html lang attribute.
type Lang string

// The interface languages.
const (
	AR  Lang = "ar"  // Arabic, right to left, the default
	FR  Lang = "fr"  // French
	EN  Lang = "en"  // English
	ZGH Lang = "zgh" // Standard Moroccan Tamazight, Tifinagh; public pages only, falls back to French
)

// All lists the languages in the order the language switcher shows them.
var All = []Lang{AR, FR, EN, ZGH}

// Default is the language used when nothing better is known: Aswaq is
// Arabic first.
const Default = AR

// Parse accepts exactly the codes in All, in any letter case, so that a
// language taken from a URL or a cookie is one we can serve. Regional or
// other variants ("ar-MA") are for Negotiate, not Parse.
func Parse(s string) (Lang, bool) {
	for _, l := range All {
		if strings.EqualFold(s, string(l)) {
			return l, true
		}
	}
	return "", false
}

// Dir is the text direction for the html dir attribute: "rtl" for Arabic,
// "ltr" otherwise (Tifinagh is written left to right in Morocco).
func (l Lang) Dir() string {
	if l == AR {
		return "rtl"
	}
	return "ltr"
}

// NativeName is the language's name in itself, for the language switcher.
// Unknown values return their code.
func (l Lang) NativeName() string {
	switch l {
	case AR:
		return "العربية"
	case FR:
		return "Français"
	case EN:
		return "English"
	case ZGH:
		return "ⵜⴰⵎⴰⵣⵉⵖⵜ"
	}
	return string(l)
}

// tag is the x/text language tag for l.
func (l Lang) tag() language.Tag {
	switch l {
	case AR:
		return language.Arabic
	case FR:
		return language.French
	case EN:
		return language.English
	}
	return language.Make(string(l))
}
