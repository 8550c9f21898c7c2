package store

import (
	"context"
	"database/sql"
	"errors"
	"iter"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/org"
)

// AuditOrganisationImport is the audit action of an import: one entry per import that
// changed something, with the counts and the ids created and updated. Each updated record
// also gets its own organisation.update entry with what changed; created records are
// listed in the import's entry rather than one entry each, so that importing a 60,000-row
// registry adds one line to the log, not 60,000.
const AuditOrganisationImport = "organisation.import"

// importBatch is how many rows are matched and prefetched together.
const importBatch = 500

// ImportOptions tune ImportOrganisations.
type ImportOptions struct {
	// Region, when set, limits the import to one region: rows whose province is elsewhere
	// are rejected, and records of other regions are never changed.
	Region string
	// DryRun computes the same summary and stores nothing.
	DryRun bool
	// Source names the file in the audit log.
	Source string
}

// ImportSummary tells what an import did (or, in a dry run, would do).
type ImportSummary struct {
	Rows      int // records received
	Created   int
	Updated   int
	Unchanged int
	// Rejected lists the problems of the rows the store refused, by line: a row that
	// matches several records, repeats an earlier row, lies outside the region, or makes
	// an existing record invalid. Errors carry a Field, not a column (Mapping.Locate).
	Rejected []importer.RowError
	// RejectedCells holds, by line, the cells of the rejected rows whose records carried
	// them (importer.Record.Cells), for the rejected rows' file.
	RejectedCells map[int][]string
	Ambiguous     int // rows refused because they match several records
	// Flagged lists the imported rows that resemble other records (same name in the same
	// province, but identifiers that differ): possible duplicates for an organiser to check.
	Flagged []PossibleDuplicate
	DryRun  bool
}

// RejectedRows counts the rows the store refused.
func (s ImportSummary) RejectedRows() int {
	lines := map[int]bool{}
	for _, e := range s.Rejected {
		lines[e.Line] = true
	}
	return len(lines)
}

// PossibleDuplicate is an imported row whose record resembles others.
type PossibleDuplicate struct {
	Line   int
	ID     int64
	Others []int64
}

var errDryRun = errors.New("dry run")

