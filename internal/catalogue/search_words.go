package catalogue

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aswaq/aswaq/internal/textfold"
)

// Word handling shared by indexing and querying. Everything here works on words that
// textfold has already folded (lower case, no diacritics, one spelling per letter), so
// both sides of a search always agree.

const (
	maxQueryBytes   = 1000 // longer query text is cut before folding
	maxQueryRunes   = 200
	maxQueryWords   = 8
	maxWordRunes    = 40 // longer query words are cut and matched as prefixes
	minPrefixRunes  = 2  // shorter query words must match whole words
	minInfixRunes   = 3  // shortest word looked up inside longer words (a trigram)
	minTypoRunes    = 4  // shortest word for which a typo is forgiven
	maxTermRunes    = 32 // longer words are indexed but kept out of the vocabulary
	maxExpansions   = 24 // vocabulary words a query word may stand for in the fuzzy tier
	typoTwoFromRune = 8  // words this long forgive two edits
)

// arabicArticles are the definite article and the clitics written before it, longest
// first. A word that starts with one is also indexed without it, so "عسل" finds "العسل"
// and "والعسل" exactly.
var arabicArticles = []string{"وبال", "وال", "بال", "فال", "كال", "لل", "ال"}

// baseForm returns the form under which a folded word is also indexed and queried: the
// Arabic word without its article, or the French word without a plural s or x. It returns
// word itself when there is nothing to take away, or when what would remain is shorter
// than three letters ("الله" stays whole). Indexing both forms and querying the base form
// makes "الأمل" and "أمل", "figue" and "figues" the same word for ranking.
func baseForm(word string) string {
	for _, a := range arabicArticles {
		if strings.HasPrefix(word, a) {
			rest := word[len(a):]
			if utf8.RuneCountInString(rest) >= 3 {
				return rest
			}
			return word
		}
	}
	if n := len(word); n >= 4 && (word[n-1] == 's' || word[n-1] == 'x') && isLatinWord(word[:n-1]) {
		return word[:n-1]
	}
	return word
}

func isLatinWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// indexWords folds texts into the distinct words a document is indexed under: every word
// and its base form.
func indexWords(seen map[string]bool, out []string, texts ...string) []string {
	for _, t := range texts {
		for _, w := range textfold.Tokens(t) {
			for _, f := range [2]string{w, baseForm(w)} {
				if !seen[f] {
					seen[f] = true
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// inVocabulary reports whether a word is worth finding by typo or substring: words with
// a letter, of a sensible length. Numbers (ICE, register numbers) are found whole or by
// prefix only.
func inVocabulary(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < minInfixRunes || n > maxTermRunes {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return true
		}
	}
	return false
}

// typoKeys returns the keys a vocabulary word is filed under for typo lookup: itself and,
// from four letters, each form with one letter deleted. Two words one edit apart
// (deletion, insertion, substitution, swap of neighbours) always share a key.
func typoKeys(w string) []string {
	keys := []string{w}
	if utf8.RuneCountInString(w) < minTypoRunes {
		return keys
	}
	for i, r := range w {
		k := w[:i] + w[i+utf8.RuneLen(r):]
		if keys[len(keys)-1] != k { // "aab" gives "ab" twice in a row
			keys = append(keys, k)
		}
	}
	return keys
}

// editDistance is the optimal-string-alignment distance between a and b (insertions,
// deletions, substitutions and swaps of neighbours count one), computed up to max: any
// larger distance is returned as max+1.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max+1)
}

// maxTypos is how many edits a query word of n letters forgives.
func maxTypos(n int) int {
	switch {
	case n < minTypoRunes:
		return 0
	case n < typoTwoFromRune:
		return 1
	}
	return 2
}

// queryWord is one word of a query and what it may match.
type queryWord struct {
	word   string   // as folded (and cut to maxWordRunes)
	base   string   // baseForm(word): what exact and prefix matches look for
	prefix bool     // long enough to match as a prefix
	cut    bool     // the word was cut: it can only match as a prefix
	fuzzy  []string // vocabulary words it may stand for: misspellings and longer words containing it
}

// parseQuery folds query text into at most maxQueryWords distinct words.
func parseQuery(text string) []queryWord {
	if len(text) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if utf8.RuneCountInString(text) > maxQueryRunes {
		text = string([]rune(text)[:maxQueryRunes])
	}
	var out []queryWord
	seen := map[string]bool{}
	for _, w := range textfold.Tokens(text) {
		cut := false
		if utf8.RuneCountInString(w) > maxWordRunes {
			w, cut = string([]rune(w)[:maxWordRunes]), true
		}
		b := baseForm(w)
		if cut {
			b = w
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		out = append(out, queryWord{word: w, base: b, prefix: utf8.RuneCountInString(b) >= minPrefixRunes, cut: cut})
	}
	// One-letter words say nothing beside longer ones (the French elisions of "huile
	// d'argan", an Arabic "و" typed apart) and match a large part of the registry.
	if slices.ContainsFunc(out, func(w queryWord) bool { return utf8.RuneCountInString(w.word) > 1 }) {
		out = slices.DeleteFunc(out, func(w queryWord) bool { return utf8.RuneCountInString(w.word) == 1 })
	}
	if len(out) > maxQueryWords {
		out = out[:maxQueryWords]
	}
	return out
}
