// Package store keeps Aswaq's data in SQLite or PostgreSQL behind one Store. Queries are
// hand-written SQL shared by both engines ($N placeholders, RETURNING, standard types);
// the two engines differ only in their migration files and in the few places a dialect
// file says so.
package store

//go:generate go run gen_reference.go

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Engine names a database engine.
type Engine string

// The two engines Aswaq runs on.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Store is the application's database.
type Store struct {
	db     *sql.DB
	engine Engine
	now    func() time.Time
	gen    atomic.Uint64 // counts committed writes, for caches in this process
	search searchSettings
}

// Open connects to the database named by dsn: a postgres:// (or postgresql://) URL, or a
// SQLite file path, optionally written sqlite:PATH. It checks the connection before it
// returns, so a wrong address fails here with one clear error rather than at first use.
func Open(ctx context.Context, dsn string) (*Store, error) {
	engine, driver, source, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		return nil, fmt.Errorf("opening %s database: %w", engine, err)
	}
	configurePool(db, engine)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach %s database %s: %w", engine, redact(dsn), err)
	}
	return &Store{db: db, engine: engine, now: time.Now}, nil
}

func parseDSN(dsn string) (engine Engine, driver, source string, err error) {
	switch {
	case dsn == "":
		return "", "", "", errors.New("no database given")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return Postgres, "pgx", dsn, nil
	case strings.Contains(dsn, "://"):
		return "", "", "", fmt.Errorf("unsupported database URL %s: use postgres://… or a SQLite file path", redact(dsn))
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	if dir := filepath.Dir(path); dir != "." {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return "", "", "", fmt.Errorf("cannot open SQLite database %s: folder %s does not exist", path, dir)
		}
	}
	// WAL lets readers run beside the writer; busy_timeout makes concurrent writers wait
	// instead of failing; immediate transactions take the write lock up front, which avoids
	// the deadlock of two readers upgrading to writers at once.
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	return SQLite, "sqlite", "file:" + path + "?" + q.Encode(), nil
}

func configurePool(db *sql.DB, engine Engine) {
	switch engine {
	case SQLite:
		// One file, one writer: a small pool keeps lock waits short.
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
	case Postgres:
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(10)
		db.SetConnMaxIdleTime(5 * time.Minute)
	}
}

// redact hides a password in a database URL before it is shown or logged.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Engine tells which database engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Close releases the database.
func (s *Store) Close() error { return s.db.Close() }

// inTx runs fn in a transaction and commits only if fn succeeds, so nothing is stored
// half-done.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(tx) // inside InTx: the outer transaction commits or rolls back
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.gen.Add(1)
	return nil
}

type txKey struct{}

// InTx runs fn so that every write the store makes with the context it is given belongs
// to one transaction: all of them are stored, or none. Demo loading and imports use it.
func (s *Store) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, nested := ctx.Value(txKey{}).(*sql.Tx); nested {
		return fn(ctx)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	})
}

// Generation changes after every write this process commits. Caches of data derived from
// the database compare it to know they are stale; writes by other processes (several
// servers on one PostgreSQL) are not seen, so such caches also expire with time.
func (s *Store) Generation() uint64 { return s.gen.Load() }
