package account

import (
	"strings"
	"unicode/utf8"

	"github.com/aswaq/aswaq/internal/apperr"
)

// MinPasswordLength follows current guidance (NIST SP 800-63B): length matters, forced
// mixtures of character classes do not.
const MinPasswordLength = 10

// commonPasswords are refused outright: the first guesses of any attacker.
var commonPasswords = map[string]bool{
	"1234567890": true, "0123456789": true, "azertyuiop": true, "qwertyuiop": true,
	"motdepasse": true, "password123": true, "passwordpassword": true, "aswaqaswaq": true,
	"maroc12345": true, "morocco123": true, "1111111111": true, "0000000000": true,
}

// CheckPassword refuses a password that is too short, too long or too common.
func CheckPassword(pw string) error {
	var v apperr.Validation
	n := utf8.RuneCountInString(pw)
	v.Check(n >= MinPasswordLength, "password", "account.error.password_short", "min", MinPasswordLength)
	v.Check(n <= 200, "password", "account.error.password_long")
	v.Check(!commonPasswords[strings.ToLower(pw)], "password", "account.error.password_common")
	return v.Err()
}
