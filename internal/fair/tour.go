package fair

import (
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
)

// Tour groups the mobile-market editions that travel through a region's provinces in one
// year (Sefrou in July, Taza in December…), so the council can show where the market went
// and where it has yet to go.
type Tour struct {
	ID         int64
	RegionCode string
	Year       int
	Title      mltext.Text
}

// Validate checks a tour before it is stored.
func (t *Tour) Validate() error {
	t.Title = t.Title.Trimmed()
	var v apperr.Validation
	v.Check(t.RegionCode != "", "region", "fair.error.region_required")
	v.Check(t.Year >= 2000 && t.Year <= 2100, "year", "fair.error.tour_year")
	v.Check(t.Title.AR != "" && t.Title.FR != "", "title", "fair.error.title_required")
	return v.Err()
}
