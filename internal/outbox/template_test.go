package outbox

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestBuiltinTemplatesRenderInTheRecipientsLanguage(t *testing.T) {
	tm, err := BuiltinTemplates()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(tm.Kinds(), ","), "test") {
		t.Fatalf("kinds %v", tm.Kinds())
	}
	data := map[string]any{"Name": "تعاونية الأمل", "Site": "https://aswaq.example"}
	for _, c := range []struct{ lang, wantLang, wantSubject string }{
		{"ar", "ar", "رسالة تجريبية من أسواق"},
		{"fr", "fr", "Message d'essai d'Aswaq"},
		{"en", "en", "Test message from Aswaq"},
		{"zgh", "fr", "Message d'essai d'Aswaq"}, // Tamazight falls back to French
		{"", "ar", "رسالة تجريبية من أسواق"},     // unknown: Arabic first
	} {
		m, err := tm.Email("test", Recipient{Address: "amal@coop.ma", Name: "تعاونية الأمل", Lang: c.lang}, data)
		if err != nil {
			t.Fatalf("%s: %v", c.lang, err)
		}
		if m.Lang != c.wantLang || m.Subject != c.wantSubject || !strings.Contains(m.Body, "https://aswaq.example") || m.Kind != "test" {
			t.Errorf("%s: %+v", c.lang, m)
		}
	}
	if _, _, _, err := tm.Render("test", "ar", map[string]any{"Name": "x"}); err == nil {
		t.Error("a missing field must be an error, not a blank")
	}
	if _, _, _, err := tm.Render("nope", "ar", nil); err == nil {
		t.Error("unknown kind rendered")
	}
}

func TestParseTemplatesRefusesIncompleteSets(t *testing.T) {
	ok := "Subject: s\n\nbody\n"
	for name, fsys := range map[string]fstest.MapFS{
		"missing English": {"k.ar.txt": {Data: []byte(ok)}, "k.fr.txt": {Data: []byte(ok)}},
		"unknown language": {"k.ar.txt": {Data: []byte(ok)}, "k.fr.txt": {Data: []byte(ok)}, "k.en.txt": {Data: []byte(ok)},
			"k.de.txt": {Data: []byte(ok)}},
		"bad syntax": {"k.ar.txt": {Data: []byte("Subject: {{.X\n\nb")}, "k.fr.txt": {Data: []byte(ok)}, "k.en.txt": {Data: []byte(ok)}},
	} {
		if _, err := ParseTemplates(fsys); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
	noSubject := fstest.MapFS{"k.ar.txt": {Data: []byte("body only")}, "k.fr.txt": {Data: []byte(ok)}, "k.en.txt": {Data: []byte(ok)}}
	tm, err := ParseTemplates(noSubject)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := tm.Render("k", "ar", nil); err == nil {
		t.Error("output without a Subject line accepted")
	}
}
