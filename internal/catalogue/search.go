package catalogue

// Search: one search box over organisations and products.
//
// # Documents
//
// Every organisation that is not merged into another, and every product of one, has a row
// in search_docs. The row carries what a result list shows (names, province, sector,
// price, the organisation of a product) and what filters test, so a search reads nothing
// else: no N+1 queries, and the region of a product is the row's, not a join through its
// organisation and province. The row's words are in three fields: "names" (the record's
// own names in Arabic, French and Tamazight), "body" (identifiers, province names, the
// codes and labels of its legal form, sector and categories, and for a product its
// organisation's names) and "tags" (its filter values, below). Words are textfold's:
// "تعاونيةُ الأمل" is indexed as "تعاونيه الامل", "Coopérative" as "cooperative". A word is
// also indexed under its base form (baseForm: the Arabic article and the French plural
// taken away), so "عسل" finds "العسل" exactly.
//
// On SQLite the words go to an FTS5 table (search_fts, ascii tokenizer: it splits on
// spaces exactly as textfold does); on PostgreSQL to two tsvector columns (all words and
// tags; the names alone) built directly from the same words, with GIN indexes. The
// vocabulary of all words (search_terms) is kept beside them with a trigram index (FTS5
// trigram; pg_trgm) for words inside longer words, and with typo keys (search_term_keys:
// each word under every form with one letter deleted) for misspellings. Typos and
// substrings are looked up in the vocabulary (thousands of words) rather than in 360,000
// documents: the query then asks the full-text index for the words found, which is fast
// on both engines and gives both engines the same results.
//
// # Ranking
//
// A document matches when every query word matches one of its words. Results come in
// three tiers: exact (every query word is one of the document's words), prefix (every
// query word starts one of its words: "الأمل" finds "الأملاح" here) and fuzzy (some query
// word only matches a misspelling of itself or a longer word containing it: "امل" in
// "كامل", "cooperatve"). Within a tier, documents whose own names match come before
// those found through their body (a honey product before the olive oil of a cooperative
// called "honey"). That makes six buckets, read one after the other: each is counted (up
// to what the page needs) in the index, and read by folded Arabic name when it holds at
// most 500 documents, in document order (doc_id: records by age) when it holds more,
// which the indexes give without sorting. Paging is stable either way. Empty text (or
// text with no letters or digits) browses: by name, or in document order when filters
// leave more than 500 records.
//
// # Filters and counts
//
// Filters are tags in the full-text index ("§s" + sector, "§r" + region…), so a search
// with filters is one index query, with no join. Totals are counted up to 1,000 (Capped
// beyond), and pages go no deeper: counting all 200,000 hits of "تعاونية" costs more than
// the search. Facets (counts by sector and region) are computed on request, for at most
// 1,000 hits.
//
// # Maintenance
//
// IndexOrganisation and IndexProduct rewrite a record's documents inside the transaction
// that changes the record, so search never shows a state that was not committed. Reindex
// rebuilds everything (after a bulk load, or when the label source changes); the
// migration that creates the tables leaves them empty, and EnsureSearchIndex rebuilds the
// index when what it was built with (the label source, indexing version) differs from
// what the running program would use.

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// The kinds of record search returns.
const (
	KindOrganisation = "organisation"
	KindProduct      = "product"
)

// SearchQuery is what a search box and its filters ask for. Every filter is optional.
// Values that match nothing (an unknown sector, say) give no results rather than an error.
type SearchQuery struct {
	Text      string
	Kind      string   // KindOrganisation, KindProduct, or "" for both
	Regions   []string // region codes; empty for all
	Province  string
	Sector    string // an organisation's main sector; a product's category's sector
	Category  string // a product's category; an organisation with that category among its own
	LegalForm string // the organisation's, for products too
	WomenLed  bool
	YouthLed  bool
	Status    string // "validated" for the public catalogue; "" for any
	Limit     int    // 1–100; 0 or less means 20
	Offset    int    // at most 1,000; negative means 0
	// Facets asks for the counts by sector and region. They cost a pass over the hits
	// (tens of milliseconds for thousands), so ask only where they are shown.
	Facets bool
}

