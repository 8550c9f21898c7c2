package web

import (
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/imaging"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// PhotoView is a photo as a page shows it: the addresses of its renditions and the size of
// its thumbnail.
type PhotoView struct {
	ID     int64
	Thumb  string
	Medium string
	Large  string
	Width  int // of the thumbnail
	Height int
}

// PhotoViews shows photos with their /media/ addresses.
func PhotoViews(ps []org.Photo) []PhotoView {
	out := make([]PhotoView, len(ps))
	for i, ph := range ps {
		w, h := fit(ph.Width, ph.Height, imaging.ThumbSide)
		out[i] = PhotoView{ID: ph.ID, Thumb: "/media/" + ph.Thumb, Medium: "/media/" + ph.Medium, Large: "/media/" + ph.Large, Width: w, Height: h}
	}
	return out
}

// fit scales w×h so that its longest side is at most side, as imaging does.
func fit(w, h, side int) (int, int) {
	if w <= side && h <= side || w <= 0 || h <= 0 {
		return w, h
	}
	if w >= h {
		return side, max(1, h*side/w)
	}
	return max(1, w*side/h), side
}

// ProductRow is a product in a list, in the reader's language.
type ProductRow struct {
	ID        int64
	Name      string
	Category  string
	Price     string
	Available bool
}

// ProductRowOf puts a product in the reader's words.
func ProductRowOf(p *webkit.Page, pr org.Product) ProductRow {
	return ProductRow{ID: pr.ID, Name: pr.Name.In(p.Code), Category: p.L.T("taxonomy.category." + pr.Category),
		Price: PriceText(p.L, pr), Available: pr.Available}
}

// PriceText shows a price or a price range in dirhams, with its unit: "45,00 درهم / كلغ".
func PriceText(l *i18n.Localizer, pr org.Product) string {
	if pr.PriceMin == 0 && pr.PriceMax == 0 {
		return ""
	}
	amount := l.Money(max(pr.PriceMin, pr.PriceMax))
	if pr.IsRange() {
		amount = l.T("products.price_range", "min", l.Money(pr.PriceMin), "max", l.Money(pr.PriceMax))
	}
	if pr.Unit == "" {
		return amount
	}
	return l.T("products.price_per", "price", amount, "unit", l.T("org.unit."+string(pr.Unit)))
}
