package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// testLabels stands in for the i18n catalogs.
func testLabels(kind, code string) []string {
	labels := map[string][]string{
		"category\x00honey":           {"العسل", "Miel", "Honey"},
		"category\x00olive_oil":       {"زيت الزيتون", "Huile d'olive", "Olive oil"},
		"category\x00soap":            {"الصابون", "Savon", "Soap"},
		"category\x00weaving_carpets": {"النسيج والزرابي", "Tissage et tapis", "Weaving and carpets"},
		"sector\x00local_products":    {"المنتوجات المجالية", "Produits du terroir", "Local products"},
		"sector\x00handicraft":        {"الصناعة التقليدية", "Artisanat", "Handicraft"},
		"legal_form\x00cooperative":   {"تعاونية", "Coopérative", "Cooperative"},
		"legal_form\x00association":   {"جمعية", "Association", "Association"},
	}
	return labels[kind+"\x00"+code]
}

// registry is a small registry whose records the search tests name by key.
type registry struct {
	s   *store.Store
	ids map[string]int64 // "o:amal", "p:honey"…
}

func (r *registry) key(kind string, id int64) string {
	for k, v := range r.ids {
		if v == id && strings.HasPrefix(k, kind[:1]+":") {
			return k
		}
	}
	return fmt.Sprintf("%s#%d", kind, id)
}

func newRegistry(t *testing.T, s *store.Store) *registry {
	t.Helper()
	ctx := context.Background()
	s.Catalogue().SetSearchLabels(testLabels)
	r := &registry{s: s, ids: map[string]int64{}}
	for _, o := range []struct {
		key string
		o   org.Organisation
	}{
		{"o:amal", org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونيةُ الأمل", FR: "Coopérative Al Amal"},
			Identifiers: org.Identifiers{ICE: "001561191000066"}, ProvinceCode: "451", Sector: taxonomy.LocalProducts,
			Categories: []string{"honey", "olive_oil"}, WomenLed: true}},
		{"o:amlah", org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية الأملاح", FR: "Coopérative Al Amlah"},
			ProvinceCode: "511", Sector: taxonomy.NaturalCosmetics, Categories: []string{"soap"}, YouthLed: true}},
		{"o:amal2", org.Organisation{LegalForm: org.Association, Name: mltext.Text{AR: "جمعية الآمال", FR: "Association Al Amal"},
			ProvinceCode: "401", Sector: taxonomy.Handicraft, Categories: []string{"weaving_carpets"}}},
		{"o:nour", org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية النور للعسل", FR: "Coopérative Nour"},
			ProvinceCode: "001", Sector: taxonomy.LocalProducts, Categories: []string{"honey"}, Status: org.Pending}},
	} {
		rec := o.o
		if err := s.CreateOrganisation(ctx, &rec); err != nil {
			t.Fatal(o.key, err)
		}
		r.ids[o.key] = rec.ID
	}
	for _, p := range []struct {
		key, org string
		p        org.Product
	}{
		{"p:thyme", "o:amal", org.Product{Name: mltext.Text{AR: "عسل الزعتر", FR: "Miel de thym"}, Category: "honey", PriceMin: 15000, Unit: org.Kilogram, Available: true}},
		{"p:oil", "o:amal", org.Product{Name: mltext.Text{AR: "زيت الزيتون البكر", FR: "Huile d'olive vierge"}, Category: "olive_oil", PriceMin: 6000, PriceMax: 8000, Unit: org.Litre, Available: true}},
		{"p:soap", "o:amlah", org.Product{Name: mltext.Text{AR: "صابون بلدي"}, Category: "soap", PriceMin: 2500, Unit: org.Piece}},
		{"p:shahd", "o:nour", org.Product{Name: mltext.Text{AR: "شهد الجبل"}, Category: "honey"}},
		{"p:carpet", "o:amal2", org.Product{Name: mltext.Text{AR: "زربية أمازيغية", FR: "Tapis amazigh"}, Category: "weaving_carpets", PriceMin: 300000, Unit: org.SquareMetre}},
	} {
		p.p.OrganisationID = r.ids[p.org]
		if err := s.CreateProduct(ctx, &p.p); err != nil {
			t.Fatal(p.key, err)
		}
		r.ids[p.key] = p.p.ID
	}
	return r
}