// Paging bounds.
const (
	DefaultSearchLimit = 20
	MaxSearchLimit     = 100
	MaxSearchOffset    = 1000
)

// MatchTier tells how well a hit matched the query text.
type MatchTier int

// The tiers, best first. Browse is every hit of a search without text.
const (
	MatchExact MatchTier = iota
	MatchPrefix
	MatchFuzzy
	MatchBrowse
)

func (t MatchTier) String() string {
	switch t {
	case MatchExact:
		return "exact"
	case MatchPrefix:
		return "prefix"
	case MatchFuzzy:
		return "fuzzy"
	}
	return "browse"
}

// SearchHit is one organisation or product found, with what a result list shows.
type SearchHit struct {
	Kind         string
	ID           int64
	Tier         MatchTier
	Name         mltext.Text
	ProvinceCode string
	RegionCode   string
	Sector       taxonomy.Sector
	Category     string // products only
	LegalForm    org.LegalForm
	WomenLed     bool
	YouthLed     bool
	Status       org.Status
	// OrganisationID is the organisation's own id for an organisation.
	OrganisationID   int64
	OrganisationName mltext.Text // products only
	PriceMin         int64       // products only, centimes
	PriceMax         int64
	Unit             org.Unit
	Available        bool
	// Cover is the record's first photo; its Thumb is "" when it has none.
	Cover org.Photo
}

// SearchResult is one page of hits, the number of hits in all pages, and how they spread
// over sectors and regions (for filter counts).
type SearchResult struct {
	Hits []SearchHit
	// Total counts the hits, up to MaxSearchTotal; Capped tells there are more.
	Total  int
	Capped bool
	// BySector and ByRegion count the hits by sector and region when the query asked
	// for them and the hits are not capped (nil otherwise: counting 200,000 hits by
	// sector is not worth its time).
	BySector map[taxonomy.Sector]int
	ByRegion map[string]int
	// Words are the folded words searched for, after the query was cut to its limits.
	Words []string
}

// SearchLabels returns the labels, in every language, of a code of a kind: "category"
// (taxonomy categories), "sector" (taxonomy sectors) or "legal_form" (org legal forms).
type SearchLabels func(kind, code string) []string

// The kinds of code a SearchLabels function is asked about.
const (
	LabelCategory  = "category"
	LabelSector    = "sector"
	LabelLegalForm = "legal_form"
)

// searchSettings are the search settings of one Service.
type searchSettings struct {
	mu     sync.RWMutex
	labels SearchLabels
}

func (s *Service) searchSettings() *searchSettings { return s.search }

// SetSearchLabels sets where the index takes the labels of categories, sectors and legal
// forms from, so "miel" finds honey and "تعاونية" cooperatives. Without it documents carry
// the codes only. Call it before serving, then EnsureSearchIndex, which rebuilds the index
// when the labels differ from those it was built with.
func (s *Service) SetSearchLabels(fn SearchLabels) {
	st := s.searchSettings()
	st.mu.Lock()
	st.labels = fn
	st.mu.Unlock()
}

func (s *Service) searchLabels() SearchLabels {
	st := s.searchSettings()
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.labels
}

// normalize clamps paging and drops empty filter values.
func (q *SearchQuery) normalize() {
	if q.Limit <= 0 {
		q.Limit = DefaultSearchLimit
	}
	q.Limit = min(q.Limit, MaxSearchLimit)
	q.Offset = min(max(q.Offset, 0), MaxSearchOffset)
	var regions []string
	for _, r := range q.Regions {
		if r = strings.TrimSpace(r); r != "" && !slices.Contains(regions, r) {
			regions = append(regions, r)
		}
	}
	q.Regions = regions
	for _, f := range []*string{&q.Kind, &q.Province, &q.Sector, &q.Category, &q.LegalForm, &q.Status} {
		*f = strings.TrimSpace(*f)
	}
}

// sqlArgs numbers the parameters of a query as they are added.
type sqlArgs []any

