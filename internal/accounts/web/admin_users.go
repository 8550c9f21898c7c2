package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/accounts"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/platform/webkit"
	"github.com/aswaq/aswaq/internal/token"
)

func (h *Handlers) userRoutes() []webkit.Route {
	return []webkit.Route{
		{Pattern: "GET /{lang}/admin/users", Perm: authz.ManageUsers, Page: h.usersPage},
		{Pattern: "GET /{lang}/admin/users/invite", Perm: authz.ManageUsers, Page: h.inviteForm},
		{Pattern: "POST /{lang}/admin/users/invite", Perm: authz.ManageUsers, Resource: h.postedGrantResource, Page: h.invite},
		{Pattern: "GET /{lang}/admin/users/{id}", Perm: authz.ManageUsers, Resource: h.userResource(false), Page: h.userPage},
		{Pattern: "POST /{lang}/admin/users/{id}/active", Perm: authz.ManageUsers, Resource: h.userResource(true), Page: h.setActive},
		{Pattern: "POST /{lang}/admin/users/{id}/invitation", Perm: authz.ManageUsers, Resource: h.userResource(false), Page: h.reinvite},
		{Pattern: "POST /{lang}/admin/users/{id}/grants", Perm: authz.ManageUsers, Resource: h.userAndPostedGrantResource, Page: h.addGrant},
		{Pattern: "POST /{lang}/admin/users/{id}/grants/{grant}/delete", Perm: authz.ManageUsers, Resource: h.grantResource, Page: h.removeGrant},
	}
}

