package textfold

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"", "Coopérative Al Amal", "تعاونيةُ الأمل", "٠٦١٢٣٤٥٦٧٨", "ⴰⵙⵡⴰⵇ ⴰⴳⵯ",
		"Œuvre ß", "a\u0301\u0327b", "\xff\xfe", "ﷺ ﻻ", "한국어", "ǅ ΐ İ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("not idempotent: Fold(%q) = %q, Fold(%q) = %q", s, got, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("Fold(%q) = %q: untrimmed or doubled space", s, got)
		}
	})
}
