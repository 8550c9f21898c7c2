// Package password hashes and checks passwords with argon2id, in the PHC string format
// ($argon2id$v=19$m=…,t=…,p=…$salt$hash) so parameters can be raised later without
// invalidating stored hashes.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// Default follows OWASP's first recommended configuration for argon2id (19 MiB, 2 passes,
// 1 lane): strong, yet light enough that a 2-core server can verify logins for a crowd
// without running out of memory.
var Default = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

var b64 = base64.RawStdEncoding

// Hash returns the PHC string of pw hashed with a new random salt.
func Hash(pw string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return encode(p, salt, key), nil
}

// encode writes the PHC string of a hash.
func encode(p Params, salt, key []byte) string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// ErrMalformed is returned for a stored hash that is not an argon2id PHC string.
var ErrMalformed = errors.New("password: malformed hash")

// Verify reports whether pw matches the stored hash, comparing in constant time. It also
// says whether the hash uses weaker parameters than want, so the caller can re-hash it
// while it has the password in hand.
func Verify(pw, stored string, want Params) (ok, rehash bool, err error) {
	p, salt, key, err := decode(stored)
	if err != nil {
		return false, false, err
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	ok = subtle.ConstantTimeCompare(got, key) == 1
	rehash = p.Memory < want.Memory || p.Time < want.Time || p.Threads < want.Threads
	return ok, rehash, nil
}

func decode(s string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, ErrMalformed
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil || p.Time == 0 || p.Threads == 0 {
		return p, nil, nil, ErrMalformed
	}
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return p, nil, nil, ErrMalformed
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 {
		return p, nil, nil, ErrMalformed
	}
	return p, salt, key, nil
}

// dummyHash is verified against when an account does not exist, so that a wrong
// identifier takes as long as a wrong password and response times reveal nothing. It is
// made on first need rather than at start-up, which commands other than serve never
// have. Its key is random bytes rather than the output of argon2id: what a verification
// costs depends only on the parameters and on the key's length, so this costs exactly as
// much to verify as a real hash, and making it costs nothing (the first failed sign-in
// is not slower than the next ones). No password matches it.
var dummyHash = sync.OnceValue(func() string {
	p := Default
	salt, key := make([]byte, p.SaltLen), make([]byte, p.KeyLen)
	rand.Read(salt) // crypto/rand.Read never fails
	rand.Read(key)
	return encode(p, salt, key)
})

// VerifyNothing spends the time of one verification.
func VerifyNothing(pw string) { Verify(pw, dummyHash(), Default) }
