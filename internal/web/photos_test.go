package web

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/store"
)

// multipartPhoto is a form with one file in its "photo" field, as a browser sends it.
func multipartPhoto(t *testing.T, name string, data []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, _ := w.CreateFormFile("photo", name)
	fw.Write(data)
	w.Close()
	return w.FormDataContentType(), buf.Bytes()
}

func (b *browser) upload(target, name string, data []byte) (int, string) {
	b.t.Helper()
	ctype, body := multipartPhoto(b.t, name, data)
	req, _ := http.NewRequest("POST", "http://aswaq.test"+target, bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	rec := newRecorder()
	b.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestRepresentativeAddsAPhotoThePublicSees(t *testing.T) {
	eachFixture(t, func(t *testing.T, st *store.Store, f *fixture) {
		rep := newBrowser(t, f.srv)
		rep.cookies[sessionCookie] = f.cookie(t, "exhibitor03")
		path := "/fr/admin/organisations/" + itoa64(f.coop) + "/photos"

		if code, body := rep.upload(path, "honey.jpg", []byte("%PDF-1.4 not a photo")); code != http.StatusUnprocessableEntity ||
			!strings.Contains(html.UnescapeString(body), "photo") {
			t.Fatalf("a PDF named .jpg: %d", code)
		}
		if code, _ := rep.upload(path, "big.jpg", bytes.Repeat([]byte{0xff}, 6<<20)); code != http.StatusUnprocessableEntity {
			t.Fatalf("a 6 MB upload: %d", code)
		}
		before, _ := st.Photos(context.Background(), store.PhotoOfOrganisation, f.coop) // the demo's, if any
		if code, _ := rep.upload(path, "honey.jpg", testJPEG(t, 2400, 1800)); code != http.StatusSeeOther {
			t.Fatalf("upload: %d", code)
		}
		photos, _ := st.Photos(context.Background(), store.PhotoOfOrganisation, f.coop)
		if len(photos) != len(before)+1 || photos[len(photos)-1].Width != 2400 {
			t.Fatalf("photos: %+v", photos)
		}
		added := photos[len(photos)-1]
		visitor := newBrowser(t, f.srv)
		_, page := visitor.get("/ar/catalogue/organisations/" + itoa64(f.coop))
		src := regexp.MustCompile(`src="(/media/` + added.Thumb + `)"[^>]*width="320" height="240"`).FindStringSubmatch(page)
		if src == nil || !strings.Contains(page, `loading="lazy"`) {
			t.Fatal("the public page does not show the thumbnail, lazily, with its size")
		}
		code, hdr, body := visitor.do("GET", src[1], nil, nil)
		if code != 200 || hdr.Get("Content-Type") != "image/jpeg" || !strings.Contains(hdr.Get("Cache-Control"), "immutable") || len(body) > 40<<10 {
			t.Fatalf("thumbnail: %d %v %d bytes", code, hdr, len(body))
		}
		// Another region's organiser cannot add or remove photos.
		away := newBrowser(t, f.srv)
		away.cookies[sessionCookie] = f.cookie(t, "organiser05")
		if code, _ := away.upload(path, "x.jpg", testJPEG(t, 640, 480)); code != http.StatusNotFound {
			t.Fatalf("upload from another region: %d", code)
		}
		if code, _, _ := rep.post(path+"/"+itoa64(added.ID)+"/delete", nil); code != http.StatusSeeOther {
			t.Fatalf("remove: %d", code)
		}
		if code, _, _ := visitor.do("GET", src[1], nil, nil); code != http.StatusNotFound {
			t.Fatalf("a removed photo is still served: %d", code)
		}
	})
}
