package reference_test

import (
	"context"
	"testing"

	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
	"github.com/aswaq/aswaq/internal/reference"
)

func TestReferenceDataIsMigrated(t *testing.T) {
	// Counts per region as published in the national reference list (12 regions, 75
	// prefectures and provinces).
	want := map[string]int{"01": 8, "02": 8, "03": 9, "04": 7, "05": 5, "06": 9, "07": 8, "08": 5, "09": 6, "10": 4, "11": 4, "12": 2}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := reference.New(d)
		regions, err := s.Regions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(regions) != 12 {
			t.Fatalf("%d regions", len(regions))
		}
		total := 0
		for _, r := range regions {
			ps, err := s.Provinces(ctx, r.Code)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != want[r.Code] {
				t.Errorf("region %s (%s) has %d provinces, want %d", r.Code, r.NameFR, len(ps), want[r.Code])
			}
			total += len(ps)
		}
		if total != 75 {
			t.Errorf("%d provinces in all", total)
		}
		// Every row, names included, equals the reference list the migration came from.
		refRegions, refProvinces := geo.Reference()
		all, _ := s.Provinces(ctx, "")
		got := map[string]geo.Prov{}
		for _, p := range all {
			got[p.Code] = p
		}
		for _, p := range refProvinces {
			if got[p.Code] != p {
				t.Errorf("province %s: got %+v, want %+v", p.Code, got[p.Code], p)
			}
		}
		for i, r := range refRegions {
			if regions[i] != r {
				t.Errorf("region %d: got %+v, want %+v", i, regions[i], r)
			}
		}
	})
}
