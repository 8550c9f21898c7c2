package outbox

import "time"

// Policy decides when a failed delivery is tried again and when to give up.
//
// After the n-th failed attempt the message waits Delays[n-1] (the last delay repeats once
// the list runs out), stretched or shrunk at random by up to Jitter (a fraction: 0.2 means
// ±20%) so that messages that failed together — a mail server down for an hour — do not all
// come back in the same second. After MaxAttempts attempts it is given up and shows as
// failed on the admin page, where an administrator can queue it again. A permanent failure
// (see Permanent) is given up at once.
type Policy struct {
	Delays      []time.Duration
	MaxAttempts int
	Jitter      float64
}

// DefaultPolicy tries 8 times over about a day and a half: after 1 min, 5 min, 30 min, 2 h,
// 6 h, 12 h and 12 h (±20%). That outlasts a mail server's maintenance or a provider's
// day-long outage, and still tells the administrator within two days that an invitation
// never left.
func DefaultPolicy() Policy {
	return Policy{
		Delays: []time.Duration{
			time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour,
			6 * time.Hour, 12 * time.Hour,
		},
		MaxAttempts: 8,
		Jitter:      0.2,
	}
}

// GiveUp reports whether a message that has failed attempts times must not be tried again.
func (p Policy) GiveUp(attempts int) bool {
	return p.MaxAttempts > 0 && attempts >= p.MaxAttempts
}

// Delay returns how long to wait after the attempts-th failed attempt. r is a random number
// in [0, 1) (pass 0.5 for no jitter); taking it as an argument keeps Delay deterministic for
// tests.
func (p Policy) Delay(attempts int, r float64) time.Duration {
	if len(p.Delays) == 0 {
		return time.Minute
	}
	i := min(max(attempts-1, 0), len(p.Delays)-1)
	d := p.Delays[i]
	if p.Jitter > 0 {
		d += time.Duration(float64(d) * p.Jitter * (2*r - 1))
	}
	return max(d, time.Second)
}