func (a *sqlArgs) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

// Search finds organisations and products. It fails only when the database does.
func (s *Service) Search(ctx context.Context, q SearchQuery) (SearchResult, error) {
	q.normalize()
	d := s.searchDialect()
	conn, done, err := d.begin(ctx, s.db.Pool())
	if err != nil {
		return SearchResult{}, err
	}
	defer done()
	r := searchRun{q: conn, d: d}
	res, err := r.search(ctx, q)
	if err == nil {
		err = r.covers(ctx, res.Hits)
	}
	return res, err
}

// search finds the hits of q, without their photos.
func (r searchRun) search(ctx context.Context, q SearchQuery) (SearchResult, error) {
	res := SearchResult{}
	var err error
	words := parseQuery(q.Text)
	for _, w := range words {
		res.Words = append(res.Words, w.word)
	}
	if len(words) == 0 {
		return r.browse(ctx, q, res)
	}
	if err := r.expandWords(ctx, words); err != nil {
		return res, err
	}
	tags := searchTags(q)

	all := matchSet{words: words, tags: tags, level: levelFuzzy}
	if res.Total, res.Capped, err = r.countHits(ctx, all); err != nil || res.Total == 0 {
		return res, err
	}
	if q.Facets && !res.Capped {
		var args sqlArgs
		if err := r.facets(ctx, &res, r.d.cond(all, &args, 0), args); err != nil {
			return res, err
		}
	}
	// The hits come bucket by bucket, best first; a page may span buckets.
	skip, need := q.Offset, q.Limit
	for _, b := range searchBuckets {
		if need == 0 || skip >= res.Total {
			break
		}
		set := matchSet{words: words, tags: tags, level: b.level, part: b.part}
		// Counting past sortLimit tells how to order the bucket, whichever the page.
		n, err := r.count(ctx, set, max(skip+need, sortLimit+1))
		if err != nil {
			return res, err
		}
		if n <= skip {
			skip -= n
			continue
		}
		hits, err := r.page(ctx, set, n <= sortLimit, need, skip)
		if err != nil {
			return res, err
		}
		for i := range hits {
			hits[i].Tier = MatchTier(b.level)
		}
		res.Hits = append(res.Hits, hits...)
		skip, need = 0, need-len(hits)
	}
	return res, nil
}

// searchRun is one search's connection to the database and dialect.
type searchRun struct {
	q db.Querier
	d searchDialect
}

// sortLimit is the size up to which a bucket of hits is ordered by name. Larger buckets
// come in document order (organisations and products by age), which the indexes give
// without sorting: ordering 200,000 hits of "تعاونية" by name would cost more than the
// rest of the search, and nobody reads them in that order. (A variable for tests.)
var sortLimit = 500

// searchBuckets are the hits in the order they are shown: for each tier, the documents
// whose own names match, then the others.
var searchBuckets = []struct {
	level matchLevel
	part  matchPart
}{
	{levelExact, partNames}, {levelExact, partBody},
	{levelPrefix, partNames}, {levelPrefix, partBody},
	{levelFuzzy, partNames}, {levelFuzzy, partBody},
}

// MaxSearchTotal is how far search counts hits: beyond it, Total is MaxSearchTotal and
// Capped is set ("1,000+"). Counting costs in proportion to what is counted (PostgreSQL
// checks every match in the table), and 200,000 hits of "تعاونية" are not read anyway.
const MaxSearchTotal = MaxSearchOffset

// totalLimit is MaxSearchTotal, a variable for tests.
var totalLimit = MaxSearchTotal

// countHits counts the hits of set up to totalLimit.
func (r searchRun) countHits(ctx context.Context, set matchSet) (int, bool, error) {
	n, err := r.count(ctx, set, totalLimit+1)
	if n > totalLimit {
		return totalLimit, true, err
	}
	return n, false, err
}

