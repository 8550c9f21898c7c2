// Package catalogue owns the public catalogue's search index: one document per
// organisation and product of the registry (search_docs, with FTS5 and trigram tables on
// SQLite, tsvector and pg_trgm on PostgreSQL), its rebuild, searches with their filters,
// facets and covers, and the list of public pages for the sitemap. Its pages are in
// internal/catalogue/web.
//
// The registry depends on the catalogue, not the other way round: a registry write calls
// IndexOrganisation, IndexProduct or IndexNewOrganisations inside its own transaction, so
// search never shows a state that was not committed. The catalogue builds its documents
// from the registry's rows (organisations, their categories, products and photos), which
// it only reads.
package catalogue

import "github.com/aswaq/aswaq/internal/platform/db"

// Service is the catalogue feature. Its label source is set once (SetSearchLabels), so
// one Service is shared by everything that writes the registry.
type Service struct {
	db     *db.DB
	search *searchSettings
}

// New returns the catalogue service over d.
func New(d *db.DB) *Service { return &Service{db: d, search: &searchSettings{}} }
