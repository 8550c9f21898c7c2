package password

import (
	"strings"
	"testing"
)

var fast = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashAndVerify(t *testing.T) {
	h, err := Hash("كلمة سر طويلة", fast)
	if err != nil || !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("Hash = %q, %v", h, err)
	}
	h2, _ := Hash("كلمة سر طويلة", fast)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	if ok, _, err := Verify("كلمة سر طويلة", h, fast); !ok || err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if ok, _, _ := Verify("كلمة سر طويلة ", h, fast); ok {
		t.Fatal("wrong password accepted")
	}
}

func TestVerifyAsksForRehashWhenParametersRise(t *testing.T) {
	h, _ := Hash("correct horse battery", fast)
	if _, rehash, _ := Verify("correct horse battery", h, fast); rehash {
		t.Fatal("same parameters must not ask for a rehash")
	}
	if _, rehash, _ := Verify("correct horse battery", h, Default); !rehash {
		t.Fatal("weaker parameters must ask for a rehash")
	}
}

func TestVerifyRefusesMalformedHashes(t *testing.T) {
	for _, s := range []string{"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdA$a2V5a2V5a2V5a2V5a2V5", "$argon2id$v=18$m=64,t=1,p=1$c2FsdA$a2V5", "$argon2id$v=19$m=64,t=0,p=1$c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5", "$argon2id$v=19$m=64,t=1,p=1$!!$a2V5"} {
		if ok, _, err := Verify("x", s, fast); ok || err == nil {
			t.Errorf("Verify(%q) = %v, %v", s, ok, err)
		}
	}
}

// BenchmarkHashDefault measures one argon2id hash with the production parameters:
// go test -run '^$' -bench HashDefault ./internal/password
func BenchmarkHashDefault(b *testing.B) {
	for b.Loop() {
		Hash("a reasonably long password", Default)
	}
}

// The hash verified for unknown accounts must cost what a real one does: Default's
// parameters, and a salt and key of Default's lengths, since verifying does as much work
// as those ask for. It is made once.
func TestDummyHashCostsWhatARealHashCosts(t *testing.T) {
	p, salt, key, err := decode(dummyHash())
	if err != nil {
		t.Fatal(err)
	}
	if p.Memory != Default.Memory || p.Time != Default.Time || p.Threads != Default.Threads ||
		len(salt) != int(Default.SaltLen) || len(key) != int(Default.KeyLen) {
		t.Errorf("dummy hash %q: parameters %+v, salt %d bytes, key %d bytes; want those of %+v", dummyHash(), p, len(salt), len(key), Default)
	}
	if dummyHash() != dummyHash() {
		t.Error("the dummy hash is made anew on each use")
	}
	if ok, _, err := Verify("aswaq-no-such-account", dummyHash(), Default); ok || err != nil {
		t.Errorf("Verify against the dummy hash = %v, %v; want no match and no error", ok, err)
	}
}
