// Package token makes the secrets of one-time links (invitations, password resets): long
// random tokens that are given to the user once and stored only as a hash.
package token

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
)

// New returns a new token (43 URL-safe characters, 256 bits of randomness) and its hash.
func New() (tok, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics rather than return short)
	tok = base64.RawURLEncoding.EncodeToString(b)
	return tok, Hash(tok)
}

// Hash returns the stored form of a token.
func Hash(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

// Equal compares two hashes in constant time.
func Equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
