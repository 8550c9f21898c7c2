package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
)

// StandPeople returns the people an application's organisation sends to its stand.
func (s *Store) StandPeople(ctx context.Context, appID int64) ([]application.StandPerson, error) {
	return standPeople(ctx, s.db, ` WHERE application_id = $1`, appID)
}

func standPeople(ctx context.Context, q querier, where string, args ...any) ([]application.StandPerson, error) {
	var out []application.StandPerson
	err := eachRow(ctx, q, `SELECT id, application_id, name, national_id, phone, gender, role FROM stand_people`+where+` ORDER BY id`,
		args, func(sc scanner) error {
			var p application.StandPerson
			err := sc.Scan(&p.ID, &p.ApplicationID, &p.Name, &p.NationalID, &p.Phone, &p.Gender, &p.Role)
			out = append(out, p)
			return err
		})
	return out, err
}

// AddStandPerson names one more person for a selected organisation's stand, up to the
// edition's number of representatives per stand.
func (s *Store) AddStandPerson(ctx context.Context, p *application.StandPerson) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var status, decision, region string
		var limit int
		err := tx.QueryRowContext(ctx, `SELECT a.status, COALESCE(a.decision, ''), e.reps_per_stand, e.region_code
			FROM applications a JOIN editions e ON e.id = a.edition_id WHERE a.id = $1`, p.ApplicationID).Scan(&status, &decision, &limit, &region)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.NotFound, "error.not_found_title")
		}
		if err != nil {
			return err
		}
		if status != string(application.Submitted) || decision != string(application.Selected) {
			return apperr.New(apperr.Conflict, "people.error.not_selected")
		}
		people, err := standPeople(ctx, tx, ` WHERE application_id = $1`, p.ApplicationID)
		if err != nil {
			return err
		}
		if len(people) >= limit {
			return apperr.New(apperr.Conflict, "people.error.limit", "limit", limit)
		}
		for _, x := range people {
			if x.NationalID == p.NationalID {
				var v apperr.Validation
				v.Add("national_id", "people.error.duplicate")
				return v.Err()
			}
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO stand_people (application_id, name, national_id, phone, gender, role, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, p.ApplicationID, p.Name, p.NationalID, p.Phone, p.Gender, p.Role,
			dbTime(s.now())).Scan(&p.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.PersonAdd, "application", p.ApplicationID, region, nil,
			map[string]any{"name": p.Name, "role": p.Role, "gender": p.Gender})
	})
}

// RemoveStandPerson takes a person off an application's list. Removing someone already
// removed (a second click) changes nothing.
func (s *Store) RemoveStandPerson(ctx context.Context, appID, personID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name, region string
		err := tx.QueryRowContext(ctx, `SELECT p.name, e.region_code FROM stand_people p JOIN applications a ON a.id = p.application_id
			JOIN editions e ON e.id = a.edition_id WHERE p.id = $1 AND p.application_id = $2`, personID, appID).Scan(&name, &region)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stand_people WHERE id = $1`, personID); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.PersonRemove, "application", appID, region, map[string]any{"name": name}, nil)
	})
}

// EditionPeople returns the people named for every selected organisation of an edition,
// by application.
func (s *Store) EditionPeople(ctx context.Context, editionID int64) (map[int64][]application.StandPerson, error) {
	people, err := standPeople(ctx, s.db, ` WHERE application_id IN (SELECT id FROM applications WHERE edition_id = $1)`, editionID)
	out := map[int64][]application.StandPerson{}
	for _, p := range people {
		out[p.ApplicationID] = append(out[p.ApplicationID], p)
	}
	return out, err
}

// ApplicationDecision returns what the published selection decided for an application
// (empty before publication) and its edition's number of representatives per stand.
func (s *Store) ApplicationDecision(ctx context.Context, appID int64) (application.Decision, int, error) {
	var d application.Decision
	var reps int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(a.decision, ''), e.reps_per_stand FROM applications a
		JOIN editions e ON e.id = a.edition_id WHERE a.id = $1`, appID).Scan(&d, &reps)
	return d, reps, notFoundIfNoRows(err)
}

// EditionPeopleByOrganisation is EditionPeople keyed by organisation, for lists of stands.
func (s *Store) EditionPeopleByOrganisation(ctx context.Context, editionID int64) (map[int64][]application.StandPerson, error) {
	orgOf := map[int64]int64{}
	err := eachRow(ctx, s.db, `SELECT id, organisation_id FROM applications WHERE edition_id = $1`, []any{editionID},
		func(sc scanner) error {
			var app, org int64
			err := sc.Scan(&app, &org)
			orgOf[app] = org
			return err
		})
	if err != nil {
		return nil, err
	}
	byApp, err := s.EditionPeople(ctx, editionID)
	out := map[int64][]application.StandPerson{}
	for app, people := range byApp {
		out[orgOf[app]] = people
	}
	return out, err
}
