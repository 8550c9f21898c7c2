package authz

import (
	"testing"

	"github.com/aswaq/aswaq/internal/account"
)

func TestCan(t *testing.T) {
	admin := &Principal{UserID: 1, Grants: []account.Grant{{Role: account.Admin}}}
	fesOrganiser := &Principal{UserID: 2, Grants: []account.Grant{{Role: account.Organiser, RegionCode: "03"}}}
	twoRegions := &Principal{UserID: 3, Grants: []account.Grant{{Role: account.Organiser, RegionCode: "03"}, {Role: account.Organiser, RegionCode: "05"}}}
	partner := &Principal{UserID: 4, Grants: []account.Grant{{Role: account.Partner, RegionCode: "03"}}}
	exhibitor := &Principal{UserID: 5, Grants: []account.Grant{{Role: account.Exhibitor, OrganisationID: 9, RegionCode: "03"}}}

	// Reviewer grants read back from the store also carry their edition's region.
	sefrouReviewer := &Principal{UserID: 6, Grants: []account.Grant{{Role: account.Reviewer, EditionID: 12, RegionCode: "03"}}}
	sefrouAgent := &Principal{UserID: 7, Grants: []account.Grant{{Role: account.FieldAgent, EditionID: 12, RegionCode: "03"}}}

	fes := Resource{Regions: []string{"03"}}
	souss := Resource{Regions: []string{"09"}}
	fesAndBeniMellal := Resource{Regions: []string{"03", "05"}}
	for _, c := range []struct {
		name string
		p    *Principal
		perm Permission
		res  Resource
		want bool
	}{
		{"anyone reads public pages", nil, Public, Resource{}, true},
		{"anonymous has no account", nil, SignedIn, Resource{}, false},
		{"signed-in has an account", exhibitor, SignedIn, Resource{}, true},
		{"anonymous manages nothing", nil, ManageUsers, Resource{}, false},
		{"admin manages everywhere", admin, ManageUsers, souss, true},
		{"admin reads the outbox", admin, ViewOutbox, Resource{}, true},
		{"organiser lists users", fesOrganiser, ManageUsers, Resource{}, true},
		{"organiser manages own region", fesOrganiser, ManageUsers, fes, true},
		{"organiser cannot reach another region", fesOrganiser, ManageUsers, souss, false},
		{"organiser sees a record in one of its regions", fesOrganiser, ManageUsers, fesAndBeniMellal, true},
		{"organiser cannot change what spans another region", fesOrganiser, ManageUsers, Resource{Regions: []string{"03", "05"}, Whole: true}, false},
		{"organiser of both regions can", twoRegions, ManageUsers, Resource{Regions: []string{"03", "05"}, Whole: true}, true},
		{"a record of no region is the admins'", fesOrganiser, ManageUsers, Resource{Whole: true}, false},
		{"organiser does not read the outbox", fesOrganiser, ViewOutbox, Resource{}, false},
		{"partner does not manage users", partner, ManageUsers, fes, false},
		{"exhibitor does not read the audit", exhibitor, ViewAudit, fes, false},
		{"a representative edits its own organisation", exhibitor, EditOrganisation, Resource{Regions: []string{"03"}, Organisation: 9}, true},
		{"a representative cannot edit another organisation", exhibitor, EditOrganisation, Resource{Regions: []string{"03"}, Organisation: 10}, false},
		{"a representative does not manage the registry", exhibitor, ManageOrganisations, fes, false},
		{"the region's organiser edits any of its organisations", fesOrganiser, EditOrganisation, Resource{Regions: []string{"03"}, Organisation: 10}, true},
		{"another region's organiser cannot", &Principal{Grants: []account.Grant{{Role: account.Organiser, RegionCode: "09"}}}, EditOrganisation, Resource{Regions: []string{"03"}, Organisation: 10}, false},
		{"a reviewer scores the applications of their edition", sefrouReviewer, ReviewApplications, Resource{Regions: []string{"03"}, Edition: 12}, true},
		{"a reviewer does not score another edition's", sefrouReviewer, ReviewApplications, Resource{Regions: []string{"03"}, Edition: 13}, false},
		{"a reviewer opens their own list", sefrouReviewer, ReviewApplications, Resource{}, true},
		{"a field agent of the edition does not review", sefrouAgent, ReviewApplications, Resource{Regions: []string{"03"}, Edition: 12}, false},
		{"a field agent has no review list", sefrouAgent, ReviewApplications, Resource{}, false},
		{"an organiser does not score", fesOrganiser, ReviewApplications, Resource{Regions: []string{"03"}, Edition: 12}, false},
		{"an organiser has no review list", fesOrganiser, ReviewApplications, Resource{}, false},
		{"admin reviews anywhere", admin, ReviewApplications, Resource{Edition: 13}, true},
		{"a reviewer does not manage the edition", sefrouReviewer, ManageEditions, Resource{Regions: []string{"03"}, Edition: 12}, false},
		{"a reviewer reads an application of their edition", sefrouReviewer, ReadApplication, Resource{Regions: []string{"03"}, Edition: 12, Organisation: 10}, true},
		{"a reviewer does not read another edition's", sefrouReviewer, ReadApplication, Resource{Regions: []string{"03"}, Edition: 13, Organisation: 10}, false},
		{"the region's organiser reads it", fesOrganiser, ReadApplication, Resource{Regions: []string{"03"}, Edition: 13, Organisation: 10}, true},
		{"another region's organiser does not", &Principal{Grants: []account.Grant{{Role: account.Organiser, RegionCode: "05"}}}, ReadApplication, Resource{Regions: []string{"03"}, Edition: 13, Organisation: 10}, false},
		{"the applicant's representative reads it", exhibitor, ReadApplication, Resource{Regions: []string{"03"}, Edition: 13, Organisation: 9}, true},
		{"another organisation's representative does not", exhibitor, ReadApplication, Resource{Regions: []string{"03"}, Edition: 13, Organisation: 10}, false},
		{"both parts in scope", fesOrganiser, ManageUsers, Resource{Regions: []string{"03"}, And: []Resource{{Regions: []string{"03"}, Whole: true}}}, true},
		{"second part out of scope", fesOrganiser, ManageUsers, Resource{Regions: []string{"03"}, And: []Resource{{Regions: []string{"09"}, Whole: true}}}, false},
	} {
		if got := Can(c.p, c.perm, c.res); got != c.want {
			t.Errorf("%s: Can = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestScope(t *testing.T) {
	if all, _ := Scope(&Principal{Grants: []account.Grant{{Role: account.Admin}}}, ViewAudit); !all {
		t.Fatal("admin sees all")
	}
	p := &Principal{Grants: []account.Grant{{Role: account.Organiser, RegionCode: "05"}, {Role: account.Organiser, RegionCode: "03"}, {Role: account.Partner, RegionCode: "08"}}}
	all, regions := Scope(p, ManageUsers)
	if all || len(regions) != 2 || regions[0] != "03" || regions[1] != "05" {
		t.Fatalf("Scope = %v %v", all, regions)
	}
	if _, regions := Scope(nil, ManageUsers); len(regions) != 0 {
		t.Fatal("anonymous has no scope")
	}
}
