package web

import (
	"context"
	"embed"
	"io/fs"
	"net/http"

	"github.com/aswaq/aswaq/internal/account"
	accountsweb "github.com/aswaq/aswaq/internal/accounts/web"
	editionsweb "github.com/aswaq/aswaq/internal/editions/web"
	"github.com/aswaq/aswaq/internal/outbox"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// The page kit under the short names these pages were written with. A feature that moves
// into its own room uses webkit's names directly.
type (
	page         = webkit.Page
	pageFunc     = webkit.PageFunc
	resourceFunc = webkit.ResourceFunc
	form         = webkit.Form
	pager        = webkit.Pager
)

var (
	newForm    = webkit.NewForm
	formFrom   = webkit.FormFrom
	newPager   = webkit.NewPager
	safeNext   = webkit.SafeNext
	pathID     = webkit.PathID
	principal  = webkit.Principal
	requestID  = webkit.RequestID
	splitLang  = webkit.SplitLang
	langOfPath = webkit.LangOfPath
	writeHTML  = webkit.WriteHTML
	casablanca = webkit.Casablanca
)

const (
	sessionCookie = webkit.SessionCookie
	sessionUserID = webkit.SessionUserID
)

//go:embed templates
var templateFS embed.FS

// templatePages are this package's page templates.
var templatePages = func() fs.FS {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err)
	}
	return sub
}()

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	s.Render(w, r, status, name, p)
}
func (s *Server) newPage(r *http.Request, l i18n.Lang) *page { return s.NewPage(r, l) }
func (s *Server) fail(w http.ResponseWriter, r *http.Request, l i18n.Lang, err error) {
	s.Fail(w, r, l, err)
}
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, l i18n.Lang, status int) {
	s.RenderError(w, r, l, status)
}
func (s *Server) serverError(w http.ResponseWriter, r *http.Request) { s.ServerError(w, r) }
func (s *Server) flash(r *http.Request, key string)                  { s.Flash(r, key) }
func (s *Server) today() civil.Date                                  { return s.Today() }
func (s *Server) clientIP(r *http.Request) string                    { return s.ClientIP(r) }

var (
	rowCount = webkit.RowCount
	growRows = webkit.GrowRows
)

const spareRows = webkit.SpareRows

type (
	option      = webkit.Option
	optionGroup = webkit.OptionGroup
)

var (
	scopeRegions = webkit.ScopeRegions
	formDate     = webkit.ReadDate
	formCount    = webkit.ReadCount
)

func (s *Server) regionName(code, lang string) string   { return s.RegionName(code, lang) }
func (s *Server) provinceName(code, lang string) string { return s.ProvinceName(code, lang) }

// Pages about one edition are guarded by the editions feature's resource.
func (s *Server) editionResource(r *http.Request) (authz.Resource, error) {
	return s.editionsWeb.EditionResource(r)
}
func (s *Server) editionAdminURL(p *page, id int64) string {
	return s.editionsWeb.EditionAdminURL(p, id)
}
func (s *Server) callChoices(p *page, e *fair.Edition) editionsweb.CallChoices {
	return s.editionsWeb.CallChoices(p, e)
}

var callValues = editionsweb.CallValues

func (s *Server) callFromForm(r *http.Request, f *form, editionID int64) call.Call {
	return s.editionsWeb.CallFromForm(r, f, editionID)
}

// The accounts feature's pieces that other pages use (registration signs a new exhibitor
// in; messages are written in their recipient's language).
type LoginLimits = accountsweb.LoginLimits

var DefaultLoginLimits = accountsweb.DefaultLoginLimits

var checkNewPassword = accountsweb.CheckNewPassword

func (s *Server) hash(ctx context.Context, pw string) (string, error) {
	return s.accountsWeb.Hash(ctx, pw)
}
func (s *Server) signIn(r *http.Request, u account.User) error { return s.accountsWeb.SignIn(r, u) }
func (s *Server) message(u account.User, kind, base string, args ...any) *outbox.Message {
	return s.accountsWeb.Message(u, kind, base, args...)
}

// link is an absolute address on this site in language lang.
func (s *Server) link(lang, path string) string { return s.baseURL + "/" + lang + path }
