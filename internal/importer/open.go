package importer

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/aswaq/aswaq/internal/apperr"
)

// Format is the kind of file: CSV or XLSX, told from the content, not the file name.
type Format string

// The formats Aswaq reads and writes.
const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// headerSearchRows is how many non-empty rows the header row is looked for in: councils'
// files often start with a title, a date and a blank line.
const headerSearchRows = 30

// Table is an opened registry file: its format, the sheet (XLSX) or the encoding and
// delimiter (CSV), and the header row. Rows are read again from the source at each pass
// (Scan, Preview, Records, WriteRejected), so a 60,000-row file is never held in memory;
// the source must stay readable until Close.
type Table struct {
	format Format
	src    io.ReaderAt
	size   int64

	// CSV
	skip     int64 // byte-order mark
	enc      encoding.Encoding
	encName  string
	comma    rune
	sepHint  bool // the first line is Excel's "sep=;"
	book     *excelize.File
	sheet    string
	date1904 bool
	lastRow  int

	headerLine int
	headers    []string
	sample     [][]string
}

// Open reads the start of a file to tell its format and find its header row. It refuses,
// with an apperr.Invalid error whose key says why (importer.error.file_*), a file that is
// empty, not a CSV or XLSX file (a PDF, an old .xls, an .ods, an image, even renamed
// .xlsx), damaged, or without a recognisable header row (importer.error.no_header).
func Open(src io.ReaderAt, size int64) (*Table, error) {
	if size <= 0 {
		return nil, refuse("importer.error.file_empty")
	}
	head := make([]byte, min(size, 8192))
	if _, err := src.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, err
	}
	t := &Table{src: src, size: size}
	var err error
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return nil, refuse("importer.error.file_pdf")
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return nil, refuse("importer.error.file_xls")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		err = t.openXLSX()
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		err = t.openCSV(head)
	case looksBinary(head):
		return nil, refuse("importer.error.file_unknown")
	default:
		err = t.openCSV(head)
	}
	if err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

func refuse(key string, args ...any) error { return apperr.New(apperr.Invalid, key, args...) }

// looksBinary reports control bytes that text files do not have (images, archives,
// executables).
func looksBinary(head []byte) bool {
	for _, magic := range [][]byte{{0x89, 'P', 'N', 'G'}, {0xFF, 0xD8, 0xFF}, []byte("GIF8"), []byte("{\\rtf"),
		{0x1F, 0x8B}, []byte("Rar!"), []byte("7z\xBC\xAF")} {
		if bytes.HasPrefix(head, magic) {
			return true
		}
	}
	for _, b := range head {
		if b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1A {
			return true
		}
	}
	return false
}

// Format is the file's format.
func (t *Table) Format() Format { return t.format }

// Sheet is the name of the sheet read (XLSX), or "".
func (t *Table) Sheet() string { return t.sheet }

// Encoding names the text encoding of a CSV file ("utf-8", "windows-1256", …).
func (t *Table) Encoding() string { return t.encName }

// Delimiter is the CSV field separator found (',', ';' or tab), or 0 for XLSX.
func (t *Table) Delimiter() rune { return t.comma }

// HeaderLine is the line (CSV) or row number (XLSX) of the header row, from 1.
func (t *Table) HeaderLine() int { return t.headerLine }

// Headers are the cells of the header row.
func (t *Table) Headers() []string { return t.headers }

// Sample returns up to five data rows after the header, for a mapping form to show.
func (t *Table) Sample() [][]string { return t.sample }

// Propose maps the header row to fields (see Propose).
func (t *Table) Propose() Mapping { return Propose(t.headers) }

// Close releases the temporary files of an XLSX file. It does not close the source.
func (t *Table) Close() error {
	if t.book != nil {
		err := t.book.Close()
		t.book = nil
		return err
	}
	return nil
}

// --- CSV ---

func (t *Table) openCSV(head []byte) error {
	t.format = CSV
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		t.skip, t.encName = 3, "utf-8"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		t.skip, t.enc, t.encName = 2, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		t.skip, t.enc, t.encName = 2, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	default:
		enc, name, err := guessEncoding(io.NewSectionReader(t.src, 0, t.size))
		if err != nil {
			return err
		}
		t.enc, t.encName = enc, name
	}
	// The first 64 KB, decoded, tell the delimiter.
	start, err := io.ReadAll(io.LimitReader(t.textReader(nil), 64<<10))
	if err != nil {
		return err
	}
	text := string(start)
	if strings.TrimSpace(text) == "" {
		return refuse("importer.error.file_empty")
	}
	if first := strings.TrimLeft(text, " \t\r\n"); strings.HasPrefix(first, "<") {
		return refuse("importer.error.file_unknown") // HTML or XML saved as .xls or .csv
	}
	if line, _, _ := strings.Cut(text, "\n"); strings.HasPrefix(strings.ToLower(strings.TrimSpace(line)), "sep=") {
		if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(line)[4:]); r != utf8.RuneError {
			t.comma, t.sepHint = r, true
		}
	}
	if t.comma == 0 {
		if i := strings.LastIndexByte(text, '\n'); i > 0 && len(start) == 64<<10 {
			text = text[:i]
		}
		t.comma = guessDelimiter(text)
	}
	return t.findHeader()
}

