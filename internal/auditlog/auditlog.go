// Package auditlog keeps the append-only audit log: every feature records its changes in
// the transaction of the change, and organisers read the entries of their regions.
package auditlog

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// Service reads the audit log.
type Service struct{ db *db.DB }

// New returns the audit log service over d.
func New(d *db.DB) *Service { return &Service{db: d} }

// Record appends an audit entry inside the transaction of the change it describes, at the
// given time, with the actor carried by ctx. before and after are marshalled to JSON when
// not nil.
func Record(ctx context.Context, tx *sql.Tx, at time.Time, action, recordType string, recordID any, region string, before, after any) error {
	a := audit.ActorFrom(ctx)
	var actorID sql.NullInt64
	if a.UserID != 0 {
		actorID = sql.NullInt64{Int64: a.UserID, Valid: true}
	}
	var regionCode sql.NullString
	if region != "" {
		regionCode = sql.NullString{String: region, Valid: true}
	}
	b, err := jsonOrEmpty(before)
	if err != nil {
		return err
	}
	af, err := jsonOrEmpty(after)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO audit_log (at, actor_id, actor_name, ip, action, record_type, record_id, region_code, before_json, after_json)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		db.TimeArg(at), actorID, a.Name, a.IP, action, recordType, fmt.Sprint(recordID), regionCode, b, af)
	return err
}

func jsonOrEmpty(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// Entries lists the log, newest first, within the filter's scope, and the total
// count of matching entries for paging.
func (s *Service) Entries(ctx context.Context, f audit.Filter) ([]audit.Entry, int, error) {
	var where []string
	var args db.Args
	arg := args.Add
	if f.RecordType != "" {
		where = append(where, "record_type = "+arg(f.RecordType))
	}
	if f.RecordID != "" {
		where = append(where, "record_id = "+arg(f.RecordID))
	}
	if f.ActorID != 0 {
		where = append(where, "actor_id = "+arg(f.ActorID))
	}
	if !f.From.IsZero() {
		where = append(where, "at >= "+arg(db.TimeArg(f.From)))
	}
	if !f.To.IsZero() {
		where = append(where, "at <= "+arg(db.TimeArg(f.To)))
	}
	if !f.AllRegions {
		scope := []string{"actor_id = " + arg(f.ViewerID)}
		if len(f.Regions) > 0 {
			scope = append(scope, db.RegionIn(&args, "region_code", f.Regions))
		}
		where = append(where, "("+strings.Join(scope, " OR ")+")")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := s.db.Q(ctx).QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log`+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	q := `SELECT id, at, COALESCE(actor_id, 0), actor_name, ip, action, record_type, record_id, COALESCE(region_code, ''), before_json, after_json
		FROM audit_log` + cond + ` ORDER BY at DESC, id DESC LIMIT ` + arg(limit) + ` OFFSET ` + arg(max(f.Offset, 0))
	rows, err := s.db.Q(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		var e audit.Entry
		if err := rows.Scan(&e.ID, db.ScanTime(&e.At), &e.Actor.UserID, &e.Actor.Name, &e.Actor.IP, &e.Action, &e.RecordType, &e.RecordID, &e.RegionCode, &e.Before, &e.After); err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}
