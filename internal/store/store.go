// Package store holds the parts of Aswaq's data access that have not yet moved into a
// feature of their own. It runs on the shared database handle (platform/db); each feature
// that leaves it takes its SQL along.
package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// Engine names a database engine.
type Engine = db.Engine

// The two engines Aswaq runs on.
const (
	SQLite   = db.SQLite
	Postgres = db.Postgres
)

// Store is the application's database, as the features not yet in rooms of their own
// reach it.
type Store struct {
	*db.DB
	db        *sql.DB // the pool: reads outside any transaction
	engine    Engine
	catalogue *catalogue.Service // one for the store: it holds the search labels
}

// New wraps an open database handle.
func New(d *db.DB) *Store {
	return &Store{DB: d, db: d.Pool(), engine: d.Engine(), catalogue: catalogue.New(d)}
}

// Open connects to the database named by dsn (see db.Open).
func Open(ctx context.Context, dsn string) (*Store, error) {
	d, err := db.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return New(d), nil
}

// Handle is the shared database handle, for the features' services.
func (s *Store) Handle() *db.DB { return s.DB }

func (s *Store) now() time.Time { return s.DB.Now() }

// inTx runs fn in a transaction (or the one ctx carries) and commits only if fn succeeds,
// so nothing is stored half-done.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.DB.Tx(ctx, fn)
}
