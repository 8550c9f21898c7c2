package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/placement"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/venue"
)

// planFixture is an edition with n organisations selected (marked in the database directly:
// the selection's own tests cover how they get there) and a 40 × 20 m plan with one
// products pole of 3 × 3 m stands.
func planFixture(t *testing.T, s *Store, n int) (editionID int64, orgs []int64, p venue.Plan) {
	t.Helper()
	ctx := context.Background()
	e := fair.Edition{Kind: fair.MobileMarket, Number: 1, RegionCode: "03", ProvinceCode: "451",
		City: mltext.Text{AR: "صفرو", FR: "Sefrou"}, Venue: mltext.Text{AR: "ساحة", FR: "Place Massay"}, Title: mltext.Text{AR: "السوق", FR: "Marché"},
		StartsOn: civil.MustNew(2022, 7, 12), EndsOn: civil.MustNew(2022, 7, 16), AreaM2: 800}
	if err := s.Editions().CreateEdition(ctx, &e); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		o := org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: fmt.Sprintf("تعاونية %d", i), FR: fmt.Sprintf("Coopérative %d", i)},
			ProvinceCode: "451", Sector: taxonomy.LocalProducts, Categories: []string{"honey"}}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, `INSERT INTO applications (edition_id, organisation_id, status, decision, created_at, updated_at)
			VALUES ($1, $2, 'submitted', 'selected', $3, $3)`, e.ID, o.ID, dbTime(s.now())); err != nil {
			t.Fatal(err)
		}
		orgs = append(orgs, o.ID)
	}
	p = venue.Plan{Outline: venue.RectOutline(venue.Rect{W: 4000, H: 2000}),
		Zones: []venue.Zone{{Code: "P", Kind: fair.ProductsPole, Rect: venue.Rect{X: 100, Y: 100, W: 3800, H: 1800}}}}
	p, _, err := p.Generate(venue.Layout{Zone: "P", StandWidth: 300, StandDepth: 300, Aisle: 300})
	if err != nil {
		t.Fatal(err)
	}
	return e.ID, orgs, p
}

func TestPlanSavedOnlyWhenValid(t *testing.T) {
	searchEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		eid, _, p := planFixture(t, s, 0)
		if _, err := s.Plan(ctx, eid); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("no plan yet: %v", err)
		}
		if err := s.SavePlan(ctx, eid, p); err != nil {
			t.Fatal(err)
		}
		before, _, _ := s.Audit().Entries(ctx, audit.Filter{AllRegions: true})
		bad := map[string]func(q *venue.Plan){
			"venue.error.stand_overlap":   func(q *venue.Plan) { q.Stands[1].Rect = q.Stands[0].Rect },
			"venue.error.stand_outside":   func(q *venue.Plan) { q.Stands[0].Rect.X = 3900; q.Stands[0].Rect.Y = 1900 },
			"venue.error.stand_zero_size": func(q *venue.Plan) { q.Stands[0].Rect.W = 0 },
		}
		for key, change := range bad {
			q := p.Clone()
			change(&q)
			err := s.SavePlan(ctx, eid, q)
			e, ok := apperr.As(err)
			found := false
			for _, f := range e.Fields {
				found = found || f.Key == key
			}
			if !ok || e.Code != apperr.Invalid || !found {
				t.Errorf("%s: %v", key, err)
			}
		}
		after, _, _ := s.Audit().Entries(ctx, audit.Filter{AllRegions: true})
		got, err := s.Plan(ctx, eid)
		if err != nil || len(got.Plan.Stands) != len(p.Stands) || got.Plan.Stands[0] != p.Stands[0] || len(after) != len(before) {
			t.Fatalf("a refused plan changed something: %v, %d audit entries then %d", err, len(before), len(after))
		}
		if err := s.SavePractical(ctx, eid, mltext.Text{AR: "الوصول قبل الثامنة", FR: "Arrivée avant 8 h"}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Plan(ctx, eid)
		if got.Practical.FR != "Arrivée avant 8 h" {
			t.Fatalf("practical: %+v", got.Practical)
		}
	})
}

func TestAssignmentStoredAndPinsKept(t *testing.T) {
	searchEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		eid, orgs, p := planFixture(t, s, 3)
		if err := s.PinStand(ctx, eid, orgs[0], p.Stands[0].Code); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("pin without a plan: %v", err)
		}
		if err := s.SavePlan(ctx, eid, p); err != nil {
			t.Fatal(err)
		}
		last := p.Stands[len(p.Stands)-1].Code
		if err := s.PinStand(ctx, eid, orgs[0], last); err != nil {
			t.Fatal(err)
		}
		// A second organisation pinned to the same (single) stand is refused.
		if err := s.PinStand(ctx, eid, orgs[1], last); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("pin to an occupied stand: %v", err)
		}
		run := func() {
			t.Helper()
			placed, err := s.PlacedOrganisations(ctx, eid)
			if err != nil || len(placed) != 3 || placed[0].Categories[0] != "honey" {
				t.Fatalf("placed: %+v %v", placed, err)
			}
			stands, edges := placement.FromPlan(p)
			prob := placement.Problem{Stands: stands, Edges: edges}
			for _, o := range placed {
				prob.Orgs = append(prob.Orgs, placement.Org{ID: fmt.Sprint(o.OrganisationID), Class: placement.Product, Category: o.Categories[0]})
				if o.Pinned {
					prob.Pins = append(prob.Pins, placement.Pin{Org: fmt.Sprint(o.OrganisationID), Stand: o.Stand})
				}
			}
			res, err := placement.Assign(&prob, placement.Options{Iterations: 50})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SaveAssignment(ctx, eid, res, placement.Options{Iterations: 50}); err != nil {
				t.Fatal(err)
			}
		}
		run()
		run()
		as, _ := s.StandAssignments(ctx, eid)
		pinned := 0
		for _, a := range as {
			if a.OrganisationID == orgs[0] && (a.Stand != last || !a.Pinned) {
				t.Fatalf("pin lost on a second run: %+v", a)
			}
			if a.Pinned {
				pinned++
			}
		}
		ep, _ := s.Plan(ctx, eid)
		if len(as) != 3 || pinned != 1 || ep.LastRun == nil || ep.LastRun.Assigned != 3 {
			t.Fatalf("assignments %+v, run %+v", as, ep.LastRun)
		}
		// Deleting the pinned stand drops its assignment with it.
		q, err := p.Delete(last)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SavePlan(ctx, eid, q); err != nil {
			t.Fatal(err)
		}
		as, _ = s.StandAssignments(ctx, eid)
		if len(as) != 2 {
			t.Fatalf("after deleting a stand: %+v", as)
		}
		if err := s.UnpinStand(ctx, eid, orgs[0]); err != nil {
			t.Fatal(err)
		}
	})
}
