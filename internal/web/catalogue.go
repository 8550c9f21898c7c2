package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
)

func (s *Server) catalogueRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/catalogue", perm: authz.Public, page: s.cataloguePage},
		{pattern: "GET /{lang}/catalogue/organisations/{id}", perm: authz.Public, page: s.publicOrgPage},
		{pattern: "GET /{lang}/catalogue/products/{id}", perm: authz.Public, page: s.publicProductPage},
	}
}

type catalogueData struct {
	Form    *form
	Hits    []catalogueHit
	Filters []filterSelect
	Flags   []filterSelect // the checkboxes: Current is "1" when checked
	Active  []activeFilter
	Clear   string // the same search without filters
	Ignored string // which filters were not understood and left out, or ""
	Pager   pager
}

// catalogueHit is one organisation or product found, in the reader's language.
type catalogueHit struct {
	Href     string
	Name     string
	Kind     string // what it is: a legal form, or a product category
	Detail   string // the sector and province, or the producer
	Price    string
	Province string
	Photo    *photoView // the thumbnail, or nil for a placeholder that costs no request
}

// cataloguePage is the public list of producers and products: one search box tolerant of
// Arabic spellings and French accents, filters, readable without JavaScript; every filter
// is in the address, so a search can be shared.
func (s *Server) cataloguePage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	c := s.readCatalogueQuery(p, r.URL.Query())
	pg := newPager(r, 24)
	c.Query.Limit, c.Query.Offset = pg.Size, pg.Offset()
	res, err := s.store.Catalogue().Search(r.Context(), c.Query)
	if err != nil {
		return "", err
	}
	f := newForm()
	f.Values = c.Values
	d := catalogueData{Form: f, Filters: s.filterSelects(p, c), Pager: pg.WithTotal(res.Total, r.URL)}
	for _, fl := range catalogueFlags {
		d.Flags = append(d.Flags, filterSelect{Name: fl.name, Label: p.L.T(fl.label), Current: c.Values[fl.name]})
	}
	d.Active, d.Clear = activeFilters(p, r.URL.Path, c, d.Filters)
	if len(c.Ignored) > 0 {
		d.Ignored = p.L.T("catalogue.ignored", "filters", strings.Join(c.Ignored, p.L.T("catalogue.list_separator")))
	}
	for _, h := range res.Hits {
		d.Hits = append(d.Hits, s.catalogueHit(p, h))
	}
	p.Title, p.Data = p.L.T("catalogue.title"), d
	return "catalogue", nil
}

func (s *Server) catalogueHit(p *page, h catalogue.SearchHit) catalogueHit {
	province := s.provinceName(h.ProvinceCode, p.Code)
	var photo *photoView
	if h.Cover.Thumb != "" {
		photo = &photoViews([]store.Photo{h.Cover})[0]
	}
	if h.Kind == catalogue.KindProduct {
		pr := org.Product{PriceMin: h.PriceMin, PriceMax: h.PriceMax, Unit: h.Unit}
		return catalogueHit{Href: "/" + p.Code + "/catalogue/products/" + strconv.FormatInt(h.ID, 10), Name: h.Name.In(p.Code),
			Kind: p.L.T("taxonomy.category." + h.Category), Detail: h.OrganisationName.In(p.Code), Price: priceText(p.L, pr),
			Province: province, Photo: photo}
	}
	return catalogueHit{Href: "/" + p.Code + "/catalogue/organisations/" + strconv.FormatInt(h.ID, 10), Name: h.Name.In(p.Code),
		Kind: p.L.T("org.legal_form." + string(h.LegalForm)), Detail: p.L.T("taxonomy.sector." + string(h.Sector)),
		Province: province, Photo: photo}
}

// publicOrg is an organisation as the public sees it: only what its representatives chose
// to show.
type publicOrg struct {
	Org        org.Organisation
	Name       string
	OtherName  string
	OtherLang  string
	LegalForm  string
	Province   string
	Region     string
	Sector     string
	Categories []string
	Programmes []string
	Story      string
	Phone      string       // shown as dialled in Morocco: 06 12 34 56 78
	PhoneLink  template.URL // tel: link, built from a validated E.164 number
	WhatsApp   string       // https://wa.me/ link
	Email      string
	Address    string
	Links      []option
	URL        string
	Photos     []photoView
	Image      string // absolute address of the first photo, for sharing
	Products   []productRow
	Fairs      []fairCard // the editions it exhibited at
	Stands     []option   // its stand at upcoming and current editions, linked to the map
}

