package editions

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/reference"
)

const editionColumns = `id, kind, number, region_code, province_code, city_ar, city_fr, venue_ar, venue_fr,
	title_ar, title_fr, title_zgh, slogan_ar, slogan_fr, slogan_zgh, starts_on, ends_on,
	area_m2, target_visitors, target_exhibitors, target_organisations, target_stands, status,
	theme_ar, theme_fr, theme_zgh, about_ar, about_fr, about_zgh, opens_at, closes_at,
	legal_basis_ar, legal_basis_fr, patronage_ar, patronage_fr, occasion_ar, occasion_fr,
	reps_per_stand, tour_id, cancel_reason`

func scanEdition(sc interface{ Scan(...any) error }) (fair.Edition, error) {
	var e fair.Edition
	var opens, closes, tour sql.NullInt64
	err := sc.Scan(&e.ID, &e.Kind, db.ScanInt(&e.Number), &e.RegionCode, &e.ProvinceCode,
		&e.City.AR, &e.City.FR, &e.Venue.AR, &e.Venue.FR,
		&e.Title.AR, &e.Title.FR, &e.Title.ZGH, &e.Slogan.AR, &e.Slogan.FR, &e.Slogan.ZGH,
		db.ScanDate(&e.StartsOn), db.ScanDate(&e.EndsOn),
		db.ScanInt(&e.AreaM2), db.ScanInt(&e.TargetVisitors), db.ScanInt(&e.TargetExhibitors), db.ScanInt(&e.TargetOrgs), db.ScanInt(&e.TargetStands), &e.Status,
		&e.Theme.AR, &e.Theme.FR, &e.Theme.ZGH, &e.About.AR, &e.About.FR, &e.About.ZGH, &opens, &closes,
		&e.LegalBasis.AR, &e.LegalBasis.FR, &e.Patronage.AR, &e.Patronage.FR, &e.Occasion.AR, &e.Occasion.FR,
		&e.RepsPerStand, &tour, &e.CancelReason)
	if opens.Valid && closes.Valid {
		e.Hours = fair.Hours{Opens: int(opens.Int64), Closes: int(closes.Int64), Set: true}
	}
	e.TourID = tour.Int64
	return e, err
}

// editionArgs are the values of every column CreateEdition and UpdateEdition write, in
// editionWriteColumns order.
func editionArgs(e *fair.Edition) []any {
	var opens, closes sql.NullInt64
	if e.Hours.Set {
		opens = sql.NullInt64{Int64: int64(e.Hours.Opens), Valid: true}
		closes = sql.NullInt64{Int64: int64(e.Hours.Closes), Valid: true}
	}
	return []any{e.Kind, db.OptInt(e.Number), e.RegionCode, e.ProvinceCode, e.City.AR, e.City.FR, e.Venue.AR, e.Venue.FR,
		e.Title.AR, e.Title.FR, e.Title.ZGH, e.Slogan.AR, e.Slogan.FR, e.Slogan.ZGH,
		db.DateArg(e.StartsOn), db.DateArg(e.EndsOn), db.OptInt(e.AreaM2), db.OptInt(e.TargetVisitors),
		db.OptInt(e.TargetExhibitors), db.OptInt(e.TargetOrgs), db.OptInt(e.TargetStands),
		e.Theme.AR, e.Theme.FR, e.Theme.ZGH, e.About.AR, e.About.FR, e.About.ZGH, opens, closes,
		e.LegalBasis.AR, e.LegalBasis.FR, e.Patronage.AR, e.Patronage.FR, e.Occasion.AR, e.Occasion.FR,
		e.RepsPerStand, sql.NullInt64{Int64: e.TourID, Valid: e.TourID != 0}}
}

const editionWriteColumns = `kind, number, region_code, province_code, city_ar, city_fr, venue_ar, venue_fr,
	title_ar, title_fr, title_zgh, slogan_ar, slogan_fr, slogan_zgh, starts_on, ends_on,
	area_m2, target_visitors, target_exhibitors, target_organisations, target_stands,
	theme_ar, theme_fr, theme_zgh, about_ar, about_fr, about_zgh, opens_at, closes_at,
	legal_basis_ar, legal_basis_fr, patronage_ar, patronage_fr, occasion_ar, occasion_fr,
	reps_per_stand, tour_id`

const editionWriteCount = 37

// CreateEdition validates e and stores it as a draft with its partners, spaces and guests,
// setting e.ID. Nothing is stored when any check fails. Its life then moves only through
// Take and the workflows that do each step's work.
func (s *Service) CreateEdition(ctx context.Context, e *fair.Edition) error {
	e.Status = fair.Draft
	return s.create(ctx, e)
}

// RecordPast stores an edition held before its council used Aswaq, as closed history (the
// demo's seed fairs, a council's archive): it must have ended before today.
func (s *Service) RecordPast(ctx context.Context, e *fair.Edition) error {
	if !e.EndsOn.Before(civil.Of(s.db.Now().In(civil.Casablanca))) {
		var v apperr.Validation
		v.Add("ends_on", "edition.error.past_not_over")
		return v.Err()
	}
	e.Status = fair.Closed
	return s.create(ctx, e)
}

func (s *Service) create(ctx context.Context, e *fair.Edition) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := checkEditionRefs(ctx, tx, e); err != nil {
			return err
		}
		now := db.TimeArg(s.db.Now())
		args := append(editionArgs(e), e.Status, now)
		err := tx.QueryRowContext(ctx, `INSERT INTO editions (`+editionWriteColumns+`, status, created_at, updated_at)
			VALUES (`+db.Placeholders(1, editionWriteCount+2)+`, $`+strconv.Itoa(editionWriteCount+2)+`) RETURNING id`, args...).Scan(&e.ID)
		if err != nil {
			return err
		}
		if err := writeEditionParts(ctx, tx, e); err != nil {
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.EditionCreate, "edition", e.ID, e.RegionCode, nil, editionAudit(e))
	})
}

