package outbox

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/aswaq/aswaq/internal/i18n"
)

//go:embed templates/*.txt
var builtinFS embed.FS

// requiredLangs are the languages every kind of message must be written in: Aswaq's three
// complete languages. Tamazight is optional and falls back to French, as on the site.
var requiredLangs = []string{"ar", "fr", "en"}

// Templates renders each kind of message in the recipient's language. A template is a Go
// text/template whose output is a "Subject: …" line, a blank line and the plain-text body.
type Templates struct {
	byKind map[string]map[string]*template.Template // kind → language → template
}

// ParseTemplates reads every KIND.LANG.txt file at the root of fsys. It fails when a file
// does not parse or a kind lacks one of Arabic, French and English, so a missing
// translation stops the program at start (and its tests), not a user's message.
func ParseTemplates(fsys fs.FS) (*Templates, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	t := &Templates{byKind: map[string]map[string]*template.Template{}}
	for _, name := range names {
		kind, lang, ok := strings.Cut(strings.TrimSuffix(name, ".txt"), ".")
		if _, known := i18n.Parse(lang); !ok || !known || !kindPattern.MatchString(kind) {
			return nil, fmt.Errorf("template %s: want KIND.LANG.txt with LANG one of ar, fr, en, zgh", name)
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		tmpl, err := template.New(name).Option("missingkey=error").Parse(string(src))
		if err != nil {
			return nil, err
		}
		if t.byKind[kind] == nil {
			t.byKind[kind] = map[string]*template.Template{}
		}
		t.byKind[kind][lang] = tmpl
	}
	for kind, langs := range t.byKind {
		for _, l := range requiredLangs {
			if langs[l] == nil {
				return nil, fmt.Errorf("template %s.%s.txt is missing", kind, l)
			}
		}
	}
	return t, nil
}

var builtin = sync.OnceValues(func() (*Templates, error) {
	sub, err := fs.Sub(builtinFS, "templates")
	if err != nil {
		return nil, err
	}
	return ParseTemplates(sub)
})

// BuiltinTemplates returns the templates embedded in Aswaq (internal/outbox/templates).
func BuiltinTemplates() (*Templates, error) { return builtin() }

// Kinds lists the kinds of message t can render, sorted.
func (t *Templates) Kinds() []string {
	kinds := make([]string, 0, len(t.byKind))
	for k := range t.byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	return kinds
}

// Render fills the template of kind in lang, or in the nearest language there is (Tamazight
// falls back to French, anything unknown to Arabic), and returns the subject, the body and
// the language actually used.
func (t *Templates) Render(kind, lang string, data any) (subject, body, used string, err error) {
	langs := t.byKind[kind]
	if langs == nil {
		return "", "", "", fmt.Errorf("no message template for kind %q", kind)
	}
	for _, l := range []string{strings.ToLower(lang), fallbackLang(lang), string(i18n.Default)} {
		if tmpl := langs[l]; tmpl != nil {
			used = l
			var b bytes.Buffer
			if err := tmpl.Execute(&b, data); err != nil {
				return "", "", "", err
			}
			subject, body, err = splitSubject(b.String())
			if err != nil {
				return "", "", "", fmt.Errorf("template %s: %w", kind+"."+l+".txt", err)
			}
			return subject, body, used, nil
		}
	}
	return "", "", "", fmt.Errorf("no message template for kind %q in %q", kind, lang)
}

func fallbackLang(lang string) string {
	if strings.EqualFold(lang, string(i18n.ZGH)) {
		return string(i18n.FR)
	}
	return string(i18n.Default)
}

func splitSubject(s string) (subject, body string, err error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	head, body, ok := strings.Cut(s, "\n\n")
	subject, found := strings.CutPrefix(head, "Subject:")
	if !ok || !found || strings.Contains(head, "\n") {
		return "", "", fmt.Errorf("the output must start with one Subject: line and a blank line")
	}
	return strings.TrimSpace(subject), strings.TrimSpace(body) + "\n", nil
}

// Recipient is who a templated message goes to.
type Recipient struct {
	Address string // email address (or E.164 number, for SMS later)
	Name    string
	Lang    string // the recipient's language; the message is written in it
}

// Email renders kind for to and returns the message, validated and ready to enqueue.
func (t *Templates) Email(kind string, to Recipient, data any) (Message, error) {
	subject, body, lang, err := t.Render(kind, to.Lang, data)
	if err != nil {
		return Message{}, err
	}
	m := Message{
		Channel: Email, Recipient: to.Address, RecipientName: to.Name, Lang: lang,
		Kind: kind, Subject: subject, Body: body,
	}
	return m, m.Validate()
}
