package catalogue

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"slices"
	"strings"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/taxonomy"
	"github.com/aswaq/aswaq/internal/textfold"
)

// searchIndexVersion changes whenever what a document holds changes, so that
// EnsureSearchIndex rebuilds indexes built by an older program.
const searchIndexVersion = "1"

// searchDoc is one row of search_docs and its words.
type searchDoc struct {
	kind               string
	refID, orgID       int64
	name               mltext.Text
	sortKey            string
	province, region   string
	sector, category   string
	legalForm, status  string
	womenLed, youthLed bool
	priceMin, priceMax int64
	unit               string
	available          bool
	orgName            mltext.Text
	names, body        []string // folded words, each once per field
	tags               []string // filter tags (see tag)
	vocabulary         []string // words worth a typo or substring lookup
	docID              int64
}

// docID numbers documents: a record's id times two, plus one for products.
func docID(kind string, id int64) int64 {
	if kind == KindProduct {
		return id<<1 | 1
	}
	return id << 1
}

// orgSource is what an organisation's document is built from.
type orgSource struct {
	id                          int64
	legalForm, province, region string
	name                        mltext.Text
	provinceAR, provinceFR      string
	sector, status              string
	womenLed, youthLed          bool
	ice, register, receipt      string
	mergedInto                  int64
	categories                  []string
}

// productSource is what a product's document is built from.
type productSource struct {
	id, orgID          int64
	name               mltext.Text
	category           string
	priceMin, priceMax int64
	unit               string
	available          bool
}

const orgSourceQuery = `SELECT o.id, o.legal_form, o.name_ar, o.name_fr, o.name_zgh, o.province_code, p.region_code, p.name_ar, p.name_fr,
		o.sector, o.status, o.women_led, o.youth_led, o.ice, o.register_number, o.receipt_number, COALESCE(o.merged_into, 0)
	FROM organisations o JOIN provinces p ON p.code = o.province_code`

const productSourceQuery = `SELECT p.id, p.organisation_id, p.name_ar, p.name_fr, p.category,
		COALESCE(p.price_min, 0), COALESCE(p.price_max, 0), p.unit, p.available
	FROM products p`

// loadOrgSources reads organisations (with their categories) selected by cond.
func loadOrgSources(ctx context.Context, q db.Querier, cond string, args ...any) ([]*orgSource, error) {
	rows, err := q.QueryContext(ctx, orgSourceQuery+" "+cond, args...)
	if err != nil {
		return nil, err
	}
	var out []*orgSource
	for rows.Next() {
		o := &orgSource{}
		if err := rows.Scan(&o.id, &o.legalForm, &o.name.AR, &o.name.FR, &o.name.ZGH, &o.province, &o.region, &o.provinceAR, &o.provinceFR,
			&o.sector, &o.status, &o.womenLed, &o.youthLed, &o.ice, &o.register, &o.receipt, &o.mergedInto); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, o)
	}
	rows.Close()
	return out, rows.Err()
}

// loadCategories fills the categories of orgs from the rows of a query selecting
// (organisation_id, category).
func loadCategories(ctx context.Context, q db.Querier, orgs map[int64]*orgSource, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			return err
		}
		if o := orgs[id]; o != nil {
			o.categories = append(o.categories, c)
		}
	}
	return rows.Err()
}

