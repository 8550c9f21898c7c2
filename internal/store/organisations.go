package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

const organisationColumns = `o.id, o.legal_form, o.name_ar, o.name_fr, o.name_zgh, o.province_code, o.sector, o.women_led, o.youth_led,
	o.ice, o.register_number, o.register_court, o.receipt_number, o.receipt_date, o.founded_on,
	o.address, o.phone, o.whatsapp, o.phone2, o.email, o.website, o.facebook, o.instagram, o.phone_public, o.email_public,
	o.members_women, o.members_men, o.members_under35, o.food_safety_no, o.description_ar, o.description_fr, o.description_zgh,
	o.status, COALESCE(o.merged_into, 0), o.address_public, o.links_public`

func scanOrganisation(sc interface{ Scan(...any) error }) (org.Organisation, error) {
	var o org.Organisation
	c := &o.Contact
	err := sc.Scan(&o.ID, &o.LegalForm, &o.Name.AR, &o.Name.FR, &o.Name.ZGH, &o.ProvinceCode, &o.Sector, &o.WomenLed, &o.YouthLed,
		&o.Identifiers.ICE, &o.Identifiers.RegisterNumber, &o.Identifiers.RegisterCourt, &o.Identifiers.ReceiptNumber,
		optDateCol(&o.Identifiers.ReceiptDate), optDateCol(&o.FoundedOn),
		&c.Address, &c.Phone, &c.WhatsApp, &c.Phone2, &c.Email, &c.Website, &c.Facebook, &c.Instagram, &c.PhonePublic, &c.EmailPublic,
		&o.Members.Women, &o.Members.Men, &o.Members.Under35, &o.FoodSafetyNo, &o.Description.AR, &o.Description.FR, &o.Description.ZGH,
		&o.Status, &o.MergedInto, &c.AddressPublic, &c.LinksPublic)
	return o, err
}

// scanOrganisations reads rows of organisationColumns and their categories and programmes.
func (s *Store) scanOrganisations(ctx context.Context, rows *sql.Rows) ([]org.Organisation, error) {
	var out []org.Organisation
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.loadOrganisationLists(ctx, s.db, out)
}

