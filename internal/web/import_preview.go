package web

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
)

// maxListedProblems is how many row errors the preview lists; the rejected rows' file
// holds them all.
const maxListedProblems = 100

// importCounts are the numbers the preview and the result show.
type importCounts struct {
	Read, Created, Updated, Unchanged, Rejected, Flagged int
}

// rowProblem is one error of one row, as the preview's table shows it.
type rowProblem struct {
	Line    int
	Column  string // "F (الهاتف)", or "" for the row as a whole
	Problem string
}

// flaggedRow is an imported row that resembles other records.
type flaggedRow struct {
	Line   int
	Others []orgLink // the records already in the registry that it resembles
}

type orgLink struct {
	ID   int64
	Href string
}

type importPreviewData struct {
	ID          string
	File        string
	Steps       []importStep
	Region      string // the region the import is limited to, by name; "" for every region
	Counts      importCounts
	CountRows   []countRow
	Problems    []rowProblem
	More        int // errors not listed
	Flagged     []flaggedRow
	MoreFlagged int
	Result      bool // the import is committed (the result page)
}

// runImport imports the upload with mapping m, or only computes what it would do, with
// at most two imports at a time (each reads the whole file).
func (s *Server) runImport(ctx context.Context, o *openedUpload, m importer.Mapping, dryRun, cells bool) (store.FileReport, error) {
	select {
	case s.importSlots <- struct{}{}:
		defer func() { <-s.importSlots }()
	case <-ctx.Done():
		return store.FileReport{}, ctx.Err()
	}
	return s.store.ImportFile(ctx, o.Table, m, store.FileImport{
		ImportOptions: store.ImportOptions{Region: o.Region, DryRun: dryRun, Source: o.FileName},
		Cells:         cells,
	})
}

// confirmedMapping is the mapping the user confirmed, or false when the columns step
// must come first.
func confirmedMapping(o *openedUpload) (importer.Mapping, bool) {
	m := o.Mapping
	return m, m.Columns != nil && m.Check(o.Table.Headers()) == nil
}

// importPreview shows what the import would do, computed by a dry run of the real
// import: the same matching, the same checks, nothing stored.
func (s *Server) importPreview(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	o, err := s.openUpload(r, p)
	if err != nil {
		return "", err
	}
	defer o.Close()
	m, ok := confirmedMapping(o)
	if !ok {
		http.Redirect(w, r, importURL(p, o.ID, "columns"), http.StatusSeeOther)
		return "", nil
	}
	rep, err := s.runImport(r.Context(), o, m, true, false)
	if err != nil {
		return "", err
	}
	d := s.previewData(p, o, stepPreview)
	d.Counts = countsOf(rep)
	d.CountRows = countRows(p, d.Counts, false)
	errs := rep.Errors()
	for _, e := range errs[:min(len(errs), maxListedProblems)] {
		d.Problems = append(d.Problems, problemOf(p, e))
	}
	d.More = len(errs) - len(d.Problems)
	for _, f := range rep.Summary.Flagged[:min(len(rep.Summary.Flagged), maxListedProblems)] {
		// f.ID is not linked: in a dry run, a record the import would create has no
		// address yet.
		fr := flaggedRow{Line: f.Line}
		for _, id := range f.Others {
			fr.Others = append(fr.Others, s.orgLink(p, id))
		}
		d.Flagged = append(d.Flagged, fr)
	}
	d.MoreFlagged = len(rep.Summary.Flagged) - len(d.Flagged)
	p.Title, p.Data = p.L.T("importpages.preview_title"), d
	return "import_preview", nil
}

func (s *Server) previewData(p *page, o *openedUpload, step int) importPreviewData {
	d := importPreviewData{ID: o.ID, File: o.Table.Describe(p.L, o.FileName), Steps: importSteps(p, o.ID, step, reachedStep(o.Upload))}
	if o.Region != "" {
		d.Region = s.regionName(o.Region, p.Code)
	}
	return d
}

func (s *Server) orgLink(p *page, id int64) orgLink {
	return orgLink{ID: id, Href: "/" + p.Code + "/admin/organisations/" + strconv.FormatInt(id, 10)}
}

func countsOf(rep store.FileReport) importCounts {
	return importCounts{Read: rep.Counts.Read, Created: rep.Summary.Created, Updated: rep.Summary.Updated,
		Unchanged: rep.Summary.Unchanged, Rejected: rep.RejectedRows(), Flagged: len(rep.Summary.Flagged)}
}

