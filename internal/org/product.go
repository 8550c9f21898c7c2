package org

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/textfold"
)

// Unit is what a product's price is for. Labels are in the catalogs under "org.unit.<code>".
type Unit string

// The units producers sell by.
const (
	Piece       Unit = "piece"
	Kilogram    Unit = "kg"
	Gram        Unit = "g"
	Litre       Unit = "litre"
	Millilitre  Unit = "ml"
	Box         Unit = "box" // a jar, pot or box: honey, amlou, cosmetics
	Metre       Unit = "metre"
	SquareMetre Unit = "square_metre" // carpets
	Set         Unit = "set"
	Service     Unit = "service" // a meal, a night, a session
)

// Units lists every unit in the order forms offer them.
var Units = []Unit{Piece, Kilogram, Gram, Litre, Millilitre, Box, Metre, SquareMetre, Set, Service}

// Product limits: names as long as organisation names are allowed to be, prices up to ten
// million dirhams (a guard against a price typed in centimes twice, not a business rule).
const (
	MaxProductName        = 200
	MaxProductDescription = 2000
	MaxPrice              = 10_000_000 * 100 // centimes
)

// Product is one thing an organisation sells. Prices are in centimes of a dirham: 0 means
// not given; a range when PriceMax is above PriceMin, a single price when PriceMax is 0.
type Product struct {
	ID             int64
	OrganisationID int64
	Name           mltext.Text // Arabic and French; Tamazight is not kept for products
	Category       string      // taxonomy category code
	Description    mltext.Text
	PriceMin       int64
	PriceMax       int64
	Unit           Unit
	Available      bool
}

// Sector is the sector of the product's category, or "" when the category is unknown.
func (p *Product) Sector() taxonomy.Sector {
	c, _ := taxonomy.Lookup(p.Category)
	return c.Sector
}

// IsRange reports whether the product has a price range rather than one price.
func (p *Product) IsRange() bool { return p.PriceMax > p.PriceMin && p.PriceMin > 0 }

// Validate normalizes what people typed and checks it, reporting every problem at once as
// field errors. A lone maximum becomes the price; a maximum equal to the minimum is one
// price, not a range.
func (p *Product) Validate() error {
	var v apperr.Validation
	p.Name = p.Name.Trimmed()
	p.Name.ZGH = ""
	p.Description = p.Description.Trimmed()
	p.Description.ZGH = ""
	p.Category = strings.TrimSpace(p.Category)
	p.Unit = Unit(strings.TrimSpace(string(p.Unit)))

	v.Check(p.Name.AR != "", "name_ar", "product.error.name_ar_required")
	v.Check(utf8.RuneCountInString(p.Name.AR) <= MaxProductName, "name_ar", "product.error.name_too_long", "max", MaxProductName)
	v.Check(utf8.RuneCountInString(p.Name.FR) <= MaxProductName, "name_fr", "product.error.name_too_long", "max", MaxProductName)
	if p.Category == "" {
		v.Add("category", "product.error.category_required")
	} else if _, ok := taxonomy.Lookup(p.Category); !ok {
		v.Add("category", "product.error.category_unknown", "code", p.Category)
	}
	v.Check(utf8.RuneCountInString(p.Description.AR) <= MaxProductDescription &&
		utf8.RuneCountInString(p.Description.FR) <= MaxProductDescription,
		"description", "product.error.description_too_long", "max", MaxProductDescription)

	if p.PriceMin == 0 && p.PriceMax > 0 {
		p.PriceMin, p.PriceMax = p.PriceMax, 0
	}
	if p.PriceMax == p.PriceMin {
		p.PriceMax = 0
	}
	priceOK := true
	for _, f := range []struct {
		field string
		value int64
	}{{"price_min", p.PriceMin}, {"price_max", p.PriceMax}} {
		switch {
		case f.value < 0:
			v.Add(f.field, "product.error.price_negative")
			priceOK = false
		case f.value > MaxPrice:
			v.Add(f.field, "product.error.price_too_high")
			priceOK = false
		}
	}
	if priceOK && p.PriceMax != 0 && p.PriceMax < p.PriceMin {
		v.Add("price_max", "product.error.price_range")
	}
	if p.Unit != "" && !slices.Contains(Units, p.Unit) {
		v.Add("unit", "product.error.unit_unknown", "code", string(p.Unit))
	}
	v.Check(p.PriceMin == 0 || p.Unit != "", "unit", "product.error.price_needs_unit")
	return v.Err()
}

