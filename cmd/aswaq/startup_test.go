package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// initOnlyEnv makes the test binary exit as soon as its packages are initialised, so that
// TestPackageInitialisationIsLight can watch initialisation alone.
const initOnlyEnv = "ASWAQ_TEST_INIT_ONLY"

func TestMain(m *testing.M) {
	if os.Getenv(initOnlyEnv) == "1" {
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// initLine is what GODEBUG=inittrace=1 prints for each package as it is initialised.
var initLine = regexp.MustCompile(`(?m)^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

// maxInitBytes is what one of aswaq's packages may allocate while it is initialised: room
// for tables and a few compiled patterns, not for real work.
const maxInitBytes = 256 << 10

// Every command, even `aswaq version`, waits for every package of the binary to be
// initialised, so aswaq's own packages must not do at start-up what only some commands
// need (an argon2id hash for failed sign-ins once took 100 ms and 19 MiB there): such
// things are made on first use. This checks the memory each package allocates while it is
// initialised, which unlike time does not depend on the machine's load.
func TestPackageInitialisationIsLight(t *testing.T) {
	godebug := "inittrace=1"
	if v := os.Getenv("GODEBUG"); v != "" {
		godebug = v + "," + godebug
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), initOnlyEnv+"=1", "GODEBUG="+godebug)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the test binary to trace its initialisation: %v\n%s", err, out)
	}
	lines := initLine.FindAllStringSubmatch(string(out), -1)
	if len(lines) == 0 {
		t.Fatalf("no initialisation traced: has the format of GODEBUG=inittrace=1 changed?\n%s", out)
	}
	ours := 0
	for _, m := range lines {
		pkg := m[1]
		if !strings.HasPrefix(pkg, "github.com/aswaq/aswaq/") {
			continue // other modules' packages are not ours to change
		}
		ours++
		if n, _ := strconv.Atoi(m[2]); n > maxInitBytes {
			t.Errorf("initialising %s allocates %d bytes (%s allocations), more than %d: make that work lazy", pkg, n, m[3], maxInitBytes)
		}
	}
	if ours == 0 {
		t.Fatalf("no package of aswaq traced (civil at least loads its time zone):\n%s", out)
	}
}
