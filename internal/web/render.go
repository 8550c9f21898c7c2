package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
)

//go:embed templates
var templateFS embed.FS

// page is what every template receives: the language tools, the links of the language
// switcher and the handler's own data.
type page struct {
	L         *i18n.Localizer
	Lang      i18n.Lang
	Code      string // the language code as a plain string, for mltext.Text.In
	Dir       string
	Title     string
	Langs     []langLink
	RequestID string
	User      *authz.Principal // nil for visitors
	Nav       []navLink        // the work areas the user may open
	Flash     string           // a message left by the previous request, already translated
	Status    int              // 0 means 200
	Path      string           // the path after the language prefix, for forms' next fields
	Data      any
}

// navLink is one entry of the signed-in navigation.
type navLink struct {
	Href    string
	Label   string
	Current bool
}

// langLink is one entry of the language switcher: the same page in another language.
type langLink struct {
	Code    string
	Name    string
	Dir     string
	Href    string
	Current bool
}

// parseTemplates builds one template set per page: the shared layout and partials plus
// that page's file, which defines "title" and "content".
func (s *Server) parseTemplates() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset": s.assets.URL,
		"list":  func(xs ...any) []any { return xs },
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, f)
		if err != nil {
			return nil, err
		}
		pages[name] = t
	}
	return pages, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute renders a page template into buf, so a template error becomes a clean 500 page
// instead of half a page.
func (s *Server) execute(buf *bytes.Buffer, name string, p *page) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("unknown template %q", name)
	}
	return t.ExecuteTemplate(buf, "layout.html", p)
}

// render executes a page template and writes it.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := s.execute(buf, name, p); err != nil {
		s.renderFailed(w, r, name, err)
		return
	}
	writeHTML(w, status, p.Lang, buf.Bytes())
}

func (s *Server) renderFailed(w http.ResponseWriter, r *http.Request, name string, err error) {
	s.log.Error("rendering", "template", name, "id", requestID(r), "err", err)
	if name == "error" { // the error page itself failed: plain text, no recursion
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	s.serverError(w, r)
}

func writeHTML(w http.ResponseWriter, status int, l i18n.Lang, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(l))
	w.WriteHeader(status)
	w.Write(body)
}

// newPage prepares the common page data for a request in language l.
func (s *Server) newPage(r *http.Request, l i18n.Lang) *page {
	p := &page{
		L:         s.i18n.For(l),
		Lang:      l,
		Code:      string(l),
		Dir:       l.Dir(),
		Langs:     switcherLinks(r, l),
		RequestID: requestID(r),
		User:      principal(r),
		Path:      "/",
	}
	if _, rest, ok := splitLang(r.URL.Path); ok {
		p.Path = rest
	}
	if key := s.popFlash(r); key != "" {
		p.Flash = p.L.T(key)
	}
	if p.User != nil {
		p.Nav = s.navFor(p, r.URL.Path)
	}
	return p
}

// workAreas are the signed-in navigation entries, each shown only to users who may use it.
var workAreas = []struct {
	path string
	key  string
	perm authz.Permission
}{
	{"/account", "nav.account", authz.SignedIn},
	{"/admin/editions", "nav.editions", authz.ManageEditions},
	{"/review", "review.nav", authz.ReviewApplications},
	{"/admin/organisations", "nav.organisations", authz.ManageOrganisations},
	{"/admin/users", "nav.users", authz.ManageUsers},
	{"/admin/audit", "nav.audit", authz.ViewAudit},
	{"/admin/outbox", "nav.outbox", authz.ViewOutbox},
}

func (s *Server) navFor(p *page, current string) []navLink {
	var out []navLink
	for _, a := range workAreas {
		if authz.Can(p.User, a.perm, authz.Resource{}) {
			href := "/" + p.Code + a.path
			out = append(out, navLink{Href: href, Label: p.L.T(a.key), Current: strings.HasPrefix(current, href)})
		}
	}
	if len(p.User.Organisations()) > 0 {
		href := "/" + p.Code + "/applications"
		out = append(out, navLink{Href: href, Label: p.L.T("nav.applications"), Current: strings.HasPrefix(current, href)})
	}
	// Representatives reach their organisation's page directly.
	if !authz.Can(p.User, authz.ManageOrganisations, authz.Resource{}) {
		for _, id := range p.User.Organisations() {
			href := "/" + p.Code + "/admin/organisations/" + strconv.FormatInt(id, 10)
			out = append(out, navLink{Href: href, Label: p.L.T("nav.my_organisation"), Current: strings.HasPrefix(current, href)})
		}
	}
	return out
}

// switcherLinks points to the same page in every language: the path after the language
// prefix and the query string are kept, so switching never loses the user's place.
func switcherLinks(r *http.Request, current i18n.Lang) []langLink {
	rest := "/"
	if l, tail, ok := splitLang(r.URL.Path); ok && l == current {
		rest = tail
	}
	query := ""
	if r.URL.RawQuery != "" {
		query = "?" + r.URL.RawQuery
	}
	links := make([]langLink, len(i18n.All))
	for i, l := range i18n.All {
		links[i] = langLink{Code: string(l), Name: l.NativeName(), Dir: l.Dir(), Href: "/" + string(l) + rest + query, Current: l == current}
	}
	return links
}
