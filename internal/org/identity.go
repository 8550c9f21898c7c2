package org

import (
	"strings"

	"github.com/aswaq/aswaq/internal/textfold"
)

// What makes two organisations the same body. This is the one rule the registry applies
// wherever it asks the question: the duplicate warnings of the organisation forms, the
// duplicate flags and the matching of rows to records in imports.
//
// A record is known by its identifiers (the ICE, the register number within its legal
// form, the receipt number of an association) and, more weakly, by its Arabic name folded
// as search folds it (NameKey) in its province. Two records that share an identifier are
// the same body. Two records that share only their name in one province resemble each
// other: they may be the same body unless an identifier both of them carry differs
// (Contradicts).

// Keys are what an organisation is recognised by. An empty key is unknown, never equal.
type Keys struct {
	ICE       string // digits only
	LegalForm string
	Register  string // register number, within its legal form
	Receipt   string
	Name      string // NameKey of the Arabic name
	Province  string
}

// NameKey is the form of an Arabic name records are compared by (and stored as name_key):
// folded as search folds it, so spellings and vowel marks do not matter.
func NameKey(arabic string) string { return textfold.Fold(arabic) }

// KeysOf gives the keys of o.
func KeysOf(o *Organisation) Keys {
	return Keys{
		ICE: Digits(o.Identifiers.ICE), LegalForm: string(o.LegalForm),
		Register: strings.TrimSpace(o.Identifiers.RegisterNumber),
		Receipt:  strings.TrimSpace(o.Identifiers.ReceiptNumber),
		Name:     NameKey(o.Name.AR), Province: o.ProvinceCode,
	}
}

// SharesIdentifier reports whether a and b carry one identifier with the same value:
// they are the same body.
func (a Keys) SharesIdentifier(b Keys) bool {
	return a.ICE != "" && a.ICE == b.ICE ||
		a.Register != "" && a.Register == b.Register && a.LegalForm == b.LegalForm ||
		a.Receipt != "" && a.Receipt == b.Receipt
}

// SameName reports whether a and b have the same name in the same province.
func (a Keys) SameName(b Keys) bool {
	return a.Name != "" && a.Name == b.Name && a.Province == b.Province
}

// Contradicts reports identifiers that show a and b are different bodies: one they both
// carry, with different values.
func (a Keys) Contradicts(b Keys) bool {
	return a.ICE != "" && b.ICE != "" && a.ICE != b.ICE ||
		a.Register != "" && b.Register != "" && (a.Register != b.Register || a.LegalForm != b.LegalForm) ||
		a.Receipt != "" && b.Receipt != "" && a.Receipt != b.Receipt
}

// Resembles reports whether b may be the same body as a, for a warning that an
// organiser checks: a shared identifier, or the same name in the same province.
func (a Keys) Resembles(b Keys) bool { return a.SharesIdentifier(b) || a.SameName(b) }

// RegisterKey, NameInProvince: the keys under which an index of records files them for
// matching (see SharesIdentifier and SameName).
func (a Keys) RegisterKey() string    { return a.LegalForm + "\x00" + a.Register }
func (a Keys) NameInProvince() string { return a.Province + "\x00" + a.Name }
