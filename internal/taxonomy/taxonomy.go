// Package taxonomy is the fixed list of sectors and product categories that organisations,
// products, search filters and selection quotas share. Codes are stable identifiers kept
// in the database and in imports; labels live in the i18n catalogs under
// "taxonomy.sector.<code>" and "taxonomy.category.<code>".
package taxonomy

// Sector is a broad field of activity; selection quotas are set per sector.
type Sector string

// The sectors of the social and solidarity economy fairs.
const (
	Handicraft       Sector = "handicraft"
	LocalProducts    Sector = "local_products"
	NaturalCosmetics Sector = "natural_cosmetics"
	Services         Sector = "services"
)

// Sectors lists every sector in display order.
var Sectors = []Sector{Handicraft, LocalProducts, NaturalCosmetics, Services}

// Category is a kind of product or service within a sector.
type Category struct {
	Code   string
	Sector Sector
	Food   bool // products of this category are food: sellers need a food-safety authorisation
}

// Categories lists every category in display order, grouped by sector.
var Categories = []Category{
	{"weaving_carpets", Handicraft, false},
	{"pottery", Handicraft, false},
	{"woodwork", Handicraft, false},
	{"leather", Handicraft, false},
	{"sewing", Handicraft, false},
	{"embroidery_caftan", Handicraft, false},
	{"passementerie_buttons", Handicraft, false},
	{"basketry", Handicraft, false},
	{"metalwork", Handicraft, false},
	{"jewellery", Handicraft, false},
	{"other_handicraft", Handicraft, false},
	{"honey", LocalProducts, true},
	{"olive_oil", LocalProducts, true},
	{"argan", LocalProducts, true},
	{"figs", LocalProducts, true},
	{"dates", LocalProducts, true},
	{"prickly_pear_cactus", LocalProducts, true},
	{"aromatic_medicinal_herbs", LocalProducts, true},
	{"saffron", LocalProducts, true},
	{"couscous_cereals", LocalProducts, true},
	{"dairy", LocalProducts, true},
	{"amlou", LocalProducts, true},
	{"other_local_products", LocalProducts, true},
	{"soap", NaturalCosmetics, false},
	{"cosmetic_oils", NaturalCosmetics, false},
	{"herbal_cosmetics", NaturalCosmetics, false},
	{"catering", Services, true},
	{"rural_tourism", Services, false},
	{"other_services", Services, false},
}

var byCode = func() map[string]Category {
	m := make(map[string]Category, len(Categories))
	for _, c := range Categories {
		m[c.Code] = c
	}
	return m
}()

// Lookup returns the category with a code.
func Lookup(code string) (Category, bool) {
	c, ok := byCode[code]
	return c, ok
}

// ValidSector reports whether s is a known sector.
func ValidSector(s Sector) bool {
	for _, x := range Sectors {
		if x == s {
			return true
		}
	}
	return false
}

// InSector returns the categories of one sector.
func InSector(s Sector) []Category {
	var out []Category
	for _, c := range Categories {
		if c.Sector == s {
			out = append(out, c)
		}
	}
	return out
}

// Programme is a public support programme an organisation benefited from.
type Programme string

// The programmes councils ask about.
const (
	INDH           Programme = "indh"            // Initiative nationale pour le développement humain
	Mourafaka      Programme = "mourafaka"       // support for new cooperatives
	Mouazara       Programme = "mouazara"        // support for SSE projects
	WomenArtisans  Programme = "women_artisans"  // economic empowerment of women artisans
	OtherProgramme Programme = "other_programme" // any other programme
)

// Programmes lists every programme in display order.
var Programmes = []Programme{INDH, Mourafaka, Mouazara, WomenArtisans, OtherProgramme}

// ValidProgramme reports whether p is a known programme.
func ValidProgramme(p Programme) bool {
	for _, x := range Programmes {
		if x == p {
			return true
		}
	}
	return false
}
