// Package scripts holds the project's shell scripts; its test checks them.
package scripts

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// goTest is a line of a script that runs go test.
var goTest = regexp.MustCompile(`(?m)^[^#\n]*\bgo test\b.*$`)

// A test binary that hangs must fail on a timeout of our choosing (with every goroutine's
// stack), not on whatever go test's default happens to be, so every go test in
// scripts/test passes -timeout.
func TestScriptGivesGoTestATimeout(t *testing.T) {
	src, err := os.ReadFile("test")
	if err != nil {
		t.Fatal(err)
	}
	lines := goTest.FindAllString(string(src), -1)
	if len(lines) == 0 {
		t.Fatal("scripts/test runs no go test")
	}
	for _, l := range lines {
		if !strings.Contains(l, " -timeout ") && !strings.Contains(l, " -timeout=") {
			t.Errorf("go test without -timeout in scripts/test: %s", strings.TrimSpace(l))
		}
	}
}
