package web

import (
	"net/url"
	"slices"
	"strings"

	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/webkit"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// catalogueFilter is one filter of the catalogue: its name in the address, and the label
// of its field and of its "any" choice.
type catalogueFilter struct {
	name, label, all string
}

// catalogueFilters are the filters in the order the form shows them. The flags (women_led,
// youth_led) come after them as checkboxes.
var catalogueFilters = []catalogueFilter{
	{"kind", "catalogue.kind", "catalogue.all_kinds"},
	{"region", "catalogue.region", "catalogue.all_regions"},
	{"province", "catalogue.province", "catalogue.all_provinces"},
	{"sector", "catalogue.sector", "catalogue.all_sectors"},
	{"category", "catalogue.category", "catalogue.all_categories"},
	{"legal_form", "catalogue.legal_form", "catalogue.all_legal_forms"},
}

var catalogueFlags = []catalogueFilter{
	{"women_led", "catalogue.women_led", ""},
	{"youth_led", "catalogue.youth_led", ""},
}

// filterSelect is one filter as the form shows it: a select with an "any" choice, whose
// options are flat or grouped (provinces by region, categories by sector).
type filterSelect struct {
	Name    string
	Label   string
	All     string
	Current string
	Options []webkit.Option
	Groups  []webkit.OptionGroup
}

// activeFilter is a filter in use, as the summary above the results shows it, with a
// link to the same search without it.
type activeFilter struct {
	Label  string
	Value  string
	Remove string
}

// catalogueQuery is what the address of a catalogue page asks for, once checked.
type catalogueQuery struct {
	Query   catalogue.SearchQuery
	Values  map[string]string // the accepted values, by filter name, q included
	Ignored []string          // labels of the filters whose values were not understood
}

// readCatalogueQuery reads the search text and filters from the address. A value that is
// no known code (an old link, a typo, a crafted address) is left out and reported, so the
// page still answers with everything else the address asked for.
func (h *Handlers) readCatalogueQuery(p *webkit.Page, q url.Values) catalogueQuery {
	c := catalogueQuery{Values: map[string]string{}}
	c.Values["q"] = strings.TrimSpace(q.Get("q"))
	known := map[string]func(string) bool{
		"kind":     func(v string) bool { return v == catalogue.KindOrganisation || v == catalogue.KindProduct },
		"region":   func(v string) bool { _, ok := h.Regions[v]; return ok },
		"province": func(v string) bool { _, ok := h.Provinces[v]; return ok },
		"sector":   func(v string) bool { return taxonomy.ValidSector(taxonomy.Sector(v)) },
		"category": func(v string) bool { _, ok := taxonomy.Lookup(v); return ok },
		"legal_form": func(v string) bool {
			return slices.Contains(org.LegalForms, org.LegalForm(v))
		},
		"women_led": func(v string) bool { return v == "1" },
		"youth_led": func(v string) bool { return v == "1" },
	}
	for _, f := range append(slices.Clone(catalogueFilters), catalogueFlags...) {
		v := strings.TrimSpace(q.Get(f.name))
		switch {
		case v == "":
		case known[f.name](v):
			c.Values[f.name] = v
		default:
			c.Ignored = append(c.Ignored, p.L.T(f.label))
		}
	}
	v := c.Values
	c.Query = catalogue.SearchQuery{Text: v["q"], Kind: v["kind"], Province: v["province"], Sector: v["sector"],
		Category: v["category"], LegalForm: v["legal_form"], WomenLed: v["women_led"] == "1", YouthLed: v["youth_led"] == "1",
		Status: string(org.Validated)}
	if v["region"] != "" {
		c.Query.Regions = []string{v["region"]}
	}
	return c
}

// filterSelects are the form's selects, with the accepted values selected.
func (h *Handlers) filterSelects(p *webkit.Page, c catalogueQuery) []filterSelect {
	provinces := h.ProvinceGroups(p.Code, nil)
	var regions []webkit.Option
	for _, g := range provinces {
		// ProvinceGroups groups provinces by region in region-code order; the region's
		// code is that of any of its provinces.
		if len(g.Options) > 0 {
			regions = append(regions, webkit.Option{Value: h.Provinces[g.Options[0].Value].RegionCode, Label: g.Label})
		}
	}
	kinds := []webkit.Option{{Value: catalogue.KindOrganisation, Label: p.L.T("catalogue.kind_organisation")}, {Value: catalogue.KindProduct, Label: p.L.T("catalogue.kind_product")}}
	out := make([]filterSelect, len(catalogueFilters))
	for i, f := range catalogueFilters {
		out[i] = filterSelect{Name: f.name, Label: p.L.T(f.label), All: p.L.T(f.all), Current: c.Values[f.name]}
		switch f.name {
		case "kind":
			out[i].Options = kinds
		case "region":
			out[i].Options = regions
		case "province":
			out[i].Groups = provinces
		case "sector":
			out[i].Options = webkit.SectorOptions(p.L)
		case "category":
			out[i].Groups = categoryGroups(p)
		case "legal_form":
			out[i].Options = webkit.LegalFormOptions(p.L)
		}
	}
	return out
}

// activeFilters lists the filters in use with links that drop one of them, and returns
// the address of the same search without any filter.
func activeFilters(p *webkit.Page, path string, c catalogueQuery, selects []filterSelect) ([]activeFilter, string) {
	link := func(drop string) string {
		q := url.Values{}
		for k, v := range c.Values {
			if k != drop && v != "" {
				q.Set(k, v)
			}
		}
		if len(q) == 0 {
			return path
		}
		return path + "?" + q.Encode()
	}
	var out []activeFilter
	for _, sel := range selects {
		if sel.Current == "" {
			continue
		}
		value := sel.Current
		for _, o := range sel.Options {
			if o.Value == sel.Current {
				value = o.Label
			}
		}
		for _, g := range sel.Groups {
			for _, o := range g.Options {
				if o.Value == sel.Current {
					value = o.Label
				}
			}
		}
		out = append(out, activeFilter{Label: sel.Label, Value: value, Remove: link(sel.Name)})
	}
	for _, f := range catalogueFlags {
		if c.Values[f.name] != "" {
			out = append(out, activeFilter{Value: p.L.T(f.label), Remove: link(f.name)})
		}
	}
	clear := path
	if c.Values["q"] != "" {
		clear += "?" + url.Values{"q": {c.Values["q"]}}.Encode()
	}
	return out, clear
}

// categoryGroups are the product categories grouped by sector, as the registry's forms
// offer them.
func categoryGroups(p *webkit.Page) []webkit.OptionGroup {
	var out []webkit.OptionGroup
	for _, sec := range taxonomy.Sectors {
		g := webkit.OptionGroup{Label: p.L.T("taxonomy.sector." + string(sec))}
		for _, cat := range taxonomy.InSector(sec) {
			g.Options = append(g.Options, webkit.Option{Value: cat.Code, Label: p.L.T("taxonomy.category." + cat.Code)})
		}
		out = append(out, g)
	}
	return out
}
