package store

import (
	"context"
	"strings"

	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/textfold"
)

// OrgFilter narrows the organisers' list of organisations.
type OrgFilter struct {
	AllRegions bool
	Regions    []string
	Query      string // a piece of the name (any spelling variant), an ICE or a register number
	Province   string
	Sector     string
	Status     org.Status
	Limit      int
	Offset     int
}

// ListOrganisations lists organisations by Arabic name within the filter, with the total
// count for paging. Merged records are left out.
func (s *Store) ListOrganisations(ctx context.Context, f OrgFilter) ([]org.Organisation, int, error) {
	where := []string{"o.merged_into IS NULL"}
	var args db.Args
	arg := args.Add
	if !f.AllRegions {
		if len(f.Regions) == 0 {
			return nil, 0, nil
		}
		where = append(where, db.ProvinceInRegions(&args, "o.province_code", f.Regions))
	}
	if q := textfold.Fold(f.Query); q != "" {
		like := arg("%" + q + "%")
		digits := org.Digits(f.Query)
		cond := `o.name_key LIKE ` + like + ` OR LOWER(o.name_fr) LIKE ` + like
		if digits != "" {
			cond += ` OR o.ice = ` + arg(digits)
		}
		cond += ` OR o.register_number = ` + arg(strings.TrimSpace(f.Query))
		where = append(where, "("+cond+")")
	}
	if f.Province != "" {
		where = append(where, "o.province_code = "+arg(f.Province))
	}
	if f.Sector != "" {
		where = append(where, "o.sector = "+arg(f.Sector))
	}
	if f.Status != "" {
		where = append(where, "o.status = "+arg(f.Status))
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations o`+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations o`+cond+
		` ORDER BY o.name_ar, o.id LIMIT `+arg(limit)+` OFFSET `+arg(max(f.Offset, 0)), args...)
	if err != nil {
		return nil, 0, err
	}
	list, err := s.scanOrganisations(ctx, rows)
	return list, total, err
}
