package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"github.com/aswaq/aswaq/internal/accounts"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/messages"
	"github.com/aswaq/aswaq/internal/outbox"
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

// Messages is the outbox: messages queued, sent and given up.
func (s *Store) Messages() *messages.Service { return messages.New(s.DB) }

// enqueue queues m in tx (see messages.Enqueue), for the store's features whose change
// causes a message.
func (s *Store) enqueue(ctx context.Context, tx *sql.Tx, m *outbox.Message) error {
	return messages.Enqueue(ctx, tx, s.now(), m)
}

// Accounts is the accounts feature: people, grants, sessions and one-time links.
func (s *Store) Accounts() *accounts.Service { return accounts.New(s.DB) }

// notFoundIfNoRows turns a missing row into a NotFound error.
func notFoundIfNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }

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