// userRegions are the regions a user's grants fall in; an admin grant adds "*", a region
// no organiser holds, so only admins may change an admin.
func userRegions(gs []account.Grant) []string {
	var out []string
	for _, g := range gs {
		r := g.RegionCode
		if g.Role == account.Admin {
			r = "*"
		}
		if r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// userResource: seeing a user needs one of their regions; changing them (whole) needs all.
func (h *Handlers) userResource(whole bool) webkit.ResourceFunc {
	return func(r *http.Request) (authz.Resource, error) {
		id, err := webkit.PathID(r, "id")
		if err != nil {
			return authz.Resource{}, err
		}
		if _, err := h.accounts.User(r.Context(), id); err != nil {
			return authz.Resource{}, err
		}
		gs, err := h.accounts.Grants(r.Context(), id)
		if err != nil {
			return authz.Resource{}, err
		}
		return authz.Resource{Regions: userRegions(gs), Whole: whole}, nil
	}
}

// postedGrant reads the role and scope fields of a form.
func postedGrant(r *http.Request) account.Grant {
	r.ParseForm()
	g := account.Grant{Role: account.Role(r.PostForm.Get("role")), RegionCode: r.PostForm.Get("region")}
	g.EditionID, _ = strconv.ParseInt(r.PostForm.Get("edition"), 10, 64)
	g.OrganisationID, _ = strconv.ParseInt(r.PostForm.Get("organisation"), 10, 64)
	return g
}

// grantScopeResource is where a grant falls: its region, or nowhere for an admin grant
// (which only admins may give or take).
func (h *Handlers) grantScopeResource(ctx context.Context, g account.Grant) authz.Resource {
	if g.Role == account.Admin || g.Validate() != nil {
		return authz.Resource{Whole: true} // no region: admins only; invalid grants are refused by the handler
	}
	region, err := h.accounts.GrantRegion(ctx, g)
	if err != nil || region == "" {
		return authz.Resource{Whole: true}
	}
	return authz.Resource{Regions: []string{region}, Whole: true}
}

func (h *Handlers) postedGrantResource(r *http.Request) (authz.Resource, error) {
	g := postedGrant(r)
	if !g.Role.Valid() || g.Validate() != nil {
		return authz.Resource{}, nil // the form comes back with its errors
	}
	return h.grantScopeResource(r.Context(), g), nil
}

func (h *Handlers) userAndPostedGrantResource(r *http.Request) (authz.Resource, error) {
	res, err := h.userResource(false)(r)
	if err != nil {
		return res, err
	}
	if g := postedGrant(r); g.Role.Valid() && g.Validate() == nil {
		res.And = []authz.Resource{h.grantScopeResource(r.Context(), g)}
	}
	return res, nil
}

func (h *Handlers) grantResource(r *http.Request) (authz.Resource, error) {
	id, err := webkit.PathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	grantID, err := webkit.PathID(r, "grant")
	if err != nil {
		return authz.Resource{}, err
	}
	gs, err := h.accounts.Grants(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	i := slices.IndexFunc(gs, func(g account.Grant) bool { return g.ID == grantID })
	if i < 0 {
		return authz.Resource{}, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	res := authz.Resource{Whole: true}
	if gs[i].Role != account.Admin && gs[i].RegionCode != "" {
		res.Regions = []string{gs[i].RegionCode}
	}
	return res, nil
}

// userRow is a user in the list.
type userRow struct {
	User   account.User
	Grants []grantView
}

type usersData struct {
	Rows  []userRow
	Query string
	Pager webkit.Pager
}

func (h *Handlers) usersPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	all, regions := authz.Scope(p.User, authz.ManageUsers)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	pg := webkit.NewPager(r, 50)
	users, total, err := h.accounts.Users(r.Context(), accounts.UserFilter{AllRegions: all, Regions: regions, Query: q, Limit: pg.Size, Offset: pg.Offset()})
	if err != nil {
		return "", err
	}
	d := usersData{Query: q, Pager: pg.WithTotal(total, r.URL)}
	for _, u := range users {
		gs, err := h.accounts.Grants(r.Context(), u.ID)
		if err != nil {
			return "", err
		}
		views, err := h.grantViews(r.Context(), p, gs)
		if err != nil {
			return "", err
		}
		d.Rows = append(d.Rows, userRow{User: u, Grants: views})
	}
	p.Title, p.Data = p.L.T("users.title"), d
	return "users", nil
}

// grantChoices are what the viewer may offer in the role and scope pickers.
type grantChoices struct {
	Roles         []webkit.Option
	Regions       []webkit.Option
	Editions      []webkit.Option
	Organisations []webkit.Option
	Langs         []webkit.Option
}

func (h *Handlers) grantChoices(ctx context.Context, p *webkit.Page) (grantChoices, error) {
	all, regions := authz.Scope(p.User, authz.ManageUsers)
	var c grantChoices
	for _, role := range account.Roles {
		if role == account.Admin && !all {
			continue
		}
		c.Roles = append(c.Roles, webkit.Option{Value: string(role), Label: p.L.T("role." + string(role))})
	}
	for code := range h.Regions {
		if all || slices.Contains(regions, code) {
			c.Regions = append(c.Regions, webkit.Option{Value: code, Label: h.RegionName(code, p.Code)})
		}
	}
	slices.SortFunc(c.Regions, func(a, b webkit.Option) int { return strings.Compare(a.Value, b.Value) })
	var err error
	if c.Editions, err = h.scopes.EditionChoices(ctx, p.L, all, regions); err != nil {
		return c, err
	}
	if c.Organisations, err = h.scopes.OrganisationChoices(ctx, p.Code, all, regions); err != nil {
		return c, err
	}
	for _, l := range i18n.All {
		c.Langs = append(c.Langs, webkit.Option{Value: string(l), Label: l.NativeName()})
	}
	return c, nil
}

type inviteData struct {
	Form    *webkit.Form
	Choices grantChoices
}

func (h *Handlers) inviteForm(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.NewForm()
	f.Values["lang"] = string(p.Lang)
	return h.renderInvite(r, p, f)
}

func (h *Handlers) renderInvite(r *http.Request, p *webkit.Page, f *webkit.Form) (string, error) {
	c, err := h.grantChoices(r.Context(), p)
	if err != nil {
		return "", err
	}
	p.Title, p.Data = p.L.T("users.invite_title"), inviteData{Form: f, Choices: c}
	return "invite", nil
}

// invite creates the account, the grant, the link and the message in one step, so an
// invitation is either complete or not made at all.
func (h *Handlers) invite(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	f := webkit.FormFrom(r)
	u := account.User{Name: f.Get("name"), Email: f.Get("email"), Phone: f.Get("phone"), Lang: i18n.Lang(f.Get("lang"))}
	g := postedGrant(r)
	var v apperr.Validation
	if err := u.Normalize(); err != nil {
		e, _ := apperr.As(err)
		for _, fe := range e.Fields {
			v.Add(fe.Field, fe.Key, fe.Args...)
		}
	}
	if err := g.Validate(); err != nil {
		e, _ := apperr.As(err)
		for _, fe := range e.Fields {
			v.Add(fe.Field, fe.Key, fe.Args...)
		}
	}
	if err := v.Err(); err != nil {
		f.Fail(p.L, err)
		p.Status = http.StatusUnprocessableEntity
		return h.renderInvite(r, p, f)
	}
	tok, hash := token.New()
	msg := h.Message(u, "invitation", "mail.invitation",
		"name", u.Name, "inviter", p.User.Name, "role", h.I18n.For(u.Lang).T("role."+string(g.Role)),
		"link", h.link(string(u.Lang), "/invitation/"+tok), "days", int(invitationLifetime.Hours()/24))
	if err := h.accounts.Invite(r.Context(), &u, g, hash, h.Now().Add(invitationLifetime), msg); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return h.renderInvite(r, p, f)
		}
		return "", err
	}
	h.notify()
	h.Flash(r, "users.flash.invited")
	http.Redirect(w, r, "/"+p.Code+"/admin/users/"+strconv.FormatInt(u.ID, 10), http.StatusSeeOther)
	return "", nil
}

type userData struct {
	User     account.User
	Grants   []grantView
	CanWhole bool // the viewer may enable or disable this user
	Form     *webkit.Form
	Choices  grantChoices
	AuditURL string
}

func (h *Handlers) userPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	return h.renderUser(r, p, webkit.NewForm())
}