func (s *Server) publicOrgPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return "", err
	}
	o, err := s.store.Organisation(r.Context(), id)
	if err != nil {
		return "", err
	}
	if o.MergedInto != 0 { // an old link to a merged record leads to the record kept
		http.Redirect(w, r, "/"+p.Code+"/catalogue/organisations/"+strconv.FormatInt(o.MergedInto, 10), http.StatusMovedPermanently)
		return "", nil
	}
	if o.Status != org.Validated {
		return "", apperr.New(apperr.NotFound, "error.not_found_title")
	}
	d := publicOrg{Org: o, Name: o.Name.In(p.Code), LegalForm: p.L.T("org.legal_form." + string(o.LegalForm)),
		Province: s.provinceName(o.ProvinceCode, p.Code), Sector: p.L.T("taxonomy.sector." + string(o.Sector)),
		Story: o.Description.In(p.Code), URL: s.link(p.Code, "/catalogue/organisations/"+strconv.FormatInt(id, 10))}
	if pr, ok := s.provinces[o.ProvinceCode]; ok {
		d.Region = s.regionName(pr.RegionCode, p.Code)
	}
	if p.Code == "ar" && o.Name.FR != "" {
		d.OtherName, d.OtherLang = o.Name.FR, "fr"
	} else if p.Code != "ar" && o.Name.AR != "" && o.Name.AR != d.Name {
		d.OtherName, d.OtherLang = o.Name.AR, "ar"
	}
	for _, c := range o.Categories {
		d.Categories = append(d.Categories, p.L.T("taxonomy.category."+c))
	}
	for _, pr := range o.Programmes {
		d.Programmes = append(d.Programmes, p.L.T("taxonomy.programme."+string(pr)))
	}
	c := o.Contact
	if c.PhonePublic && c.Phone != "" {
		d.Phone, d.PhoneLink = nationalPhone(c.Phone), template.URL("tel:"+c.Phone)
		if c.WhatsApp {
			d.WhatsApp = "https://wa.me/" + strings.TrimPrefix(c.Phone, "+")
		}
	}
	if c.EmailPublic {
		d.Email = c.Email
	}
	if c.AddressPublic {
		d.Address = c.Address
	}
	for _, l := range []struct{ key, url string }{{"registry.website", c.Website}, {"registry.facebook", c.Facebook}, {"registry.instagram", c.Instagram}} {
		if l.url != "" && c.LinksPublic {
			d.Links = append(d.Links, option{Value: l.url, Label: p.L.T(l.key)})
		}
	}
	photos, err := s.store.Photos(r.Context(), store.PhotoOfOrganisation, id)
	if err != nil {
		return "", err
	}
	d.Photos = photoViews(photos)
	if len(photos) > 0 {
		d.Image = s.baseURL + "/media/" + photos[0].Medium
	}
	products, err := s.store.Products(r.Context(), id)
	if err != nil {
		return "", err
	}
	for _, pr := range products {
		if pr.Available {
			d.Products = append(d.Products, productRowOf(p, pr))
		}
	}
	fairs, err := s.store.Participations(r.Context(), id)
	if err != nil {
		return "", err
	}
	if d.Stands, err = s.orgStandLinks(r.Context(), p, id, fairs); err != nil {
		return "", err
	}
	for i := range fairs {
		d.Fairs = append(d.Fairs, s.fairCard(p.L, &fairs[i]))
	}
	p.Title, p.Data = d.Name, d
	return "public_org", nil
}

// nationalPhone shows +212612345678 as Moroccans write it: 06 12 34 56 78.
func nationalPhone(e164 string) string {
	if !strings.HasPrefix(e164, "+212") || len(e164) != 13 {
		return e164
	}
	n := "0" + e164[4:]
	return n[0:2] + " " + n[2:4] + " " + n[4:6] + " " + n[6:8] + " " + n[8:10]
}

type publicProduct struct {
	Product  org.Product
	Name     string
	Category string
	Price    string
	Story    string
	OrgID    int64
	OrgName  string
	Province string
	Photos   []photoView
	URL      string
	Image    string
}

// publicProductPage shows one product with its producer; a product of a record that is
// not public is not either.
func (s *Server) publicProductPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return "", err
	}
	pr, err := s.store.Product(r.Context(), id)
	if err != nil {
		return "", err
	}
	o, err := s.store.Organisation(r.Context(), pr.OrganisationID)
	if err != nil {
		return "", err
	}
	if o.Status != org.Validated || o.MergedInto != 0 {
		return "", apperr.New(apperr.NotFound, "error.not_found_title")
	}
	photos, err := s.store.Photos(r.Context(), store.PhotoOfProduct, id)
	if err != nil {
		return "", err
	}
	d := publicProduct{Product: pr, Name: pr.Name.In(p.Code), Category: p.L.T("taxonomy.category." + pr.Category),
		Price: priceText(p.L, pr), Story: pr.Description.In(p.Code), OrgID: o.ID, OrgName: o.Name.In(p.Code),
		Province: s.provinceName(o.ProvinceCode, p.Code), Photos: photoViews(photos),
		URL: s.link(p.Code, "/catalogue/products/"+strconv.FormatInt(id, 10))}
	if len(photos) > 0 {
		d.Image = s.baseURL + "/media/" + photos[0].Medium
	}
	p.Title, p.Data = d.Name, d
	return "public_product", nil
}
