package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
)

// openedUpload is an upload of the request's user with its file opened. Close releases
// the temporary files an XLSX file may need.
type openedUpload struct {
	store.Upload
	Table *importer.Table
}

func (o *openedUpload) Close() { o.Table.Close() }

// openUpload reads the upload named in the address. The file was readable when it was
// uploaded, so a failure to open it now is the server's.
func (s *Server) openUpload(r *http.Request, p *page) (*openedUpload, error) {
	u, err := s.store.Upload(r.Context(), r.PathValue("upload"), p.User.UserID, true)
	if err != nil {
		return nil, err
	}
	t, err := importer.Open(bytes.NewReader(u.Data), int64(len(u.Data)))
	if err != nil {
		return nil, err
	}
	return &openedUpload{Upload: u, Table: t}, nil
}

// mapping is the mapping the user confirmed, or the one proposed from the headers.
func (o *openedUpload) mapping() importer.Mapping {
	if o.Mapping.Columns != nil {
		return o.Mapping
	}
	return o.Table.Propose()
}

// importColumn is one column of the file on the columns form.
type importColumn struct {
	Name    string // the select's name and, with "f-", its id
	Letter  string
	Header  string
	Samples []string
	Field   string
	Error   string
}

type importColumnsData struct {
	ID      string
	File    string // how the file was read
	Steps   []importStep
	Errors  []summaryError
	Columns []importColumn
	Fields  []option
}

func (s *Server) importColumns(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	o, err := s.openUpload(r, p)
	if err != nil {
		return "", err
	}
	defer o.Close()
	return s.renderImportColumns(p, o, o.mapping(), nil)
}

// saveImportColumns keeps the mapping once it can be used and goes on to the preview;
// otherwise the form comes back with the columns in error marked.
func (s *Server) saveImportColumns(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	o, err := s.openUpload(r, p)
	if err != nil {
		return "", err
	}
	defer o.Close()
	headers := o.Table.Headers()
	m := importer.Mapping{Columns: make([]importer.Field, len(headers))}
	for i := range headers {
		if err := m.Set(i, r.PostFormValue(columnName(i))); err != nil {
			return "", err // not a choice the form offers
		}
	}
	if err := m.Check(headers); err != nil {
		if _, ok := apperr.As(err); !ok {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderImportColumns(p, o, m, err)
	}
	if err := s.store.SetUploadMapping(r.Context(), o.ID, p.User.UserID, m); err != nil {
		return "", err
	}
	http.Redirect(w, r, importURL(p, o.ID, "preview"), http.StatusSeeOther)
	return "", nil
}

func columnName(i int) string { return "col" + strconv.Itoa(i) }

func (s *Server) renderImportColumns(p *page, o *openedUpload, m importer.Mapping, problem error) (string, error) {
	t := o.Table
	d := importColumnsData{ID: o.ID, File: o.Table.Describe(p.L, o.FileName), Steps: importSteps(p, o.ID, stepColumns, reachedStep(o.Upload))}
	d.Fields = append(d.Fields, option{Value: "", Label: p.L.T(importer.Ignore.LabelKey())})
	for _, f := range importer.Fields {
		d.Fields = append(d.Fields, option{Value: string(f), Label: p.L.T(f.LabelKey())})
	}
	for i, h := range t.Headers() {
		c := importColumn{Name: columnName(i), Letter: importer.ColumnName(i), Header: strings.TrimSpace(h), Field: string(m.Field(i))}
		for _, row := range t.Sample() {
			if i < len(row) && strings.TrimSpace(row[i]) != "" && len(c.Samples) < 3 {
				c.Samples = append(c.Samples, strings.TrimSpace(row[i]))
			}
		}
		d.Columns = append(d.Columns, c)
	}
	if problem != nil {
		msg := importer.Describe(problem, p.L)
		cols := problemColumns(m)
		for _, i := range cols {
			d.Columns[i].Error = msg
		}
		target := ""
		if len(cols) > 0 {
			target = "f-" + columnName(cols[0])
		} else if len(d.Columns) > 0 {
			target = "f-" + columnName(0) // a field no column gives: choose it in one of them
		}
		d.Errors = []summaryError{{Target: target, Message: msg}}
	}
	p.Title, p.Data = p.L.T("importpages.columns_title"), d
	return "import_columns", nil
}

// problemColumns are the columns that give the same field as another, which
// Mapping.Check refuses first.
func problemColumns(m importer.Mapping) []int {
	first := map[importer.Field]int{}
	for i, f := range m.Columns {
		if f == importer.Ignore {
			continue
		}
		if j, dup := first[f]; dup {
			return []int{j, i}
		}
		first[f] = i
	}
	return nil
}
