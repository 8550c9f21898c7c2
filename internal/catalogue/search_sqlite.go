package catalogue

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aswaq/aswaq/internal/platform/db"
)

// sqliteSearch is full-text search on SQLite: an FTS5 table (search_fts: columns names,
// body and tags; rowid = doc_id) queried with MATCH, and an FTS5 trigram table over the
// vocabulary. A set is one MATCH expression: FTS5 intersects, unites and subtracts the
// word lists itself, and streams them in rowid order, so counting stops at its limit and
// a page in document order reads no more rows than it shows.
type sqliteSearch struct{}

// begin runs a search on the pool: a transaction would take the write lock (the store
// opens SQLite transactions IMMEDIATE), and WAL readers need none.
func (sqliteSearch) begin(_ context.Context, db *sql.DB) (db.Querier, func(), error) {
	return db, func() {}, nil
}

// ftsWord quotes a word as an FTS5 string: whatever it holds is then a word to look for,
// never query syntax (AND, NEAR, *, :, parentheses…).
func ftsWord(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }

// fts is FTS5's query language.
var fts = querySyntax{and: " AND ", or: " OR ", word: ftsWord, prefix: func(w string) string { return ftsWord(w) + "*" }}

// ftsNot is a without b; FTS5's NOT is binary.
func ftsNot(a, b string) string {
	if b == "" {
		return a
	}
	return "(" + a + ") NOT (" + b + ")"
}

// expr writes the FTS5 query selecting set.
func (sqliteSearch) expr(set matchSet) string {
	words := ""
	if len(set.words) > 0 {
		words = fts.words(set.words, set.level)
	}
	tags := fts.tags(set.tags)
	better := ""
	if set.level > levelExact {
		better = fts.words(set.words, set.level-1)
	}
	names := "{names} : (" + words + ")"
	switch set.part {
	case partNames:
		return ftsNot(fts.all(names, tags), better)
	case partBody:
		if better != "" {
			names = "(" + better + ") OR (" + names + ")"
		}
		return ftsNot(fts.all(words, tags), names)
	}
	return fts.all(words, tags)
}

func (d sqliteSearch) cond(set matchSet, args *sqlArgs, firstN int) string {
	q := "SELECT rowid FROM search_fts WHERE search_fts MATCH " + args.add(d.expr(set))
	if firstN > 0 {
		q += " ORDER BY rowid LIMIT " + args.add(firstN)
	}
	return "d.doc_id IN (" + q + ")"
}

// count reads the full-text index alone: filters are in it as tags.
func (d sqliteSearch) count(set matchSet, args *sqlArgs, upTo string) string {
	return "SELECT COUNT(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH " + args.add(d.expr(set)) + " LIMIT " + upTo + ")"
}

func (sqliteSearch) infixQuery() string {
	return `SELECT term FROM search_terms_trgm WHERE search_terms_trgm MATCH $1 ORDER BY length(term), term LIMIT $2`
}

func (sqliteSearch) infixArg(word string) string { return ftsWord(word) }

func (sqliteSearch) maxParams() int { return 300 }

// writeDocs inserts each batch of documents with one statement per table, the rows
// passed as one JSON array: numbered parameters cost SQLite a list lookup each (a
// statement of 10,000 costs more than its rows), and FTS5 writes its pending words to
// disk at the end of every statement, so fewer, larger statements build a compact index.
func (d sqliteSearch) writeDocs(ctx context.Context, tx *sql.Tx, docs []*searchDoc) error {
	const batch = 2000
	for len(docs) > 0 {
		n := min(len(docs), batch)
		rows := make([][]any, n)
		words := make([][4]any, n)
		for i, doc := range docs[:n] {
			rows[i] = docValues(doc)
			words[i] = [4]any{doc.docID, strings.Join(doc.names, " "), strings.Join(doc.body, " "), strings.Join(doc.tags, " ")}
		}
		docs = docs[n:]
		for _, ins := range []struct {
			sql  string
			rows any
		}{{sqliteDocsFromJSON, rows}, {`INSERT INTO search_fts (rowid, names, body, tags)
			SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM json_each($1) j`, words}} {
			b, err := json.Marshal(ins.rows)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, ins.sql, string(b)); err != nil {
				return err
			}
		}
	}
	return nil
}

// sqliteDocsFromJSON inserts rows of docValues given as a JSON array.
var sqliteDocsFromJSON = func() string {
	cols := strings.Split(docColumns, ",")
	vals := make([]string, len(cols))
	for i := range cols {
		vals[i] = fmt.Sprintf("j.value ->> %d", i)
	}
	return `INSERT INTO search_docs (` + docColumns + `) SELECT ` + strings.Join(vals, ", ") + ` FROM json_each($1) j`
}()

func (d sqliteSearch) deleteDocs(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if err := deleteDocRows(ctx, tx, "search_fts", "rowid", ids, d.maxParams()); err != nil {
		return err
	}
	return deleteDocRows(ctx, tx, "search_docs", "doc_id", ids, d.maxParams())
}

// lock has nothing to do: writes on SQLite take the database's write lock at BEGIN.
func (sqliteSearch) lock(context.Context, *sql.Tx) error { return nil }

// clear also gives the connection a page cache large enough for the rebuild (64 MB
// rather than 2 MB): with less, SQLite writes pages out and reads them back all along.
func (sqliteSearch) clear(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`PRAGMA cache_size = -65536`,
		`DELETE FROM search_docs`,
		`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`,
		`DELETE FROM search_term_keys`,
		`DELETE FROM search_terms`,
		`DELETE FROM search_terms_trgm`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// optimize merges the FTS5 segments a bulk load leaves, which makes queries faster.
func (sqliteSearch) optimize(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`INSERT INTO search_fts (search_fts) VALUES ('optimize')`,
		`INSERT INTO search_terms_trgm (search_terms_trgm) VALUES ('optimize')`,
		`ANALYZE search_docs`,
		`PRAGMA cache_size = -2000`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