// textReader returns the file as UTF-8 text, counting the bytes read into n.
func (t *Table) textReader(n *int64) io.Reader {
	var r io.Reader = io.NewSectionReader(t.src, t.skip, t.size-t.skip)
	if n != nil {
		r = &countingReader{r: r, n: n}
	}
	if t.enc != nil {
		r = t.enc.NewDecoder().Reader(r)
	}
	return r
}

type countingReader struct {
	r io.Reader
	n *int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// guessEncoding reads the whole file once: valid UTF-8 is UTF-8; otherwise the file is
// in one of the Windows code pages Excel writes in Morocco, Arabic (1256) or Western
// (1252, a superset of Latin-1), told apart by which bytes occur. Both put the French
// accented small letters at the same places, so French text reads right either way.
func guessEncoding(r io.Reader) (encoding.Encoding, string, error) {
	buf := make([]byte, 64<<10)
	var carry []byte
	valid := true
	var arabic, other int
	for {
		n, err := r.Read(buf)
		chunk := append(carry, buf[:n]...)
		carry = nil
		if valid {
			// Keep an incomplete rune at the end for the next chunk.
			end := len(chunk)
			for i := 1; i <= 3 && i <= end; i++ {
				if utf8.RuneStart(chunk[end-i]) {
					if !utf8.FullRune(chunk[end-i:]) && err == nil {
						carry = append(carry, chunk[end-i:]...)
						chunk = chunk[:end-i]
					}
					break
				}
			}
			if !utf8.Valid(chunk) {
				valid = false
			}
		}
		for _, b := range chunk {
			if b >= 0x80 {
				if cp1256Arabic(b) {
					arabic++
				} else {
					other++
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", err
		}
	}
	switch {
	case valid:
		return nil, "utf-8", nil
	case arabic > other/2:
		return charmap.Windows1256, "windows-1256", nil
	default:
		return charmap.Windows1252, "windows-1252", nil
	}
}

// cp1256Arabic reports bytes that are Arabic letters in Windows-1256 and that French
// text in Windows-1252 rarely has (capital accented letters and symbols).
func cp1256Arabic(b byte) bool {
	switch {
	case b >= 0xC1 && b <= 0xD6, b >= 0xD8 && b <= 0xDF:
		return true
	case b == 0xE1, b >= 0xE3 && b <= 0xE6, b == 0xEC, b == 0xED, b >= 0xF0 && b <= 0xF3, b == 0xF5, b == 0xF6, b == 0xF8, b == 0xFA:
		return true
	}
	return false
}

// guessDelimiter picks the separator that cuts the most lines into the same number of
// fields (more than one).
func guessDelimiter(text string) rune {
	best, bestScore, bestWidth := ',', -1, 0
	for _, d := range []rune{';', ',', '\t', '|'} {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = d, true, -1
		counts := map[int]int{}
		for i := 0; i < 60; i++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) > 1 {
				counts[len(rec)]++
			}
		}
		score, width := 0, 0
		for w, n := range counts {
			if n > score || n == score && w > width {
				score, width = n, w
			}
		}
		if score > bestScore || score == bestScore && width > bestWidth {
			best, bestScore, bestWidth = d, score, width
		}
	}
	return best
}

func (t *Table) eachCSV(fn func(line int, cells []string, done float64) error) error {
	var n int64
	r := csv.NewReader(t.textReader(&n))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord, r.ReuseRecord = t.comma, true, -1, true
	next := 1 // the line after the previous record
	first := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return refuse("importer.error.csv_syntax", "line", strconv.Itoa(pe.StartLine))
			}
			return err
		}
		line, _ := r.FieldPos(0)
		if first && t.sepHint {
			first = false
			next = line + 1
			continue
		}
		first = false
		for ; next < line; next++ { // blank lines, which encoding/csv skips
			if err := fn(next, nil, -1); err != nil {
				return err
			}
		}
		next = line + 1
		for _, c := range rec {
			next += strings.Count(c, "\n")
		}
		done := -1.0
		if t.size > 0 {
			done = min(1, float64(n)/float64(t.size))
		}
		if err := fn(line, rec, done); err != nil {
			return err
		}
	}
}

