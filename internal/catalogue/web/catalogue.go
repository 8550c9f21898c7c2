package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	editionsweb "github.com/aswaq/aswaq/internal/editions/web"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

type catalogueData struct {
	Form    *webkit.Form
	Hits    []catalogueHit
	Filters []filterSelect
	Flags   []filterSelect // the checkboxes: Current is "1" when checked
	Active  []activeFilter
	Clear   string // the same search without filters
	Ignored string // which filters were not understood and left out, or ""
	Pager   webkit.Pager
}

// catalogueHit is one organisation or product found, in the reader's language.
type catalogueHit struct {
	Href     string
	Name     string
	Kind     string // what it is: a legal form, or a product category
	Detail   string // the sector and province, or the producer
	Price    string
	Province string
	Photo    *PhotoView // the thumbnail, or nil for a placeholder that costs no request
}

// cataloguePage is the public list of producers and products: one search box tolerant of
// Arabic spellings and French accents, filters, readable without JavaScript; every filter
// is in the address, so a search can be shared.
func (h *Handlers) cataloguePage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	c := h.readCatalogueQuery(p, r.URL.Query())
	pg := webkit.NewPager(r, 24)
	c.Query.Limit, c.Query.Offset = pg.Size, pg.Offset()
	res, err := h.catalogue.Search(r.Context(), c.Query)
	if err != nil {
		return "", err
	}
	f := webkit.NewForm()
	f.Values = c.Values
	d := catalogueData{Form: f, Filters: h.filterSelects(p, c), Pager: pg.WithTotal(res.Total, r.URL)}
	for _, fl := range catalogueFlags {
		d.Flags = append(d.Flags, filterSelect{Name: fl.name, Label: p.L.T(fl.label), Current: c.Values[fl.name]})
	}
	d.Active, d.Clear = activeFilters(p, r.URL.Path, c, d.Filters)
	if len(c.Ignored) > 0 {
		d.Ignored = p.L.T("catalogue.ignored", "filters", strings.Join(c.Ignored, p.L.T("catalogue.list_separator")))
	}
	for _, hit := range res.Hits {
		d.Hits = append(d.Hits, h.catalogueHit(p, hit))
	}
	p.Title, p.Data = p.L.T("catalogue.title"), d
	return "catalogue", nil
}

func (h *Handlers) catalogueHit(p *webkit.Page, hit catalogue.SearchHit) catalogueHit {
	province := h.ProvinceName(hit.ProvinceCode, p.Code)
	var photo *PhotoView
	if hit.Cover.Thumb != "" {
		photo = &PhotoViews([]org.Photo{hit.Cover})[0]
	}
	if hit.Kind == catalogue.KindProduct {
		pr := org.Product{PriceMin: hit.PriceMin, PriceMax: hit.PriceMax, Unit: hit.Unit}
		return catalogueHit{Href: "/" + p.Code + "/catalogue/products/" + strconv.FormatInt(hit.ID, 10), Name: hit.Name.In(p.Code),
			Kind: p.L.T("taxonomy.category." + hit.Category), Detail: hit.OrganisationName.In(p.Code), Price: PriceText(p.L, pr),
			Province: province, Photo: photo}
	}
	return catalogueHit{Href: "/" + p.Code + "/catalogue/organisations/" + strconv.FormatInt(hit.ID, 10), Name: hit.Name.In(p.Code),
		Kind: p.L.T("org.legal_form." + string(hit.LegalForm)), Detail: p.L.T("taxonomy.sector." + string(hit.Sector)),
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
	Links      []webkit.Option
	URL        string
	Photos     []PhotoView
	Image      string // absolute address of the first photo, for sharing
	Products   []ProductRow
	Fairs      []editionsweb.Card // the editions it exhibited at
	Stands     []webkit.Option    // its stand at upcoming and current editions, linked to the map
}

func (h *Handlers) publicOrgPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, err := webkit.PathID(r, "id")
	if err != nil {
		return "", err
	}
	o, err := h.registry.Organisation(r.Context(), id)
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
		Province: h.ProvinceName(o.ProvinceCode, p.Code), Sector: p.L.T("taxonomy.sector." + string(o.Sector)),
		Story: o.Description.In(p.Code), URL: h.link(p.Code, "/catalogue/organisations/"+strconv.FormatInt(id, 10))}
	if pr, ok := h.Provinces[o.ProvinceCode]; ok {
		d.Region = h.RegionName(pr.RegionCode, p.Code)
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
		d.Phone, d.PhoneLink = NationalPhone(c.Phone), template.URL("tel:"+c.Phone)
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
			d.Links = append(d.Links, webkit.Option{Value: l.url, Label: p.L.T(l.key)})
		}
	}
	photos, err := h.registry.Photos(r.Context(), org.PhotoOfOrganisation, id)
	if err != nil {
		return "", err
	}
	d.Photos = PhotoViews(photos)
	if len(photos) > 0 {
		d.Image = h.BaseURL + "/media/" + photos[0].Medium
	}
	products, err := h.registry.Products(r.Context(), id)
	if err != nil {
		return "", err
	}
	for _, pr := range products {
		if pr.Available {
			d.Products = append(d.Products, ProductRowOf(p, pr))
		}
	}
	fairs, stands, err := h.exhibits(r.Context(), p, id)
	if err != nil {
		return "", err
	}
	d.Stands = stands
	for i := range fairs {
		d.Fairs = append(d.Fairs, editionsweb.CardOf(h.Kit, p.L, &fairs[i]))
	}
	p.Title, p.Data = d.Name, d
	return "public_org", nil
}

// NationalPhone shows +212612345678 as Moroccans write it: 06 12 34 56 78.
func NationalPhone(e164 string) string {
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
	Photos   []PhotoView
	URL      string
	Image    string
}

// publicProductPage shows one product with its producer; a product of a record that is
// not public is not either.
func (h *Handlers) publicProductPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	id, err := webkit.PathID(r, "id")
	if err != nil {
		return "", err
	}
	pr, err := h.registry.Product(r.Context(), id)
	if err != nil {
		return "", err
	}
	o, err := h.registry.Organisation(r.Context(), pr.OrganisationID)
	if err != nil {
		return "", err
	}
	if o.Status != org.Validated || o.MergedInto != 0 {
		return "", apperr.New(apperr.NotFound, "error.not_found_title")
	}
	photos, err := h.registry.Photos(r.Context(), org.PhotoOfProduct, id)
	if err != nil {
		return "", err
	}
	d := publicProduct{Product: pr, Name: pr.Name.In(p.Code), Category: p.L.T("taxonomy.category." + pr.Category),
		Price: PriceText(p.L, pr), Story: pr.Description.In(p.Code), OrgID: o.ID, OrgName: o.Name.In(p.Code),
		Province: h.ProvinceName(o.ProvinceCode, p.Code), Photos: PhotoViews(photos),
		URL: h.link(p.Code, "/catalogue/products/"+strconv.FormatInt(id, 10))}
	if len(photos) > 0 {
		d.Image = h.BaseURL + "/media/" + photos[0].Medium
	}
	p.Title, p.Data = d.Name, d
	return "public_product", nil
}
