// Command searchbench measures search on a registry of national size: it generates N
// organisations and M products with realistic Arabic and French names, loads them into a
// new SQLite file and, when given a server, a new PostgreSQL schema, builds the search
// index, then runs a fixed mix of queries (exact names, spelling variants, partial words,
// misspellings, French, filters, browsing) and prints the latency percentiles per engine.
//
//	go run ./bench/searchbench
//	go run ./bench/searchbench -pg postgres://postgres@127.0.0.1:5432/aswaq_dev -orgs 60000 -products 300000
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/aswaq/aswaq/bench/internal/benchdb"

	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/textfold"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	orgs := flag.Int("orgs", 60000, "organisations to generate")
	products := flag.Int("products", 300000, "products to generate")
	pg := flag.String("pg", "", "PostgreSQL server URL; a new schema is created there (and dropped unless -keep)")
	sqlitePath := flag.String("sqlite", "", "SQLite file to create (default: in a temporary folder); \"-\" skips SQLite")
	runs := flag.Int("runs", 20, "times each query of the mix is run per engine")
	seed := flag.Uint64("seed", 1, "random seed of the generated registry")
	keep := flag.Bool("keep", false, "keep the databases")
	verbose := flag.Bool("v", false, "print each query's latency and hit count")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ctx := context.Background()

	labels, err := catalogLabels()
	if err != nil {
		return err
	}
	if *sqlitePath != "-" {
		path := *sqlitePath
		if path == "" {
			dir, err := os.MkdirTemp("", "searchbench")
			if err != nil {
				return err
			}
			if !*keep {
				defer os.RemoveAll(dir)
			}
			path = filepath.Join(dir, "aswaq.db")
		}
		raw := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
		if err := bench(ctx, "SQLite", path, "sqlite", raw, labels, *orgs, *products, *runs, *seed, *verbose); err != nil {
			return err
		}
		if st, err := os.Stat(path); err == nil {
			fmt.Printf("SQLite file: %s, %.0f MB\n\n", path, float64(st.Size())/1e6)
		}
	}
	if *pg != "" {
		dsn, drop, err := benchdb.Schema(ctx, *pg, "searchbench")
		if err != nil {
			return err
		}
		if !*keep {
			defer drop()
		}
		if err := bench(ctx, "PostgreSQL", dsn, "pgx", dsn, labels, *orgs, *products, *runs, *seed, *verbose); err != nil {
			return err
		}
		fmt.Printf("PostgreSQL database: %s\n", dsn)
	}
	return nil
}

// catalogLabels gives search the labels of the i18n catalogs, as the server does.
func catalogLabels() (catalogue.SearchLabels, error) {
	b, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	prefix := map[string]string{catalogue.LabelCategory: "taxonomy.category.", catalogue.LabelSector: "taxonomy.sector.", catalogue.LabelLegalForm: "org.legal_form."}
	return func(kind, code string) []string {
		var out []string
		for _, l := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
			if z := b.For(l); z.Has(prefix[kind] + code) {
				out = append(out, z.T(prefix[kind]+code))
			}
		}
		return out
	}, nil
}

