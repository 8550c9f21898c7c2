package i18n

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
)

// The catalog checks are plain functions over parsed catalogs, so each can
// be run against a deliberately broken catalog below to prove it fails.

// completeLangs are the languages that must have every key; zgh covers only
// the public pages (checked by uncoveredPublicKeys) and falls back to fr.
var completeLangs = []Lang{AR, FR, EN}

// missingKeys reports every key of the union over all catalogs that one of
// langs lacks.
func missingKeys(cats map[Lang]*catalog, langs []Lang) []string {
	union := map[string]bool{}
	for _, c := range cats {
		for _, k := range c.keys {
			union[k] = true
		}
	}
	var problems []string
	for _, k := range slices.Sorted(maps.Keys(union)) {
		for _, l := range langs {
			if c := cats[l]; c == nil || c.msgs[k] == nil {
				problems = append(problems, fmt.Sprintf("%s: missing key %q", l, k))
			}
		}
	}
	return problems
}

// missingForms reports plural messages that lack a category their
// language's CLDR rule uses for integers, categories the rule never uses
// (dead text, usually a copy from another language), and keys that are
// plural in one language but simple in another.
func missingForms(cats map[Lang]*catalog) []string {
	var problems []string
	pluralIn := map[string][]Lang{}
	for _, l := range All {
		c := cats[l]
		if c == nil {
			continue
		}
		need := requiredForms(l)
		for _, k := range c.keys {
			m := c.msgs[k]
			if !m.plural {
				continue
			}
			pluralIn[k] = append(pluralIn[k], l)
			for f, t := range m.forms {
				name := formName(plural.Form(f))
				switch has, needed := t != nil, slices.Contains(need, plural.Form(f)); {
				case needed && !has:
					problems = append(problems, fmt.Sprintf("%s: %q lacks plural form %q", l, k, name))
				case has && !needed:
					problems = append(problems, fmt.Sprintf("%s: %q has plural form %q, which %s never uses", l, k, name, l))
				}
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(pluralIn)) {
		for _, l := range All {
			if c := cats[l]; c != nil && c.msgs[k] != nil && !c.msgs[k].plural {
				problems = append(problems, fmt.Sprintf("%s: %q is a simple message but plural in %v", l, k, pluralIn[k]))
			}
		}
	}
	return problems
}

// placeholderMismatches reports keys whose set of placeholders differs
// between languages (a translation that drops {name} would show a sentence
// without the name; one that adds {nmae} would show the braces).
func placeholderMismatches(cats map[Lang]*catalog) []string {
	var problems []string
	keys := map[string]bool{}
	for _, c := range cats {
		for _, k := range c.keys {
			keys[k] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		var ref Lang
		var refSet string
		for _, l := range All {
			c := cats[l]
			if c == nil || c.msgs[k] == nil {
				continue
			}
			set := strings.Join(slices.Sorted(maps.Keys(c.msgs[k].placeholders())), ",")
			if ref == "" {
				ref, refSet = l, set
				continue
			}
			if set != refSet {
				problems = append(problems, fmt.Sprintf("%q: placeholders {%s} in %s but {%s} in %s", k, set, l, refSet, ref))
			}
		}
	}
	return problems
}

// uncoveredPublicKeys reports keys under prefixes that the Arabic catalog
// has and the Tamazight catalog lacks.
func uncoveredPublicKeys(cats map[Lang]*catalog, prefixes []string) []string {
	ar, zgh := cats[AR], cats[ZGH]
	if ar == nil {
		return []string{"ar: no catalog"}
	}
	var problems []string
	for _, k := range ar.keys {
		public := slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(k, p) })
		if public && (zgh == nil || zgh.msgs[k] == nil) {
			problems = append(problems, fmt.Sprintf("zgh: missing public key %q", k))
		}
	}
	return problems
}

// catalogProblems runs every completeness check.
func catalogProblems(cats map[Lang]*catalog) []string {
	var p []string
	p = append(p, missingKeys(cats, completeLangs)...)
	p = append(p, missingForms(cats)...)
	p = append(p, placeholderMismatches(cats)...)
	return p
}

func loadShipped(t *testing.T) map[Lang]*catalog {
	t.Helper()
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return b.catalogs
}

// TestCatalogsComplete fails when ar, fr or en lacks a key any catalog has,
// when a plural message lacks a category its language needs, or when
// languages disagree on a key's placeholders.
func TestCatalogsComplete(t *testing.T) {
	for _, p := range catalogProblems(loadShipped(t)) {
		t.Error(p)
	}
}

// TestTamazightCoversPublicPages fails when a public-page key in Arabic has
// no Tamazight text.
func TestTamazightCoversPublicPages(t *testing.T) {
	for _, p := range uncoveredPublicKeys(loadShipped(t), PublicPrefixes) {
		t.Error(p)
	}
}

// Every shipped message renders in every language with no placeholder left
// over when all its placeholders get a value.
func TestShippedMessagesRender(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range All {
		z := b.For(l)
		for _, k := range b.Keys(l) {
			m := b.catalogs[l].msgs[k]
			var args []any
			for name := range m.placeholders() {
				args = append(args, name, "X")
			}
			var outs []string
			if m.plural {
				for _, n := range []int{0, 1, 2, 3, 11, 100, 101} {
					outs = append(outs, z.N(k, n, args...))
				}
			} else {
				outs = append(outs, z.T(k, args...))
			}
			for _, out := range outs {
				if out == "" || strings.ContainsAny(out, "{}") {
					t.Errorf("%s %q renders as %q", l, k, out)
				}
			}
		}
	}
}

// A consistent set of catalogs for the negative tests to break one way at a
// time.
func goodCatalogs(t *testing.T) map[Lang]string {
	t.Helper()
	return map[Lang]string{
		AR:  `{"layout.title": "أسواق {city}", "home.count": {"zero": "لا شيء", "one": "واحد", "two": "اثنان", "few": "{count} أشياء", "many": "{count} شيئا", "other": "{count} شيء"}, "admin.menu": "القائمة"}`,
		FR:  `{"layout.title": "Aswaq {city}", "home.count": {"one": "{count} chose", "other": "{count} choses"}, "admin.menu": "Menu"}`,
		EN:  `{"layout.title": "Aswaq {city}", "home.count": {"one": "{count} thing", "other": "{count} things"}, "admin.menu": "Menu"}`,
		ZGH: `{"layout.title": "ⴰⵙⵡⴰⵇ {city}", "home.count": {"one": "{count} ⵜⵖⴰⵡⵙⴰ", "other": "{count} ⵜⵖⴰⵡⵙⵉⵡⵉⵏ"}}`,
	}
}

func parseAll(t *testing.T, srcs map[Lang]string) map[Lang]*catalog {
	t.Helper()
	cats := map[Lang]*catalog{}
	for l, src := range srcs {
		cats[l] = mustCatalog(t, l, src)
	}
	return cats
}

func TestChecksPassOnGoodCatalogs(t *testing.T) {
	cats := parseAll(t, goodCatalogs(t))
	if p := catalogProblems(cats); len(p) > 0 {
		t.Errorf("good catalogs reported: %q", p)
	}
	if p := uncoveredPublicKeys(cats, PublicPrefixes); len(p) > 0 {
		t.Errorf("good catalogs reported: %q", p)
	}
}

// Each case breaks the good catalogs one way; the checks must say so.
func TestChecksCatchBrokenCatalogs(t *testing.T) {
	tests := []struct {
		name  string
		lang  Lang
		src   string
		check func(map[Lang]*catalog) []string
		want  string
	}{
		{
			name:  "key missing from English",
			lang:  EN,
			src:   `{"layout.title": "Aswaq {city}", "home.count": {"one": "{count} thing", "other": "{count} things"}}`,
			check: catalogProblems,
			want:  `en: missing key "admin.menu"`,
		},
		{
			name:  "key only in French",
			lang:  FR,
			src:   `{"layout.title": "Aswaq {city}", "home.count": {"one": "{count} chose", "other": "{count} choses"}, "admin.menu": "Menu", "admin.extra": "En plus"}`,
			check: catalogProblems,
			want:  `ar: missing key "admin.extra"`,
		},
		{
			name:  "Arabic plural without few",
			lang:  AR,
			src:   `{"layout.title": "أسواق {city}", "home.count": {"zero": "لا شيء", "one": "واحد", "two": "اثنان", "many": "{count} شيئا", "other": "{count} شيء"}, "admin.menu": "القائمة"}`,
			check: catalogProblems,
			want:  `ar: "home.count" lacks plural form "few"`,
		},
		{
			name:  "English plural without one",
			lang:  EN,
			src:   `{"layout.title": "Aswaq {city}", "home.count": {"other": "{count} things"}, "admin.menu": "Menu"}`,
			check: catalogProblems,
			want:  `en: "home.count" lacks plural form "one"`,
		},
		{
			name:  "Tamazight plural without one",
			lang:  ZGH,
			src:   `{"layout.title": "ⴰⵙⵡⴰⵇ {city}", "home.count": {"other": "{count} ⵜⵖⴰⵡⵙⵉⵡⵉⵏ"}}`,
			check: catalogProblems,
			want:  `zgh: "home.count" lacks plural form "one"`,
		},
		{
			name:  "French plural with a form French never uses",
			lang:  FR,
			src:   `{"layout.title": "Aswaq {city}", "home.count": {"one": "{count} chose", "few": "{count} choses", "other": "{count} choses"}, "admin.menu": "Menu"}`,
			check: catalogProblems,
			want:  `fr: "home.count" has plural form "few"`,
		},
		{
			name:  "plural in one language, simple in another",
			lang:  EN,
			src:   `{"layout.title": "Aswaq {city}", "home.count": "{count} things", "admin.menu": "Menu"}`,
			check: catalogProblems,
			want:  `en: "home.count" is a simple message but plural`,
		},
		{
			name:  "placeholder dropped",
			lang:  FR,
			src:   `{"layout.title": "Aswaq", "home.count": {"one": "{count} chose", "other": "{count} choses"}, "admin.menu": "Menu"}`,
			check: catalogProblems,
			want:  `"layout.title": placeholders {} in fr but {city} in ar`,
		},
		{
			name:  "placeholder misspelt in Tamazight",
			lang:  ZGH,
			src:   `{"layout.title": "ⴰⵙⵡⴰⵇ {ctiy}", "home.count": {"one": "{count} ⵜⵖⴰⵡⵙⴰ", "other": "{count} ⵜⵖⴰⵡⵙⵉⵡⵉⵏ"}}`,
			check: catalogProblems,
			want:  `"layout.title": placeholders {ctiy} in zgh but {city} in ar`,
		},
		{
			name:  "public key missing from Tamazight",
			lang:  ZGH,
			src:   `{"home.count": {"one": "{count} ⵜⵖⴰⵡⵙⴰ", "other": "{count} ⵜⵖⴰⵡⵙⵉⵡⵉⵏ"}}`,
			check: func(c map[Lang]*catalog) []string { return uncoveredPublicKeys(c, PublicPrefixes) },
			want:  `zgh: missing public key "layout.title"`,
		},
		{
			name:  "Tamazight catalog absent",
			lang:  ZGH,
			src:   "",
			check: func(c map[Lang]*catalog) []string { return uncoveredPublicKeys(c, PublicPrefixes) },
			want:  `zgh: missing public key "home.count"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs := goodCatalogs(t)
			if tt.src == "" {
				delete(srcs, tt.lang)
			} else {
				srcs[tt.lang] = tt.src
			}
			problems := tt.check(parseAll(t, srcs))
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, tt.want) }) {
				t.Errorf("problems %q do not include %q", problems, tt.want)
			}
		})
	}
}

// Tamazight need not have non-public keys: it falls back to French.
func TestTamazightMayOmitNonPublicKeys(t *testing.T) {
	cats := parseAll(t, goodCatalogs(t)) // zgh has no "admin.menu"
	for _, p := range append(catalogProblems(cats), uncoveredPublicKeys(cats, PublicPrefixes)...) {
		if strings.Contains(p, "admin.menu") {
			t.Errorf("reported %q", p)
		}
	}
}