// loadOrganisationLists fills the categories and programmes of organisations in two queries.
func (s *Store) loadOrganisationLists(ctx context.Context, q querier, orgs []org.Organisation) error {
	if len(orgs) == 0 {
		return nil
	}
	index := make(map[int64]int, len(orgs))
	ids := make([]int64, len(orgs))
	for i, o := range orgs {
		index[o.ID] = i
		ids[i] = o.ID
	}
	var args db.Args
	in := db.List(&args, ids)
	rows, err := q.QueryContext(ctx, `SELECT organisation_id, category FROM organisation_categories WHERE organisation_id IN (`+in+`) ORDER BY organisation_id, category`, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			rows.Close()
			return err
		}
		orgs[index[id]].Categories = append(orgs[index[id]].Categories, c)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT organisation_id, programme FROM organisation_programmes WHERE organisation_id IN (`+in+`) ORDER BY organisation_id, programme`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p taxonomy.Programme
		if err := rows.Scan(&id, &p); err != nil {
			return err
		}
		orgs[index[id]].Programmes = append(orgs[index[id]].Programmes, p)
	}
	return rows.Err()
}

// organisationArgs are the values of the stored columns, in the order of the INSERT and
// UPDATE statements below.
func organisationArgs(o *org.Organisation) []any {
	c := o.Contact
	return []any{o.LegalForm, o.Name.AR, o.Name.FR, o.Name.ZGH, o.ProvinceCode, o.Sector, o.WomenLed, o.YouthLed,
		o.Identifiers.ICE, o.Identifiers.RegisterNumber, o.Identifiers.RegisterCourt, o.Identifiers.ReceiptNumber,
		optDate(o.Identifiers.ReceiptDate), optDate(o.FoundedOn),
		c.Address, c.Phone, c.WhatsApp, c.Phone2, c.Email, c.Website, c.Facebook, c.Instagram, c.PhonePublic, c.EmailPublic,
		o.Members.Women, o.Members.Men, o.Members.Under35, o.FoodSafetyNo, o.Description.AR, o.Description.FR, o.Description.ZGH,
		o.Status, org.NameKey(o.Name.AR), c.AddressPublic, c.LinksPublic}
}

const organisationSet = `legal_form = $1, name_ar = $2, name_fr = $3, name_zgh = $4, province_code = $5, sector = $6, women_led = $7, youth_led = $8,
	ice = $9, register_number = $10, register_court = $11, receipt_number = $12, receipt_date = $13, founded_on = $14,
	address = $15, phone = $16, whatsapp = $17, phone2 = $18, email = $19, website = $20, facebook = $21, instagram = $22,
	phone_public = $23, email_public = $24, members_women = $25, members_men = $26, members_under35 = $27, food_safety_no = $28,
	description_ar = $29, description_fr = $30, description_zgh = $31, status = $32, name_key = $33,
	address_public = $34, links_public = $35`

// organisationUpdate saves organisationArgs, then updated_at, into the row whose id follows.
const organisationUpdate = `UPDATE organisations SET ` + organisationSet + `, updated_at = $36 WHERE id = $37`

// today is the date in Morocco, for checks such as "founded in the future".
func (s *Store) today() civil.Date { return civil.Of(s.now().In(casablanca)) }

// CreateOrganisation validates o and stores it with its categories and programmes, setting
// o.ID. Nothing is stored when any check fails.
func (s *Store) CreateOrganisation(ctx context.Context, o *org.Organisation) error {
	if err := o.Validate(s.today()); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.insertOrganisation(ctx, tx, o); err != nil {
			return err
		}
		region, _ := s.provinceRegion(ctx, tx, o.ProvinceCode)
		return s.record(ctx, tx, audit.OrganisationCreate, "organisation", o.ID, region, nil, organisationAudit(o))
	})
}

func (s *Store) insertOrganisation(ctx context.Context, tx *sql.Tx, o *org.Organisation) error {
	if err := checkProvinceInRegion(ctx, tx, o.ProvinceCode, "", "province", "org.error.province_unknown", ""); err != nil {
		return err
	}
	now := dbTime(s.now())
	// The statement an import uses for many records, for one: $1 is the time.
	args := append([]any{now}, organisationArgs(o)...)
	err := tx.QueryRowContext(ctx, insertOrganisationsSQL(1), args...).Scan(&o.ID)
	if err != nil {
		return err
	}
	if err := s.writeOrganisationLists(ctx, tx, o); err != nil {
		return err
	}
	return s.indexOrganisation(ctx, tx, o.ID) // search index: search_index.go
}

func (s *Store) writeOrganisationLists(ctx context.Context, tx *sql.Tx, o *org.Organisation) error {
	for _, q := range []string{`DELETE FROM organisation_categories WHERE organisation_id = $1`, `DELETE FROM organisation_programmes WHERE organisation_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, o.ID); err != nil {
			return err
		}
	}
	for _, c := range o.Categories {
		if _, err := tx.ExecContext(ctx, `INSERT INTO organisation_categories (organisation_id, category) VALUES ($1, $2)`, o.ID, c); err != nil {
			return err
		}
	}
	for _, p := range o.Programmes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO organisation_programmes (organisation_id, programme) VALUES ($1, $2)`, o.ID, p); err != nil {
			return err
		}
	}
	return nil
}

// UpdateOrganisation validates and saves o, recording in the audit log what changed.
func (s *Store) UpdateOrganisation(ctx context.Context, o *org.Organisation) error {
	if err := o.Validate(s.today()); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.organisation(ctx, tx, o.ID)
		if err != nil {
			return err
		}
		if before.MergedInto != 0 {
			return apperr.New(apperr.Conflict, "org.error.merged")
		}
		if err := checkProvinceInRegion(ctx, tx, o.ProvinceCode, "", "province", "org.error.province_unknown", ""); err != nil {
			return err
		}
		args := append(organisationArgs(o), dbTime(s.now()), o.ID)
		if _, err := tx.ExecContext(ctx, organisationUpdate, args...); err != nil {
			return err
		}
		if err := s.writeOrganisationLists(ctx, tx, o); err != nil {
			return err
		}
		if err := s.indexOrganisation(ctx, tx, o.ID); err != nil { // search index: search_index.go
			return err
		}
		region, _ := s.provinceRegion(ctx, tx, o.ProvinceCode)
		b, a := changed(organisationAudit(&before), organisationAudit(o))
		if len(a) == 0 {
			return nil
		}
		return s.record(ctx, tx, audit.OrganisationUpdate, "organisation", o.ID, region, b, a)
	})
}

// Organisation returns one organisation with its categories and programmes, or NotFound.
func (s *Store) Organisation(ctx context.Context, id int64) (org.Organisation, error) {
	return s.organisation(ctx, s.db, id)
}

func (s *Store) organisation(ctx context.Context, q querier, id int64) (org.Organisation, error) {
	o, err := scanOrganisation(q.QueryRowContext(ctx, `SELECT `+organisationColumns+` FROM organisations o WHERE o.id = $1`, id))
	if err != nil {
		return o, notFoundIfNoRows(err)
	}
	list := []org.Organisation{o}
	if err := s.loadOrganisationLists(ctx, q, list); err != nil {
		return o, err
	}
	return list[0], nil
}

// OrganisationRegion returns the region of an organisation's province, for access checks.
func (s *Store) OrganisationRegion(ctx context.Context, id int64) (string, error) {
	var region string
	err := s.db.QueryRowContext(ctx, `SELECT p.region_code FROM organisations o JOIN provinces p ON p.code = o.province_code WHERE o.id = $1`, id).Scan(&region)
	return region, notFoundIfNoRows(err)
}

func (s *Store) provinceRegion(ctx context.Context, q querier, province string) (string, error) {
	var region string
	err := q.QueryRowContext(ctx, `SELECT region_code FROM provinces WHERE code = $1`, province).Scan(&region)
	return region, err
}

// Organisations returns organisations ordered by id, at most limit of them.
func (s *Store) Organisations(ctx context.Context, limit int) ([]org.Organisation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations o WHERE o.merged_into IS NULL ORDER BY o.id LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	return s.scanOrganisations(ctx, rows)
}

// CountOrganisations returns how many organisations the registry holds (merged records
// are not counted).
func (s *Store) CountOrganisations(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE merged_into IS NULL`).Scan(&n)
	return n, err
}

