// Package authz is the one place where Aswaq decides who may do what where. Every route
// declares a Permission and how to find the Resource it acts on; the web layer asks Can
// before the handler runs, and list pages ask Scope to filter what they show. Nothing else
// makes access decisions.
package authz

import (
	"slices"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/i18n"
)

// Principal is the signed-in user making a request, with their grants.
type Principal struct {
	UserID int64
	Name   string
	Lang   i18n.Lang
	Grants []account.Grant
}

// IsAdmin reports whether p is a platform admin.
func (p *Principal) IsAdmin() bool { return p != nil && p.has(account.Admin) }

func (p *Principal) has(role account.Role) bool {
	for _, g := range p.Grants {
		if g.Role == role {
			return true
		}
	}
	return false
}

// reviews reports whether p is a reviewer of edition id: reviewer grants name an edition,
// not a region, so they are matched on the edition itself.
func (p *Principal) reviews(id int64) bool {
	for _, g := range p.Grants {
		if g.Role == account.Reviewer && g.EditionID == id {
			return true
		}
	}
	return false
}

// EditionsReviewed returns the editions p is a reviewer of.
func (p *Principal) EditionsReviewed() []int64 {
	var out []int64
	if p == nil {
		return out
	}
	for _, g := range p.Grants {
		if g.Role == account.Reviewer && !slices.Contains(out, g.EditionID) {
			out = append(out, g.EditionID)
		}
	}
	return out
}

// represents reports whether p is a representative of organisation id.
func (p *Principal) represents(id int64) bool {
	for _, g := range p.Grants {
		if g.Role == account.Exhibitor && g.OrganisationID == id {
			return true
		}
	}
	return false
}

// Organisations returns the organisations p represents.
func (p *Principal) Organisations() []int64 {
	var out []int64
	if p == nil {
		return out
	}
	for _, g := range p.Grants {
		if g.Role == account.Exhibitor && !slices.Contains(out, g.OrganisationID) {
			out = append(out, g.OrganisationID)
		}
	}
	return out
}

// RegionsAs returns the regions in which p holds role, sorted.
func (p *Principal) RegionsAs(role account.Role) []string {
	var out []string
	if p == nil {
		return out
	}
	for _, g := range p.Grants {
		if g.Role == role && g.RegionCode != "" && !slices.Contains(out, g.RegionCode) {
			out = append(out, g.RegionCode)
		}
	}
	slices.Sort(out)
	return out
}

// Permission is an action a route performs.
type Permission string

// The permissions. Each is granted to roles in rules below.
const (
	Public      Permission = "public"       // anyone, signed in or not
	SignedIn    Permission = "signed_in"    // any signed-in user, on their own account
	ManageUsers Permission = "manage_users" // see, invite, enable, disable users; give and take grants
	ViewAudit   Permission = "view_audit"   // read the audit log
	ViewOutbox  Permission = "view_outbox"  // read the messages waiting to be sent

	ManageOrganisations Permission = "manage_organisations" // register, validate and merge organisations of a region
	EditOrganisation    Permission = "edit_organisation"    // edit one organisation's profile and products

	ManageEditions Permission = "manage_editions" // plan editions and tours of a region and move them through their life

	ReviewApplications Permission = "review_applications" // score the applications of an edition one reviews
	ReadApplication    Permission = "read_application"    // read one application and its documents
)

// Permissions lists every permission, for tests that walk them all.
var Permissions = []Permission{Public, SignedIn, ManageUsers, ViewAudit, ViewOutbox, ManageOrganisations, EditOrganisation, ManageEditions,
	ReviewApplications, ReadApplication}

// rules says which roles hold a permission within their regions. Admins hold every
// permission everywhere.
var rules = map[Permission][]account.Role{
	ManageUsers: {account.Organiser},
	ViewAudit:   {account.Organiser},
	ViewOutbox:  nil, // admins only

	ManageOrganisations: {account.Organiser},
	EditOrganisation:    {account.Organiser}, // and the organisation's own representatives: see can

	ManageEditions: {account.Organiser},

	// Reviewers hold these for their editions only, not for regions: see can.
	ReviewApplications: nil,
	ReadApplication:    {account.Organiser}, // and the edition's reviewers and the organisation's representatives
}

// Resource is where a request acts: the regions of the record it reads or changes. A
// collection (a list page, a form to create) has no regions. Whole asks that every region
// be within the user's scope, for changes to records that span several regions.
type Resource struct {
	Regions      []string
	Whole        bool
	Organisation int64      // the organisation the record belongs to, if any
	Edition      int64      // the edition the record belongs to, if any (for reviewers)
	And          []Resource // further resources the same permission must also cover
}

// Can reports whether p may use perm on res (and on every resource in res.And).
func Can(p *Principal, perm Permission, res Resource) bool {
	for _, more := range res.And {
		if !Can(p, perm, more) {
			return false
		}
	}
	return can(p, perm, res)
}

func can(p *Principal, perm Permission, res Resource) bool {
	switch perm {
	case Public:
		return true
	case SignedIn:
		return p != nil
	}
	if p == nil {
		return false
	}
	if p.IsAdmin() {
		return true
	}
	if (perm == EditOrganisation || perm == ReadApplication) && res.Organisation != 0 && p.represents(res.Organisation) {
		return true
	}
	if perm == ReviewApplications || perm == ReadApplication {
		if res.Edition != 0 && p.reviews(res.Edition) {
			return true
		}
		// The reviewer's own list is a collection: any reviewer may open it.
		if perm == ReviewApplications && res.Edition == 0 && len(res.Regions) == 0 && !res.Whole && p.has(account.Reviewer) {
			return true
		}
	}
	mine := regionsFor(p, perm)
	if len(mine) == 0 {
		return false
	}
	if len(res.Regions) == 0 {
		return !res.Whole // a collection: the list is filtered by Scope
	}
	for _, r := range res.Regions {
		in := slices.Contains(mine, r)
		if in && !res.Whole {
			return true
		}
		if !in && res.Whole {
			return false
		}
	}
	return res.Whole
}

// Scope tells a list page what p may see under perm: everything, or the given regions.
func Scope(p *Principal, perm Permission) (all bool, regions []string) {
	if p.IsAdmin() {
		return true, nil
	}
	return false, regionsFor(p, perm)
}

func regionsFor(p *Principal, perm Permission) []string {
	var out []string
	for _, role := range rules[perm] {
		for _, r := range p.RegionsAs(role) {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	return out
}
