package main

import "github.com/aswaq/aswaq/internal/store"

// queries is the fixed mix: what the public and organisers type, spelling variants and
// mistakes included, with and without filters.
var queries = []struct {
	name string
	q    store.SearchQuery
}{
	{"exact name", store.SearchQuery{Text: "تعاونية الأمل"}},
	{"exact name, other spelling", store.SearchQuery{Text: "تعاونيه الامل"}},
	{"exact name, French", store.SearchQuery{Text: "Coopérative Al Baraka"}},
	{"name, organisations only", store.SearchQuery{Text: "جمعية النور", Kind: store.KindOrganisation}},
	{"very common word", store.SearchQuery{Text: "تعاونية"}},
	{"very common word, French", store.SearchQuery{Text: "cooperative"}},
	{"product word", store.SearchQuery{Text: "عسل"}},
	{"product, two words", store.SearchQuery{Text: "زيت الزيتون"}},
	{"product, French", store.SearchQuery{Text: "miel de thym"}},
	{"product, French with apostrophe", store.SearchQuery{Text: "huile d'argan"}},
	{"typing a prefix", store.SearchQuery{Text: "تعا"}},
	{"typing a prefix 2", store.SearchQuery{Text: "زرب"}},
	{"typing a prefix, French", store.SearchQuery{Text: "tapi"}},
	{"misspelt name", store.SearchQuery{Text: "تعاونيت الامال"}},
	{"misspelt French", store.SearchQuery{Text: "cooperatve"}},
	{"misspelt product", store.SearchQuery{Text: "عسل الزعطر"}},
	{"part of a word", store.SearchQuery{Text: "امل"}},
	{"place", store.SearchQuery{Text: "صفرو"}},
	{"product and place", store.SearchQuery{Text: "زربية ورزازات"}},
	{"category label, French", store.SearchQuery{Text: "safran"}},
	{"text in a region", store.SearchQuery{Text: "عسل", Regions: []string{"03"}}},
	{"sector, browsing", store.SearchQuery{Sector: "handicraft"}},
	{"text, women-led", store.SearchQuery{Text: "كسكس", WomenLed: true}},
	{"category, products", store.SearchQuery{Category: "honey", Kind: store.KindProduct}},
	{"text in a province", store.SearchQuery{Text: "تعاونية", Province: "451"}},
	{"browse everything", store.SearchQuery{}},
	{"browse products, page 11", store.SearchQuery{Kind: store.KindProduct, Offset: 200}},
	{"legal form in two regions", store.SearchQuery{LegalForm: "association", Regions: []string{"08", "09"}}},
	{"nothing to find", store.SearchQuery{Text: "ordinateur portable"}},
	{"register number", store.SearchQuery{Text: "15/2019"}},
	{"text, with facets", store.SearchQuery{Text: "زيت أركان", Facets: true}},
	{"filters, with facets", store.SearchQuery{Sector: "natural_cosmetics", Regions: []string{"09"}, Facets: true}},
}
