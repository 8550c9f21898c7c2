package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/store/storetest"
)

// call runs aswaq in-process and returns its exit code, standard output and error.
func call(t *testing.T, environ map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return environ[k] }, &out, &errOut)
	code := exitCode(err, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrorsExitTwoWithAClearMessage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "no command given"},
		{[]string{"fly"}, `unknown command "fly"`},
		{[]string{"serve", "--port", "80"}, "flag provided but not defined: -port"},
		{[]string{"serve", "extra"}, `unexpected argument "extra"`},
		{[]string{"migrate", "sideways"}, `unknown action "sideways"`},
		{[]string{"version", "--verbose"}, "flag provided but not defined"},
	} {
		code, _, stderr := call(t, nil, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("aswaq %v: exit %d, stderr %q; want exit 2 mentioning %q", c.args, code, stderr, c.want)
		}
	}
}

func TestBadEnvironmentValueIsAUsageError(t *testing.T) {
	code, _, stderr := call(t, map[string]string{"ASWAQ_DEMO": "maybe"}, "serve")
	if code != 2 || !strings.Contains(stderr, "ASWAQ_DEMO") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := call(t, nil, "help")
	if code != 0 || !strings.Contains(out, "serve") || !strings.Contains(out, "migrate") || !strings.Contains(out, "ASWAQ_") {
		t.Fatalf("help: %d %q", code, out)
	}
	code, out, _ = call(t, nil, "help", "serve")
	if code != 0 || !strings.Contains(out, "--addr") || !strings.Contains(out, "ASWAQ_ADDR") {
		t.Fatalf("help serve: %d %q", code, out)
	}
	code, out, _ = call(t, nil, "version")
	if code != 0 || !regexp.MustCompile(`^aswaq \S+ \(go`).MatchString(out) {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestMigrateAndDemo(t *testing.T) {
	data := t.TempDir()
	code, out, stderr := call(t, nil, "migrate", "--data", data, "status")
	if code != 0 || !strings.Contains(out, "pending") {
		t.Fatalf("status before: %d %q %q", code, out, stderr)
	}
	code, out, _ = call(t, nil, "migrate", "--data", data)
	if code != 0 || !strings.Contains(out, "applied") {
		t.Fatalf("migrate up: %d %q", code, out)
	}
	code, out, _ = call(t, nil, "migrate", "--data", data, "status")
	if code != 0 || strings.Contains(out, "pending") || !strings.Contains(out, "00001_reference.sql") {
		t.Fatalf("status after: %d %q", code, out)
	}
	code, out, _ = call(t, map[string]string{"ASWAQ_DATA": data}, "demo")
	if code != 0 || !strings.Contains(out, "5 editions") {
		t.Fatalf("demo: %d %q", code, out)
	}
	code, _, stderr = call(t, map[string]string{"ASWAQ_DATA": data}, "demo")
	if code != 1 || !strings.Contains(stderr, "already holds data") {
		t.Fatalf("second demo: %d %q", code, stderr)
	}
}

func TestUnusableDatabaseOrDataFolderFailsWithOneLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain-file")
	os.WriteFile(file, []byte("x"), 0o600)
	for name, args := range map[string][]string{
		"data folder is a file": {"serve", "--data", filepath.Join(file, "sub")},
		"unreachable postgres":  {"serve", "--data", t.TempDir(), "--db", "postgres://aswaq@127.0.0.1:1/aswaq?connect_timeout=2"},
		"unknown scheme":        {"migrate", "--data", t.TempDir(), "--db", "mysql://localhost/aswaq"},
	} {
		code, _, stderr := call(t, nil, args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], "aswaq: ") {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and one line", name, code, stderr)
		}
	}
}

// TestServeAnswersAndShutsDownGracefully starts the real server on a free port, with its
// address from the environment, and stops it as SIGTERM would.
func TestServeAnswersAndShutsDownGracefully(t *testing.T) {
	engines := map[string]string{"sqlite": ""}
	if base := storetest.PostgresURL(); base != "" {
		engines["postgres"] = storetest.NewSchemaURL(t, base)
	}
	for engine, db := range engines {
		t.Run(engine, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			environ := map[string]string{"ASWAQ_ADDR": "127.0.0.1:0", "ASWAQ_DATA": filepath.Join(t.TempDir(), "new", "data"), "ASWAQ_DB": db}
			outR, outW := io.Pipe()
			done := make(chan error, 1)
			go func() {
				done <- run(ctx, []string{"serve", "--demo"}, func(k string) string { return environ[k] }, outW, io.Discard)
				outW.Close()
			}()
			line, err := bufio.NewReader(outR).ReadString('\n')
			if err != nil {
				t.Fatalf("no start line: %v (%v)", err, <-done)
			}
			go io.Copy(io.Discard, outR)
			addr := regexp.MustCompile(`http://(\S+)/`).FindStringSubmatch(line)[1]

			resp, err := http.Get("http://" + addr + "/healthz")
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]string
			json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			if resp.StatusCode != 200 || body["status"] != "ok" || body["database"] != engine {
				t.Fatalf("healthz: %d %v", resp.StatusCode, body)
			}
			resp, err = http.Get("http://" + addr + "/fr/")
			if err != nil {
				t.Fatal(err)
			}
			page, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(page), "Ouarzazate") {
				t.Fatalf("demo fairs not on the home page")
			}
			// The search index knows category names: "miel" finds producers of honey whose
			// names say "عسل" only.
			resp, err = http.Get("http://" + addr + "/fr/catalogue?q=miel")
			if err != nil {
				t.Fatal(err)
			}
			page, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(page), "du miel") {
				t.Fatalf("searching the demo catalogue for miel finds nothing")
			}

			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("serve returned %v", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("serve did not stop")
			}
		})
	}
}

func TestUserAddPrintsAOneTimeLink(t *testing.T) {
	data := t.TempDir()
	code, out, stderr := call(t, nil, "user", "add", "--data", data, "--email", "Admin@Region.ma", "--role", "admin", "--base-url", "https://aswaq.example.ma/")
	if code != 0 || !regexp.MustCompile(`https://aswaq\.example\.ma/ar/invitation/[A-Za-z0-9_-]{43}\n`).MatchString(out) || !strings.Contains(out, "admin@region.ma") {
		t.Fatalf("user add: %d %q %q", code, out, stderr)
	}
	code, _, stderr = call(t, nil, "user", "add", "--data", data, "--email", "admin@region.ma", "--role", "admin")
	if code != 1 || !strings.Contains(stderr, "already used") {
		t.Fatalf("duplicate: %d %q", code, stderr)
	}
	code, _, stderr = call(t, nil, "user", "add", "--data", data, "--email", "x@region.ma", "--role", "organiser")
	if code != 1 || !strings.Contains(stderr, "Choose the region for this role.") {
		t.Fatalf("organiser without region: %d %q", code, stderr)
	}
	code, _, stderr = call(t, nil, "user", "add", "--data", data, "--email", "x@region.ma", "--role", "king")
	if code != 2 || !strings.Contains(stderr, "--role must be one of") {
		t.Fatalf("unknown role: %d %q", code, stderr)
	}
	code, _, _ = call(t, nil, "user", "remove")
	if code != 2 {
		t.Fatalf("unknown user subcommand: %d", code)
	}
}
