package i18n

import (
	"slices"
	"strings"
	"testing"
)

func TestParseTemplate(t *testing.T) {
	vals := map[string]string{"name": "Sefrou", "count": "3", "a_1": "A"}
	arg := func(n string) (string, bool) { v, ok := vals[n]; return v, ok }
	tests := []struct {
		in, want string
		names    []string
	}{
		{"", "", nil},
		{"plain", "plain", nil},
		{"Welcome to {name}", "Welcome to Sefrou", []string{"name"}},
		{"{count}/{count}", "3/3", []string{"count", "count"}},
		{"{a_1}{name}", "ASefrou", []string{"a_1", "name"}},
		{"{{literal}}", "{literal}", nil},
		{"{{{name}}}", "{Sefrou}", []string{"name"}},
		{"{missing} stays", "{missing} stays", []string{"missing"}},
		{"مرحبا بكم في {name}", "مرحبا بكم في Sefrou", []string{"name"}},
	}
	for _, tt := range tests {
		tp, err := parseTemplate(tt.in)
		if err != nil {
			t.Errorf("parseTemplate(%q): %v", tt.in, err)
			continue
		}
		if got := tp.render(arg); got != tt.want {
			t.Errorf("render(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := tp.placeholders(); !slices.Equal(got, tt.names) {
			t.Errorf("placeholders(%q) = %q, want %q", tt.in, got, tt.names)
		}
	}
}

func TestParseTemplateErrors(t *testing.T) {
	for _, in := range []string{
		"{", "{name", "}", "a } b", "{}", "{ name }", "{1st}", "{na-me}", "{a{b}", "{name}}",
	} {
		if _, err := parseTemplate(in); err == nil {
			t.Errorf("parseTemplate(%q) succeeded, want an error", in)
		} else if !strings.Contains(err.Error(), "byte") {
			t.Errorf("parseTemplate(%q) error %q does not say where", in, err)
		}
	}
}
