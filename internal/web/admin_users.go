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
	"github.com/aswaq/aswaq/internal/token"
)

func (s *Server) adminRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/users", perm: authz.ManageUsers, page: s.usersPage},
		{pattern: "GET /{lang}/admin/users/invite", perm: authz.ManageUsers, page: s.inviteForm},
		{pattern: "POST /{lang}/admin/users/invite", perm: authz.ManageUsers, resource: s.postedGrantResource, page: s.invite},
		{pattern: "GET /{lang}/admin/users/{id}", perm: authz.ManageUsers, resource: s.userResource(false), page: s.userPage},
		{pattern: "POST /{lang}/admin/users/{id}/active", perm: authz.ManageUsers, resource: s.userResource(true), page: s.setActive},
		{pattern: "POST /{lang}/admin/users/{id}/invitation", perm: authz.ManageUsers, resource: s.userResource(false), page: s.reinvite},
		{pattern: "POST /{lang}/admin/users/{id}/grants", perm: authz.ManageUsers, resource: s.userAndPostedGrantResource, page: s.addGrant},
		{pattern: "POST /{lang}/admin/users/{id}/grants/{grant}/delete", perm: authz.ManageUsers, resource: s.grantResource, page: s.removeGrant},
		{pattern: "GET /{lang}/admin/audit", perm: authz.ViewAudit, page: s.auditPage},
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
func (s *Server) userResource(whole bool) resourceFunc {
	return func(r *http.Request) (authz.Resource, error) {
		id, err := pathID(r, "id")
		if err != nil {
			return authz.Resource{}, err
		}
		if _, err := s.store.Accounts().User(r.Context(), id); err != nil {
			return authz.Resource{}, err
		}
		gs, err := s.store.Accounts().Grants(r.Context(), id)
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
func (s *Server) grantScopeResource(ctx context.Context, g account.Grant) authz.Resource {
	if g.Role == account.Admin || g.Validate() != nil {
		return authz.Resource{Whole: true} // no region: admins only; invalid grants are refused by the handler
	}
	region, err := s.store.Accounts().GrantRegion(ctx, g)
	if err != nil || region == "" {
		return authz.Resource{Whole: true}
	}
	return authz.Resource{Regions: []string{region}, Whole: true}
}

func (s *Server) postedGrantResource(r *http.Request) (authz.Resource, error) {
	g := postedGrant(r)
	if !g.Role.Valid() || g.Validate() != nil {
		return authz.Resource{}, nil // the form comes back with its errors
	}
	return s.grantScopeResource(r.Context(), g), nil
}

func (s *Server) userAndPostedGrantResource(r *http.Request) (authz.Resource, error) {
	res, err := s.userResource(false)(r)
	if err != nil {
		return res, err
	}
	if g := postedGrant(r); g.Role.Valid() && g.Validate() == nil {
		res.And = []authz.Resource{s.grantScopeResource(r.Context(), g)}
	}
	return res, nil
}

func (s *Server) grantResource(r *http.Request) (authz.Resource, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	grantID, err := pathID(r, "grant")
	if err != nil {
		return authz.Resource{}, err
	}
	gs, err := s.store.Accounts().Grants(r.Context(), id)
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
	Pager pager
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	all, regions := authz.Scope(p.User, authz.ManageUsers)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	pg := newPager(r, 50)
	users, total, err := s.store.Accounts().Users(r.Context(), accounts.UserFilter{AllRegions: all, Regions: regions, Query: q, Limit: pg.Size, Offset: pg.Offset()})
	if err != nil {
		return "", err
	}
	d := usersData{Query: q, Pager: pg.WithTotal(total, r.URL)}
	for _, u := range users {
		gs, err := s.store.Accounts().Grants(r.Context(), u.ID)
		if err != nil {
			return "", err
		}
		views, err := s.grantViews(r.Context(), p, gs)
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
	Roles         []option
	Regions       []option
	Editions      []option
	Organisations []option
	Langs         []option
}

func (s *Server) grantChoices(ctx context.Context, p *page) (grantChoices, error) {
	all, regions := authz.Scope(p.User, authz.ManageUsers)
	var c grantChoices
	for _, role := range account.Roles {
		if role == account.Admin && !all {
			continue
		}
		c.Roles = append(c.Roles, option{Value: string(role), Label: p.L.T("role." + string(role))})
	}
	for code := range s.regions {
		if all || slices.Contains(regions, code) {
			c.Regions = append(c.Regions, option{Value: code, Label: s.regionName(code, p.Code)})
		}
	}
	slices.SortFunc(c.Regions, func(a, b option) int { return strings.Compare(a.Value, b.Value) })
	eds, err := s.editions.EditionsInRegions(ctx, all, regions)
	if err != nil {
		return c, err
	}
	for _, e := range eds {
		c.Editions = append(c.Editions, option{Value: strconv.FormatInt(e.ID, 10), Label: e.Title.In(p.Code) + " — " + p.L.DateRange(e.StartsOn.In(casablanca), e.EndsOn.In(casablanca))})
	}
	orgs, err := s.store.OrganisationsInRegions(ctx, all, regions, 1000)
	if err != nil {
		return c, err
	}
	for _, o := range orgs {
		c.Organisations = append(c.Organisations, option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name.In(p.Code)})
	}
	for _, l := range i18n.All {
		c.Langs = append(c.Langs, option{Value: string(l), Label: l.NativeName()})
	}
	return c, nil
}

type inviteData struct {
	Form    *form
	Choices grantChoices
}

func (s *Server) inviteForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := newForm()
	f.Values["lang"] = string(p.Lang)
	return s.renderInvite(r, p, f)
}

func (s *Server) renderInvite(r *http.Request, p *page, f *form) (string, error) {
	c, err := s.grantChoices(r.Context(), p)
	if err != nil {
		return "", err
	}
	p.Title, p.Data = p.L.T("users.invite_title"), inviteData{Form: f, Choices: c}
	return "invite", nil
}

// invite creates the account, the grant, the link and the message in one step, so an
// invitation is either complete or not made at all.
func (s *Server) invite(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	f := formFrom(r)
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
		return s.renderInvite(r, p, f)
	}
	tok, hash := token.New()
	msg := s.message(u, "invitation", "mail.invitation",
		"name", u.Name, "inviter", p.User.Name, "role", s.i18n.For(u.Lang).T("role."+string(g.Role)),
		"link", s.link(string(u.Lang), "/invitation/"+tok), "days", int(invitationLifetime.Hours()/24))
	if err := s.store.Accounts().Invite(r.Context(), &u, g, hash, s.now().Add(invitationLifetime), msg); err != nil {
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderInvite(r, p, f)
		}
		return "", err
	}
	s.outboxNotify()
	s.flash(r, "users.flash.invited")
	http.Redirect(w, r, "/"+p.Code+"/admin/users/"+strconv.FormatInt(u.ID, 10), http.StatusSeeOther)
	return "", nil
}