// hits names the hits of a search by fixture key, with their tier: "o:amal=exact".
func (r *registry) hits(t *testing.T, q catalogue.SearchQuery) []string {
	t.Helper()
	res, err := r.s.Catalogue().Search(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, r.key(h.Kind, h.ID)+"="+h.Tier.String())
	}
	return out
}

func TestSearch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		r := newRegistry(t, s)
		for _, c := range []struct {
			name string
			q    catalogue.SearchQuery
			want []string // the hits, in order; a trailing "…" allows more after them
		}{
			{"Arabic spelling variants", catalogue.SearchQuery{Text: "تعاونيه الامل", Kind: "organisation"},
				[]string{"o:amal=exact", "o:amlah=prefix"}},
			{"French accents", catalogue.SearchQuery{Text: "cooperative", Kind: "organisation"},
				[]string{"o:amal=exact", "o:amlah=exact", "o:nour=exact"}},
			{"exact above prefix above fuzzy", catalogue.SearchQuery{Text: "الأمل", Kind: "organisation"},
				[]string{"o:amal=exact", "o:amlah=prefix", "o:amal2=fuzzy"}},
			{"names before the rest", catalogue.SearchQuery{Text: "الأمل"},
				[]string{"o:amal=exact", "p:oil=exact", "p:thyme=exact", "o:amlah=prefix", "p:soap=prefix", "o:amal2=fuzzy", "p:carpet=fuzzy"}},
			{"a product by a word of its name", catalogue.SearchQuery{Text: "عسل", Kind: "product"},
				[]string{"p:thyme=exact", "p:shahd=exact"}},
			{"a word found without its article", catalogue.SearchQuery{Text: "زيتون", Kind: "product"},
				[]string{"p:oil=exact"}},
			{"French finds a category by its label", catalogue.SearchQuery{Text: "miel", Kind: "product"},
				[]string{"p:thyme=exact", "p:shahd=exact"}},
			{"French plural", catalogue.SearchQuery{Text: "huiles", Kind: "product"},
				[]string{"p:oil=exact"}},
			{"a typo", catalogue.SearchQuery{Text: "cooperatve", Kind: "organisation"},
				[]string{"o:amal=fuzzy", "o:amlah=fuzzy", "o:nour=fuzzy"}},
			{"a word inside a longer one", catalogue.SearchQuery{Text: "operative", Kind: "organisation"},
				[]string{"o:amal=fuzzy", "o:amlah=fuzzy", "o:nour=fuzzy"}},
			{"a prefix while typing", catalogue.SearchQuery{Text: "زرب"},
				[]string{"p:carpet=prefix"}},
			{"Arabic-Indic digits", catalogue.SearchQuery{Text: "٠٠١٥٦١١٩١٠٠٠٠٦٦"},
				[]string{"o:amal=exact"}},
			{"a province name", catalogue.SearchQuery{Text: "Sefrou عسل"},
				[]string{"o:amal=exact", "p:thyme=exact"}}, // neither has both words in its names: by name
			{"every word must match", catalogue.SearchQuery{Text: "عسل زربية"}, nil},
			{"text and a region", catalogue.SearchQuery{Text: "عسل", Regions: []string{"09"}},
				[]string{"o:nour=exact", "p:shahd=exact"}},
			{"text and a kind and a province", catalogue.SearchQuery{Text: "تعاونية", Kind: "organisation", Province: "511"},
				[]string{"o:amlah=exact"}},
			{"sector", catalogue.SearchQuery{Sector: "handicraft"},
				[]string{"o:amal2=browse", "p:carpet=browse"}},
			{"category: products of it and organisations that list it", catalogue.SearchQuery{Category: "honey"},
				[]string{"o:amal=browse", "o:nour=browse", "p:shahd=browse", "p:thyme=browse"}},
			{"legal form", catalogue.SearchQuery{LegalForm: "association", Kind: "organisation"},
				[]string{"o:amal2=browse"}},
			{"women-led, products too", catalogue.SearchQuery{WomenLed: true},
				[]string{"o:amal=browse", "p:oil=browse", "p:thyme=browse"}},
			{"youth-led and text", catalogue.SearchQuery{YouthLed: true, Text: "صابون"},
				[]string{"p:soap=exact", "o:amlah=exact"}},
			{"status", catalogue.SearchQuery{Status: "pending"},
				[]string{"o:nour=browse", "p:shahd=browse"}},
			{"several regions", catalogue.SearchQuery{Regions: []string{"01", " ", "08", "01"}, Kind: "organisation"},
				[]string{"o:amlah=browse", "o:amal2=browse"}},
			{"an unknown filter value finds nothing", catalogue.SearchQuery{Sector: "mining"}, nil},
			{"an unknown kind finds nothing", catalogue.SearchQuery{Kind: "edition"}, nil},
		} {
			got := r.hits(t, c.q)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s:\n got %v\nwant %v", c.name, got, c.want)
			}
		}
	})
}

