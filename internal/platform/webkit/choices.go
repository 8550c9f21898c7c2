package webkit

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/textfold"
)

// Option is one choice of a list, already in the reader's language.
type Option struct {
	Value string
	Label string
}

// OptionGroup is a labelled group of choices (<optgroup>).
type OptionGroup struct {
	Label   string
	Options []Option
}

// RegionName is a region's name in language lang, or its code when unknown.
func (k *Kit) RegionName(code, lang string) string {
	r, ok := k.Regions[code]
	if !ok {
		return code
	}
	return mltext.Text{AR: r.NameAR, FR: r.NameFR}.In(lang)
}

// ProvinceName is a province's name in language lang, or its code when unknown.
func (k *Kit) ProvinceName(code, lang string) string {
	pr, ok := k.Provinces[code]
	if !ok {
		return code
	}
	return mltext.Text{AR: pr.NameAR, FR: pr.NameFR}.In(lang)
}

// ProvinceGroups lists the provinces of the given regions (every region when regions is
// nil), grouped by region, for pickers.
func (k *Kit) ProvinceGroups(lang string, regions []string) []OptionGroup {
	var out []OptionGroup
	for _, rc := range k.regionCodes(regions) {
		g := OptionGroup{Label: k.RegionName(rc, lang)}
		for _, pr := range k.ProvinceList {
			if pr.RegionCode == rc {
				g.Options = append(g.Options, Option{pr.Code, mltext.Text{AR: pr.NameAR, FR: pr.NameFR}.In(lang)})
			}
		}
		out = append(out, g)
	}
	return out
}

// RegionOptions lists the given regions (every region when regions is nil), by code.
func (k *Kit) RegionOptions(lang string, regions []string) []Option {
	var out []Option
	for _, rc := range k.regionCodes(regions) {
		out = append(out, Option{rc, k.RegionName(rc, lang)})
	}
	return out
}

func (k *Kit) regionCodes(regions []string) []string {
	codes := make([]string, 0, len(k.Regions))
	for code := range k.Regions {
		if regions == nil || slices.Contains(regions, code) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	return codes
}

// ScopeRegions turns authz.Scope's answer into a region list, nil meaning every region.
func ScopeRegions(all bool, regions []string) []string {
	if all {
		return nil
	}
	if regions == nil {
		return []string{}
	}
	return regions
}

// ReadDate reads a date field (YYYY-MM-DD); empty is the zero date, anything else that
// is not a date is recorded on f.
func ReadDate(f *Form, field, s string) civil.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return civil.Date{}
	}
	d, err := civil.Parse(s)
	if err != nil {
		f.ReadError(field, "form.error.date")
	}
	return d
}

// ReadCount reads a count field, in Western or Arabic-Indic digits; empty is zero.
func ReadCount(f *Form, field, s string) int {
	s = textfold.ASCIIDigits(strings.TrimSpace(s))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		f.ReadError(field, "form.error.count")
	}
	return n
}

// RegionCodes lists the region codes a scope covers (authz.Scope's answer), sorted.
func (k *Kit) RegionCodes(all bool, regions []string) []string {
	if !all {
		return regions
	}
	return k.regionCodes(nil)
}

// ProvinceResource is the region of a province, for the guard; an unknown province has
// none (admins only), and the form then reports it.
func (k *Kit) ProvinceResource(code string) authz.Resource {
	if p, ok := k.Provinces[code]; ok {
		return authz.Resource{Regions: []string{p.RegionCode}, Whole: true}
	}
	return authz.Resource{}
}

// PostedProvince is the region of the province a form posts (field "province"): an
// organiser cannot create or move a record out of their regions.
func (k *Kit) PostedProvince(r *http.Request) (authz.Resource, error) {
	r.ParseForm()
	if code := r.PostForm.Get("province"); code != "" {
		return k.ProvinceResource(code), nil
	}
	return authz.Resource{}, nil // the form comes back asking for the province
}

// PostedRegion is the region a form posts (field "region").
func (k *Kit) PostedRegion(r *http.Request) (authz.Resource, error) {
	r.ParseForm()
	if code := r.PostForm.Get("region"); code != "" {
		return authz.Resource{Regions: []string{code}, Whole: true}, nil
	}
	return authz.Resource{}, nil
}

// LegalFormOptions lists the legal forms, in the reader's language.
func LegalFormOptions(l *i18n.Localizer) []Option {
	var out []Option
	for _, f := range org.LegalForms {
		out = append(out, Option{Value: string(f), Label: l.T("org.legal_form." + string(f))})
	}
	return out
}

// SectorOptions lists the sectors, in the reader's language.
func SectorOptions(l *i18n.Localizer) []Option {
	var out []Option
	for _, sec := range taxonomy.Sectors {
		out = append(out, Option{Value: string(sec), Label: l.T("taxonomy.sector." + string(sec))})
	}
	return out
}
