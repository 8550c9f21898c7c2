// Package arch holds the test that keeps the layout honest: each feature is a room that owns
// its SQL and never speaks HTTP, its pages never touch the database, and the pure domain
// packages need neither.
package arch

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/aswaq/aswaq/"

// domain are the pure packages: rules and types, no storage and no HTTP.
var domain = []string{"account", "apperr", "application", "audit", "authz", "call", "civil", "fair", "geo",
	"i18n", "ics", "imaging", "importer", "mltext", "org", "password", "placement", "selection", "taxonomy",
	"textfold", "token", "venue", "venue/svg"}

// storageRooms are features without pages of their own; every other room has a web folder.
var storageRooms = []string{"auditlog", "reference"}

// legacy are the folders features are moving out of.
var legacy = []string{"store", "web"}

// imports lists the packages a folder's non-test Go files import.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func TestEachLayerImportsOnlyWhatItMay(t *testing.T) {
	root := ".."
	forbid := func(pkg string, imps []string, banned ...string) {
		for _, imp := range imps {
			for _, b := range banned {
				if imp == b || (strings.HasSuffix(b, "/") && strings.HasPrefix(imp, b)) {
					t.Errorf("%s imports %s", pkg, imp)
				}
			}
		}
	}
	for _, d := range domain {
		forbid("internal/"+d, imports(t, filepath.Join(root, d)), "net/http", "database/sql")
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	rooms := 0
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || slices.Contains(domain, name) || slices.Contains(legacy, name) || name == "platform" || name == "arch" || name == "demo" || name == "outbox" {
			continue
		}
		dir := filepath.Join(root, name)
		web := filepath.Join(dir, "web")
		if !isDir(web) && !slices.Contains(storageRooms, name) {
			continue
		}
		rooms++
		forbid("internal/"+name, imports(t, dir), "net/http", module+"internal/store", module+"internal/web")
		if isDir(web) {
			forbid("internal/"+name+"/web", imports(t, web), "database/sql", module+"internal/store", module+"internal/web",
				module+"internal/platform/db")
		}
	}
	if rooms < 3 {
		t.Fatalf("found %d feature rooms: the walk is broken", rooms)
	}
	forbid("internal/platform/db", imports(t, filepath.Join(root, "platform", "db")), "net/http")
	forbid("internal/platform/webkit", imports(t, filepath.Join(root, "platform", "webkit")), "database/sql", module+"internal/store")
}
