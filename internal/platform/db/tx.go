package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

type txKey struct{}

// Tx runs fn in a transaction and commits only if fn succeeds, so nothing is stored
// half-done. Inside InTx it joins the outer transaction, which commits or rolls back.
func (d *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(tx)
	}
	tx, err := d.pool.BeginTx(ctx, nil)
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
	d.gen.Add(1)
	return nil
}

// InTx runs fn so that every write made with the context it is given belongs to one
// transaction: all of them are stored, or none. A feature that calls another feature's
// service inside its own workflow passes this context on.
func (d *DB) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, nested := ctx.Value(txKey{}).(*sql.Tx); nested {
		return fn(ctx)
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	})
}

// InTransaction reports whether ctx carries a transaction.
func InTransaction(ctx context.Context) bool {
	_, ok := ctx.Value(txKey{}).(*sql.Tx)
	return ok
}

// Querier is what reads need: a transaction or the pool.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Q is the transaction ctx carries, or the pool: reads made inside a workflow see its own
// writes.
func (d *DB) Q(ctx context.Context) Querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return d.pool
}

// LockRow takes a row lock for the rest of the transaction on PostgreSQL, so that two
// read-check-write workflows on the same record run one after the other instead of both
// passing their checks. SQLite needs nothing: an immediate transaction already holds the
// database's write lock from its first statement. table and keyCol are constants of the
// calling code, never user input.
func (d *DB) LockRow(ctx context.Context, tx *sql.Tx, table, keyCol string, key any) error {
	if d.engine != Postgres {
		return nil
	}
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE `+keyCol+` = $1 FOR NO KEY UPDATE`, key).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // nothing to lock: the caller's own read says not found
	}
	return err
}

// IsForeignKeyViolation reports whether err is a refused reference on either engine: a row
// still referenced elsewhere, or a reference to a row that does not exist.
func IsForeignKeyViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "FOREIGN KEY constraint failed") || strings.Contains(msg, "SQLSTATE 23503")
}
