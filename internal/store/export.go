package store

import (
	"context"
	"io"

	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// exportPage is how many organisations an export reads per query.
const exportPage = 1000

// ExportOrganisations calls fn for every organisation of the given regions (of every
// region when all is set), merged records left out, in id order with their categories
// and programmes. It reads a page at a time, so an export of the whole national registry
// keeps memory flat; it holds no transaction, so it never blocks writers.
func (s *Store) ExportOrganisations(ctx context.Context, all bool, regions []string, fn func(*org.Organisation) error) error {
	if !all && len(regions) == 0 {
		return nil
	}
	var after int64
	for {
		var args db.Args
		cond := `o.merged_into IS NULL AND o.id > ` + args.Add(after)
		lim := args.Add(exportPage)
		if !all {
			cond += ` AND ` + db.ProvinceInRegions(&args, "o.province_code", regions)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations o WHERE `+cond+` ORDER BY o.id LIMIT `+lim, args...)
		if err != nil {
			return err
		}
		list, err := s.scanOrganisations(ctx, rows)
		if err != nil {
			return err
		}
		for i := range list {
			if err := fn(&list[i]); err != nil {
				return err
			}
		}
		if len(list) < exportPage {
			return nil
		}
		after = list[len(list)-1].ID
	}
}

// ExportRegistry writes the organisations of the given regions (of every region when all
// is set) to w as a registry file in format f, with headers and values in lang
// (importer.Exporter), and returns how many it wrote. The export command and the
// registry's download share it.
func (s *Store) ExportRegistry(ctx context.Context, w io.Writer, f importer.Format, lang i18n.Lang, all bool, regions []string) (int, error) {
	provinces, err := s.Reference().Provinces(ctx, "")
	if err != nil {
		return 0, err
	}
	exp, err := importer.NewExporter(w, f, lang, provinces)
	if err != nil {
		return 0, err
	}
	if err := s.ExportOrganisations(ctx, all, regions, exp.Write); err != nil {
		return 0, err
	}
	return exp.Count(), exp.Close()
}
