package web

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LoginLimits are the sign-in rate limits: per account, against guessing one person's
// password, and per address, against trying many accounts. The per-address limit is
// generous because a whole fair's phones may reach the server through one operator's NAT.
type LoginLimits struct {
	PerAccount      rate.Limit
	PerAccountBurst int
	PerAddress      rate.Limit
	PerAddressBurst int
}

// DefaultLoginLimits: 5 attempts at once then one every 30 s per account; 30 at once then
// two a second per address.
var DefaultLoginLimits = LoginLimits{
	PerAccount: rate.Every(30 * time.Second), PerAccountBurst: 5,
	PerAddress: 2, PerAddressBurst: 30,
}

// loginLimiter holds one token bucket per account and per address, in memory: each
// process limits on its own, which with a few processes still bounds guessing tightly.
type loginLimiter struct {
	mu        sync.Mutex
	limits    LoginLimits
	accounts  map[string]*bucket
	addresses map[string]*bucket
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLoginLimiter(l LoginLimits) *loginLimiter {
	return &loginLimiter{limits: l, accounts: map[string]*bucket{}, addresses: map[string]*bucket{}}
}

// allow takes one attempt from both buckets; it refuses if either is empty.
func (l *loginLimiter) allow(account, address string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	a := take(l.accounts, account, l.limits.PerAccount, l.limits.PerAccountBurst, now)
	b := take(l.addresses, address, l.limits.PerAddress, l.limits.PerAddressBurst, now)
	return a && b
}

func take(m map[string]*bucket, key string, r rate.Limit, burst int, now time.Time) bool {
	if len(m) > 100_000 { // forget idle buckets rather than grow without bound
		for k, b := range m {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(m, k)
			}
		}
	}
	b, ok := m[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(r, burst)}
		m[key] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}
