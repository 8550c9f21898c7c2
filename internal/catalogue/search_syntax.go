package catalogue

import "strings"

// querySyntax writes boolean full-text queries in one engine's language; FTS5 and tsquery
// differ only in their operators and in how a word and a prefix are quoted.
type querySyntax struct {
	and, or string
	word    func(w string) string // the word itself, never syntax
	prefix  func(w string) string // any word starting with w
}

// words writes the query words at a level: every word must match, whole (exact), as a
// prefix, or as one of its fuzzy variants.
func (q querySyntax) words(words []queryWord, level matchLevel) string {
	parts := make([]string, len(words))
	for i, w := range words {
		whole, prefix := q.word(w.base), q.word(w.base)
		if w.prefix || w.cut {
			prefix = q.prefix(w.base)
		}
		if w.cut {
			whole = prefix
		}
		switch level {
		case levelExact:
			parts[i] = whole
		case levelPrefix:
			parts[i] = prefix
		default:
			alts := []string{prefix}
			for _, f := range w.fuzzy {
				alts = append(alts, q.word(f))
			}
			parts[i] = "(" + strings.Join(alts, q.or) + ")"
		}
	}
	return strings.Join(parts, q.and)
}

// tags writes tag groups: one tag of every group.
func (q querySyntax) tags(groups [][]string) string {
	parts := make([]string, len(groups))
	for i, g := range groups {
		alts := make([]string, len(g))
		for j, t := range g {
			alts[j] = q.word(t)
		}
		parts[i] = "(" + strings.Join(alts, q.or) + ")"
	}
	return strings.Join(parts, q.and)
}

// all joins expressions with AND, leaving out empty ones.
func (q querySyntax) all(exprs ...string) string {
	var parts []string
	for _, e := range exprs {
		if e != "" {
			parts = append(parts, "("+e+")")
		}
	}
	return strings.Join(parts, q.and)
}
