package web

import (
	"testing"
	"time"
)

func TestLoginLimiterRefusesPastEitherBucket(t *testing.T) {
	l := newLoginLimiter(LoginLimits{PerAccount: 0.5, PerAccountBurst: 2, PerAddress: 10, PerAddressBurst: 3})
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if !l.allow("amina", "192.0.2.1", now) || !l.allow("amina", "192.0.2.1", now) {
		t.Fatal("the first attempts were refused")
	}
	if l.allow("amina", "192.0.2.2", now) {
		t.Fatal("a third attempt on one account passed, from another address")
	}
	if !l.allow("said", "192.0.2.1", now) {
		t.Fatal("another account was refused while its address had attempts left")
	}
	if l.allow("karim", "192.0.2.1", now) {
		t.Fatal("a fourth attempt from one address passed")
	}
	if !l.allow("amina", "192.0.2.3", now.Add(2*time.Second)) {
		t.Fatal("the account's bucket did not refill")
	}
}