// ImportOrganisations stores the valid rows of a registry file in one transaction: all of
// them or, on any failure (the database, the file, a cancelled context), none.
//
// It is idempotent: each row is matched to the registry by its ICE, by its legal form and
// register number, or by its receipt number (any of these that the row has); failing
// those, by its Arabic name (folded) in its province, among records whose identifiers do
// not contradict the row's. A row that matches one record updates the fields it gives
// (importer.Record.ApplyTo), or changes nothing when they are the same, so importing a
// file twice changes nothing the second time and writes no audit entry. A row that
// matches no record creates one. A row whose identifiers point at different records, or
// whose name matches several, is not guessed at: it is rejected. A row matching a record
// that an earlier row of the same import already matched or created is rejected as a
// repeat of that row.
func (s *Store) ImportOrganisations(ctx context.Context, rows iter.Seq2[importer.Record, error], opts ImportOptions) (ImportSummary, error) {
	sum := ImportSummary{DryRun: opts.DryRun}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		run, err := s.newImportRun(ctx, tx, opts, &sum)
		if err != nil {
			return err
		}
		batch := make([]importer.Record, 0, importBatch)
		for rec, err := range rows {
			if err != nil {
				return err
			}
			batch = append(batch, rec)
			if len(batch) == importBatch {
				if err := run.batch(batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		if err := run.batch(batch); err != nil {
			return err
		}
		if err := run.record(); err != nil {
			return err
		}
		if opts.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return ImportSummary{}, err
	}
	return sum, nil
}

// importRun is the state of one import.
type importRun struct {
	s          *Store
	ctx        context.Context
	tx         *sql.Tx
	opts       ImportOptions
	sum        *ImportSummary
	today      civil.Date
	provinces  map[string]string // province code → region code
	ix         *importIndex
	cache      map[int64]org.Organisation
	pending    []pendingCreate // rows of the current batch that create a record
	insertStmt *sql.Stmt       // inserts a full chunk of new records
	created    []int64
	updated    []int64
}

// pendingCreate is a row that creates a record, waiting for the batch's inserts. Until
// then it stands in the index under a negative id, so later rows of the batch see it.
type pendingCreate struct {
	tmp  int64
	line int
	org  org.Organisation
	keys orgKeys
}

func (s *Store) newImportRun(ctx context.Context, tx *sql.Tx, opts ImportOptions, sum *ImportSummary) (*importRun, error) {
	if s.engine == Postgres {
		// Nobody else may add or change organisations while the import matches against
		// them; readers are not held up. (SQLite's write transaction already does this.)
		if _, err := tx.ExecContext(ctx, `LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return nil, err
		}
	}
	r := &importRun{s: s, ctx: ctx, tx: tx, opts: opts, sum: sum, today: s.today(),
		provinces: map[string]string{}, cache: map[int64]org.Organisation{}}
	rows, err := tx.QueryContext(ctx, `SELECT code, region_code FROM provinces`)
	if err != nil {
		return nil, err
	}
	regions := map[string]bool{}
	for rows.Next() {
		var code, region string
		if err := rows.Scan(&code, &region); err != nil {
			rows.Close()
			return nil, err
		}
		r.provinces[code] = region
		regions[region] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if opts.Region != "" && !regions[opts.Region] {
		return nil, apperr.New(apperr.Invalid, "importer.error.region_unknown", "region", opts.Region)
	}
	r.ix, err = loadImportIndex(ctx, tx)
	return r, err
}

// batch matches a batch of rows, loading the records they match in a few queries, then
// applies them one by one.
func (r *importRun) batch(recs []importer.Record) error {
	if len(recs) == 0 {
		return nil
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	var want []int64
	for i := range recs {
		if target, amb, _ := r.ix.match(keysOf(&recs[i].Org)); target > 0 && len(amb) == 0 {
			if _, ok := r.cache[target]; !ok && !slices.Contains(want, target) {
				want = append(want, target)
			}
		}
	}
	if err := r.s.loadOrganisationsInto(r.ctx, r.tx, want, r.cache); err != nil {
		return err
	}
	for i := range recs {
		if err := r.one(&recs[i]); err != nil {
			return err
		}
	}
	clear(r.cache)
	return r.flushCreates()
}

func (r *importRun) reject(rec *importer.Record, field, key string, args ...any) {
	r.sum.Rejected = append(r.sum.Rejected, importer.RowError{Line: rec.Line, Column: -1, Field: importer.Field(field), Key: key, Args: args})
	if rec.Cells != nil {
		if r.sum.RejectedCells == nil {
			r.sum.RejectedCells = map[int][]string{}
		}
		r.sum.RejectedCells[rec.Line] = rec.Cells
	}
}

func (r *importRun) one(rec *importer.Record) error {
	r.sum.Rows++
	line, o := rec.Line, rec.Org
	region, ok := r.provinces[o.ProvinceCode]
	switch {
	case !ok:
		r.reject(rec, "province", "org.error.province_unknown", "code", o.ProvinceCode)
		return nil
	case r.opts.Region != "" && region != r.opts.Region:
		r.reject(rec, "province", "importer.error.province_outside_region", "province", o.ProvinceCode, "region", r.opts.Region)
		return nil
	}
	k := keysOf(&o)
	target, ambiguous, others := r.ix.match(k)
	if len(ambiguous) > 0 {
		r.sum.Ambiguous++
		r.reject(rec, "", "importer.error.ambiguous", "count", len(ambiguous), "ids", joinIDs(ambiguous))
		return nil
	}
	if target == 0 {
		tmp := -int64(len(r.pending) + 1)
		r.pending = append(r.pending, pendingCreate{tmp: tmp, line: line, org: o, keys: k})
		r.ix.add(tmp, k)
		r.ix.touched[tmp] = line
		r.sum.Created++
		r.flag(line, tmp, others)
		return nil
	}
	if first, ok := r.ix.touched[target]; ok {
		r.reject(rec, "", "importer.error.duplicate_in_file", "line", first)
		return nil
	}
	before, ok := r.cache[target]
	if !ok {
		var err error
		if before, err = r.s.organisation(r.ctx, r.tx, target); err != nil {
			return err
		}
	}
	if r.opts.Region != "" && r.provinces[before.ProvinceCode] != r.opts.Region {
		r.reject(rec, "", "importer.error.record_outside_region", "id", target)
		return nil
	}
	after := before
	after.Categories = slices.Clone(before.Categories)
	after.Programmes = slices.Clone(before.Programmes)
	rec.ApplyTo(&after)
	// The row's values are checked and normalized already, and so is the stored record:
	// only a record that changes needs checking again.
	same := sameOrganisation(&before, &after)
	if !same {
		if err := after.Validate(r.today); err != nil {
			r.rejectInvalid(rec, err)
			return nil
		}
		same = sameOrganisation(&before, &after)
	}
	r.ix.touched[target] = line
	r.flag(line, target, others)
	if same {
		r.sum.Unchanged++
		return nil
	}
	if err := r.update(&before, &after); err != nil {
		return err
	}
	r.ix.remove(target)
	r.ix.add(target, keysOf(&after))
	r.updated = append(r.updated, target)
	r.sum.Updated++
	return nil
}

func (r *importRun) rejectInvalid(rec *importer.Record, err error) {
	e, _ := apperr.As(err)
	if len(e.Fields) == 0 {
		r.reject(rec, "", e.Key, e.Args...)
		return
	}
	for _, f := range e.Fields {
		r.reject(rec, f.Field, f.Key, f.Args...)
	}
}

func (r *importRun) flag(line int, id int64, others []int64) {
	if len(others) > 0 {
		r.sum.Flagged = append(r.sum.Flagged, PossibleDuplicate{Line: line, ID: id, Others: others})
	}
}

// update saves after over before, with the statement UpdateOrganisation uses, and records
// what changed.
func (r *importRun) update(before, after *org.Organisation) error {
	s, ctx, tx := r.s, r.ctx, r.tx
	args := append(organisationArgs(after), dbTime(s.now()), after.ID)
	if _, err := tx.ExecContext(ctx, organisationUpdate, args...); err != nil {
		return err
	}
	if !slices.Equal(sortedCopy(before.Categories), sortedCopy(after.Categories)) ||
		!slices.Equal(sortedCopy(before.Programmes), sortedCopy(after.Programmes)) {
		if err := s.writeOrganisationLists(ctx, tx, after); err != nil {
			return err
		}
	}
	if err := s.indexOrganisation(ctx, tx, after.ID); err != nil { // as UpdateOrganisation does
		return err
	}
	b, a := changed(organisationAudit(before), organisationAudit(after))
	if len(a) == 0 {
		return nil
	}
	return s.record(ctx, tx, audit.OrganisationUpdate, "organisation", after.ID, r.provinces[after.ProvinceCode], b, a)
}

// record writes the import's own audit entry, when it changed something.
func (r *importRun) record() error {
	if r.sum.Created+r.sum.Updated == 0 {
		return nil
	}
	after := map[string]any{
		"source": r.opts.Source, "rows": r.sum.Rows, "created": r.sum.Created, "updated": r.sum.Updated,
		"unchanged": r.sum.Unchanged, "rejected": r.sum.RejectedRows(),
		"created_ids": idRanges(r.created), "updated_ids": idRanges(r.updated),
	}
	if r.opts.Region != "" {
		after["region"] = r.opts.Region
	}
	id := r.opts.Source
	if id == "" {
		id = "-"
	}
	return r.s.record(r.ctx, r.tx, AuditOrganisationImport, "import", id, r.opts.Region, nil, after)
}

// organisationInsertColumns are the columns insertOrganisation writes, in the order of
// organisationArgs, then created_at and updated_at.
const organisationInsertColumns = `legal_form, name_ar, name_fr, name_zgh, province_code, sector, women_led, youth_led,
	ice, register_number, register_court, receipt_number, receipt_date, founded_on,
	address, phone, whatsapp, phone2, email, website, facebook, instagram, phone_public, email_public,
	members_women, members_men, members_under35, food_safety_no, description_ar, description_fr, description_zgh,
	status, name_key, address_public, links_public, created_at, updated_at`

// createChunk is how many organisations one INSERT statement adds (37 parameters each).
// SQLite looks parameters up by name in a list, which costs the square of their number
// per statement: there, small statements are faster.
func (s *Store) createChunk() int {
	if s.engine == SQLite {
		return 8
	}
	return 200
}

// flushCreates stores the records the batch creates, with what insertOrganisation does for
// one record (the row, its categories and programmes, its search document) done for many
// at once: a few statements per batch instead of a dozen per record.
func (r *importRun) flushCreates() error {
	if len(r.pending) == 0 {
		return nil
	}
	s, ctx, tx := r.s, r.ctx, r.tx
	now := dbTime(s.now())
	for start, n := 0, s.createChunk(); start < len(r.pending); start += n {
		chunk := r.pending[start:min(start+n, len(r.pending))]
		args := []any{now} // $1: created_at and updated_at of every row
		for i := range chunk {
			args = append(args, organisationArgs(&chunk[i].org)...)
		}
		var rows *sql.Rows
		var err error
		if len(chunk) == n {
			// Full chunks share one prepared statement: SQLite would parse it again each time.
			if r.insertStmt == nil {
				if r.insertStmt, err = tx.PrepareContext(ctx, insertOrganisationsSQL(n)); err != nil {
					return err
				}
			}
			rows, err = r.insertStmt.QueryContext(ctx, args...)
		} else {
			rows, err = tx.QueryContext(ctx, insertOrganisationsSQL(len(chunk)), args...)
		}
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) != len(chunk) {
			return errors.New("import: the database returned fewer ids than rows inserted")
		}
		// Ids come from one sequence (SQLite: the largest rowid plus one), so in ascending
		// order they follow the rows of the statement, whatever order RETURNING uses.
		slices.Sort(ids)
		for i := range chunk {
			chunk[i].org.ID = ids[i]
		}
	}
	if err := r.insertLists(); err != nil {
		return err
	}
	ids := make([]int64, len(r.pending))
	remap := make(map[int64]int64, len(r.pending))
	for i, p := range r.pending {
		ids[i] = p.org.ID
		remap[p.tmp] = p.org.ID
		r.ix.remove(p.tmp)
		r.ix.add(p.org.ID, p.keys)
		delete(r.ix.touched, p.tmp)
		r.ix.touched[p.org.ID] = p.line
	}
	for i := range r.sum.Flagged {
		f := &r.sum.Flagged[i]
		if id, ok := remap[f.ID]; ok {
			f.ID = id
		}
		for j, o := range f.Others {
			if id, ok := remap[o]; ok {
				f.Others[j] = id
			}
		}
	}
	r.created = append(r.created, ids...)
	r.pending = r.pending[:0]
	return s.catalogue.IndexNewOrganisations(ctx, tx, ids)
}

// insertOrganisationsSQL is the statement that inserts n organisations: $1 is the time,
// then the values of organisationArgs for each.
func insertOrganisationsSQL(n int) string {
	per := len(organisationArgs(&org.Organisation{}))
	var b strings.Builder
	b.WriteString(`INSERT INTO organisations (` + organisationInsertColumns + `) VALUES `)
	p := 2
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for range per {
			b.WriteString("$" + itoa(p) + ", ")
			p++
		}
		b.WriteString("$1, $1)")
	}
	b.WriteString(" RETURNING id")
	return b.String()
}

// insertLists writes the categories and programmes of the pending records.
func (r *importRun) insertLists() error {
	type pair struct {
		id   int64
		code string
	}
	var cats, progs []pair
	for _, p := range r.pending {
		for _, c := range p.org.Categories {
			cats = append(cats, pair{p.org.ID, c})
		}
		for _, g := range p.org.Programmes {
			progs = append(progs, pair{p.org.ID, string(g)})
		}
	}
	for _, list := range []struct {
		table, column string
		pairs         []pair
	}{{"organisation_categories", "category", cats}, {"organisation_programmes", "programme", progs}} {
		for start := 0; start < len(list.pairs); start += importBatch {
			chunk := list.pairs[start:min(start+importBatch, len(list.pairs))]
			args := make([]any, 0, 2*len(chunk))
			values := make([]string, len(chunk))
			for i, p := range chunk {
				args = append(args, p.id, p.code)
				values[i] = "($" + itoa(len(args)-1) + ", $" + itoa(len(args)) + ")"
			}
			if _, err := r.tx.ExecContext(r.ctx, `INSERT INTO `+list.table+` (organisation_id, `+list.column+`) VALUES `+
				strings.Join(values, ", "), args...); err != nil {
				return err
			}
		}
	}
	return nil
}

// sameOrganisation reports whether saving b over a would change nothing stored.
func sameOrganisation(a, b *org.Organisation) bool {
	return reflect.DeepEqual(organisationArgs(a), organisationArgs(b)) &&
		slices.Equal(sortedCopy(a.Categories), sortedCopy(b.Categories)) &&
		slices.Equal(sortedCopy(a.Programmes), sortedCopy(b.Programmes))
}

func sortedCopy[T ~string](s []T) []T {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// loadOrganisationsInto reads the organisations with the given ids into m, a few hundred
// per query.
func (s *Store) loadOrganisationsInto(ctx context.Context, q querier, ids []int64, m map[int64]org.Organisation) error {
	for len(ids) > 0 {
		n := min(len(ids), importBatch)
		args := make([]any, n)
		ph := make([]string, n)
		for i, id := range ids[:n] {
			args[i] = id
			ph[i] = "$" + itoa(i+1)
		}
		ids = ids[n:]
		rows, err := q.QueryContext(ctx, `SELECT `+organisationColumns+` FROM organisations o WHERE o.id IN (`+strings.Join(ph, ", ")+`)`, args...)
		if err != nil {
			return err
		}
		var list []org.Organisation
		for rows.Next() {
			o, err := scanOrganisation(rows)
			if err != nil {
				rows.Close()
				return err
			}
			list = append(list, o)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := s.loadOrganisationLists(ctx, q, list); err != nil {
			return err
		}
		for _, o := range list {
			m[o.ID] = o
		}
	}
	return nil
}

// orgKeys are what an import matches records by: the registry's one rule of identity
// (org.Keys).
type orgKeys = org.Keys

var keysOf = org.KeysOf

// importIndex holds the match keys of every record (not merged away) in memory, and the
// records this import has already matched or created.
type importIndex struct {
	keys                            map[int64]orgKeys
	byICE, byReg, byReceipt, byName map[string][]int64
	touched                         map[int64]int // record → line of the row that matched or created it
}

func loadImportIndex(ctx context.Context, tx *sql.Tx) (*importIndex, error) {
	ix := &importIndex{keys: map[int64]orgKeys{}, byICE: map[string][]int64{}, byReg: map[string][]int64{},
		byReceipt: map[string][]int64{}, byName: map[string][]int64{}, touched: map[int64]int{}}
	rows, err := tx.QueryContext(ctx, `SELECT id, ice, legal_form, register_number, receipt_number, name_ar, province_code
		FROM organisations WHERE merged_into IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var o org.Organisation
		if err := rows.Scan(&id, &o.Identifiers.ICE, &o.LegalForm, &o.Identifiers.RegisterNumber, &o.Identifiers.ReceiptNumber,
			&o.Name.AR, &o.ProvinceCode); err != nil {
			return nil, err
		}
		ix.add(id, keysOf(&o))
	}
	return ix, rows.Err()
}

func (ix *importIndex) add(id int64, k orgKeys) {
	ix.keys[id] = k
	if k.ICE != "" {
		ix.byICE[k.ICE] = append(ix.byICE[k.ICE], id)
	}
	if k.Register != "" {
		ix.byReg[k.RegisterKey()] = append(ix.byReg[k.RegisterKey()], id)
	}
	if k.Receipt != "" {
		ix.byReceipt[k.Receipt] = append(ix.byReceipt[k.Receipt], id)
	}
	if k.Name != "" {
		ix.byName[k.NameInProvince()] = append(ix.byName[k.NameInProvince()], id)
	}
}

func (ix *importIndex) remove(id int64) {
	k, ok := ix.keys[id]
	if !ok {
		return
	}
	del := func(m map[string][]int64, key string) {
		if l := slices.DeleteFunc(m[key], func(x int64) bool { return x == id }); len(l) > 0 {
			m[key] = l
		} else {
			delete(m, key)
		}
	}
	del(ix.byICE, k.ICE)
	del(ix.byReg, k.RegisterKey())
	del(ix.byReceipt, k.Receipt)
	del(ix.byName, k.NameInProvince())
	delete(ix.keys, id)
}

// match finds the record a row with keys k is: target (0 for none), or the several
// records it could be (ambiguous), and the other records that resemble it.
func (ix *importIndex) match(k orgKeys) (target int64, ambiguous, others []int64) {
	var strong []int64
	addAll := func(ids []int64) {
		for _, id := range ids {
			if !slices.Contains(strong, id) {
				strong = append(strong, id)
			}
		}
	}
	if k.ICE != "" {
		addAll(ix.byICE[k.ICE])
	}
	if k.Register != "" {
		addAll(ix.byReg[k.RegisterKey()])
	}
	if k.Receipt != "" {
		addAll(ix.byReceipt[k.Receipt])
	}
	var names []int64
	if k.Name != "" {
		names = ix.byName[k.NameInProvince()]
	}
	switch len(strong) {
	case 0:
	case 1:
		for _, id := range names {
			if id != strong[0] {
				others = append(others, id)
			}
		}
		return strong[0], nil, others
	default:
		slices.Sort(strong)
		return 0, strong, nil
	}
	var compatible []int64
	for _, id := range names {
		if k.Contradicts(ix.keys[id]) {
			others = append(others, id)
		} else {
			compatible = append(compatible, id)
		}
	}
	switch len(compatible) {
	case 0:
		return 0, nil, others
	case 1:
		return compatible[0], nil, others
	}
	slices.Sort(compatible)
	return 0, compatible, nil
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ", ")
}

// idRanges writes ids compactly: "12-511,600".
func idRanges(ids []int64) string {
	s := slices.Clone(ids)
	slices.Sort(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j+1 < len(s) && s[j+1] == s[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(s[i], 10))
		if j > i {
			b.WriteByte('-')
			b.WriteString(strconv.FormatInt(s[j], 10))
		}
		i = j + 1
	}
	return b.String()
}
