package main

import "github.com/aswaq/aswaq/internal/catalogue"

// queries is the fixed mix: what the public and organisers type, spelling variants and
// mistakes included, with and without filters.
var queries = []struct {
	name string
	q    catalogue.SearchQuery
}{
	{"exact name", catalogue.SearchQuery{Text: "تعاونية الأمل"}},
	{"exact name, other spelling", catalogue.SearchQuery{Text: "تعاونيه الامل"}},
	{"exact name, French", catalogue.SearchQuery{Text: "Coopérative Al Baraka"}},
	{"name, organisations only", catalogue.SearchQuery{Text: "جمعية النور", Kind: catalogue.KindOrganisation}},
	{"very common word", catalogue.SearchQuery{Text: "تعاونية"}},
	{"very common word, French", catalogue.SearchQuery{Text: "cooperative"}},
	{"product word", catalogue.SearchQuery{Text: "عسل"}},
	{"product, two words", catalogue.SearchQuery{Text: "زيت الزيتون"}},
	{"product, French", catalogue.SearchQuery{Text: "miel de thym"}},
	{"product, French with apostrophe", catalogue.SearchQuery{Text: "huile d'argan"}},
	{"typing a prefix", catalogue.SearchQuery{Text: "تعا"}},
	{"typing a prefix 2", catalogue.SearchQuery{Text: "زرب"}},
	{"typing a prefix, French", catalogue.SearchQuery{Text: "tapi"}},
	{"misspelt name", catalogue.SearchQuery{Text: "تعاونيت الامال"}},
	{"misspelt French", catalogue.SearchQuery{Text: "cooperatve"}},
	{"misspelt product", catalogue.SearchQuery{Text: "عسل الزعطر"}},
	{"part of a word", catalogue.SearchQuery{Text: "امل"}},
	{"place", catalogue.SearchQuery{Text: "صفرو"}},
	{"product and place", catalogue.SearchQuery{Text: "زربية ورزازات"}},
	{"category label, French", catalogue.SearchQuery{Text: "safran"}},
	{"text in a region", catalogue.SearchQuery{Text: "عسل", Regions: []string{"03"}}},
	{"sector, browsing", catalogue.SearchQuery{Sector: "handicraft"}},
	{"text, women-led", catalogue.SearchQuery{Text: "كسكس", WomenLed: true}},
	{"category, products", catalogue.SearchQuery{Category: "honey", Kind: catalogue.KindProduct}},
	{"text in a province", catalogue.SearchQuery{Text: "تعاونية", Province: "451"}},
	{"browse everything", catalogue.SearchQuery{}},
	{"browse products, page 11", catalogue.SearchQuery{Kind: catalogue.KindProduct, Offset: 200}},
	{"legal form in two regions", catalogue.SearchQuery{LegalForm: "association", Regions: []string{"08", "09"}}},
	{"nothing to find", catalogue.SearchQuery{Text: "ordinateur portable"}},
	{"register number", catalogue.SearchQuery{Text: "15/2019"}},
	{"text, with facets", catalogue.SearchQuery{Text: "زيت أركان", Facets: true}},
	{"filters, with facets", catalogue.SearchQuery{Sector: "natural_cosmetics", Regions: []string{"09"}, Facets: true}},
}
