package i18n

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"ar", AR, true},
		{"fr", FR, true},
		{"en", EN, true},
		{"zgh", ZGH, true},
		{"AR", AR, true},
		{"Zgh", ZGH, true},
		{"", "", false},
		{"ar-MA", "", false},
		{"ara", "", false},
		{" ar", "", false},
		{"tzm", "", false},
		{"de", "", false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDirAndNativeName(t *testing.T) {
	tests := []struct {
		l         Lang
		dir, name string
	}{
		{AR, "rtl", "العربية"},
		{FR, "ltr", "Français"},
		{EN, "ltr", "English"},
		{ZGH, "ltr", "ⵜⴰⵎⴰⵣⵉⵖⵜ"},
		{"xx", "ltr", "xx"},
	}
	for _, tt := range tests {
		if got := tt.l.Dir(); got != tt.dir {
			t.Errorf("%q.Dir() = %q, want %q", tt.l, got, tt.dir)
		}
		if got := tt.l.NativeName(); got != tt.name {
			t.Errorf("%q.NativeName() = %q, want %q", tt.l, got, tt.name)
		}
	}
}

func TestAllAndDefault(t *testing.T) {
	if len(All) != 4 || All[0] != AR || All[1] != FR || All[2] != EN || All[3] != ZGH {
		t.Errorf("All = %v, want [ar fr en zgh]", All)
	}
	if Default != AR {
		t.Errorf("Default = %q, want ar", Default)
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct {
		header string
		want   Lang
	}{
		{"", AR},
		{"   ", AR},
		{"ar", AR},
		{"ar-MA", AR},
		{"ar-MA,ar;q=0.9,fr;q=0.8", AR},
		{"ary", AR},
		{"fr", FR},
		{"fr-FR", FR},
		{"fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", FR},
		{"fr-CA", FR},
		{"en-US,en;q=0.9", EN},
		{"en-GB", EN},
		{"zgh", ZGH},
		{"zgh-Tfng-MA", ZGH},
		{"ber", ZGH},
		{"tzm", ZGH},
		{"tzm-Latn-MA", ZGH},
		{"shi", ZGH},
		{"shi-Tfng", ZGH},
		{"rif", ZGH},
		{"und-Tfng", ZGH},
		// q-values decide, not order.
		{"en;q=0.5, fr;q=0.9", FR},
		{"ar;q=0.1, en;q=0.2, fr;q=0.15", EN},
		{"de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", FR},
		{"shi;q=0.9, ar;q=0.8", ZGH},
		// Equal q: first wins.
		{"en, fr", EN},
		{"fr;q=0.8, en;q=0.8", FR},
		// q=0 means "not acceptable".
		{"fr;q=0, en", EN},
		{"fr;q=0", AR},
		// Nothing usable.
		{"de", AR},
		{"de-DE, es;q=0.8, ja;q=0.5", AR},
		{"*", AR},
		{"x-klingon", AR},
		{"kab", AR},
		// Garbage, whole or in part.
		{"garbage!!", AR},
		{";;;,,,q=1", AR},
		{"fr-FR;q=abc, en", EN},
		{"%%%, fr;q=0.5", FR},
		{"en;q=2", EN}, // out-of-range weight: x/text tolerates it, so do we
		{string([]byte{0xff, 0xfe}), AR},
		{"de," + string(make([]byte, 5000)) + ",fr", AR},
	}
	for _, tt := range tests {
		if got := Negotiate(tt.header); got != tt.want {
			t.Errorf("Negotiate(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestNegotiateManyEntries(t *testing.T) {
	h := ""
	for range 100 {
		h += "de;q=0.9,"
	}
	h += "fr"
	// fr is past the 32-entry limit: ignored, so the default applies.
	if got := Negotiate(h); got != AR {
		t.Errorf("Negotiate(100 entries then fr) = %q, want %q", got, AR)
	}
}
