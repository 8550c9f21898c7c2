package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/i18n"
)

// RowWriter writes a plain table (a header row, then rows of text and numbers) the way the
// registry export does: CSV in UTF-8 with a byte-order mark, ';'-separated with a decimal
// comma in Arabic and French; or XLSX with a frozen header, right to left in Arabic. Other
// exports (the applications of an edition) use it so every file Aswaq writes opens alike.
type RowWriter struct {
	w     io.Writer
	comma bool // decimal comma in CSV
	csv   *csv.Writer
	sheet *sheetWriter
}

// NewRowWriter starts a table in format, in z's language; sheetKey names the XLSX sheet.
func NewRowWriter(w io.Writer, format Format, z *i18n.Localizer, sheetKey string, header []string, widths map[int]float64) (*RowWriter, error) {
	rw := &RowWriter{w: w}
	switch format {
	case CSV:
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
		rw.csv = csv.NewWriter(w)
		if z.Lang() != i18n.EN {
			rw.csv.Comma, rw.comma = ';', true
		}
		return rw, rw.csv.Write(header)
	case XLSX:
		s, err := newSheetWriter(z, sheetKey, header, widths)
		rw.sheet = s
		return rw, err
	}
	return nil, refuse("importer.error.format", "format", string(format))
}

// Write adds a row of strings, ints and float64s; numbers stay numbers in XLSX.
func (rw *RowWriter) Write(cells []any) error {
	if rw.sheet != nil {
		return rw.sheet.add(cells)
	}
	rec := make([]string, len(cells))
	for i, c := range cells {
		switch v := c.(type) {
		case float64:
			rec[i] = strconv.FormatFloat(v, 'f', -1, 64)
			if rw.comma {
				rec[i] = strings.Replace(rec[i], ".", ",", 1)
			}
		case nil:
		default:
			rec[i] = fmt.Sprint(v)
		}
	}
	return rw.csv.Write(rec)
}

// Close finishes the file.
func (rw *RowWriter) Close() error {
	if rw.sheet != nil {
		return rw.sheet.finish(rw.w)
	}
	rw.csv.Flush()
	return rw.csv.Error()
}