// count counts the documents of set, stopping at upTo.
func (r searchRun) count(ctx context.Context, set matchSet, upTo int) (int, error) {
	var args sqlArgs
	var n int
	err := r.q.QueryRowContext(ctx, r.d.count(set, &args, args.add(upTo)), args...).Scan(&n)
	return n, err
}

// hitColumns are what a SearchHit is read from.
const hitColumns = `d.kind, d.ref_id, d.name_ar, d.name_fr, d.name_zgh, d.province_code, d.region_code, d.sector, d.category,
	d.legal_form, d.women_led, d.youth_led, d.status, d.organisation_id, d.org_name_ar, d.org_name_fr,
	d.price_min, d.price_max, d.unit, d.available`

// byName is the order of browsing and of small buckets of hits.
const byName = `d.sort_key, d.kind, d.ref_id`

// page reads limit hits of set after offset, by name or in document order.
func (r searchRun) page(ctx context.Context, set matchSet, named bool, limit, offset int) ([]SearchHit, error) {
	var args sqlArgs
	order, firstN := byName, 0
	if !named {
		order, firstN = "d.doc_id", offset+limit
	}
	cond := r.d.cond(set, &args, firstN)
	return r.readHits(ctx, `SELECT `+hitColumns+` FROM search_docs d WHERE `+cond+
		` ORDER BY `+order+` LIMIT `+args.add(limit)+` OFFSET `+args.add(offset), args)
}

func (r searchRun) readHits(ctx context.Context, query string, args []any) ([]SearchHit, error) {
	rows, err := r.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []SearchHit
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.Kind, &h.ID, &h.Name.AR, &h.Name.FR, &h.Name.ZGH, &h.ProvinceCode, &h.RegionCode, &h.Sector, &h.Category,
			&h.LegalForm, &h.WomenLed, &h.YouthLed, &h.Status, &h.OrganisationID, &h.OrganisationName.AR, &h.OrganisationName.FR,
			&h.PriceMin, &h.PriceMax, &h.Unit, &h.Available); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// facets fills the counts by sector and region of the documents that satisfy cond.
func (r searchRun) facets(ctx context.Context, res *SearchResult, cond string, args []any) error {
	res.BySector, res.ByRegion = map[taxonomy.Sector]int{}, map[string]int{}
	rows, err := r.q.QueryContext(ctx, `SELECT d.sector, d.region_code, COUNT(*) FROM search_docs d WHERE `+cond+` GROUP BY d.sector, d.region_code`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sector, region string
		var n int
		if err := rows.Scan(&sector, &region, &n); err != nil {
			return err
		}
		res.BySector[taxonomy.Sector(sector)] += n
		res.ByRegion[region] += n
	}
	return rows.Err()
}

