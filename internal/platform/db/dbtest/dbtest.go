package dbtest

import (
	"context"
	"sync"
	"testing"

	"github.com/aswaq/aswaq/internal/platform/db"
)

// Each runs fn as a subtest once per available engine. Every test that uses it runs in
// parallel with the others: each has databases of its own, and most of a storage test's
// time is spent waiting for PostgreSQL.
func Each(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	if _, marked := parallel.LoadOrStore(t, true); !marked {
		t.Parallel()
	}
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if URL() != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

var parallel sync.Map // the tests already marked parallel: t.Parallel may be called once

// SQLite returns a migrated database in a new SQLite file in the test's temp folder.
func SQLite(t testing.TB) *db.DB {
	t.Helper()
	return Open(t, copySQLite(t))
}

// Postgres returns a migrated database in a new schema of the configured server. It fails
// the test when no server is configured.
func Postgres(t testing.TB) *db.DB {
	t.Helper()
	base := URL()
	if base == "" {
		t.Fatalf("%s is not set", Env)
	}
	return Open(t, newPostgresDB(t, base))
}

// Open opens and migrates the database dsn (a copy of the migrated template is already up
// to date), closed when the test ends.
func Open(t testing.TB, dsn string) *db.DB {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return d
}