// ParsePrice reads a price as people type it into centimes: "45", "45,50", "45.5",
// "1 200", "1.200,50", "١٢٠٠", "١٢٠٠٫٥٠", "120 DH", "120 درهم", "MAD 120". An empty string is
// 0 (no price). It refuses negative amounts, more than two decimals, and anything that is
// not a number; one separator followed by exactly three digits ("1,200") is refused as
// ambiguous (1.2 or 1200?) rather than guessed. Errors are Invalid with a catalog key.
func ParsePrice(s string) (int64, error) {
	s = textfold.ASCIIDigits(stripCurrency(s))
	var digits strings.Builder
	var seps []rune
	var sepAt []int // index in digits where each separator stands
	spaced := false // spaces group thousands, so a comma or point is the decimal mark
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == ',' || r == '.' || r == '٫' || r == '٬' || r == '\'':
			seps = append(seps, r)
			sepAt = append(sepAt, digits.Len())
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\t':
			spaced = spaced || digits.Len() > 0
		case r == '-' || r == '−' || r == '–':
			return 0, apperr.New(apperr.Invalid, "product.error.price_negative")
		default:
			return 0, apperr.New(apperr.Invalid, "product.error.price_invalid")
		}
	}
	d := digits.String()
	if d == "" {
		if len(seps) > 0 {
			return 0, apperr.New(apperr.Invalid, "product.error.price_invalid")
		}
		return 0, nil
	}
	intPart, frac := d, ""
	if len(seps) > 0 {
		// The decimal separator is the last one, unless it groups thousands.
		last := len(seps) - 1
		decimal := seps[last] != '٬' && seps[last] != '\''
		if decimal && len(seps) > 1 && seps[last] == seps[0] {
			decimal = false // "1.200.000": the same mark repeated groups thousands
		}
		grouping := seps
		if decimal {
			grouping = seps[:last]
			intPart, frac = d[:sepAt[last]], d[sepAt[last]:]
			if len(frac) > 2 {
				if len(seps) == 1 && len(frac) == 3 && !spaced {
					return 0, apperr.New(apperr.Invalid, "product.error.price_ambiguous")
				}
				return 0, apperr.New(apperr.Invalid, "product.error.price_decimals")
			}
			if len(frac) == 0 && len(intPart) == 0 {
				return 0, apperr.New(apperr.Invalid, "product.error.price_invalid")
			}
		}
		// Thousands marks must stand between groups of three digits.
		prev := -1
		for i := range grouping {
			at := sepAt[i]
			if at == 0 || (prev >= 0 && at-prev != 3) || (prev < 0 && at > 3) {
				return 0, apperr.New(apperr.Invalid, "product.error.price_invalid")
			}
			prev = at
		}
		if prev >= 0 && len(intPart)-prev != 3 {
			return 0, apperr.New(apperr.Invalid, "product.error.price_invalid")
		}
	}
	for len(frac) < 2 {
		frac += "0"
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 12 {
		return 0, apperr.New(apperr.Invalid, "product.error.price_too_high")
	}
	var n int64
	for _, c := range intPart + frac {
		n = n*10 + int64(c-'0')
	}
	if n > MaxPrice {
		return 0, apperr.New(apperr.Invalid, "product.error.price_too_high")
	}
	return n, nil
}

// currencyWords are the ways people write dirhams around a price, longest first so that
// "dhs" goes before "dh".
var currencyWords = []string{"دراهم", "درهم", "د.م.", "د.م", "dirhams", "dirham", "mad", "dhs", "dh", "drh"}

// stripCurrency removes one currency word before or after the amount, and surrounding
// space. Letters left over make the price invalid.
func stripCurrency(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range currencyWords {
		if len(s) >= len(w) && strings.EqualFold(s[len(s)-len(w):], w) {
			return strings.TrimSpace(s[:len(s)-len(w)])
		}
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return strings.TrimSpace(s[len(w):])
		}
	}
	return s
}
