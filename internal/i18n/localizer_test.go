package i18n

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"
)

// testBundle is a small bundle written for these tests, independent of the
// shipped catalogs.
func testBundle(t *testing.T) *Bundle {
	t.Helper()
	return newBundle(map[Lang]*catalog{
		AR: mustCatalog(t, AR, `{
			"home.welcome": "مرحبا بكم في {name}",
			"home.fairs": {"zero": "لا معارض", "one": "معرض واحد", "two": "معرضان", "few": "{count} معارض", "many": "{count} معرضًا", "other": "{count} معرض"},
			"home.in_city": {"zero": "لا معارض في {city}", "one": "معرض واحد في {city}", "two": "معرضان في {city}", "few": "{count} معارض في {city}", "many": "{count} معرضًا في {city}", "other": "{count} معرض في {city}"},
			"home.plain": "نص",
			"only.ar": "عربي فقط"
		}`),
		FR: mustCatalog(t, FR, `{
			"home.welcome": "Bienvenue à {name}",
			"home.fairs": {"one": "{count} salon", "other": "{count} salons"},
			"home.in_city": {"one": "{count} salon à {city}", "other": "{count} salons à {city}"},
			"home.plain": "texte",
			"admin.only_fr": "seulement en français",
			"admin.fr_plural": {"one": "{count} candidature", "other": "{count} candidatures"}
		}`),
		EN: mustCatalog(t, EN, `{
			"home.welcome": "Welcome to {name}",
			"home.fairs": {"one": "{count} fair", "other": "{count} fairs"},
			"home.in_city": {"one": "{count} fair in {city}", "other": "{count} fairs in {city}"},
			"home.plain": "text"
		}`),
		ZGH: mustCatalog(t, ZGH, `{
			"home.welcome": "ⴰⵏⵙⴱⴰⵢ ⵖⵔ {name}",
			"home.fairs": {"one": "{count} ⵓⵙⵎⵓⵏ", "other": "{count} ⵉⵙⵎⵓⵏⵏ"}
		}`),
	})
}

func TestT(t *testing.T) {
	b := testBundle(t)
	tests := []struct {
		l    Lang
		key  string
		args []any
		want string
	}{
		{AR, "home.welcome", []any{"name", "Sefrou"}, "مرحبا بكم في Sefrou"},
		{FR, "home.welcome", []any{"name", "Sefrou"}, "Bienvenue à Sefrou"},
		{EN, "home.welcome", []any{"name", "Sefrou"}, "Welcome to Sefrou"},
		{ZGH, "home.welcome", []any{"name", "ⵚⴼⵔⵓ"}, "ⴰⵏⵙⴱⴰⵢ ⵖⵔ ⵚⴼⵔⵓ"},
		{EN, "home.plain", nil, "text"},
		// zgh falls back to French, then to the key.
		{ZGH, "home.plain", nil, "texte"},
		{ZGH, "admin.only_fr", nil, "seulement en français"},
		{ZGH, "only.ar", nil, "only.ar"},
		{EN, "no.such_key", nil, "no.such_key"},
		{EN, "admin.only_fr", nil, "admin.only_fr"}, // no fallback for en
		// Wrong or odd arguments never panic.
		{EN, "home.welcome", nil, "Welcome to {name}"},
		{EN, "home.welcome", []any{"name"}, "Welcome to {name}"},
		{EN, "home.welcome", []any{"other", "x"}, "Welcome to {name}"},
		{EN, "home.welcome", []any{"name", "A", "extra"}, "Welcome to A"},
		{EN, "home.welcome", []any{42, "x", "name", "B"}, "Welcome to B"},
		{EN, "home.welcome", []any{"name", "A", "name", "B"}, "Welcome to A"},
		{EN, "home.plain", []any{"name", "unused"}, "text"},
		// Value formatting.
		{EN, "home.welcome", []any{"name", 2022}, "Welcome to 2022"},
		{FR, "home.welcome", []any{"name", int64(10000)}, "Bienvenue à 10000"},
		{FR, "home.welcome", []any{"name", time.July}, "Bienvenue à juillet"},
		{AR, "home.welcome", []any{"name", time.Date(2022, 7, 12, 0, 0, 0, 0, time.UTC)}, "مرحبا بكم في 12 يوليوز 2022"},
		{EN, "home.welcome", []any{"name", time.Monday}, "Welcome to Monday"},
		{EN, "home.welcome", []any{"name", errors.New("boom")}, "Welcome to boom"},
		{EN, "home.welcome", []any{"name", 1.5}, "Welcome to 1.5"},
		{EN, "home.welcome", []any{"name", nil}, "Welcome to <nil>"},
		// T on a plural message uses "other".
		{EN, "home.fairs", nil, "{count} fairs"},
	}
	for _, tt := range tests {
		if got := b.For(tt.l).T(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s T(%q, %v) = %q, want %q", tt.l, tt.key, tt.args, got, tt.want)
		}
	}
}

