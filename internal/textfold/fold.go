// Package textfold turns text into the form Aswaq stores in search documents
// and compares queries against.
//
// The same Fold runs on both sides (the indexed record and the typed query),
// so "تعاونيه الامل" finds "تعاونيةُ الأمل" and "cooperative" finds
// "Coopérative": spelling variants that Moroccan users type interchangeably
// fold to one form, and the database only has to match plain words.
package textfold

import (
	"unicode/utf8"
)

// Fold returns the search form of s:
//
//   - Unicode NFKD, then every combining mark is dropped (Arabic harakat,
//     shadda, sukun, superscript alef, hamza above/below; Latin accents), so
//     أ إ آ → ا, ؤ → و, ئ → ي, é → e;
//   - tatweel and invisible format characters (ZWJ, ZWNJ, LRM, soft hyphen)
//     are dropped, so they never split a word;
//   - Arabic letter variants merge: ة → ه, ى ی → ي, ک گ ڭ ݣ → ك, ڤ → ف,
//     ٱ → ا (see arabicLetter for the full list and why);
//   - Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits become ASCII;
//   - letters are lower-cased, and œ → oe, æ → ae, ß → ss (latinLetter);
//   - any run of spaces, punctuation or symbols becomes one ASCII space, and
//     the result is trimmed.
//
// Letters and digits of every script are kept. Tifinagh (U+2D30–U+2D7F)
// passes through unchanged: NFKD would otherwise rewrite the labialization
// mark ⵯ, and Tifinagh has no case or diacritics to fold.
//
// Fold is idempotent (Fold(Fold(s)) == Fold(s)) and always returns valid
// UTF-8 (invalid input bytes act as separators). It allocates at most once,
// and not at all for ASCII text that is already folded.
func Fold(s string) string {
	if isASCII(s) {
		return foldASCII(s)
	}
	var w writer
	w.b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			w.asciiByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w.source(r, s[i:i+size])
		i += size
	}
	return w.b.String()
}

// isASCII reports whether s has no byte ≥ 0x80.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
