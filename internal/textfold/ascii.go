package textfold

import "strings"

// foldASCII is Fold for pure ASCII input, the common case for French and
// English text, codes and phone numbers. ASCII needs no normalization, so a
// byte table is enough; text that is already folded is returned as is.
func foldASCII(s string) string {
	if isFoldedASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			pending = true
			continue
		}
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteByte(c)
	}
	return b.String()
}

// isFoldedASCII reports whether s consists of lower-case ASCII letters and
// digits separated by single spaces, with none at either end: the fixed
// points of foldASCII.
func isFoldedASCII(s string) bool {
	prevSpace := true // forbids a leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace:
			prevSpace = true
		default:
			return false
		}
	}
	return !prevSpace || s == ""
}
