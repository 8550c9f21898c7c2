package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
)

// maxImportMB bounds an uploaded registry file: a council's registry of 60,000 rows is
// about 10 MB as CSV and less as XLSX, so twice that is room enough.
const maxImportMB = 20

const maxImportBytes = maxImportMB << 20

// importRoutes are the pages that import a registry file, one step each (upload, columns,
// preview, commit, result, rejected rows), and the registry's download. They sit under
// the registry's address. Each upload belongs to the user who sent it: uploadResource
// finds no one else's.
func (s *Server) importRoutes() []route {
	const base = "/{lang}/admin/organisations/import"
	return []route{
		{pattern: "GET " + base, perm: authz.ManageOrganisations, page: s.importForm},
		{pattern: "POST " + base, perm: authz.ManageOrganisations, page: s.receiveImport},
		{pattern: "GET " + base + "/{upload}/columns", perm: authz.ManageOrganisations, resource: s.uploadResource, page: s.importColumns},
		{pattern: "POST " + base + "/{upload}/columns", perm: authz.ManageOrganisations, resource: s.uploadResource, page: s.saveImportColumns},
		{pattern: "GET " + base + "/{upload}/preview", perm: authz.ManageOrganisations, resource: s.uploadResource, page: s.importPreview},
		{pattern: "POST " + base + "/{upload}/commit", perm: authz.ManageOrganisations, resource: s.uploadResource, page: s.commitImport},
		{pattern: "GET " + base + "/{upload}/done", perm: authz.ManageOrganisations, resource: s.uploadResource, page: s.importDone},
		{pattern: "GET " + base + "/{upload}/rejected", perm: authz.ManageOrganisations, resource: s.uploadResource, page: s.importRejected},
		{pattern: "GET /{lang}/admin/organisations/export", perm: authz.ManageOrganisations, page: s.exportRegistry},
	}
}

// uploadResource is the region an upload is limited to. An upload of another user is not
// found, so its address tells nobody else anything; one for every region ("" region) is
// for admins only.
func (s *Server) uploadResource(r *http.Request) (authz.Resource, error) {
	p := principal(r)
	if p == nil {
		return authz.Resource{}, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	u, err := s.store.Upload(r.Context(), r.PathValue("upload"), p.UserID, false)
	if err != nil {
		return authz.Resource{}, err
	}
	res := authz.Resource{Whole: true}
	if u.Region != "" {
		res.Regions = []string{u.Region}
	}
	return res, nil
}

// importURL is the address of a step of an upload's import ("" for the upload form).
func importURL(p *page, id, step string) string {
	u := "/" + p.Code + "/admin/organisations/import"
	if id != "" {
		u += "/" + id + "/" + step
	}
	return u
}

type importFormData struct {
	Form       *form
	Steps      []importStep
	Errors     []summaryError
	Regions    []option // the regions to choose from; empty when the region is implied
	AllRegions bool     // admins may import every region at once
	Region     string   // the implied region's name
	MaxMB      int
}

func (s *Server) importForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.renderImportForm(p, newForm())
}

func (s *Server) renderImportForm(p *page, f *form) (string, error) {
	d := importFormData{Form: f, Steps: importSteps(p, "", stepUpload, stepUpload), MaxMB: maxImportMB}
	all, regions := authz.Scope(p.User, authz.ManageOrganisations)
	switch {
	case all:
		d.AllRegions = true
		for _, code := range s.regionCodes() {
			d.Regions = append(d.Regions, option{Value: code, Label: s.regionName(code, p.Code)})
		}
	case len(regions) == 1:
		d.Region = s.regionName(regions[0], p.Code)
	default:
		for _, code := range regions {
			d.Regions = append(d.Regions, option{Value: code, Label: s.regionName(code, p.Code)})
		}
	}
	d.Errors = summaryOf(f, "file", "region")
	p.Title, p.Data = p.L.T("importpages.upload_title"), d
	return "import_upload", nil
}

// receiveImport keeps an uploaded file once importer.Open can read it, and goes on to
// the columns. A file it cannot read comes back on the form with the reason.
func (s *Server) receiveImport(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := newForm()
	fail := func(field, msg string) (string, error) {
		f.Errors[field] = msg
		p.Status = http.StatusUnprocessableEntity
		return s.renderImportForm(p, f)
	}
	// The limit is checked as the body arrives, before anything is parsed; the slack is
	// for the form's other fields and the multipart framing.
	r.Body = http.MaxBytesReader(w, r.Body, maxImportBytes+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return fail("file", p.L.T("importpages.error.too_large", "max", maxImportMB))
		}
		return fail("file", p.L.T("importpages.error.no_file"))
	}
	f.Values["region"] = r.PostFormValue("region")
	region, ok := s.importRegion(p, f.Values["region"])
	if !ok {
		f.Errors["region"] = p.L.T("importpages.error.region")
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return fail("file", p.L.T("importpages.error.no_file"))
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, maxImportBytes+1))
	if err != nil {
		return "", err
	}
	if len(data) > maxImportBytes {
		return fail("file", p.L.T("importpages.error.too_large", "max", maxImportMB))
	}
	t, err := importer.Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if _, ok := apperr.As(err); !ok {
			return "", err
		}
		return fail("file", importer.Describe(err, p.L))
	}
	t.Close()
	if !ok {
		p.Status = http.StatusUnprocessableEntity
		return s.renderImportForm(p, f)
	}
	u := store.Upload{UserID: p.User.UserID, FileName: uploadName(hdr.Filename), Data: data, Region: region}
	if err := s.store.SaveUpload(r.Context(), &u); err != nil {
		return "", err
	}
	http.Redirect(w, r, importURL(p, u.ID, "columns"), http.StatusSeeOther)
	return "", nil
}

// importRegion is the region an import is limited to: the organiser's only region, the
// one they chose among theirs, or for an admin the chosen one or every region ("").
func (s *Server) importRegion(p *page, chosen string) (string, bool) {
	all, regions := authz.Scope(p.User, authz.ManageOrganisations)
	switch {
	case all:
		_, known := s.regions[chosen]
		return chosen, chosen == "" || known
	case len(regions) == 1:
		return regions[0], true
	}
	for _, code := range regions {
		if code == chosen {
			return code, true
		}
	}
	return "", false
}

// uploadName keeps the base of a file's name, as the audit log names the import by it.
func uploadName(name string) string {
	name = strings.TrimSpace(filepath.Base(strings.ReplaceAll(name, `\`, "/")))
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, "")
	}
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	if name == "" || name == "." || name == "/" {
		name = "-"
	}
	return name
}

// regionCodes lists every region's code, in order.
func (s *Server) regionCodes() []string {
	var codes []string
	for _, pr := range s.provinceList {
		if len(codes) == 0 || codes[len(codes)-1] != pr.RegionCode {
			codes = append(codes, pr.RegionCode)
		}
	}
	return codes
}