func TestN(t *testing.T) {
	b := testBundle(t)
	tests := []struct {
		l    Lang
		n    int
		want string
	}{
		{AR, 0, "لا معارض"},
		{AR, 1, "معرض واحد"},
		{AR, 2, "معرضان"},
		{AR, 3, "3 معارض"},
		{AR, 10, "10 معارض"},
		{AR, 11, "11 معرضًا"},
		{AR, 99, "99 معرضًا"},
		{AR, 100, "100 معرض"},
		{AR, 101, "101 معرض"},
		{AR, 102, "102 معرض"},
		{AR, 103, "103 معارض"},
		{AR, 111, "111 معرضًا"},
		{AR, 1000, "1.000 معرض"},
		{FR, 0, "0 salon"},
		{FR, 1, "1 salon"},
		{FR, 2, "2 salons"},
		{FR, 12345, "12\u202f345 salons"},
		{EN, 0, "0 fairs"},
		{EN, 1, "1 fair"},
		{EN, 2, "2 fairs"},
		{EN, 1000, "1,000 fairs"},
		{ZGH, 0, "0 ⵓⵙⵎⵓⵏ"},
		{ZGH, 1, "1 ⵓⵙⵎⵓⵏ"},
		{ZGH, 2, "2 ⵉⵙⵎⵓⵏⵏ"},
		{ZGH, 11, "11 ⵓⵙⵎⵓⵏ"},
		{ZGH, 100, "100 ⵉⵙⵎⵓⵏⵏ"},
	}
	for _, tt := range tests {
		if got := b.For(tt.l).N("home.fairs", tt.n); got != tt.want {
			t.Errorf("%s N(home.fairs, %d) = %q, want %q", tt.l, tt.n, got, tt.want)
		}
	}
}

func TestNWithArgsAndFallback(t *testing.T) {
	b := testBundle(t)
	tests := []struct {
		l    Lang
		key  string
		n    int
		args []any
		want string
	}{
		{AR, "home.in_city", 3, []any{"city", "صفرو"}, "3 معارض في صفرو"},
		{EN, "home.in_city", 1, []any{"city", "Sefrou"}, "1 fair in Sefrou"},
		// {count} comes from n, whatever args say.
		{EN, "home.in_city", 2, []any{"count", "99", "city", "Sefrou"}, "2 fairs in Sefrou"},
		// zgh falls back to French text, chosen by French rules: 0 is "one"
		// in French (and in Tamazight 11 is "one" but in French it is not).
		{ZGH, "home.in_city", 0, []any{"city", "Sefrou"}, "0 salon à Sefrou"},
		{ZGH, "home.in_city", 11, []any{"city", "Sefrou"}, "11 salons à Sefrou"},
		{ZGH, "admin.fr_plural", 1, nil, "1 candidature"},
		// N on a simple message uses it as is; missing key returns the key.
		{EN, "home.plain", 5, nil, "text"},
		{EN, "no.such_key", 5, nil, "no.such_key"},
		// Negative counts pick by absolute value and print the sign.
		{EN, "home.fairs", -1, nil, "-1 fair"},
	}
	for _, tt := range tests {
		if got := b.For(tt.l).N(tt.key, tt.n, tt.args...); got != tt.want {
			t.Errorf("%s N(%q, %d, %v) = %q, want %q", tt.l, tt.key, tt.n, tt.args, got, tt.want)
		}
	}
}

