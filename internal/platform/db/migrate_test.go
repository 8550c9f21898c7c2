package db_test

import (
	"context"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
)

// The engines must never drift apart: a version added for one must exist for the other.
func TestMigrationFoldersHoldTheSameVersions(t *testing.T) {
	versions := func(dir string) []string {
		entries, err := fs.ReadDir(os.DirFS("migrations"), dir)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`^(\d+)_[a-z0-9_]+\.sql$`)
		var out []string
		for _, e := range entries {
			m := re.FindStringSubmatch(e.Name())
			if m == nil {
				t.Errorf("%s/%s: migration files are named NNNNN_name.sql", dir, e.Name())
				continue
			}
			out = append(out, e.Name())
		}
		return out
	}
	lite, pg := versions("sqlite"), versions("postgres")
	if len(lite) == 0 || !slices.Equal(lite, pg) {
		t.Fatalf("migration files differ:\nsqlite:   %v\npostgres: %v", lite, pg)
	}
}

func TestMigrateIsIdempotentAndReportsStatus(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, s *db.DB) {
		ctx := context.Background()
		n, err := s.Migrate(ctx)
		if err != nil || n != 0 {
			t.Fatalf("second migration applied %d, err %v", n, err)
		}
		st, err := s.MigrationStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(st) < 3 {
			t.Fatalf("status lists %d migrations", len(st))
		}
		for _, m := range st {
			if !m.Applied || m.AppliedAt.IsZero() {
				t.Errorf("migration %d %s not applied", m.Version, m.Name)
			}
		}
	})
}

func TestOpenRefusesWhatItCannotOpen(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"", "mysql://localhost/x", "/no/such/folder/aswaq.db", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"} {
		if s, err := db.Open(ctx, dsn); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", dsn)
		}
	}
}
