package store

import (
	"context"
	"database/sql"

	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/reference"
)

// The features that have a room of their own, reached from the store while the rest of
// its methods move out.

// Audit is the audit log.
func (s *Store) Audit() *auditlog.Service { return auditlog.New(s.DB) }

// Reference is the list of regions and provinces.
func (s *Store) Reference() *reference.Service { return reference.New(s.DB) }

// record appends an audit entry in tx (see auditlog.Record).
func (s *Store) record(ctx context.Context, tx *sql.Tx, action, recordType string, recordID any, region string, before, after any) error {
	return auditlog.Record(ctx, tx, s.now(), action, recordType, recordID, region, before, after)
}

var checkProvinceInRegion = reference.CheckProvinceInRegion

// Editions is the editions feature: facts, tours, calls and the life cycle.
func (s *Store) Editions() *editions.Service { return editions.New(s.DB) }

// Catalogue is the catalogue feature: the search index and the public catalogue. It is
// the store's one instance, which carries the search labels.
func (s *Store) Catalogue() *catalogue.Service { return s.catalogue }

// indexOrganisation and indexProduct keep the catalogue's search index in step with a
// registry write, in its transaction.
func (s *Store) indexOrganisation(ctx context.Context, tx *sql.Tx, id int64) error {
	return s.catalogue.IndexOrganisation(ctx, tx, id)
}

func (s *Store) indexProduct(ctx context.Context, tx *sql.Tx, id int64) error {
	return s.catalogue.IndexProduct(ctx, tx, id)
}
