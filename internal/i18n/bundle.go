package i18n

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
)

//go:embed locales
var locales embed.FS

// PublicPrefixes are the key prefixes of text shown on public pages and in
// navigation: the Tamazight catalog must translate every such key that the
// Arabic catalog has (TestTamazightCoversPublicPages). Other keys fall back
// to French in Tamazight.
var PublicPrefixes = []string{"layout.", "home.", "error.", "public.", "fairs.", "catalogue.", "map."}

// Bundle holds the parsed catalogs of every language. It is immutable after
// Load and safe for concurrent use; load it once at start-up.
type Bundle struct {
	catalogs   map[Lang]*catalog
	localizers map[Lang]*Localizer
}

// Load parses the embedded catalogs locales/{ar,fr,en,zgh}/*.json: one folder
// per language, one file per area of the product (core.json, accounts.json…),
// so that work on different areas never edits the same file. It fails if
// a file is missing or any message is malformed (bad JSON, duplicate key,
// bad placeholder syntax, plural message without "other"), so a broken
// catalog stops the server at start-up rather than showing on a page.
// Completeness across languages is checked by the tests, not here: a
// missing translation falls back at run time.
func Load() (*Bundle, error) {
	return load(locales)
}

// load reads the catalogs from fsys, which holds locales/<lang>/*.json.
func load(fsys fs.FS) (*Bundle, error) {
	cats := make(map[Lang]*catalog, len(All))
	var errs []error
	for _, l := range All {
		c, err := loadLanguage(fsys, l)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cats[l] = c
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	return newBundle(cats), nil
}

// newBundle builds the Localizers once, so For is a map read.
func newBundle(cats map[Lang]*catalog) *Bundle {
	b := &Bundle{catalogs: cats, localizers: make(map[Lang]*Localizer, len(cats))}
	for l, c := range cats {
		chain := []*catalog{c}
		if fb, ok := fallback(l); ok && cats[fb] != nil {
			chain = append(chain, cats[fb])
		}
		b.localizers[l] = &Localizer{lang: l, chain: chain}
	}
	return b
}

// fallback is the language whose text is shown when l lacks a key.
// Tamazight covers the public pages only; organisers and exhibitors who
// pick it read French elsewhere, the other language of Moroccan
// administration written left to right.
func fallback(l Lang) (Lang, bool) {
	if l == ZGH {
		return FR, true
	}
	return "", false
}

// For returns the Localizer for l, or for Default when l is not one of All.
func (b *Bundle) For(l Lang) *Localizer {
	if z, ok := b.localizers[l]; ok {
		return z
	}
	return b.localizers[Default]
}

// Keys returns the keys l's own catalog defines (without fallback), sorted.
func (b *Bundle) Keys(l Lang) []string {
	c, ok := b.catalogs[l]
	if !ok {
		return nil
	}
	return slices.Clone(c.keys)
}

// loadLanguage parses and merges every file of one language's folder. A key
// defined in two files is an error, like a duplicate key within one file.
func loadLanguage(fsys fs.FS, l Lang) (*catalog, error) {
	dir := "locales/" + string(l)
	names, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no catalog files", dir)
	}
	merged := &catalog{lang: l, msgs: map[string]*message{}}
	from := map[string]string{}
	var errs []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c, err := parseCatalog(l, data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		for _, k := range c.keys {
			if first, dup := from[k]; dup {
				errs = append(errs, fmt.Errorf("%s: %q is already defined in %s", name, k, first))
				continue
			}
			from[k] = name
			merged.msgs[k] = c.msgs[k]
			merged.keys = append(merged.keys, k)
		}
	}
	slices.Sort(merged.keys)
	return merged, errors.Join(errs...)
}
