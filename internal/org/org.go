// Package org is the domain of the organisations that apply to and exhibit at fairs:
// cooperatives, associations, economic interest groups and the other forms of the social
// and solidarity economy, with their identifiers, contacts, members and activities.
package org

import (
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// LegalForm is what kind of body an organisation is.
type LegalForm string

// The legal forms seen at Moroccan SSE fairs.
const (
	Cooperative       LegalForm = "cooperative"
	CooperativeUnion  LegalForm = "cooperative_union"
	Association       LegalForm = "association"
	EconomicGroup     LegalForm = "economic_interest_group"
	Mutual            LegalForm = "mutual"
	SocialEnterprise  LegalForm = "social_enterprise"
	Artisan           LegalForm = "artisan"
	PublicBody        LegalForm = "public_body"
	EntraideCentre    LegalForm = "entraide_centre"
	PrisonInstitution LegalForm = "prison_institution"
	ForeignGuest      LegalForm = "foreign_guest"
)

// LegalForms lists every legal form in the order forms offer them.
var LegalForms = []LegalForm{Cooperative, CooperativeUnion, Association, EconomicGroup, Mutual,
	SocialEnterprise, Artisan, PublicBody, EntraideCentre, PrisonInstitution, ForeignGuest}

// Status tells whether an organisation's record has been checked by an organiser. One that
// registered itself while applying stays pending until then.
type Status string

// The statuses of a record.
const (
	Pending   Status = "pending"
	Validated Status = "validated"
)

// Identifiers are the official numbers of an organisation; which ones apply depends on
// its legal form (see Organisation.Validate).
type Identifiers struct {
	ICE            string     // Identifiant commun de l'entreprise: 15 digits
	RegisterNumber string     // cooperative: local register; GIE: trade register; artisan: national craft register
	RegisterCourt  string     // cooperative: the court keeping the local register
	ReceiptNumber  string     // association: number of the final receipt of its declaration
	ReceiptDate    civil.Date // association: date of that receipt
}

// Members counts an organisation's members. Zero means unknown.
type Members struct {
	Women   int
	Men     int
	Under35 int // members under 35, of either gender
}

// Total is the number of members.
func (m Members) Total() int { return m.Women + m.Men }

// Contact is how the public and the council reach an organisation. The Public flags are
// the representatives' choice of what the catalogue shows: the phone (and WhatsApp with
// it), the email, the address, the website and social links. The second phone is for the
// council only.
type Contact struct {
	Address       string
	Phone         string // E.164
	WhatsApp      bool   // Phone is on WhatsApp
	Phone2        string // E.164
	Email         string
	Website       string
	Facebook      string
	Instagram     string
	PhonePublic   bool
	EmailPublic   bool
	AddressPublic bool
	LinksPublic   bool // Website, Facebook and Instagram
}

// Organisation is one producer body in the registry.
type Organisation struct {
	ID           int64
	LegalForm    LegalForm
	Name         mltext.Text
	Identifiers  Identifiers
	FoundedOn    civil.Date
	ProvinceCode string
	Contact      Contact
	Members      Members
	WomenLed     bool
	YouthLed     bool
	Sector       taxonomy.Sector // the main sector: selection quotas count it
	Categories   []string        // taxonomy category codes
	Programmes   []taxonomy.Programme
	FoodSafetyNo string // ONSSA authorisation number, for those who sell food
	Description  mltext.Text
	Status       Status
	MergedInto   int64 // set when this record was merged into another; it is then hidden
}

// SellsFood reports whether any of the organisation's categories is food.
func (o *Organisation) SellsFood() bool {
	for _, code := range o.Categories {
		if c, ok := taxonomy.Lookup(code); ok && c.Food {
			return true
		}
	}
	return false
}