// Whatever is typed, search answers: syntax of either engine's query language is text,
// long input is cut, input without words browses.
func TestSearchNeverFailsOnInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		r := newRegistry(t, s)
		ctx := context.Background()
		all, err := s.Catalogue().Search(ctx, catalogue.SearchQuery{})
		if err != nil || all.Total != 9 || len(all.Hits) != 9 {
			t.Fatalf("browse: %d hits of %d, %v", len(all.Hits), all.Total, err)
		}
		for _, text := range []string{
			`"`, `*`, `:`, `(`, `)`, `'`, `%`, `_`, `\`, `!`, `&`, `|`, `-`, `^`, `{`, `}`, `+`, `؟،؛`, `...`, "\x00", "\xff\xfe",
			`عسل"`, `"عسل`, `عسل*`, `عسل:*`, `names : عسل`, `{names}: عسل`, `(عسل)`, `عسل AND`, `AND عسل`, `NEAR(عسل زيت)`,
			`عسل OR زيت`, `NOT عسل`, `عسل & !زيت`, `عس'ل`, `عسل%`, `%عسل%`, `_سل`, `'; DROP TABLE products; --`,
			strings.Repeat("تعاونية ", 2000), strings.Repeat("ب", 5000), strings.Repeat("a b c d e f g h i j ", 50),
		} {
			res, err := s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: text})
			if err != nil {
				t.Errorf("%.40q: %v", text, err)
				continue
			}
			if len(res.Words) > 8 {
				t.Errorf("%.40q: %d words searched", text, len(res.Words))
			}
			if len(res.Words) == 0 && res.Total != all.Total {
				t.Errorf("%.40q: no words, yet %d hits instead of browsing", text, res.Total)
			}
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: `"عسل" (الزعتر*)`, Kind: "product"}); !slices.Equal(got, []string{"p:thyme=exact"}) {
			t.Errorf("query syntax taken as words: %v", got)
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "تعاونية " + strings.Repeat("الأمل ", 100), Kind: "organisation"}); !slices.Equal(got, []string{"o:amal=exact", "o:amlah=prefix"}) {
			t.Errorf("repeated words: %v", got)
		}
	})
}

func TestSearchPaging(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		r := newRegistry(t, s)
		ctx := context.Background()
		for _, text := range []string{"", "الأمل", "عسل"} {
			full := r.hits(t, catalogue.SearchQuery{Text: text, Limit: 100})
			var paged []string
			for off := 0; off < len(full)+2; off += 2 {
				res, err := s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: text, Limit: 2, Offset: off})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != len(full) {
					t.Fatalf("%q: total %d, want %d", text, res.Total, len(full))
				}
				for _, h := range res.Hits {
					paged = append(paged, r.key(h.Kind, h.ID)+"="+h.Tier.String())
				}
			}
			if !slices.Equal(paged, full) {
				t.Errorf("%q: pages\n%v\nwant\n%v", text, paged, full)
			}
		}
		// Bad paging is clamped, not refused.
		for _, q := range []catalogue.SearchQuery{{Limit: -5, Offset: -3}, {Limit: 1 << 30}, {Offset: 1 << 30}} {
			res, err := s.Catalogue().Search(ctx, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			want := 9
			if q.Offset > 0 {
				want = 0
			}
			if len(res.Hits) != want || res.Total != 9 {
				t.Errorf("%+v: %d hits of %d", q, len(res.Hits), res.Total)
			}
		}
		// Facets add up to the total.
		res, _ := s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: "عسل", Facets: true})
		sum := 0
		for _, n := range res.BySector {
			sum += n
		}
		if sum != res.Total || res.Total != 4 || res.ByRegion["03"] != 2 || res.ByRegion["09"] != 2 || res.BySector[taxonomy.LocalProducts] != 4 {
			t.Errorf("facets %v %v of %d", res.BySector, res.ByRegion, res.Total)
		}
		for _, q := range []catalogue.SearchQuery{{Facets: true}, {Facets: true, Sector: "local_products"}, {Facets: true, Kind: "product"}} {
			res, _ = s.Catalogue().Search(ctx, q)
			sum = 0
			for _, n := range res.ByRegion {
				sum += n
			}
			if sum != res.Total || res.Total == 0 {
				t.Errorf("browse facets %v of %d", res.ByRegion, res.Total)
			}
		}
		if res, _ := s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: "عسل"}); res.BySector != nil {
			t.Errorf("facets not asked for: %v", res.BySector)
		}
	})
}

func TestSearchHitCarriesWhatAListShows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		r := newRegistry(t, s)
		res, err := s.Catalogue().Search(context.Background(), catalogue.SearchQuery{Text: "زيت البكر"})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("%v %v", res.Hits, err)
		}
		want := catalogue.SearchHit{Kind: "product", ID: r.ids["p:oil"], Tier: catalogue.MatchExact,
			Name: mltext.Text{AR: "زيت الزيتون البكر", FR: "Huile d'olive vierge"}, ProvinceCode: "451", RegionCode: "03",
			Sector: taxonomy.LocalProducts, Category: "olive_oil", LegalForm: org.Cooperative, WomenLed: true, Status: org.Validated,
			OrganisationID: r.ids["o:amal"], OrganisationName: mltext.Text{AR: "تعاونيةُ الأمل", FR: "Coopérative Al Amal"},
			PriceMin: 6000, PriceMax: 8000, Unit: org.Litre, Available: true}
		if res.Hits[0] != want {
			t.Fatalf("hit\n%+v\nwant\n%+v", res.Hits[0], want)
		}
	})
}

// Search follows every write, in the write's transaction.
func TestSearchFollowsWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		r := newRegistry(t, s)
		ctx := context.Background()

		// Renaming an organisation renames it in search, and in its products' documents.
		o, _ := s.Organisation(ctx, r.ids["o:amal"])
		o.Name = mltext.Text{AR: "تعاونية الفلاح", FR: "Coopérative Al Falah"}
		if err := s.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "الفلاح"}); !slices.Equal(got, []string{"o:amal=exact", "p:oil=exact", "p:thyme=exact"}) {
			t.Errorf("new name: %v", got)
		}
		res, _ := s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: "عسل الزعتر"})
		if len(res.Hits) != 1 || res.Hits[0].OrganisationName.FR != "Coopérative Al Falah" {
			t.Errorf("product's organisation name: %+v", res.Hits)
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "الأمل"}); slices.Contains(got, "o:amal=exact") || slices.Contains(got, "p:oil=exact") {
			t.Errorf("old name still found: %v", got)
		}

		// A failed write changes nothing in search.
		bad := o
		bad.Name.AR = "اسم لن يحفظ"
		bad.ProvinceCode = "000"
		if err := s.UpdateOrganisation(ctx, &bad); err == nil {
			t.Fatal("bad update accepted")
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "يحفظ"}); got != nil {
			t.Errorf("refused update indexed: %v", got)
		}

		// A merged organisation disappears; its products live on under the kept one.
		if err := s.MergeOrganisations(ctx, r.ids["o:amal"], r.ids["o:amlah"]); err != nil {
			t.Fatal(err)
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "الأملاح"}); slices.Contains(got, "o:amlah=exact") {
			t.Errorf("merged organisation found: %v", got)
		}
		res, _ = s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: "صابون", Kind: "product"})
		if len(res.Hits) != 1 || res.Hits[0].OrganisationID != r.ids["o:amal"] || res.Hits[0].RegionCode != "03" {
			t.Errorf("merged organisation's product: %+v", res.Hits)
		}
		// The kept organisation has the merged one's categories, soap among them.
		if got := r.hits(t, catalogue.SearchQuery{Text: "الفلاح صابون"}); !slices.Equal(got, []string{"o:amal=exact", "p:soap=exact"}) {
			t.Errorf("moved product under its new organisation's name: %v", got)
		}

		// Products: an update re-indexes, a delete removes.
		p, _ := s.Product(ctx, r.ids["p:thyme"])
		p.Name = mltext.Text{AR: "عسل السدر", FR: "Miel de jujubier"}
		if err := s.UpdateProduct(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "السدر"}); !slices.Equal(got, []string{"p:thyme=exact"}) {
			t.Errorf("renamed product: %v", got)
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "الزعتر"}); got != nil {
			t.Errorf("old product name found: %v", got)
		}
		if err := s.DeleteProduct(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if got := r.hits(t, catalogue.SearchQuery{Text: "السدر"}); got != nil {
			t.Errorf("deleted product found: %v", got)
		}

		// Reindexing gives what the writes gave.
		var before [][]string
		queries := []string{"", "الأمل", "عسل", "miel", "cooperatve", "صابون", "زرب"}
		for _, q := range queries {
			before = append(before, r.hits(t, catalogue.SearchQuery{Text: q, Limit: 100}))
		}
		if err := s.Catalogue().Reindex(ctx); err != nil {
			t.Fatal(err)
		}
		for i, q := range queries {
			if got := r.hits(t, catalogue.SearchQuery{Text: q, Limit: 100}); !slices.Equal(got, before[i]) {
				t.Errorf("%q after Reindex:\n%v\nbefore:\n%v", q, got, before[i])
			}
		}
	})
}

func TestEnsureSearchIndex(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := org.Organisation{LegalForm: org.Cooperative, Name: mltext.Text{AR: "تعاونية"}, ProvinceCode: "451",
			Sector: taxonomy.LocalProducts, Categories: []string{"honey"}}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		// Indexed without labels: the code is found, the label is not.
		count := func(text string) int {
			res, err := s.Catalogue().Search(ctx, catalogue.SearchQuery{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			return res.Total
		}
		if count("honey") != 1 || count("miel") != 0 {
			t.Fatalf("without labels: honey %d, miel %d", count("honey"), count("miel"))
		}
		if done, err := s.Catalogue().EnsureSearchIndex(ctx); err != nil || !done {
			t.Fatalf("first ensure: %v %v", done, err)
		}
		if done, err := s.Catalogue().EnsureSearchIndex(ctx); err != nil || done {
			t.Fatalf("second ensure: %v %v", done, err)
		}
		s.Catalogue().SetSearchLabels(testLabels)
		if done, err := s.Catalogue().EnsureSearchIndex(ctx); err != nil || !done {
			t.Fatalf("ensure with new labels: %v %v", done, err)
		}
		if count("miel") != 1 || count("العسل") != 1 {
			t.Fatalf("with labels: miel %d", count("miel"))
		}
	})
}
