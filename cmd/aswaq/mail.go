package main

import (
	"flag"
	"net/mail"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/outbox"
)

// mailFlags say how Aswaq sends email. Without --smtp-host nothing is sent: messages wait
// in the outbox, where the admin page shows them, so a demonstration works offline.
type mailFlags struct {
	host     string
	port     int
	user     string
	password string
	from     string
	tls      string
}

const (
	defaultSMTPPort = 587
	defaultSMTPTLS  = string(outbox.StartTLSRequired)
)

func (m *mailFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&m.host, "smtp-host", "", "mail server for outgoing email (none: email waits in the outbox, shown on the admin page)")
	fs.IntVar(&m.port, "smtp-port", defaultSMTPPort, "mail server port (587 for STARTTLS, 465 for --smtp-tls tls)")
	fs.StringVar(&m.user, "smtp-user", "", "user name on the mail server")
	fs.StringVar(&m.password, "smtp-password", "", "password on the mail server (prefer the environment to the command line)")
	fs.StringVar(&m.from, "smtp-from", "", `sender of outgoing email: "Aswaq <noreply@example.ma>" or an address`)
	fs.StringVar(&m.tls, "smtp-tls", defaultSMTPTLS, "starttls-required, starttls-opportunistic, tls (implicit, port 465) or none")
}

// sender returns the SMTP sender the flags describe, nil when no mail server is set, or a
// usage error naming the flags that disagree. It never includes the password in an error.
func (m *mailFlags) sender() (outbox.Sender, error) {
	if m.host == "" {
		var set []string
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"--smtp-port", m.port != defaultSMTPPort}, {"--smtp-user", m.user != ""},
			{"--smtp-password", m.password != ""}, {"--smtp-from", m.from != ""}, {"--smtp-tls", m.tls != defaultSMTPTLS},
		} {
			if f.set {
				set = append(set, f.name)
			}
		}
		if len(set) > 0 {
			return nil, usagef("%s set without --smtp-host (ASWAQ_SMTP_HOST): give the mail server, or remove the other mail settings", strings.Join(set, ", "))
		}
		return nil, nil
	}
	mode, err := outbox.ParseTLSMode(m.tls)
	if err != nil {
		return nil, usagef("--smtp-tls: %v", err)
	}
	cfg := outbox.SMTPConfig{Host: m.host, Port: m.port, Username: m.user, Password: m.password, TLS: mode, Timeout: 30 * time.Second}
	switch {
	case m.from == "":
		return nil, usagef(`--smtp-host is set but --smtp-from (ASWAQ_SMTP_FROM) is not: give the sender, e.g. "Aswaq <noreply@example.ma>"`)
	case m.port < 1 || m.port > 65535:
		return nil, usagef("--smtp-port %d is not a port", m.port)
	case mode == outbox.ImplicitTLS && m.port == defaultSMTPPort:
		return nil, usagef("--smtp-tls tls speaks TLS from the first byte, but port 587 expects STARTTLS: use --smtp-port 465 or --smtp-tls starttls-required")
	case m.password != "" && m.user == "":
		return nil, usagef("--smtp-password is set but --smtp-user (ASWAQ_SMTP_USER) is not")
	case m.user != "" && m.password == "":
		return nil, usagef("--smtp-user is set but --smtp-password (ASWAQ_SMTP_PASSWORD) is not")
	case m.user != "" && mode == outbox.NoTLS:
		return nil, usagef("--smtp-user with --smtp-tls none would send the password in clear: use starttls-required or tls")
	}
	from, err := mail.ParseAddress(m.from)
	if err != nil || !outbox.ValidEmail(from.Address) {
		return nil, usagef("--smtp-from %q is not an email address", m.from)
	}
	cfg.From, cfg.FromName = from.Address, from.Name
	s, err := outbox.NewSMTPSender(cfg)
	if err != nil {
		return nil, usagef("mail settings: %v", oneLine(err))
	}
	return s, nil
}
