package db_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
)

// The two engines have their own migration files, written side by side. These tests read
// back what each engine holds once migrated, describe it in words both share (a common
// vocabulary of column types, foreign-key actions and so on) and check that the two
// descriptions agree, but for the differences listed in engineDifferences.

// schema is what a migrated database holds: its tables, and SQLite's FTS5 tables apart.
type schema struct {
	tables   map[string]*table
	fts      []string // SQLite virtual tables
	triggers []string // "before update on audit_log"
}

type table struct {
	columns     map[string]column
	primaryKey  []string
	indexes     []index // but the primary key's
	foreignKeys []foreignKey
	checks      int // CHECK constraints
}

type column struct {
	typ       string // in the common vocabulary: see commonType
	notNull   bool
	def       string // the default, normalised; "" for none
	generated bool   // the database numbers it when an insert leaves it out
}

type index struct {
	columns []string // "<expression>" for one that is not a column
	unique  bool
	partial bool
}

type foreignKey struct {
	columns    []string
	refTable   string
	refColumns []string // empty until resolved to the referenced table's primary key
	onDelete   string
	onUpdate   string
}

// lines describes s one fact a line, the same way for both engines, sorted.
func (s *schema) lines() []string {
	var out []string
	for name, t := range s.tables {
		out = append(out, "table "+name)
		for cname, c := range t.columns {
			l := fmt.Sprintf("column %s.%s %s", name, cname, c.typ)
			if c.notNull {
				l += " not null"
			}
			if c.def != "" {
				l += " default " + c.def
			}
			if c.generated {
				l += " generated"
			}
			out = append(out, l)
		}
		if len(t.primaryKey) > 0 {
			out = append(out, fmt.Sprintf("primary key %s (%s)", name, strings.Join(t.primaryKey, ", ")))
		}
		for _, ix := range t.indexes {
			l := fmt.Sprintf("index %s (%s)", name, strings.Join(ix.columns, ", "))
			if ix.unique {
				l = "unique " + l
			}
			if ix.partial {
				l += " partial"
			}
			out = append(out, l)
		}
		for _, fk := range t.foreignKeys {
			out = append(out, fmt.Sprintf("foreign key %s (%s) references %s (%s) on delete %s on update %s",
				name, strings.Join(fk.columns, ", "), fk.refTable, strings.Join(fk.refColumns, ", "), fk.onDelete, fk.onUpdate))
		}
		if t.checks > 0 {
			out = append(out, fmt.Sprintf("check constraints %s: %d", name, t.checks))
		}
	}
	for _, v := range s.fts {
		out = append(out, "fts5 table "+v)
	}
	for _, tr := range s.triggers {
		out = append(out, "trigger "+tr)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// difference is a line of one engine's schema that the other engine does not have.
type difference struct {
	engine db.Engine // the engine that has the line
	line   string
	why    string
	// optional differences may be absent: the pg_trgm index exists only where the
	// extension could be created.
	optional bool
}

// engineDifferences are the known, intended differences between the engines' schemas.
// Every entry must still occur (but optional ones): when a migration removes a
// difference, its entry goes too.
var engineDifferences = []difference{
	// Full-text search: FTS5 on SQLite, tsvector columns and GIN indexes on PostgreSQL.
	{db.SQLite, "fts5 table search_fts", "SQLite searches documents' words with FTS5; PostgreSQL with search_docs.tsv and names_tsv", false},
	{db.SQLite, "fts5 table search_terms_trgm", "SQLite finds parts of words with an FTS5 trigram table; PostgreSQL with a pg_trgm index on search_terms", false},
	{db.SQLite, "trigger after insert on search_terms", "copies each new word into search_terms_trgm, which PostgreSQL does not have", false},
	{db.Postgres, "column search_docs.tsv tsvector not null", "PostgreSQL's full-text words of a document (FTS5's search_fts on SQLite)", false},
	{db.Postgres, "column search_docs.names_tsv tsvector not null", "PostgreSQL's full-text words of a record's names (FTS5's search_fts on SQLite)", false},
	{db.Postgres, "index search_docs (tsv)", "GIN index of search_docs.tsv", false},
	{db.Postgres, "index search_docs (names_tsv)", "GIN index of search_docs.names_tsv", false},
	{db.Postgres, "index search_terms (term)", "pg_trgm index for parts of words, made only when the extension is available", true},
	// search_terms: SQLite numbers the words so that search_terms_trgm can point at them by
	// rowid; PostgreSQL needs no number and keys them by the word itself.
	{db.SQLite, "column search_terms.id integer not null generated", "the rowid search_terms_trgm points at; PostgreSQL has no trigram table to point from", false},
	{db.SQLite, "primary key search_terms (id)", "see search_terms.id", false},
	{db.SQLite, "unique index search_terms (term)", "on PostgreSQL the word is the primary key", false},
	{db.Postgres, "primary key search_terms (term)", "on SQLite the word is unique and the rowid is the key", false},
	// Integer primary keys that the store always gives: on SQLite every INTEGER PRIMARY KEY
	// is the rowid and would be numbered if left out; it never is.
	{db.SQLite, "column search_docs.doc_id integer not null generated", "doc_id is computed from the record's id, never left to the database", false},
	{db.Postgres, "column search_docs.doc_id integer not null", "doc_id is computed from the record's id, never left to the database", false},
	{db.SQLite, "column calls.edition_id integer not null generated", "a call's key is its edition's id, always given", false},
	{db.Postgres, "column calls.edition_id integer not null", "a call's key is its edition's id, always given", false},
	{db.SQLite, "column venue_plans.edition_id integer not null generated", "a plan's key is its edition's id, always given", false},
	{db.Postgres, "column venue_plans.edition_id integer not null", "a plan's key is its edition's id, always given", false},
}

// nullableSQLiteKeys are text primary keys that SQLite would let be NULL: unless a column
// says NOT NULL, SQLite lets the primary key of an ordinary (rowid) table hold NULL, a flaw
// it keeps for compatibility, where PostgreSQL's primary keys are never null. The store
// always gives these keys a value. Saying NOT NULL on SQLite means rebuilding each table,
// and for regions and provinces, which other tables reference, with foreign keys off.
var nullableSQLiteKeys = []string{"import_uploads.id", "media.name", "provinces.code", "regions.code",
	"search_meta.name", "sessions.token_hash", "user_tokens.token_hash"}

func init() {
	for _, c := range nullableSQLiteKeys {
		why := "a text primary key that SQLite would let be NULL (see nullableSQLiteKeys)"
		engineDifferences = append(engineDifferences,
			difference{db.SQLite, "column " + c + " text", why, false},
			difference{db.Postgres, "column " + c + " text not null", why, false})
	}
}

// TestSQLiteSchema checks what SQLite holds once migrated on its own: every table the
// migrations create and no other, each with a primary key, and foreign keys that point at
// a key.
func TestSQLiteSchema(t *testing.T) {
	s := readSQLite(t, dbtest.SQLite(t).Pool())
	checkSchema(t, db.SQLite, s)
}

// TestPostgresSchemaMatchesSQLite is TestSQLiteSchema on PostgreSQL, followed by the
// comparison of the two engines. Without ASWAQ_TEST_POSTGRES there is no PostgreSQL to
// read: it says so and passes, the SQLite half having run in TestSQLiteSchema.
func TestPostgresSchemaMatchesSQLite(t *testing.T) {
	if dbtest.URL() == "" {
		t.Logf("%s is not set: PostgreSQL's schema is not compared with SQLite's", dbtest.Env)
		return
	}
	pg := readPostgres(t, dbtest.Postgres(t).Pool())
	checkSchema(t, db.Postgres, pg)
	lite := readSQLite(t, dbtest.SQLite(t).Pool())
	compareSchemas(t, lite.lines(), pg.lines())
}

// compareSchemas reports every line one engine has and the other has not, unless it is a
// listed difference, and every listed difference that no longer occurs.
func compareSchemas(t *testing.T, lite, pg []string) {
	t.Helper()
	only := map[db.Engine][]string{
		db.SQLite:   without(lite, pg),
		db.Postgres: without(pg, lite),
	}
	allowed := map[db.Engine]map[string]bool{db.SQLite: {}, db.Postgres: {}}
	for _, d := range engineDifferences {
		allowed[d.engine][d.line] = true
		if !d.optional && !slices.Contains(only[d.engine], d.line) {
			t.Errorf("listed difference no longer found: only %s has %q (%s); remove it from engineDifferences", d.engine, d.line, d.why)
		}
	}
	for _, e := range []db.Engine{db.SQLite, db.Postgres} {
		for _, l := range only[e] {
			if !allowed[e][l] {
				t.Errorf("only %s has: %s", e, l)
			}
		}
	}
}

// without returns the lines of a that b lacks.
func without(a, b []string) []string {
	var out []string
	for _, l := range a {
		if _, found := slices.BinarySearch(b, l); !found {
			out = append(out, l)
		}
	}
	return out
}

// checkSchema checks one engine's schema on its own.
func checkSchema(t *testing.T, engine db.Engine, s *schema) {
	t.Helper()
	if len(s.tables) < 10 {
		t.Fatalf("%s: read only %d tables: the reading is broken", engine, len(s.tables))
	}
	var have []string
	for name, tb := range s.tables {
		have = append(have, name)
		if len(tb.primaryKey) == 0 {
			t.Errorf("%s: table %s has no primary key", engine, name)
		}
		for _, fk := range tb.foreignKeys {
			ref, ok := s.tables[fk.refTable]
			switch {
			case !ok:
				t.Errorf("%s: %s (%s) references a table %s that does not exist", engine, name, strings.Join(fk.columns, ", "), fk.refTable)
			case !ref.isKey(fk.refColumns):
				// SQLite accepts this when the table is made and fails at the first write
				// ("foreign key mismatch"); PostgreSQL refuses it at once.
				t.Errorf("%s: %s (%s) references %s (%s), which is neither its primary key nor unique", engine, name,
					strings.Join(fk.columns, ", "), fk.refTable, strings.Join(fk.refColumns, ", "))
			}
		}
	}
	have = append(have, s.fts...)
	slices.Sort(have)
	want := migratedTables(t, engine)
	if !slices.Equal(have, want) {
		t.Errorf("%s: the database has tables\n  %v\nbut its migration files create\n  %v", engine, have, want)
	}
}

// isKey reports whether cols are t's primary key or a unique index's columns (in any order).
func (t *table) isKey(cols []string) bool {
	same := func(a []string) bool {
		return len(a) == len(cols) && !slices.ContainsFunc(cols, func(c string) bool { return !slices.Contains(a, c) })
	}
	if same(t.primaryKey) {
		return true
	}
	return slices.ContainsFunc(t.indexes, func(ix index) bool { return ix.unique && !ix.partial && same(ix.columns) })
}

var (
	createTable = regexp.MustCompile(`(?i)^\s*CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)`)
	dropTable   = regexp.MustCompile(`(?i)^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?"?(\w+)`)
	renameTable = regexp.MustCompile(`(?i)^\s*ALTER\s+TABLE\s+"?(\w+)"?\s+RENAME\s+TO\s+"?(\w+)`)
)

// migratedTables reads an engine's migration files, in order, for the tables their Up
// sections create, drop and rename, and returns those left, sorted.
func migratedTables(t *testing.T, engine db.Engine) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("migrations", string(engine), "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no migration files for %s: %v", engine, err)
	}
	slices.Sort(files)
	tables := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		up := true
		for _, line := range strings.Split(string(src), "\n") {
			switch {
			case strings.HasPrefix(line, "-- +goose Up"):
				up = true
			case strings.HasPrefix(line, "-- +goose Down"):
				up = false
			case !up:
			case createTable.MatchString(line):
				tables[createTable.FindStringSubmatch(line)[1]] = true
			case dropTable.MatchString(line):
				delete(tables, dropTable.FindStringSubmatch(line)[1])
			case renameTable.MatchString(line):
				m := renameTable.FindStringSubmatch(line)
				delete(tables, m[1])
				tables[m[2]] = true
			}
		}
	}
	var out []string
	for name := range tables {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// ownTable tells the tables that are the schema's own: not the engine's, nor goose's
// record of the migrations applied (whose columns goose, not us, declares per engine).
func ownTable(name string) bool {
	return !strings.HasPrefix(name, "sqlite_") && name != "goose_db_version"
}

// commonType maps a type as SQLite declares it or as PostgreSQL names it (udt_name) to the
// vocabulary both share. An unknown type is kept as it is, so it shows as a difference.
func commonType(typ string) string {
	typ = strings.ToLower(strings.TrimSpace(typ))
	base, _, _ := strings.Cut(typ, "(")
	switch strings.TrimSpace(base) {
	case "integer", "int", "bigint", "smallint", "int2", "int4", "int8":
		return "integer"
	case "text", "varchar", "character varying", "char", "character", "bpchar", "clob":
		return "text"
	case "real", "double", "double precision", "float", "float4", "float8", "numeric", "decimal":
		return "real/numeric"
	case "boolean", "bool":
		return "boolean"
	case "date":
		return "date"
	case "timestamp", "timestamptz", "datetime":
		return "timestamp"
	case "blob", "bytea":
		return "blob/bytea"
	case "json", "jsonb":
		return "json"
	}
	return typ
}

// pgCast is a cast PostgreSQL writes into defaults, as in 'validated'::text.
var pgCast = regexp.MustCompile(`::[a-z ]+(\[\])?`)

// commonDefault writes a default expression the same way for both engines.
func commonDefault(def sql.NullString) string {
	if !def.Valid {
		return ""
	}
	d := pgCast.ReplaceAllString(strings.TrimSpace(def.String), "")
	for strings.HasPrefix(d, "(") && strings.HasSuffix(d, ")") {
		d = strings.TrimSpace(d[1 : len(d)-1])
	}
	if !strings.HasPrefix(d, "'") {
		d = strings.ToLower(d) // keywords and numbers; text is kept as written
	}
	return d
}

// query runs q and calls scan for each row.
func query(t *testing.T, conn *sql.DB, scan func(*sql.Rows) error, q string, args ...any) {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// sqlComment is a "--" comment in SQL text.
var sqlComment = regexp.MustCompile(`--[^\n]*`)

// checkKeyword counts the CHECK constraints in a table's SQL.
var checkKeyword = regexp.MustCompile(`(?i)\bCHECK\s*\(`)

// sqliteTrigger reads a trigger's timing, event and table from its SQL.
var sqliteTrigger = regexp.MustCompile(`(?is)^\s*CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+(BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)(?:\s+OF\s+[\w\s,]+?)?\s+ON\s+"?(\w+)`)

// readSQLite reads the schema through sqlite_master and the table-valued pragmas.
func readSQLite(t *testing.T, conn *sql.DB) *schema {
	t.Helper()
	s := &schema{tables: map[string]*table{}}
	withoutRowID := map[string]bool{}
	query(t, conn, func(r *sql.Rows) error {
		var name, typ string
		var wr bool
		if err := r.Scan(&name, &typ, &wr); err != nil {
			return err
		}
		switch {
		case !ownTable(name), typ == "shadow": // FTS5's own storage, behind a virtual table
		case typ == "virtual":
			s.fts = append(s.fts, name)
		case typ == "table":
			s.tables[name] = &table{columns: map[string]column{}}
			withoutRowID[name] = wr
		}
		return nil
	}, `SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'`)

	for name, tb := range s.tables {
		type pkCol struct {
			name string
			pos  int
		}
		var pk []pkCol
		types := map[string]string{}
		query(t, conn, func(r *sql.Rows) error {
			var col, typ string
			var notNull bool
			var def sql.NullString
			var pkPos int
			if err := r.Scan(&col, &typ, &notNull, &def, &pkPos); err != nil {
				return err
			}
			tb.columns[col] = column{typ: commonType(typ), notNull: notNull, def: commonDefault(def)}
			types[col] = strings.ToUpper(typ)
			if pkPos > 0 {
				pk = append(pk, pkCol{col, pkPos})
			}
			return nil
		}, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`, name)
		slices.SortFunc(pk, func(a, b pkCol) int { return a.pos - b.pos })
		for _, c := range pk {
			tb.primaryKey = append(tb.primaryKey, c.name)
		}
		// A primary key column is never null in effect: an INTEGER PRIMARY KEY is the rowid
		// (numbered when left out), and WITHOUT ROWID tables refuse nulls in their key.
		// (Other tables' keys would take NULL, a flaw SQLite keeps for compatibility: that
		// shows as a difference unless the column says NOT NULL.)
		rowidAlias := !withoutRowID[name] && len(pk) == 1 && types[pk[0].name] == "INTEGER"
		for _, c := range pk {
			col := tb.columns[c.name]
			if rowidAlias || withoutRowID[name] {
				col.notNull = true
			}
			col.generated = rowidAlias
			tb.columns[c.name] = col
		}

		var indexes []struct {
			name    string
			unique  bool
			partial bool
		}
		query(t, conn, func(r *sql.Rows) error {
			var ix struct {
				name    string
				unique  bool
				partial bool
			}
			var origin string
			if err := r.Scan(&ix.name, &ix.unique, &origin, &ix.partial); err != nil {
				return err
			}
			if origin != "pk" { // the primary key's own index is the primary key
				indexes = append(indexes, ix)
			}
			return nil
		}, `SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, name)
		for _, ix := range indexes {
			var cols []string
			query(t, conn, func(r *sql.Rows) error {
				var col sql.NullString
				if err := r.Scan(&col); err != nil {
					return err
				}
				if !col.Valid {
					col.String = "<expression>"
				}
				cols = append(cols, col.String)
				return nil
			}, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, ix.name)
			tb.indexes = append(tb.indexes, index{columns: cols, unique: ix.unique, partial: ix.partial})
		}

		fks := map[int]*foreignKey{}
		var order []int
		query(t, conn, func(r *sql.Rows) error {
			var id int
			var ref, from, onUpdate, onDelete string
			var to sql.NullString
			if err := r.Scan(&id, &ref, &from, &to, &onUpdate, &onDelete); err != nil {
				return err
			}
			fk := fks[id]
			if fk == nil {
				fk = &foreignKey{refTable: ref, onDelete: strings.ToLower(onDelete), onUpdate: strings.ToLower(onUpdate)}
				fks[id] = fk
				order = append(order, id)
			}
			fk.columns = append(fk.columns, from)
			if to.Valid {
				fk.refColumns = append(fk.refColumns, to.String)
			}
			return nil
		}, `SELECT id, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, name)
		for _, id := range order {
			tb.foreignKeys = append(tb.foreignKeys, *fks[id])
		}

		var create string
		if err := conn.QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&create); err != nil {
			t.Fatal(err)
		}
		tb.checks = len(checkKeyword.FindAllString(sqlComment.ReplaceAllString(create, ""), -1))
	}
	// "REFERENCES users" without columns means users' primary key.
	for _, tb := range s.tables {
		for i, fk := range tb.foreignKeys {
			if len(fk.refColumns) == 0 && s.tables[fk.refTable] != nil {
				tb.foreignKeys[i].refColumns = s.tables[fk.refTable].primaryKey
			}
		}
	}

	query(t, conn, func(r *sql.Rows) error {
		var create string
		if err := r.Scan(&create); err != nil {
			return err
		}
		m := sqliteTrigger.FindStringSubmatch(sqlComment.ReplaceAllString(create, ""))
		if m == nil {
			return fmt.Errorf("cannot read trigger %q", create)
		}
		timing := strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
		s.triggers = append(s.triggers, fmt.Sprintf("%s %s on %s", timing, strings.ToLower(m[2]), m[3]))
		return nil
	}, `SELECT sql FROM sqlite_master WHERE type = 'trigger'`)
	return s
}

// pgAction names a foreign key's action from pg_constraint's code.
var pgAction = map[string]string{"a": "no action", "r": "restrict", "c": "cascade", "n": "set null", "d": "set default"}

// readPostgres reads the schema of the connection's schema (the store's search_path, one
// per test) through information_schema and pg_catalog.
func readPostgres(t *testing.T, conn *sql.DB) *schema {
	t.Helper()
	s := &schema{tables: map[string]*table{}}
	query(t, conn, func(r *sql.Rows) error {
		var name string
		if err := r.Scan(&name); err != nil {
			return err
		}
		if ownTable(name) {
			s.tables[name] = &table{columns: map[string]column{}}
		}
		return nil
	}, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)

	query(t, conn, func(r *sql.Rows) error {
		var tname, col, udt, nullable, identity string
		var def sql.NullString
		if err := r.Scan(&tname, &col, &udt, &nullable, &def, &identity); err != nil {
			return err
		}
		tb := s.tables[tname]
		if tb == nil {
			return nil
		}
		c := column{typ: commonType(udt), notNull: nullable == "NO", generated: identity == "YES"}
		if def.Valid && strings.HasPrefix(def.String, "nextval(") { // serial
			c.generated = true
		} else {
			c.def = commonDefault(def)
		}
		tb.columns[col] = c
		return nil
	}, `SELECT table_name, column_name, udt_name, is_nullable, column_default, is_identity
		FROM information_schema.columns WHERE table_schema = current_schema()`)

	query(t, conn, func(r *sql.Rows) error {
		var tname, cols string
		var unique, primary, partial bool
		if err := r.Scan(&tname, &cols, &unique, &primary, &partial); err != nil {
			return err
		}
		tb := s.tables[tname]
		switch {
		case tb == nil:
		case primary:
			tb.primaryKey = strings.Split(cols, ",")
		default:
			tb.indexes = append(tb.indexes, index{columns: strings.Split(cols, ","), unique: unique, partial: partial})
		}
		return nil
	}, `SELECT t.relname,
			array_to_string(ARRAY(
				SELECT COALESCE(a.attname::text, '<expression>')
				FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
				LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
				WHERE k.ord <= ix.indnkeyatts
				ORDER BY k.ord), ','),
			ix.indisunique, ix.indisprimary, ix.indpred IS NOT NULL
		FROM pg_index ix
		JOIN pg_class t ON t.oid = ix.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema()`)

	query(t, conn, func(r *sql.Rows) error {
		var tname, ref, cols, refCols, onDelete, onUpdate string
		if err := r.Scan(&tname, &ref, &cols, &refCols, &onDelete, &onUpdate); err != nil {
			return err
		}
		if tb := s.tables[tname]; tb != nil {
			tb.foreignKeys = append(tb.foreignKeys, foreignKey{columns: strings.Split(cols, ","), refTable: ref,
				refColumns: strings.Split(refCols, ","), onDelete: pgAction[onDelete], onUpdate: pgAction[onUpdate]})
		}
		return nil
	}, `SELECT t.relname, rt.relname,
			array_to_string(ARRAY(
				SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
				JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ','),
			array_to_string(ARRAY(
				SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
				JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord), ','),
			con.confdeltype::text, con.confupdtype::text
		FROM pg_constraint con
		JOIN pg_class t ON t.oid = con.conrelid
		JOIN pg_class rt ON rt.oid = con.confrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE con.contype = 'f' AND n.nspname = current_schema()`)

	query(t, conn, func(r *sql.Rows) error {
		var tname string
		var n int
		if err := r.Scan(&tname, &n); err != nil {
			return err
		}
		if tb := s.tables[tname]; tb != nil {
			tb.checks = n
		}
		return nil
	}, `SELECT t.relname, count(*)
		FROM pg_constraint con
		JOIN pg_class t ON t.oid = con.conrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE con.contype = 'c' AND n.nspname = current_schema()
		GROUP BY t.relname`)

	query(t, conn, func(r *sql.Rows) error {
		var tname, timing, event string
		if err := r.Scan(&tname, &timing, &event); err != nil {
			return err
		}
		s.triggers = append(s.triggers, fmt.Sprintf("%s %s on %s", strings.ToLower(timing), strings.ToLower(event), tname))
		return nil
	}, `SELECT event_object_table, action_timing, event_manipulation
		FROM information_schema.triggers WHERE trigger_schema = current_schema()`)
	return s
}