func TestHas(t *testing.T) {
	b := testBundle(t)
	tests := []struct {
		l    Lang
		key  string
		want bool
	}{
		{AR, "home.welcome", true},
		{AR, "admin.only_fr", false},
		{ZGH, "admin.only_fr", true}, // through the French fallback
		{ZGH, "only.ar", false},
		{EN, "", false},
	}
	for _, tt := range tests {
		if got := b.For(tt.l).Has(tt.key); got != tt.want {
			t.Errorf("%s Has(%q) = %v, want %v", tt.l, tt.key, got, tt.want)
		}
	}
}

func TestForAndKeys(t *testing.T) {
	b := testBundle(t)
	for _, l := range All {
		if got := b.For(l).Lang(); got != l {
			t.Errorf("For(%s).Lang() = %s", l, got)
		}
		if first, again := b.For(l), b.For(l); first != again {
			t.Errorf("For(%s) is not cached", l)
		}
	}
	if got := b.For("de").Lang(); got != Default {
		t.Errorf(`For("de").Lang() = %s, want %s`, got, Default)
	}
	keys := b.Keys(FR)
	if !slices.IsSorted(keys) || len(keys) != 6 {
		t.Errorf("Keys(fr) = %v, want 6 sorted keys", keys)
	}
	keys[0] = "mutated"
	if b.Keys(FR)[0] == "mutated" {
		t.Error("Keys returns the bundle's own slice")
	}
	if got := b.Keys("de"); got != nil {
		t.Errorf(`Keys("de") = %v, want nil`, got)
	}
}

// Run with -race: a Bundle and its Localizers are shared by every request.
func TestConcurrentUse(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 200 {
				z := b.For(All[(i+j)%len(All)])
				_ = z.T("layout.site_name")
				_ = z.N("home.fairs_count", j)
				_ = z.Money(int64(j) * 1234)
				_ = z.DateRange(time.Date(2022, 7, 12, 0, 0, 0, 0, time.UTC), time.Date(2022, 7, 16, 0, 0, 0, 0, time.UTC))
				_ = b.Keys(z.Lang())
			}
		})
	}
	wg.Wait()
}

func TestTPlainTextDoesNotAllocate(t *testing.T) {
	z := testBundle(t).For(FR)
	if n := testing.AllocsPerRun(100, func() { _ = z.T("home.plain") }); n != 0 {
		t.Errorf("T(plain) allocated %v times, want 0", n)
	}
}

func BenchmarkT(b *testing.B) {
	bundle, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	z := bundle.For(AR)
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = z.T("layout.tagline")
		}
	})
	b.Run("plural", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = z.N("home.fairs_count", 12)
		}
	})
	b.Run("daterange", func(b *testing.B) {
		a, c := time.Date(2022, 11, 28, 0, 0, 0, 0, time.UTC), time.Date(2022, 12, 3, 0, 0, 0, 0, time.UTC)
		b.ReportAllocs()
		for b.Loop() {
			_ = z.DateRange(a, c)
		}
	})
}

// civilDay stands for civil.Date: a day known by its In method.
type civilDay struct{ y, m, d int }

func (d civilDay) In(loc *time.Location) time.Time {
	return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, loc)
}

func TestCivilDateArgumentPrintsAsADate(t *testing.T) {
	b := testBundle(t)
	got := b.For(AR).T("home.welcome", "name", civilDay{2022, 12, 5})
	if got != "مرحبا بكم في 5 دجنبر 2022" {
		t.Fatalf("got %q", got)
	}
}
