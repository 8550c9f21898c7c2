// Command loginserver serves Aswaq for the sign-in benchmark: a fresh SQLite database with
// N users sharing one password, and sign-in rate limits raised so that wrk measures the
// cost of signing in rather than the limiter. Everything else is the production server.
//
//	go run ./bench/loginserver --users 1000 --addr 127.0.0.1:18090
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/password"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/web"
)

func main() {
	users := flag.Int("users", 1000, "number of accounts (bench-N@aswaq.test)")
	addr := flag.String("addr", "127.0.0.1:18090", "address to listen on")
	db := flag.String("db", "", "database (default: a new SQLite file in a temporary folder)")
	flag.Parse()
	ctx := context.Background()
	if *db == "" {
		dir, err := os.MkdirTemp("", "aswaq-login-bench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		*db = filepath.Join(dir, "aswaq.db")
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	hash, err := password.Hash("benchmark password", password.Default)
	if err != nil {
		log.Fatal(err)
	}
	for i := range *users {
		u := account.User{Name: fmt.Sprintf("Bench %d", i), Email: fmt.Sprintf("bench-%d@aswaq.test", i), Lang: i18n.FR}
		if err := st.Accounts().CreateUser(ctx, &u, hash, []account.Grant{{Role: account.Organiser, RegionCode: "03"}}); err != nil {
			log.Fatal(err)
		}
	}
	bundle, err := i18n.Load()
	if err != nil {
		log.Fatal(err)
	}
	unlimited := web.LoginLimits{PerAccount: 1e9, PerAccountBurst: 1e9, PerAddress: 1e9, PerAddressBurst: 1e9}
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle, LoginLimits: &unlimited})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%d users ready; serving on http://%s/\n", *users, *addr)
	log.Fatal(http.ListenAndServe(*addr, srv))
}
