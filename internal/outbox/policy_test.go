package outbox

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestDefaultPolicyBacksOffThenGivesUp(t *testing.T) {
	p := DefaultPolicy()
	want := []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 6 * time.Hour, 12 * time.Hour, 12 * time.Hour}
	var total time.Duration
	for i, w := range want {
		attempts := i + 1
		if p.GiveUp(attempts) {
			t.Fatalf("gave up after %d attempts", attempts)
		}
		if got := p.Delay(attempts, 0.5); got != w {
			t.Errorf("delay after attempt %d = %v, want %v", attempts, got, w)
		}
		lo, hi := p.Delay(attempts, 0), p.Delay(attempts, 0.999999)
		if lo < w*8/10 || hi > w*12/10 || lo >= w || hi <= w {
			t.Errorf("jitter after attempt %d: [%v, %v] around %v", attempts, lo, hi, w)
		}
		total += w
	}
	if !p.GiveUp(8) {
		t.Fatal("did not give up after 8 attempts")
	}
	if total < 24*time.Hour || total > 48*time.Hour {
		t.Fatalf("retries span %v; want between one and two days", total)
	}
}

func TestPolicyEdges(t *testing.T) {
	if (Policy{}).GiveUp(1000) {
		t.Fatal("a policy without MaxAttempts never gives up")
	}
	if d := (Policy{}).Delay(3, 0.5); d != time.Minute {
		t.Fatalf("empty delays: %v", d)
	}
	if d := (Policy{Delays: []time.Duration{time.Millisecond}}).Delay(1, 0); d != time.Second {
		t.Fatalf("delay not floored at one second: %v", d)
	}
}

func TestPermanent(t *testing.T) {
	base := errors.New("550 no such user")
	err := fmt.Errorf("sending: %w", Permanent(base))
	if !IsPermanent(err) || !errors.Is(err, base) || err.Error() != "sending: 550 no such user" {
		t.Fatalf("Permanent lost something: %v", err)
	}
	if IsPermanent(base) || Permanent(nil) != nil {
		t.Fatal("IsPermanent or Permanent(nil) wrong")
	}
}
