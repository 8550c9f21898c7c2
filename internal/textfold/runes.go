package textfold

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// rune folds one rune that NFKD leaves as is; ccc is its canonical
// combining class. depth bounds the re-decomposition of lower-cased letters.
func (w *writer) rune(r rune, ccc uint8, depth int) {
	switch {
	case r < utf8.RuneSelf:
		w.asciiByte(byte(r))
	case r >= 0x0621 && r <= 0x064A: // plain Arabic letters, the hot path
		w.wordRune(r)
	case ccc != 0, unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		// Combining marks (harakat, hamza marks, accents) and invisible
		// format characters disappear without splitting the word.
	case isTifinagh(r):
		w.wordRune(r)
	case unicode.In(r, unicode.L, unicode.N, unicode.Mc):
		// Spacing marks (Mc) belong to words in Indic scripts; keep them.
		if s, ok := latinLetter(r); ok {
			w.word(s)
			return
		}
		lr := unicode.ToLower(r)
		if lr != r && depth < 2 {
			// A lower-case letter may decompose, or have a folding of
			// its own, where its capital did not: fold it again so that
			// Fold stays idempotent.
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], lr)
			if d := norm.NFKD.Properties(buf[:n]).Decomposition(); d != nil {
				w.decomposition(d, depth+1)
				return
			}
			if m, ok := arabicLetter(lr); ok {
				w.arabic(m)
				return
			}
			if s, ok := latinLetter(lr); ok {
				w.word(s)
				return
			}
		}
		w.wordRune(lr)
	default:
		w.sep()
	}
}

// arabicLetter maps Arabic-script characters that Moroccan users write
// interchangeably to one form. It returns (0, true) for characters dropped
// without splitting the word, and ok=false for runes it leaves to the
// general rules (including أ إ آ ؤ ئ, which NFKD already splits into a
// letter and a hamza mark).
//
// Beyond what DESIGN.md lists (ة ى ی ک, tatweel, digits) it merges the
// letters Moroccan Arabic uses for /g/ and /v/ (ڭ ݣ گ → ك, ڤ → ف: "ݣلميم"
// and "كلميم" are the same city), alef wasla and the wavy-hamza alefs
// (→ ا), the Urdu/Persian heh shapes (→ ه), and drops the high hamza
// letter, which NFKD leaves after ٵ and which is really a hamza mark.
func arabicLetter(r rune) (rune, bool) {
	switch {
	case r < 0x0600 || r > 0x077F:
		return 0, false
	}
	if d, ok := asciiDigit(r); ok {
		return d, true
	}
	switch r {
	case 0x0640, 0x0674: // tatweel, high hamza
		return 0, true
	case 0x0629: // ة teh marbuta
		return 0x0647, true // ه
	case 0x0649, 0x06CC: // ى alef maksura, ی Farsi yeh
		return 0x064A, true // ي
	case 0x06A9, 0x06AF, 0x06AD, 0x0763: // ک keheh, گ gaf, ڭ ng, ݣ keheh with three dots
		return 0x0643, true // ك
	case 0x06A4: // ڤ veh
		return 0x0641, true // ف
	case 0x0671, 0x0672, 0x0673: // ٱ alef wasla, wavy hamza alefs
		return 0x0627, true // ا
	case 0x06BE, 0x06C1: // ھ heh doachashmee, ہ heh goal
		return 0x0647, true // ه
	}
	return 0, false
}

// latinLetter spells out the Latin letters that NFKD keeps whole but that
// French and other European users type as plain letters ("coeur" for
// "cœur", "Strasse" for "Straße").
func latinLetter(r rune) (string, bool) {
	switch r {
	case 'œ', 'Œ':
		return "oe", true
	case 'æ', 'Æ':
		return "ae", true
	case 'ß', 'ẞ':
		return "ss", true
	case 'ø', 'Ø':
		return "o", true
	case 'ł', 'Ł':
		return "l", true
	case 'đ', 'Đ':
		return "d", true
	}
	return "", false
}
