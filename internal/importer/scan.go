package importer

import (
	"iter"
	"strings"

	"github.com/aswaq/aswaq/internal/textfold"
)

// Counts sums up a pass over the data rows.
type Counts struct {
	Read     int // non-empty data rows
	Valid    int
	Rejected int
	Empty    int // empty rows (and repeated header rows) between data rows, skipped
}

// Scan reads every data row (the rows after the header) with mapping m and passes each
// non-empty one to fn, converted and checked, in file order. Empty rows and rows that
// repeat the header (files printed page by page) are skipped and counted. Rows are read
// one at a time from the source; fn may keep the rows it is given.
func (t *Table) Scan(m Mapping, opts Options, fn func(*Row) error) (Counts, error) {
	conv := newConverter(m, t.headers, opts, t.date1904)
	header := make([]string, len(t.headers))
	for i, h := range t.headers {
		header[i] = textfold.Fold(h)
	}
	var c Counts
	pendingEmpty := 0
	err := t.each(func(line int, cells []string, done float64) error {
		if line <= t.headerLine {
			return nil
		}
		if allBlank(cells) || repeatsHeader(cells, header) {
			pendingEmpty++
			return nil
		}
		c.Empty += pendingEmpty
		pendingEmpty = 0
		c.Read++
		if opts.Progress != nil && c.Read%250 == 0 {
			opts.Progress(c.Read, done)
		}
		row := conv.row(line, append([]string(nil), cells...))
		if row.Valid() {
			c.Valid++
		} else {
			c.Rejected++
		}
		return fn(row)
	})
	if opts.Progress != nil && err == nil {
		opts.Progress(c.Read, 1)
	}
	return c, err
}

// repeatsHeader reports a row whose non-empty cells (two at least) are the header's.
func repeatsHeader(cells, header []string) bool {
	n := 0
	for i, c := range cells {
		if blank(c) {
			continue
		}
		if i >= len(header) || textfold.Fold(c) != header[i] {
			return false
		}
		n++
	}
	return n >= 2
}

// Records yields the valid rows as records for the store (store.ImportOrganisations), in
// file order. The file is read and checked in a goroutine of its own, a few hundred rows
// ahead of the consumer, so that reading the file and writing the database overlap.
// Rejected rows go to rejected, when not nil, and opts.Progress is called, from that
// goroutine. A failure to read the file is yielded last, with a zero Record; the counts
// are in *counts once the sequence is done.
func (t *Table) Records(m Mapping, opts Options, counts *Counts, rejected func(*Row)) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		ch := make(chan Record, 512)
		stop := make(chan struct{})
		var scanErr error
		go func() {
			defer close(ch)
			c, err := t.Scan(m, opts, func(r *Row) error {
				if !r.Valid() {
					if rejected != nil {
						rejected(r)
					}
					return nil
				}
				select {
				case ch <- r.Record():
					return nil
				case <-stop:
					return errStop
				}
			})
			if counts != nil {
				*counts = c
			}
			scanErr = err
		}()
		for rec := range ch {
			if !yield(rec, nil) {
				close(stop)
				for range ch { // wait for the reader to stop
				}
				return
			}
		}
		if scanErr != nil && scanErr != errStop {
			yield(Record{}, scanErr)
		}
	}
}

// Preview is what a preview page shows before anything is stored: how the file was
// read, the counts, every rejected row with its errors, and the first valid rows.
type Preview struct {
	Format     Format
	Sheet      string
	HeaderLine int
	Headers    []string
	Mapping    Mapping
	Counts     Counts
	Valid      []Row // the first valid rows, as many as asked
	Rejected   []Row // every rejected row, with its cells and errors
}

// Preview reads the whole file with mapping m. It keeps every rejected row and the first
// keepValid valid ones, so its size follows the errors, not the file.
func (t *Table) Preview(m Mapping, opts Options, keepValid int) (*Preview, error) {
	p := &Preview{Format: t.format, Sheet: t.sheet, HeaderLine: t.headerLine, Headers: t.headers, Mapping: m}
	c, err := t.Scan(m, opts, func(r *Row) error {
		switch {
		case !r.Valid():
			p.Rejected = append(p.Rejected, *r)
		case len(p.Valid) < keepValid:
			p.Valid = append(p.Valid, *r)
		}
		return nil
	})
	p.Counts = c
	return p, err
}

// Errors lists the errors of every rejected row, in file order.
func (p *Preview) Errors() []RowError {
	var out []RowError
	for _, r := range p.Rejected {
		out = append(out, r.Errors...)
	}
	return out
}

// Locate fills the column and header of an error the store reported about a field (the
// store knows fields, not columns); Field may also be a field name of org.Validate.
func (m Mapping) Locate(e *RowError, headers []string) {
	if e.Column >= 0 || e.Field == Ignore {
		return
	}
	for _, f := range append([]Field{e.Field}, orgFieldColumns[string(e.Field)]...) {
		if col := m.Column(f); col >= 0 {
			e.Column = col
			if col < len(headers) {
				e.Header = strings.TrimSpace(headers[col])
			}
			return
		}
	}
}
