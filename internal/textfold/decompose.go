package textfold

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// source folds one non-ASCII rune of the input; enc is its UTF-8 encoding.
//
// Decomposing rune by rune with the NFKD tables gives exactly NFKD followed
// by mark removal: the only thing NFKD does beyond per-rune decomposition is
// reorder characters whose combining class is not zero, and Fold drops all
// of those. Working rune by rune keeps Fold free of norm.Iter, whose state
// escapes to the heap on every call.
func (w *writer) source(r rune, enc string) {
	switch {
	case r == utf8.RuneError && len(enc) == 1:
		w.sep() // invalid UTF-8 never reaches the output
		return
	case isTifinagh(r):
		w.word(enc)
		return
	case isHangulSyllable(r):
		w.hangul(r)
		return
	}
	if m, ok := arabicLetter(r); ok {
		w.arabic(m)
		return
	}
	if r >= 0x0621 && r <= 0x0670 {
		// The Arabic hot path: letters without hamza pass, harakat go.
		// آ أ ؤ إ ئ (U+0622–U+0626) decompose, so they take the table.
		switch {
		case r == 0x0621 || r >= 0x0627 && r <= 0x064A:
			w.word(enc)
			return
		case r >= 0x064B && r <= 0x065F || r == 0x0670:
			return
		}
	}
	p := norm.NFKD.PropertiesString(enc)
	d := p.Decomposition()
	if d == nil {
		w.rune(r, p.CCC(), 0)
		return
	}
	w.decomposition(d, 0)
}

// decomposition folds the runes of an NFKD decomposition (which the tables
// store fully expanded).
func (w *writer) decomposition(d []byte, depth int) {
	for j := 0; j < len(d); {
		p := norm.NFKD.Properties(d[j:])
		r, size := utf8.DecodeRune(d[j:])
		j += size
		if r < utf8.RuneSelf {
			w.asciiByte(byte(r))
			continue
		}
		if m, ok := arabicLetter(r); ok {
			w.arabic(m)
			continue
		}
		w.rune(r, p.CCC(), depth)
	}
}

// arabic writes the result of arabicLetter: a letter, or nothing.
func (w *writer) arabic(m rune) {
	if m != 0 {
		w.wordRune(m)
	}
}

// isTifinagh reports whether r is in the Tifinagh block, which Fold copies
// unchanged.
func isTifinagh(r rune) bool { return r >= 0x2D30 && r <= 0x2D7F }

// Hangul syllables decompose algorithmically, not through the NFKD tables
// (Unicode §3.12).
const (
	hangulSBase  = 0xAC00
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulTCount = 28
	hangulNCount = 21 * hangulTCount
	hangulSCount = 19 * hangulNCount
)

func isHangulSyllable(r rune) bool { return r >= hangulSBase && r < hangulSBase+hangulSCount }

// hangul writes the conjoining jamo of a precomposed syllable.
func (w *writer) hangul(r rune) {
	i := r - hangulSBase
	w.wordRune(hangulLBase + i/hangulNCount)
	w.wordRune(hangulVBase + (i%hangulNCount)/hangulTCount)
	if t := i % hangulTCount; t != 0 {
		w.wordRune(hangulTBase + t)
	}
}
