package catalogue

import (
	"context"
	"database/sql"
)

type bulkKey struct{}

// BulkLoad is InTx for loading many records at once into a registry that readers do not
// see yet (the demo): the writes made with the context fn is given leave the search index
// alone, and the index is rebuilt once, in the same transaction, when fn is done. Indexing
// each record as it is written costs several statements per record; the rebuild writes
// thousands of documents in a few.
func (s *Service) BulkLoad(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.db.InTx(ctx, func(ctx context.Context) error {
		if err := fn(context.WithValue(ctx, bulkKey{}, true)); err != nil {
			return err
		}
		return s.db.Tx(ctx, func(tx *sql.Tx) error {
			d := s.searchDialect()
			if err := d.lock(ctx, tx); err != nil {
				return err
			}
			if err := d.clear(ctx, tx); err != nil {
				return err
			}
			return s.rebuild(ctx, tx, s.searchFingerprint())
		})
	})
}

// indexDeferred reports whether writes made with ctx leave indexing to BulkLoad.
func indexDeferred(ctx context.Context) bool {
	deferred, _ := ctx.Value(bulkKey{}).(bool)
	return deferred
}
