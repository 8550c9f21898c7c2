package web

import (
	"bufio"
	"mime"
	"net/http"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
)

const (
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	csvType  = "text/csv; charset=utf-8"
)

// exportRegistry downloads the organisations the user may manage (their regions; every
// region for an admin) as CSV or XLSX, in the page's language: the same file the export
// command writes, which imports back as it is.
func (s *Server) exportRegistry(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	format, ctype := importer.CSV, csvType
	switch r.URL.Query().Get("format") {
	case "", "csv":
	case "xlsx":
		format, ctype = importer.XLSX, xlsxType
	default:
		return "", apperr.New(apperr.Invalid, "importer.error.format", "format", r.URL.Query().Get("format"))
	}
	all, regions := authz.Scope(p.User, authz.ManageOrganisations)
	download(w, "aswaq-organisations-"+s.today().String()+"."+string(format), ctype)
	// The file is streamed: a registry of every region is too large to build in memory
	// first. A failure halfway can no longer become an error page, so the connection is
	// cut, and the browser reports a failed download rather than a short file.
	bw := bufio.NewWriterSize(w, 64<<10)
	_, err := s.store.ExportRegistry(r.Context(), bw, format, fileLang(p.Lang), all, regions)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		s.log.Error("export", "id", requestID(r), "err", err)
		panic(http.ErrAbortHandler)
	}
	return "", nil
}

// download sets the headers of a file to save, named name.
func download(w http.ResponseWriter, name, ctype string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "private, no-store")
}

// fileLang is the language of a file for a page in l: files are written in Arabic, French
// or English, and the Tamazight pages fall back to French for everything but public text.
func fileLang(l i18n.Lang) i18n.Lang {
	if l == i18n.ZGH {
		return i18n.FR
	}
	return l
}
