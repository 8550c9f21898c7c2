package textfold

import (
	"strings"
	"unicode/utf8"
)

// writer accumulates folded output. It writes a single space between words
// and none at either end, so the folding code only says "word" or
// "separator".
type writer struct {
	b       strings.Builder
	pending bool // a separator was seen since the last word
}

// space writes the pending separator, if any, before a word character.
func (w *writer) space() {
	if w.pending && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.pending = false
}

// word appends folded word characters.
func (w *writer) word(s string) {
	w.space()
	w.b.WriteString(s)
}

// wordRune appends one folded word rune.
func (w *writer) wordRune(r rune) {
	w.space()
	if r < utf8.RuneSelf {
		w.b.WriteByte(byte(r))
		return
	}
	w.b.WriteRune(r)
}

// sep records a word boundary.
func (w *writer) sep() { w.pending = true }

// asciiByte folds one ASCII byte.
func (w *writer) asciiByte(c byte) {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
	case 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	default:
		w.sep()
		return
	}
	w.space()
	w.b.WriteByte(c)
}
