// Command reviewbench measures how long an organiser waits for the review list of a large
// edition: it creates an edition of Fès-Meknès with a call and N submitted applications
// (generated organisations across the region's provinces, loaded with batched inserts),
// gives each to two of three reviewers, signs an organiser in, then times the list page
// through the real handler (session, authorization, queries, counts, scores, template):
// the first page, and the first page filtered by province and sector.
//
//	go run ./bench/reviewbench
//	go run ./bench/reviewbench -pg postgres://postgres@127.0.0.1:5432/aswaq_dev -n 5000
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aswaq/aswaq/bench/internal/benchdb"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/password"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/textfold"
	"github.com/aswaq/aswaq/internal/web"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	n := flag.Int("n", 5000, "applications to generate")
	pg := flag.String("pg", os.Getenv("ASWAQ_TEST_POSTGRES"), "PostgreSQL server URL; a new schema is created there and dropped")
	runs := flag.Int("runs", 50, "requests per page")
	flag.Parse()
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "reviewbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "aswaq.db")
	raw := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)"
	if err := bench(ctx, "SQLite", path, "sqlite", raw, *n, *runs); err != nil {
		return err
	}
	if *pg != "" {
		dsn, drop, err := benchdb.Schema(ctx, *pg, "reviewbench")
		if err != nil {
			return err
		}
		defer drop()
		if err := bench(ctx, "PostgreSQL", dsn, "pgx", dsn, *n, *runs); err != nil {
			return err
		}
	}
	return nil
}

func bench(ctx context.Context, engine, dsn, driver, rawDSN string, n, runs int) error {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	db, err := sql.Open(driver, rawDSN)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Printf("== %s: %d applications\n", engine, n)
	start := time.Now()
	editionID, err := setUp(ctx, st, db, n, driver == "pgx")
	if err != nil {
		return err
	}
	fmt.Printf("set-up: %v\n", time.Since(start).Round(time.Millisecond))
	if driver == "pgx" {
		db.ExecContext(ctx, `ANALYZE`) // what autovacuum does soon after a bulk load
	}
	bundle, err := i18n.Load()
	if err != nil {
		return err
	}
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle, PageCacheTTL: -1,
		LoginLimits: &web.LoginLimits{PerAccount: 1000, PerAccountBurst: 1000, PerAddress: 1000, PerAddressBurst: 1000}})
	if err != nil {
		return err
	}
	cookie, err := signIn(srv)
	if err != nil {
		return err
	}
	list := "/fr/admin/editions/" + fmt.Sprint(editionID) + "/applications"
	for _, page := range []struct{ name, target string }{
		{"first page", list},
		{"province + sector", list + "?province=451&sector=handicraft"},
		{"page 40", list + "?page=40"},
	} {
		var times []time.Duration
		for i := range runs + 3 {
			req := httptest.NewRequest("GET", page.target, nil)
			req.AddCookie(cookie)
			rec := httptest.NewRecorder()
			t0 := time.Now()
			srv.ServeHTTP(rec, req)
			d := time.Since(t0)
			if rec.Code != http.StatusOK {
				return fmt.Errorf("%s: status %d", page.name, rec.Code)
			}
			if i >= 3 { // warm-up
				times = append(times, d)
			}
		}
		slices.Sort(times)
		fmt.Printf("%-18s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", page.name,
			ms(times[len(times)/2]), ms(times[len(times)*95/100]), ms(times[len(times)-1]))
	}
	fmt.Println()
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

var regionProvinces = []string{"231", "061", "171", "271", "591", "451", "131", "531", "561"}

