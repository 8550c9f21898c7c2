package importer

import (
	"slices"

	"github.com/aswaq/aswaq/internal/org"
)

// Field is what a column of the file holds: one property of an organisation, or Ignore.
// Its value is the stable code a mapping form posts; its label is the catalog key
// "importer.field.<code>".
type Field string

// The fields a column can be mapped to. Name, Description, MembersTotal and FoundedYear
// exist only as columns: Name and Description go to the Arabic or the French text by the
// script of each cell, MembersTotal gives the men once the women are known, and a founding
// year alone is read as 1 January of that year.
const (
	Ignore         Field = ""
	Name           Field = "name"
	NameAR         Field = "name_ar"
	NameFR         Field = "name_fr"
	LegalForm      Field = "legal_form"
	Province       Field = "province"
	Sector         Field = "sector"
	Categories     Field = "categories"
	ICE            Field = "ice"
	RegisterNumber Field = "register_number"
	RegisterCourt  Field = "register_court"
	ReceiptNumber  Field = "receipt_number"
	ReceiptDate    Field = "receipt_date"
	FoundedOn      Field = "founded_on"
	FoundedYear    Field = "founded_year"
	Address        Field = "address"
	Phone          Field = "phone"
	Phone2         Field = "phone2"
	WhatsApp       Field = "whatsapp"
	Email          Field = "email"
	Website        Field = "website"
	Facebook       Field = "facebook"
	Instagram      Field = "instagram"
	MembersTotal   Field = "members_total"
	MembersWomen   Field = "members_women"
	MembersMen     Field = "members_men"
	MembersUnder35 Field = "members_under35"
	WomenLed       Field = "women_led"
	YouthLed       Field = "youth_led"
	Programmes     Field = "programmes"
	FoodSafetyNo   Field = "food_safety_no"
	Description    Field = "description"
	DescriptionAR  Field = "description_ar"
	DescriptionFR  Field = "description_fr"
)

// Fields lists every field a column can be mapped to, in the order a mapping form offers
// them (Ignore is not in the list).
var Fields = []Field{Name, NameAR, NameFR, LegalForm, Province, Sector, Categories, ICE, RegisterNumber,
	RegisterCourt, ReceiptNumber, ReceiptDate, FoundedOn, FoundedYear, Address, Phone, Phone2, WhatsApp, Email,
	Website, Facebook, Instagram, MembersTotal, MembersWomen, MembersMen, MembersUnder35, WomenLed, YouthLed,
	Programmes, FoodSafetyNo, Description, DescriptionAR, DescriptionFR}

// ParseField returns the field with a code, as a mapping form posts it; "" is Ignore.
func ParseField(code string) (Field, bool) {
	if code == "" {
		return Ignore, true
	}
	f := Field(code)
	return f, slices.Contains(Fields, f)
}

// LabelKey is the catalog key of the field's name ("importer.field.phone").
func (f Field) LabelKey() string {
	if f == Ignore {
		return "importer.field.ignore"
	}
	return "importer.field." + string(f)
}

// FieldSet is a set of fields: those a row gave a value for.
type FieldSet uint64

func fieldBit(f Field) FieldSet {
	i := slices.Index(Fields, f)
	if i < 0 {
		return 0
	}
	return 1 << uint(i)
}

// Has reports whether f is in the set.
func (s FieldSet) Has(f Field) bool { return s&fieldBit(f) != 0 }

// With returns the set with f added.
func (s FieldSet) With(f Field) FieldSet { return s | fieldBit(f) }

// Record is a valid row, ready for the store: the organisation it describes and the fields
// whose cells had a value. When the row matches an organisation already in the registry,
// only those fields change (ApplyTo): an empty cell, or a column the file does not have,
// never erases what the registry knows.
type Record struct {
	Line  int // line (CSV) or row number (XLSX) in the file
	Org   org.Organisation
	Given FieldSet
	Cells []string // the row as in the file, for the rejected rows' file; may be nil
}

// ApplyTo copies the fields the row gave onto dst, an organisation already in the registry.
func (r *Record) ApplyTo(dst *org.Organisation) {
	src := &r.Org
	for _, f := range Fields {
		if r.Given.Has(f) {
			if cp := copiers[f]; cp != nil {
				cp(dst, src)
			}
		}
	}
}

