// Package dbtest gives tests a fresh, migrated database on each engine: SQLite always,
// and PostgreSQL when ASWAQ_TEST_POSTGRES holds a connection URL. Every call gets its own
// SQLite file or PostgreSQL schema, so tests run in parallel without seeing each other's rows.
package dbtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Env is the variable that names the PostgreSQL server tests may use.
const Env = "ASWAQ_TEST_POSTGRES"

// URL returns the configured server, or "".
func URL() string { return os.Getenv(Env) }

// NewSchemaURL creates a schema that is dropped when the test ends and returns base with
// its search_path set to it.
func NewSchemaURL(t testing.TB, base string) string {
	t.Helper()
	b := make([]byte, 8)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("creating test schema: %v", err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
