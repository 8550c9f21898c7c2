package i18n

import (
	"fmt"
	"strings"
)

// template is one parsed message text. Placeholders are {name}; "{{" and
// "}}" stand for literal braces. Parsing at load time means a broken message
// fails the build's tests and the server start, not a page view.
type template struct {
	text  string // the whole text when it has no placeholders
	parts []part // literal and placeholder parts, when it has some
}

// part is a literal run of text, or a placeholder when name is set.
type part struct {
	lit  string
	name string
}

// parseTemplate parses a message text.
func parseTemplate(s string) (*template, error) {
	if !strings.ContainsAny(s, "{}") {
		return &template{text: s}, nil
	}
	var (
		parts []part
		lit   strings.Builder
		hasPH bool
	)
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, part{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{' && i+1 < len(s) && s[i+1] == '{':
			lit.WriteByte('{')
			i++
		case c == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte('}')
			i++
		case c == '}':
			return nil, fmt.Errorf("unmatched '}' at byte %d (write '}}' for a literal brace)", i)
		case c == '{':
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unclosed '{' at byte %d (write '{{' for a literal brace)", i)
			}
			name := s[i+1 : i+1+end]
			if !validName(name) {
				return nil, fmt.Errorf("bad placeholder {%s} at byte %d: use letters, digits and _", name, i)
			}
			flush()
			parts = append(parts, part{name: name})
			hasPH = true
			i += end + 1
		default:
			lit.WriteByte(c)
		}
	}
	if !hasPH {
		return &template{text: lit.String()}, nil
	}
	flush()
	return &template{parts: parts}, nil
}

// validName reports whether s is a placeholder name: ASCII letters, digits
// and underscores, not starting with a digit.
func validName(s string) bool {
	if s == "" || '0' <= s[0] && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// placeholders returns the names the template uses, in order, with
// repetitions.
func (t *template) placeholders() []string {
	var names []string
	for _, p := range t.parts {
		if p.name != "" {
			names = append(names, p.name)
		}
	}
	return names
}

// render writes the template with placeholder values from arg. A
// placeholder arg cannot fill is written back as {name}, so a missing value
// shows on the page instead of vanishing.
func (t *template) render(arg func(name string) (string, bool)) string {
	if t.parts == nil {
		return t.text
	}
	var b strings.Builder
	for _, p := range t.parts {
		if p.name == "" {
			b.WriteString(p.lit)
			continue
		}
		if v, ok := arg(p.name); ok {
			b.WriteString(v)
			continue
		}
		b.WriteByte('{')
		b.WriteString(p.name)
		b.WriteByte('}')
	}
	return b.String()
}