func loadProductSources(ctx context.Context, q db.Querier, cond string, args ...any) ([]*productSource, error) {
	rows, err := q.QueryContext(ctx, productSourceQuery+" "+cond, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*productSource
	for rows.Next() {
		p := &productSource{}
		if err := rows.Scan(&p.id, &p.orgID, &p.name.AR, &p.name.FR, &p.category, &p.priceMin, &p.priceMax, &p.unit, &p.available); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// docBuilder turns records into documents, folding each label once.
type docBuilder struct {
	labels SearchLabels
	words  map[string][]string // kind + "\x00" + code → folded words of the code and its labels
}

func (s *Service) newDocBuilder() *docBuilder {
	return &docBuilder{labels: s.searchLabels(), words: map[string][]string{}}
}

// codeWords returns the words of a code and of its labels.
func (b *docBuilder) codeWords(kind, code string) []string {
	if code == "" {
		return nil
	}
	k := kind + "\x00" + code
	if w, ok := b.words[k]; ok {
		return w
	}
	texts := []string{code}
	if b.labels != nil {
		texts = append(texts, b.labels(kind, code)...)
	}
	w := indexWords(map[string]bool{}, nil, texts...)
	b.words[k] = w
	return w
}

// fields builds the names and body words of d, and its vocabulary.
func (b *docBuilder) fields(d *searchDoc, names []string, bodyTexts []string, codes [][2]string) {
	seen := map[string]bool{}
	d.names = indexWords(seen, nil, names...)
	seen = map[string]bool{}
	d.body = indexWords(seen, nil, bodyTexts...)
	for _, c := range codes {
		for _, w := range b.codeWords(c[0], c[1]) {
			if !seen[w] {
				seen[w] = true
				d.body = append(d.body, w)
			}
		}
	}
	for _, ws := range [2][]string{d.names, d.body} {
		for _, w := range ws {
			if inVocabulary(w) {
				d.vocabulary = append(d.vocabulary, w)
			}
		}
	}
}

func (b *docBuilder) orgDoc(o *orgSource) *searchDoc {
	d := &searchDoc{
		kind: KindOrganisation, refID: o.id, orgID: o.id, docID: docID(KindOrganisation, o.id),
		name: o.name, sortKey: textfold.Fold(o.name.AR), province: o.province, region: o.region,
		sector: o.sector, legalForm: o.legalForm, status: o.status, womenLed: o.womenLed, youthLed: o.youthLed,
		available: true,
	}
	codes := [][2]string{{LabelLegalForm, o.legalForm}, {LabelSector, o.sector}}
	for _, c := range o.categories {
		codes = append(codes, [2]string{LabelCategory, c})
	}
	b.fields(d, []string{o.name.AR, o.name.FR, o.name.ZGH},
		[]string{o.ice, o.register, o.receipt, o.provinceAR, o.provinceFR}, codes)
	d.tags = docTags(d, o.categories)
	return d
}

func (b *docBuilder) productDoc(p *productSource, o *orgSource) *searchDoc {
	c, _ := taxonomy.Lookup(p.category)
	d := &searchDoc{
		kind: KindProduct, refID: p.id, orgID: o.id, docID: docID(KindProduct, p.id),
		name: mltext.Text{AR: p.name.AR, FR: p.name.FR}, sortKey: textfold.Fold(p.name.AR),
		province: o.province, region: o.region, sector: string(c.Sector), category: p.category,
		legalForm: o.legalForm, status: o.status, womenLed: o.womenLed, youthLed: o.youthLed,
		priceMin: p.priceMin, priceMax: p.priceMax, unit: p.unit, available: p.available,
		orgName: o.name,
	}
	b.fields(d, []string{p.name.AR, p.name.FR},
		[]string{o.name.AR, o.name.FR, o.name.ZGH, o.provinceAR, o.provinceFR},
		[][2]string{{LabelCategory, p.category}, {LabelSector, string(c.Sector)}})
	d.tags = docTags(d, []string{p.category})
	return d
}

// IndexOrganisation rewrites the documents of an organisation and of its products, in
// the transaction that changed it: after a create or an update, and for both sides of a
// merge (the merged record and its products' old documents go; the kept one's products,
// now including the merged one's, are indexed under it).
func (s *Service) IndexOrganisation(ctx context.Context, tx *sql.Tx, id int64) error {
	if indexDeferred(ctx) {
		return nil
	}
	d := s.searchDialect()
	orgs, err := loadOrgSources(ctx, tx, "WHERE o.id = $1", id)
	if err != nil {
		return err
	}
	products, err := loadProductSources(ctx, tx, "WHERE p.organisation_id = $1 ORDER BY p.id", id)
	if err != nil {
		return err
	}
	// Documents to replace: the organisation's, those filed under it, and those of its
	// products (which may have been filed under another organisation before a merge).
	ids, err := queryIDs(ctx, tx, `SELECT doc_id FROM search_docs WHERE organisation_id = $1`, id)
	if err != nil {
		return err
	}
	ids = append(ids, docID(KindOrganisation, id))
	for _, p := range products {
		ids = append(ids, docID(KindProduct, p.id))
	}
	slices.Sort(ids)
	if err := d.deleteDocs(ctx, tx, slices.Compact(ids)); err != nil {
		return err
	}
	if len(orgs) == 0 || orgs[0].mergedInto != 0 {
		return nil
	}
	o := orgs[0]
	if err := loadCategories(ctx, tx, map[int64]*orgSource{o.id: o},
		`SELECT organisation_id, category FROM organisation_categories WHERE organisation_id = $1 ORDER BY category`, id); err != nil {
		return err
	}
	b := s.newDocBuilder()
	docs := []*searchDoc{b.orgDoc(o)}
	for _, p := range products {
		docs = append(docs, b.productDoc(p, o))
	}
	return s.writeSearchDocs(ctx, tx, d, docs)
}

// IndexProduct rewrites the document of a product in the transaction that changed it; a
// product that no longer exists (deleted) or whose organisation is merged loses it.
func (s *Service) IndexProduct(ctx context.Context, tx *sql.Tx, id int64) error {
	if indexDeferred(ctx) {
		return nil
	}
	d := s.searchDialect()
	if err := d.deleteDocs(ctx, tx, []int64{docID(KindProduct, id)}); err != nil {
		return err
	}
	products, err := loadProductSources(ctx, tx, "WHERE p.id = $1", id)
	if err != nil || len(products) == 0 {
		return err
	}
	orgs, err := loadOrgSources(ctx, tx, "WHERE o.id = $1", products[0].orgID)
	if err != nil || len(orgs) == 0 || orgs[0].mergedInto != 0 {
		return err
	}
	b := s.newDocBuilder()
	return s.writeSearchDocs(ctx, tx, d, []*searchDoc{b.productDoc(products[0], orgs[0])})
}

// writeSearchDocs inserts documents and adds their new words to the vocabulary.
func (s *Service) writeSearchDocs(ctx context.Context, tx *sql.Tx, d searchDialect, docs []*searchDoc) error {
	if err := d.writeDocs(ctx, tx, docs); err != nil {
		return err
	}
	var words []string
	seen := map[string]bool{}
	for _, doc := range docs {
		for _, w := range doc.vocabulary {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return addTerms(ctx, tx, d.maxParams(), words, true)
}

// addTerms adds words to the vocabulary with their typo keys. When some may be there
// already (incremental indexing) only the new ones get keys.
func addTerms(ctx context.Context, tx *sql.Tx, maxParams int, words []string, existing bool) error {
	batch := maxParams
	for len(words) > 0 {
		n := min(len(words), batch)
		chunk := words[:n]
		words = words[n:]
		var args sqlArgs
		vals := make([]string, len(chunk))
		for i, w := range chunk {
			vals[i] = "(" + args.add(w) + ")"
		}
		var added []string
		if existing {
			var err error
			added, err = db.Strings(ctx, tx, `INSERT INTO search_terms (term) VALUES `+strings.Join(vals, ", ")+` ON CONFLICT DO NOTHING RETURNING term`, args...)
			if err != nil {
				return err
			}
		} else {
			if _, err := tx.ExecContext(ctx, `INSERT INTO search_terms (term) VALUES `+strings.Join(vals, ", "), args...); err != nil {
				return err
			}
			added = chunk
		}
		if err := addTypoKeys(ctx, tx, maxParams, added); err != nil {
			return err
		}
	}
	return nil
}

func addTypoKeys(ctx context.Context, tx *sql.Tx, maxParams int, terms []string) error {
	var args sqlArgs
	var vals []string
	flush := func() error {
		if len(vals) == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO search_term_keys (key, term) VALUES `+strings.Join(vals, ", ")+` ON CONFLICT DO NOTHING`, args...)
		args, vals = args[:0], vals[:0]
		return err
	}
	for _, t := range terms {
		for _, k := range typoKeys(t) {
			vals = append(vals, "("+args.add(k)+", "+args.add(t)+")")
		}
		if len(args) > maxParams-2*maxTermRunes {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

func queryIDs(ctx context.Context, q db.Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// docColumns are the columns of search_docs every engine writes, in the order of
// docValues.
const docColumns = `doc_id, kind, ref_id, organisation_id, name_ar, name_fr, name_zgh, sort_key, province_code, region_code,
	sector, category, legal_form, women_led, youth_led, status, price_min, price_max, unit, available, org_name_ar, org_name_fr`

func docValues(d *searchDoc) []any {
	return []any{d.docID, d.kind, d.refID, d.orgID, d.name.AR, d.name.FR, d.name.ZGH, d.sortKey, d.province, d.region,
		d.sector, d.category, d.legalForm, d.womenLed, d.youthLed, d.status, d.priceMin, d.priceMax, d.unit, d.available,
		d.orgName.AR, d.orgName.FR}
}

// insertDocRows inserts rows of search_docs in batches; extra, when set, adds columns
// (their names and each document's placeholders for them).
func insertDocRows(ctx context.Context, tx *sql.Tx, docs []*searchDoc, maxParams int, extra func(args *sqlArgs, d *searchDoc) (columns, values string)) error {
	batch := max(maxParams/24, 1)
	for len(docs) > 0 {
		n := min(len(docs), batch)
		chunk := docs[:n]
		docs = docs[n:]
		var args sqlArgs
		rows := make([]string, len(chunk))
		cols := docColumns
		for i, d := range chunk {
			vals := docValues(d)
			ph := make([]string, len(vals), len(vals)+1)
			for j, v := range vals {
				ph[j] = args.add(v)
			}
			if extra != nil {
				c, v := extra(&args, d)
				cols = docColumns + ", " + c
				ph = append(ph, v)
			}
			rows[i] = "(" + strings.Join(ph, ", ") + ")"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_docs (`+cols+`) VALUES `+strings.Join(rows, ", "), args...); err != nil {
			return err
		}
	}
	return nil
}

// deleteDocRows deletes rows of search_docs by doc_id.
func deleteDocRows(ctx context.Context, tx *sql.Tx, table, column string, ids []int64, batch int) error {
	for len(ids) > 0 {
		n := min(len(ids), batch)
		var args sqlArgs
		ph := make([]string, n)
		for i, id := range ids[:n] {
			ph[i] = args.add(id)
		}
		ids = ids[n:]
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+column+` IN (`+strings.Join(ph, ", ")+`)`, args...); err != nil {
			return err
		}
	}
	return nil
}

// searchFingerprint identifies what documents are built with: the indexing version and
// every label the label source gives.
func (s *Service) searchFingerprint() string {
	h := sha256.New()
	h.Write([]byte("v" + searchIndexVersion + "\n"))
	labels := s.searchLabels()
	if labels != nil {
		write := func(kind, code string) {
			h.Write([]byte(kind + "\x00" + code + "\x00" + strings.Join(labels(kind, code), "\x01") + "\n"))
		}
		for _, c := range taxonomy.Categories {
			write(LabelCategory, c.Code)
		}
		for _, sec := range taxonomy.Sectors {
			write(LabelSector, string(sec))
		}
		for _, f := range org.LegalForms {
			write(LabelLegalForm, string(f))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// EnsureSearchIndex rebuilds the search index when it was built with other labels or by
// another version of the indexing code (or never: right after the migration that created
// it), and reports whether it did. Call it at start, after Migrate and SetSearchLabels.
func (s *Service) EnsureSearchIndex(ctx context.Context) (bool, error) {
	want := s.searchFingerprint()
	var have string
	err := s.db.Q(ctx).QueryRowContext(ctx, `SELECT value FROM search_meta WHERE name = 'fingerprint'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if have == want {
		return false, nil
	}
	rebuilt := false
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		// Lock first, then look again: another process may have rebuilt it meanwhile.
		d := s.searchDialect()
		if err := d.lock(ctx, tx); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `SELECT value FROM search_meta WHERE name = 'fingerprint'`).Scan(&have)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if have == want {
			return errSearchCurrent
		}
		rebuilt = true
		if err := d.clear(ctx, tx); err != nil {
			return err
		}
		return s.rebuild(ctx, tx, want)
	})
	if errors.Is(err, errSearchCurrent) {
		err = nil
	}
	return rebuilt, err
}

var errSearchCurrent = errors.New("search index is current")

// Reindex rebuilds the whole search index from the registry in one transaction: searches
// see the old index until it commits.
func (s *Service) Reindex(ctx context.Context) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		d := s.searchDialect()
		if err := d.lock(ctx, tx); err != nil {
			return err
		}
		if err := d.clear(ctx, tx); err != nil {
			return err
		}
		return s.rebuild(ctx, tx, s.searchFingerprint())
	})
}

// rebuild fills the emptied index. Organisations are held in memory (a national registry
// is tens of thousands); products are read a page at a time.
func (s *Service) rebuild(ctx context.Context, tx *sql.Tx, fingerprint string) error {
	d := s.searchDialect()
	b := s.newDocBuilder()
	orgList, err := loadOrgSources(ctx, tx, "WHERE o.merged_into IS NULL ORDER BY o.id")
	if err != nil {
		return err
	}
	orgs := make(map[int64]*orgSource, len(orgList))
	for _, o := range orgList {
		orgs[o.id] = o
	}
	if err := loadCategories(ctx, tx, orgs, `SELECT organisation_id, category FROM organisation_categories ORDER BY organisation_id, category`); err != nil {
		return err
	}
	vocabulary := map[string]bool{}
	write := func(docs []*searchDoc) error {
		for _, doc := range docs {
			for _, w := range doc.vocabulary {
				vocabulary[w] = true
			}
		}
		return d.writeDocs(ctx, tx, docs)
	}
	// Organisations go in among the products, a share with every page, so that neither
	// kind fills one end of the table: a scan that stops after enough matches then finds
	// them where the planner expects them, spread evenly.
	var nProducts int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM products`).Scan(&nProducts); err != nil {
		return err
	}
	const page = 2000
	orgsPerPage := len(orgList)
	if nProducts > 0 {
		orgsPerPage = (len(orgList)*page + nProducts - 1) / nProducts
	}
	pending := orgList
	var docs []*searchDoc
	for last := int64(0); ; {
		products, err := loadProductSources(ctx, tx, "WHERE p.id > $1 ORDER BY p.id LIMIT $2", last, page)
		if err != nil {
			return err
		}
		docs = docs[:0]
		n := min(orgsPerPage, len(pending))
		if len(products) == 0 {
			n = len(pending)
		}
		for _, o := range pending[:n] {
			docs = append(docs, b.orgDoc(o))
		}
		pending = pending[n:]
		for _, p := range products {
			if o := orgs[p.orgID]; o != nil {
				docs = append(docs, b.productDoc(p, o))
			}
		}
		if err := write(docs); err != nil {
			return err
		}
		if len(products) == 0 {
			break
		}
		last = products[len(products)-1].id
	}
	words := make([]string, 0, len(vocabulary))
	for w := range vocabulary {
		words = append(words, w)
	}
	slices.Sort(words)
	if err := addTerms(ctx, tx, d.maxParams(), words, false); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_meta (name, value) VALUES ('fingerprint', $1)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, fingerprint); err != nil {
		return err
	}
	return d.optimize(ctx, tx)
}
