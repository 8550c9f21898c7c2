package i18n

import (
	"math"
	"slices"

	"golang.org/x/text/feature/plural"
)

// cardinal returns the CLDR cardinal plural category of the integer n in l.
// Negative numbers take the category of their absolute value.
//
// Arabic, French and English use x/text's CLDR tables. zgh is not in them,
// so it uses CLDR's rule for Central Atlas Tamazight (tzm), the rule
// Moroccan Tamazight grammar follows: one = n in 0..1 or 11..99, other
// otherwise.
func cardinal(l Lang, n int) plural.Form {
	if n < 0 {
		if n == math.MinInt {
			n = math.MaxInt
		} else {
			n = -n
		}
	}
	if l == ZGH {
		if n <= 1 || n >= 11 && n <= 99 {
			return plural.One
		}
		return plural.Other
	}
	return plural.Cardinal.MatchPlural(l.tag(), n, 0, 0, 0, 0)
}

// requiredForms returns the categories cardinal can give for integers in l,
// in plural.Form order: the forms a plural message in l must provide. It
// samples rather than reading the rules, which x/text does not expose; the
// sample covers every integer condition CLDR uses (n, n%10, n%100, and the
// millions of the newer French and Spanish "many").
func requiredForms(l Lang) []plural.Form {
	var seen [numForms]bool
	mark := func(n int) { seen[cardinal(l, n)] = true }
	for n := 0; n <= 1000; n++ {
		mark(n)
	}
	for p := 1000; p <= 1_000_000_000; p *= 10 {
		for _, k := range []int{1, 2, 3, 11, 20, 100, 1000} {
			mark(p * k)
			mark(p*k + 1)
		}
	}
	var forms []plural.Form
	for f, ok := range seen {
		if ok {
			forms = append(forms, plural.Form(f))
		}
	}
	return slices.Clip(forms)
}

// numForms is the number of plural categories (other, zero, one, two, few,
// many); plural.Form values run from 0 to numForms-1.
const numForms = int(plural.Many) + 1

// formName is the CLDR name of a category, as written in the catalogs.
func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// parseForm is the inverse of formName.
func parseForm(s string) (plural.Form, bool) {
	for f := range plural.Form(numForms) {
		if formName(f) == s {
			return f, true
		}
	}
	return 0, false
}