// OrganisationsInRegions lists organisations of the given regions (every region when all
// is set) by Arabic name, at most limit of them, for pickers.
func (s *Store) OrganisationsInRegions(ctx context.Context, all bool, regions []string, limit int) ([]org.Organisation, error) {
	var args db.Args
	lim := args.Add(limit)
	cond := ` WHERE o.merged_into IS NULL`
	if !all {
		if len(regions) == 0 {
			return nil, nil
		}
		cond += ` AND ` + db.ProvinceInRegions(&args, "o.province_code", regions)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations o`+cond+` ORDER BY o.name_ar, o.id LIMIT `+lim, args...)
	if err != nil {
		return nil, err
	}
	return s.scanOrganisations(ctx, rows)
}

// PossibleDuplicates lists the organisations that may be the same body as o, by the
// registry's one rule (org.Keys.Resembles): the same ICE, the same register number in
// the same legal form, the same receipt number, or the same folded Arabic name in the
// same province. The query only narrows the candidates by each key; the rule decides.
func (s *Store) PossibleDuplicates(ctx context.Context, o *org.Organisation) ([]org.Organisation, error) {
	k := org.KeysOf(o)
	var a db.Args
	var conds []string
	if k.ICE != "" {
		conds = append(conds, "o.ice = "+a.Add(k.ICE))
	}
	if k.Register != "" {
		conds = append(conds, "(o.register_number = "+a.Add(k.Register)+" AND o.legal_form = "+a.Add(k.LegalForm)+")")
	}
	if k.Receipt != "" {
		conds = append(conds, "o.receipt_number = "+a.Add(k.Receipt))
	}
	if k.Name != "" {
		conds = append(conds, "(o.name_key = "+a.Add(k.Name)+" AND o.province_code = "+a.Add(k.Province)+")")
	}
	if len(conds) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations o
		WHERE o.merged_into IS NULL AND o.id <> `+a.Add(o.ID)+` AND (`+strings.Join(conds, " OR ")+`)
		ORDER BY o.id LIMIT 20`, a...)
	if err != nil {
		return nil, err
	}
	found, err := s.scanOrganisations(ctx, rows)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(found, func(x org.Organisation) bool { return !k.Resembles(org.KeysOf(&x)) }), nil
}

