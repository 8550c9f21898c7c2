package token

import "testing"

func TestNewTokensAreUniqueAndHashed(t *testing.T) {
	a, ha := New()
	b, hb := New()
	if a == b || ha == hb || len(a) != 43 || len(ha) != 64 {
		t.Fatalf("tokens %q %q hashes %q %q", a, b, ha, hb)
	}
	if Hash(a) != ha || !Equal(Hash(a), ha) || Equal(ha, hb) {
		t.Fatal("hash or comparison wrong")
	}
}
