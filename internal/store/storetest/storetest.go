// Package storetest gives tests a fresh, migrated database on each engine: SQLite always,
// and PostgreSQL when ASWAQ_TEST_POSTGRES holds a connection URL. Every call gets its own
// SQLite file or its own PostgreSQL schema, so tests run in parallel without seeing each
// other's rows.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/aswaq/aswaq/internal/store"
)

// PostgresEnv is the variable that names the PostgreSQL server tests may use.
const PostgresEnv = "ASWAQ_TEST_POSTGRES"

// Each runs fn as a subtest once per available engine.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if PostgresURL() != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

// PostgresURL returns the configured server, or "".
func PostgresURL() string { return os.Getenv(PostgresEnv) }

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
func NewSchemaURL(t testing.TB, base string) string {
	t.Helper()
	schema := "t_" + randomHex(8)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("creating test schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

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

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
