package textfold

import "strings"

// Tokens returns the folded words of s, in order, duplicates kept: the terms
// a query is made of. It returns nil when s has no letters or digits.
func Tokens(s string) []string {
	f := Fold(s)
	if f == "" {
		return nil
	}
	return strings.Split(f, " ")
}
