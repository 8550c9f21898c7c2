// Package demo is the demonstration data set: the five fairs of the press releases Aswaq
// grew from and a small registry of producers, so that `aswaq serve --demo` shows a working
// site on a fresh machine.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/store"
)

// ErrNotEmpty is returned when the database already holds editions: demo data is only
// ever loaded into an empty database, so it can never mix with real records.
var ErrNotEmpty = errors.New("the database already holds data; demo data is loaded only into an empty database")

// Summary says what Load stored.
type Summary struct {
	Editions      int
	Organisations int
	Products      int
	Photos        int
}

// Load stores the demo data set into an empty, migrated database.
func Load(ctx context.Context, st *store.Store) (Summary, error) {
	return LoadWith(ctx, st, Options{PerProvince: registryPerProvince})
}

// Options size the demo data set.
type Options struct {
	// PerProvince is how many generated organisations each province gets, besides the
	// hand-written ones. Tests that need no large registry use 0 to start faster.
	PerProvince int
}

// plannedOrg is an organisation with its products and the pictures they get (a photo
// variant, or -1 for none).
type plannedOrg struct {
	org           org.Organisation
	photo         int
	products      []org.Product
	productPhotos []int
}

// plan decides the whole registry before anything is stored, from one seed, so that the
// pictures it needs can be drawn while the database is written.
func plan(provinces []geo.Prov, perProvince int) ([]plannedOrg, []photoKey) {
	rng := rand.New(rand.NewPCG(2022, 7))
	hand := Organisations()
	var out []plannedOrg
	var keys []photoKey
	seen := map[photoKey]bool{}
	need := func(category string, variant int) int {
		if k := (photoKey{category, variant}); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		return variant
	}
	for i, o := range append(hand, generatedOrganisations(provinces, perProvince)...) {
		p := plannedOrg{org: o, photo: -1, products: productsFor(&o, rng)}
		// Most hand-written records have a photo, a quarter of the generated ones; a
		// catalogue page thus shows both thumbnails and placeholders.
		if len(o.Categories) > 0 && (i < len(hand) && i%3 != 2 || i >= len(hand) && i%4 == 0) {
			p.photo = need(o.Categories[0], 0)
		}
		for j, pr := range p.products {
			v := -1
			if i < len(hand) && j%2 == 0 || i >= len(hand) && rng.IntN(3) == 0 {
				v = need(pr.Category, 1)
			}
			p.productPhotos = append(p.productPhotos, v)
		}
		out = append(out, p)
	}
	return out, keys
}

// LoadWith is Load with a chosen size.
func LoadWith(ctx context.Context, st *store.Store, opts Options) (Summary, error) {
	var sum Summary
	n, err := st.Editions().CountEditions(ctx)
	if err != nil {
		return sum, err
	}
	if n > 0 {
		return sum, ErrNotEmpty
	}
	provinces, err := st.Reference().Provinces(ctx, "")
	if err != nil {
		return sum, err
	}
	orgs, keys := plan(provinces, opts.PerProvince)
	warmPhotos(keys)
	// One transaction: the demo is loaded whole or not at all, and quickly (the search
	// index is built once at the end).
	err = st.Catalogue().BulkLoad(ctx, func(ctx context.Context) error {
		tours := Tours()
		for i := range tours {
			if err := st.Editions().CreateTour(ctx, &tours[i]); err != nil {
				return fmt.Errorf("demo tour %q: %w", tours[i].Title.FR, err)
			}
		}
		for _, e := range Fairs() {
			for _, t := range tours {
				if e.Kind == fair.MobileMarket && t.RegionCode == e.RegionCode && t.Year == e.StartsOn.Year {
					e.TourID = t.ID
				}
			}
			if err := st.Editions().RecordPast(ctx, &e); err != nil {
				return fmt.Errorf("demo edition %q: %w", e.Title.FR, err)
			}
			sum.Editions++
			if e.RegionCode == "08" && e.StartsOn.Year == 2025 && e.Kind == fair.RegionalFair {
				p, err := OuarzazatePlan()
				if err == nil {
					err = st.SavePlan(ctx, e.ID, p)
				}
				if err != nil {
					return fmt.Errorf("demo plan of %q: %w", e.Title.FR, err)
				}
			}
		}
		for _, p := range orgs {
			if err := st.CreateOrganisation(ctx, &p.org); err != nil {
				return fmt.Errorf("demo organisation %q: %w", p.org.Name.FR, err)
			}
			sum.Organisations++
			if err := addPhoto(ctx, st, store.PhotoOfOrganisation, p.org.ID, p.org.Categories, p.photo, &sum); err != nil {
				return err
			}
			for i := range p.products {
				pr := &p.products[i]
				pr.OrganisationID = p.org.ID
				if err := st.CreateProduct(ctx, pr); err != nil {
					return fmt.Errorf("demo product %q: %w", pr.Name.FR, err)
				}
				sum.Products++
				if err := addPhoto(ctx, st, store.PhotoOfProduct, pr.ID, []string{pr.Category}, p.productPhotos[i], &sum); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	return sum, nil
}

// addPhoto attaches the picture variant of the first category to a record, if any.
func addPhoto(ctx context.Context, st *store.Store, owner string, id int64, categories []string, variant int, sum *Summary) error {
	if variant < 0 {
		return nil
	}
	res, err := photo(categories[0], variant)
	if err != nil {
		return fmt.Errorf("demo picture: %w", err)
	}
	if _, err := st.AddPhoto(ctx, owner, id, res); err != nil {
		return fmt.Errorf("demo photo of %s %d: %w", owner, id, err)
	}
	sum.Photos++
	return nil
}
