package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSelectMatchesTheDocumentedExamples runs the command on every example problem of the
// contract and compares its output with the documented result, byte for byte.
func TestSelectMatchesTheDocumentedExamples(t *testing.T) {
	problems, _ := filepath.Glob("../../internal/selection/testdata/*.problem.json")
	if len(problems) == 0 {
		t.Fatal("no example problems")
	}
	for _, p := range problems {
		want, err := os.ReadFile(strings.Replace(p, ".problem.json", ".result.json", 1))
		if err != nil {
			t.Fatal(err)
		}
		code, out, stderr := call(t, nil, "select", p)
		if code != 0 || strings.TrimSpace(out) != strings.TrimSpace(string(want)) {
			t.Errorf("%s: exit %d, stderr %q\ngot  %s\nwant %s", filepath.Base(p), code, stderr, out, want)
		}
	}
}

func TestSelectReadsStandardInputAndRefusesBadInput(t *testing.T) {
	var out, errOut bytes.Buffer
	err := runSelectFrom(strings.NewReader(`{"seats": 1, "candidates": [{"id": "A", "score": 10}, {"id": "B", "score": 12.5}]}`), nil, func(string) string { return "" }, &out, &errOut)
	if err != nil || !strings.Contains(out.String(), `"selected": [`) || !strings.Contains(out.String(), `"B"`) {
		t.Fatalf("stdin: %v %s", err, out.String())
	}
	for _, bad := range []string{`{"seats": -1, "candidates": []}`, `{"seats": 1, "candidates": [{"id": "A", "score": 71.255}]}`, `not json`, `{"seats": 1, "candidates": [], "colour": "red"}`} {
		out.Reset()
		errOut.Reset()
		err := runSelectFrom(strings.NewReader(bad), nil, func(string) string { return "" }, &out, &errOut)
		if code := exitCode(err, &errOut); code != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), "select:") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", bad, code, out.String(), errOut.String())
		}
	}
	if code, _, stderr := call(t, nil, "select", filepath.Join(t.TempDir(), "missing.json")); code != 1 || !strings.Contains(stderr, "no such file") {
		t.Fatalf("missing file: %d %q", code, stderr)
	}
}
