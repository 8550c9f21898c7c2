// Package db is Aswaq's database handle, shared by every feature: one connection pool over
// SQLite (modernc) or PostgreSQL (pgx), transactions carried in the context so that several
// features' writes can belong to one transaction, the scans and arguments both engines
// agree on, the region-scope condition, the migrations and the test databases.
//
// Queries are hand-written SQL shared by both engines ($N placeholders, RETURNING,
// standard types); the engines differ only in their migration files and in the few places
// a dialect file says so.
package db

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

// DB is the application's database.
type DB struct {
	pool   *sql.DB
	engine Engine
	clock  atomic.Pointer[func() time.Time]
	gen    atomic.Uint64 // counts committed writes, for caches in this process
}

// Open connects to the database named by dsn: a postgres:// (or postgresql://) URL, or a
// SQLite file path, optionally written sqlite:PATH. It checks the connection before it
// returns, so a wrong address fails here with one clear error rather than at first use.
func Open(ctx context.Context, dsn string) (*DB, error) {
	engine, driver, source, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	pool, err := sql.Open(driver, source)
	if err != nil {
		return nil, fmt.Errorf("opening %s database: %w", engine, err)
	}
	configurePool(pool, engine)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.PingContext(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("cannot reach %s database %s: %w", engine, Redact(dsn), err)
	}
	return &DB{pool: pool, engine: engine}, nil
}

func parseDSN(dsn string) (engine Engine, driver, source string, err error) {
	switch {
	case dsn == "":
		return "", "", "", errors.New("no database given")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return Postgres, "pgx", dsn, nil
	case strings.Contains(dsn, "://"):
		return "", "", "", fmt.Errorf("unsupported database URL %s: use postgres://… or a SQLite file path", Redact(dsn))
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

func configurePool(pool *sql.DB, engine Engine) {
	switch engine {
	case SQLite:
		// One file, one writer: a small pool keeps lock waits short.
		pool.SetMaxOpenConns(8)
		pool.SetMaxIdleConns(8)
	case Postgres:
		pool.SetMaxOpenConns(20)
		pool.SetMaxIdleConns(10)
		pool.SetConnMaxIdleTime(5 * time.Minute)
	}
}

// Redact hides a password in a database URL before it is shown or logged.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Engine tells which database engine the handle runs on.
func (d *DB) Engine() Engine { return d.engine }

// Pool is the connection pool itself, for the few places that work outside transactions
// and the context (migrations, tests that read the catalog).
func (d *DB) Pool() *sql.DB { return d.pool }

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error { return d.pool.PingContext(ctx) }

// Close releases the database.
func (d *DB) Close() error { return d.pool.Close() }

// Now is the clock every feature reads: the wall clock, unless a test set another.
func (d *DB) Now() time.Time {
	if fn := d.clock.Load(); fn != nil {
		return (*fn)()
	}
	return time.Now()
}

// SetClock replaces the clock (tests move time forward to pass deadlines).
func (d *DB) SetClock(fn func() time.Time) { d.clock.Store(&fn) }

// Generation changes after every write this process commits. Caches of data derived from
// the database compare it to know they are stale; writes by other processes (several
// servers on one PostgreSQL) are not seen, so such caches also expire with time.
func (d *DB) Generation() uint64 { return d.gen.Load() }
