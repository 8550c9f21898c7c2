package i18n

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"golang.org/x/text/feature/plural"
)

// catalog is the parsed messages of one language.
type catalog struct {
	lang Lang
	msgs map[string]*message
	keys []string // sorted
}

// message is a simple text (forms[plural.Other] only) or a plural message
// with one text per CLDR category it gives.
type message struct {
	plural bool
	forms  [numForms]*template
}

// form returns the text for category f, or the "other" text when the
// message does not give f (every message gives "other").
func (m *message) form(f plural.Form) *template {
	if t := m.forms[f]; t != nil {
		return t
	}
	return m.forms[plural.Other]
}

// placeholders returns the set of placeholder names used by any form.
func (m *message) placeholders() map[string]bool {
	set := map[string]bool{}
	for _, t := range m.forms {
		if t != nil {
			for _, n := range t.placeholders() {
				set[n] = true
			}
		}
	}
	return set
}

// parseCatalog reads one catalog file: a flat JSON object whose keys are
// dotted message keys ("home.title") and whose values are either a string,
// or an object from CLDR plural categories (zero one two few many other) to
// strings. It reads the JSON token by token so it can refuse what
// encoding/json would silently accept: duplicate keys (the last one would
// win, and two people adding the same key at once is likely), non-string
// values, unknown categories. Every message's placeholder syntax is checked.
// All problems are reported, not just the first.
func parseCatalog(l Lang, data []byte) (*catalog, error) {
	c := &catalog{lang: l, msgs: map[string]*message{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var errs []error
	seen := map[string]bool{}
	for dec.More() {
		key, err := stringToken(dec)
		if err != nil {
			return nil, err
		}
		dup := seen[key]
		seen[key] = true
		m, err := parseMessage(dec)
		switch {
		case err != nil && m == nil:
			return nil, fmt.Errorf("%q: %w", key, err) // broken JSON: cannot go on
		case err != nil:
			errs = append(errs, fmt.Errorf("%q: %w", key, err))
		case !validKey(key):
			errs = append(errs, fmt.Errorf("%q: key must be dotted lower-case words, like \"home.title\"", key))
		case dup:
			errs = append(errs, fmt.Errorf("%q: duplicate key", key))
		default:
			c.msgs[key] = m
			c.keys = append(c.keys, key)
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the closing '}'")
	}
	slices.Sort(c.keys)
	return c, errors.Join(errs...)
}

// parseMessage reads one value. It returns a nil message only when the JSON
// itself is broken; a message error leaves the decoder ready for the next
// key.
func parseMessage(dec *json.Decoder) (*message, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	m := &message{}
	switch v := tok.(type) {
	case string:
		t, err := parseTemplate(v)
		if err != nil {
			return m, err
		}
		m.forms[plural.Other] = t
		return m, nil
	case json.Delim:
		if v != '{' {
			return nil, fmt.Errorf("want a string or a plural object, got %v", v)
		}
	default:
		return nil, fmt.Errorf("want a string or a plural object, got %v", v)
	}
	m.plural = true
	var errs []error
	for dec.More() {
		name, err := stringToken(dec)
		if err != nil {
			return nil, err
		}
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		text, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("plural form %q: want a string, got %v", name, tok)
		}
		f, ok := parseForm(name)
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("unknown plural category %q (use zero one two few many other)", name))
			continue
		case m.forms[f] != nil:
			errs = append(errs, fmt.Errorf("duplicate plural category %q", name))
			continue
		}
		t, err := parseTemplate(text)
		if err != nil {
			errs = append(errs, fmt.Errorf("plural form %q: %w", name, err))
			continue
		}
		m.forms[f] = t
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if m.forms[plural.Other] == nil {
		errs = append(errs, errors.New(`plural message without "other"`))
	}
	return m, errors.Join(errs...)
}

// validKey reports whether key is two or more dot-separated words of
// lower-case ASCII letters, digits and underscores.
func validKey(key string) bool {
	dots, word := 0, 0
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
			word++
		case c == '.' && word > 0:
			dots, word = dots+1, 0
		default:
			return false
		}
	}
	return dots > 0 && word > 0
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, got %v", want, tok)
	}
	return nil
}

func stringToken(dec *json.Decoder) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	s, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("want a key, got %v", tok)
	}
	return s, nil
}
