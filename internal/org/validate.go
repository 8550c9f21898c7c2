package org

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/textfold"
)

// Validate normalizes what people typed (spaces, digits, phone and email forms) and checks
// it, reporting every problem at once as field errors. today bounds the founding date.
func (o *Organisation) Validate(today civil.Date) error {
	var v apperr.Validation
	o.Name = o.Name.Trimmed()
	o.Description = o.Description.Trimmed()
	v.Check(slices.Contains(LegalForms, o.LegalForm), "legal_form", "org.error.legal_form")
	v.Check(o.Name.AR != "", "name_ar", "org.error.name_ar_required")
	v.Check(utf8.RuneCountInString(o.Name.AR) <= 200 && utf8.RuneCountInString(o.Name.FR) <= 200, "name_ar", "org.error.name_too_long")
	v.Check(o.ProvinceCode != "", "province", "org.error.province_required")
	v.Check(taxonomy.ValidSector(o.Sector), "sector", "org.error.sector")
	o.validateIdentifiers(&v)
	if !o.FoundedOn.IsZero() {
		v.Check(!o.FoundedOn.After(today) && o.FoundedOn.Year >= 1900, "founded_on", "org.error.founded_on")
	}
	o.validateContact(&v)
	m := o.Members
	v.Check(m.Women >= 0 && m.Men >= 0 && m.Under35 >= 0, "members", "org.error.members_negative")
	v.Check(m.Under35 <= m.Total() || m.Total() == 0, "members_under_35", "org.error.members_youth_exceeds")
	o.Categories = dedupe(o.Categories)
	for _, code := range o.Categories {
		if _, ok := taxonomy.Lookup(code); !ok {
			v.Add("categories", "org.error.category_unknown", "code", code)
		}
	}
	for _, p := range o.Programmes {
		v.Check(taxonomy.ValidProgramme(p), "programmes", "org.error.programme_unknown", "code", string(p))
	}
	o.FoodSafetyNo = strings.TrimSpace(o.FoodSafetyNo)
	if o.Status == "" {
		o.Status = Validated
	}
	v.Check(o.Status == Pending || o.Status == Validated, "status", "org.error.status")
	return v.Err()
}

func (o *Organisation) validateIdentifiers(v *apperr.Validation) {
	id := &o.Identifiers
	id.ICE = Digits(id.ICE)
	id.RegisterNumber = strings.TrimSpace(id.RegisterNumber)
	id.RegisterCourt = strings.TrimSpace(id.RegisterCourt)
	id.ReceiptNumber = strings.TrimSpace(id.ReceiptNumber)
	if id.ICE != "" {
		v.Check(ValidICE(id.ICE), "ice", "org.error.ice_invalid")
	}
	// Identifiers that do not belong to the legal form are refused rather than silently
	// kept: they usually mean the wrong form was chosen.
	switch o.LegalForm {
	case Association:
		v.Check(id.RegisterNumber == "" && id.RegisterCourt == "", "register_number", "org.error.register_not_for_association")
	default:
		v.Check(id.ReceiptNumber == "" && id.ReceiptDate.IsZero(), "receipt_number", "org.error.receipt_only_for_associations")
	}
	if o.LegalForm != Cooperative && o.LegalForm != CooperativeUnion {
		v.Check(id.RegisterCourt == "", "register_court", "org.error.court_only_for_cooperatives")
	}
}

func (o *Organisation) validateContact(v *apperr.Validation) {
	c := &o.Contact
	c.Address = strings.TrimSpace(c.Address)
	for _, p := range []struct {
		field string
		value *string
	}{{"phone", &c.Phone}, {"phone2", &c.Phone2}} {
		if strings.TrimSpace(*p.value) == "" {
			*p.value = ""
			continue
		}
		n, err := account.NormalizePhone(*p.value)
		if err != nil {
			v.Add(p.field, "org.error.phone_invalid")
			continue
		}
		*p.value = n
	}
	if c.Phone == "" {
		c.WhatsApp, c.PhonePublic = false, false
	}
	if strings.TrimSpace(c.Email) != "" {
		e, err := account.NormalizeEmail(c.Email)
		v.Check(err == nil, "email", "org.error.email_invalid")
		c.Email = e
	} else {
		c.Email, c.EmailPublic = "", false
	}
	if c.Address == "" {
		c.AddressPublic = false
	}
	for _, l := range []struct {
		field string
		value *string
	}{{"website", &c.Website}, {"facebook", &c.Facebook}, {"instagram", &c.Instagram}} {
		*l.value = strings.TrimSpace(*l.value)
		if *l.value == "" {
			continue
		}
		if !strings.Contains(*l.value, "://") {
			*l.value = "https://" + *l.value
		}
		u, err := url.Parse(*l.value)
		v.Check(err == nil && (u.Scheme == "https" || u.Scheme == "http") && strings.Contains(u.Host, "."), l.field, "org.error.link_invalid")
	}
}

func dedupe(codes []string) []string {
	var out []string
	for _, c := range codes {
		c = strings.TrimSpace(c)
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Digits keeps the digits of s, reading Arabic-Indic digits as well, so "٠٠١ ٥٦١-١٩١"
// and "001561191" are the same number.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range textfold.ASCIIDigits(s) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ValidICE checks an ICE: 15 digits whose value is a multiple of 97 (the last two digits
// are the check key).
func ValidICE(ice string) bool {
	if len(ice) != 15 {
		return false
	}
	rem := 0
	for _, r := range ice {
		if r < '0' || r > '9' {
			return false
		}
		rem = (rem*10 + int(r-'0')) % 97
	}
	return rem == 0
}
