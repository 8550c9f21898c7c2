// Package benchdb holds what the benchmark commands share to set up a database: a
// throw-away PostgreSQL schema, and bulk inserts within each engine's limit of parameters.
package benchdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Schema creates a schema named prefix_<random> in the PostgreSQL database at base and
// returns a URL whose search_path is that schema, and a function that drops it.
func Schema(ctx context.Context, base, prefix string) (dsn string, drop func(), err error) {
	b := make([]byte, 6)
	rand.Read(b)
	schema := prefix + "_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, err
	}
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		db.Close()
		return "", nil, fmt.Errorf("creating schema: %w", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		db.Close()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		db.Close()
	}, nil
}

// MaxParams is how many bound values one statement takes: PostgreSQL allows 65,535;
// SQLite looks $N parameters up in a list, so smaller statements are faster there.
func MaxParams(postgres bool) int {
	if postgres {
		return 10000
	}
	return 300
}

// Insert writes rows into table (given with its column list) in multi-row statements of at
// most maxParams values.
func Insert(ctx context.Context, tx *sql.Tx, table string, rows [][]any, maxParams int) error {
	for len(rows) > 0 {
		n := max(1, min(len(rows), maxParams/len(rows[0])))
		var args []any
		vals := make([]string, n)
		for i, row := range rows[:n] {
			ph := make([]string, len(row))
			for j, v := range row {
				args = append(args, v)
				ph[j] = fmt.Sprintf("$%d", len(args))
			}
			vals[i] = "(" + strings.Join(ph, ", ") + ")"
		}
		rows = rows[n:]
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` VALUES `+strings.Join(vals, ", "), args...); err != nil {
			return err
		}
	}
	return nil
}
