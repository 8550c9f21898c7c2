// Package org is the domain of the organisations that apply to and exhibit at fairs:
// cooperatives, associations, economic interest groups and the other forms of the social
// and solidarity economy.
package org

import (
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
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

// Sector is the broad field an organisation works in; selection quotas are set per sector.
type Sector string

// The sectors of the seeds.
const (
	Handicraft       Sector = "handicraft"
	LocalProducts    Sector = "local_products"
	NaturalCosmetics Sector = "natural_cosmetics"
	Services         Sector = "services"
)

// Sectors lists every sector.
var Sectors = []Sector{Handicraft, LocalProducts, NaturalCosmetics, Services}

// Organisation is one producer body in the registry.
type Organisation struct {
	ID           int64
	LegalForm    LegalForm
	Name         mltext.Text
	ProvinceCode string
	Sector       Sector
	WomenLed     bool
	YouthLed     bool
}

// Validate checks an organisation before it is stored and reports every problem at once.
func (o *Organisation) Validate() error {
	o.Name = o.Name.Trimmed()
	var v apperr.Validation
	v.Check(contains(LegalForms, o.LegalForm), "legal_form", "org.error.legal_form")
	v.Check(o.Name.AR != "", "name_ar", "org.error.name_ar_required")
	v.Check(o.ProvinceCode != "", "province", "org.error.province_required")
	v.Check(contains(Sectors, o.Sector), "sector", "org.error.sector")
	return v.Err()
}

func contains[T comparable](list []T, x T) bool {
	for _, y := range list {
		if x == y {
			return true
		}
	}
	return false
}
