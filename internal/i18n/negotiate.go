package i18n

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Limits on what Negotiate reads of a header it does not control.
const (
	maxAcceptLanguageLen   = 4096
	maxAcceptLanguageParts = 32
)

// Negotiate picks the best language in All for an Accept-Language header:
// the first entry, by q-value then by position, whose language we serve.
// Regional and script variants map to their language (ar-MA → AR, fr-FR →
// FR); Moroccan Darija (ary) maps to Arabic; the Amazigh languages of
// Morocco (ber, tzm, shi, rif, zgh) and anything in Tifinagh script map to
// ZGH. An empty, unusable or garbled header gives Default.
//
// x/text parses the entries (q-values, canonical tags); the choice itself is
// by base language rather than x/text's Matcher, because the Matcher does
// not know that a Tachelhit speaker wants Standard Moroccan Tamazight, and a
// fixed table is easier to reason about and test.
func Negotiate(acceptLanguage string) Lang {
	for _, t := range parseAcceptLanguage(acceptLanguage) {
		if l, ok := fromTag(t); ok {
			return l
		}
	}
	return Default
}

// parseAcceptLanguage returns the tags of the header in order of
// preference. It parses entry by entry, so one malformed entry does not
// throw away the others, and drops entries with q=0 ("not acceptable").
func parseAcceptLanguage(h string) []language.Tag {
	if len(h) > maxAcceptLanguageLen {
		h = h[:maxAcceptLanguageLen]
	}
	type entry struct {
		tag language.Tag
		q   float32
	}
	var entries []entry
	for i, part := range strings.Split(h, ",") {
		if i == maxAcceptLanguageParts {
			break
		}
		if strings.TrimSpace(part) == "" {
			continue
		}
		tags, qs, err := language.ParseAcceptLanguage(part)
		if err != nil {
			continue
		}
		for j, t := range tags {
			entries = append(entries, entry{t, qs[j]})
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return cmp.Compare(b.q, a.q) })
	tags := make([]language.Tag, len(entries))
	for i, e := range entries {
		tags[i] = e.tag
	}
	return tags
}

// fromTag maps one tag to a language we serve.
func fromTag(t language.Tag) (Lang, bool) {
	if s, conf := t.Script(); conf == language.Exact && s.String() == "Tfng" {
		return ZGH, true
	}
	b, conf := t.Base()
	if conf != language.Exact {
		return "", false // "*", "und", private use: no stated language
	}
	switch b.String() {
	case "ar", "ary":
		return AR, true
	case "fr":
		return FR, true
	case "en":
		return EN, true
	case "zgh", "ber", "tzm", "shi", "rif":
		return ZGH, true
	}
	return "", false
}