type userData struct {
	User     account.User
	Grants   []grantView
	CanWhole bool // the viewer may enable or disable this user
	Form     *form
	Choices  grantChoices
	AuditURL string
}

func (s *Server) userPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	return s.renderUser(r, p, newForm())
}

func (s *Server) renderUser(r *http.Request, p *page, f *form) (string, error) {
	id, _ := pathID(r, "id")
	u, err := s.store.Accounts().User(r.Context(), id)
	if err != nil {
		return "", err
	}
	gs, err := s.store.Accounts().Grants(r.Context(), id)
	if err != nil {
		return "", err
	}
	views, err := s.grantViews(r.Context(), p, gs)
	if err != nil {
		return "", err
	}
	c, err := s.grantChoices(r.Context(), p)
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

func (s *Server) backToUser(w http.ResponseWriter, r *http.Request, p *page, flash string) (string, error) {
	s.flash(r, flash)
	http.Redirect(w, r, "/"+p.Code+"/admin/users/"+r.PathValue("id"), http.StatusSeeOther)
	return "", nil
}

func (s *Server) setActive(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	active := r.PostFormValue("active") == "true"
	if id == p.User.UserID && !active {
		f := newForm()
		f.Error, p.Status = p.L.T("users.error.disable_self"), http.StatusUnprocessableEntity
		return s.renderUser(r, p, f)
	}
	if err := s.store.Accounts().SetUserActive(r.Context(), id, active); err != nil {
		return "", err
	}
	if active {
		return s.backToUser(w, r, p, "users.flash.activated")
	}
	return s.backToUser(w, r, p, "users.flash.deactivated")
}

func (s *Server) addGrant(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	g := postedGrant(r)
	g.UserID = id
	if err := s.store.Accounts().AddGrant(r.Context(), &g); err != nil {
		f := formFrom(r)
		if f.Fail(p.L, err) {
			p.Status = http.StatusUnprocessableEntity
			return s.renderUser(r, p, f)
		}
		return "", err
	}
	return s.backToUser(w, r, p, "users.flash.grant_added")
}

func (s *Server) removeGrant(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	grantID, _ := pathID(r, "grant")
	if err := s.store.Accounts().RemoveGrant(r.Context(), id, grantID); err != nil {
		return "", err
	}
	return s.backToUser(w, r, p, "users.flash.grant_removed")
}

// reinvite sends a new invitation link to a user who has not chosen a password yet.
func (s *Server) reinvite(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	u, err := s.store.Accounts().User(r.Context(), id)
	if err != nil {
		return "", err
	}
	if u.HasPassword || !u.Active {
		return s.backToUser(w, r, p, "users.flash.no_invitation_needed")
	}
	gs, err := s.store.Accounts().Grants(r.Context(), id)
	if err != nil {
		return "", err
	}
	role := ""
	if len(gs) > 0 {
		role = s.i18n.For(u.Lang).T("role." + string(gs[0].Role))
	}
	tok, hash := token.New()
	msg := s.message(u, "invitation", "mail.invitation",
		"name", u.Name, "inviter", p.User.Name, "role", role, "link", s.link(string(u.Lang), "/invitation/"+tok),
		"days", int(invitationLifetime.Hours()/24))
	if err := s.store.Accounts().CreateToken(r.Context(), u.ID, accounts.PurposeInvitation, hash, s.now().Add(invitationLifetime), msg); err != nil {
		return "", err
	}
	s.outboxNotify()
	return s.backToUser(w, r, p, "users.flash.invitation_sent")
}
