package web

import (
	"github.com/aswaq/aswaq/internal/catalogue"
	"github.com/aswaq/aswaq/internal/i18n"
)

// SearchLabels gives the store the names of categories, sectors and legal forms in every
// language, so that "miel" finds a honey producer whose record says nothing but its
// category. Set it on the store before data is written (or call Reindex after).
func SearchLabels(b *i18n.Bundle) catalogue.SearchLabels {
	prefix := map[string]string{
		catalogue.LabelCategory:  "taxonomy.category.",
		catalogue.LabelSector:    "taxonomy.sector.",
		catalogue.LabelLegalForm: "org.legal_form.",
	}
	return func(kind, code string) []string {
		p, ok := prefix[kind]
		if !ok {
			return nil
		}
		var out []string
		for _, l := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
			if z := b.For(l); z.Has(p + code) {
				out = append(out, z.T(p+code))
			}
		}
		return out
	}
}
