package web

import (
	catalogueweb "github.com/aswaq/aswaq/internal/catalogue/web"

	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

func (s *Server) productRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/organisations/{id}/products/new", perm: authz.EditOrganisation, resource: s.orgResource, page: s.newProductForm},
		{pattern: "POST /{lang}/admin/organisations/{id}/products/new", perm: authz.EditOrganisation, resource: s.orgResource, page: s.createProduct},
		{pattern: "GET /{lang}/admin/products/{id}", perm: authz.EditOrganisation, resource: s.productResource, page: s.productPage},
		{pattern: "POST /{lang}/admin/products/{id}", perm: authz.EditOrganisation, resource: s.productResource, page: s.updateProduct},
		{pattern: "POST /{lang}/admin/products/{id}/delete", perm: authz.EditOrganisation, resource: s.productResource, page: s.deleteProduct},
		{pattern: "POST /{lang}/admin/products/{id}/photos", perm: authz.EditOrganisation, resource: s.productResource, page: s.addProductPhoto},
		{pattern: "POST /{lang}/admin/products/{id}/photos/{photo}/delete", perm: authz.EditOrganisation, resource: s.productResource, page: s.removeProductPhoto},
	}
}

// productResource is a product's place: its organisation's region, and the organisation
// itself so that its representatives may edit it.
func (s *Server) productResource(r *http.Request) (authz.Resource, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	p, err := s.store.Product(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	region, err := s.store.ProductRegion(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	return authz.Resource{Regions: []string{region}, Organisation: p.OrganisationID}, nil
}

type productFormData struct {
	ID           int64
	Organisation org.Organisation
	OrgName      string
	Form         *form
	Categories   []optionGroup
	Units        []option
	Photos       []photoView
}

func (s *Server) productChoices(p *page, d *productFormData) {
	for _, sec := range taxonomy.Sectors {
		g := optionGroup{Label: p.L.T("taxonomy.sector." + string(sec))}
		for _, c := range taxonomy.InSector(sec) {
			g.Options = append(g.Options, option{Value: c.Code, Label: p.L.T("taxonomy.category." + c.Code)})
		}
		d.Categories = append(d.Categories, g)
	}
	for _, u := range org.Units {
		d.Units = append(d.Units, option{Value: string(u), Label: p.L.T("org.unit." + string(u))})
	}
}

func (s *Server) renderProductForm(p *page, d productFormData, titleKey string) (string, error) {
	s.productChoices(p, &d)
	d.OrgName = d.Organisation.Name.In(p.Code)
	p.Title, p.Data = p.L.T(titleKey), d
	return "product_form", nil
}

func (s *Server) newProductForm(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	o, err := s.store.Organisation(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := newForm()
	f.Values["available"] = "1"
	if len(o.Categories) > 0 {
		f.Values["category"] = o.Categories[0]
	}
	return s.renderProductForm(p, productFormData{Organisation: o, Form: f}, "products.new_title")
}

// productFromForm reads the product form; prices are read as people type them ("45,50",
// "١٢٠ درهم") and a price that cannot be read is a field error, the typed text kept.
func productFromForm(r *http.Request, f *form, l *i18n.Localizer) org.Product {
	v := r.PostForm
	p := org.Product{
		Name:        mltext.Text{AR: v.Get("name_ar"), FR: v.Get("name_fr")},
		Category:    v.Get("category"),
		Description: mltext.Text{AR: v.Get("description_ar"), FR: v.Get("description_fr")},
		Unit:        org.Unit(v.Get("unit")),
		Available:   v.Get("available") == "1",
	}
	for _, pr := range []struct {
		field string
		into  *int64
	}{{"price_min", &p.PriceMin}, {"price_max", &p.PriceMax}} {
		if strings.TrimSpace(v.Get(pr.field)) == "" {
			continue
		}
		c, err := org.ParsePrice(v.Get(pr.field))
		if err != nil {
			if e, ok := apperr.As(err); ok {
				f.Errors[pr.field] = l.T(e.Key, e.Args...)
				continue
			}
			f.Errors[pr.field] = l.T("product.error.price_invalid")
			continue
		}
		*pr.into = c
	}
	return p
}

func (s *Server) createProduct(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	o, err := s.store.Organisation(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := formFrom(r)
	prod := productFromForm(r, f, p.L)
	prod.OrganisationID = id
	d := productFormData{Organisation: o, Form: f}
	if len(f.Errors) == 0 {
		err = s.store.CreateProduct(r.Context(), &prod)
		if err == nil {
			s.flash(r, "products.flash.created")
			http.Redirect(w, r, "/"+p.Code+"/admin/products/"+strconv.FormatInt(prod.ID, 10), http.StatusSeeOther)
			return "", nil
		}
		if !f.Fail(p.L, err) {
			return "", err
		}
	}
	if f.Error == "" {
		f.Error = p.L.T("error.invalid_input")
	}
	p.Status = http.StatusUnprocessableEntity
	return s.renderProductForm(p, d, "products.new_title")
}

func (s *Server) productPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	prod, err := s.store.Product(r.Context(), id)
	if err != nil {
		return "", err
	}
	return s.renderProductEdit(r, p, prod, productValues(prod))
}

func (s *Server) renderProductEdit(r *http.Request, p *page, prod org.Product, f *form) (string, error) {
	o, err := s.store.Organisation(r.Context(), prod.OrganisationID)
	if err != nil {
		return "", err
	}
	photos, err := s.store.Photos(r.Context(), store.PhotoOfProduct, prod.ID)
	if err != nil {
		return "", err
	}
	return s.renderProductForm(p, productFormData{ID: prod.ID, Organisation: o, Form: f, Photos: photoViews(photos)}, "products.edit_title")
}

func productValues(prod org.Product) *form {
	f := newForm()
	f.Values["name_ar"], f.Values["name_fr"] = prod.Name.AR, prod.Name.FR
	f.Values["category"], f.Values["unit"] = prod.Category, string(prod.Unit)
	f.Values["description_ar"], f.Values["description_fr"] = prod.Description.AR, prod.Description.FR
	if prod.PriceMin > 0 {
		f.Values["price_min"] = centimesText(prod.PriceMin)
	}
	if prod.PriceMax > 0 {
		f.Values["price_max"] = centimesText(prod.PriceMax)
	}
	if prod.Available {
		f.Values["available"] = "1"
	}
	return f
}

// centimesText writes an amount for a form field the way ParsePrice reads it back: "45"
// or "45.50".
func centimesText(c int64) string {
	if c%100 == 0 {
		return strconv.FormatInt(c/100, 10)
	}
	return strconv.FormatInt(c/100, 10) + "." + strconv.FormatInt(c%100+100, 10)[1:]
}

func (s *Server) updateProduct(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	stored, err := s.store.Product(r.Context(), id)
	if err != nil {
		return "", err
	}
	f := formFrom(r)
	prod := productFromForm(r, f, p.L)
	prod.ID, prod.OrganisationID = id, stored.OrganisationID
	if len(f.Errors) == 0 {
		err = s.store.UpdateProduct(r.Context(), &prod)
		if err == nil {
			s.flash(r, "registry.flash.saved")
			http.Redirect(w, r, "/"+p.Code+"/admin/products/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
			return "", nil
		}
		if !f.Fail(p.L, err) {
			return "", err
		}
	}
	if f.Error == "" {
		f.Error = p.L.T("error.invalid_input")
	}
	p.Status = http.StatusUnprocessableEntity
	return s.renderProductEdit(r, p, stored, f)
}

func (s *Server) deleteProduct(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	prod, err := s.store.Product(r.Context(), id)
	if err != nil {
		return "", err
	}
	if err := s.store.DeleteProduct(r.Context(), id); err != nil {
		return "", err
	}
	s.flash(r, "products.flash.deleted")
	http.Redirect(w, r, "/"+p.Code+"/admin/organisations/"+strconv.FormatInt(prod.OrganisationID, 10)+"#products", http.StatusSeeOther)
	return "", nil
}

func (s *Server) addProductPhoto(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	res, err := s.uploadPhoto(w, r)
	if err == nil {
		_, err = s.store.AddPhoto(r.Context(), store.PhotoOfProduct, id, res)
	}
	if err != nil {
		e, ok := apperr.As(err)
		if !ok || e.Code != apperr.Invalid {
			return "", err
		}
		prod, err := s.store.Product(r.Context(), id)
		if err != nil {
			return "", err
		}
		f := productValues(prod)
		f.Errors["photo"] = p.L.T(e.Key, e.Args...)
		if len(e.Fields) > 0 {
			f.Errors["photo"] = p.L.T(e.Fields[0].Key, e.Fields[0].Args...)
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderProductEdit(r, p, prod, f)
	}
	s.flash(r, "registry.flash.photo_added")
	http.Redirect(w, r, "/"+p.Code+"/admin/products/"+strconv.FormatInt(id, 10)+"#photos", http.StatusSeeOther)
	return "", nil
}

func (s *Server) removeProductPhoto(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	photo, err := pathID(r, "photo")
	if err != nil {
		return "", err
	}
	if err := s.store.RemovePhoto(r.Context(), store.PhotoOfProduct, id, photo); err != nil {
		return "", err
	}
	s.flash(r, "registry.flash.photo_removed")
	http.Redirect(w, r, "/"+p.Code+"/admin/products/"+strconv.FormatInt(id, 10)+"#photos", http.StatusSeeOther)
	return "", nil
}

// productRow is a product in a list, in the reader's language (see the catalogue's pages).
type productRow = catalogueweb.ProductRow

var (
	productRowOf = catalogueweb.ProductRowOf
	priceText    = catalogueweb.PriceText
)
