package webkit

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strings"
)

//go:embed static
var staticFS embed.FS

// asset is one static file, held in memory with its content hash and, for text, a gzip copy
// (phones on weak networks get a third of the bytes).
type asset struct {
	name    string // "css/app.css"
	url     string // "/static/css/app.1a2b3c4d5e.css"
	body    []byte
	gzipped []byte
	ctype   string
}

// assets maps logical names to files served under content-hashed names, so browsers may
// cache them for a year and a new release is fetched at once.
type assets struct {
	byName map[string]*asset
	byURL  map[string]*asset
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	var names []string
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		names = append(names, strings.TrimPrefix(p, "static/"))
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Stylesheets refer to fonts and images by their plain /static/ path; they are hashed
	// last, after those references are rewritten to the hashed names.
	sort.SliceStable(names, func(i, j int) bool {
		return path.Ext(names[i]) != ".css" && path.Ext(names[j]) == ".css"
	})
	for _, name := range names {
		body, err := staticFS.ReadFile("static/" + name)
		if err != nil {
			return nil, err
		}
		if path.Ext(name) == ".css" {
			for _, other := range a.byName {
				body = bytes.ReplaceAll(body, []byte("/static/"+other.name), []byte(other.url))
			}
		}
		a.add(name, body)
	}
	return a, nil
}

func (a *assets) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	x := &asset{name: name, url: "/static/" + hashed, body: body, ctype: mime.TypeByExtension(ext)}
	if x.ctype == "" {
		x.ctype = "application/octet-stream"
	}
	if compressible(x.ctype) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		if buf.Len() < len(body) {
			x.gzipped = buf.Bytes()
		}
	}
	a.byName[name] = x
	a.byURL[x.url] = x
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") || strings.Contains(ctype, "svg")
}

// URL returns the hashed URL of a static file; templates call it as {{asset "css/app.css"}}.
// An unknown name is a programming error caught by the template tests.
func (a *assets) URL(name string) string {
	if x, ok := a.byName[name]; ok {
		return x.url
	}
	return "/static/missing/" + name
}

// ServeHTTP serves a hashed URL with a one-year immutable cache lifetime.
func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x, ok := a.byURL[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", x.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Vary", "Accept-Encoding")
	body := x.body
	if x.gzipped != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = x.gzipped
	}
	w.Write(body)
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if strings.TrimSpace(strings.SplitN(part, ";", 2)[0]) == "gzip" {
			return true
		}
	}
	return false
}
