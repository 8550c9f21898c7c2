package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/outbox"
)

const applicationColumns = `id, edition_id, organisation_id, COALESCE(reference, ''), status, answers, eligibility,
	eligibility_reason, submitted_at, withdrawn_at, updated_at`

func scanApplication(sc scanner) (application.Application, error) {
	var a application.Application
	var answers string
	err := sc.Scan(&a.ID, &a.EditionID, &a.OrganisationID, &a.Reference, &a.Status, &answers, &a.Eligibility,
		&a.EligibilityReason, timeCol(&a.SubmittedAt), timeCol(&a.WithdrawnAt), timeCol(&a.UpdatedAt))
	if err == nil {
		err = json.Unmarshal([]byte(answers), &a.Answers)
	}
	return a, err
}

// applicationIn reads one application with its documents' descriptions (not their bytes).
func applicationIn(ctx context.Context, q querier, id int64) (application.Application, error) {
	a, err := scanApplication(q.QueryRowContext(ctx, `SELECT `+applicationColumns+` FROM applications WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, apperr.New(apperr.NotFound, "error.not_found_title")
	}
	if err != nil {
		return a, err
	}
	err = eachRow(ctx, q, `SELECT id, kind, filename, content_type, size FROM application_documents
		WHERE application_id = $1 ORDER BY id`, []any{id}, func(sc scanner) error {
		var d application.Document
		err := sc.Scan(&d.ID, &d.Kind, &d.Filename, &d.ContentType, &d.Size)
		a.Documents = append(a.Documents, d)
		return err
	})
	return a, err
}

// Application returns one application with its documents' descriptions.
func (s *Store) Application(ctx context.Context, id int64) (application.Application, error) {
	return applicationIn(ctx, s.db, id)
}

// ApplicationRegion is the region of the edition an application is to, for authorization.
func (s *Store) ApplicationRegion(ctx context.Context, id int64) (region string, editionID, orgID int64, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT e.region_code, a.edition_id, a.organisation_id FROM applications a
		JOIN editions e ON e.id = a.edition_id WHERE a.id = $1`, id).Scan(&region, &editionID, &orgID)
	if errors.Is(err, sql.ErrNoRows) {
		err = apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return region, editionID, orgID, err
}

// ApplicationsOf returns the applications of the given organisations, the latest first.
func (s *Store) ApplicationsOf(ctx context.Context, orgIDs []int64) ([]application.Application, error) {
	var out []application.Application
	for _, id := range orgIDs {
		err := eachRow(ctx, s.db, `SELECT `+applicationColumns+` FROM applications WHERE organisation_id = $1 ORDER BY id DESC`,
			[]any{id}, func(sc scanner) error {
				a, err := scanApplication(sc)
				out = append(out, a)
				return err
			})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// openCall reads an edition's call and refuses, saying why, unless it takes applications
// at now (editions.Window): before it opens, after its deadline, and from review on,
// nothing of an application changes but its withdrawal.
func openCall(ctx context.Context, q querier, editionID int64, now time.Time) (call.Call, error) {
	_, c, err := editions.OpenCall(ctx, q, editionID, now)
	return c, err
}

// StartApplication returns the organisation's application to the edition, starting a draft
// when there is none: one application per organisation per edition. It is refused when the
// call is not open or the organisation may not apply.
func (s *Store) StartApplication(ctx context.Context, editionID, orgID int64) (application.Application, error) {
	var a application.Application
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM applications WHERE edition_id = $1 AND organisation_id = $2`,
			editionID, orgID).Scan(&id)
		if err == nil {
			a, err = applicationIn(ctx, tx, id)
			return err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		c, err := openCall(ctx, tx, editionID, s.now())
		if err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, editionID)
		if err != nil {
			return err
		}
		o, err := s.organisation(ctx, tx, orgID)
		if err != nil {
			return err
		}
		provinces, err := queryStrings(ctx, tx, `SELECT code FROM provinces WHERE region_code = $1`, e.RegionCode)
		if err != nil {
			return err
		}
		if err := c.Eligibility(&o, provinces); err != nil {
			return err
		}
		now := dbTime(s.now())
		// One application per organisation and edition is the table's unique key: a start
		// made at the same moment that stored its draft first wins, and this one returns it.
		err = tx.QueryRowContext(ctx, `INSERT INTO applications (edition_id, organisation_id, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $4) ON CONFLICT (edition_id, organisation_id) DO NOTHING RETURNING id`,
			editionID, orgID, application.Draft, now).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			if err := tx.QueryRowContext(ctx, `SELECT id FROM applications WHERE edition_id = $1 AND organisation_id = $2`,
				editionID, orgID).Scan(&id); err != nil {
				return err
			}
			a, err = applicationIn(ctx, tx, id)
			return err
		}
		if err != nil {
			return err
		}
		if a, err = applicationIn(ctx, tx, id); err != nil {
			return err
		}
		return s.record(ctx, tx, audit.ApplicationStart, "application", id, e.RegionCode, nil,
			map[string]any{"edition": editionID, "organisation": orgID})
	})
	return a, err
}

// changeable locks and reads an application that its applicant is about to change, inside
// tx, and refuses when it was withdrawn or its call is no longer open. The lock comes
// first: a submission, a withdrawal or another change made at the same moment is finished
// before this one reads, so its checks see it.
func (s *Store) changeable(ctx context.Context, tx *sql.Tx, id int64) (application.Application, call.Call, error) {
	if err := s.LockRow(ctx, tx, "applications", "id", id); err != nil {
		return application.Application{}, call.Call{}, err
	}
	a, err := applicationIn(ctx, tx, id)
	if err != nil {
		return a, call.Call{}, err
	}
	if a.Status == application.Withdrawn {
		return a, call.Call{}, apperr.New(apperr.Conflict, "application.error.withdrawn")
	}
	c, err := openCall(ctx, tx, a.EditionID, s.now())
	return a, c, err
}

// SaveAnswers stores the answers to the call's questions. An answer that does not fit its
// question refuses the whole save, naming the question.
func (s *Store) SaveAnswers(ctx context.Context, id int64, answers map[string]string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, c, err := s.changeable(ctx, tx, id)
		if err != nil {
			return err
		}
		clean, bad := application.CheckAnswers(&c, answers)
		if len(bad) > 0 {
			var v apperr.Validation
			for _, b := range bad {
				v.Add(b.Field, b.Key, b.Args...)
			}
			return v.Err()
		}
		data, err := json.Marshal(clean)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE applications SET answers = $1, updated_at = $2 WHERE id = $3`,
			string(data), dbTime(s.now()), id)
		return err
	})
}

// maxDocuments bounds how many documents one application holds.
const maxDocuments = 20

// AddDocument checks an uploaded document by its content and size and attaches it.
func (s *Store) AddDocument(ctx context.Context, id int64, kind call.DocKind, filename string, data []byte) (application.Document, error) {
	d := application.Document{Kind: kind, Filename: filename, Size: len(data)}
	var v apperr.Validation
	v.Check(kind != "" && slices.Contains(call.DocKinds, kind), "kind", "application.error.document_kind")
	if err := v.Err(); err != nil {
		return d, err
	}
	ctype, err := application.CheckDocument(filename, data)
	if err != nil {
		return d, err
	}
	d.ContentType = ctype
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		a, _, err := s.changeable(ctx, tx, id)
		if err != nil {
			return err
		}
		if len(a.Documents) >= maxDocuments {
			return apperr.New(apperr.Conflict, "application.error.too_many_documents", "max", maxDocuments)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO application_documents (application_id, kind, filename, content_type, size, data, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, id, kind, filename, ctype, len(data), data, dbTime(s.now())).Scan(&d.ID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE applications SET updated_at = $1 WHERE id = $2`, dbTime(s.now()), id)
		return err
	})
	return d, err
}

// RemoveDocument detaches a document from an application still open to changes.
func (s *Store) RemoveDocument(ctx context.Context, id, docID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, _, err := s.changeable(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM application_documents WHERE id = $1 AND application_id = $2`, docID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.NotFound, "error.not_found_title")
		}
		return nil
	})
}

