package importer

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/i18n"
)

// sheetWriter streams one sheet: a styled, frozen header row, then the rows; right to
// left when the language is Arabic.
type sheetWriter struct {
	book      *excelize.File
	sw        *excelize.StreamWriter
	row       int
	dateStyle int
	errStyle  int
}

func newSheetWriter(z *i18n.Localizer, sheetKey string, header []string, widths map[int]float64) (*sheetWriter, error) {
	book := excelize.NewFile()
	name := sheetName(z.T(sheetKey))
	if err := book.SetSheetName("Sheet1", name); err != nil {
		book.Close()
		return nil, err
	}
	rtl := z.Lang().Dir() == "rtl"
	if err := book.SetSheetView(name, -1, &excelize.ViewOptions{RightToLeft: &rtl}); err != nil {
		book.Close()
		return nil, err
	}
	headStyle, err := book.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}},
	})
	if err != nil {
		book.Close()
		return nil, err
	}
	format := "dd/mm/yyyy"
	dateStyle, err := book.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		book.Close()
		return nil, err
	}
	errStyle, err := book.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Color: "C00000"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		book.Close()
		return nil, err
	}
	sw, err := book.NewStreamWriter(name)
	if err != nil {
		book.Close()
		return nil, err
	}
	s := &sheetWriter{book: book, sw: sw, dateStyle: dateStyle, errStyle: errStyle}
	for i := range header {
		w, ok := widths[i]
		if !ok {
			w = 18
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, s.abort(err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, s.abort(err)
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := s.add(cells); err != nil {
		return nil, s.abort(err)
	}
	return s, nil
}

// sheetName keeps what Excel allows in a sheet name.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if strings.TrimSpace(s) == "" {
		s = "Sheet1"
	}
	return s
}

func (s *sheetWriter) add(cells []any) error {
	s.row++
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, cells)
}

func (s *sheetWriter) date(t time.Time) excelize.Cell {
	return excelize.Cell{StyleID: s.dateStyle, Value: t}
}

// finish writes the workbook to w.
func (s *sheetWriter) finish(w io.Writer) error {
	defer s.book.Close()
	if err := s.sw.Flush(); err != nil {
		return err
	}
	_, err := s.book.WriteTo(w)
	return err
}

func (s *sheetWriter) abort(err error) error {
	s.book.Close()
	return err
}

// RowsOf groups errors by line into rows without cells, in line order: what
// WriteRejected needs of the rows the store refused (store.ImportSummary.Rejected).
func RowsOf(errs []RowError) []Row {
	byLine := map[int]int{}
	var rows []Row
	for _, e := range errs {
		i, ok := byLine[e.Line]
		if !ok {
			i = len(rows)
			byLine[e.Line] = i
			rows = append(rows, Row{Line: e.Line})
		}
		rows[i].Errors = append(rows[i].Errors, e)
	}
	slices.SortStableFunc(rows, func(a, b Row) int { return a.Line - b.Line })
	return rows
}

// WriteRejected writes rejected rows as an XLSX workbook the organiser can correct and
// upload again: the header row of the file, then each row with its cells as they were,
// in line order, and a last column that says, in z's language, what is wrong with it. The
// sheet reads right to left in Arabic. Rows may come from Scan or Preview (with their
// cells) and from the store (RowsOf, without): the cells of those are read again from the
// file, in one pass, only if there are any. Several rows of the same line are merged. It
// returns how many rows it wrote.
func (t *Table) WriteRejected(w io.Writer, m Mapping, rows []Row, z *i18n.Localizer) (int, error) {
	byLine := map[int]*Row{}
	var lines []int
	missing := false
	for i := range rows {
		r := &rows[i]
		if prev, ok := byLine[r.Line]; ok {
			merged := *prev
			merged.Errors = append(slices.Clip(prev.Errors), r.Errors...)
			if merged.Cells == nil {
				merged.Cells = r.Cells
			}
			byLine[r.Line] = &merged
			continue
		}
		byLine[r.Line] = r
		lines = append(lines, r.Line)
	}
	for _, l := range lines {
		if byLine[l].Cells == nil {
			missing = true
		}
	}
	if missing {
		err := t.each(func(line int, cells []string, _ float64) error {
			if r, ok := byLine[line]; ok && r.Cells == nil && line > t.headerLine {
				c := *r
				c.Cells = append([]string{}, cells...)
				byLine[line] = &c
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	slices.Sort(lines)
	width := len(t.headers)
	header := append(slices.Clone(t.headers), z.T("importer.rejected.errors"))
	sw, err := newSheetWriter(z, "importer.rejected.sheet", header, map[int]float64{width: 70})
	if err != nil {
		return 0, err
	}
	today := civil.Of(time.Now().In(civil.Casablanca))
	for _, line := range lines {
		r := byLine[line]
		out := make([]any, width+1)
		for i := 0; i < width; i++ {
			if i >= len(r.Cells) {
				out[i] = ""
				continue
			}
			out[i] = r.Cells[i]
			// A date the sheet held as a serial number goes back as a date, not a number.
			if f := m.Field(i); (f == FoundedOn || f == ReceiptDate) && t.format == XLSX {
				if _, err := strconv.ParseFloat(r.Cells[i], 64); err == nil {
					if d, e := parseDate(r.Cells[i], t.date1904, today); e == dateOK {
						out[i] = sw.date(d.In(time.UTC))
					}
				}
			}
		}
		msgs := make([]string, len(r.Errors))
		for i, e := range r.Errors {
			msgs[i] = e.Detail(z)
		}
		out[width] = excelize.Cell{StyleID: sw.errStyle, Value: strings.Join(msgs, "\n")}
		if err := sw.add(out); err != nil {
			return 0, sw.abort(err)
		}
	}
	return len(lines), sw.finish(w)
}
