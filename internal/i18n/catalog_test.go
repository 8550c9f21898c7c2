package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/feature/plural"
)

// mustCatalog parses a catalog written in a test, failing the test if it
// is malformed.
func mustCatalog(t *testing.T, l Lang, src string) *catalog {
	t.Helper()
	c, err := parseCatalog(l, []byte(src))
	if err != nil {
		t.Fatalf("parseCatalog(%s): %v", l, err)
	}
	return c
}

func TestParseCatalog(t *testing.T) {
	c := mustCatalog(t, AR, `{
		"b.simple": "نص",
		"a.plural": {"zero": "لا شيء", "one": "واحد", "two": "اثنان", "few": "{count} أشياء", "many": "{count} شيئا", "other": "{count} شيء"}
	}`)
	if got, want := strings.Join(c.keys, ","), "a.plural,b.simple"; got != want {
		t.Errorf("keys = %s, want %s", got, want)
	}
	if m := c.msgs["b.simple"]; m.plural || m.forms[plural.Other].render(nil) != "نص" {
		t.Errorf("b.simple parsed wrong: %+v", m)
	}
	m := c.msgs["a.plural"]
	if !m.plural {
		t.Fatal("a.plural not plural")
	}
	for f := range plural.Form(numForms) {
		if m.forms[f] == nil {
			t.Errorf("a.plural lacks %s", formName(f))
		}
	}
}

func TestParseCatalogErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"not an object", `["a"]`, "want"},
		{"truncated", `{"a.b": "x"`, "EOF"},
		{"trailing data", `{"a.b": "x"} {}`, "after"},
		{"number value", `{"a.b": 3}`, "want a string"},
		{"array value", `{"a.b": ["x"]}`, "want a string"},
		{"duplicate key", `{"a.b": "x", "a.b": "y"}`, "duplicate key"},
		{"bad key", `{"Home Title": "x"}`, "dotted"},
		{"undotted key", `{"title": "x"}`, "dotted"},
		{"bad placeholder", `{"a.b": "hello {name"}`, "unclosed"},
		{"plural without other", `{"a.b": {"one": "x"}}`, `without "other"`},
		{"unknown category", `{"a.b": {"one": "x", "lots": "y", "other": "z"}}`, "unknown plural category"},
		{"duplicate category", `{"a.b": {"one": "x", "one": "y", "other": "z"}}`, "duplicate plural category"},
		{"bad placeholder in form", `{"a.b": {"one": "x", "other": "{n"}}`, `plural form "other"`},
		{"nested plural value", `{"a.b": {"other": {"x": "y"}}}`, "want a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseCatalog(FR, []byte(tt.src))
			if err == nil {
				t.Fatalf("parseCatalog(%s) succeeded, want error containing %q", tt.src, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseCatalog(%s) = %v, want error containing %q", tt.src, err, tt.want)
			}
		})
	}
}

// Every bad message is reported, not just the first.
func TestParseCatalogReportsAllProblems(t *testing.T) {
	_, err := parseCatalog(FR, []byte(`{"a.b": "{x", "c.d": "ok", "e.f": "}", "a.b": "dup"}`))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`"a.b": unclosed`, `"e.f": unmatched`, `"a.b": duplicate`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestLoadEmbedded(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range All {
		if len(b.Keys(l)) == 0 {
			t.Errorf("%s catalog is empty", l)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good := func() fstest.MapFS {
		fsys := fstest.MapFS{}
		for _, l := range All {
			fsys["locales/"+string(l)+"/core.json"] = &fstest.MapFile{Data: []byte(`{"a.b": "x"}`)}
		}
		return fsys
	}
	if _, err := load(good()); err != nil {
		t.Fatalf("load(good) = %v", err)
	}

	missing := good()
	delete(missing, "locales/zgh/core.json")
	if _, err := load(missing); err == nil || !strings.Contains(err.Error(), "locales/zgh") {
		t.Errorf("load without a zgh catalog = %v, want an error naming it", err)
	}

	split := good()
	split["locales/fr/accounts.json"] = &fstest.MapFile{Data: []byte(`{"c.d": "y"}`)}
	b, err := load(split)
	if err != nil || !b.For(FR).Has("c.d") || !b.For(FR).Has("a.b") {
		t.Errorf("files of one language are not merged: %v", err)
	}
	split["locales/fr/other.json"] = &fstest.MapFile{Data: []byte(`{"c.d": "z"}`)}
	if _, err := load(split); err == nil || !strings.Contains(err.Error(), "already defined in locales/fr/accounts.json") {
		t.Errorf("a key in two files = %v, want an error naming both", err)
	}

	broken := good()
	broken["locales/fr/core.json"] = &fstest.MapFile{Data: []byte(`{"a.b": "x {oops"}`)}
	if _, err := load(broken); err == nil || !strings.Contains(err.Error(), "locales/fr/core.json") || !strings.Contains(err.Error(), `"a.b"`) {
		t.Errorf("load with a broken message = %v, want an error naming the file and key", err)
	}
}

func TestValidKey(t *testing.T) {
	for key, want := range map[string]bool{
		"home.title": true, "a.b.c": true, "error.not_found_title": true, "home.fairs_2": true,
		"": false, "home": false, ".home": false, "home.": false, "home..title": false,
		"Home.title": false, "home.ti tle": false, "home-page.title": false,
	} {
		if got := validKey(key); got != want {
			t.Errorf("validKey(%q) = %v, want %v", key, got, want)
		}
	}
}