// Document returns one document of an application with its bytes.
func (s *Store) Document(ctx context.Context, id, docID int64) (application.Document, []byte, error) {
	d := application.Document{ID: docID}
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT kind, filename, content_type, size, data FROM application_documents
		WHERE id = $1 AND application_id = $2`, docID, id).Scan(&d.Kind, &d.Filename, &d.ContentType, &d.Size, &data)
	if errors.Is(err, sql.ErrNoRows) {
		err = apperr.New(apperr.NotFound, "error.not_found_title")
	}
	return d, data, err
}

// SubmitApplication submits an application before its deadline: it must be complete (the
// error lists what is missing). The first submission gives it its reference; receipt
// composes the acknowledgement messages, which go out through the outbox with the change.
// Submitting again after an edit (before the deadline) keeps the reference.
func (s *Store) SubmitApplication(ctx context.Context, id int64, receipt func(a *application.Application) []outbox.Message) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		a, c, err := s.changeable(ctx, tx, id)
		if err != nil {
			return err
		}
		o, err := s.organisation(ctx, tx, a.OrganisationID)
		if err != nil {
			return err
		}
		if missing := a.Missing(&c, o.LegalForm); len(missing) > 0 {
			var v apperr.Validation
			for _, m := range missing {
				v.Add(m.Field, m.Key, m.Args...)
			}
			return v.Err()
		}
		e, err := editions.Load(ctx, tx, a.EditionID)
		if err != nil {
			return err
		}
		now := dbTime(s.now())
		if a.Reference == "" {
			var rank int
			if err := tx.QueryRowContext(ctx, `UPDATE calls SET last_reference = last_reference + 1 WHERE edition_id = $1
				RETURNING last_reference`, a.EditionID).Scan(&rank); err != nil {
				return err
			}
			a.Reference = application.Reference(e.StartsOn.Year, e.ID, rank)
		}
		if a.SubmittedAt.IsZero() || a.Status != application.Submitted {
			a.SubmittedAt = now
		}
		a.Status = application.Submitted
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET status = $1, reference = $2, submitted_at = $3, updated_at = $4
			WHERE id = $5`, a.Status, a.Reference, a.SubmittedAt, now, id); err != nil {
			return err
		}
		if receipt != nil {
			for _, m := range receipt(&a) {
				if err := s.enqueue(ctx, tx, &m); err != nil {
					return err
				}
			}
		}
		return s.record(ctx, tx, audit.ApplicationSubmit, "application", id, e.RegionCode, nil,
			map[string]any{"reference": a.Reference, "answers": a.Answers, "documents": len(a.Documents)})
	})
}

// WithdrawApplication withdraws an application, at any time: an organisation may always
// give up its place.
func (s *Store) WithdrawApplication(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.LockRow(ctx, tx, "applications", "id", id); err != nil {
			return err
		}
		a, err := applicationIn(ctx, tx, id)
		if err != nil {
			return err
		}
		if a.Status == application.Withdrawn {
			return nil
		}
		now := dbTime(s.now())
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET status = $1, withdrawn_at = $2, updated_at = $2 WHERE id = $3`,
			application.Withdrawn, now, id); err != nil {
			return err
		}
		e, err := editions.Load(ctx, tx, a.EditionID)
		if err != nil {
			return err
		}
		return s.record(ctx, tx, audit.ApplicationWithdraw, "application", id, e.RegionCode,
			map[string]any{"status": a.Status}, map[string]any{"status": application.Withdrawn})
	})
}
