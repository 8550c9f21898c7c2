package editions

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/reference"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// callRules is the JSON form of a call's rules in the calls table.
type callRules struct {
	LegalForms       []org.LegalForm     `json:"legal_forms,omitempty"`
	InvitedProvinces []string            `json:"invited_provinces,omitempty"`
	Sectors          []taxonomy.Sector   `json:"sectors,omitempty"`
	Documents        []call.DocumentRule `json:"documents,omitempty"`
	Questions        []call.Question     `json:"questions,omitempty"`
	Criteria         []call.Criterion    `json:"criteria,omitempty"`
	Quotas           []selection.Quota   `json:"quotas,omitempty"`
}

// SaveCall validates c and stores it as its edition's call, replacing the previous one.
func (s *Service) SaveCall(ctx context.Context, c *call.Call) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.db.LockRow(ctx, tx, "editions", "id", c.EditionID); err != nil {
			return err
		}
		e, err := Load(ctx, tx, c.EditionID)
		if err != nil {
			return err
		}
		if e.Status.CallFrozen() {
			return apperr.New(apperr.Conflict, "call.error.frozen")
		}
		provs, err := reference.New(s.db).Provinces(ctx, e.RegionCode)
		if err != nil {
			return err
		}
		cx := call.Context{}
		for _, p := range provs {
			cx.RegionProvinces = append(cx.RegionProvinces, p.Code)
		}
		if err := c.Validate(cx); err != nil {
			return err
		}
		rules, err := callRulesJSON(c)
		if err != nil {
			return err
		}
		var v apperr.Validation
		for _, code := range c.InvitedProvinces {
			var region string
			err := tx.QueryRowContext(ctx, `SELECT region_code FROM provinces WHERE code = $1`, code).Scan(&region)
			if errors.Is(err, sql.ErrNoRows) {
				v.Add("invited_provinces", "fair.error.province_unknown", "code", code)
			} else if err != nil {
				return err
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		before, hadCall, err := LoadCall(ctx, tx, c.EditionID)
		if err != nil {
			return err
		}
		// Once review has begun the deadline moves only by reopening the call, which
		// says so to everyone; the earliest deadline announced is kept.
		if hadCall && e.Status != fair.Draft && e.Status != fair.CallOpen {
			if !sameMinute(c.OpensAt, before.OpensAt) || !sameMinute(c.ClosesAt, before.ClosesAt) {
				var v apperr.Validation
				v.Add("closes_at", "call.error.deadline_by_reopen")
				return v.Err()
			}
			c.OpensAt, c.ClosesAt = before.OpensAt, before.ClosesAt // forms show minutes
		}
		c.AnnouncedClosesAt = before.AnnouncedClosesAt
		now := db.TimeArg(s.db.Now())
		if hadCall {
			_, err = tx.ExecContext(ctx, `UPDATE calls SET opens_at = $1, closes_at = $2, stands = $3, reviewers_each = $4,
				rules = $5, updated_at = $6 WHERE edition_id = $7`,
				db.TimeArg(c.OpensAt), db.TimeArg(c.ClosesAt), c.Stands, c.ReviewersEach, rules, now, c.EditionID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO calls (edition_id, opens_at, closes_at, stands, reviewers_each, rules, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				c.EditionID, db.TimeArg(c.OpensAt), db.TimeArg(c.ClosesAt), c.Stands, c.ReviewersEach, rules, now)
		}
		if err != nil {
			return err
		}
		var b any
		if hadCall {
			b = before
		}
		return auditlog.Record(ctx, tx, s.db.Now(), audit.CallSave, "edition", c.EditionID, e.RegionCode, b, c)
	})
}

// callRulesJSON writes a call's rules as the calls table keeps them.
func callRulesJSON(c *call.Call) (string, error) {
	rules, err := json.Marshal(callRules{c.LegalForms, c.InvitedProvinces, c.Sectors, c.Documents, c.Questions, c.Criteria, c.Quotas})
	return string(rules), err
}

// Call returns an edition's call, or NotFound when the edition has none yet.
func (s *Service) Call(ctx context.Context, editionID int64) (call.Call, error) {
	c, ok, err := LoadCall(ctx, s.db.Q(ctx), editionID)
	if err == nil && !ok {
		err = apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return c, err
}

// LoadCall reads an edition's call, inside a transaction or outside it (q); ok is false
// when the edition has none yet.
func LoadCall(ctx context.Context, q db.Querier, editionID int64) (call.Call, bool, error) {
	c := call.Call{EditionID: editionID}
	var rules string
	err := q.QueryRowContext(ctx, `SELECT opens_at, closes_at, announced_closes_at, stands, reviewers_each, rules
		FROM calls WHERE edition_id = $1`, editionID).Scan(db.ScanTime(&c.OpensAt), db.ScanTime(&c.ClosesAt),
		db.ScanTime(&c.AnnouncedClosesAt), &c.Stands, &c.ReviewersEach, &rules)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, err
	}
	var r callRules
	if err := json.Unmarshal([]byte(rules), &r); err != nil {
		return c, false, err
	}
	c.LegalForms, c.InvitedProvinces, c.Sectors, c.Documents = r.LegalForms, r.InvitedProvinces, r.Sectors, r.Documents
	c.Questions, c.Criteria, c.Quotas = r.Questions, r.Criteria, r.Quotas
	return c, true, nil
}

// sameMinute compares two instants as the call form shows them, to the minute.
func sameMinute(a, b time.Time) bool { return a.Truncate(time.Minute).Equal(b.Truncate(time.Minute)) }
