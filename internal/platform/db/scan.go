package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/aswaq/aswaq/internal/civil"
)

// Date scans a DATE column the same way on both engines: PostgreSQL hands back a
// time.Time, SQLite the stored text (or a time.Time, depending on the column's declared
// type).
type dateScan struct{ d *civil.Date }

// ScanDate scans a DATE column into d.
func ScanDate(d *civil.Date) sql.Scanner { return dateScan{d} }

func (c dateScan) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*c.d = civil.Of(v)
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("cannot scan %T into a date", src)
	}
	return nil
}

func (c dateScan) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	d, err := civil.Parse(s)
	*c.d = d
	return err
}

type optDateScan struct{ d *civil.Date }

// ScanOptDate scans a nullable DATE column into d; NULL is the zero date ("unknown").
func ScanOptDate(d *civil.Date) sql.Scanner { return optDateScan{d} }

func (c optDateScan) Scan(src any) error {
	if src == nil {
		*c.d = civil.Date{}
		return nil
	}
	return dateScan(c).Scan(src)
}

// DateArg is the value bound for a DATE parameter on both engines.
func DateArg(d civil.Date) string { return d.String() }

// OptDateArg binds an unknown (zero) date as NULL.
func OptDateArg(d civil.Date) sql.NullString {
	return sql.NullString{String: d.String(), Valid: !d.IsZero()}
}

// OptInt stores zero ("unknown") as NULL.
func OptInt(n int) sql.NullInt64 { return sql.NullInt64{Int64: int64(n), Valid: n != 0} }

type intScan struct{ n *int }

// ScanInt scans a nullable integer column into n, NULL as zero.
func ScanInt(n *int) sql.Scanner { return intScan{n} }

func (c intScan) Scan(src any) error {
	var v sql.NullInt64
	if err := v.Scan(src); err != nil {
		return err
	}
	*c.n = int(v.Int64)
	return nil
}

type timeScan struct{ t *time.Time }

// ScanTime scans a timestamp column on both engines into t, in UTC; NULL is the zero time.
func ScanTime(t *time.Time) sql.Scanner { return timeScan{t} }

func (c timeScan) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		*c.t = v.UTC()
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("cannot scan %T into a time", src)
	}
	return nil
}

// The layouts SQLite text timestamps come in: what the driver writes for a time.Time
// (time.Time.String, or its own layout), RFC 3339, and SQLite's own format. The driver
// hands back text rather than a time.Time where it does not know the column's declared
// type (RETURNING, expressions).
var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02 15:04:05.999999999-07:00",
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
}

func (c timeScan) parse(s string) error {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			*c.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("cannot read %q as a time", s)
}

// TimeArg is how timestamps are bound: UTC, to the microsecond PostgreSQL keeps. On SQLite
// the driver stores times as text; always binding UTC makes that text sort in time order,
// which comparisons such as expiry checks rely on.
func TimeArg(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Microsecond)
}

// Scanner is one row being read: *sql.Row or *sql.Rows.
type Scanner interface{ Scan(dest ...any) error }

// Strings runs a query of one text column and returns its values.
func Strings(ctx context.Context, q Querier, query string, args ...any) ([]string, error) {
	var out []string
	err := Each(ctx, q, query, args, func(row Scanner) error {
		var v string
		if err := row.Scan(&v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// Each runs a query and calls fn for every row.
func Each(ctx context.Context, q Querier, query string, args []any, fn func(Scanner) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