// countRow is one line of the counts, its number written in the page's language.
type countRow struct {
	Label string
	Value string
}

// countRows lists the counts for a preview (what would happen) or a result (what did).
func countRows(p *page, c importCounts, done bool) []countRow {
	prefix := "importpages.count."
	if done {
		prefix = "importpages.done."
	}
	n := func(v int) string { return p.L.Number(int64(v)) }
	return []countRow{
		{p.L.T("importpages.count.read"), n(c.Read)},
		{p.L.T(prefix + "created"), n(c.Created)},
		{p.L.T(prefix + "updated"), n(c.Updated)},
		{p.L.T("importpages.count.unchanged"), n(c.Unchanged)},
		{p.L.T("importpages.count.rejected"), n(c.Rejected)},
		{p.L.T("importpages.count.flagged"), n(c.Flagged)},
	}
}

func problemOf(p *page, e importer.RowError) rowProblem {
	rp := rowProblem{Line: e.Line, Problem: e.Problem(p.L)}
	if e.Column >= 0 {
		rp.Column = e.ColumnName()
		if h := strings.TrimSpace(e.Header); h != "" {
			rp.Column += " (" + h + ")"
		}
	}
	return rp
}

// commitImport stores the valid rows in one transaction (the store's import, audited as
// the command's is), keeps what it did, and shows it on the result page. Committing again
// changes nothing: the import is idempotent.
func (s *Server) commitImport(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	o, err := s.openUpload(r, p)
	if err != nil {
		return "", err
	}
	defer o.Close()
	m, ok := confirmedMapping(o)
	if !ok {
		http.Redirect(w, r, importURL(p, o.ID, "columns"), http.StatusSeeOther)
		return "", nil
	}
	rep, err := s.runImport(r.Context(), o, m, false, false)
	if err != nil {
		return "", err
	}
	c := countsOf(rep)
	res := store.UploadResult{Rows: c.Read, Created: c.Created, Updated: c.Updated, Unchanged: c.Unchanged, Rejected: c.Rejected, Flagged: c.Flagged}
	if err := s.store.SetUploadResult(r.Context(), o.ID, p.User.UserID, res); err != nil {
		return "", err
	}
	s.flash(r, "importpages.flash.done")
	http.Redirect(w, r, importURL(p, o.ID, "done"), http.StatusSeeOther)
	return "", nil
}

// importDone shows what the commit did.
func (s *Server) importDone(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	u, err := s.store.Upload(r.Context(), r.PathValue("upload"), p.User.UserID, false)
	if err != nil {
		return "", err
	}
	if u.Result == nil {
		http.Redirect(w, r, importURL(p, u.ID, "preview"), http.StatusSeeOther)
		return "", nil
	}
	d := importPreviewData{ID: u.ID, File: p.L.T("importpages.file_name", "file", u.FileName), Steps: importSteps(p, u.ID, stepDone, stepDone), Result: true}
	if u.Region != "" {
		d.Region = s.regionName(u.Region, p.Code)
	}
	res := u.Result
	d.Counts = importCounts{Read: res.Rows, Created: res.Created, Updated: res.Updated, Unchanged: res.Unchanged, Rejected: res.Rejected, Flagged: res.Flagged}
	d.CountRows = countRows(p, d.Counts, true)
	p.Title, p.Data = p.L.T("importpages.done_title"), d
	return "import_done", nil
}

// importRejected downloads the rejected rows as they were in the file, with a column that
// says what is wrong in the user's language, to be corrected and imported again.
func (s *Server) importRejected(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	o, err := s.openUpload(r, p)
	if err != nil {
		return "", err
	}
	defer o.Close()
	m, ok := confirmedMapping(o)
	if !ok {
		http.Redirect(w, r, importURL(p, o.ID, "columns"), http.StatusSeeOther)
		return "", nil
	}
	// A dry run finds the same rejections after the commit as before it: what the file's
	// checks refuse, and what the store refuses (other regions, repeats, ambiguities).
	rep, err := s.runImport(r.Context(), o, m, true, true)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if _, err := o.Table.WriteRejected(&buf, m, rep.Rejected, s.i18n.For(fileLang(p.Lang))); err != nil {
		return "", err
	}
	download(w, "aswaq-rejected-"+s.today().String()+".xlsx", xlsxType)
	w.Write(buf.Bytes())
	return "", nil
}
