package org

import (
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

func TestParsePrice(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		key  string // the error's key, "" when it parses
	}{
		{"", 0, ""},
		{"  ", 0, ""},
		{"45", 4500, ""},
		{"45,50", 4550, ""},
		{"45.5", 4550, ""},
		{"45,05", 4505, ""},
		{"0,5", 50, ""},
		{".5", 50, ""},
		{"5.", 500, ""},
		{"1 200", 120000, ""},
		{"1\u00a0200,50", 120050, ""},
		{"1\u202f200", 120000, ""},
		{"1.200,50", 120050, ""},
		{"1,200.50", 120050, ""},
		{"1.200.000", 120000000, ""},
		{"1,200,000", 120000000, ""},
		{"١٢٠٠", 120000, ""},
		{"١٢٠٠٫٥٠", 120050, ""},
		{"١٬٢٠٠", 120000, ""},
		{"۱۲۰", 12000, ""},
		{"120 DH", 12000, ""},
		{"120DH", 12000, ""},
		{"120 dhs", 12000, ""},
		{"120 Dirhams", 12000, ""},
		{"MAD 120", 12000, ""},
		{"120 درهم", 12000, ""},
		{"١٢٠ درهم", 12000, ""},
		{"120 دراهم", 12000, ""},
		{"120 د.م.", 12000, ""},
		{"007", 700, ""},
		{"-5", 0, "product.error.price_negative"},
		{"−5 DH", 0, "product.error.price_negative"},
		{"45,555", 0, "product.error.price_ambiguous"},
		{"45,5555", 0, "product.error.price_decimals"},
		{"1 045,555", 0, "product.error.price_decimals"},
		{"1,200", 0, "product.error.price_ambiguous"},
		{"1.200", 0, "product.error.price_ambiguous"},
		{"12.50.3", 0, "product.error.price_invalid"},
		{"1,2,3", 0, "product.error.price_invalid"},
		{"12,34.56", 0, "product.error.price_invalid"},
		{"abc", 0, "product.error.price_invalid"},
		{"45 DH/kg", 0, "product.error.price_invalid"},
		{"4S", 0, "product.error.price_invalid"},
		{",", 0, "product.error.price_invalid"},
		{"100000001", 0, "product.error.price_too_high"},
		{"99999999999999999999999", 0, "product.error.price_too_high"},
	} {
		got, err := ParsePrice(c.in)
		if c.key == "" {
			if err != nil || got != c.want {
				t.Errorf("ParsePrice(%q) = %d, %v; want %d", c.in, got, err, c.want)
			}
			continue
		}
		e, ok := apperr.As(err)
		if !ok || e.Key != c.key || e.Code != apperr.Invalid {
			t.Errorf("ParsePrice(%q) = %d, %v; want error %s", c.in, got, err, c.key)
		}
	}
}

func honey() Product {
	return Product{OrganisationID: 1, Name: mltext.Text{AR: " عسل الزعتر ", FR: "Miel de thym", ZGH: "ⵜⴰⵎⴻⵏⵜ"},
		Category: "honey", PriceMin: 15000, PriceMax: 20000, Unit: Kilogram, Available: true}
}

func TestProductValidateAcceptsAndNormalizes(t *testing.T) {
	for _, c := range []struct {
		name     string
		edit     func(p *Product)
		min, max int64
	}{
		{"range", func(p *Product) {}, 15000, 20000},
		{"single price", func(p *Product) { p.PriceMax = 0 }, 15000, 0},
		{"equal bounds are one price", func(p *Product) { p.PriceMax = 15000 }, 15000, 0},
		{"a lone maximum is the price", func(p *Product) { p.PriceMin = 0 }, 20000, 0},
		{"no price, no unit", func(p *Product) { p.PriceMin, p.PriceMax, p.Unit = 0, 0, "" }, 0, 0},
		{"no price, a unit", func(p *Product) { p.PriceMin, p.PriceMax = 0, 0 }, 0, 0},
	} {
		p := honey()
		c.edit(&p)
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if p.PriceMin != c.min || p.PriceMax != c.max {
			t.Errorf("%s: prices %d–%d, want %d–%d", c.name, p.PriceMin, p.PriceMax, c.min, c.max)
		}
		if p.Name.AR != "عسل الزعتر" || p.Name.ZGH != "" {
			t.Errorf("%s: name not normalized: %+v", c.name, p.Name)
		}
	}
	p := honey()
	if !p.IsRange() || p.Sector() != taxonomy.LocalProducts {
		t.Fatalf("range %v sector %q", p.IsRange(), p.Sector())
	}
	for _, u := range Units {
		p := honey()
		p.Unit = u
		if err := p.Validate(); err != nil {
			t.Errorf("unit %s: %v", u, err)
		}
	}
}

func TestProductValidateRefuses(t *testing.T) {
	long := strings.Repeat("ع", MaxProductName+1)
	for _, c := range []struct {
		name  string
		edit  func(p *Product)
		field string
		key   string
	}{
		{"no Arabic name", func(p *Product) { p.Name.AR = "  " }, "name_ar", "product.error.name_ar_required"},
		{"long Arabic name", func(p *Product) { p.Name.AR = long }, "name_ar", "product.error.name_too_long"},
		{"long French name", func(p *Product) { p.Name.FR = long }, "name_fr", "product.error.name_too_long"},
		{"no category", func(p *Product) { p.Category = "" }, "category", "product.error.category_required"},
		{"unknown category", func(p *Product) { p.Category = "plutonium" }, "category", "product.error.category_unknown"},
		{"long description", func(p *Product) { p.Description.FR = strings.Repeat("x", MaxProductDescription+1) }, "description", "product.error.description_too_long"},
		{"negative minimum", func(p *Product) { p.PriceMin = -1 }, "price_min", "product.error.price_negative"},
		{"negative maximum", func(p *Product) { p.PriceMax = -1 }, "price_max", "product.error.price_negative"},
		{"maximum below minimum", func(p *Product) { p.PriceMax = 100 }, "price_max", "product.error.price_range"},
		{"absurd price", func(p *Product) { p.PriceMin = MaxPrice + 1; p.PriceMax = 0 }, "price_min", "product.error.price_too_high"},
		{"a price needs a unit", func(p *Product) { p.Unit = "" }, "unit", "product.error.price_needs_unit"},
		{"unknown unit", func(p *Product) { p.Unit = "barrel" }, "unit", "product.error.unit_unknown"},
	} {
		p := honey()
		c.edit(&p)
		got := fields(p.Validate())
		if got[c.field] != c.key {
			t.Errorf("%s: field errors %v, want %s: %s", c.name, got, c.field, c.key)
		}
	}
}
