package org

import (
	"testing"

	"github.com/aswaq/aswaq/internal/mltext"
)

// The one rule of identity, as forms, duplicate flags and imports apply it.
func TestWhatMakesTwoOrganisationsTheSame(t *testing.T) {
	base := Organisation{LegalForm: Cooperative, Name: mltext.Text{AR: "تعاونيةُ الأمل"}, ProvinceCode: "451",
		Identifiers: Identifiers{ICE: "001 234 567 000 089", RegisterNumber: " 15/2019 ", ReceiptNumber: ""}}
	with := func(fn func(o *Organisation)) Keys { o := base; fn(&o); return KeysOf(&o) }
	k := KeysOf(&base)
	if k.ICE != "001234567000089" || k.Register != "15/2019" || k.Name != NameKey("تعاونيه الامل") {
		t.Fatalf("keys: %+v", k)
	}
	for _, c := range []struct {
		name                    string
		other                   Keys
		shares, same, resembles bool
		contradicts             bool
	}{
		{"the same ICE, written otherwise", with(func(o *Organisation) { o.Identifiers.ICE = "001234567000089"; o.Name.AR = "أخرى" }), true, false, true, false},
		{"the same register number in another legal form", with(func(o *Organisation) { o.LegalForm = Association; o.Identifiers.ICE = ""; o.Name.AR = "أخرى" }), false, false, false, true},
		{"the same name spelt otherwise, same province, no identifiers", with(func(o *Organisation) {
			o.Name.AR = "تعاونيه الامل"
			o.Identifiers = Identifiers{}
		}), false, true, true, false},
		{"the same name in another province", with(func(o *Organisation) { o.ProvinceCode = "511"; o.Identifiers = Identifiers{} }), false, false, false, false},
		{"the same name, another ICE", with(func(o *Organisation) { o.Identifiers.ICE = "999"; o.Identifiers.RegisterNumber = "" }), false, true, true, true},
		{"the same receipt number", func() Keys {
			a := with(func(o *Organisation) { o.Identifiers = Identifiers{ReceiptNumber: "R-7"}; o.Name.AR = "x" })
			return a
		}(), false, false, false, false},
	} {
		if got := k.SharesIdentifier(c.other); got != c.shares {
			t.Errorf("%s: shares identifier %v, want %v", c.name, got, c.shares)
		}
		if got := k.SameName(c.other); got != c.same {
			t.Errorf("%s: same name %v, want %v", c.name, got, c.same)
		}
		if got := k.Resembles(c.other); got != c.resembles {
			t.Errorf("%s: resembles %v, want %v", c.name, got, c.resembles)
		}
		if got := k.Contradicts(c.other); got != c.contradicts {
			t.Errorf("%s: contradicts %v, want %v", c.name, got, c.contradicts)
		}
	}
	r := Keys{Receipt: "R-7"}
	if !r.SharesIdentifier(Keys{Receipt: "R-7"}) || r.SharesIdentifier(Keys{}) || (Keys{}).Resembles(Keys{}) {
		t.Error("receipt numbers: a shared one identifies, empty keys never do")
	}
}
