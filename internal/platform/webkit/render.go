package webkit

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

// Page is what every template receives: the language tools, the links of the language
// switcher and the handler's own data.
type Page struct {
	L         *i18n.Localizer
	Lang      i18n.Lang
	Code      string // the language code as a plain string, for mltext.Text.In
	Dir       string
	Title     string
	Langs     []LangLink
	RequestID string
	User      *authz.Principal // nil for visitors
	Nav       []NavLink        // the work areas the user may open
	Flash     string           // a message left by the previous request, already translated
	Status    int              // 0 means 200
	Path      string           // the path after the language prefix, for forms' next fields
	Data      any
}

// NavLink is one entry of the signed-in navigation.
type NavLink struct {
	Href    string
	Label   string
	Current bool
}

// LangLink is one entry of the language switcher: the same page in another language.
type LangLink struct {
	Code    string
	Name    string
	Dir     string
	Href    string
	Current bool
}

// Build parses the templates: one set per page, the shared layout and partials plus that
// page's file, which defines "title" and "content". A page name used twice is an error.
func (k *Kit) Build() error {
	pages, err := k.parseTemplates()
	if err != nil {
		return fmt.Errorf("parsing templates: %w", err)
	}
	k.pages = pages
	return nil
}

func (k *Kit) parseTemplates() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset": k.assets.URL,
		"list":  func(xs ...any) []any { return xs },
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	for _, fsys := range k.templates {
		if partials, _ := fs.Glob(fsys, "partials/*.html"); len(partials) > 0 {
			if base, err = base.ParseFS(fsys, "partials/*.html"); err != nil {
				return nil, err
			}
		}
	}
	pages := map[string]*template.Template{}
	for _, fsys := range k.templates {
		files, err := fs.Glob(fsys, "*.html")
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if name == "layout" {
				continue
			}
			if _, dup := pages[name]; dup {
				return nil, fmt.Errorf("two features define the page template %q", name)
			}
			t, err := template.Must(base.Clone()).ParseFS(fsys, f)
			if err != nil {
				return nil, err
			}
			pages[name] = t
		}
	}
	return pages, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute renders a page template into buf, so a template error becomes a clean 500 page
// instead of half a page.
func (k *Kit) execute(buf *bytes.Buffer, name string, p *Page) error {
	t, ok := k.pages[name]
	if !ok {
		return fmt.Errorf("unknown template %q", name)
	}
	return t.ExecuteTemplate(buf, "layout.html", p)
}

// Render executes a page template and writes it.
func (k *Kit) Render(w http.ResponseWriter, r *http.Request, status int, name string, p *Page) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := k.execute(buf, name, p); err != nil {
		k.renderFailed(w, r, name, err)
		return
	}
	WriteHTML(w, status, p.Lang, buf.Bytes())
}

func (k *Kit) renderFailed(w http.ResponseWriter, r *http.Request, name string, err error) {
	k.Log.Error("rendering", "template", name, "id", RequestID(r), "err", err)
	if name == "error" { // the error page itself failed: plain text, no recursion
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	k.ServerError(w, r)
}

// WriteHTML writes a rendered page.
func WriteHTML(w http.ResponseWriter, status int, l i18n.Lang, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(l))
	w.WriteHeader(status)
	w.Write(body)
}

// NewPage prepares the common page data for a request in language l.
func (k *Kit) NewPage(r *http.Request, l i18n.Lang) *Page {
	p := &Page{
		L:         k.I18n.For(l),
		Lang:      l,
		Code:      string(l),
		Dir:       l.Dir(),
		Langs:     switcherLinks(r, l),
		RequestID: RequestID(r),
		User:      Principal(r),
		Path:      "/",
	}
	if _, rest, ok := SplitLang(r.URL.Path); ok {
		p.Path = rest
	}
	if key := k.popFlash(r); key != "" {
		p.Flash = p.L.T(key)
	}
	if p.User != nil {
		p.Nav = k.navFor(p, r.URL.Path)
	}
	return p
}

func (k *Kit) navFor(p *Page, current string) []NavLink {
	var out []NavLink
	for _, a := range k.nav {
		if authz.Can(p.User, a.Perm, authz.Resource{}) {
			href := "/" + p.Code + a.Path
			out = append(out, NavLink{Href: href, Label: p.L.T(a.Key), Current: strings.HasPrefix(current, href)})
		}
	}
	if len(p.User.Organisations()) > 0 {
		href := "/" + p.Code + "/applications"
		out = append(out, NavLink{Href: href, Label: p.L.T("nav.applications"), Current: strings.HasPrefix(current, href)})
	}
	// Representatives reach their organisation's page directly.
	if !authz.Can(p.User, authz.ManageOrganisations, authz.Resource{}) {
		for _, id := range p.User.Organisations() {
			href := "/" + p.Code + "/admin/organisations/" + strconv.FormatInt(id, 10)
			out = append(out, NavLink{Href: href, Label: p.L.T("nav.my_organisation"), Current: strings.HasPrefix(current, href)})
		}
	}
	return out
}

// switcherLinks points to the same page in every language: the path after the language
// prefix and the query string are kept, so switching never loses the user's place.
func switcherLinks(r *http.Request, current i18n.Lang) []LangLink {
	rest := "/"
	if l, tail, ok := SplitLang(r.URL.Path); ok && l == current {
		rest = tail
	}
	query := ""
	if r.URL.RawQuery != "" {
		query = "?" + r.URL.RawQuery
	}
	links := make([]LangLink, len(i18n.All))
	for i, l := range i18n.All {
		links[i] = LangLink{Code: string(l), Name: l.NativeName(), Dir: l.Dir(), Href: "/" + string(l) + rest + query, Current: l == current}
	}
	return links
}
