package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/aswaq/aswaq/internal/mltext"
)

// PlacedOrganisation is a selected organisation of an edition as the stand assignment, the
// public map and the set-up team's list see it, with its stand when it has one.
type PlacedOrganisation struct {
	OrganisationID int64
	ApplicationID  int64
	Name           mltext.Text
	LegalForm      string
	Province       string
	Sector         string
	Categories     []string // taxonomy codes, in code order: the first is its main one
	Phone          string
	Validated      bool // shown in the public catalogue
	Stand          string
	Pinned         bool
	// Needs, from the application's answers to the call's questions "power", "water" and
	// "accessibility" (the usual call asks them): yes means the stand must have it.
	Power, Water, Access bool
}

// PlacedOrganisations returns the organisations selected for an edition (and still in),
// by application, each with its stand, if any.
func (s *Store) PlacedOrganisations(ctx context.Context, editionID int64) ([]PlacedOrganisation, error) {
	var out []PlacedOrganisation
	index := map[int64]int{}
	err := eachRow(ctx, s.db, `SELECT o.id, o.name_ar, o.name_fr, o.legal_form, o.province_code, o.sector, o.phone,
			o.status = 'validated', COALESCE(sa.stand_code, ''), COALESCE(sa.pinned, FALSE), a.answers, a.id
		FROM applications a JOIN organisations o ON o.id = a.organisation_id
		LEFT JOIN stand_assignments sa ON sa.edition_id = a.edition_id AND sa.organisation_id = o.id
		WHERE a.edition_id = $1 AND a.decision = 'selected' AND a.status = 'submitted' ORDER BY a.id`, []any{editionID},
		func(sc scanner) error {
			var x PlacedOrganisation
			var answers string
			if err := sc.Scan(&x.OrganisationID, &x.Name.AR, &x.Name.FR, &x.LegalForm, &x.Province, &x.Sector, &x.Phone,
				&x.Validated, &x.Stand, &x.Pinned, &answers, &x.ApplicationID); err != nil {
				return err
			}
			var a map[string]string
			if err := json.Unmarshal([]byte(answers), &a); err != nil {
				return err
			}
			x.Power, x.Water, x.Access = a["power"] == "yes", a["water"] == "yes", a["accessibility"] == "yes"
			index[x.OrganisationID] = len(out)
			out = append(out, x)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, s.db, `SELECT c.organisation_id, c.category FROM organisation_categories c WHERE c.organisation_id IN
		(SELECT organisation_id FROM applications WHERE edition_id = $1 AND decision = 'selected' AND status = 'submitted')
		ORDER BY c.organisation_id, c.category`, []any{editionID}, func(sc scanner) error {
		var id int64
		var cat string
		if err := sc.Scan(&id, &cat); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].Categories = append(out[i].Categories, cat)
		}
		return nil
	})
	return out, err
}

// OrganisationNames returns the names of the given organisations, by id: what a report
// names an organisation by once it has left the selection.
func (s *Store) OrganisationNames(ctx context.Context, ids []int64) (map[int64]mltext.Text, error) {
	out := map[int64]mltext.Text{}
	for _, id := range ids {
		var name mltext.Text
		err := s.db.QueryRowContext(ctx, `SELECT name_ar, name_fr FROM organisations WHERE id = $1`, id).Scan(&name.AR, &name.FR)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, nil
}
