// Package storetest gives tests a fresh, migrated database on each engine: SQLite always,
// and PostgreSQL when ASWAQ_TEST_POSTGRES holds a connection URL. Every call gets its own
// SQLite file or its own PostgreSQL schema, so tests run in parallel without seeing each
// other's rows.
package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/pgtest"
)

// PostgresEnv is the variable that names the PostgreSQL server tests may use.
const PostgresEnv = pgtest.Env

// Each runs fn as a subtest once per available engine.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if PostgresURL() != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

// PostgresURL returns the configured server, or "".
func PostgresURL() string { return pgtest.URL() }

// SQLite returns a migrated store on a new SQLite file in the test's temp folder.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	return open(t, filepath.Join(t.TempDir(), "aswaq.db"))
}

// Postgres returns a migrated store in a new schema of the configured server. It fails the
// test when no server is configured.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	base := PostgresURL()
	if base == "" {
		t.Fatalf("%s is not set", PostgresEnv)
	}
	return open(t, NewSchemaURL(t, base))
}

// NewSchemaURL creates a schema that is dropped when the test ends and returns base with
// its search_path set to it.
func NewSchemaURL(t testing.TB, base string) string { return pgtest.NewSchemaURL(t, base) }

func open(t testing.TB, dsn string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
