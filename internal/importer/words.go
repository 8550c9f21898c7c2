package importer

import (
	"slices"
	"strings"
	"sync"

	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/textfold"
)

// stopWords are dropped before headers and values are compared, so "N° d'inscription" and
// "N° inscription", or "عدد الأعضاء" and "عدد أعضاء", read the same.
var stopWords = map[string]bool{
	"de": true, "d": true, "du": true, "des": true, "la": true, "le": true, "les": true, "l": true,
	"et": true, "en": true, "a": true, "au": true, "aux": true, "par": true, "une": true, "un": true,
	"of": true, "the": true, "and": true, "in": true, "by": true,
	"و": true, "في": true, "من": true, "عن": true, "على": true, "او": true, "ب": true, "ل": true,
}

// words returns the comparison form of s: its folded tokens (textfold), without small
// words, with the Arabic article (and a conjunction or preposition glued to it) and a
// Latin plural s removed. Both the synonyms and what people typed go through it.
func words(s string) []string {
	toks := textfold.Tokens(s)
	out := toks[:0]
	for _, t := range toks {
		if stopWords[t] {
			continue
		}
		out = append(out, stem(t))
	}
	return out
}

func stem(t string) string {
	n := len([]rune(t))
	for _, p := range []string{"وال", "بال", "فال", "كال", "لل", "ال"} {
		if strings.HasPrefix(t, p) && n > len([]rune(p))+1 {
			return t[len(p):]
		}
	}
	if n > 3 && t[len(t)-1] == 's' && isLatinWord(t) {
		return t[:len(t)-1]
	}
	return t
}

func isLatinWord(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return false
		}
	}
	return true
}

// phrase is one synonym, as words.
type phrase struct {
	toks  []string
	value string
	order int // position in the table, for stable ties
}

// vocab recognises the words people use for a closed list of values (legal forms,
// sectors, categories, programmes).
type vocab struct {
	exact   map[string]string
	phrases []phrase // longest first
}

func newVocab() *vocab { return &vocab{exact: map[string]string{}} }

func (v *vocab) add(value string, synonyms ...string) {
	for _, s := range synonyms {
		w := words(s)
		if len(w) == 0 {
			continue
		}
		key := strings.Join(w, " ")
		if _, dup := v.exact[key]; !dup {
			v.exact[key] = value
		}
		v.phrases = append(v.phrases, phrase{toks: w, value: value, order: len(v.phrases)})
	}
}

func (v *vocab) sort() {
	slices.SortStableFunc(v.phrases, func(a, b phrase) int { return len(b.toks) - len(a.toks) })
}

// find returns the values named in s, in order, without repeats, and whether some words
// were not recognised. A text that is exactly a synonym is that value alone.
func (v *vocab) find(s string) (values []string, unknown bool) {
	w := words(s)
	if len(w) == 0 {
		return nil, false
	}
	if val, ok := v.exact[strings.Join(w, " ")]; ok {
		return []string{val}, false
	}
	for i := 0; i < len(w); {
		p, ok := v.longestAt(w, i)
		if !ok {
			unknown = true
			i++
			continue
		}
		if !slices.Contains(values, p.value) {
			values = append(values, p.value)
		}
		i += len(p.toks)
	}
	return values, unknown
}

// longestAt returns the longest phrase that starts at w[i].
func (v *vocab) longestAt(w []string, i int) (phrase, bool) {
	for _, p := range v.phrases {
		if i+len(p.toks) <= len(w) && slices.Equal(w[i:i+len(p.toks)], p.toks) {
			return p, true
		}
	}
	return phrase{}, false
}

// labels returns the catalog texts of key in Arabic, French and English, so that what
// Aswaq writes (an export, the mapping form) is always read back.
func labels(key string) []string {
	b := catalogs()
	if b == nil {
		return nil
	}
	var out []string
	for _, l := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
		if z := b.For(l); z.Has(key) {
			out = append(out, z.T(key))
		}
	}
	return out
}

var catalogs = sync.OnceValue(func() *i18n.Bundle {
	b, err := i18n.Load()
	if err != nil {
		return nil
	}
	return b
})
