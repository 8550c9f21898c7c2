// Package storetest gives tests a fresh, migrated store on each engine: SQLite always, and
// PostgreSQL when ASWAQ_TEST_POSTGRES holds a connection URL (see platform/db/dbtest).
package storetest

import (
	"context"
	"testing"

	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
	"github.com/aswaq/aswaq/internal/store"
)

// PostgresEnv is the variable that names the PostgreSQL server tests may use.
const PostgresEnv = dbtest.Env

// Each runs fn as a subtest once per available engine.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	dbtest.Each(t, func(t *testing.T, d *db.DB) { fn(t, store.New(d)) })
}

// PostgresURL returns the configured server, or "".
func PostgresURL() string { return dbtest.URL() }

// SQLite returns a migrated store on a new SQLite file in the test's temp folder.
func SQLite(t testing.TB) *store.Store { t.Helper(); return store.New(dbtest.SQLite(t)) }

// Postgres returns a migrated store in a new schema of the configured server.
func Postgres(t testing.TB) *store.Store { t.Helper(); return store.New(dbtest.Postgres(t)) }

// NewSchemaURL creates a schema that is dropped when the test ends and returns base with
// its search_path set to it.
func NewSchemaURL(t testing.TB, base string) string { return dbtest.NewSchemaURL(t, base) }

// EachPrepared runs fn once per available engine on a copy of a store that prepare filled
// once per engine and test binary (see dbtest.EachPrepared); key names what it prepared.
func EachPrepared(t *testing.T, key string, prepare func(ctx context.Context, st *store.Store) error, fn func(t *testing.T, st *store.Store)) {
	t.Helper()
	dbtest.EachPrepared(t, key, build(prepare), func(t *testing.T, d *db.DB) { fn(t, store.New(d)) })
}

// PreparedSQLite is a copy of a SQLite store that prepare filled once.
func PreparedSQLite(t testing.TB, key string, prepare func(ctx context.Context, st *store.Store) error) *store.Store {
	t.Helper()
	return store.New(dbtest.PreparedSQLite(t, key, build(prepare)))
}

func build(prepare func(ctx context.Context, st *store.Store) error) func(d *db.DB) error {
	return func(d *db.DB) error { return prepare(context.Background(), store.New(d)) }
}

// DropPrepared removes this test binary's prepared PostgreSQL templates (from TestMain).
func DropPrepared() { dbtest.DropPrepared() }
