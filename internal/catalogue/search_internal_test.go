package catalogue

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// addOrganisation writes an organisation row as the registry would and indexes it, as the
// registry's create does in its transaction.
func addOrganisation(t *testing.T, s *Service, o *org.Organisation) {
	t.Helper()
	ctx := context.Background()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		now := db.TimeArg(s.db.Now())
		if err := tx.QueryRowContext(ctx, `INSERT INTO organisations (legal_form, name_ar, province_code, sector, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`, o.LegalForm, o.Name.AR, o.ProvinceCode, o.Sector, now).Scan(&o.ID); err != nil {
			return err
		}
		return s.IndexOrganisation(ctx, tx, o.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Large buckets come in document order and counts stop at their limit; paging stays
// consistent across both.
func TestSearchLargeBucketsAndCappedCounts(t *testing.T) {
	defer func(s, c int) { sortLimit, totalLimit = s, c }(sortLimit, totalLimit)
	sortLimit, totalLimit = 5, 12
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := New(d)
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
			addOrganisation(t, s, &o)
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
