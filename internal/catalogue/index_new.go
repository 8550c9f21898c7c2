package catalogue

import (
	"context"
	"database/sql"

	"github.com/aswaq/aswaq/internal/platform/db"
)

// newOrganisationsBatch is how many new records IndexNewOrganisations reads per query.
const newOrganisationsBatch = 500

// IndexNewOrganisations writes the search documents of records just created, as
// IndexOrganisation does for one record, for many at once: a new record has no document
// to replace and no products.
func (s *Service) IndexNewOrganisations(ctx context.Context, tx *sql.Tx, ids []int64) error {
	b := s.newDocBuilder()
	for start := 0; start < len(ids); start += newOrganisationsBatch {
		chunk := ids[start:min(start+newOrganisationsBatch, len(ids))]
		var a db.Args
		in := db.List(&a, chunk)
		args := []any(a)
		orgs, err := loadOrgSources(ctx, tx, "WHERE o.id IN ("+in+") ORDER BY o.id", args...)
		if err != nil {
			return err
		}
		byID := make(map[int64]*orgSource, len(orgs))
		for _, o := range orgs {
			byID[o.id] = o
		}
		if err := loadCategories(ctx, tx, byID, `SELECT organisation_id, category FROM organisation_categories
			WHERE organisation_id IN (`+in+`) ORDER BY organisation_id, category`, args...); err != nil {
			return err
		}
		docs := make([]*searchDoc, len(orgs))
		for i, o := range orgs {
			docs[i] = b.orgDoc(o)
		}
		if err := s.writeSearchDocs(ctx, tx, s.searchDialect(), docs); err != nil {
			return err
		}
	}
	return nil
}
