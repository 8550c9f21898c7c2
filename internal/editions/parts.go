package editions

import (
	"context"
	"database/sql"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/db"
)

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
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, e.ID, i+1, sp.Kind, sp.Name.AR, sp.Name.FR, db.OptInt(sp.AreaM2), db.OptInt(sp.Stands)); err != nil {
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
func readEditionParts(ctx context.Context, q db.Querier, e *fair.Edition) error {
	e.Partners, e.Spaces, e.Guests = nil, nil, nil
	err := db.Each(ctx, q, `SELECT name_ar, name_fr, role, convention FROM edition_partners WHERE edition_id = $1 ORDER BY position`,
		[]any{e.ID}, func(sc db.Scanner) error {
			var p fair.Partnership
			err := sc.Scan(&p.Name.AR, &p.Name.FR, &p.Role, &p.Convention)
			e.Partners = append(e.Partners, p)
			return err
		})
	if err != nil {
		return err
	}
	err = db.Each(ctx, q, `SELECT kind, name_ar, name_fr, area_m2, stands FROM edition_spaces WHERE edition_id = $1 ORDER BY position`,
		[]any{e.ID}, func(sc db.Scanner) error {
			var sp fair.Space
			err := sc.Scan(&sp.Kind, &sp.Name.AR, &sp.Name.FR, db.ScanInt(&sp.AreaM2), db.ScanInt(&sp.Stands))
			e.Spaces = append(e.Spaces, sp)
			return err
		})
	if err != nil {
		return err
	}
	return db.Each(ctx, q, `SELECT kind, name_ar, name_fr FROM edition_guests WHERE edition_id = $1 ORDER BY position`,
		[]any{e.ID}, func(sc db.Scanner) error {
			var g fair.Guest
			err := sc.Scan(&g.Kind, &g.Name.AR, &g.Name.FR)
			e.Guests = append(e.Guests, g)
			return err
		})
}
