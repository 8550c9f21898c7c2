// Package outbox holds the messages Aswaq sends to people (email now, SMS later). A message
// is written to the outbox in the same transaction as the change that causes it, so an
// invitation is never stored without its email nor its email sent for an invitation that
// was rolled back; a Worker then delivers it through a Sender, with retries. Without a
// Sender the messages simply wait in the outbox, where an administrator can read them, so a
// demonstration works offline.
//
// The package is pure Go: storage is behind the Queue interface (implemented by the store)
// and delivery behind Sender (implemented by SMTPSender).
package outbox

import (
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// Channel is how a message reaches its recipient.
type Channel string

// The channels. SMS is accepted in the outbox now so that callers can queue text messages;
// it is delivered once an SMS sender exists.
const (
	Email Channel = "email"
	SMS   Channel = "sms"
)

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return c == Email || c == SMS }

// Status is where a message is in its life. It is derived from the message's timestamps,
// never stored, so it cannot disagree with them.
type Status string

// The statuses.
const (
	Pending Status = "pending" // waiting for its first or next attempt
	Sent    Status = "sent"    // accepted by the mail server (or SMS gateway)
	Failed  Status = "failed"  // given up: a permanent refusal, or too many attempts
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s == Pending || s == Sent || s == Failed }

// Message is one message to one person.
type Message struct {
	ID            int64
	Channel       Channel
	Recipient     string // an email address for Email, an E.164 number (+212…) for SMS
	RecipientName string // shown in the To header; may be empty
	Lang          string // the recipient's language (ar, fr, en, zgh); the text is already in it
	Kind          string // what the message is for, e.g. "invitation", "password_reset"
	Subject       string // required for email, ignored for SMS
	Body          string // plain text

	CreatedAt     time.Time
	Attempts      int       // delivery attempts started so far
	NextAttemptAt time.Time // not sent before this time; set it ahead to schedule a message
	SentAt        time.Time // zero until sent
	FailedAt      time.Time // zero unless given up
	LastError     string    // why the last attempt failed, for the administrator
}

// Status derives the message's status from its timestamps.
func (m *Message) Status() Status {
	switch {
	case !m.SentAt.IsZero():
		return Sent
	case !m.FailedAt.IsZero():
		return Failed
	}
	return Pending
}

// e164 is an international phone number: a plus, a country code not starting with 0, at
// most 15 digits in all. Patterns are compiled on first use: commands that send no mail
// do not pay for them at start-up.
var e164 = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`) })

// kindPattern keeps kinds short identifiers, since the admin page filters on them.
var kindPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`) })

// Validate checks a message before it is queued, and normalises it (trims spaces, lower-cases
// the language). It reports every problem at once as catalog keys. It refuses line breaks in
// the recipient's name and in the subject, which would otherwise let user input add mail
// headers.
func (m *Message) Validate() error {
	m.Recipient = strings.TrimSpace(m.Recipient)
	m.RecipientName = strings.TrimSpace(m.RecipientName)
	m.Subject = strings.TrimSpace(m.Subject)
	m.Kind = strings.TrimSpace(m.Kind)
	var v apperr.Validation
	v.Check(m.Channel.Valid(), "channel", "outbox.error.channel")
	switch m.Channel {
	case Email:
		v.Check(ValidEmail(m.Recipient), "recipient", "outbox.error.email", "value", m.Recipient)
		v.Check(m.Subject != "", "subject", "outbox.error.subject_required")
	case SMS:
		v.Check(e164().MatchString(m.Recipient), "recipient", "outbox.error.phone", "value", m.Recipient)
	}
	v.Check(!strings.ContainsAny(m.RecipientName, "\r\n"), "recipient_name", "outbox.error.line_break")
	v.Check(!strings.ContainsAny(m.Subject, "\r\n"), "subject", "outbox.error.line_break")
	v.Check(strings.TrimSpace(m.Body) != "", "body", "outbox.error.body_required")
	lang, ok := i18n.Parse(m.Lang)
	v.Check(ok, "lang", "outbox.error.lang", "value", m.Lang)
	if ok {
		m.Lang = string(lang)
	}
	v.Check(kindPattern().MatchString(m.Kind), "kind", "outbox.error.kind", "value", m.Kind)
	return v.Err()
}

// ValidEmail reports whether s is a bare email address (no display name, no comments) with a
// domain that has a dot, which is what a mail server will accept in RCPT TO.
func ValidEmail(s string) bool {
	if s == "" || len(s) > 254 || strings.ContainsAny(s, " \t\r\n<>") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
