package catalogue

import (
	"slices"
	"strings"
	"testing"
)

func TestBaseForm(t *testing.T) {
	for word, want := range map[string]string{
		"الامل": "امل", "والعسل": "عسل", "بالزيت": "زيت", "للتنميه": "تنميه", "وبالامل": "امل", "الله": "الله", "امل": "امل",
		"figues": "figue", "cooperatives": "cooperative", "prix": "pri", "bas": "bas", "miel": "miel", "2019s": "2019s", "ⵜⴰⵎⵓⵔⵜ": "ⵜⴰⵎⵓⵔⵜ",
	} {
		if got := baseForm(word); got != want {
			t.Errorf("baseForm(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestTypoKeysMeetForOneEdit(t *testing.T) {
	share := func(a, b string) bool {
		for _, k := range typoKeys(a) {
			if slices.Contains(typoKeys(b), k) {
				return true
			}
		}
		return false
	}
	for _, c := range [][2]string{
		{"miel", "mial"}, {"miel", "mieel"}, {"miel", "mie"}, {"cooperative", "cooperatve"}, {"cooperative", "cooperaitve"},
		{"الامل", "الامال"}, {"عسال", "عسل"}, {"زربيه", "زريبه"},
	} {
		if !share(c[0], c[1]) || !share(c[1], c[0]) {
			t.Errorf("%q and %q share no typo key", c[0], c[1])
		}
		if d := editDistance(c[0], c[1], 2); d != 1 {
			t.Errorf("editDistance(%q, %q) = %d", c[0], c[1], d)
		}
	}
	if share("miel", "fiel") == false || editDistance("miel", "fial", 1) != 2 || editDistance("abc", "abcdef", 1) != 2 {
		t.Error("distance bounds wrong")
	}
	if editDistance("تعاونيه", "تعاونيه", 1) != 0 || editDistance("", "ab", 2) != 2 {
		t.Error("distance wrong")
	}
}

func TestParseQuery(t *testing.T) {
	words := func(text string) []string {
		var out []string
		for _, w := range parseQuery(text) {
			s := w.base
			if w.cut {
				s += "…"
			}
			out = append(out, s)
		}
		return out
	}
	for text, want := range map[string][]string{
		"تعاونيةُ الأمل":           {"تعاونيه", "امل"},
		"  Coopérative, L'ÉTOILE ": {"cooperative", "etoile"},
		"huile d'argan":            {"huile", "argan"},
		"عسل و زيت":                {"عسل", "زيت"},
		"l d":                      {"l", "d"},
		`"*:()' % _ AND NEAR`:      {"and", "near"},
		"١٢٠٠":                     {"1200"},
		"!!! ؟ ...":                nil,
		"الأمل امل والأمل":         {"امل"},
		"a b c d e f g h i j":      {"a", "b", "c", "d", "e", "f", "g", "h"},
		"a b c d e f g h i j kk":   {"kk"},
		strings.Repeat("ب", 50):    {strings.Repeat("ب", maxWordRunes) + "…"},
	} {
		if got := words(text); !slices.Equal(got, want) {
			t.Errorf("parseQuery(%.30q) = %q, want %q", text, got, want)
		}
	}
	if got := parseQuery(strings.Repeat("é", 3000)); len(got) != 1 || !got[0].cut {
		t.Errorf("long input: %+v", got)
	}
	if got := parseQuery(strings.Repeat("x", maxQueryBytes-1) + "é"); len(got) != 1 || got[0].word != strings.Repeat("x", maxWordRunes) {
		t.Errorf("input cut inside a letter: %+v", got)
	}
	if got := parseQuery("\xff عسل " + strings.Repeat("é", maxQueryBytes)); len(got) != 2 || got[0].word != "عسل" {
		t.Errorf("long input with a bad byte: %+v", got)
	}
}

func TestQueryText(t *testing.T) {
	words := parseQuery("الأمل بب cooperatives")
	words[0].fuzzy = []string{"الامال"}
	tags := [][]string{{tag(tagKind, "product")}, {tag(tagRegion, "01"), tag(tagRegion, "08")}}
	lite := sqliteSearch{}
	for _, c := range []struct {
		set  matchSet
		want string
	}{
		{matchSet{words: words, level: levelExact}, `("امل" AND "بب" AND "cooperative")`},
		{matchSet{words: words, level: levelPrefix}, `("امل"* AND "بب"* AND "cooperative"*)`},
		{matchSet{words: words, level: levelFuzzy, tags: tags},
			`(("امل"* OR "الامال") AND ("بب"*) AND ("cooperative"*)) AND (("§kproduct") AND ("§r01" OR "§r08"))`},
		{matchSet{words: words, level: levelExact, part: partNames}, `({names} : ("امل" AND "بب" AND "cooperative"))`},
		{matchSet{words: words, level: levelPrefix, part: partBody},
			`(("امل"* AND "بب"* AND "cooperative"*)) NOT (("امل" AND "بب" AND "cooperative") OR ({names} : ("امل"* AND "بب"* AND "cooperative"*)))`},
		{matchSet{tags: tags}, `(("§kproduct") AND ("§r01" OR "§r08"))`},
	} {
		if got := lite.expr(c.set); got != c.want {
			t.Errorf("sqlite %+v:\n got %s\nwant %s", c.set, got, c.want)
		}
	}
	for _, c := range []struct {
		set  matchSet
		want []any
	}{
		{matchSet{words: words, level: levelExact}, []any{`('امل' & 'بب' & 'cooperative')`}},
		{matchSet{words: words, level: levelFuzzy, tags: tags},
			[]any{`(('امل':* | 'الامال') & ('بب':*) & ('cooperative':*)) & (('§kproduct') & ('§r01' | '§r08'))`}},
		{matchSet{words: words, level: levelPrefix, part: partNames},
			[]any{`'امل':* & 'بب':* & 'cooperative':*`, `(!('امل' & 'بب' & 'cooperative'))`}},
		{matchSet{words: words, level: levelExact, part: partBody}, []any{`('امل' & 'بب' & 'cooperative')`, `'امل' & 'بب' & 'cooperative'`}},
	} {
		var args sqlArgs
		postgresSearch{}.cond(c.set, &args, 0)
		if !slices.Equal([]any(args), c.want) {
			t.Errorf("postgres %+v:\n got %q\nwant %q", c.set, args, c.want)
		}
	}
	if got := tsvector([]string{"عسل", "miel"}, []string{"o'x", `a\b`}); got != `'عسل' 'miel' 'o''x' 'a\\b'` {
		t.Errorf("tsvector %s", got)
	}
	for value, want := range map[string]string{"local_products": "§slocal§products", "03": "§s03", "Handicraft": "§§none", "بب": "§§none", "": "§s"} {
		if got := tag(tagSector, value); got != want {
			t.Errorf("tag(%q) = %q, want %q", value, got, want)
		}
	}
}
