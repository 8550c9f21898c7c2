package store

import (
	"context"
	"testing"
)

// TestPlacedOrganisationsCarryTheirNeeds: the answers to the call's power, water and
// accessibility questions become the needs the assignment meets.
func TestPlacedOrganisationsCarryTheirNeeds(t *testing.T) {
	searchEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		eid, orgs, _ := planFixture(t, s, 2)
		if _, err := s.db.ExecContext(ctx, `UPDATE applications SET answers = $1 WHERE organisation_id = $2`,
			`{"power":"yes","water":"no","accessibility":"yes"}`, orgs[0]); err != nil {
			t.Fatal(err)
		}
		placed, err := s.PlacedOrganisations(ctx, eid)
		if err != nil || len(placed) != 2 {
			t.Fatalf("%v: %+v", err, placed)
		}
		for _, p := range placed {
			want := p.OrganisationID == orgs[0]
			if p.Power != want || p.Access != want || p.Water {
				t.Errorf("organisation %d: power %v water %v access %v", p.OrganisationID, p.Power, p.Water, p.Access)
			}
		}
	})
}
