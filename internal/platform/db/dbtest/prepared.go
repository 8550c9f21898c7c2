package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aswaq/aswaq/internal/platform/db"
)

// Tests that all start from the same data (the demo, say) prepare it once per engine and
// per test binary, and each gets a copy. Unlike the migrated template, prepared data
// depends on the code under test, so on PostgreSQL it lives in a template database of this
// process only, which DropPrepared removes (call it from TestMain).

type preparedData struct {
	once   sync.Once
	sqlite []byte
	pg     string
	err    error
}

var (
	preparedSQLite   sync.Map // key → *preparedData
	preparedPostgres sync.Map // key → *preparedData
	processTag       = func() string { b := make([]byte, 4); rand.Read(b); return hex.EncodeToString(b) }()
)

func entry(m *sync.Map, key string) *preparedData {
	v, _ := m.LoadOrStore(key, &preparedData{})
	return v.(*preparedData)
}

// PreparedSQLite returns a copy of a SQLite database that build filled once, after
// migrating, for every test of the binary that names the same key.
func PreparedSQLite(t testing.TB, key string, build func(d *db.DB) error) *db.DB {
	t.Helper()
	p := entry(&preparedSQLite, key)
	p.once.Do(func() {
		dir, err := os.MkdirTemp("", "aswaq-dbtest-")
		if err != nil {
			p.err = err
			return
		}
		defer os.RemoveAll(dir)
		data, err := migratedSQLite()
		if err != nil {
			p.err = err
			return
		}
		path := filepath.Join(dir, key+".db")
		if p.err = os.WriteFile(path, data, 0o600); p.err != nil {
			return
		}
		ctx := context.Background()
		d, err := db.Open(ctx, path)
		if err != nil {
			p.err = err
			return
		}
		if p.err = build(d); p.err == nil {
			_, p.err = d.Pool().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		}
		d.Close()
		if p.err == nil {
			p.sqlite, p.err = os.ReadFile(path)
		}
	})
	if p.err != nil {
		t.Fatalf("preparing %s on SQLite: %v", key, p.err)
	}
	path := filepath.Join(t.TempDir(), "aswaq.db")
	if err := os.WriteFile(path, p.sqlite, 0o600); err != nil {
		t.Fatal(err)
	}
	return Open(t, path)
}

// PreparedPostgres is PreparedSQLite on the configured PostgreSQL server.
func PreparedPostgres(t testing.TB, key string, build func(d *db.DB) error) *db.DB {
	t.Helper()
	base := URL()
	if base == "" {
		t.Fatalf("%s is not set", Env)
	}
	p := entry(&preparedPostgres, key)
	p.once.Do(func() {
		tpl, err := pgTemplateDB(base)
		if err != nil {
			p.err = err
			return
		}
		name := "aswaq_tpl_" + key + "_" + processTag
		admin, err := sql.Open("pgx", base)
		if err != nil {
			p.err = err
			return
		}
		defer admin.Close()
		if _, p.err = admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE ` + tpl); p.err != nil {
			return
		}
		d, err := db.Open(context.Background(), withDatabase(base, name))
		if err != nil {
			p.err = err
			return
		}
		p.err = build(d)
		d.Close()
		if p.err == nil {
			_, p.err = admin.Exec(`ALTER DATABASE ` + name + ` WITH is_template true`)
		}
		p.pg = name
	})
	if p.err != nil {
		t.Fatalf("preparing %s on PostgreSQL: %v", key, p.err)
	}
	return Open(t, copyPostgres(t, base, p.pg))
}

// EachPrepared runs fn once per available engine, each time on a copy of what build
// prepared; like Each, the test runs in parallel with the others.
func EachPrepared(t *testing.T, key string, build func(d *db.DB) error, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	if _, marked := parallel.LoadOrStore(t, true); !marked {
		t.Parallel()
	}
	t.Run("sqlite", func(t *testing.T) { fn(t, PreparedSQLite(t, key, build)) })
	if URL() != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, PreparedPostgres(t, key, build)) })
	}
}

// DropPrepared removes this process's prepared PostgreSQL templates.
func DropPrepared() {
	base := URL()
	if base == "" {
		return
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return
	}
	defer admin.Close()
	preparedPostgres.Range(func(_, v any) bool {
		if name := v.(*preparedData).pg; name != "" {
			admin.Exec(`ALTER DATABASE ` + name + ` WITH is_template false`)
			admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		}
		return true
	})
}