// UpdateEdition validates e and replaces the stored edition e.ID with it, parts included.
// Its status is not changed here: Take and the workflows of each step do that.
func (s *Service) UpdateEdition(ctx context.Context, e *fair.Edition) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := Load(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		e.Status = before.Status
		if err := e.Validate(); err != nil {
			return err
		}
		if err := checkEditionRefs(ctx, tx, e); err != nil {
			return err
		}
		args := append(editionArgs(e), db.TimeArg(s.db.Now()), e.ID)
		if _, err := tx.ExecContext(ctx, `UPDATE editions SET (`+editionWriteColumns+`, updated_at)
			= (`+db.Placeholders(1, editionWriteCount+1)+`) WHERE id = $`+strconv.Itoa(editionWriteCount+2), args...); err != nil {
			return err
		}
		for _, table := range []string{"edition_partners", "edition_spaces", "edition_guests"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE edition_id = $1`, e.ID); err != nil {
				return err
			}
		}
		if err := writeEditionParts(ctx, tx, e); err != nil {
			return err
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.EditionUpdate, "edition", e.ID, e.RegionCode, editionAudit(&before), editionAudit(e))
	})
}

// checkEditionRefs checks what only the database knows: the host province lies in the
// region, and the tour, if any, is the same region's.
func checkEditionRefs(ctx context.Context, tx *sql.Tx, e *fair.Edition) error {
	if err := reference.CheckProvinceInRegion(ctx, tx, e.ProvinceCode, e.RegionCode, "province",
		"fair.error.province_unknown", "fair.error.province_not_in_region"); err != nil {
		return err
	}
	if e.TourID == 0 {
		return nil
	}
	var region string
	err := tx.QueryRowContext(ctx, `SELECT region_code FROM tours WHERE id = $1`, e.TourID).Scan(&region)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && region != e.RegionCode) {
		var v apperr.Validation
		v.Add("tour", "fair.error.tour_elsewhere")
		return v.Err()
	}
	return err
}

// Load reads one edition with its parts, inside a transaction or outside it (q), for
// the features whose workflows depend on it.
func Load(ctx context.Context, q db.Querier, id int64) (fair.Edition, error) {
	e, err := scanEdition(q.QueryRowContext(ctx, `SELECT `+editionColumns+` FROM editions WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	if err != nil {
		return e, err
	}
	return e, readEditionParts(ctx, q, &e)
}

// Editions returns every edition, the most recent first, without its parts (partners,
// spaces, guests): lists do not show them.
func (s *Service) Editions(ctx context.Context) ([]fair.Edition, error) {
	rows, err := s.db.Q(ctx).QueryContext(ctx, `SELECT `+editionColumns+` FROM editions ORDER BY starts_on DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fair.Edition
	for rows.Next() {
		e, err := scanEdition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Edition returns one edition with its parts, or a NotFound error.
func (s *Service) Edition(ctx context.Context, id int64) (fair.Edition, error) {
	return Load(ctx, s.db.Q(ctx), id)
}

// CountEditions returns how many editions exist.
func (s *Service) CountEditions(ctx context.Context) (int, error) {
	var n int
	err := s.db.Q(ctx).QueryRowContext(ctx, `SELECT COUNT(*) FROM editions`).Scan(&n)
	return n, err
}

// EditionsInRegions returns the editions of the given regions (all when regions is nil
// and all is true), most recent first, for pickers.
func (s *Service) EditionsInRegions(ctx context.Context, all bool, regions []string) ([]fair.Edition, error) {
	eds, err := s.Editions(ctx)
	if err != nil || all {
		return eds, err
	}
	out := eds[:0]
	for _, e := range eds {
		if slices.Contains(regions, e.RegionCode) {
			out = append(out, e)
		}
	}
	return out, nil
}

func editionAudit(e *fair.Edition) map[string]any {
	return map[string]any{"kind": e.Kind, "number": e.Number, "region": e.RegionCode, "province": e.ProvinceCode,
		"title": e.Title, "city": e.City, "venue": e.Venue, "slogan": e.Slogan, "theme": e.Theme,
		"starts_on": e.StartsOn.String(), "ends_on": e.EndsOn.String(), "hours": e.Hours,
		"area_m2": e.AreaM2, "targets": []int{e.TargetVisitors, e.TargetExhibitors, e.TargetOrgs, e.TargetStands},
		"legal_basis": e.LegalBasis, "patronage": e.Patronage, "occasion": e.Occasion,
		"reps_per_stand": e.RepsPerStand, "tour": e.TourID, "partners": e.Partners, "spaces": e.Spaces, "guests": e.Guests}
}

// List reads the editions with the given ids, without their parts, the latest first: for
// the features that hold edition ids of their own (an organisation's participations).
func List(ctx context.Context, q db.Querier, ids []int64) ([]fair.Edition, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var args db.Args
	var out []fair.Edition
	err := db.Each(ctx, q, `SELECT `+editionColumns+` FROM editions WHERE id IN (`+db.List(&args, ids)+`)
		ORDER BY starts_on DESC, id DESC`, args, func(sc db.Scanner) error {
		e, err := scanEdition(sc)
		out = append(out, e)
		return err
	})
	return out, err
}