// copiers copy one stored property. Column-only fields (Name, Description, MembersTotal,
// FoundedYear) mark the stored fields they fill instead.
var copiers = map[Field]func(dst, src *org.Organisation){
	NameAR:         func(d, s *org.Organisation) { d.Name.AR = s.Name.AR },
	NameFR:         func(d, s *org.Organisation) { d.Name.FR = s.Name.FR },
	LegalForm:      func(d, s *org.Organisation) { d.LegalForm = s.LegalForm },
	Province:       func(d, s *org.Organisation) { d.ProvinceCode = s.ProvinceCode },
	Sector:         func(d, s *org.Organisation) { d.Sector = s.Sector },
	Categories:     func(d, s *org.Organisation) { d.Categories = slices.Clone(s.Categories) },
	ICE:            func(d, s *org.Organisation) { d.Identifiers.ICE = s.Identifiers.ICE },
	RegisterNumber: func(d, s *org.Organisation) { d.Identifiers.RegisterNumber = s.Identifiers.RegisterNumber },
	RegisterCourt:  func(d, s *org.Organisation) { d.Identifiers.RegisterCourt = s.Identifiers.RegisterCourt },
	ReceiptNumber:  func(d, s *org.Organisation) { d.Identifiers.ReceiptNumber = s.Identifiers.ReceiptNumber },
	ReceiptDate:    func(d, s *org.Organisation) { d.Identifiers.ReceiptDate = s.Identifiers.ReceiptDate },
	FoundedOn:      func(d, s *org.Organisation) { d.FoundedOn = s.FoundedOn },
	Address:        func(d, s *org.Organisation) { d.Contact.Address = s.Contact.Address },
	Phone:          func(d, s *org.Organisation) { d.Contact.Phone = s.Contact.Phone },
	Phone2:         func(d, s *org.Organisation) { d.Contact.Phone2 = s.Contact.Phone2 },
	WhatsApp:       func(d, s *org.Organisation) { d.Contact.WhatsApp = s.Contact.WhatsApp },
	Email:          func(d, s *org.Organisation) { d.Contact.Email = s.Contact.Email },
	Website:        func(d, s *org.Organisation) { d.Contact.Website = s.Contact.Website },
	Facebook:       func(d, s *org.Organisation) { d.Contact.Facebook = s.Contact.Facebook },
	Instagram:      func(d, s *org.Organisation) { d.Contact.Instagram = s.Contact.Instagram },
	MembersWomen:   func(d, s *org.Organisation) { d.Members.Women = s.Members.Women },
	MembersMen:     func(d, s *org.Organisation) { d.Members.Men = s.Members.Men },
	MembersUnder35: func(d, s *org.Organisation) { d.Members.Under35 = s.Members.Under35 },
	WomenLed:       func(d, s *org.Organisation) { d.WomenLed = s.WomenLed },
	YouthLed:       func(d, s *org.Organisation) { d.YouthLed = s.YouthLed },
	Programmes:     func(d, s *org.Organisation) { d.Programmes = slices.Clone(s.Programmes) },
	FoodSafetyNo:   func(d, s *org.Organisation) { d.FoodSafetyNo = s.FoodSafetyNo },
	DescriptionAR:  func(d, s *org.Organisation) { d.Description.AR = s.Description.AR },
	DescriptionFR:  func(d, s *org.Organisation) { d.Description.FR = s.Description.FR },
}

// orgFieldColumns maps the field names org.Validate reports to the columns that may have
// fed them, most specific first, so a validation error points at a column of the file.
var orgFieldColumns = map[string][]Field{
	"legal_form":       {LegalForm, Name, NameAR, NameFR},
	"name_ar":          {NameAR, Name},
	"name_fr":          {NameFR, Name},
	"province":         {Province},
	"sector":           {Sector, Categories},
	"ice":              {ICE},
	"register_number":  {RegisterNumber},
	"register_court":   {RegisterCourt},
	"receipt_number":   {ReceiptNumber, ReceiptDate},
	"founded_on":       {FoundedOn, FoundedYear},
	"phone":            {Phone, WhatsApp},
	"phone2":           {Phone2, Phone, WhatsApp},
	"email":            {Email},
	"website":          {Website},
	"facebook":         {Facebook},
	"instagram":        {Instagram},
	"members":          {MembersWomen, MembersMen, MembersTotal},
	"members_under_35": {MembersUnder35},
	"categories":       {Categories},
	"programmes":       {Programmes},
}
