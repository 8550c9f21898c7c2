package web

import (
	"testing"

	"github.com/aswaq/aswaq/internal/store"
)

// The needs read from applications reach the assignment's problem.
func TestPlacementProblemCarriesNeeds(t *testing.T) {
	placed := []store.PlacedOrganisation{{OrganisationID: 7, LegalForm: "cooperative", Sector: "local_products", Power: true, Access: true},
		{OrganisationID: 8, LegalForm: "cooperative", Sector: "handicraft", Water: true}}
	pr := placementProblem(store.EditionPlan{}, placed)
	if len(pr.Orgs) != 2 || !pr.Orgs[0].Power || !pr.Orgs[0].Access || pr.Orgs[0].Water || !pr.Orgs[1].Water || pr.Orgs[1].Power {
		t.Fatalf("%+v", pr.Orgs)
	}
}
