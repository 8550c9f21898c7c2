package account

import "github.com/aswaq/aswaq/internal/apperr"

// Role is what a user does in Aswaq. Each role has its own kind of scope.
type Role string

// The roles, from the widest to the narrowest scope.
const (
	Admin      Role = "admin"       // the whole platform
	Organiser  Role = "organiser"   // a region's council staff: one region per grant
	Partner    Role = "partner"     // read-only reports of one region per grant
	Reviewer   Role = "reviewer"    // scores the applications of one edition per grant
	FieldAgent Role = "field_agent" // gate and desk of one edition
	Exhibitor  Role = "exhibitor"   // represents one organisation
)

// Roles lists every role, in the order forms offer them.
var Roles = []Role{Admin, Organiser, Partner, Reviewer, FieldAgent, Exhibitor}

// Scope is what a grant's scope is made of.
type Scope int

// The kinds of scope.
const (
	ScopeNone Scope = iota
	ScopeRegion
	ScopeEdition
	ScopeOrganisation
)

// Scope tells which kind of scope the role takes.
func (r Role) Scope() Scope {
	switch r {
	case Organiser, Partner:
		return ScopeRegion
	case Reviewer, FieldAgent:
		return ScopeEdition
	case Exhibitor:
		return ScopeOrganisation
	}
	return ScopeNone
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.Scope() != ScopeNone || r == Admin }

// Grant gives a user a role within a scope. Only the field of the role's scope is set.
// RegionCode is also filled, when read back from the store, for edition and organisation
// grants: it is the region the edition or organisation belongs to, which is what decides
// which organisers may manage the grant.
type Grant struct {
	ID             int64
	UserID         int64
	Role           Role
	RegionCode     string
	EditionID      int64
	OrganisationID int64
}

// Validate checks that the grant names a known role and exactly the scope that role takes.
func (g *Grant) Validate() error {
	var v apperr.Validation
	if !g.Role.Valid() {
		v.Add("role", "account.error.role_invalid")
		return v.Err()
	}
	switch g.Role.Scope() {
	case ScopeNone:
		g.RegionCode, g.EditionID, g.OrganisationID = "", 0, 0
	case ScopeRegion:
		v.Check(g.RegionCode != "", "region", "account.error.region_required")
		g.EditionID, g.OrganisationID = 0, 0
	case ScopeEdition:
		v.Check(g.EditionID > 0, "edition", "account.error.edition_required")
		g.OrganisationID = 0
	case ScopeOrganisation:
		v.Check(g.OrganisationID > 0, "organisation", "account.error.organisation_required")
		g.EditionID = 0
	}
	return v.Err()
}