// MergeOrganisations folds the record drop into keep: products, photos and grants move to
// keep, drop is marked as merged into keep and hidden, and the audit log keeps both. No
// history is lost: drop's row stays, pointing at keep.
func (s *Store) MergeOrganisations(ctx context.Context, keep, drop int64) error {
	if keep == drop {
		return apperr.New(apperr.Invalid, "org.error.merge_self")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		k, err := s.organisation(ctx, tx, keep)
		if err != nil {
			return err
		}
		d, err := s.organisation(ctx, tx, drop)
		if err != nil {
			return err
		}
		if k.MergedInto != 0 || d.MergedInto != 0 {
			return apperr.New(apperr.Conflict, "org.error.merged")
		}
		for _, q := range []string{
			`UPDATE products SET organisation_id = $1 WHERE organisation_id = $2`,
			`UPDATE photos SET owner_id = $1 WHERE owner_type = 'organisation' AND owner_id = $2`,
			`UPDATE grants SET organisation_id = $1 WHERE organisation_id = $2`,
			`UPDATE organisations SET merged_into = $1 WHERE id = $2`,
		} {
			if _, err := tx.ExecContext(ctx, q, keep, drop); err != nil {
				return err
			}
		}
		// Categories and programmes of both are kept.
		k.Categories = append(k.Categories, d.Categories...)
		k.Programmes = append(k.Programmes, d.Programmes...)
		slices.Sort(k.Categories)
		k.Categories = slices.Compact(k.Categories)
		slices.Sort(k.Programmes)
		k.Programmes = slices.Compact(k.Programmes)
		if err := s.writeOrganisationLists(ctx, tx, &k); err != nil {
			return err
		}
		for _, id := range []int64{keep, drop} { // search index: search_index.go
			if err := s.indexOrganisation(ctx, tx, id); err != nil {
				return err
			}
		}
		region, _ := s.provinceRegion(ctx, tx, k.ProvinceCode)
		return s.record(ctx, tx, audit.OrganisationMerge, "organisation", keep, region,
			map[string]any{"merged": organisationAudit(&d)}, map[string]any{"kept": keep, "merged_id": drop})
	})
}

// organisationAudit is what the audit log shows of an organisation.
func organisationAudit(o *org.Organisation) map[string]any {
	return map[string]any{
		"legal_form": o.LegalForm, "name_ar": o.Name.AR, "name_fr": o.Name.FR, "province": o.ProvinceCode, "sector": o.Sector,
		"ice": o.Identifiers.ICE, "register_number": o.Identifiers.RegisterNumber, "receipt_number": o.Identifiers.ReceiptNumber,
		"women_led": o.WomenLed, "youth_led": o.YouthLed, "status": o.Status, "phone": o.Contact.Phone, "email": o.Contact.Email,
		"categories": strings.Join(o.Categories, ","),
	}
}

// changed keeps only the keys whose values differ, for before/after audit entries.
func changed(before, after map[string]any) (map[string]any, map[string]any) {
	b, a := map[string]any{}, map[string]any{}
	for k, v := range after {
		if before[k] != v {
			b[k], a[k] = before[k], v
		}
	}
	return b, a
}
