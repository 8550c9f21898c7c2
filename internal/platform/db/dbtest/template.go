package dbtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aswaq/aswaq/internal/platform/db"
)

// Migrating a database takes about a second under the race detector, and the suite makes
// hundreds: each engine is migrated once, into a template, and every test gets a copy.
// On SQLite the template is the migrated file's bytes; on PostgreSQL it is a database,
// named after the migrations it holds so that test binaries running at once, and later
// runs, share it, from which CREATE DATABASE … TEMPLATE copies each test's database.

var sqliteTemplate struct {
	once sync.Once
	data []byte
	err  error
}

// migratedSQLite returns the bytes of a freshly migrated SQLite database.
func migratedSQLite() ([]byte, error) {
	sqliteTemplate.once.Do(func() {
		dir, err := os.MkdirTemp("", "aswaq-dbtest-")
		if err != nil {
			sqliteTemplate.err = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "template.db")
		ctx := context.Background()
		d, err := db.Open(ctx, path)
		if err != nil {
			sqliteTemplate.err = err
			return
		}
		if _, err := d.Migrate(ctx); err != nil {
			d.Close()
			sqliteTemplate.err = err
			return
		}
		// Everything into the main file, so that the file alone is the database.
		if _, err := d.Pool().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			d.Close()
			sqliteTemplate.err = err
			return
		}
		d.Close()
		sqliteTemplate.data, sqliteTemplate.err = os.ReadFile(path)
	})
	return sqliteTemplate.data, sqliteTemplate.err
}

// copySQLite writes a copy of the migrated template into the test's temp folder.
func copySQLite(t testing.TB) string {
	t.Helper()
	data, err := migratedSQLite()
	if err != nil {
		t.Fatalf("migrating the SQLite template: %v", err)
	}
	path := filepath.Join(t.TempDir(), "aswaq.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

var pgTemplate struct {
	mu   sync.Mutex
	name string
}

// templateName names the PostgreSQL template after the migrations it holds.
func templateName() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(db.Migrations(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(db.Migrations(), p)
		fmt.Fprintf(h, "%s %d\n", p, len(b))
		h.Write(b)
		return err
	})
	return "aswaq_tpl_" + hex.EncodeToString(h.Sum(nil))[:16], err
}

// pgTemplateDB makes sure the template database exists on the server base names, and
// returns its name. An advisory lock keeps two test binaries from building it at once.
func pgTemplateDB(base string) (string, error) {
	pgTemplate.mu.Lock()
	defer pgTemplate.mu.Unlock()
	if pgTemplate.name != "" {
		return pgTemplate.name, nil
	}
	name, err := templateName()
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7262100)`); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(7262100)`)
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if !exists {
		// A template left half-made by an interrupted run is made again.
		if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			return "", err
		}
		if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`); err != nil {
			return "", fmt.Errorf("creating the template database: %w", err)
		}
		d, err := db.Open(ctx, withDatabase(base, name))
		if err != nil {
			return "", err
		}
		_, err = d.Migrate(ctx)
		d.Close()
		if err != nil {
			return "", err
		}
		if _, err := conn.ExecContext(ctx, `ALTER DATABASE `+name+` WITH is_template true`); err != nil {
			return "", err
		}
	}
	pgTemplate.name = name
	return name, nil
}

// newPostgresDB creates a database copied from the migrated template, dropped when the
// test ends, and returns its URL.
func newPostgresDB(t testing.TB, base string) string {
	t.Helper()
	tpl, err := pgTemplateDB(base)
	if err != nil {
		t.Fatalf("preparing the PostgreSQL template: %v", err)
	}
	return copyPostgres(t, base, tpl)
}

// copyPostgres creates a database copied from the template tpl, dropped when the test
// ends, and returns its URL.
func copyPostgres(t testing.TB, base, tpl string) string {
	t.Helper()
	b := make([]byte, 8)
	rand.Read(b)
	name := "aswaq_t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE ` + tpl); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", base); err == nil {
			a.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
			a.Close()
		}
	})
	return withDatabase(base, name)
}

// withDatabase is base pointing at another database of the same server.
func withDatabase(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	u.Path = "/" + name
	return u.String()
}
