package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
)

// searchEngines runs fn once per available engine, on a migrated store.
func searchEngines(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	open := func(t *testing.T, dsn string) *Store {
		s, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if _, err := s.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		return s
	}
	t.Run("sqlite", func(t *testing.T) { fn(t, open(t, filepath.Join(t.TempDir(), "aswaq.db"))) })
	if base := dbtest.URL(); base != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, open(t, dbtest.NewSchemaURL(t, base))) })
	}
}
