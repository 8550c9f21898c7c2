package textfold

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only punctuation", " ،.-!? ", ""},
		{"ascii folded already", "cooperative al amal", "cooperative al amal"},
		{"ascii upper and punctuation", "  Sidi-Kacem,  MAROC!! ", "sidi kacem maroc"},
		{"french accents", "Coopérative Al Amal", "cooperative al amal"},
		{"french apostrophe", "l'Économie sociale et solidaire", "l economie sociale et solidaire"},
		{"oe ligature", "Œuvre du cœur", "oeuvre du coeur"},
		{"ae and sharp s", "Æsop Straße", "aesop strasse"},
		{"cedilla and diaeresis", "Façade naïve Noël", "facade naive noel"},
		{"fi ligature via NFKD", "ﬁgues", "figues"},
		{"fullwidth via NFKD", "ＡＢＣ１２３", "abc123"},
		{"harakat dropped", "تَعَاوُنِيَّةُ", "تعاونيه"},
		{"teh marbuta", "تعاونية", "تعاونيه"},
		{"hamza alefs", "أ إ آ", "ا ا ا"},
		{"hamza on waw and yeh", "مؤسسة رئيس", "موسسه رييس"},
		{"alef maksura", "مصطفى", "مصطفي"},
		{"superscript alef", "هٰذا", "هذا"},
		{"tatweel", "تـعـاونـيـة", "تعاونيه"},
		{"persian yeh and keheh", "کتابی", "كتابي"},
		{"moroccan gaf", "ݣلميم ڭلميم", "كلميم كلميم"},
		{"alef wasla", "ٱلسوق", "السوق"},
		{"arabic digits", "٠٦١٢٣٤٥٦٧٨", "0612345678"},
		{"eastern arabic digits", "۰۶۱۲۳۴۵۶۷۸", "0612345678"},
		{"arabic punctuation", "السوق، المتنقل؛ الدورة؟", "السوق المتنقل الدوره"},
		{"presentation forms", "ﻻ ﺑﺎﺏ", "لا باب"},
		{"zwnj and lrm dropped", "ab\u200ccd \u200eef", "abcd ef"},
		{"soft hyphen dropped", "coop\u00adérative", "cooperative"},
		{"tifinagh unchanged", "ⴰⵙⵡⴰⵇ", "ⴰⵙⵡⴰⵇ"},
		{"tifinagh labialization mark kept", "ⴰⴳⵯⵎⵎⴰⴹ", "ⴰⴳⵯⵎⵎⴰⴹ"},
		{"tifinagh with spaces", "  ⵜⴰⵎⴰⵣⵉⵖⵜ   ⵜⴰⵏⴰⵡⴰⵢⵜ ", "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ"},
		{"mixed scripts", "Coopérative «تعاونيةُ الأمل» ⴰⵙⵡⴰⵇ ٢٠٢٢", "cooperative تعاونيه الامل ⴰⵙⵡⴰⵇ 2022"},
		{"greek and cyrillic lower", "ΑΘΗΝΑ Москва", "αθηνα москва"},
		{"invalid utf8 is a separator", "ab\xffcd", "ab cd"},
		{"newlines and tabs", "a\n\tb\r\nc", "a b c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// The examples DESIGN.md promises: a query typed without diacritics finds
// the stored record.
func TestFoldEqual(t *testing.T) {
	pairs := [][2]string{
		{"تعاونيةُ الأمل", "تعاونيه الامل"},
		{"Coopérative", "cooperative"},
		{"المعرض الجهوي للاقتصاد الاجتماعي والتضامني", "المعرض الجهوى للإقتصاد الإجتماعى والتضامنى"},
		{"إقليم سيدي قاسم", "اقليم سيدى قاسم"},
		{"الدار البيضاء-سطات", "الدار البيضاء سطات"},
		{"Béni Mellal–Khénifra", "beni mellal khenifra"},
	}
	for _, p := range pairs {
		if a, b := Fold(p[0]), Fold(p[1]); a != b {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q, want equal", p[0], a, p[1], b)
		}
	}
}

func TestFoldASCIIAlreadyFoldedDoesNotAllocate(t *testing.T) {
	s := "cooperative al amal 2022"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold(folded ASCII) allocated %v times, want 0", n)
	}
}

func TestFoldAllocatesOnce(t *testing.T) {
	for _, s := range []string{"Coopérative Al Amal", "تعاونيةُ الأمل بسيدي قاسم"} {
		if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n > 1 {
			t.Errorf("Fold(%q) allocated %v times, want at most 1", s, n)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" -- ", nil},
		{"Coopérative Al-Amal", []string{"cooperative", "al", "amal"}},
		{"تعاونيةُ الأمل", []string{"تعاونيه", "الامل"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every single code point folds to valid UTF-8 and is a fixed point after
// one fold. The fuzzer explores sequences; this covers the whole repertoire.
func TestFoldEveryRuneIdempotent(t *testing.T) {
	if testing.Short() {
		t.Skip("walks all of Unicode")
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "x" + string(r) + "Y" + string(r)
		f := Fold(s)
		if !utf8.ValidString(f) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, f)
		}
		if ff := Fold(f); ff != f {
			t.Errorf("U+%04X: Fold(%q) = %q, Fold of that = %q", r, s, f, ff)
		}
	}
}