// --- XLSX ---

func (t *Table) openXLSX() error {
	t.format = XLSX
	zr, err := zip.NewReader(t.src, t.size)
	if err != nil {
		return refuse("importer.error.file_corrupt")
	}
	var hasWorkbook, isODS bool
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "xl/workbook.xml":
			hasWorkbook = true
		case "mimetype", "content.xml":
			isODS = true
		}
	}
	switch {
	case isODS && !hasWorkbook:
		return refuse("importer.error.file_ods")
	case !hasWorkbook:
		return refuse("importer.error.file_unknown")
	}
	// Sheets of more than a megabyte are unzipped to temporary files and read as streams.
	opts := excelize.Options{UnzipXMLSizeLimit: 1 << 20}
	if f, ok := t.src.(*os.File); ok {
		t.book, err = excelize.OpenFile(f.Name(), opts)
	} else {
		t.book, err = excelize.OpenReader(io.NewSectionReader(t.src, 0, t.size), opts)
	}
	if err != nil {
		return refuse("importer.error.file_corrupt")
	}
	if props, err := t.book.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		t.date1904 = *props.Date1904
	}
	for _, name := range t.book.GetSheetList() {
		if visible, err := t.book.GetSheetVisible(name); err != nil || !visible {
			continue
		}
		t.sheet = name
		found := false
		err := t.eachXLSX(func(_ int, cells []string, _ float64) error {
			if !allBlank(cells) {
				found = true
				return errStop
			}
			return nil
		})
		if err != nil && err != errStop {
			return refuse("importer.error.file_corrupt")
		}
		if found {
			break
		}
		t.sheet = ""
	}
	if t.sheet == "" {
		return refuse("importer.error.file_empty")
	}
	if dim, err := t.book.GetSheetDimension(t.sheet); err == nil {
		if _, end, ok := strings.Cut(dim, ":"); ok {
			if _, row, err := excelize.CellNameToCoordinates(end); err == nil {
				t.lastRow = row
			}
		}
	}
	return t.findHeader()
}

var errStop = errors.New("stop")

func (t *Table) eachXLSX(fn func(line int, cells []string, done float64) error) error {
	rows, err := t.book.Rows(t.sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	raw := excelize.Options{RawCellValue: true}
	line := 0
	for rows.Next() {
		line++
		cells, err := rows.Columns(raw)
		if err != nil {
			return err
		}
		done := -1.0
		if t.lastRow > 0 {
			done = min(1, float64(line)/float64(t.lastRow))
		}
		if err := fn(line, cells, done); err != nil {
			return err
		}
	}
	return rows.Error()
}

// each calls fn for every row of the file, from the first, with its line or row number;
// blank lines come with no cells.
func (t *Table) each(fn func(line int, cells []string, done float64) error) error {
	if t.format == XLSX {
		return t.eachXLSX(fn)
	}
	return t.eachCSV(fn)
}

func allBlank(cells []string) bool {
	for _, c := range cells {
		if !blank(c) {
			return false
		}
	}
	return true
}

// findHeader takes as header the row, among the first non-empty ones, whose cells name the
// most fields (at least two).
func (t *Table) findHeader() error {
	type candidate struct {
		line  int
		cells []string
	}
	var rows []candidate
	err := t.each(func(line int, cells []string, _ float64) error {
		if allBlank(cells) {
			return nil
		}
		rows = append(rows, candidate{line, append([]string(nil), cells...)})
		if len(rows) >= headerSearchRows+5 {
			return errStop
		}
		return nil
	})
	if err != nil && err != errStop {
		return err
	}
	if len(rows) == 0 {
		return refuse("importer.error.file_empty")
	}
	best, bestScore := -1, 1
	for i, r := range rows {
		if i >= headerSearchRows {
			break
		}
		seen := map[Field]bool{}
		for _, c := range r.cells {
			if f := MatchHeader(c); f != Ignore {
				seen[f] = true
			}
		}
		if len(seen) > bestScore {
			best, bestScore = i, len(seen)
		}
	}
	if best < 0 {
		return refuse("importer.error.no_header", "rows", strconv.Itoa(headerSearchRows))
	}
	t.headerLine = rows[best].line
	t.headers = rows[best].cells
	for i := len(t.headers) - 1; i >= 0 && strings.TrimSpace(t.headers[i]) == ""; i-- {
		t.headers = t.headers[:i]
	}
	for _, r := range rows[best+1:] {
		if len(t.sample) < 5 {
			t.sample = append(t.sample, r.cells)
		}
	}
	return nil
}
