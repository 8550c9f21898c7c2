// Package account is the domain of the people who sign in to Aswaq: who they are, how to
// reach them, and the roles they hold where.
package account

import (
	"net/mail"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/textfold"
)

// User is a person with an account.
type User struct {
	ID          int64
	Name        string
	Email       string // lower-case; empty when the user has only a phone
	Phone       string // E.164 (+212…); empty when the user has only an email
	Lang        i18n.Lang
	Active      bool
	HasPassword bool // false until an invitation is accepted
	CreatedAt   time.Time
}

// Contact returns the address messages go to: the email when there is one, else the phone.
func (u *User) Contact() string {
	if u.Email != "" {
		return u.Email
	}
	return u.Phone
}

// Normalize trims and canonicalizes what a person typed, then validates it; every problem
// is reported at once as field errors.
func (u *User) Normalize() error {
	var v apperr.Validation
	u.Name = strings.Join(strings.Fields(u.Name), " ")
	v.Check(u.Name != "", "name", "account.error.name_required")
	v.Check(len([]rune(u.Name)) <= 120, "name", "account.error.name_too_long")
	if u.Email != "" {
		email, err := NormalizeEmail(u.Email)
		if err != nil {
			v.Add("email", "account.error.email_invalid")
		}
		u.Email = email
	}
	if u.Phone != "" {
		phone, err := NormalizePhone(u.Phone)
		if err != nil {
			v.Add("phone", "account.error.phone_invalid")
		}
		u.Phone = phone
	}
	v.Check(u.Email != "" || u.Phone != "", "email", "account.error.contact_required")
	if _, ok := i18n.Parse(string(u.Lang)); !ok {
		u.Lang = i18n.Default
	}
	return v.Err()
}

// NormalizeEmail returns a bare, lower-case address, or an error if s is not one.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return s, apperr.New(apperr.Invalid, "account.error.email_invalid")
	}
	return strings.ToLower(s), nil
}

// NormalizePhone reads a phone number as Moroccans write it ("0612-345678", "06 12 34 56
// 78", "+212 6…", with Arabic-Indic digits too) and returns it in E.164.
func NormalizePhone(s string) (string, error) {
	s = textfold.ASCIIDigits(strings.TrimSpace(s))
	n, err := phonenumbers.Parse(s, "MA")
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return s, apperr.New(apperr.Invalid, "account.error.phone_invalid")
	}
	return phonenumbers.Format(n, phonenumbers.E164), nil
}

// LooksLikeEmail tells whether a login identifier is an email rather than a phone.
func LooksLikeEmail(s string) bool { return strings.Contains(s, "@") }
