package store_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"reflect"
	"testing"

	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/imaging"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

// The catalogue's filters alone and together, as its address carries them, on each engine.
// TestSearch covers each with text; here each filter also browses on its own, and all of
// them combine.
func TestSearchFiltersAloneAndCombined(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		r := newRegistry(t, s)
		for _, c := range []struct {
			name string
			q    catalogue.SearchQuery
			want []string
		}{
			{"region", catalogue.SearchQuery{Regions: []string{"03"}},
				[]string{"o:amal=browse", "p:oil=browse", "p:thyme=browse"}},
			{"province", catalogue.SearchQuery{Province: "511"},
				[]string{"o:amlah=browse", "p:soap=browse"}},
			{"category, products only", catalogue.SearchQuery{Category: "honey", Kind: "product"},
				[]string{"p:shahd=browse", "p:thyme=browse"}},
			{"legal form reaches the products of its organisations", catalogue.SearchQuery{LegalForm: "association"},
				[]string{"o:amal2=browse", "p:carpet=browse"}},
			{"youth-led", catalogue.SearchQuery{YouthLed: true, Kind: "organisation"},
				[]string{"o:amlah=browse"}},
			{"women-led and youth-led", catalogue.SearchQuery{WomenLed: true, YouthLed: true}, nil},
			{"every filter at once", catalogue.SearchQuery{Text: "عسل", Kind: "product", Regions: []string{"03"}, Province: "451",
				Sector: "local_products", Category: "honey", LegalForm: "cooperative", WomenLed: true, Status: "validated"},
				[]string{"p:thyme=exact"}},
			{"every filter, one of them off", catalogue.SearchQuery{Text: "عسل", Kind: "product", Regions: []string{"03"}, Province: "451",
				Sector: "local_products", Category: "honey", LegalForm: "association", WomenLed: true}, nil},
			{"a province outside the region", catalogue.SearchQuery{Regions: []string{"01"}, Province: "451"}, nil},
			{"garbage values match nothing", catalogue.SearchQuery{Province: "45 1", Category: "<script>"}, nil},
		} {
			if got := r.hits(t, c.q); !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s:\n got %v\nwant %v", c.name, got, c.want)
			}
		}
	})
}

// A result list shows each record's first photo, read for the whole page at once.
func TestSearchHitsCarryTheirCoverPhoto(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		r := newRegistry(t, s)
		ctx := context.Background()
		first := addTestPhoto(t, s, store.PhotoOfProduct, r.ids["p:thyme"], 0)
		addTestPhoto(t, s, store.PhotoOfProduct, r.ids["p:thyme"], 1)
		orgPhoto := addTestPhoto(t, s, store.PhotoOfOrganisation, r.ids["o:amal"], 2)
		// A photo of the organisation with the product's id must not be taken for the product's.
		addTestPhoto(t, s, store.PhotoOfOrganisation, r.ids["p:oil"], 3)
		for _, q := range []catalogue.SearchQuery{{Text: "عسل"}, {Regions: []string{"03"}}, {}} {
			res, err := s.Catalogue().Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			covers := map[string]string{}
			for _, h := range res.Hits {
				covers[r.key(h.Kind, h.ID)] = h.Cover.Thumb
				if h.Cover.Thumb != "" && (h.Cover.Width == 0 || h.Cover.Height == 0) {
					t.Errorf("%+v: a cover without its size", q)
				}
			}
			if covers["p:thyme"] != first.Thumb || (covers["o:amal"] != "" && covers["o:amal"] != orgPhoto.Thumb) {
				t.Errorf("%+v: covers %v", q, covers)
			}
			if oil, ok := covers["p:oil"]; ok && oil != "" {
				t.Errorf("%+v: the olive oil got an organisation's photo", q)
			}
		}
	})
}

// addTestPhoto stores a small generated picture, different for each seed.
func addTestPhoto(t *testing.T, s *store.Store, owner string, id int64, seed uint8) store.Photo {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			img.Set(x, y, color.RGBA{uint8(x) + seed*40, uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	res, err := imaging.Process(&buf)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.AddPhoto(context.Background(), owner, id, res)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