// setUp creates the edition, its call, the organiser and three reviewers through the
// store, then the organisations and applications with batched inserts, and assigns
// reviewers through the store.
func setUp(ctx context.Context, st *store.Store, db *sql.DB, n int, postgres bool) (int64, error) {
	e := fair.Edition{Kind: fair.RegionalFair, RegionCode: "03", ProvinceCode: "231", City: mltext.Text{AR: "فاس", FR: "Fès"},
		Title: mltext.Text{AR: "المعرض الجهوي", FR: "Salon régional"}, StartsOn: civil.MustNew(2027, 10, 1), EndsOn: civil.MustNew(2027, 10, 10)}
	if err := st.Editions().CreateEdition(ctx, &e); err != nil {
		return 0, err
	}
	c := call.Call{EditionID: e.ID, OpensAt: time.Now().Add(-48 * time.Hour), ClosesAt: time.Now().Add(-time.Hour),
		Criteria: []call.Criterion{{Code: "quality", Label: mltext.Text{FR: "Qualité"}, Weight: 60, Source: call.ByReviewers, Max: 20},
			{Code: "women", Weight: 40, Source: call.Computed, Rule: call.WomenLed}}}
	if err := st.Editions().SaveCall(ctx, &c); err != nil {
		return 0, err
	}
	hash, err := password.Hash("reviewbench password", password.Default)
	if err != nil {
		return 0, err
	}
	u := account.User{Name: "Organisatrice", Email: "organiser@bench.ma", Lang: i18n.FR}
	if err := st.Accounts().CreateUser(ctx, &u, hash, []account.Grant{{Role: account.Organiser, RegionCode: "03"}}); err != nil {
		return 0, err
	}
	var reviewers []int64
	for i := range 3 {
		r := account.User{Name: fmt.Sprintf("Évaluateur %d", i), Email: fmt.Sprintf("rev%d@bench.ma", i), Lang: i18n.FR}
		if err := st.Accounts().CreateUser(ctx, &r, "", []account.Grant{{Role: account.Reviewer, EditionID: e.ID}}); err != nil {
			return 0, err
		}
		reviewers = append(reviewers, r.ID)
	}
	if err := load(ctx, db, e.ID, n, postgres); err != nil {
		return 0, fmt.Errorf("loading: %w", err)
	}
	_, err = st.AssignReviewers(ctx, e.ID, reviewers)
	return e.ID, err
}

// load writes n organisations and their submitted applications in multi-row inserts.
func load(ctx context.Context, db *sql.DB, editionID int64, n int, postgres bool) error {
	r := mrand.New(mrand.NewPCG(1, 2))
	sectors := []string{"handicraft", "local_products", "natural_cosmetics", "services"}
	forms := []string{"cooperative", "association", "economic_interest_group"}
	now := time.Now().UTC().Truncate(time.Microsecond)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var base int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM organisations`).Scan(&base); err != nil {
		return err
	}
	var orgs, apps [][]any
	for i := range n {
		id := base + int64(i) + 1
		name := fmt.Sprintf("تعاونية %s %d", []string{"الأمل", "النور", "الخير", "البركة", "الواحة"}[i%5], i)
		orgs = append(orgs, []any{id, forms[r.IntN(len(forms))], name, fmt.Sprintf("Coopérative %d", i),
			regionProvinces[r.IntN(len(regionProvinces))], sectors[r.IntN(len(sectors))], r.IntN(3) == 0, r.IntN(4) == 0,
			now, now, textfold.Fold(name)})
		apps = append(apps, []any{id, editionID, id, fmt.Sprintf("2027-%d-%04d", editionID, i+1), "submitted", now, now, now})
	}
	if err := benchdb.Insert(ctx, tx, `organisations (id, legal_form, name_ar, name_fr, province_code, sector, women_led, youth_led,
		created_at, updated_at, name_key)`, orgs, benchdb.MaxParams(postgres)); err != nil {
		return err
	}
	if err := benchdb.Insert(ctx, tx, `applications (id, edition_id, organisation_id, reference, status, submitted_at, created_at, updated_at)`,
		apps, benchdb.MaxParams(postgres)); err != nil {
		return err
	}
	if postgres {
		for _, t := range []string{"organisations", "applications"} {
			if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), (SELECT MAX(id) FROM `+t+`))`); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// signIn signs the organiser in through the sign-in form and returns the session cookie.
func signIn(srv http.Handler) (*http.Cookie, error) {
	form := url.Values{"identifier": {"organiser@bench.ma"}, "password": {"reviewbench password"}}
	req := httptest.NewRequest("POST", "/fr/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Value != "" && c.MaxAge >= 0 && rec.Code == http.StatusSeeOther {
			return c, nil
		}
	}
	return nil, fmt.Errorf("sign-in failed: %d", rec.Code)
}
