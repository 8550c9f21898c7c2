package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/org"
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
func (s *Store) SaveCall(ctx context.Context, c *call.Call) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := editionIn(ctx, tx, c.EditionID)
		if err != nil {
			return err
		}
		provinces, err := queryStrings(ctx, tx, `SELECT code FROM provinces WHERE region_code = $1`, e.RegionCode)
		if err != nil {
			return err
		}
		if err := c.Validate(call.Context{RegionProvinces: provinces}); err != nil {
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
		before, hadCall, err := callIn(ctx, tx, c.EditionID)
		if err != nil {
			return err
		}
		now := dbTime(s.now())
		if hadCall {
			_, err = tx.ExecContext(ctx, `UPDATE calls SET opens_at = $1, closes_at = $2, stands = $3, reviewers_each = $4,
				rules = $5, updated_at = $6 WHERE edition_id = $7`,
				dbTime(c.OpensAt), dbTime(c.ClosesAt), c.Stands, c.ReviewersEach, rules, now, c.EditionID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO calls (edition_id, opens_at, closes_at, stands, reviewers_each, rules, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				c.EditionID, dbTime(c.OpensAt), dbTime(c.ClosesAt), c.Stands, c.ReviewersEach, rules, now)
		}
		if err != nil {
			return err
		}
		var b any
		if hadCall {
			b = before
		}
		return s.record(ctx, tx, audit.CallSave, "edition", c.EditionID, e.RegionCode, b, c)
	})
}

// callRulesJSON writes a call's rules as the calls table keeps them.
func callRulesJSON(c *call.Call) (string, error) {
	rules, err := json.Marshal(callRules{c.LegalForms, c.InvitedProvinces, c.Sectors, c.Documents, c.Questions, c.Criteria, c.Quotas})
	return string(rules), err
}

// Call returns an edition's call, or NotFound when the edition has none yet.
func (s *Store) Call(ctx context.Context, editionID int64) (call.Call, error) {
	c, ok, err := callIn(ctx, s.db, editionID)
	if err == nil && !ok {
		err = apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return c, err
}

func callIn(ctx context.Context, q querier, editionID int64) (call.Call, bool, error) {
	c := call.Call{EditionID: editionID}
	var rules string
	err := q.QueryRowContext(ctx, `SELECT opens_at, closes_at, stands, reviewers_each, rules FROM calls WHERE edition_id = $1`,
		editionID).Scan(timeCol{&c.OpensAt}, timeCol{&c.ClosesAt}, &c.Stands, &c.ReviewersEach, &rules)
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
