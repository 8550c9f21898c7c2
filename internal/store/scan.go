package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/aswaq/aswaq/internal/civil"
)

// dateCol scans a DATE column the same way on both engines: PostgreSQL hands back a
// time.Time, SQLite the stored text (or a time.Time, depending on the column's declared
// type).
type dateCol struct{ d *civil.Date }

func (c dateCol) Scan(src any) error {
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

func (c dateCol) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	d, err := civil.Parse(s)
	*c.d = d
	return err
}

// dateArg is the value bound for a DATE parameter on both engines.
func dateArg(d civil.Date) string { return d.String() }

// optInt stores zero ("unknown") as NULL.
func optInt(n int) sql.NullInt64 { return sql.NullInt64{Int64: int64(n), Valid: n != 0} }

// intCol scans a nullable integer column into an int, NULL as zero.
type intCol struct{ n *int }

func (c intCol) Scan(src any) error {
	var v sql.NullInt64
	if err := v.Scan(src); err != nil {
		return err
	}
	*c.n = int(v.Int64)
	return nil
}

// timeCol scans a timestamp column on both engines into UTC.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
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

// dbTime is how timestamps are bound: UTC, to the microsecond PostgreSQL keeps. On SQLite
// the driver stores times as text; always binding UTC makes that text sort in time order,
// which comparisons such as expiry checks rely on.
func dbTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Microsecond)
}

func (c timeCol) parse(s string) error {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			*c.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("cannot read %q as a time", s)
}

// optDateCol scans a nullable DATE column; NULL is the zero date ("unknown").
type optDateCol struct{ d *civil.Date }

func (c optDateCol) Scan(src any) error {
	if src == nil {
		*c.d = civil.Date{}
		return nil
	}
	return dateCol(c).Scan(src)
}

// optDate binds an unknown (zero) date as NULL.
func optDate(d civil.Date) sql.NullString {
	return sql.NullString{String: d.String(), Valid: !d.IsZero()}
}

// casablanca is the zone in which "today" is reckoned.
var casablanca = civil.Casablanca

// queryStrings runs a query of one text column and returns its values.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
