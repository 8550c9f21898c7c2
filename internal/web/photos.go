package web

import (
	catalogueweb "github.com/aswaq/aswaq/internal/catalogue/web"

	"errors"
	"net/http"
	"regexp"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/imaging"
	"github.com/aswaq/aswaq/internal/store"
)

// mediaName is the only shape of name the media store holds: hash, rendition, extension.
var mediaName = regexp.MustCompile(`^[0-9a-f]{16}-(thumb|medium|large)\.(jpg|png)$`)

// media serves a photo rendition. Its name changes whenever the photo does, so browsers
// and proxies may keep it for a year.
func (s *Server) media(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if !mediaName.MatchString(name) {
		http.NotFound(w, r)
		return
	}
	ctype, data, err := s.store.Media(r.Context(), name)
	if err != nil {
		if apperr.CodeOf(err) == apperr.NotFound {
			http.NotFound(w, r)
			return
		}
		s.log.Error("media", "name", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(data)
}

// uploadPhoto reads one photo from a multipart form field "photo", bounded in size before
// anything is parsed, and processes it with at most a few uploads at a time (each may take
// tens of megabytes while it is decoded).
func (s *Server) uploadPhoto(w http.ResponseWriter, r *http.Request) (*imaging.Result, error) {
	r.Body = http.MaxBytesReader(w, r.Body, imaging.MaxUploadBytes+256<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, &apperr.Error{Code: apperr.Invalid, Key: "imaging.error.too_large", Args: []any{"max", "5 MB"}}
		}
		return nil, &apperr.Error{Code: apperr.Invalid, Key: "imaging.error.empty"}
	}
	file, _, err := r.FormFile("photo")
	if err != nil {
		return nil, &apperr.Error{Code: apperr.Invalid, Key: "imaging.error.empty"}
	}
	defer file.Close()
	select {
	case s.photoSlots <- struct{}{}:
		defer func() { <-s.photoSlots }()
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	return imaging.Process(file)
}

// addOrgPhoto attaches an uploaded photo to an organisation.
func (s *Server) addOrgPhoto(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	res, err := s.uploadPhoto(w, r)
	if err == nil {
		_, err = s.store.AddPhoto(r.Context(), store.PhotoOfOrganisation, id, res)
	}
	if err != nil {
		e, ok := apperr.As(err)
		if !ok || e.Code != apperr.Invalid {
			return "", err
		}
		o, err := s.store.Organisation(r.Context(), id)
		if err != nil {
			return "", err
		}
		f := orgValues(o)
		f.Errors["photo"] = p.L.T(e.Key, e.Args...)
		if len(e.Fields) > 0 {
			f.Errors["photo"] = p.L.T(e.Fields[0].Key, e.Fields[0].Args...)
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderOrgEdit(r.Context(), p, o, f)
	}
	s.flash(r, "registry.flash.photo_added")
	http.Redirect(w, r, "/"+p.Code+"/admin/organisations/"+strconv.FormatInt(id, 10)+"#photos", http.StatusSeeOther)
	return "", nil
}

func (s *Server) removeOrgPhoto(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	photo, err := pathID(r, "photo")
	if err != nil {
		return "", err
	}
	if err := s.store.RemovePhoto(r.Context(), store.PhotoOfOrganisation, id, photo); err != nil {
		return "", err
	}
	s.flash(r, "registry.flash.photo_removed")
	http.Redirect(w, r, "/"+p.Code+"/admin/organisations/"+strconv.FormatInt(id, 10)+"#photos", http.StatusSeeOther)
	return "", nil
}

// photoView is a photo as a page shows it: a small image that the browser may swap for a
// larger one on a wide screen, with its size known so the page does not jump as it loads.
type photoView = catalogueweb.PhotoView

var photoViews = catalogueweb.PhotoViews
