// Package mltext holds text that users enter in several languages: names, venues, slogans.
// Arabic and French are expected; Tamazight (Tifinagh) is optional.
package mltext

import "strings"

// Text is one piece of user-entered text in Arabic, French and, optionally, Tamazight.
type Text struct {
	AR  string
	FR  string
	ZGH string
}

// In returns the text for a language code ("ar", "fr", "en", "zgh"). English readers get
// French, the other Latin-script language users enter; Tamazight falls back to French when
// no Tifinagh text was given; any language falls back to what exists rather than nothing.
func (t Text) In(lang string) string {
	var order [3]string
	switch lang {
	case "ar":
		order = [3]string{t.AR, t.FR, t.ZGH}
	case "zgh":
		order = [3]string{t.ZGH, t.FR, t.AR}
	default:
		order = [3]string{t.FR, t.AR, t.ZGH}
	}
	for _, s := range order {
		if s != "" {
			return s
		}
	}
	return ""
}

// IsZero reports whether no language has text.
func (t Text) IsZero() bool { return t.AR == "" && t.FR == "" && t.ZGH == "" }

// Trimmed returns t with surrounding white space removed in every language.
func (t Text) Trimmed() Text {
	return Text{AR: strings.TrimSpace(t.AR), FR: strings.TrimSpace(t.FR), ZGH: strings.TrimSpace(t.ZGH)}
}