func bench(ctx context.Context, engine, dsn, driver, rawDSN string, labels catalogue.SearchLabels, nOrgs, nProducts, runs int, seed uint64, verbose bool) error {
	s, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	s.Catalogue().SetSearchLabels(labels)
	raw, err := sql.Open(driver, rawDSN)
	if err != nil {
		return err
	}
	defer raw.Close()

	fmt.Printf("== %s: %d organisations, %d products\n", engine, nOrgs, nProducts)
	start := time.Now()
	if err := load(ctx, raw, driver == "pgx", nOrgs, nProducts, seed); err != nil {
		return fmt.Errorf("loading: %w", err)
	}
	loaded := time.Since(start)
	start = time.Now()
	if err := s.Catalogue().Reindex(ctx); err != nil {
		return fmt.Errorf("indexing: %w", err)
	}
	indexed := time.Since(start)
	fmt.Printf("load (batched inserts): %v; Reindex: %v\n", loaded.Round(time.Millisecond), indexed.Round(time.Millisecond))
	if driver == "pgx" {
		raw.ExecContext(ctx, `VACUUM ANALYZE search_docs`) // what autovacuum does soon after a bulk load
	}

	// One warm-up pass, then runs passes in a shuffled order.
	hits := make([]int, len(queries))
	for i, q := range queries {
		res, err := s.Catalogue().Search(ctx, q.q)
		if err != nil {
			return fmt.Errorf("%s: %w", q.name, err)
		}
		hits[i] = res.Total
	}
	r := mrand.New(mrand.NewPCG(seed, 2))
	per := make([][]time.Duration, len(queries))
	var all []time.Duration
	order := make([]int, len(queries))
	for i := range order {
		order[i] = i
	}
	for range runs {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			t0 := time.Now()
			if _, err := s.Catalogue().Search(ctx, queries[i].q); err != nil {
				return err
			}
			d := time.Since(t0)
			per[i] = append(per[i], d)
			all = append(all, d)
		}
	}
	fmt.Printf("search latency over %d searches: p50 %v  p95 %v  p99 %v  max %v\n", len(all),
		pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100))
	if verbose {
		w := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "query\thits\tp50\tp95\t")
		for i, q := range queries {
			fmt.Fprintf(w, "%s\t%d\t%v\t%v\t\n", q.name, hits[i], pct(per[i], 50), pct(per[i], 95))
		}
		w.Flush()
	}
	fmt.Println()
	return nil
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p+99)/100 - 1
	return s[max(i, 0)].Round(10 * time.Microsecond)
}

// load writes the generated registry with batched multi-row inserts in one transaction,
// straight into the tables (the store's one-record-at-a-time writes, with their audit
// entries and index updates, are for people, not for loading 360,000 rows).
func load(ctx context.Context, db *sql.DB, postgres bool, nOrgs, nProducts int, seed uint64) error {
	if err := loadProvinces(ctx, db); err != nil {
		return err
	}
	maxParams := benchdb.MaxParams(postgres)
	r := mrand.New(mrand.NewPCG(seed, 1))
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now().UTC().Truncate(time.Microsecond)
	orgs := make([]orgRecord, nOrgs)
	var rows, cats [][]any
	for i := range orgs {
		o := genOrganisation(r, int64(i+1))
		orgs[i] = o
		status := "validated"
		if r.IntN(10) == 0 {
			status = "pending"
		}
		rows = append(rows, []any{o.id, o.legalForm, o.nameAR, o.nameFR, o.province, o.sector, o.womenLed, o.youthLed,
			o.ice, o.register, status, textfold.Fold(o.nameAR), now, now})
		for _, c := range o.categories {
			cats = append(cats, []any{o.id, c})
		}
	}
	if err := benchdb.Insert(ctx, tx, `organisations (id, legal_form, name_ar, name_fr, province_code, sector, women_led, youth_led,
		ice, register_number, status, name_key, created_at, updated_at)`, rows, maxParams); err != nil {
		return err
	}
	if err := benchdb.Insert(ctx, tx, `organisation_categories (organisation_id, category)`, cats, maxParams); err != nil {
		return err
	}
	rows = rows[:0]
	for i := range nProducts {
		p := genProduct(r, &orgs[r.IntN(len(orgs))])
		rows = append(rows, []any{int64(i + 1), p.orgID, p.nameAR, p.nameFR, p.category, nullPrice(p.priceMin), nullPrice(p.priceMax),
			p.unit, p.available, now, now})
		if len(rows) == 20000 {
			if err := benchdb.Insert(ctx, tx, `products (id, organisation_id, name_ar, name_fr, category, price_min, price_max, unit, available, created_at, updated_at)`, rows, maxParams); err != nil {
				return err
			}
			rows = rows[:0]
		}
	}
	if err := benchdb.Insert(ctx, tx, `products (id, organisation_id, name_ar, name_fr, category, price_min, price_max, unit, available, created_at, updated_at)`, rows, maxParams); err != nil {
		return err
	}
	if postgres {
		// Explicit ids leave the identity sequences behind.
		for _, t := range []string{"organisations", "products"} {
			if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), (SELECT COALESCE(max(id), 1) FROM `+t+`))`); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

func nullPrice(c int64) sql.NullInt64 { return sql.NullInt64{Int64: c, Valid: c != 0} }

func loadProvinces(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT code FROM provinces ORDER BY code`)
	if err != nil {
		return err
	}
	defer rows.Close()
	provinces = provinces[:0]
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return err
		}
		provinces = append(provinces, c)
	}
	return rows.Err()
}
