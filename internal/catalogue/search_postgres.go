package catalogue

import (
	"context"
	"database/sql"
	"strings"

	"github.com/aswaq/aswaq/internal/platform/db"
)

// postgresSearch is full-text search on PostgreSQL: tsvector columns of search_docs with
// GIN indexes (tsv: every word and tag of a document; names_tsv: its own names), written
// and queried as literals built from textfold's words (no text-search parser or dictionary
// runs, so the words are exactly those SQLite indexes), and LIKE on the vocabulary, which
// pg_trgm indexes. A set is one or two @@ conditions; names_tsv saves rechecking weights
// in the heap, which a single weighted tsvector would need.
type postgresSearch struct{}

// begin runs a search in a read-only transaction, which gives its statements one
// snapshot and lets it set two planner settings for them alone:
//
//   - plan_cache_mode = force_custom_plan: pgx prepares and caches statements, and the
//     statements of a search differ only by their tsquery parameter, on which everything
//     depends ("تعاونية" matches half the table, "زربية" 3%). A generic plan, which
//     PostgreSQL may settle on after five runs, is a sequential scan that suits common
//     words and reads the whole table for rare ones.
//   - synchronize_seqscans = off: a scan that stops after LIMIT matches (counts stop at
//     what they need) then starts at the table's first page, as the planner assumes,
//     rather than wherever another scan of the table is.
func (postgresSearch) begin(ctx context.Context, db *sql.DB) (db.Querier, func(), error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT set_config('plan_cache_mode', 'force_custom_plan', true),
		set_config('synchronize_seqscans', 'off', true)`); err != nil {
		tx.Rollback()
		return nil, nil, err
	}
	return tx, func() { tx.Rollback() }, nil
}

// tsWord quotes a word as a tsvector or tsquery lexeme.
func tsWord(w string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''") + "'"
}

// ts is PostgreSQL's tsquery language.
var ts = querySyntax{and: " & ", or: " | ", word: tsWord, prefix: func(w string) string { return tsWord(w) + ":*" }}

// tsNot negates a tsquery; an empty one stays empty.
func tsNot(q string) string {
	if q == "" {
		return ""
	}
	return "!(" + q + ")"
}

// cond ignores firstN: the planner sees the LIMIT of the query around it.
func (postgresSearch) cond(set matchSet, args *sqlArgs, _ int) string {
	words := ""
	if len(set.words) > 0 {
		words = ts.words(set.words, set.level)
	}
	tags := ts.tags(set.tags)
	better := ""
	if set.level > levelExact {
		better = ts.words(set.words, set.level-1)
	}
	match := func(column, q string) string { return "d." + column + " @@ " + args.add(q) + "::tsquery" }
	switch set.part {
	case partNames:
		c := match("names_tsv", words)
		if rest := ts.all(tags, tsNot(better)); rest != "" {
			c += " AND " + match("tsv", rest)
		}
		return c
	case partBody:
		return match("tsv", ts.all(words, tags, tsNot(better))) + " AND NOT " + match("names_tsv", words)
	}
	return match("tsv", ts.all(words, tags))
}

func (d postgresSearch) count(set matchSet, args *sqlArgs, upTo string) string {
	return "SELECT COUNT(*) FROM (SELECT 1 FROM search_docs d WHERE " + d.cond(set, args, 0) + " LIMIT " + upTo + ") c"
}

func (postgresSearch) infixQuery() string {
	return `SELECT term FROM search_terms WHERE term LIKE $1 ORDER BY length(term), term LIMIT $2`
}

// infixArg is a LIKE pattern; words hold no % or _ (textfold makes them separators).
func (postgresSearch) infixArg(word string) string { return "%" + word + "%" }

// tsvector writes words as a tsvector literal. Positions are not kept: queries are
// single words, never phrases.
func tsvector(words ...[]string) string {
	var b strings.Builder
	for _, ws := range words {
		for _, w := range ws {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(tsWord(w))
		}
	}
	return b.String()
}

func (postgresSearch) maxParams() int { return 10000 }

func (d postgresSearch) writeDocs(ctx context.Context, tx *sql.Tx, docs []*searchDoc) error {
	return insertDocRows(ctx, tx, docs, d.maxParams(), func(args *sqlArgs, d *searchDoc) (string, string) {
		return "tsv, names_tsv", args.add(tsvector(d.names, d.body, d.tags)) + "::tsvector, " + args.add(tsvector(d.names)) + "::tsvector"
	})
}

func (d postgresSearch) deleteDocs(ctx context.Context, tx *sql.Tx, ids []int64) error {
	return deleteDocRows(ctx, tx, "search_docs", "doc_id", ids, d.maxParams())
}

// lock takes a table lock that conflicts with every write to the index (and with
// itself) but not with reads.
func (postgresSearch) lock(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `LOCK TABLE search_docs, search_terms, search_term_keys IN SHARE ROW EXCLUSIVE MODE`)
	return err
}

func (postgresSearch) clear(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`DELETE FROM search_docs`, `DELETE FROM search_term_keys`, `DELETE FROM search_terms`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// optimize refreshes the planner's statistics, which a bulk load leaves stale.
func (postgresSearch) optimize(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `ANALYZE search_docs, search_terms, search_term_keys`)
	return err
}