// browse lists the records that pass the filters. Without filters (or with a kind only)
// it walks search_docs in name order; with filters, the filter tags select the records in
// the full-text index and the result is one bucket: by name up to sortLimit records, in
// document order beyond (walking the name index until enough records pass the filters
// could read most of it: honey products all sort under "ع").
func (r searchRun) browse(ctx context.Context, q SearchQuery, res SearchResult) (SearchResult, error) {
	tags := searchTags(q)
	if len(tags) > 1 || (len(tags) == 1 && q.Kind == "") {
		set := matchSet{tags: tags}
		var err error
		if res.Total, res.Capped, err = r.countHits(ctx, set); err != nil || res.Total == 0 {
			return res, err
		}
		if q.Facets && !res.Capped {
			var args sqlArgs
			if err := r.facets(ctx, &res, r.d.cond(set, &args, 0), args); err != nil {
				return res, err
			}
		}
		if q.Offset < res.Total {
			res.Hits, err = r.page(ctx, set, res.Total <= sortLimit, q.Limit, q.Offset)
		}
		for i := range res.Hits {
			res.Hits[i].Tier = MatchBrowse
		}
		return res, err
	}
	var args sqlArgs
	cond := "TRUE"
	if q.Kind != "" {
		cond = "d.kind = " + args.add(q.Kind)
	}
	err := r.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_docs d WHERE `+cond+` LIMIT `+args.add(totalLimit+1)+`) c`, args...).Scan(&res.Total)
	args = args[:len(args)-1]
	if res.Total > totalLimit {
		res.Total, res.Capped = totalLimit, true
	}
	if err != nil || res.Total == 0 {
		return res, err
	}
	if q.Facets && !res.Capped {
		if err := r.facets(ctx, &res, cond, args); err != nil {
			return res, err
		}
	}
	if q.Offset >= res.Total {
		return res, nil
	}
	hits, err := r.readHits(ctx, `SELECT `+hitColumns+` FROM search_docs d WHERE `+cond+` ORDER BY `+byName+
		` LIMIT `+args.add(q.Limit)+` OFFSET `+args.add(q.Offset), args)
	for i := range hits {
		hits[i].Tier = MatchBrowse
	}
	res.Hits = hits
	return res, err
}

// The filter tags of a document: one word per filter value it passes, in the tags field
// of the full-text index, so that filters combine with text inside the index. "§" never
// survives textfold: a typed word cannot match a tag.
const (
	tagKind      = "k"
	tagRegion    = "r"
	tagProvince  = "p"
	tagSector    = "s"
	tagCategory  = "c"
	tagLegalForm = "l"
	tagWomenLed  = "w"
	tagYouthLed  = "y"
	tagStatus    = "t"
)

// tag writes the tag of a filter value. Codes are lower-case ASCII letters, digits and
// underscores; an underscore becomes "§" (the ascii tokenizer would split on it). A value
// with any other character is no code, and gets a tag no document has.
func tag(kind, value string) string {
	var b strings.Builder
	b.WriteString("§" + kind)
	for i := 0; i < len(value); i++ {
		switch c := value[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b.WriteByte(c)
		case c == '_':
			b.WriteString("§")
		default:
			return "§§none"
		}
	}
	return b.String()
}

// searchTags are the tag groups a query's filters require: a document must have one tag
// of every group.
func searchTags(q SearchQuery) [][]string {
	var groups [][]string
	one := func(kind, value string) {
		if value != "" {
			groups = append(groups, []string{tag(kind, value)})
		}
	}
	one(tagKind, q.Kind)
	if len(q.Regions) > 0 {
		var g []string
		for _, r := range q.Regions {
			g = append(g, tag(tagRegion, r))
		}
		groups = append(groups, g)
	}
	one(tagProvince, q.Province)
	one(tagSector, q.Sector)
	one(tagCategory, q.Category)
	one(tagLegalForm, q.LegalForm)
	if q.WomenLed {
		groups = append(groups, []string{tag(tagWomenLed, "")})
	}
	if q.YouthLed {
		groups = append(groups, []string{tag(tagYouthLed, "")})
	}
	one(tagStatus, q.Status)
	return groups
}

// docTags are the tags of a document.
func docTags(d *searchDoc, categories []string) []string {
	t := []string{tag(tagKind, d.kind), tag(tagRegion, d.region), tag(tagProvince, d.province), tag(tagSector, d.sector),
		tag(tagLegalForm, d.legalForm), tag(tagStatus, d.status)}
	for _, c := range categories {
		t = append(t, tag(tagCategory, c))
	}
	if d.womenLed {
		t = append(t, tag(tagWomenLed, ""))
	}
	if d.youthLed {
		t = append(t, tag(tagYouthLed, ""))
	}
	return t
}

// matchLevel is how closely query words must match: the tiers of the ranking.
type matchLevel int

const (
	levelExact  matchLevel = iota // every word whole
	levelPrefix                   // every word whole or as a prefix
	levelFuzzy                    // every word as a prefix or as one of its vocabulary expansions
)

// matchPart is which documents of a level a set holds.
type matchPart int

const (
	partAll   matchPart = iota // every document matching at the level
	partNames                  // those whose own names match, and no better level
	partBody                   // the others matching at the level and no better one
)

// matchSet is a set of documents a dialect selects: those matching the words at a level
// (part of them), with every tag group. Without words, it is the documents with the tags.
type matchSet struct {
	words []queryWord
	tags  [][]string
	level matchLevel
	part  matchPart
}

// expandWords fills in the vocabulary words each query word may stand for in the fuzzy
// tier: misspellings (one edit, two for long words) and longer words that contain it.
// Words it already starts are left out: the prefix match has them.
func (r searchRun) expandWords(ctx context.Context, words []queryWord) error {
	for i := range words {
		w := &words[i]
		n := len([]rune(w.word))
		var typos, infixes []string
		if n >= minTypoRunes && !w.cut {
			keys := typoKeys(w.word)
			args := make([]any, len(keys))
			ph := make([]string, len(keys))
			for j, k := range keys {
				args[j] = k
				ph[j] = fmt.Sprintf("$%d", j+1)
			}
			rows, err := r.q.QueryContext(ctx, `SELECT DISTINCT term FROM search_term_keys WHERE key IN (`+strings.Join(ph, ", ")+`)`, args...)
			if err != nil {
				return err
			}
			type typo struct {
				term string
				dist int
			}
			var found []typo
			for rows.Next() {
				var t string
				if err := rows.Scan(&t); err != nil {
					rows.Close()
					return err
				}
				if dist := editDistance(w.word, t, maxTypos(n)); dist <= maxTypos(n) {
					found = append(found, typo{t, dist})
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			slices.SortFunc(found, func(a, b typo) int {
				if a.dist != b.dist {
					return a.dist - b.dist
				}
				return strings.Compare(a.term, b.term)
			})
			for _, t := range found {
				typos = append(typos, t.term)
			}
		}
		if n >= minInfixRunes {
			var err error
			if infixes, err = db.Strings(ctx, r.q, r.d.infixQuery(), r.d.infixArg(w.word), maxExpansions*2); err != nil {
				return err
			}
		}
		for _, t := range append(typos, infixes...) {
			if len(w.fuzzy) == maxExpansions {
				break
			}
			if t == w.word || t == w.base || (w.prefix && strings.HasPrefix(t, w.base)) || slices.Contains(w.fuzzy, t) {
				continue
			}
			w.fuzzy = append(w.fuzzy, t)
		}
	}
	return nil
}

// searchDialect is what differs between the engines' full-text search: how a set of
// documents is selected and counted, and how documents are written. Everything else
// (documents, tiers and buckets, paging, browsing) is shared.
type searchDialect interface {
	// begin returns what a search's statements run on, and a function to call when the
	// search is done.
	begin(ctx context.Context, db *sql.DB) (db.Querier, func(), error)
	// cond returns a condition on search_docs d that holds for the documents of set.
	// When firstN is not 0, the caller reads no more than the first firstN documents in
	// doc_id order, and the engine may stop there.
	cond(set matchSet, args *sqlArgs, firstN int) string
	// count returns a query counting the documents of set, stopping at the number bound
	// at placeholder upTo.
	count(set matchSet, args *sqlArgs, upTo string) string
	// infixQuery selects vocabulary terms containing the word bound as $1 (infixArg),
	// shortest first, at most $2 of them.
	infixQuery() string
	infixArg(word string) string
	// writeDocs inserts documents (their rows and their words).
	writeDocs(ctx context.Context, tx *sql.Tx, docs []*searchDoc) error
	// deleteDocs removes documents by doc_id.
	deleteDocs(ctx context.Context, tx *sql.Tx, ids []int64) error
	// lock keeps other writers of the index out until the transaction ends (readers go
	// on reading the committed index).
	lock(ctx context.Context, tx *sql.Tx) error
	// clear empties the index before a rebuild.
	clear(ctx context.Context, tx *sql.Tx) error
	// optimize runs after a rebuild.
	optimize(ctx context.Context, tx *sql.Tx) error
	// maxParams is how many parameters a multi-row insert binds at most. SQLite looks
	// $N names up in a list, so its cost grows with the square of their number.
	maxParams() int
}

func (s *Service) searchDialect() searchDialect {
	if s.db.Engine() == db.Postgres {
		return postgresSearch{}
	}
	return sqliteSearch{}
}
