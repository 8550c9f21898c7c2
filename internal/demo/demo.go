// Package demo is the demonstration data set: the five fairs of the press releases Aswaq
// grew from and a small registry of producers, so that `aswaq serve --demo` shows a working
// site on a fresh machine.
package demo

import (
	"context"
	"errors"
	"fmt"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/store"
)

// ErrNotEmpty is returned when the database already holds editions: demo data is only
// ever loaded into an empty database, so it can never mix with real records.
var ErrNotEmpty = errors.New("the database already holds data; demo data is loaded only into an empty database")

// Summary says what Load stored.
type Summary struct {
	Editions      int
	Organisations int
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

// LoadWith is Load with a chosen size.
func LoadWith(ctx context.Context, st *store.Store, opts Options) (Summary, error) {
	var sum Summary
	n, err := st.CountEditions(ctx)
	if err != nil {
		return sum, err
	}
	if n > 0 {
		return sum, ErrNotEmpty
	}
	provinces, err := st.Provinces(ctx, "")
	if err != nil {
		return sum, err
	}
	// One transaction: the demo is loaded whole or not at all, and quickly.
	err = st.InTx(ctx, func(ctx context.Context) error {
		tours := Tours()
		for i := range tours {
			if err := st.CreateTour(ctx, &tours[i]); err != nil {
				return fmt.Errorf("demo tour %q: %w", tours[i].Title.FR, err)
			}
		}
		for _, e := range Fairs() {
			for _, t := range tours {
				if e.Kind == fair.MobileMarket && t.RegionCode == e.RegionCode && t.Year == e.StartsOn.Year {
					e.TourID = t.ID
				}
			}
			if err := st.CreateEdition(ctx, &e); err != nil {
				return fmt.Errorf("demo edition %q: %w", e.Title.FR, err)
			}
			sum.Editions++
		}
		for _, o := range append(Organisations(), generatedOrganisations(provinces, opts.PerProvince)...) {
			if err := st.CreateOrganisation(ctx, &o); err != nil {
				return fmt.Errorf("demo organisation %q: %w", o.Name.FR, err)
			}
			sum.Organisations++
		}
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	return sum, nil
}
