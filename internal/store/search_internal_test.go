package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

func searchEngines(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	open := func(t *testing.T, dsn string) *Store {
		s, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if _, err := s.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		return s
	}
	t.Run("sqlite", func(t *testing.T) { fn(t, open(t, filepath.Join(t.TempDir(), "aswaq.db"))) })
	if base := dbtest.URL(); base != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, open(t, dbtest.NewSchemaURL(t, base))) })
	}
}

// Large buckets come in document order and counts stop at their limit; paging stays
// consistent across both.
func TestSearchLargeBucketsAndCappedCounts(t *testing.T) {
	defer func(s, c int) { sortLimit, totalLimit = s, c }(sortLimit, totalLimit)
	sortLimit, totalLimit = 5, 12
	searchEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		var ids []int64
		// Names in the reverse of creation order, so that name order and document order
		// differ.
		for i := range 15 {
			o := org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: fmt.Sprintf("تعاونية %02d", 20-i)},
				ProvinceCode: "451", Sector: taxonomy.Handicraft}
			if i < 3 {
				o.Name.AR += " النور"
			}
			if err := s.CreateOrganisation(ctx, &o); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, o.ID)
		}
		page := func(text string, offset int) SearchResult {
			res, err := s.Search(ctx, SearchQuery{Text: text, Limit: 4, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		var got []int64
		for off := 0; off < 12; off += 4 {
			res := page("تعاونية", off)
			if res.Total != 12 || !res.Capped || res.BySector != nil {
				t.Fatalf("offset %d: total %d capped %v facets %v", off, res.Total, res.Capped, res.BySector)
			}
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
		}
		if !slices.Equal(got, ids[:12]) {
			t.Errorf("large bucket: %v, want document order %v", got, ids[:12])
		}
		// A small bucket is in name order: 18 النور, 19 النور, 20 النور.
		res := page("النور", 0)
		if res.Total != 3 || res.Capped || len(res.Hits) != 3 || res.Hits[0].ID != ids[2] || res.Hits[2].ID != ids[0] {
			t.Errorf("small bucket: %+v", res)
		}
		// Browsing without filters is by name; with filters, by name up to sortLimit
		// records, in document order beyond. Counts stop at the limit too.
		res, err := s.Search(ctx, SearchQuery{Limit: 2})
		if err != nil || res.Total != 12 || !res.Capped || len(res.Hits) != 2 || res.Hits[0].Name.AR != "تعاونية 06" {
			t.Errorf("browse: %+v %v", res, err)
		}
		res, err = s.Search(ctx, SearchQuery{Sector: "handicraft", Limit: 2, Offset: 1})
		if err != nil || res.Total != 12 || !res.Capped || len(res.Hits) != 2 || res.Hits[0].ID != ids[1] || res.Hits[1].ID != ids[2] {
			t.Errorf("browse with a filter: %+v %v", res, err)
		}
	})
}
