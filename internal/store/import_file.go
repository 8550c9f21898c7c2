package store

import (
	"context"
	"slices"

	"github.com/aswaq/aswaq/internal/importer"
)

// FileImport tunes ImportFile.
type FileImport struct {
	ImportOptions
	// Cells keeps the cells of the rejected rows, for importer.Table.WriteRejected; without
	// it rejected rows carry only their errors, and a large file's mistakes cost little.
	Cells bool
	// Progress, when set, is called as the file is read (importer.Options.Progress).
	Progress func(rows int, done float64)
}

// FileReport is what importing a file did (or, in a dry run, would do): the store's
// summary, what reading the file counted, and every rejected row, whether the file's
// checks or the store refused it, in line order, with its errors located in the file.
type FileReport struct {
	Summary  ImportSummary
	Counts   importer.Counts
	Rejected []importer.Row
}

// RejectedRows counts the rows not imported, for any reason.
func (r FileReport) RejectedRows() int { return r.Counts.Rejected + r.Summary.RejectedRows() }

// Errors lists the errors of every rejected row, in line order.
func (r FileReport) Errors() []importer.RowError {
	var out []importer.RowError
	for _, row := range r.Rejected {
		out = append(out, row.Errors...)
	}
	return out
}

// ImportFile reads the valid rows of an opened file with mapping m and imports them
// (ImportOrganisations), then gathers the rows refused on the way. It is what the import
// command and the import pages share, so that both report the same thing.
func (s *Store) ImportFile(ctx context.Context, t *importer.Table, m importer.Mapping, opts FileImport) (FileReport, error) {
	var rep FileReport
	provinces, err := s.Reference().Provinces(ctx, "")
	if err != nil {
		return rep, err
	}
	read := importer.Options{Province: importer.ProvinceIndex(provinces), Progress: opts.Progress}
	// Records calls this from its reading goroutine, which has ended once the import has
	// consumed every record.
	records := t.Records(m, read, &rep.Counts, func(r *importer.Row) {
		if !opts.Cells {
			r.Cells = nil
		}
		rep.Rejected = append(rep.Rejected, *r)
	})
	rep.Summary, err = s.ImportOrganisations(ctx, records, opts.ImportOptions)
	if err != nil {
		return FileReport{}, err
	}
	for i := range rep.Summary.Rejected {
		m.Locate(&rep.Summary.Rejected[i], t.Headers())
	}
	for _, r := range importer.RowsOf(rep.Summary.Rejected) {
		if opts.Cells {
			r.Cells = rep.Summary.RejectedCells[r.Line]
		}
		rep.Rejected = append(rep.Rejected, r)
	}
	slices.SortStableFunc(rep.Rejected, func(a, b importer.Row) int { return a.Line - b.Line })
	return rep, nil
}
