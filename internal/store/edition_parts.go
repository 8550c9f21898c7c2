package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/aswaq/aswaq/internal/fair"
)

// placeholders writes "$from, $from+1, …, $to".
func placeholders(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		if i > from {
			b.WriteString(", ")
		}
		b.WriteString("$" + itoa(i))
	}
	return b.String()
}

// writeEditionParts inserts an edition's partners, spaces and guests, numbered in the
// order given (the order the council listed them, which the public page keeps).
func writeEditionParts(ctx context.Context, tx *sql.Tx, e *fair.Edition) error {
	for i, p := range e.Partners {
		if _, err := tx.ExecContext(ctx, `INSERT INTO edition_partners (edition_id, position, name_ar, name_fr, role, convention)
			VALUES ($1, $2, $3, $4, $5, $6)`, e.ID, i+1, p.Name.AR, p.Name.FR, p.Role, p.Convention); err != nil {
			return err
		}
	}
	for i, sp := range e.Spaces {
		if _, err := tx.ExecContext(ctx, `INSERT INTO edition_spaces (edition_id, position, kind, name_ar, name_fr, area_m2, stands)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, e.ID, i+1, sp.Kind, sp.Name.AR, sp.Name.FR, optInt(sp.AreaM2), optInt(sp.Stands)); err != nil {
			return err
		}
	}
	for i, g := range e.Guests {
		if _, err := tx.ExecContext(ctx, `INSERT INTO edition_guests (edition_id, position, kind, name_ar, name_fr)
			VALUES ($1, $2, $3, $4, $5)`, e.ID, i+1, g.Kind, g.Name.AR, g.Name.FR); err != nil {
			return err
		}
	}
	return nil
}

// readEditionParts loads an edition's partners, spaces and guests, in their order.
func readEditionParts(ctx context.Context, q querier, e *fair.Edition) error {
	e.Partners, e.Spaces, e.Guests = nil, nil, nil
	err := eachRow(ctx, q, `SELECT name_ar, name_fr, role, convention FROM edition_partners WHERE edition_id = $1 ORDER BY position`,
		[]any{e.ID}, func(sc scanner) error {
			var p fair.Partnership
			err := sc.Scan(&p.Name.AR, &p.Name.FR, &p.Role, &p.Convention)
			e.Partners = append(e.Partners, p)
			return err
		})
	if err != nil {
		return err
	}
	err = eachRow(ctx, q, `SELECT kind, name_ar, name_fr, area_m2, stands FROM edition_spaces WHERE edition_id = $1 ORDER BY position`,
		[]any{e.ID}, func(sc scanner) error {
			var sp fair.Space
			err := sc.Scan(&sp.Kind, &sp.Name.AR, &sp.Name.FR, intCol(&sp.AreaM2), intCol(&sp.Stands))
			e.Spaces = append(e.Spaces, sp)
			return err
		})
	if err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT kind, name_ar, name_fr FROM edition_guests WHERE edition_id = $1 ORDER BY position`,
		[]any{e.ID}, func(sc scanner) error {
			var g fair.Guest
			err := sc.Scan(&g.Kind, &g.Name.AR, &g.Name.FR)
			e.Guests = append(e.Guests, g)
			return err
		})
}
