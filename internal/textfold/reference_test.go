package textfold

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// referenceFold is Fold written the obvious, slow way: real NFKD over each
// run of valid non-Tifinagh text (norm.String), then the same per-rune rules. Fold
// decomposes rune by rune for speed; this proves the result is the same.
func referenceFold(s string) string {
	var w writer
	flush := func(run string) {
		n := norm.NFKD.String(run)
		for i := 0; i < len(n); {
			r, size := utf8.DecodeRuneInString(n[i:])
			if r == utf8.RuneError && size == 1 {
				w.sep()
				i++
				continue
			}
			if m, ok := arabicLetter(r); ok {
				w.arabic(m)
			} else {
				w.rune(r, norm.NFKD.PropertiesString(n[i:]).CCC(), 0)
			}
			i += size
		}
	}
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isTifinagh(r):
			flush(s[start:i])
			w.word(s[i : i+size])
			start = i + size
		case r == utf8.RuneError && size == 1:
			// norm leaves the rune after an invalid byte undecomposed,
			// so split there: an invalid byte is a separator anyway.
			flush(s[start:i])
			w.sep()
			start = i + size
		}
		i += size
	}
	flush(s[start:])
	return w.b.String()
}

func TestFoldMatchesReferenceEveryRune(t *testing.T) {
	if testing.Short() {
		t.Skip("walks all of Unicode")
	}
	var b strings.Builder
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b.Reset()
		b.WriteString("A")
		b.WriteRune(r)
		b.WriteString("\u0301b")
		s := b.String()
		if got, want := Fold(s), referenceFold(s); got != want {
			t.Errorf("U+%04X: Fold(%q) = %q, reference %q", r, s, got, want)
		}
	}
}

func FuzzFoldMatchesReference(f *testing.F) {
	f.Add("Coopérative تعاونيةُ ⴰⵙⵡⴰⵇ 한국어 ǅ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), referenceFold(s); got != want {
			t.Fatalf("Fold(%q) = %q, reference %q", s, got, want)
		}
	})
}