func (h *Handlers) renderUser(r *http.Request, p *webkit.Page, f *webkit.Form) (string, error) {
	id, _ := webkit.PathID(r, "id")
	u, err := h.accounts.User(r.Context(), id)
	if err != nil {
		return "", err
	}
	gs, err := h.accounts.Grants(r.Context(), id)
	if err != nil {
		return "", err
	}
	views, err := h.grantViews(r.Context(), p, gs)
	if err != nil {
		return "", err
	}
	c, err := h.grantChoices(r.Context(), p)
	if err != nil {
		return "", err
	}
	d := userData{User: u, Grants: views, Form: f, Choices: c,
		CanWhole: authz.Can(p.User, authz.ManageUsers, authz.Resource{Regions: userRegions(gs), Whole: true}),
		AuditURL: "/" + p.Code + "/admin/audit?" + url.Values{"type": {"user"}, "record": {strconv.FormatInt(id, 10)}}.Encode(),
	}
	p.Title, p.Data = u.Name, d
	return "user", nil
}

func (h *Handlers) backToUser(w http.ResponseWriter, r *http.Request, p *webkit.Page, flash string) (string, error) {
	h.Flash(r, flash)
	http.Redirect(w, r, "/"+p.Code+"/admin/users/"+r.PathValue("id"), http.StatusSeeOther)
	return "", nil
}

func (h *Handlers) setActive(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	active := r.PostFormValue("active") == "true"
	if id == p.User.UserID && !active {
		f := webkit.NewForm()
		f.Error, p.Status = p.L.T("users.error.disable_self"), http.StatusUnprocessableEntity
		return h.renderUser(r, p, f)
	}
	if err := h.accounts.SetUserActive(r.Context(), id, active); err != nil {
		return "", err
	}
	if active {
		return h.backToUser(w, r, p, "users.flash.activated")
	}
	return h.backToUser(w, r, p, "users.flash.deactivated")
}

func (h *Handlers) addGrant(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	g := postedGrant(r)
	g.UserID = id
	if err := h.accounts.AddGrant(r.Context(), &g); err != nil {
		f := webkit.FormFrom(r)
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return h.renderUser(r, p, f)
		}
		return "", err
	}
	return h.backToUser(w, r, p, "users.flash.grant_added")
}

func (h *Handlers) removeGrant(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	grantID, _ := webkit.PathID(r, "grant")
	if err := h.accounts.RemoveGrant(r.Context(), id, grantID); err != nil {
		return "", err
	}
	return h.backToUser(w, r, p, "users.flash.grant_removed")
}

// reinvite sends a new invitation link to a user who has not chosen a password yet.
func (h *Handlers) reinvite(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, _ := webkit.PathID(r, "id")
	u, err := h.accounts.User(r.Context(), id)
	if err != nil {
		return "", err
	}
	if u.HasPassword || !u.Active {
		return h.backToUser(w, r, p, "users.flash.no_invitation_needed")
	}
	gs, err := h.accounts.Grants(r.Context(), id)
	if err != nil {
		return "", err
	}
	role := ""
	if len(gs) > 0 {
		role = h.I18n.For(u.Lang).T("role." + string(gs[0].Role))
	}
	tok, hash := token.New()
	msg := h.Message(u, "invitation", "mail.invitation",
		"name", u.Name, "inviter", p.User.Name, "role", role, "link", h.link(string(u.Lang), "/invitation/"+tok),
		"days", int(invitationLifetime.Hours()/24))
	if err := h.accounts.CreateToken(r.Context(), u.ID, accounts.PurposeInvitation, hash, h.Now().Add(invitationLifetime), msg); err != nil {
		return "", err
	}
	h.notify()
	return h.backToUser(w, r, p, "users.flash.invitation_sent")
}
