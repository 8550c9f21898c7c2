package application

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/textfold"
)

// StandPerson is one of the people an organisation sends to its stand. Badges (a later
// step) are printed from these records, so they hold what a badge and the gate need.
type StandPerson struct {
	ID            int64
	ApplicationID int64
	Name          string
	NationalID    string // the Moroccan CIN, or a passport number for foreign guests
	Phone         string // E.164
	Gender        Gender
	Role          PersonRole
}

// Gender is recorded because councils report how many women exhibited.
type Gender string

// The genders the forms offer.
const (
	Female Gender = "female"
	Male   Gender = "male"
)

// Genders lists them in form order.
var Genders = []Gender{Female, Male}

// PersonRole is what the person is in the organisation.
type PersonRole string

// The roles the forms offer.
const (
	President PersonRole = "president"
	Member    PersonRole = "member"
	Employee  PersonRole = "employee"
	OtherRole PersonRole = "other"
)

// PersonRoles lists them in form order.
var PersonRoles = []PersonRole{President, Member, Employee, OtherRole}

// nationalID accepts a CIN (one or two letters and up to six digits, "AB123456") or a
// passport number (letters and digits, 6 to 12): foreign guests exhibit too. Compiled on
// first use, not at start-up.
var nationalID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z]{1,2}[0-9]{1,6}$|^[A-Z0-9]{6,12}$`) })

// Validate normalizes what was typed (spaces, case, Arabic-Indic digits, phone numbers as
// 0612-345678) and reports every problem at once.
func (p *StandPerson) Validate() error {
	var v apperr.Validation
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.NationalID = strings.ToUpper(strings.ReplaceAll(textfold.ASCIIDigits(strings.TrimSpace(p.NationalID)), " ", ""))
	v.Check(p.Name != "", "name", "people.error.name")
	v.Check(nationalID().MatchString(p.NationalID), "national_id", "people.error.national_id")
	if phone, err := account.NormalizePhone(p.Phone); err != nil {
		v.Add("phone", "people.error.phone")
	} else {
		p.Phone = phone
	}
	v.Check(p.Gender == Female || p.Gender == Male, "gender", "people.error.gender")
	v.Check(slices.Contains(PersonRoles, p.Role), "role", "people.error.role")
	return v.Err()
}
